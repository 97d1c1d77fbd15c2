import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startMarathonServer } from './start-marathon-server.js';
import type { MarathonServer, MarathonServerOptions } from './marathon-server-options.js';

const groups = {
  id: '/',
  apps: [],
  pods: [],
  dependencies: [],
  groups: [
    {
      id: '/prod',
      dependencies: ['/infra'],
      apps: [{ id: '/prod/web', cmd: 'serve', instances: 2, version: '2020-01-01T00:00:00.000Z' }],
      pods: [{ id: '/prod/pod', containers: [{ name: 'main', resources: { cpus: 0.1, mem: 32 } }], scaling: { kind: 'fixed', instances: 1 } }],
      groups: [{ id: 'inner', apps: [{ id: 'worker', cmd: 'work', dependencies: ['../web', 'cache'] }], groups: [] }],
    },
  ],
};

let server: MarathonServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: MarathonServerOptions = {}) {
  server = await startMarathonServer({ groups, ...options });
  return server;
}

async function get(path: string, init: RequestInit = {}) {
  const response = await fetch(`${server!.url}${path}`, init);
  const body = await response.text();
  let parsed: any;
  try {
    parsed = JSON.parse(body);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body, json: parsed };
}

describe('startMarathonServer', () => {
  it('answers /v2/groups with every kind embedded by default, pods as PodStatus and absolute ids', async () => {
    await start();
    const { status, json } = await get('/v2/groups');
    expect(status).toBe(200);
    const prod = json.groups[0];
    expect(prod.apps[0].id).toBe('/prod/web');
    expect(prod.pods[0]).toMatchObject({ id: '/prod/pod', spec: { id: '/prod/pod' }, status: 'STABLE' });
    expect(prod.groups[0]).toMatchObject({ id: '/prod/inner', apps: [{ id: '/prod/inner/worker', dependencies: ['/prod/web', '/prod/inner/cache'] }] });
  });

  it('embeds only what is asked once embed is given (pods must be named)', async () => {
    await start();
    const { json } = await get('/v2/groups?embed=group.groups&embed=group.apps');
    expect(json.groups[0].apps).toHaveLength(1);
    expect(json.groups[0].pods).toBeUndefined();
    const sub = await get('/v2/groups/prod?embed=group.pods');
    expect(sub.json.id).toBe('/prod');
    expect(sub.json.pods).toHaveLength(1);
    expect(sub.json.apps).toBeUndefined();
    expect(sub.json.groups).toBeUndefined();
    expect((await get('/v2/groups/nope')).json).toEqual({ message: "Group '/nope' does not exist" });
  });

  it('answers /v2/apps with counts and deployments, /v2/apps/{id} as {"app": …}, and the app 404', async () => {
    await start({ deployments: [{ id: 'd1', affectedApps: ['/prod/web'], affectedPods: [] }] });
    const apps = await get('/v2/apps');
    expect(apps.json.apps.map((app: any) => app.id)).toEqual(['/prod/inner/worker', '/prod/web']);
    expect(apps.json.apps[1]).toMatchObject({ tasksRunning: 0, tasksStaged: 0, deployments: [{ id: 'd1' }] });
    expect((await get('/v2/apps?id=work')).json.apps).toHaveLength(1);
    expect((await get('/v2/apps/prod/web')).json.app).toMatchObject({ id: '/prod/web', tasks: [] });
    expect((await get('/v2/apps/prod/*')).json['*']).toHaveLength(2);
    const missing = await get('/v2/apps/nope');
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ message: "App '/nope' does not exist" });
  });

  it('serves pods from 1.4 with the double-encoded 404 body, and not before', async () => {
    await start({ version: '1.10.17' });
    expect((await get('/v2/pods')).json).toEqual([expect.objectContaining({ id: '/prod/pod' })]);
    expect((await get('/v2/pods', { method: 'HEAD' })).status).toBe(200);
    expect((await get('/v2/pods/::status')).json[0].spec.id).toBe('/prod/pod');
    expect((await get('/v2/pods/prod/pod::status')).json.status).toBe('STABLE');
    const missing = await get('/v2/pods/nope');
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.json.message)).toEqual({ message: 'pod with /nope does not exist' });
    await server!.close();
    await start({ version: '1.3.13' });
    const old = await get('/v2/pods');
    expect(old.status).toBe(404);
    expect(old.headers.get('content-type')).toMatch(/text\/html/);
  });

  it('answers legacy GroupInfo without pods up to 1.4 (§8), the pods staying on /v2/pods', async () => {
    await start({ version: '1.4.12' });
    const hasPodsKey = (group: any): boolean => 'pods' in group || (group.groups ?? []).some(hasPodsKey);
    for (const query of ['', '?embed=group.groups&embed=group.apps&embed=group.pods']) {
      const { json } = await get(`/v2/groups${query}`);
      expect(json.groups[0].apps[0].id).toBe('/prod/web');
      expect(hasPodsKey(json)).toBe(false);
    }
    expect((await get('/v2/pods/::status')).json.map((pod: any) => pod.id)).toEqual(['/prod/pod']);
    await server!.close();
    await start({ version: '1.5.0' });
    expect((await get('/v2/groups')).json.groups[0].pods).toHaveLength(1);
  });

  it('places pods given beside the tree into their groups, creating the groups of the path', async () => {
    const pod = { id: '/team/batch/runner', containers: [{ name: 'run', resources: { cpus: 0.1, mem: 32 } }] };
    await start({ pods: [pod, { id: '/prod/extra', spec: { id: '/prod/extra', containers: [] }, status: 'STABLE' }] });
    const { json } = await get('/v2/groups');
    expect(json.groups.map((group: any) => group.id)).toEqual(['/prod', '/team']);
    expect(json.groups[0].pods.map((status: any) => status.id)).toEqual(['/prod/pod', '/prod/extra']);
    expect(json.groups[1].groups[0]).toMatchObject({ id: '/team/batch', pods: [{ id: '/team/batch/runner', spec: { id: '/team/batch/runner' } }] });
    expect((await get('/v2/pods')).json.map((spec: any) => spec.id)).toEqual(['/prod/extra', '/prod/pod', '/team/batch/runner']);
  });

  it('answers unknown routes with 500 JSON from 1.5 and a Jetty 404 page before', async () => {
    await start({ version: '1.9.109' });
    expect(await get('/v2/nothing')).toMatchObject({ status: 500, json: { message: 'URI not found' } });
    await server!.close();
    await start({ version: '1.4.12' });
    const old = await get('/v2/nothing');
    expect(old.status).toBe(404);
    expect(old.body).toContain('HTTP ERROR 404');
  });

  it('answers /v2/info, /v2/leader and /ping', async () => {
    await start({ version: '1.8.222' });
    expect((await get('/v2/info')).json.version).toBe('1.8.222');
    expect((await get('/v2/leader')).json.leader).toBe(`127.0.0.1:${server!.port}`);
    expect((await get('/ping')).body).toBe('pong\n');
    expect((await get('/v2/queue')).json).toEqual({ queue: [] });
    expect((await get('/v2/deployments')).json).toEqual([]);
  });

  it('requires basic credentials with Jetty\'s 401 page, and DC/OS tokens with a JSON 401', async () => {
    await start({ auth: { basic: 'admin:s3cret' } });
    const denied = await get('/v2/groups');
    expect(denied.status).toBe(401);
    expect(denied.headers.get('www-authenticate')).toBe('Basic realm="Mesosphere"');
    expect(denied.body).toContain('HTTP ERROR 401');
    const allowed = await get('/v2/groups', { headers: { authorization: `Basic ${Buffer.from('admin:s3cret').toString('base64')}` } });
    expect(allowed.status).toBe(200);
    await server!.close();

    await start({ auth: { token: 'jwt-1', forbidden: ['/v2/queue'] } });
    const tokenDenied = await get('/v2/groups', { headers: { authorization: 'token=wrong' } });
    expect(tokenDenied.status).toBe(401);
    expect(tokenDenied.json).toHaveProperty('message');
    expect((await get('/v2/groups', { headers: { authorization: 'token=jwt-1' } })).status).toBe(200);
    const forbidden = await get('/v2/queue', { headers: { authorization: 'token=jwt-1' } });
    expect(forbidden).toMatchObject({ status: 403, json: { message: 'Not Authorized to perform this action!' } });
  });

  it('injects status storms that end, and records every request', async () => {
    await start({ faults: [{ kind: 'status', status: 503, times: 2, path: '/v2/groups' }] });
    expect((await get('/v2/groups')).status).toBe(503);
    expect((await get('/v2/info')).status).toBe(200);
    expect((await get('/v2/groups')).status).toBe(503);
    expect((await get('/v2/groups')).status).toBe(200);
    expect(server!.requests.map((request) => [request.path, request.status])).toEqual([
      ['/v2/groups', 503],
      ['/v2/info', 200],
      ['/v2/groups', 503],
      ['/v2/groups', 200],
    ]);
  });

  it('resets connections, truncates bodies, answers HTML and delays', async () => {
    await start({
      faults: [
        { kind: 'reset', path: '/v2/info', times: 1 },
        { kind: 'truncate', path: '/v2/groups', times: 1 },
        { kind: 'non-json', path: '/v2/apps', times: 1 },
        { kind: 'delay', delayMs: 150, path: '/v2/leader' },
      ],
    });
    await expect(fetch(`${server!.url}/v2/info`)).rejects.toThrow();
    await expect(fetch(`${server!.url}/v2/groups`).then((response) => response.text())).rejects.toThrow();
    const html = await get('/v2/apps');
    expect(html.status).toBe(200);
    expect(html.json).toBeUndefined();
    const started = Date.now();
    await get('/v2/leader');
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect((await get('/v2/info')).status).toBe(200);
  });

  it('redirects (to itself by default: a loop), stalls, drips, relabels and sends oversized bodies', async () => {
    await start({
      faults: [
        { kind: 'redirect', path: '/v2/info', times: 1 },
        { kind: 'redirect', status: 301, location: 'https://sso.example.com/login?next=/v2/apps', path: '/v2/apps', times: 1 },
        { kind: 'stall', path: '/v2/leader', times: 1 },
        { kind: 'drip', intervalMs: 5, bytesPerChunk: 4, path: '/v2/deployments', times: 1 },
        { kind: 'content-type', contentType: 'text/html', path: '/v2/queue', times: 1 },
        { kind: 'oversized', bytes: 300_000, path: '/v2/groups', times: 1 },
        { kind: 'oversized', bytes: 1_000_000, announce: true, path: '/v2/groups', times: 1 },
      ],
    });
    const loop = await get('/v2/info', { redirect: 'manual' });
    expect([loop.status, loop.headers.get('location')]).toEqual([302, '/v2/info']);
    const sso = await get('/v2/apps', { redirect: 'manual' });
    expect([sso.status, sso.headers.get('location')]).toEqual([301, 'https://sso.example.com/login?next=/v2/apps']);
    const stalled = await fetch(`${server!.url}/v2/leader`, { signal: AbortSignal.timeout(300) });
    expect(stalled.status).toBe(200);
    await expect(stalled.text()).rejects.toThrow();
    expect((await get('/v2/deployments')).json).toEqual([]);
    const relabelled = await get('/v2/queue');
    expect([relabelled.headers.get('content-type'), relabelled.json]).toEqual(['text/html', { queue: [] }]);
    const chunked = await get('/v2/groups');
    expect([chunked.body.length, chunked.headers.get('content-length'), chunked.json.id]).toEqual([300_000, null, '/']);
    const announced = await get('/v2/groups');
    expect([announced.body.length, announced.headers.get('content-length')]).toEqual([1_000_000, '1000000']);
    expect((await get('/v2/info')).status).toBe(200);
  });

  it('answers 502 on the API and 404 on /v2/leader while no leader is elected (§3), and still pongs', async () => {
    await start({ leaderless: true });
    expect(await get('/v2/groups')).toMatchObject({ status: 502, body: 'Could not determine the current leader' });
    expect(await get('/v2/leader')).toMatchObject({ status: 404, json: { message: 'There is no leader' } });
    expect((await get('/ping')).status).toBe(200);
  });

  it('serves under a path prefix like Admin Router', async () => {
    server = await startMarathonServer({ groups, pathPrefix: '/service/marathon' });
    expect(server.url).toMatch(/\/service\/marathon$/);
    expect((await get('/v2/info')).status).toBe(200);
    expect(server.requests[0]!.url).toBe('/service/marathon/v2/info');
  });

  it('serves HTTPS with the key and certificate it is given (§3)', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-marathon-tls-'));
    const [key, cert] = [path.join(dir, 'key.pem'), path.join(dir, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    server = await startMarathonServer({ groups, tls: { key: readFileSync(key), cert: readFileSync(cert) }, pathPrefix: '/service/marathon' });
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/service\/marathon$/);
    const body = await new Promise<string>((resolve, reject) => {
      const request = httpsRequest(`${server!.url}/v2/info`, { ca: readFileSync(cert) }, (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () => resolve(text));
      });
      request.on('error', reject);
      request.end();
    });
    expect(JSON.parse(body)).toMatchObject({ name: 'marathon' });
    // a client that does not trust the certificate fails the handshake
    await expect(fetch(`${server.url}/v2/info`)).rejects.toThrow();
  });

  it('loads a directory and a snapshot file', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'baton-marathon-'));
    writeFileSync(path.join(dir, 'groups.json'), JSON.stringify(groups));
    writeFileSync(path.join(dir, 'info.json'), JSON.stringify({ name: 'marathon', version: '1.6.322', marathon_config: {} }));
    server = await startMarathonServer({ directory: dir });
    expect((await get('/v2/info')).json.version).toBe('1.6.322');
    expect((await get('/v2/apps')).json.apps).toHaveLength(2);
    await server.close();
    const snapshot = path.join(dir, 'snapshot.json');
    writeFileSync(snapshot, JSON.stringify({ snapshotVersion: 'baton.dev/marathon-snapshot/v1', marathon: { version: '1.7.1', info: null, groups, deployments: [], queue: { queue: [] } } }));
    server = await startMarathonServer({ snapshot });
    expect((await get('/v2/info')).json.version).toBe('1.7.1');
    expect((await get('/v2/deployments')).json).toEqual([]);
    await server.close();
    // a snapshot of a 1.4 Marathon keeps the pods it read from /v2/pods/::status beside the groups
    const legacy = path.join(dir, 'legacy.json');
    const pods = [{ id: '/prod/late', spec: { id: '/prod/late', containers: [{ name: 'c' }] }, status: 'STABLE' }];
    writeFileSync(legacy, JSON.stringify({ snapshotVersion: 'baton.dev/marathon-snapshot/v1', marathon: { version: '1.4.9', info: null, groups, pods, deployments: [], queue: { queue: [] } } }));
    server = await startMarathonServer({ snapshot: legacy });
    expect((await get('/v2/pods/::status')).json.map((pod: any) => pod.id)).toEqual(['/prod/late', '/prod/pod']);
  });
});
