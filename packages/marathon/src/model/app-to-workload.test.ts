import { describe, expect, it } from 'vitest';
import { normalizeApp } from '../normalize/normalize-app.js';
import { appToWorkload } from './app-to-workload.js';

const placement = { origin: 'app.json', originPointer: '', inheritedDependencies: ['/infra'], hints: { envVarsPrefix: 'APP_' } };
const workload = (raw: Record<string, unknown>) => appToWorkload(normalizeApp(raw).app, placement);

describe('appToWorkload', () => {
  it('runs cmd through a shell, keeps args for the image entrypoint, and uses args as argv without an image', () => {
    expect(workload({ id: '/a', cmd: 'serve --port $PORT0' }).containers[0]).toMatchObject({ name: 'a', command: { shell: 'serve --port $PORT0' } });
    expect(workload({ id: '/a', args: ['--x'], container: { docker: { image: 'i' } } }).containers[0]).toMatchObject({ args: ['--x'], image: { ref: 'i', runtime: 'docker' } });
    expect(workload({ id: '/a', args: ['/bin/run', '--x'] }).containers[0]).toMatchObject({ command: { argv: ['/bin/run', '--x'] } });
    expect(workload({ id: '/a', container: { type: 'MESOS', docker: { image: 'i', pullConfig: { secret: 'reg' } } } }).containers[0]?.image).toEqual({
      ref: 'i',
      forcePull: false,
      pullSecret: 'reg',
      runtime: 'ucr',
      pointer: '/container/docker/image',
    });
  });

  it('gives host-network ports a dynamic container port unless requirePorts fixes them', () => {
    const dynamic = workload({ id: '/a', cmd: 'x', portDefinitions: [{ port: 10001, name: 'http', protocol: 'udp,tcp', labels: { VIP_0: '/a:80' } }] });
    expect(dynamic.network).toEqual({ mode: 'host', networks: [], requirePorts: false });
    expect(dynamic.containers[0]?.ports).toEqual([
      { index: 0, name: 'http', containerPort: 0, servicePort: 10001, protocols: ['udp', 'tcp'], labels: { VIP_0: '/a:80' }, pointer: '/portDefinitions/0' },
    ]);
    expect(dynamic.exposure).toEqual([{ kind: 'vip', portIndex: 0, vip: '/a:80', options: {}, pointer: '/portDefinitions/0/labels/VIP_0' }]);
    const fixed = workload({ id: '/a', cmd: 'x', requirePorts: true, portDefinitions: [{ port: 8080 }] });
    expect(fixed.containers[0]?.ports[0]).toMatchObject({ containerPort: 8080, hostPort: 8080, servicePort: 8080 });
  });

  it('takes bridge ports from the mappings', () => {
    const bridged = workload({ id: '/a', networks: [{ mode: 'container/bridge' }], container: { docker: { image: 'i' }, portMappings: [{ containerPort: 80, servicePort: 10000, name: 'web' }] } });
    expect(bridged.network.mode).toBe('bridge');
    expect(bridged.containers[0]?.ports).toEqual([{ index: 0, name: 'web', containerPort: 80, hostPort: 0, servicePort: 10000, protocols: ['tcp'], labels: {}, pointer: '/container/portMappings/0' }]);
  });

  it('mounts a persistent volume re-mounted by a relative host path (the MySQL recipe) and resolves sandbox paths', () => {
    const mysql = workload({
      id: '/mysql',
      container: {
        docker: { image: 'mysql' },
        volumes: [
          { containerPath: 'mysqldata', mode: 'RW', persistent: { size: 1000 } },
          { containerPath: '/var/lib/mysql', hostPath: 'mysqldata', mode: 'RW' },
          { containerPath: '/etc/ssl', hostPath: '/etc/ssl', mode: 'RO' },
          { containerPath: 'conf', hostPath: 'scratch/conf', mode: 'RW' },
          { containerPath: 'secrets/db', secret: 'db' },
          { containerPath: '/data', external: { name: 'vol-1', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' }, size: 10 } },
        ],
      },
    });
    expect(mysql.kind).toBe('stateful-service');
    expect(mysql.volumes.map((volume) => [volume.kind, volume.name])).toEqual([
      ['persistent', 'mysqldata'],
      ['host', 'ssl'],
      ['ephemeral', 'mesos-sandbox'],
      ['secret', 'secret-db'],
      ['external', 'vol-1'],
    ]);
    expect(mysql.containers[0]?.mounts.map((mount) => [mount.volume, mount.path, mount.readOnly, mount.subPath])).toEqual([
      ['mysqldata', '/mnt/mesos/sandbox/mysqldata', false, undefined],
      ['mysqldata', '/var/lib/mysql', false, undefined],
      ['ssl', '/etc/ssl', true, undefined],
      ['mesos-sandbox', '/mnt/mesos/sandbox/conf', false, 'scratch/conf'],
      ['secret-db', '/mnt/mesos/sandbox/secrets/db', true, undefined],
      ['vol-1', '/data', false, undefined],
    ]);
    expect(mysql.volumes[4]).toMatchObject({ kind: 'external', externalName: 'vol-1', driver: 'rexray', sizeGiB: 10, shared: false, accessMode: 'ReadWriteOnce' });
    expect(mysql.hints).toEqual({ envVarsPrefix: 'APP_', sandboxPath: '/mnt/mesos/sandbox' });
  });

  it('turns checks into probes and carries rollout, placement, secrets and dependencies', () => {
    const app = workload({
      id: '/a',
      cmd: 'x',
      dependencies: ['/db'],
      constraints: [['hostname', 'unique'], ['rack', 'GROUP_BY', '3']],
      acceptedResourceRoles: ['slave_public'],
      healthChecks: [{ protocol: 'MESOS_HTTPS', path: '/h', maxConsecutiveFailures: 0 }, { protocol: 'COMMAND', command: { value: 'true' } }],
      readinessChecks: [{ portName: 'http', httpStatusCodesForReady: [200, 204] }],
      secrets: { db: { source: '/prod/db' } },
      env: { DB: { secret: 'db' } },
      upgradeStrategy: { minimumHealthCapacity: 0.5 },
      unreachableStrategy: 'disabled',
      taskKillGracePeriodSeconds: 30,
    });
    expect(app.containers[0]?.probes.map((probe) => [probe.purpose, probe.action.type, probe.sourceProtocol, probe.local])).toEqual([
      ['health', 'http', 'MESOS_HTTPS', true],
      ['health', 'exec', 'COMMAND', true],
      ['readiness', 'http', 'HTTP', false],
    ]);
    expect(app.containers[0]?.probes[0]?.action).toEqual({ type: 'http', scheme: 'HTTPS', path: '/h', port: { index: 0 } });
    expect(app.containers[0]?.probes[2]).toMatchObject({ readyStatusCodes: [200, 204], action: { port: { name: 'http' } } });
    expect(app.placement.constraints.map((constraint) => [constraint.field, constraint.operator, constraint.value])).toEqual([
      ['hostname', 'UNIQUE', undefined],
      ['rack', 'GROUP_BY', '3'],
    ]);
    expect(app.kind).toBe('stateful-service');
    expect(app.rollout).toMatchObject({ minimumHealthCapacity: 0.5, maximumOverCapacity: 1, unreachable: 'disabled', killGracePeriodSeconds: 30 });
    expect(app.secrets).toEqual([{ name: 'db', source: '/prod/db', pointer: '/secrets/db' }]);
    expect(app.containers[0]?.env).toEqual([{ name: 'DB', secret: 'db', pointer: '/env/DB' }]);
    expect(app.dependencies).toEqual(['/db', '/infra']);
  });
});
