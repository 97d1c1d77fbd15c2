import { describe, expect, it } from 'vitest';
import { computeWaves } from './waves.js';

describe('computeWaves', () => {
  it('layers workloads by their dependencies, groups meaning every workload below them', () => {
    const plan = computeWaves([
      { id: '/web', dependencies: ['/backend'] },
      { id: '/backend/api', dependencies: ['/data/db', '/data/cache'] },
      { id: '/backend/worker', dependencies: ['/data/db'] },
      { id: '/data/db', dependencies: [] },
      { id: '/data/cache', dependencies: ['/data/db'] },
      { id: '/standalone', dependencies: [] },
    ]);
    expect(Object.fromEntries(plan.waves)).toEqual({
      '/data/db': 0,
      '/standalone': 0,
      '/data/cache': 1,
      '/backend/worker': 1,
      '/backend/api': 2,
      '/web': 3,
    });
    expect(plan.cycles).toEqual([]);
  });

  it('puts the members of a cycle in one wave after their own dependencies', () => {
    const plan = computeWaves([
      { id: '/a', dependencies: ['/b'] },
      { id: '/b', dependencies: ['/c', '/base'] },
      { id: '/c', dependencies: ['/a'] },
      { id: '/base', dependencies: [] },
      { id: '/after', dependencies: ['/a'] },
    ]);
    expect(plan.cycles).toEqual([['/a', '/b', '/c']]);
    expect(plan.waves.get('/a')).toBe(1);
    expect(plan.waves.get('/b')).toBe(1);
    expect(plan.waves.get('/c')).toBe(1);
    expect(plan.waves.get('/after')).toBe(2);
  });

  it('lists dependencies on ids outside the plan and ignores a workload depending on its own group', () => {
    const plan = computeWaves([
      { id: '/g/a', dependencies: ['/elsewhere', '/g'] },
      { id: '/g/b', dependencies: [] },
    ]);
    expect(Object.fromEntries(plan.unknown)).toEqual({ '/g/a': ['/elsewhere'] });
    expect(plan.waves.get('/g/a')).toBe(1);
    expect(plan.cycles).toEqual([]);
  });

  it('handles a long chain without recursion limits', () => {
    const chain = Array.from({ length: 20_000 }, (_, index) => ({ id: `/n${index}`, dependencies: index === 0 ? [] : [`/n${index - 1}`] }));
    expect(computeWaves(chain).waves.get('/n19999')).toBe(19_999);
  });
});
