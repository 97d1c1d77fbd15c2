import { describe, expect, it } from 'vitest';
import { makeWorkload, recordingContext } from './__fixtures__/builders.js';
import { assignNames } from './assign-names.js';
import { reporterFor } from './context.js';
import { resolveOptions } from './options.js';

function names(ids: string[], options: Record<string, unknown> = {}) {
  const { ctx, findings } = recordingContext();
  const resolved = resolveOptions(options).options;
  const workloads = ids.map((id) => makeWorkload({ id, sourceKind: id.includes('pod') ? 'pod' : 'app' }));
  const assigned = assignNames(workloads, resolved, (workload) => reporterFor(ctx, workload));
  return { assigned: Object.fromEntries([...assigned].map(([id, named]) => [id, `${named.namespace}/${named.name}`])), findings };
}

describe('assignNames', () => {
  it('uses the top-level group as namespace and joins deeper groups into the name', () => {
    const { assigned, findings } = names(['/prod/payments/api', '/prod/web', '/api']);
    expect(assigned).toEqual({ '/prod/payments/api': 'prod/payments-api', '/prod/web': 'prod/web', '/api': 'default/api' });
    expect(findings).toEqual([]);
  });

  it('supports flat and depth:N namespace rules', () => {
    expect(names(['/prod/payments/api', '/api'], { namespaces: 'flat', namespace: 'marathon' }).assigned).toEqual({
      '/prod/payments/api': 'marathon/prod-payments-api',
      '/api': 'marathon/api',
    });
    expect(names(['/prod/payments/api', '/prod/web', '/a/b/c/d'], { namespaces: 'depth:2' }).assigned).toEqual({
      '/prod/payments/api': 'prod-payments/api',
      '/prod/web': 'prod/web',
      '/a/b/c/d': 'a-b/c-d',
    });
  });

  it('prefixes ids starting with a digit, by source kind', () => {
    const { assigned, findings } = names(['/prod/1password', '/prod/2pod']);
    expect(assigned).toEqual({ '/prod/1password': 'prod/app-1password', '/prod/2pod': 'prod/pod-2pod' });
    expect(findings.map((f) => [f.rule, f.messageId])).toEqual([
      ['kubernetes/name-adjusted', 'prefixed'],
      ['kubernetes/name-adjusted', 'prefixed'],
    ]);
  });

  it('truncates long ids to valid names that stay unique', () => {
    const long = `/prod/${'segment'.repeat(12)}`;
    const { assigned, findings } = names([long, `${long}2`]);
    const [a, b] = [assigned[long]!, assigned[`${long}2`]!];
    expect(a).not.toBe(b);
    for (const name of [a, b]) expect(name.split('/')[1]!.length).toBeLessThanOrEqual(63);
    expect(findings.map((f) => f.messageId)).toEqual(['truncated', 'truncated']);
  });

  it('resolves collisions after sanitizing deterministically, whatever the input order', () => {
    const first = names(['/prod/a.b', '/prod/a-b', '/prod/A_B']);
    const second = names(['/prod/A_B', '/prod/a-b', '/prod/a.b']);
    expect(first.assigned).toEqual(second.assigned);
    // The smallest id keeps the name; the others get a hash of their own id.
    expect(first.assigned['/prod/A_B']).toBe('prod/a-b');
    expect(first.assigned['/prod/a-b']).toMatch(/^prod\/a-b-[0-9a-f]{8}$/);
    expect(first.assigned['/prod/a.b']).toMatch(/^prod\/a-b-[0-9a-f]{8}$/);
    expect(new Set(Object.values(first.assigned)).size).toBe(3);
    const collisions = first.findings.filter((f) => f.rule === 'kubernetes/name-collision');
    expect(collisions.map((f) => f.workload).sort()).toEqual(['/prod/a-b', '/prod/a.b']);
  });

  it('reports an adjusted namespace once, for the estate', () => {
    const { assigned, findings } = names(['/Prod_1/a', '/Prod_1/b']);
    expect(assigned['/Prod_1/a']).toBe('prod-1/a');
    expect(findings.map((f) => [f.rule, f.messageId, f.workload])).toEqual([['kubernetes/name-adjusted', 'sanitized', '*']]);
  });
});
