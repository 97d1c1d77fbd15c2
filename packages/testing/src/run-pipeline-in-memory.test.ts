import { defineChecker, definePlugin } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { runPipelineInMemory } from './run-pipeline-in-memory.js';

const plugin = definePlugin({
  apiVersion: 1,
  meta: { name: 'demo-plugin', version: '1.0.0', namespace: 'demo' },
  checkers: {
    'demo/replicas': defineChecker({
      apiVersion: 1,
      meta: {
        id: 'demo/replicas',
        description: 'Counts replicas.',
        defaultSeverity: 'warning',
        impact: 'blocker',
        messages: { many: '{{replicas}} replicas on {{target}}.' },
        hint: 'Scale down.',
        docs: 'Demo.',
      },
      check(ctx) {
        if (ctx.workload.replicas > 1) ctx.report({ messageId: 'many', pointer: '/instances', data: { replicas: ctx.workload.replicas, target: ctx.target.id } });
      },
    }),
    'demo/throws': defineChecker({
      apiVersion: 1,
      meta: { id: 'demo/throws', description: 'Throws.', defaultSeverity: 'info', impact: 'info', messages: { never: 'x' }, hint: 'x', docs: 'x' },
      check() {
        throw new Error('boom');
      },
    }),
  },
});

describe('runPipelineInMemory', () => {
  it('runs checkers through the real pipeline, with rendering, status and isolation of failures', async () => {
    const result = await runPipelineInMemory({
      plugins: [plugin],
      workloads: [{ id: '/one' }, { id: '/many', replicas: 3 }],
      target: { id: 'demo-target' },
    });
    expect(result.findings.map((f) => [f.ruleId, f.workload, f.pointer, f.severity])).toEqual([
      ['core/plugin-failed', '*', '', 'error'],
      ['demo/replicas', '/many', '/instances', 'warning'],
    ]);
    expect(result.findings[1]!.message).toBe('3 replicas on demo-target.');
    expect(result.status.get('/many')).toBe('blocked');
    expect(result.status.get('/one')).toBe('ready');
  });

  it('honours per-rule severity overrides', async () => {
    const result = await runPipelineInMemory({ plugins: [plugin], workloads: [{ replicas: 2 }], ruleSeverity: { 'demo/replicas': 'off', 'core/plugin-failed': 'off' } });
    expect(result.findings).toEqual([]);
  });
});
