import { describe, expect, it } from 'vitest';
import { fieldView } from './lenient.js';

describe('fieldView', () => {
  const view = fieldView(['id', 'cmd', 'labels'] as const);

  it('reads the named fields a definition has, whatever their order, and leaves the others undefined', () => {
    const labels = { a: 'b' };
    expect(view({ labels, id: '/x', extra: 1 })).toEqual({ id: '/x', cmd: undefined, labels });
    expect(view({ cmd: null, id: '/y' })).toEqual({ id: '/y', cmd: null, labels: undefined });
    expect(view({ labels }).labels).toBe(labels);
  });

  it('takes nothing from the prototype or from keys it was not asked for', () => {
    const withProto = JSON.parse('{"__proto__": {"id": "/evil"}, "constructor": 1}');
    expect(view(withProto)).toEqual({ id: undefined, cmd: undefined, labels: undefined });
  });
});
