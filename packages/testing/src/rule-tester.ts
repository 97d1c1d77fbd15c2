// Tests a checker the way ESLint's RuleTester tests a rule: a list of valid cases that must
// report nothing and invalid cases that must report exactly the listed message ids. Cases run
// through the same steps as the pipeline (appliesTo, then check once for the workload), with the
// same strictness: an unknown messageId or an unfilled {{placeholder}} fails the test.

import { strict as assert } from 'node:assert';
import {
  GENERIC_TARGET,
  MODEL_VERSION,
  PLUGIN_API_VERSION,
  mergeTargetProfile,
  renderTemplate,
  validatePlugin,
  type CheckContext,
  type CheckReport,
  type Checker,
  type Container,
  type JsonPointer,
  type MigrationModel,
  type Network,
  type Placement,
  type Rollout,
  type TargetProfile,
  type TargetProfileLayer,
  type Workload,
} from '@baton/core';
import { describe as vitestDescribe, it as vitestIt } from 'vitest';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A workload with any field left out; nested network, placement, rollout and containers are filled too. */
export type WorkloadInput = Partial<Omit<Workload, 'containers' | 'network' | 'placement' | 'rollout'>> & {
  readonly containers?: readonly Partial<Container>[];
  readonly network?: Partial<Network>;
  readonly placement?: Partial<Placement>;
  readonly rollout?: Partial<Rollout>;
};

export interface ValidCase {
  /** Test title; defaults to a summary of the workload. */
  readonly name?: string;
  readonly workload: WorkloadInput;
  /** A full profile, or a partial one merged over the generic target. */
  readonly target?: TargetProfile | TargetProfileLayer;
  /** Other workloads of the estate (for rules that compare workloads). */
  readonly others?: readonly WorkloadInput[];
  /** A whole model instead of `others`; the case's workload replaces the one with its id, or is added first. */
  readonly model?: MigrationModel;
  /** Plugin options as the pipeline would pass them in `ctx.options`. */
  readonly options?: Readonly<Record<string, unknown>>;
  readonly only?: boolean;
}

export interface ExpectedFinding {
  readonly messageId: string;
  /** JSON pointer the finding must point at; unchecked when absent. */
  readonly pointer?: JsonPointer;
  /** Workload the finding must name; defaults to the case's workload when `workload` is given. */
  readonly workload?: string;
  /** Subset of the report's data that must match. */
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface InvalidCase extends ValidCase {
  readonly errors: readonly ExpectedFinding[];
}

export interface RuleTesterCases {
  readonly valid: readonly ValidCase[];
  readonly invalid: readonly InvalidCase[];
}

type SuiteFunction = (title: string, body: () => void) => void;
type TestFunction = (title: string, body: () => void | Promise<void>) => void;

export class RuleTester {
  /** Test-framework hooks, like ESLint's RuleTester: vitest by default, replaceable for jest or node:test. */
  static describe: SuiteFunction = vitestDescribe as SuiteFunction;
  static it: TestFunction = vitestIt as TestFunction;
  static itOnly: TestFunction = (vitestIt as unknown as { only: TestFunction }).only;

  /** Registers one suite per checker with a test per case. */
  static run(checker: Checker<any>, cases: RuleTesterCases): void {
    const ruleId = checker.meta?.id ?? '(no id)';
    RuleTester.describe(ruleId, () => {
      RuleTester.it('has a valid shape', () => assertCheckerShape(checker));
      RuleTester.describe('valid', () => {
        cases.valid.forEach((testCase, index) => {
          const test = testCase.only ? RuleTester.itOnly : RuleTester.it;
          test(testCase.name ?? caseTitle(testCase, index), async () => {
            const reports = await runCase(checker, testCase);
            assert.deepEqual(
              reports.map((r) => r.messageId),
              [],
              `${ruleId} should report nothing for valid case ${index}, reported: ${summarize(reports)}`,
            );
          });
        });
      });
      RuleTester.describe('invalid', () => {
        cases.invalid.forEach((testCase, index) => {
          const test = testCase.only ? RuleTester.itOnly : RuleTester.it;
          test(testCase.name ?? caseTitle(testCase, index), async () => {
            assert.ok(testCase.errors.length > 0, `invalid case ${index} of ${ruleId} must list at least one expected error`);
            const reports = await runCase(checker, testCase);
            assertReports(checker, testCase, reports, index);
          });
        });
      });
    });
  }

