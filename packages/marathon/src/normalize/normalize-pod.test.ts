import { describe, expect, it } from 'vitest';
import { normalizePod } from './normalize-pod.js';

describe('normalizePod', () => {
  const pod = {
    id: 'pod',
    environment: { SHARED: 'pod', LEVEL: 'pod', TOKEN: { secret: 'token' } },
    secrets: { token: { source: '/ops/token' } },
    containers: [
      {
        name: 'web',
        image: { kind: 'docker', id: 'nginx' },
        exec: { command: { shell: 'nginx -g daemon off' } },
        environment: { LEVEL: 'container' },
        endpoints: [{ name: 'http', containerPort: 80, protocol: ['http'] }],
        healthCheck: { http: { endpoint: 'http', path: '/health' } },
        volumeMounts: [{ name: 'scratch', mountPath: 'tmp' }],
      },
      { name: 'sidecar', exec: { command: { argv: ['/bin/agent', '--flag'] } } },
    ],
    volumes: [{ name: 'scratch' }],
    networks: [{ mode: 'container', name: 'dcos' }],
  };

  it('resolves the id, copies pod environment into each container (the container wins) and applies defaults', () => {
    const normalized = normalizePod(pod, { base: '/prod' });
    expect(normalized.id).toBe('/prod/pod');
    expect(normalized.containers[0]?.environment.map((variable) => [variable.name, 'value' in variable ? variable.value : variable.secret, variable.pointer])).toEqual([
      ['SHARED', 'pod', '/environment/SHARED'],
      ['TOKEN', 'token', '/environment/TOKEN'],
      ['LEVEL', 'container', '/containers/0/environment/LEVEL'],
    ]);
    expect(normalized.containers[1]?.environment.map((variable) => variable.name)).toEqual(['SHARED', 'LEVEL', 'TOKEN']);
    expect(normalized).toMatchObject({
      instances: 1,
      backoff: { seconds: 1, factor: 1.15, maxLaunchDelaySeconds: 300 },
      upgrade: { minimumHealthCapacity: 1, maximumOverCapacity: 1 },
      killSelection: 'YOUNGEST_FIRST',
      unreachableStrategy: { inactiveAfterSeconds: 0, expungeAfterSeconds: 0 },
      resident: false,
    });
    expect(normalized.containers[0]).toMatchObject({
      image: { kind: 'DOCKER', id: 'nginx', forcePull: false },
      exec: { command: { shell: 'nginx -g daemon off' }, overrideEntrypoint: true },
      resources: { cpus: 1, mem: 128, disk: 0, gpus: 0 },
      healthCheck: { kind: 'http', endpoint: 'http', path: '/health', gracePeriodSeconds: 300, intervalSeconds: 60, timeoutSeconds: 20, maxConsecutiveFailures: 3, delaySeconds: 15 },
      volumeMounts: [{ name: 'scratch', mountPath: 'tmp', readOnly: false }],
    });
    expect(normalized.containers[1]?.exec).toEqual({ command: { argv: ['/bin/agent', '--flag'] }, overrideEntrypoint: false });
  });

  it('gives endpoints a dynamic host port outside container networks only', () => {
    expect(normalizePod(pod).containers[0]?.endpoints[0]).not.toHaveProperty('hostPort');
    const host = normalizePod({ ...pod, networks: [{ mode: 'host' }] });
    expect(host.containers[0]?.endpoints[0]?.hostPort).toBe(0);
    expect(normalizePod({ ...pod, networks: [] }).networks).toEqual([]);
  });

  it('reads a PodStatus spec with pointers below /spec, and makes persistent pods resident', () => {
    const normalized = normalizePod({ ...pod, volumes: [{ name: 'data', persistent: { size: 10 } }] }, { pointer: '/spec' });
    expect(normalized.containers[0]?.pointer).toBe('/spec/containers/0');
    expect(normalized.volumes).toEqual([{ kind: 'persistent', name: 'data', persistent: { type: 'root', size: 10 }, pointer: '/spec/volumes/0' }]);
    expect(normalized).toMatchObject({ resident: true, unreachableStrategy: 'disabled', upgrade: { minimumHealthCapacity: 0.5, maximumOverCapacity: 0 } });
  });
});
