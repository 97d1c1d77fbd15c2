import { describe, expect, it } from 'vitest';
import { findingKeys, runWriter } from './__fixtures__/builders.js';

describe('volumes and mounts', () => {
  it('mounts relative host paths from the sandbox, resolves relative mount paths, and reports bad mounts', async () => {
    const { podSpec, findings } = await runWriter([
      {
        id: '/api',
        volumes: [
          { kind: 'host', name: 'logs', hostPath: 'logs/app', pointer: '/container/volumes/0' },
          { kind: 'ephemeral', name: 'tmp', pointer: '/container/volumes/1' },
        ],
        containers: [
          {
            mounts: [
              { volume: 'logs', path: '/var/log/app', readOnly: false, pointer: '/container/volumes/0' },
              { volume: 'tmp', path: 'scratch', readOnly: false, pointer: '/container/volumes/1' },
              { volume: 'tmp', path: '/var/log/app', readOnly: false, pointer: '/container/volumes/2' },
              { volume: 'nowhere', path: '/x', readOnly: false, pointer: '/container/volumes/3' },
            ],
          },
        ],
      },
    ]);
    const spec = podSpec('/api');
    expect(spec.containers[0].volumeMounts).toEqual([
      { name: 'mesos-sandbox', mountPath: '/mnt/mesos/sandbox' },
      { name: 'mesos-sandbox', mountPath: '/var/log/app', subPath: 'logs/app' },
      { name: 'tmp', mountPath: '/mnt/mesos/sandbox/scratch' },
    ]);
    expect(spec.volumes).toEqual([
      { name: 'tmp', emptyDir: {} },
      { name: 'mesos-sandbox', emptyDir: {} },
    ]);
    expect(findingKeys(findings)).toEqual([
      'kubernetes/volume-unresolved#duplicatePath@/container/volumes/2',
      'kubernetes/volume-unresolved#unknownVolume@/container/volumes/3',
    ]);
  });

  it('gives colliding volume names distinct Kubernetes names and keeps the writer\'s own names free', async () => {
    const { podSpec } = await runWriter([
      {
        id: '/api',
        volumes: [
          { kind: 'ephemeral', name: 'Data', pointer: '/volumes/0' },
          { kind: 'ephemeral', name: 'data', pointer: '/volumes/1' },
          { kind: 'ephemeral', name: 'mesos-sandbox', pointer: '/volumes/2' },
        ],
        containers: [{ command: { shell: 'ls $MESOS_SANDBOX' } }],
      },
    ]);
    const names = podSpec('/api').volumes.map((volume: { name: string }) => volume.name);
    expect(new Set(names).size).toBe(4);
    expect(names[0]).toBe('data');
    expect(names).toContain('mesos-sandbox');
    for (const name of names) expect(name).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
  });
});

describe('exposure', () => {
  it('gives a VIP its Service, and reports a VIP the workload cannot serve on the intent\'s pointer', async () => {
    const exposure = { kind: 'vip' as const, portIndex: 0, vip: '/api:80', options: {}, pointer: '/container/portMappings/0/labels/VIP_0' };
    const port = { index: 0, containerPort: 8080, protocols: ['tcp' as const], labels: {}, pointer: '/container/portMappings/0' };
    const { findings, objectsOf } = await runWriter([
      { id: '/with', exposure: [exposure], containers: [{ ports: [port] }] },
      { id: '/without', exposure: [exposure] },
    ]);
    const vip = objectsOf('/with').find((object) => object.metadata.name === 'api') as any;
    expect(vip.spec).toEqual({ type: 'ClusterIP', selector: { 'app.kubernetes.io/name': 'with' }, ports: [{ name: 'vip-80', port: 80, targetPort: 'port0', protocol: 'TCP' }] });
    expect(findings.map((finding) => [finding.workload, finding.rule, finding.messageId, finding.pointer, finding.disposition, finding.subtree])).toEqual([
      ['/without', 'kubernetes/exposure-not-mapped', 'noService', '/container/portMappings/0/labels/VIP_0', 'unsupported', true],
    ]);
  });
});

describe('containers', () => {
  it('keeps container names unique and valid, and away from the fetch init container', async () => {
    const artifact = { uri: 'https://example.com/a.sh', extract: false, executable: true, cache: false, pointer: '/containers/0/artifacts/0' };
    const { podSpec, findings } = await runWriter([
      { id: '/pod', sourceKind: 'pod', kind: 'pod', containers: [{ name: 'fetch-artifacts', artifacts: [artifact] }, { name: 'Web_Server', pointer: '/containers/1' }] },
    ]);
    const spec = podSpec('/pod');
    const names = [...spec.initContainers, ...spec.containers].map((container: { name: string }) => container.name);
    expect(names[0]).toBe('fetch-artifacts');
    expect(new Set(names).size).toBe(3);
    expect(names[2]).toBe('web-server');
    expect(findingKeys(findings).filter((key) => key.startsWith('kubernetes/name-adjusted'))).toEqual([
      'kubernetes/name-adjusted#duplicate@',
      'kubernetes/name-adjusted#sanitized@/containers/1',
    ]);
  });
});
