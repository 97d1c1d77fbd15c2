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
});
