import { CoverageLedger, type ReportInput } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { claimCoverage, type DefinitionShape } from './claim-coverage.js';

function cover(definition: unknown, shape: DefinitionShape = 'app') {
  const ledger = new CoverageLedger();
  const reports: ReportInput[] = [];
  claimCoverage('/w', definition, shape, { ledger, report: (finding) => reports.push(finding) });
  const settled = ledger.settle('/w', definition);
  const at = Object.fromEntries(settled.entries.map((entry) => [entry.pointer, entry.ruleId ? `${entry.disposition} ${entry.ruleId}` : entry.disposition]));
  return { at, unclaimed: settled.unclaimed, entries: settled.entries, reports: reports.map((report) => `${report.rule}:${report.messageId} ${report.pointer}`) };
}

describe('claimCoverage', () => {
  it('maps fields to the model, records defaults and status fields', () => {
    const { at, entries, unclaimed, reports } = cover({
      id: '/w',
      cmd: 'run',
      instances: 2,
      disk: 0,
      requirePorts: false,
      killSelection: 'Youngest_First',
      maxLaunchDelaySeconds: 3600,
      labels: { team: 'a', HAPROXY_0_VHOST: 'a.example' },
      env: { A: '1', B: { secret: 'b' } },
      tasksRunning: 2,
      tasks: [{ id: 't1', host: 'h' }],
      versionInfo: { lastScalingAt: 'x' },
    });
    expect(unclaimed).toEqual([]);
    expect(reports).toEqual([]);
    expect(at).toMatchObject({
      '/id': 'mapped',
      '/cmd': 'mapped',
      '/instances': 'mapped',
      '/disk': 'default',
      '/requirePorts': 'default',
      '/killSelection': 'default',
      '/maxLaunchDelaySeconds': 'default',
      '/labels/team': 'mapped',
      '/env/B/secret': 'mapped',
      '/tasksRunning': 'runtime',
      '/tasks/0/host': 'runtime',
      '/versionInfo/lastScalingAt': 'runtime',
    });
    expect(entries.find((entry) => entry.pointer === '/labels/HAPROXY_0_VHOST')?.to).toBe('labels, exposure[kind=vhost].hosts');
  });

  it('records the same claims for every workload, and a claim recorded for one cannot be changed for another', () => {
    const ledger = new CoverageLedger();
    const claims: { workload: string; pointer: string; claim: object }[] = [];
    const recorder = { claim: (workload: string, pointer: string, claim: object) => (claims.push({ workload, pointer, claim }), ledger.claim(workload, pointer, claim as never)) };
    for (const workload of ['/a', '/b']) claimCoverage(workload, { id: workload, cmd: 'run', instances: 1, unknownThing: 1 }, 'app', { ledger: recorder, report: () => {} });
    const of = (workload: string) => claims.filter((entry) => entry.workload === workload).map(({ pointer, claim }) => ({ pointer, claim }));
    expect(of('/b')).toEqual(of('/a'));
    expect(of('/a').find((entry) => entry.pointer === '/unknownThing')?.claim).toMatchObject({ disposition: 'unsupported', subtree: true, ruleId: 'marathon/unknown-field' });
    for (const { claim } of claims) expect(Object.isFrozen(claim) || 'subtree' in claim || 'ruleId' in claim).toBe(true);
    expect(() => {
      (of('/a').find((entry) => entry.pointer === '/cmd')!.claim as { disposition: string }).disposition = 'unsupported';
    }).toThrow(TypeError);
    expect(ledger.resolve('/b', '/cmd')?.disposition).toBe('mapped');
  });

  it('reads linuxInfo and residency key by key, so a misspelt key inside them is an unknown field', () => {
    const { at, reports, unclaimed } = cover({
      id: '/w',
      container: { linuxInfo: { seccomp: { profileName: 'p.json', unconfined: false, profilname: 'x' }, ipcInfo: { mode: 'PRIVATE', shmSize: 64 }, ipc: {} } },
      residency: { taskLostBehavior: 'WAIT_FOREVER', relaunchEscalationTimeout: 60 },
    });
    expect(unclaimed).toEqual([]);
    expect(at).toMatchObject({
      '/container/linuxInfo/seccomp/profileName': 'mapped',
      '/container/linuxInfo/ipcInfo/shmSize': 'mapped',
      '/residency/taskLostBehavior': 'default',
      '/container/linuxInfo/seccomp/profilname': 'unsupported marathon/unknown-field',
      '/residency/relaunchEscalationTimeout': 'unsupported marathon/unknown-field',
    });
    expect(reports).toEqual(
      expect.arrayContaining([
        'marathon/unknown-field:unknown /container/linuxInfo/seccomp/profilname',
        'marathon/unknown-field:unknown /container/linuxInfo/ipc',
        'marathon/unknown-field:unknown /residency/relaunchEscalationTimeout',
      ]),
    );
    const pod = cover({ id: '/p', containers: [{ name: 'c', linuxInfo: { seccomp: { unconfined: true }, ipcinfo: {} } }], linuxInfo: { seccomp: { unconfined: true } } }, 'pod');
    expect(pod.at['/containers/0/linuxInfo/seccomp/unconfined']).toBe('mapped');
    // pod-level seccomp is rejected by Marathon (§7.1)
    expect(pod.reports).toEqual(['marathon/unknown-field:unknown /containers/0/linuxInfo/ipcinfo', 'marathon/unknown-field:unknown /linuxInfo/seccomp']);
  });

  it('sets unknown fields aside as unsupported with one finding per field', () => {
    const { at, reports, unclaimed } = cover({ id: '/w', maintainer: 'me', container: { docker: { image: 'i', priviledged: true, volumes: [{ a: 1 }, { b: 2 }] } } });
    expect(unclaimed).toEqual([]);
    expect(at['/maintainer']).toBe('unsupported marathon/unknown-field');
    expect(at['/container/docker/volumes/1/b']).toBe('unsupported marathon/unknown-field');
    expect(reports).toEqual([
      'marathon/unknown-field:unknown /maintainer',
      'marathon/unknown-field:unknown /container/docker/priviledged',
      'marathon/unknown-field:unknown /container/docker/volumes',
    ]);
  });

  it('reads numbers written as strings (approximated) and ignores values of the wrong shape (unsupported)', () => {
    const { at, reports } = cover({ id: '/w', cpus: '0.5', mem: 'lots', cmd: ['a', 'b'], healthChecks: { protocol: 'HTTP' }, container: 'docker', env: { PORT: 8080 } });
    expect(at).toMatchObject({
      '/cpus': 'approximated marathon/invalid-definition',
      '/mem': 'unsupported marathon/invalid-definition',
      '/cmd/1': 'unsupported marathon/invalid-definition',
      '/healthChecks/protocol': 'unsupported marathon/invalid-definition',
      '/container': 'unsupported marathon/invalid-definition',
      '/env/PORT': 'approximated marathon/invalid-definition',
    });
    expect(reports).toEqual([
      'marathon/invalid-definition:coerced /cpus',
      'marathon/invalid-definition:ignored /mem',
      'marathon/invalid-definition:ignored /cmd',
      'marathon/invalid-definition:ignored /healthChecks',
      'marathon/invalid-definition:ignored /container',
      'marathon/invalid-definition:coerced /env/PORT',
    ]);
  });

  it('reports a deprecated field once, however many leaves it has', () => {
    const { at, reports } = cover({ id: '/w', ports: [0, 0, 0], uris: ['a', 'b'], container: { docker: { image: 'i', network: 'BRIDGE', portMappings: [{ containerPort: 1 }, { containerPort: 2 }] } } });
    expect(at['/ports/2']).toBe('mapped');
    expect(reports).toEqual([
      'marathon/legacy-field:translated /ports',
      'marathon/legacy-field:translated /uris',
      'marathon/legacy-field:translated /container/docker/network',
      'marathon/legacy-field:translated /container/docker/portMappings',
    ]);
  });

  it('treats null as absent, empty containers as nothing, and an empty portDefinitions as no ports', () => {
    const { at, reports } = cover({ id: '/w', cmd: null, container: null, constraints: [], labels: {}, portDefinitions: [], storeUrls: [] });
    expect(reports).toEqual([]);
    expect(at).toEqual({ '/id': 'mapped', '/cmd': 'default', '/container': 'default', '/constraints': 'default', '/labels': 'default', '/portDefinitions': 'mapped', '/storeUrls': 'default' });
    // ≤1.4 answers `null` for unset legacy fields on every app: absent, so no "translated" note
    const legacyNulls = cover({ id: '/w', cmd: 'x', ipAddress: null, ports: null, uris: null, container: { type: 'DOCKER', docker: { image: 'i', network: null, portMappings: null } } });
    expect(legacyNulls.reports).toEqual([]);
    expect(legacyNulls.at).toMatchObject({ '/ipAddress': 'default', '/ports': 'default', '/uris': 'default', '/container/docker/network': 'default', '/container/docker/portMappings': 'default' });
  });

  it('reports unsupported values and custom executors, and keeps defaults quiet', () => {
    const { at, reports } = cover({ id: '/w', executor: '/opt/exec', storeUrls: ['http://s'], executorResources: { cpus: 0.1, mem: 64 }, healthChecks: [{ ignoreHttp1xx: false }] });
    expect(at).toMatchObject({
      '/executor': 'unsupported marathon/custom-executor',
      '/storeUrls/0': 'unsupported marathon/unsupported-field',
      '/executorResources/cpus': 'default',
      '/executorResources/mem': 'unsupported marathon/unsupported-field',
      '/healthChecks/0/ignoreHttp1xx': 'default',
    });
    expect(reports).toEqual(['marathon/custom-executor:executor /executor', 'marathon/unsupported-field:unsupported /storeUrls', 'marathon/unsupported-field:unsupported /executorResources/mem']);
    expect(cover({ id: '/w', executor: '//cmd' }).at['/executor']).toBe('default');
  });

  it('covers a PodStatus: status fields are runtime, the pod is under /spec', () => {
    const { at, unclaimed, reports } = cover(
      { id: '/p', status: 'STABLE', instances: [{ id: 'i1' }], spec: { id: '/p', containers: [{ name: 'c', resources: { cpus: 1 }, bogus: 1 }], scaling: { kind: 'fixed', instances: 2 } } },
      'pod-status',
    );
    expect(unclaimed).toEqual([]);
    expect(at).toMatchObject({ '/status': 'runtime', '/instances/0/id': 'runtime', '/spec/scaling/instances': 'mapped', '/spec/containers/0/resources/cpus': 'mapped' });
    expect(reports).toEqual(['marathon/unknown-field:unknown /spec/containers/0/bogus']);
  });
});
