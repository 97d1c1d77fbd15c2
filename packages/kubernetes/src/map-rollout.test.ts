import { describe, expect, it } from 'vitest';
import { deploymentStrategy } from './map-rollout.js';
import { cpuQuantity, mebibyteQuantity } from './map-resources.js';

describe('deploymentStrategy', () => {
  it.each([
    // instances, mhc, moc → maxUnavailable, maxSurge
    [3, 1, 1, 0, 3],
    [10, 0.5, 0.2, 5, 2],
    [10, 0.3, 0.3, 7, 3], // 10 × 0.3 is 3.0000000000000004 in floating point
    [4, 0.9, 0, 0, 1], // both 0 → Marathon allows one extra
    [1, 1, 0, 0, 1],
    [5, 0.5, 0, 2, 0],
    [0, 1, 1, 0, 1],
  ])('%d instances, mhc %d, moc %d → maxUnavailable %d, maxSurge %d', (instances, mhc, moc, maxUnavailable, maxSurge) => {
    expect(deploymentStrategy(instances, mhc, moc)).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge } });
  });

  it('uses Recreate when neither healthy capacity nor over-capacity is required', () => {
    expect(deploymentStrategy(3, 0, 0)).toEqual({ type: 'Recreate' });
  });
});

describe('quantities', () => {
  it('writes canonical CPU quantities', () => {
    expect(cpuQuantity(0.1)).toBe('100m');
    expect(cpuQuantity(1)).toBe('1');
    expect(cpuQuantity(1.5)).toBe('1500m');
    expect(cpuQuantity(2)).toBe('2');
    expect(cpuQuantity(0.0015)).toBe('2m');
    expect(cpuQuantity(0.0001)).toBe('1m');
    expect(cpuQuantity(0)).toBeUndefined();
  });

  it('rounds memory up to whole MiB', () => {
    expect(mebibyteQuantity(128)).toBe('128Mi');
    expect(mebibyteQuantity(512.5)).toBe('513Mi');
    expect(mebibyteQuantity(0.1)).toBe('1Mi');
    expect(mebibyteQuantity(0)).toBeUndefined();
  });
});
