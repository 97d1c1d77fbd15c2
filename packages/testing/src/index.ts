export { RuleTester, makeContainer, makeModel, makeTarget, makeWorkload } from './rule-tester.js';
export type { ExpectedFinding, InvalidCase, RecordedReport, RuleTesterCases, ValidCase, WorkloadInput } from './rule-tester.js';
export { runPipelineInMemory, type InMemoryPipelineOptions } from './run-pipeline-in-memory.js';
export * from './kubernetes/index.js';
export * from './marathon/index.js';
export { hasOpenssl, selfSignedCertificate, type SelfSignedCertificate } from './self-signed-certificate.js';
