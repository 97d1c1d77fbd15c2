// Plans and pipeline results built by hand for the report tests: small, hostile, and huge.
import { MODEL_VERSION, type Workload } from '../model.js';
import { buildPlan, type PlanDocument } from '../plan.js';
import type { PipelineResult, RegisteredRule, WorkloadStatus } from '../pipeline.js';
import { CORE_RULES } from '../core-rules.js';
import type { Finding } from '../finding.js';
import { GENERIC_TARGET } from '../target-profile.js';

export const HOSTILE = `</script><img src=x onerror="alert(1)">'&`;

export interface FixtureWorkload {
  readonly id: string;
  readonly status?: WorkloadStatus;
  readonly wave?: number;
  readonly namespace?: string;
  readonly dependencies?: readonly string[];
  readonly origin?: string;
  readonly originPointer?: string;
}

const RULES: RegisteredRule[] = [
  { ...CORE_RULES['core/unaccounted-field'], plugin: '@baton/core' },
  { ...CORE_RULES['core/plugin-failed'], plugin: '@baton/core' },
  { id: 'demo/blocker', description: 'A blocker.', defaultSeverity: 'error', impact: 'blocker', messages: { m: 'blocked {{x}}' }, hint: 'fix', docs: 'Demo blocker.', plugin: 'demo-plugin' },
  { id: 'demo/approx', description: 'An approximation.', defaultSeverity: 'warning', impact: 'degraded', messages: { m: 'approx' }, hint: 'check', docs: 'Demo.', plugin: 'demo-plugin' },
  { id: 'other/note', description: 'A note.', defaultSeverity: 'info', impact: 'info', messages: { m: 'note' }, hint: 'none', docs: 'Note.', plugin: 'other-plugin' },
];

function workloadOf(fixture: FixtureWorkload): Workload {
  return {
    id: fixture.id,
    sourceKind: 'app',
    kind: 'service',
    origin: fixture.origin ?? '/estate/groups.json',
    originPointer: fixture.originPointer ?? '',
    replicas: 1,
    containers: [],
    volumes: [],
    network: { mode: 'host', networks: [], requirePorts: false },
    placement: { constraints: [] },
    rollout: { minimumHealthCapacity: 1, maximumOverCapacity: 1 },
    dependencies: fixture.dependencies ?? [],
    labels: {},
    exposure: [],
    secrets: [],
    hints: {},
  };
}

/** A PipelineResult as the engine would return it, without running any plugin. */
export function fixtureResult(workloads: readonly FixtureWorkload[], findings: readonly Finding[] = []): PipelineResult {
  const model = workloads.map(workloadOf);
  return {
    model: { modelVersion: MODEL_VERSION, source: { reader: 'marathon', location: '/estate/groups.json', via: 'file', facts: {} }, workloads: model, groups: [] },
    output: {
      workloads: workloads.map((w) => ({
        workload: w.id,
        namespace: w.namespace ?? 'default',
        name: w.id.split('/').filter(Boolean).join('-') || 'root',
        objects: [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x', namespace: w.namespace ?? 'default' } }],
        file: `manifests/${w.namespace ?? 'default'}/x.yaml`,
        wave: w.wave ?? 0,
      })),
      shared: [],
      files: [],
    },
    findings,
    ledger: new Map(
      workloads.map((w) => [
        w.id,
        [
          { pointer: '/id', disposition: 'mapped' as const, to: 'id' },
          { pointer: '/container/volumes/0/persistent/constraints', disposition: 'unsupported' as const, ruleId: 'demo/approx' },
        ],
      ]),
    ),
    status: new Map(workloads.map((w) => [w.id, w.status ?? 'ready'])),
    rules: new Map(RULES.map((rule) => [rule.id, rule])),
    target: GENERIC_TARGET,
    timings: { read: 0, transform: 0, check: 0, write: 0, settle: 0 },
  } as PipelineResult;
}

export function finding(ruleId: string, workload: string, pointer = '', message = 'message'): Finding {
  const rule = RULES.find((r) => r.id === ruleId)!;
  return { ruleId, severity: rule.defaultSeverity, impact: rule.impact, workload, pointer, message, hint: rule.hint, docsUrl: `https://baton.dev/docs/rules/${ruleId}`, plugin: rule.plugin };
}

export function fixturePlan(workloads: readonly FixtureWorkload[], findings: readonly Finding[] = []): PlanDocument {
  return buildPlan(fixtureResult(workloads, findings), { name: '@baton/test', version: '0.0.0' });
}
