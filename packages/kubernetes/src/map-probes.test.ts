import type { Probe } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { findingKeys, runWriter } from './__fixtures__/builders.js';

const http = (overrides: Partial<Probe> = {}, index = 0): Probe => ({
  purpose: 'health',
  action: { type: 'http', scheme: 'HTTP', path: '/health', port: { index: 0 } },
  sourceProtocol: 'MESOS_HTTP',
  local: true,
  gracePeriodSeconds: 300,
  intervalSeconds: 60,
  timeoutSeconds: 20,
  delaySeconds: 15,
  maxConsecutiveFailures: 3,
  pointer: `/healthChecks/${index}`,
  ...overrides,
});
const ports = [
  { index: 0, name: 'http', containerPort: 8080, servicePort: 10000, protocols: ['tcp' as const], labels: {}, pointer: '/container/portMappings/0' },
  { index: 1, name: 'admin', containerPort: 9090, hostPort: 31900, protocols: ['tcp' as const], labels: {}, pointer: '/container/portMappings/1' },
];

async function probesOf(probes: Probe[], extra: Record<string, unknown> = {}) {
  const run = await runWriter([{ id: '/api', containers: [{ ports, probes, ...extra }] }]);
  const container = run.podSpec('/api').containers[0];
  return { container, findings: findingKeys(run.findings).filter((key) => !key.startsWith('kubernetes/host-port')) };
}

describe('probes', () => {
  it('turns the grace period into a startup probe with failureThreshold = ceil(grace / interval)', async () => {
    const { container, findings } = await probesOf([http({ gracePeriodSeconds: 130, intervalSeconds: 60 })]);
    const action = { httpGet: { path: '/health', port: 'http', scheme: 'HTTP' } };
    expect(container.startupProbe).toEqual({ ...action, initialDelaySeconds: 15, periodSeconds: 60, timeoutSeconds: 20, failureThreshold: 3 });
    expect(container.livenessProbe).toEqual({ ...action, periodSeconds: 60, timeoutSeconds: 20, failureThreshold: 3 });
    expect(container.readinessProbe).toEqual({ ...action, periodSeconds: 60, timeoutSeconds: 20, failureThreshold: 1 });
    expect(Object.keys(container).filter((key) => key.endsWith('Probe'))).toEqual(['livenessProbe', 'readinessProbe', 'startupProbe']);
    expect(findings).toEqual([]);
  });

  it('without a grace period puts the delay on the liveness probe; a local check with 0 failures kills at the first', async () => {
    const { container } = await probesOf([http({ gracePeriodSeconds: 0, maxConsecutiveFailures: 0, action: { type: 'tcp', port: { name: 'admin' } } })]);
    expect(container.startupProbe).toBeUndefined();
    expect(container.livenessProbe).toEqual({ tcpSocket: { port: 'admin' }, initialDelaySeconds: 15, periodSeconds: 60, timeoutSeconds: 20, failureThreshold: 1 });
  });

  it('makes a remote check that never killed a readiness probe only', async () => {
    const { container, findings } = await probesOf([http({ local: false, sourceProtocol: 'HTTP', maxConsecutiveFailures: 0 })]);
    expect(container.livenessProbe).toBeUndefined();
    expect(container.startupProbe).toBeUndefined();
    // Marathon-level checks never implemented delaySeconds.
    expect(container.readinessProbe).toEqual({ httpGet: { path: '/health', port: 'http', scheme: 'HTTP' }, periodSeconds: 60, timeoutSeconds: 20, failureThreshold: 1 });
    expect(findings).toEqual(['kubernetes/health-check-never-kills#readinessOnly@/healthChecks/0']);
  });

  it('prefers the readiness check and reports status codes outside 200–399', async () => {
    const readiness = http({ purpose: 'readiness', local: false, intervalSeconds: 30, timeoutSeconds: 10, readyStatusCodes: [200, 401], action: { type: 'http', scheme: 'HTTPS', path: '/ready', port: { name: 'http' } }, pointer: '/readinessChecks/0' });
    const { container, findings } = await probesOf([http(), readiness]);
    expect(container.readinessProbe).toEqual({ httpGet: { path: '/ready', port: 'http', scheme: 'HTTPS' }, periodSeconds: 30, timeoutSeconds: 10 });
    expect(findings).toEqual(['kubernetes/ready-status-codes#outside@/readinessChecks/0']);
  });

  it('translates literal host or service ports, keeps other numbers, and reports unknown ports', async () => {
    const byServicePort = await probesOf([http({ action: { type: 'tcp', port: { number: 10000 } } })]);
    expect(byServicePort.container.livenessProbe.tcpSocket).toEqual({ port: 'http' });
    expect(byServicePort.findings).toEqual(['kubernetes/probe-host-port#translated@/healthChecks/0']);

    const literal = await probesOf([http({ action: { type: 'tcp', port: { number: 7000 } } })]);
    expect(literal.container.livenessProbe.tcpSocket).toEqual({ port: 7000 });

    const unknown = await probesOf([http({ action: { type: 'tcp', port: { index: 5 } } })]);
    expect(unknown.container.livenessProbe).toBeUndefined();
    expect(unknown.findings).toEqual(['kubernetes/probe-port-unresolved#unresolved@/healthChecks/0']);
  });

  it('runs exec checks through the shell and reports extra checks and checks', async () => {
    const { container, findings } = await probesOf([
      http({ gracePeriodSeconds: 0, action: { type: 'exec', command: { shell: 'curl -f localhost:$PORT0' } } }),
      http({}, 1),
      http({ purpose: 'check', pointer: '/check' }),
    ]);
    expect(container.livenessProbe.exec).toEqual({ command: ['/bin/sh', '-c', 'curl -f localhost:$PORT0'] });
    expect(findings).toEqual(['kubernetes/check-not-mapped#check@/check', 'kubernetes/extra-health-check#health@/healthChecks/1']);
  });

  it('reports checks over IPv6', async () => {
    const { container, findings } = await probesOf([http({ ipProtocol: 'IPv6' })]);
    expect(container.livenessProbe.httpGet.port).toBe('http');
    expect(findings).toEqual(['kubernetes/probe-ip-family#ipv6@/healthChecks/0']);
  });

  it('reports probes on init containers', async () => {
    const run = await runWriter([{ id: '/api', initContainers: [{ name: 'setup', pointer: '/init', image: { ref: 'busybox:1.37', forcePull: false, runtime: 'docker', pointer: '/init/image' }, probes: [http()], env: [], mounts: [], ports: [], artifacts: [], runtimeParameters: [], labels: {}, resources: { cpus: 0.1, memMiB: 32, diskMiB: 0, gpus: 0 } }] }]);
    expect(run.podSpec('/api').initContainers[0].livenessProbe).toBeUndefined();
    expect(findingKeys(run.findings)).toEqual(['kubernetes/extra-health-check#initContainer@/healthChecks/0']);
  });
});
