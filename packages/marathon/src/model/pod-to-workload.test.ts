import { describe, expect, it } from 'vitest';
import { normalizePod } from '../normalize/normalize-pod.js';
import { podToWorkload } from './pod-to-workload.js';

const placement = { origin: 'pod.json', originPointer: '', inheritedDependencies: ['/db', '/db'], hints: {} };

describe('podToWorkload', () => {
  it('numbers ports across the pod, keeps argv after the entrypoint unless told otherwise, and takes the longest grace period', () => {
    const pod = podToWorkload(
      normalizePod({
        id: '/p',
        networks: [{ mode: 'host' }],
        volumes: [{ name: 'etc', host: '/etc' }, { name: 'work', host: 'work' }, { name: 'tmp' }, { name: 'creds', secret: 'creds' }],
        containers: [
          {
            name: 'web',
            image: { id: 'nginx', kind: 'DOCKER' },
            exec: { command: { argv: ['-g', 'daemon off;'] } },
            endpoints: [{ name: 'http', hostPort: 8080, protocol: ['http'] }],
            lifecycle: { killGracePeriodSeconds: 10 },
            volumeMounts: [{ name: 'etc', mountPath: '/host-etc', readOnly: true }],
          },
          {
            name: 'tool',
            image: { id: 'busybox', kind: 'DOCKER' },
            exec: { command: { argv: ['sleep', '1d'] }, overrideEntrypoint: true },
            endpoints: [{ name: 'admin', protocol: ['udp', 'tcp'] }],
            lifecycle: { killGracePeriodSeconds: 45 },
            volumeMounts: [{ name: 'work', mountPath: 'work' }],
          },
        ],
      }),
      placement,
    );
    expect(pod.kind).toBe('pod');
    expect(pod.containers.map((container) => [container.name, container.command, container.args, container.image?.runtime])).toEqual([
      ['web', undefined, ['-g', 'daemon off;'], 'ucr'],
      ['tool', { argv: ['sleep', '1d'] }, undefined, 'ucr'],
    ]);
    expect(pod.containers.flatMap((container) => container.ports.map((port) => [port.index, port.name, port.containerPort, port.hostPort, port.protocols, port.appProtocol]))).toEqual([
      [0, 'http', 8080, 8080, ['tcp'], 'http'],
      [1, 'admin', 0, 0, ['udp', 'tcp'], undefined],
    ]);
    expect(pod.volumes.map((volume) => volume.kind)).toEqual(['host', 'ephemeral', 'ephemeral', 'secret']);
    expect(pod.containers[1]?.mounts[0]?.path).toBe('/mnt/mesos/sandbox/work');
    expect(pod.rollout.killGracePeriodSeconds).toBe(45);
    expect(pod.dependencies).toEqual(['/db']);
    expect(pod.network).toEqual({ mode: 'host', networks: [], requirePorts: false });
  });
});
