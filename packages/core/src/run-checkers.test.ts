import { describe, expect, it } from 'vitest';
import { defineChecker, defineRule, GENERIC_TARGET, MODEL_VERSION, PLUGIN_API_VERSION, type MigrationModel } from './index.js';
import { runCheckers } from './run-checkers.js';

const rule = defineRule({
  id: 'demo/odd',
  description: 'Odd replicas.',
  defaultSeverity: 'warning',
  impact: 'review',
  messages: { odd: '{{id}} runs {{replicas}} replicas.' },
  hint: 'Make it even.',
  docs: 'A rule for the test.',
});
const checker = defineChecker({
  apiVersion: PLUGIN_API_VERSION,
  meta: rule,
  appliesTo: (workload) => workload.replicas > 0,
  check(ctx) {
    if (ctx.workload.replicas % 2 === 1) ctx.report({ messageId: 'odd', pointer: '/instances', data: { id: ctx.workload.id, replicas: ctx.workload.replicas } });
  },
});

describe('runCheckers', () => {
  it('runs rules over every workload they apply to and renders findings as the pipeline does', async () => {
    const workload = (id: string, replicas: number) => ({ id, replicas }) as MigrationModel['workloads'][number];
    const model = { modelVersion: MODEL_VERSION, workloads: [workload('/b', 3), workload('/a', 1), workload('/c', 2), workload('/z', 0)], groups: [] } as unknown as MigrationModel;
    const findings = await runCheckers('demo-plugin', { 'demo/odd': checker }, model, GENERIC_TARGET);
    expect(findings.map((finding) => [finding.ruleId, finding.workload, finding.severity, finding.plugin, finding.message])).toEqual([
      ['demo/odd', '/a', 'warning', 'demo-plugin', '/a runs 1 replicas.'],
      ['demo/odd', '/b', 'warning', 'demo-plugin', '/b runs 3 replicas.'],
    ]);
  });
});
