// Test-only builders: hand-made model inputs (plugins never import the Marathon reader) and a
// plugin context that records findings and ledger claims.
import {
  GENERIC_TARGET,
  MODEL_VERSION,
  renderTemplate,
  type Container,
  type LedgerClaim,
  type MigrationModel,
  type PluginContext,
  type ReportInput,
  type TargetProfile,
  type Workload,
  type WorkloadGroup,
} from '@baton/core';
import { KUBERNETES_RULES } from '../rules.js';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type ContainerInput = Partial<Container>;
export type WorkloadInput = Partial<Omit<Workload, 'containers'>> & { containers?: ContainerInput[] };

export function makeContainer(input: ContainerInput = {}, index = 0): Container {
  return {
    name: index === 0 ? 'main' : `main-${index}`,
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
    ...input,
  };
}

export function makeWorkload(input: WorkloadInput = {}): Workload {
  const { containers, ...rest } = input;
  const workload: Mutable<Workload> = {
    id: '/prod/web',
    sourceKind: 'app',
    kind: 'service',
    origin: 'test.json',
    originPointer: '',
    replicas: 1,
    containers: (containers ?? [{}]).map((container, index) => makeContainer(container, index)),
    volumes: [],
    network: { mode: 'container', networks: [], requirePorts: false },
    placement: { constraints: [] },
    rollout: { minimumHealthCapacity: 1, maximumOverCapacity: 1 },
    dependencies: [],
    labels: {},
    exposure: [],
    secrets: [],
    hints: {},
    ...rest,
  };
  return workload;
}

export function makeModel(workloads: readonly WorkloadInput[], groups: readonly WorkloadGroup[] = []): MigrationModel {
  return {
    modelVersion: MODEL_VERSION,
    source: { reader: 'test', location: 'memory', via: 'file', facts: {} },
    workloads: workloads.map(makeWorkload),
    groups,
  };
}

export function makeTarget(partial: Partial<TargetProfile> = {}): TargetProfile {
  return { ...GENERIC_TARGET, ...partial };
}

export interface RecordedContext {
  readonly ctx: PluginContext<any>;
  readonly findings: ReportInput[];
  readonly claims: { workload: string; pointer: string; claim: LedgerClaim }[];
}

/** A plugin context like the pipeline's: it rejects undeclared rules, unknown message ids and data that leaves a placeholder of the message or hint unfilled. */
export function recordingContext(options: Record<string, unknown> = {}, target: TargetProfile = GENERIC_TARGET): RecordedContext {
  const findings: ReportInput[] = [];
  const claims: RecordedContext['claims'] = [];
  const rules = KUBERNETES_RULES as Record<string, { messages: Record<string, string>; hint: string }>;
  const ctx: PluginContext<any> = {
    options,
    meta: { coreVersion: '0.1.0', apiVersion: 1 },
    target,
    logger: { debug() {}, info() {}, warn() {} },
    signal: new AbortController().signal,
    ledger: { claim: (workload, pointer, claim) => claims.push({ workload, pointer, claim }) },
    report(input) {
      const rule = rules[input.rule];
      if (!rule) throw new Error(`undeclared rule ${input.rule}`);
      if (rule.messages[input.messageId] === undefined) throw new Error(`rule ${input.rule} has no message ${input.messageId}`);
      for (const template of [rule.messages[input.messageId]!, rule.hint]) {
        const text = renderTemplate(template, input.data);
        if (text.includes('{{')) throw new Error(`${input.rule}#${input.messageId} leaves a placeholder unfilled: ${text}`);
      }
      findings.push(input);
    },
    fail(code, data) {
      throw new Error(`${code} ${JSON.stringify(data)}`);
    },
  };
  return { ctx, findings, claims };
}

/** `rule#messageId@pointer` per finding of one workload, sorted: what golden tests compare. */
export function findingKeys(findings: readonly ReportInput[], workload?: string): string[] {
  return findings
    .filter((finding) => workload === undefined || finding.workload === workload)
    .map((finding) => `${finding.rule}#${finding.messageId}@${finding.pointer ?? ''}`)
    .sort();
}

/** Runs the writer on hand-made workloads and returns the output with the recorded findings. */
export async function runWriter(workloads: readonly WorkloadInput[], options: Record<string, unknown> = {}, target: TargetProfile = GENERIC_TARGET, groups: readonly WorkloadGroup[] = []) {
  const { writeKubernetes } = await import('../write-kubernetes.js');
  const recorded = recordingContext(options, target);
  const result = await writeKubernetes(makeModel(workloads, groups), recorded.ctx);
  const objectsOf = (id: string) => result.workloads.find((output) => output.workload === id)?.objects ?? [];
  const find = (id: string, kind: string) => objectsOf(id).find((object) => object.kind === kind) as any;
  /** The pod spec of the workload's Deployment, StatefulSet or Job. */
  const podSpec = (id: string) => (find(id, 'Deployment') ?? find(id, 'StatefulSet') ?? find(id, 'Job'))?.spec.template.spec;
  return { result, findings: recorded.findings, claims: recorded.claims, objectsOf, find, podSpec };
}
