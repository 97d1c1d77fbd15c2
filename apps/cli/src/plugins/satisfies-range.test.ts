import { describe, expect, it } from 'vitest';
import { satisfiesRange } from './satisfies-range.js';

describe('satisfiesRange', () => {
  it.each([
    ['0.1.0', '^0.1.0', true],
    ['0.1.5', '^0.1.0', true],
    ['0.2.0', '^0.1.0', false],
    ['1.4.0', '^1.2.3', true],
    ['2.0.0', '^1.2.3', false],
    ['1.2.2', '^1.2.3', false],
    ['0.0.3', '^0.0.3', true],
    ['0.0.4', '^0.0.3', false],
    ['1.2.9', '~1.2.3', true],
    ['1.3.0', '~1.2.3', false],
    ['1.9.0', '~1', true],
    ['0.1.0', '>=0.1.0', true],
    ['0.0.9', '>=0.1.0', false],
    ['1.5.0', '>=1.2.0 <2.0.0', true],
    ['2.0.0', '>=1.2.0 <2.0.0', false],
    ['0.1.0', '0.1.0', true],
    ['0.1.1', '0.1.0', false],
    ['0.1.7', '0.1.x', true],
    ['0.2.0', '0.1.*', false],
    ['3.0.0', '*', true],
    ['2.1.0', '^1.0.0 || ^2.0.0', true],
    ['3.1.0', '^1.0.0 || ^2.0.0', false],
    ['1.2.0', '>1.1', true],
    ['1.1.5', '>1.1', false],
    ['1.1.5', '<=1.1', true],
  ])('%s in %s is %s', (version, range, expected) => {
    expect(satisfiesRange(version, range)).toBe(expected);
  });

  it.each(['banana', '^one.two', '>=', '^1.2.3 && <2'])('does not understand %j', (range) => {
    expect(satisfiesRange('1.0.0', range)).toBeUndefined();
  });
});
