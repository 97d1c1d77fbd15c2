import { describe, expect, it } from 'vitest';
import { CoverageLedger, pointerOf, walkLeaves } from './ledger.js';

describe('CoverageLedger', () => {
  it('lists every leaf, including empty containers, with escaped pointers', () => {
    const leaves: string[] = [];
    walkLeaves({ a: 1, 'b/c': { 'd~': [] }, e: [{}, null] }, '', (p) => leaves.push(p));
    expect(leaves).toEqual(['/a', '/b~1c/d~0', '/e/0', '/e/1']);
    expect(pointerOf('labels', 'HAPROXY_0/x')).toBe('/labels/HAPROXY_0~1x');
  });

  it('resolves subtree claims and reports unclaimed leaves', () => {
    const ledger = new CoverageLedger();
    ledger.claim('/a', '/labels', { disposition: 'mapped', subtree: true });
    ledger.claim('/a', '/cmd', { disposition: 'mapped', to: 'command' });
    const { entries, unclaimed } = ledger.settle('/a', { cmd: 'x', labels: { k: 'v' }, mystery: 1 });
    expect(entries.map((e) => [e.pointer, e.disposition])).toEqual([
      ['/cmd', 'mapped'],
      ['/labels/k', 'mapped'],
    ]);
    expect(unclaimed).toEqual(['/mystery']);
  });

  it('lets the more cautious disposition win', () => {
    const ledger = new CoverageLedger();
    ledger.claim('/a', '/x', { disposition: 'approximated', ruleId: 'k8s/y' });
    ledger.claim('/a', '/x', { disposition: 'mapped' });
    expect(ledger.resolve('/a', '/x')?.disposition).toBe('approximated');
  });

  it('keeps a subtree claim covering its leaves when a later claim of the same pointer wins, across interleaved workloads', () => {
    const ledger = new CoverageLedger();
    ledger.claim('/a', '/env', { disposition: 'mapped', subtree: true });
    ledger.claim('/b', '/env', { disposition: 'default' });
    ledger.claim('/a', '/env', { disposition: 'approximated', ruleId: 'k8s/env' });
    expect(ledger.resolve('/a', '/env/X')).toEqual({ disposition: 'approximated', ruleId: 'k8s/env', subtree: true });
    expect(ledger.resolve('/b', '/env/X')).toBeUndefined();
    expect(ledger.resolve('/b', '/env')?.disposition).toBe('default');
  });

  it('settles the leaves walkLeaves lists, in its order, for every workload sharing the pointers', () => {
    const definitions = [
      { a: 1, 'b/c': { 'd~': [] }, e: [{}, null, [3, { f: 'x' }]], labels: { k: 'v', 'k/2': 'w' } },
      { e: [null], a: { deeper: true }, labels: {} },
      'scalar',
      [],
    ];
    const ledger = new CoverageLedger();
    definitions.forEach((definition, index) => {
      walkLeaves(definition, '', (pointer) => {
        if (pointer.startsWith('/a')) ledger.claim(`/w${index}`, pointer, { disposition: 'mapped', to: 'a' });
      });
      ledger.claim(`/w${index}`, '/labels', { disposition: 'mapped', subtree: true });
    });
    definitions.forEach((definition, index) => {
      const leaves: string[] = [];
      walkLeaves(definition, '', (pointer) => leaves.push(pointer));
      const { entries, unclaimed } = ledger.settle(`/w${index}`, definition);
      expect([...entries.map((entry) => entry.pointer), ...unclaimed].sort()).toEqual([...leaves].sort());
      expect(entries.map((entry) => entry.pointer)).toEqual(leaves.filter((pointer) => pointer.startsWith('/a') || pointer.startsWith('/labels')));
      expect(unclaimed).toEqual(leaves.filter((pointer) => !pointer.startsWith('/a') && !pointer.startsWith('/labels')));
    });
  });

  it('shares the entry of a frozen claim between workloads, and copies nothing else', () => {
    const ledger = new CoverageLedger();
    const shared = Object.freeze({ disposition: 'mapped' as const, to: 'id' });
    ledger.claim('/a', '/id', shared);
    ledger.claim('/b', '/id', shared);
    ledger.claim('/a', '/cmd', { disposition: 'mapped', to: 'command' });
    ledger.claim('/b', '/cmd', { disposition: 'mapped', to: 'command' });
    const a = ledger.settle('/a', { id: '/a', cmd: 'x' }).entries;
    const b = ledger.settle('/b', { id: '/b', cmd: 'y' }).entries;
    expect(a).toEqual([{ pointer: '/id', disposition: 'mapped', to: 'id' }, { pointer: '/cmd', disposition: 'mapped', to: 'command' }]);
    expect(b).toEqual(a);
    expect(b[0]).toBe(a[0]);
    expect(Object.isFrozen(a[0])).toBe(true);
    expect(b[1]).not.toBe(a[1]);
  });
});
