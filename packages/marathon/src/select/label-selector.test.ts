import { BatonError } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { matchesLabelSelector, parseLabelSelector } from './label-selector.js';
import { selectWorkloads } from './workload-selection.js';

describe('parseLabelSelector (Marathon LabelSelectorParsers syntax)', () => {
  it('parses existence, equality and set selectors joined by commas', () => {
    expect(parseLabelSelector('a in (t1, t2, t3), b notin (t1), c, d == x, e!=y')).toEqual([
      { key: 'a', op: 'in', values: ['t1', 't2', 't3'] },
      { key: 'b', op: 'notin', values: ['t1'] },
      { key: 'c', op: 'exists' },
      { key: 'd', op: '==', value: 'x' },
      { key: 'e', op: '!=', value: 'y' },
    ]);
  });

  it('takes any character after a backslash', () => {
    expect(parseLabelSelector('\\!\\!\\! in (\\-\\-\\-, \\&\\&\\&, \\+\\+\\+)')).toEqual([{ key: '!!!', op: 'in', values: ['---', '&&&', '+++'] }]);
    expect(parseLabelSelector('HAPROXY_0_VHOST==a.example\\,b.example')).toEqual([{ key: 'HAPROXY_0_VHOST', op: '==', value: 'a.example,b.example' }]);
  });

  it('rejects bad syntax with a usage error', () => {
    for (const text of ['a ==', 'a in (x', 'a b', '']) {
      expect(() => parseLabelSelector(text), text).toThrow(expect.objectContaining({ code: 'BATON1001' }));
    }
    try {
      parseLabelSelector('a ==');
    } catch (error) {
      expect(BatonError.isInstance(error)).toBe(true);
    }
  });

  it('matches like Marathon: every selector must hold, and != / notin need the label', () => {
    const labels = { tier: 'web', env: 'prod' };
    expect(matchesLabelSelector(parseLabelSelector('tier==web,env in (prod,qa)'), labels)).toBe(true);
    expect(matchesLabelSelector(parseLabelSelector('tier==web,env==qa'), labels)).toBe(false);
    expect(matchesLabelSelector(parseLabelSelector('owner!=me'), labels)).toBe(false);
    expect(matchesLabelSelector(parseLabelSelector('tier notin (db)'), labels)).toBe(true);
  });
});

describe('selectWorkloads', () => {
  const workloads: { id: string; labels: Record<string, string> }[] = [
    { id: '/prod/web/api', labels: { tier: 'web' } },
    { id: '/prod/web/ui', labels: { tier: 'web' } },
    { id: '/prod/db', labels: { tier: 'db' } },
    { id: '/production/x', labels: {} },
  ];
  const ids = (options: Parameters<typeof selectWorkloads>[1]) => selectWorkloads(workloads, options).map((workload) => workload.id);

  it('keeps ids and group prefixes given to only, then drops those given to exclude', () => {
    expect(ids({ only: 'prod' })).toEqual(['/prod/web/api', '/prod/web/ui', '/prod/db']);
    expect(ids({ only: ['/prod/web/', '/production/x'], exclude: '/prod/web/ui' })).toEqual(['/prod/web/api', '/production/x']);
    expect(ids({ exclude: ['/prod'] })).toEqual(['/production/x']);
    expect(ids({})).toHaveLength(4);
  });

  it('filters by label selector', () => {
    expect(ids({ label: 'tier==web' })).toEqual(['/prod/web/api', '/prod/web/ui']);
    expect(ids({ label: ['tier', 'tier!=web'] })).toEqual(['/prod/db']);
  });
});
