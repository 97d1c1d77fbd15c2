import { describe, expect, it } from 'vitest';
import { CompactJson, joinChunks, jsonChunks, LazyJsonArray } from './json-chunks.js';

const samples: Record<string, unknown> = {
  empty: { a: {}, b: [], c: [[]], d: [{}] },
  scalars: { s: 'line\nbreak "quoted" \u2028 → é \ud83d\ude00', n: -1.5e-7, z: 0, t: true, f: false, nul: null },
  skipped: { u: undefined, fn: () => 1, sym: Symbol('x'), arr: [undefined, () => 1, Symbol('y'), 1], keep: 'x' },
  onlySkipped: { inner: { u: undefined } },
  toJson: { when: new Date(Date.UTC(2026, 0, 2)), custom: { toJSON: (key: string) => ({ key, nested: [1, { deep: [] }] }) } },
  deep: { l1: { l2: { l3: { l4: { l5: [{ l6: ['a', { l7: {} }] }] } } } } },
  topArray: [1, 'two', { three: [3, [3.5]] }, [], {}],
  numericKeys: { 2: 'b', 1: 'a', x: { 10: [], 9: {} } },
};

describe('jsonChunks', () => {
  for (const [name, value] of Object.entries(samples)) {
    for (const depth of [0, 1, 2, 3, 10]) {
      for (const chunkDepth of [0, 1, 3]) {
        it(`equals JSON.stringify for ${name} (depth ${depth}, chunk depth ${chunkDepth})`, () => {
          expect(joinChunks(jsonChunks(value, { depth, chunkDepth }))).toBe(JSON.stringify(value, null, 2));
          expect(joinChunks(jsonChunks(value, { depth, chunkDepth, indent: 4 }))).toBe(JSON.stringify(value, null, 4));
        });
      }
    }
  }

  it('yields nothing for a value JSON.stringify leaves out', () => {
    expect([...jsonChunks(undefined)]).toEqual([]);
  });

  it('yields one chunk per member down to the depth', () => {
    const chunks = [...jsonChunks({ items: Array.from({ length: 100 }, (_, i) => ({ i })) }, { depth: 2 })];
    expect(chunks.length).toBeGreaterThan(100);
  });

  it('serializes a LazyJsonArray as the array of its items, made while serializing', () => {
    let made = 0;
    const lazy = new LazyJsonArray(function* () {
      for (let i = 0; i < 3; i++) {
        made++;
        yield { i, tags: ['a'] };
      }
    });
    const chunks = jsonChunks({ results: lazy, after: 1 }, { chunkDepth: 2 });
    const first = chunks.next().value as string;
    expect(made).toBe(0);
    const text = first + joinChunks(chunks);
    expect(made).toBe(3);
    expect(text).toBe(JSON.stringify({ results: [0, 1, 2].map((i) => ({ i, tags: ['a'] })), after: 1 }, null, 2));
    expect(joinChunks(jsonChunks({ results: new LazyJsonArray(() => []) }))).toBe(JSON.stringify({ results: [] }, null, 2));
  });

  it('puts the items of oneLineItemsOf arrays one compact value per line, and parses back to the same value', () => {
    const value = { workloads: [{ id: 'a', coverage: [{ pointer: '/id', disposition: 'mapped', to: 'x' }, { pointer: '/b', disposition: 'default' }], other: [{ k: 1 }] }] };
    const text = joinChunks(jsonChunks(value, { oneLineItemsOf: new Set(['coverage']) }));
    expect(JSON.parse(text)).toEqual(value);
    for (const chunkDepth of [0, 1, 2, 3, 4, 5]) {
      for (const depth of [3, 4, 5]) expect(joinChunks(jsonChunks(value, { depth, chunkDepth, oneLineItemsOf: new Set(['coverage']) }))).toBe(text);
    }
    const lines = text.split('\n');
    expect(lines).toContain('      "coverage": [');
    expect(lines).toContain('        {"pointer":"/id","disposition":"mapped","to":"x"},');
    expect(lines).toContain('        {"pointer":"/b","disposition":"default"}');
    // other arrays stay indented
    expect(lines).toContain('          "k": 1');
    expect(joinChunks(jsonChunks({ coverage: [] }, { oneLineItemsOf: new Set(['coverage']) }))).toBe('{\n  "coverage": []\n}');
  });

  it('uses CompactJson text as is for one-line items and serializes it as its value elsewhere', () => {
    const item = { ruleId: 'a/b', message: { text: 'x "y"' }, n: [1, 2] };
    const pre = new CompactJson(JSON.stringify(item));
    const oneLine = new Set(['results']);
    for (const chunkDepth of [0, 1, 2, 3, 4]) {
      expect(joinChunks(jsonChunks({ results: new LazyJsonArray(() => [pre]) }, { chunkDepth, oneLineItemsOf: oneLine }))).toBe(
        joinChunks(jsonChunks({ results: [item] }, { chunkDepth, oneLineItemsOf: oneLine })),
      );
      for (const depth of [0, 1, 2, 5]) {
        expect(joinChunks(jsonChunks({ other: [pre], one: pre }, { depth, chunkDepth }))).toBe(JSON.stringify({ other: [item], one: item }, null, 2));
      }
    }
  });

  it('renders a shared frozen item (a coverage entry) the same on every line it is on', () => {
    const entry = Object.freeze({ pointer: '/id', disposition: 'mapped', to: 'metadata.name' });
    const value = { workloads: [{ coverage: [entry, entry] }, { coverage: [entry] }] };
    const text = joinChunks(jsonChunks(value, { oneLineItemsOf: new Set(['coverage']) }));
    expect(text.split('\n').filter((line) => line.trim().startsWith('{"pointer"'))).toEqual([
      `        ${JSON.stringify(entry)},`,
      `        ${JSON.stringify(entry)}`,
      `        ${JSON.stringify(entry)}`,
    ]);
    expect(JSON.parse(text)).toEqual(value);
  });
});
