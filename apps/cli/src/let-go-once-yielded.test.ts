import { describe, expect, it } from 'vitest';
import { letGoOnceYielded } from './let-go-once-yielded.js';

describe('letGoOnceYielded', () => {
  it('yields every item in order and clears each slot as it is yielded', () => {
    const items: (string | undefined)[] = ['a', 'b', 'c'];
    const seen: string[] = [];
    for (const item of letGoOnceYielded(items)) {
      seen.push(item);
      // the slot of the item in hand and those before it are empty; the rest are not taken yet
      expect(items.slice(0, seen.length)).toEqual(Array(seen.length).fill(undefined));
      expect(items.slice(seen.length)).toEqual(['a', 'b', 'c'].slice(seen.length));
    }
    expect(seen).toEqual(['a', 'b', 'c']);
  });

  it('stops clearing where the consumer stops', () => {
    const items: (number | undefined)[] = [1, 2, 3];
    for (const item of letGoOnceYielded(items)) if (item === 1) break;
    expect(items).toEqual([undefined, 2, 3]);
  });
});
