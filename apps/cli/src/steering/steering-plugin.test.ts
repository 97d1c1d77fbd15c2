import { runPipelineInMemory } from '@baton/testing';
import { describe, expect, it } from 'vitest';
import { steeringPlugin } from './steering-plugin.js';

const run = (labels: Record<string, string>, kind: 'service' | 'pod' = 'service') =>
  runPipelineInMemory({ plugins: [steeringPlugin()], workloads: [{ id: '/prod/api', kind, labels: { team: 'a', ...labels } }, { id: '/prod/web' }] });

describe('steering labels', () => {
  it('removes a workload labelled baton.io/skip=true, with an info finding', async () => {
    const result = await run({ 'baton.io/skip': 'true' });
    expect(result.model.workloads.map((w) => w.id)).toEqual(['/prod/web']);
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.workload, f.pointer])).toEqual([['steering/skipped', 'info', '/prod/api', '/labels/baton.io~1skip']]);
  });

  it('sets kind, namespace and service type, and removes the labels it consumed', async () => {
    const result = await run({ 'baton.io/kind': 'stateful-service', 'baton.io/namespace': 'team-a', 'baton.io/service-type': 'headless', 'baton.io/skip': 'false' });
    const api = result.model.workloads[0]!;
    expect(api.kind).toBe('stateful-service');
    expect(api.hints).toMatchObject({ namespace: 'team-a', serviceType: 'headless' });
    expect(api.labels).toEqual({ team: 'a' });
    expect(result.findings.map((f) => f.ruleId).sort()).toEqual(['steering/applied', 'steering/applied', 'steering/applied']);
  });

  it.each([
    [{ 'baton.io/kind': 'daemon' }, 'invalid'],
    [{ 'baton.io/namespace': 'Team_A' }, 'invalid'],
    [{ 'baton.io/service-type': 'ExternalName' }, 'invalid'],
    [{ 'baton.io/skip': 'yes' }, 'invalid'],
    [{ 'baton.io/owner': 'x' }, 'unknown'],
  ])('ignores %j with a warning and keeps the label', async (labels, messageId) => {
    const result = await run(labels);
    expect(result.findings.map((f) => [f.ruleId, f.severity])).toEqual([['steering/invalid-label', 'warning']]);
    expect(result.findings[0]!.message).toBeTruthy();
    expect(result.model.workloads[0]!.labels).toMatchObject(labels);
    expect(result.model.workloads).toHaveLength(2);
    expect(messageId).toMatch(/invalid|unknown/);
  });

  it('does not change the kind of a pod', async () => {
    const result = await run({ 'baton.io/kind': 'job' }, 'pod');
    expect(result.model.workloads[0]!.kind).toBe('pod');
    expect(result.findings.map((f) => f.ruleId)).toEqual(['steering/invalid-label']);
  });

  it('leaves a model without steering labels untouched', async () => {
    const result = await runPipelineInMemory({ plugins: [steeringPlugin()], workloads: [{ id: '/prod/api' }] });
    expect(result.findings).toEqual([]);
  });
});
