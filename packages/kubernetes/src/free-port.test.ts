import { describe, expect, it } from 'vitest';
import { freePort, isPortNumber } from './free-port.js';

describe('freePort', () => {
  it('returns the start when it is free, else the next free number', () => {
    expect(freePort(() => false, 8080)).toBe(8080);
    const taken = new Set([8080, 8081]);
    expect(freePort((port) => taken.has(port), 8080)).toBe(8082);
  });

  it('wraps past 65535 to 1', () => {
    const taken = new Set([65535]);
    expect(freePort((port) => taken.has(port), 65535)).toBe(1);
  });

  it('starts at 1 for numbers outside the port range instead of counting past 2^53', () => {
    expect(freePort((port) => port === 1, 2 ** 53)).toBe(2);
    expect(freePort(() => false, -3)).toBe(1);
    expect(freePort(() => false, 80.5)).toBe(1);
  });

  it('gives up when every port is taken', () => {
    expect(freePort(() => true, 80)).toBeUndefined();
  });

  it('knows the port range', () => {
    expect([0, 1, 65535, 65536, 2 ** 53, 1.5].map(isPortNumber)).toEqual([false, true, true, false, false, false]);
  });
});

describe('ports beyond the range in a workload', () => {
  // found by the reliability property: two service ports of 2^53 looped forever in buildServices
  it('plans two ports of 2^53 on one protocol without looping', async () => {
    const { runWriter } = await import('./__fixtures__/builders.js');
    const huge = 2 ** 53;
    const port = (index: number) => ({ index, containerPort: huge, servicePort: huge, protocols: ['udp' as const], labels: {}, pointer: `/portDefinitions/${index}` });
    const { find } = await runWriter([{ id: '/a', network: { mode: 'host', networks: [], requirePorts: true }, containers: [{ ports: [port(0), port(1)] }] }]);
    const ports = find('/a', 'Service').spec.ports.map((entry: { port: number }) => entry.port);
    expect(ports).toHaveLength(2);
    expect(new Set(ports).size).toBe(2);
  });
});
