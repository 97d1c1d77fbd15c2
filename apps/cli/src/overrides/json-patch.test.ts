import { describe, expect, it } from 'vitest';
import { applyJsonPatch, mergePatch } from './json-patch.js';
import { globToRegExp, matchesLabel } from './match-workload.js';

describe('mergePatch (RFC 7386)', () => {
  it('merges objects, deletes with null, replaces arrays, and lists what it wrote', () => {
    const target = { a: { b: 1, c: [1, 2] }, d: 'x' };
    const { document, written } = mergePatch(target, { a: { c: [3], e: true }, d: null });
    expect(document).toEqual({ a: { b: 1, c: [3], e: true } });
    expect(written).toEqual([['a', 'c'], ['a', 'e'], ['d']]);
    expect(target).toEqual({ a: { b: 1, c: [1, 2] }, d: 'x' });
  });
});

describe('applyJsonPatch (RFC 6902)', () => {
  const doc = { spec: { replicas: 1, containers: [{ name: 'a' }] } };
  it('applies add, replace, remove, copy and move, all or nothing', () => {
    const result = applyJsonPatch(doc, [
      { op: 'test', path: '/spec/replicas', value: 1 },
      { op: 'replace', path: '/spec/replicas', value: 2 },
      { op: 'add', path: '/spec/containers/-', value: { name: 'b' } },
      { op: 'copy', from: '/spec/containers/0', path: '/spec/first' },
      { op: 'move', from: '/spec/first', path: '/spec/moved' },
      { op: 'remove', path: '/spec/containers/0' },
    ]);
    expect(result).toMatchObject({ document: { spec: { replicas: 2, containers: [{ name: 'b' }], moved: { name: 'a' } } } });
    expect(doc.spec.replicas).toBe(1);
  });

  it.each([
    [[{ op: 'test' as const, path: '/spec/replicas', value: 3 }], 'test'],
    [[{ op: 'replace' as const, path: '/spec/missing', value: 3 }], 'operation'],
    [[{ op: 'remove' as const, path: '/spec/containers/5' }], 'operation'],
    [[{ op: 'add' as const, path: '/nope/deeper', value: 1 }], 'operation'],
  ])('fails %j with kind %s', (operations, kind) => {
    expect(applyJsonPatch(doc, operations)).toMatchObject({ failure: { kind } });
  });
});

describe('workload matching', () => {
  it.each([
    ['/prod/**', '/prod/payments/api', true],
    ['/prod/**', '/prod', true],
    ['/prod/**', '/production/api', false],
    ['/prod/*', '/prod/payments/api', false],
    ['/prod/*/api', '/prod/payments/api', true],
    ['/prod/ap?', '/prod/api', true],
  ])('%s matches %s: %s', (glob, id, expected) => {
    expect(globToRegExp(glob).test(id)).toBe(expected);
  });

  it.each([
    ['team', true],
    ['team=payments', true],
    ['team==payments', true],
    ['team!=payments', false],
    ['team=search', false],
    ['owner', false],
    ['owner!=x', true],
  ])('label selector %s on team=payments: %s', (selector, expected) => {
    expect(matchesLabel({ team: 'payments' }, selector)).toBe(expected);
  });
});