  /** Runs one case and returns what the checker reported (with `workload` filled), without assertions. */
  static findings(checker: Checker<any>, testCase: ValidCase): Promise<RecordedReport[]> {
    return runCase(checker, testCase);
  }
}

/** A report as the checker made it, with `workload` defaulted like the pipeline does. */
export interface RecordedReport extends CheckReport {
  readonly workload: string;
}

async function runCase(checker: Checker<any>, testCase: ValidCase): Promise<RecordedReport[]> {
  const workload = makeWorkload(testCase.workload);
  // The checked workload is the very object in the model, as in the pipeline.
  const base = testCase.model ?? makeModel(testCase.others ?? []);
  const index = base.workloads.findIndex((w) => w.id === workload.id);
  const workloads = index >= 0 ? base.workloads.map((w, i) => (i === index ? workload : w)) : [workload, ...base.workloads];
  const model: MigrationModel = { ...base, workloads };
  const target = resolveTarget(testCase.target);
  const reports: RecordedReport[] = [];
  if (checker.appliesTo && !checker.appliesTo(workload, target)) return reports;
  const ctx: CheckContext<Record<string, unknown>> = {
    options: { ...(testCase.options ?? {}) },
    meta: { coreVersion: 'test', apiVersion: PLUGIN_API_VERSION },
    target,
    logger: { debug() {}, info() {}, warn() {} },
    signal: new AbortController().signal,
    ledger: { claim() {} },
    model,
    workload,
    fail(code) {
      throw new Error(`checker called ctx.fail(${code}); checkers report findings instead`);
    },
    report(finding) {
      reports.push({ ...finding, workload: finding.workload ?? workload.id });
    },
  };
  await checker.check(ctx);
  return reports;
}

function assertCheckerShape(checker: Checker<any>): void {
  const id = checker.meta?.id ?? 'x/x';
  const problems = validatePlugin(
    { apiVersion: PLUGIN_API_VERSION, meta: { name: 'rule-tester', version: '0.0.0', namespace: id.split('/')[0] }, checkers: { [id]: checker } },
    'checker',
  );
  assert.deepEqual(problems, [], `checker ${id} is malformed:\n${problems.join('\n')}`);
}

function assertReports(checker: Checker<any>, testCase: InvalidCase, reports: readonly RecordedReport[], index: number): void {
  const ruleId = checker.meta.id;
  const messages = checker.meta.messages as Readonly<Record<string, string>>;
  for (const expected of testCase.errors) {
    assert.ok(expected.messageId in messages, `${ruleId} has no message "${expected.messageId}" (case ${index} expects it)`);
  }
  assert.equal(
    reports.length,
    testCase.errors.length,
    `${ruleId} should report ${testCase.errors.length} finding(s) for invalid case ${index}, reported ${reports.length}: ${summarize(reports)}`,
  );
  reports.forEach((report, position) => {
    const expected = testCase.errors[position]!;
    const template = messages[report.messageId];
    assert.ok(template !== undefined, `${ruleId} reported unknown messageId "${report.messageId}"`);
    assert.equal(report.messageId, expected.messageId, `finding ${position} of case ${index}: messageId`);
    if (expected.pointer !== undefined) assert.equal(report.pointer ?? '', expected.pointer, `finding ${position} of case ${index}: pointer`);
    const expectedWorkload = expected.workload ?? testCase.workload.id;
    if (expectedWorkload !== undefined) assert.equal(report.workload, expectedWorkload, `finding ${position} of case ${index}: workload`);
    if (expected.data) {
      for (const [key, value] of Object.entries(expected.data)) {
        assert.deepEqual(report.data?.[key], value, `finding ${position} of case ${index}: data.${key}`);
      }
    }
    // What the pipeline would render must be complete: no {{placeholder}} left unfilled.
    for (const text of [template!, checker.meta.hint]) {
      const rendered = renderTemplate(text, report.data);
      assert.ok(!/\{\{\s*[\w.-]+\s*\}\}/.test(rendered), `${ruleId}/${report.messageId}: unfilled placeholder in "${rendered}"`);
    }
  });
}

function resolveTarget(target: TargetProfile | TargetProfileLayer | undefined): TargetProfile {
  if (target === undefined) return GENERIC_TARGET;
  return mergeTargetProfile(GENERIC_TARGET, target as TargetProfileLayer);
}

function caseTitle(testCase: ValidCase, index: number): string {
  const target = (testCase.target as { id?: string } | undefined)?.id;
  return `#${index} ${testCase.workload.id ?? '/app'}${target ? ` on ${target}` : ''}`;
}

function summarize(reports: readonly RecordedReport[]): string {
  if (reports.length === 0) return '(none)';
  return reports.map((r) => `${r.messageId}@${r.workload}${r.pointer ?? ''}`).join(', ');
}

// ---------------------------------------------------------------------------------------------
// Builders: small complete objects, so tests state only what matters to the rule.

/** A complete container; `partial` wins field by field. */
export function makeContainer(partial: Partial<Container> = {}, index = 0): Container {
  return {
    name: `main${index === 0 ? '' : `-${index}`}`,
    pointer: index === 0 ? '' : `/containers/${index}`,
    image: { ref: 'nginx:1.27', forcePull: false, runtime: 'docker', pointer: '/container/docker/image' },
    resources: { cpus: 0.1, memMiB: 128, diskMiB: 0, gpus: 0 },
    env: [],
    mounts: [],
    probes: [],
    ports: [],
    artifacts: [],
    runtimeParameters: [],
    labels: {},
    ...partial,
  };
}

/** A complete workload (a one-replica Marathon app on host networking); `partial` wins field by field. */
export function makeWorkload(partial: WorkloadInput = {}): Workload {
  const { containers, network, placement, rollout, ...rest } = partial;
  const workload: Mutable<Workload> = {
    id: '/app',
    sourceKind: 'app',
    kind: 'service',
    origin: 'test',
    originPointer: '',
    replicas: 1,
    containers: (containers ?? [{}]).map((container, index) => makeContainer(container, index)),
    volumes: [],
    network: { mode: 'host', networks: [], requirePorts: false, ...network },
    placement: { constraints: [], ...placement },
    rollout: { minimumHealthCapacity: 1, maximumOverCapacity: 1, ...rollout },
    dependencies: [],
    labels: {},
    exposure: [],
    secrets: [],
    hints: {},
    ...rest,
  };
  return workload;
}

/** A model holding `workloads` (filled with makeWorkload) in the given order. */
export function makeModel(workloads: readonly WorkloadInput[] = []): MigrationModel {
  return {
    modelVersion: MODEL_VERSION,
    source: { reader: 'test', location: 'memory', via: 'file', facts: {} },
    workloads: workloads.map((workload) => makeWorkload(workload)),
    groups: [],
  };
}

/** The generic target with `partial` merged over it (validated: a typo in a test fails loudly). */
export function makeTarget(partial: TargetProfileLayer = {}): TargetProfile {
  return mergeTargetProfile(GENERIC_TARGET, partial);
}
