import { describe, expect, it } from 'vitest';
import { normalizeApp } from './normalize-app.js';

// Marathon's own normalization (reference §6.4 translation rules, §6.5 defaults).
const normalize = (raw: Record<string, unknown>, options: Parameters<typeof normalizeApp>[1] = {}) => normalizeApp(raw, options).app;

describe('normalizeApp: legacy fields', () => {
  it('turns `ports` into portDefinitions on the host network', () => {
    const app = normalize({ id: '/a', cmd: 'x', ports: [0, 8080] });
    expect(app.networks).toEqual([{ mode: 'host', labels: {}, pointer: '/networks' }]);
    expect(app.portDefinitions).toEqual([
      { port: 0, protocol: 'tcp', labels: {}, pointer: '/ports/0' },
      { port: 8080, protocol: 'tcp', labels: {}, pointer: '/ports/1' },
    ]);
    expect(app.container).toBeUndefined();
  });

  it('turns `uris` into fetch, extracting archives only', () => {
    const app = normalize({ id: '/a', cmd: 'x', uris: ['https://h/app.tar.gz', 'https://h/run.sh', 'https://h/b.zip?x=1'] });
    expect(app.fetch.map((artifact) => [artifact.uri, artifact.extract, artifact.pointer])).toEqual([
      ['https://h/app.tar.gz', true, '/uris/0'],
      ['https://h/run.sh', false, '/uris/1'],
      ['https://h/b.zip?x=1', true, '/uris/2'],
    ]);
    expect(normalize({ id: '/a', cmd: 'x', fetch: [{ uri: 'https://h/run.sh' }] }).fetch[0]).toMatchObject({ extract: true, executable: false, cache: false });
  });

  it('moves docker.network BRIDGE and docker.portMappings to networks and container.portMappings, with hostPort 0', () => {
    const app = normalize({
      id: '/a',
      container: { type: 'DOCKER', docker: { image: 'nginx', network: 'BRIDGE', portMappings: [{ containerPort: 80 }, { containerPort: 53, hostPort: 5353, protocol: 'udp' }] } },
    });
    expect(app.networks).toEqual([{ mode: 'container/bridge', labels: {}, pointer: '/container/docker/network' }]);
    expect(app.portDefinitions).toBeUndefined();
    expect(app.container?.portMappings).toEqual([
      { containerPort: 80, hostPort: 0, servicePort: 0, protocol: 'tcp', labels: {}, pointer: '/container/docker/portMappings/0' },
      { containerPort: 53, hostPort: 5353, servicePort: 0, protocol: 'udp', labels: {}, pointer: '/container/docker/portMappings/1' },
    ]);
  });

  it('translates ipAddress with docker USER to a named container network', () => {
    const app = normalize({
      id: '/a',
      ipAddress: { networkName: 'dcos', labels: { policy: 'x' }, groups: ['g1'] },
      container: { docker: { image: 'i', network: 'USER', portMappings: [{ containerPort: 80 }] } },
    });
    expect(app.networks).toEqual([{ mode: 'container', name: 'dcos', labels: { policy: 'x' }, pointer: '/ipAddress' }]);
    expect(app.container?.portMappings?.[0]).not.toHaveProperty('hostPort');
    expect(app.securityGroups).toEqual(['g1']);
  });

  it('translates ipAddress alone: an implied MESOS container, discovery ports as mappings, the bridge name as bridge', () => {
    const app = normalize({ id: '/a', cmd: 'x', ipAddress: { networkName: 'calico', discovery: { ports: [{ number: 8080, name: 'http', protocol: 'tcp' }] } } });
    expect(app.networks).toMatchObject([{ mode: 'container', name: 'calico' }]);
    expect(app.container).toMatchObject({ type: 'MESOS', portMappings: [{ containerPort: 8080, name: 'http', pointer: '/ipAddress/discovery/ports/0' }] });
    expect(app.container?.portMappings?.[0]).not.toHaveProperty('hostPort');
    expect(normalize({ id: '/a', cmd: 'x', ipAddress: { networkName: 'mesos-bridge' } }).networks).toMatchObject([{ mode: 'container/bridge' }]);
    expect(normalize({ id: '/a', cmd: 'x', ipAddress: {} }, { config: { defaultNetworkName: 'dcos' } }).networks).toMatchObject([{ mode: 'container', name: 'dcos' }]);
  });

  it('reports discovery ports on a DOCKER container, which Marathon rejects, and still reads them', () => {
    const { app, conflicts } = normalizeApp({ id: '/a', container: { docker: { image: 'i' } }, ipAddress: { discovery: { ports: [{ number: 80, name: 'http' }] } } });
    expect(conflicts.map((conflict) => [conflict.pointer, conflict.other])).toEqual([['/ipAddress/discovery/ports', '/container/type']]);
    expect(app.container?.portMappings?.map((mapping) => [mapping.containerPort, mapping.name])).toEqual([[80, 'http']]);
    expect(normalizeApp({ id: '/a', container: { type: 'MESOS' }, ipAddress: { discovery: { ports: [{ number: 80, name: 'http' }] } } }).conflicts).toEqual([]);
  });

  it('keeps canonical networks over legacy ones and reports the contradiction', () => {
    const { app, conflicts } = normalizeApp({ id: '/a', networks: [{ mode: 'container/bridge' }], container: { docker: { image: 'i', network: 'HOST' } } });
    expect(app.networks).toMatchObject([{ mode: 'container/bridge' }]);
    expect(conflicts).toEqual([{ pointer: '/container/docker/network', other: '/networks', resolution: 'networks was used' }]);
  });
});

