import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMarathonServer, type MarathonServer, type MarathonServerOptions } from '@baton/testing';
import type { Workload } from '@baton/core';
import { afterEach, describe, expect, it } from 'vitest';
import { createMarathonClient } from './http/marathon-client.js';
import { readMarathonSource } from './read-marathon-source.js';
import type { MarathonReaderOptions } from './reader-options.js';
import { captureSnapshot } from './snapshot/capture-snapshot.js';
import { writeSnapshot } from './snapshot/snapshot-files.js';
import { ESTATE_DIR } from './test-support/estate.js';
import { recordingContext } from './test-support/shared-inputs.js';

let server: MarathonServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(options: MarathonServerOptions = {}) {
  server = await startMarathonServer({ directory: ESTATE_DIR, ...options });
  return server;
}

async function readUrl(url: string, options: MarathonReaderOptions = {}) {
  const ctx = recordingContext();
  const result = await readMarathonSource({ kind: 'url', location: url }, { retryDelayMs: 5, ...options }, ctx);
  return { ...result, ctx };
}

const rulesOf = (reports: readonly { rule: string; workload: string }[]) => reports.map((report) => `${report.workload} ${report.rule}`);

describe('reading a live Marathon', () => {
  it('reads the example estate from its URL with GET /v2/info, /v2/groups, /v2/deployments and /v2/queue', async () => {
    const { url } = await serve();
    const { model, definitions, ctx } = await readUrl(url);
    expect(server!.requests.map((request) => request.url)).toEqual([
      '/v2/info',
      '/v2/groups?embed=group.groups&embed=group.apps&embed=group.pods',
      '/v2/deployments',
      '/v2/queue',
    ]);
    expect(model.source).toMatchObject({ reader: 'marathon', via: 'url', location: url, version: '1.5.0-SNAPSHOT' });
    expect(model.source.facts).toMatchObject({ envVarsPrefix: 'APP', defaultNetworkName: 'container-network' });
    const kinds = Object.fromEntries(model.workloads.map((workload) => [workload.id, workload.kind]));
    expect(kinds).toMatchObject({
      '/prod/data/postgres': 'stateful-service',
      '/prod/data/mysql': 'stateful-service',
      '/prod/web/complete-pod': 'pod',
      '/staging/pods/persistent': 'stateful-service',
      '/prod/web/nginx': 'service',
    });
    expect(model.workloads.map((workload) => workload.id)).toEqual(Object.keys(kinds).sort());
    expect(model.workloads.find((workload) => workload.id === '/prod/web/billing')?.dependencies).toEqual(['/prod/data', '/prod/data/postgres']);
    expect(model.workloads.every((workload) => workload.hints.envVarsPrefix === 'APP')).toBe(true);
    expect(rulesOf(ctx.reports)).toEqual(
      expect.arrayContaining([
        '/prod/frameworks/pyfw marathon/framework-app',
        '/prod/web/nginx-blue marathon/deployment-in-flight',
        '/staging/web/bridged-webapp marathon/queued-app',
      ]),
    );
    for (const workload of model.workloads) expect(ctx.ledger.settle(workload.id, definitions.get(workload.id)).unclaimed).toEqual([]);
  });

  it('gives the same workloads, groups, findings and ledger from a snapshot file as from the live source', async () => {
    const { url } = await serve();
    const live = await readUrl(url);
    const client = createMarathonClient(url);
    const snapshot = await captureSnapshot(client, { now: () => new Date('2024-05-01T12:00:00.000Z') });
    await client.close();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'baton-snapshot-')), 'estate.json');
    await writeSnapshot(file, snapshot);

    const ctx = recordingContext();
    const replay = await readMarathonSource({ kind: 'file', location: file }, {}, ctx);
    expect(replay.model.source).toMatchObject({ via: 'snapshot', location: file, capturedAt: '2024-05-01T12:00:00.000Z', version: '1.5.0-SNAPSHOT' });
    expect(JSON.stringify(replay.model.workloads)).toBe(JSON.stringify(live.model.workloads));
    expect(replay.model.groups).toEqual(live.model.groups);
    expect(replay.model.source.facts).toEqual(live.model.source.facts);
    expect(ctx.reports).toEqual(live.ctx.reports);
    for (const workload of live.model.workloads) {
      expect(ctx.ledger.settle(workload.id, replay.definitions.get(workload.id))).toEqual(live.ctx.ledger.settle(workload.id, live.definitions.get(workload.id)));
    }
  });

  it('keeps credentials out of the model, the findings and the snapshot', async () => {
    const { port } = await serve({
      auth: { basic: 'ops:hunter2' },
      info: { name: 'marathon', version: '1.10.17', marathon_config: { master: 'zk://ops:zkpass@zk-1:2181/mesos' }, zookeeper_config: { zk: 'zk://ops:zkpass@zk-1:2181/marathon' } },
    });
    const url = `http://ops:hunter2@127.0.0.1:${port}`;
    const { model, ctx } = await readUrl(url);
    expect(model.source.location).toBe(`http://127.0.0.1:${port}`);
    const client = createMarathonClient(url);
    const snapshot = await captureSnapshot(client);
    await client.close();
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'baton-snapshot-')), 'estate.json');
    await writeSnapshot(file, snapshot);
    const everything = `${JSON.stringify(model)}${JSON.stringify(ctx.reports)}${readFileSync(file, 'utf8')}`;
    expect(everything).not.toMatch(/hunter2|zkpass|ops:/);
    expect(snapshot.marathon.info?.zookeeper_config).toEqual({ zk: 'zk://zk-1:2181/marathon' });
    expect(snapshot.source).toEqual({ url: `http://127.0.0.1:${port}`, auth: 'basic' });
  });

  it('warns that a DC/OS token may see a filtered tree, more firmly when /v2/info is forbidden', async () => {
    const { url } = await serve({ auth: { token: 'jwt', forbidden: ['/v2/info'] } });
    const { ctx } = await readUrl(url, { token: 'jwt' });
    expect(ctx.reports.filter((report) => report.rule === 'marathon/partial-tree')).toEqual([{ rule: 'marathon/partial-tree', messageId: 'infoForbidden', workload: '*' }]);
    await server!.close();
    const open = await serve({ auth: { token: 'jwt' } });
    const again = await readUrl(open.url, { token: 'jwt' });
    expect(again.ctx.reports.filter((report) => report.rule === 'marathon/partial-tree').map((report) => report.messageId)).toEqual(['token']);
  });

  it('treats a 404 on /v2/deployments and /v2/queue as the feature being absent', async () => {
    const { url } = await serve({ faults: [{ kind: 'status', status: 404, path: '/v2/deployments' }, { kind: 'status', status: 404, path: '/v2/queue' }] });
    const { model, ctx } = await readUrl(url);
    expect(model.workloads.length).toBeGreaterThan(10);
    expect(ctx.reports.map((report) => report.rule)).not.toContain('marathon/deployment-in-flight');
  });

  it('stops with the source error when the groups cannot be read', async () => {
    const { url } = await serve({ auth: { basic: 'a:b', forbidden: ['/v2/groups'] } });
    await expect(readUrl(url.replace('http://', 'http://a:b@'))).rejects.toMatchObject({ code: 'BATON2003' });
  });

  it('reads the pods of a 1.4 Marathon from /v2/pods/::status into their groups when /v2/groups has none (§8)', async () => {
    const current = await readUrl((await serve()).url);
    await server!.close();
    const { url } = await serve({ version: '1.4.12' });
    const legacy = await readUrl(url);
    expect(server!.requests.map((request) => request.url)).toContain('/v2/pods/::status');
    const pods = ['/prod/web/complete-pod', '/staging/pods/persistent'];
    const strip = (workloads: readonly Workload[]) => workloads.map(({ origin: _origin, originPointer: _pointer, ...rest }) => rest);
    // the same workloads, pods included with the dependencies their groups pass down, as when the groups embed them
    expect(JSON.stringify(strip(legacy.model.workloads))).toBe(JSON.stringify(strip(current.model.workloads)));
    expect(legacy.model.groups).toEqual(current.model.groups);
    for (const id of pods) {
      expect(legacy.model.workloads.find((workload) => workload.id === id)).toMatchObject({ origin: '/v2/pods/::status', originPointer: expect.stringMatching(/^\/\d+$/) });
      expect(legacy.ctx.ledger.settle(id, legacy.definitions.get(id)).unclaimed).toEqual([]);
    }
    expect(rulesOf(legacy.ctx.reports).sort()).toEqual(rulesOf(current.ctx.reports).sort());

    // captured beside the groups, replayed offline and served again by the fake: the same pods
    const client = createMarathonClient(url);
    const snapshot = await captureSnapshot(client);
    await client.close();
    expect((snapshot.marathon.pods ?? []).map((pod) => (pod as { id: string }).id)).toEqual(pods);
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'baton-snapshot-')), 'legacy.json');
    await writeSnapshot(file, snapshot);
    const replay = await readMarathonSource({ kind: 'file', location: file }, {}, recordingContext());
    expect(JSON.stringify(replay.model.workloads)).toBe(JSON.stringify(legacy.model.workloads));
    await server!.close();
    server = await startMarathonServer({ snapshot: file });
    const again = await readUrl(server.url);
    expect(JSON.stringify(again.model.workloads)).toBe(JSON.stringify(legacy.model.workloads));
  });

  it('asks no /v2/pods before 1.4 and when the groups embed pods, and reads a 404 there as no pods', async () => {
    for (const version of ['1.3.13', '1.10.17']) {
      await serve({ version });
      await readUrl(server!.url);
      expect(server!.requests.map((request) => request.path)).not.toContain('/v2/pods/::status');
      await server!.close();
    }
    // /v2/info forbidden: the version is unknown, so the reader asks; a 404 means no pods
    const { url } = await serve({ version: '1.4.12', auth: { token: 'jwt', forbidden: ['/v2/info'] }, faults: [{ kind: 'status', status: 404, path: '/v2/pods/::status' }] });
    const { model } = await readUrl(url, { token: 'jwt' });
    expect(server!.requests.map((request) => `${request.path} ${request.status}`)).toContain('/v2/pods/::status 404');
    expect(model.workloads.filter((workload) => workload.sourceKind === 'pod')).toEqual([]);
    expect(model.workloads.length).toBeGreaterThan(10);
    const client = createMarathonClient(url, { token: 'jwt' });
    expect((await captureSnapshot(client)).marathon.pods).toBeNull();
    await client.close();
  });

  it('plans only the selected workloads and the groups that hold them', async () => {
    const { url } = await serve();
    const { model, definitions, ctx } = await readUrl(url, { only: ['/prod/web', '/staging/web/bridged-webapp'], exclude: '/prod/web/nginx-blue' });
    expect(model.workloads.map((workload) => workload.id)).toEqual(['/prod/web/billing', '/prod/web/billing-worker', '/prod/web/complete-pod', '/prod/web/nginx', '/staging/web/bridged-webapp']);
    expect([...definitions.keys()].sort()).toEqual(model.workloads.map((workload) => workload.id));
    expect(model.groups.map((group) => group.id)).toEqual(['/prod', '/prod/web', '/staging', '/staging/web']);
    expect(ctx.reports.every((report) => report.workload === '*' || definitions.has(report.workload))).toBe(true);
    const labelled = await readUrl(url, { label: 'HAPROXY_GROUP==external' });
    expect(labelled.model.workloads.map((workload) => workload.id)).toEqual(['/prod/web/nginx', '/prod/web/nginx-blue']);
  });
});