describe('normalizeApp: defaults', () => {
  it('gives host networking the default port, and keeps [] as no ports', () => {
    expect(normalize({ id: '/a', cmd: 'x' }).portDefinitions).toEqual([{ port: 0, protocol: 'tcp', name: 'default', labels: {}, pointer: '/portDefinitions' }]);
    expect(normalize({ id: '/a', cmd: 'x', portDefinitions: null }).portDefinitions).toHaveLength(1);
    expect(normalize({ id: '/a', cmd: 'x', portDefinitions: [] }).portDefinitions).toEqual([]);
  });

  it('gives non-host networking the default mapping, with an empty MESOS container when none is given', () => {
    const app = normalize({ id: '/a', cmd: 'x', networks: [{ name: 'dcos' }] });
    expect(app.networks).toMatchObject([{ mode: 'container', name: 'dcos' }]);
    expect(app.container).toMatchObject({ type: 'MESOS', portMappings: [{ containerPort: 0, servicePort: 0, name: 'default', protocol: 'tcp' }] });
    expect(app.portDefinitions).toBeUndefined();
    const bridged = normalize({ id: '/a', networks: [{ mode: 'container/bridge' }], container: { docker: { image: 'i' } } });
    expect(bridged.container).toMatchObject({ type: 'DOCKER', portMappings: [{ containerPort: 0, hostPort: 0, name: 'default' }] });
    expect(normalize({ id: '/a', networks: [{ mode: 'container/bridge' }], container: { portMappings: [] } }).container?.portMappings).toEqual([]);
  });

  it('appends empty mappings when legacy portDefinitions outnumber them', () => {
    const app = normalize({ id: '/a', ports: [0, 0], container: { docker: { image: 'i', network: 'BRIDGE', portMappings: [{ containerPort: 80 }] } } });
    expect(app.container?.portMappings?.map((mapping) => [mapping.containerPort, mapping.hostPort, mapping.name])).toEqual([
      [80, 0, undefined],
      [0, 0, undefined],
    ]);
  });

  it('drops port mappings on the host network, as Marathon does, and says so', () => {
    const { app, conflicts } = normalizeApp({ id: '/a', container: { docker: { image: 'i' }, portMappings: [{ containerPort: 80 }] } });
    expect(app.container?.portMappings).toBeUndefined();
    expect(app.portDefinitions).toHaveLength(1);
    expect(conflicts.map((conflict) => conflict.pointer)).toEqual(['/container/portMappings']);
  });

  it('forces requirePorts off outside host networking', () => {
    expect(normalize({ id: '/a', cmd: 'x', requirePorts: true }).requirePorts).toBe(true);
    expect(normalize({ id: '/a', requirePorts: true, networks: [{ mode: 'container/bridge' }], container: {} }).requirePorts).toBe(false);
  });

  it('adds portIndex 0 and the timing defaults to health checks, and [200] to readiness checks', () => {
    const app = normalize({ id: '/a', cmd: 'x', healthChecks: [{ protocol: 'HTTP', path: '/h' }, { protocol: 'COMMAND', command: { value: 'true' } }], readinessChecks: [{}] });
    expect(app.healthChecks[0]).toEqual({
      protocol: 'HTTP',
      path: '/h',
      portIndex: 0,
      gracePeriodSeconds: 300,
      intervalSeconds: 60,
      timeoutSeconds: 20,
      maxConsecutiveFailures: 3,
      delaySeconds: 15,
      ignoreHttp1xx: false,
      ipProtocol: 'IPv4',
      pointer: '/healthChecks/0',
    });
    expect(app.healthChecks[1]).not.toHaveProperty('portIndex');
    expect(app.readinessChecks[0]).toEqual({
      name: 'readinessCheck',
      protocol: 'HTTP',
      path: '/',
      portName: 'http-api',
      intervalSeconds: 30,
      timeoutSeconds: 10,
      httpStatusCodesForReady: [200],
      preserveLastResponse: false,
      pointer: '/readinessChecks/0',
    });
    expect(normalize({ id: '/a', cmd: 'x', portDefinitions: [], healthChecks: [{ protocol: 'TCP' }] }).healthChecks[0]).not.toHaveProperty('portIndex');
  });

  it('resolves relative ids and dependencies against the enclosing group', () => {
    const app = normalize({ id: 'web', cmd: 'x', dependencies: ['../db', 'cache', '/abs'] }, { base: '/prod' });
    expect(app.id).toBe('/prod/web');
    expect(app.dependencies).toEqual(['/db', '/prod/cache', '/abs']);
  });

  // Marathon 1.5+: GroupNormalization.visitApp -> AppNormalization.withCanonizedIds(absoluteGroupPath),
  // POST /v2/apps -> withCanonizedIds() with the root as base; PathId.canonicalPath never climbs above /.
  it('resolves `../api` on app `/services/jobs` against its group /services (as Marathon 1.5+), not against the app id', () => {
    const inGroup = normalize({ id: 'jobs', cmd: 'x', dependencies: ['../api', 'api', './cache', '../../../up'] }, { base: '/services' });
    expect(inGroup.id).toBe('/services/jobs');
    expect(inGroup.dependencies).toEqual(['/api', '/services/api', '/services/cache', '/up']);
    // a lone app (POST /v2/apps) resolves against the root
    expect(normalize({ id: '/services/jobs', cmd: 'x', dependencies: ['../api', 'api'] }).dependencies).toEqual(['/api', '/api']);
  });

  it('makes apps with persistent volumes resident: unreachable disabled, upgrade {0.5, 0}', () => {
    const resident = normalize({ id: '/db', container: { docker: { image: 'pg' }, volumes: [{ containerPath: 'data', mode: 'RW', persistent: { size: 100 } }] } });
    expect(resident).toMatchObject({ resident: true, unreachableStrategy: 'disabled', upgradeStrategy: { minimumHealthCapacity: 0.5, maximumOverCapacity: 0 } });
    expect(resident.container?.volumes[0]).toMatchObject({ kind: 'persistent', persistent: { type: 'root', size: 100 } });
    const plain = normalize({ id: '/web', cmd: 'x' });
    expect(plain).toMatchObject({ resident: false, unreachableStrategy: { inactiveAfterSeconds: 0, expungeAfterSeconds: 0 }, upgradeStrategy: { minimumHealthCapacity: 1, maximumOverCapacity: 1 } });
    expect(normalize({ id: '/web', cmd: 'x', residency: { taskLostBehavior: 'WAIT_FOREVER' } }).resident).toBe(true);
  });

  it('reads null as absent, numbers written as strings, and enums in any spelling', () => {
    const app = normalize({ id: '/a', cmd: null, container: null, ipAddress: null, cpus: '0.5', instances: '3', killSelection: 'Youngest_First', healthChecks: [{ protocol: 'mesos_http' }] });
    expect(app).toMatchObject({ resources: { cpus: 0.5, mem: 128, disk: 0, gpus: 0 }, instances: 3, killSelection: 'YOUNGEST_FIRST' });
    expect(app).not.toHaveProperty('cmd');
    expect(app.container).toBeUndefined();
    expect(app.healthChecks[0]?.protocol).toBe('MESOS_HTTP');
  });

  it('defaults the container type to DOCKER, the role to --mesos_role and the backoff to 1 / 1.15 / 300', () => {
    const app = normalize({ id: '/a', container: { docker: { image: 'i' } } }, { config: { defaultRole: 'slave_public' } });
    expect(app.container?.type).toBe('DOCKER');
    expect(app.role).toBe('slave_public');
    expect(app.backoff).toEqual({ seconds: 1, factor: 1.15, maxLaunchDelaySeconds: 300 });
  });
});
