import { mkdtempSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { BatonError } from '@baton/core';
import { hasOpenssl, selfSignedCertificate, startMarathonServer, type MarathonServer, type MarathonServerOptions } from '@baton/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createMarathonClient, type MarathonClientOptions } from './marathon-client.js';

const groups = { id: '/', apps: [{ id: '/web', cmd: 'serve' }], groups: [], pods: [] };
let server: MarathonServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: MarathonServerOptions = {}) {
  server = await startMarathonServer({ groups, ...options });
  return server;
}

/** Runs one GET and returns the error it ends with (or the value). */
async function get(url: string, path: string, options: MarathonClientOptions = {}) {
  const client = createMarathonClient(url, { retryDelayMs: 5, ...options });
  try {
    return { value: await client.getJson(path) };
  } catch (error) {
    if (!BatonError.isInstance(error)) throw error;
    return { error };
  } finally {
    await client.close();
  }
}

/** Everything an error could show a user. */
const shown = (error: BatonError) => `${error.message} ${error.why} ${error.fix} ${JSON.stringify(error.data)} ${error.describe()}`;

describe('createMarathonClient', () => {
  it('reads JSON under a path prefix (DC/OS Admin Router)', async () => {
    const { url } = await start({ pathPrefix: '/service/marathon' });
    expect(url).toMatch(/\/service\/marathon$/);
    const { value } = await get(`${url}/`, '/v2/groups');
    expect(value).toMatchObject({ id: '/', apps: [{ id: '/web' }] });
    expect(server!.requests[0]!.url).toBe('/service/marathon/v2/groups');
  });

  it('moves credentials from the URL into the Authorization header and out of every message', async () => {
    const { url, port } = await start({ auth: { basic: 'admin:s3cret!' } });
    const client = createMarathonClient(`http://admin:s3cret%21@127.0.0.1:${port}`);
    expect(client.baseUrl).toBe(url);
    expect(client.auth).toBe('basic');
    await expect(client.getJson('/v2/info')).resolves.toMatchObject({ name: 'marathon' });
    await client.close();
    expect(server!.requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from('admin:s3cret!').toString('base64')}`);
    expect(server!.requests[0]!.url).toBe('/v2/info');

    const { error } = await get(`http://admin:wrong-pass@127.0.0.1:${port}`, '/v2/info');
    expect(error?.code).toBe('BATON2002');
    expect(shown(error!)).not.toMatch(/wrong-pass|admin:/);
  });

  it('sends a DC/OS token as `token=` and maps 401 and 403', async () => {
    const { url } = await start({ auth: { token: 'jwt.abc', forbidden: ['/v2/groups'] } });
    expect((await get(url, '/v2/info', { token: 'jwt.abc' })).value).toBeTruthy();
    expect(server!.requests[0]!.headers.authorization).toBe('token=jwt.abc');
    const unauthorized = await get(url, '/v2/info', { token: 'jwt.expired' });
    expect(unauthorized.error?.code).toBe('BATON2002');
    expect(shown(unauthorized.error!)).not.toContain('jwt.expired');
    expect((await get(url, '/v2/groups', { token: 'jwt.abc' })).error?.code).toBe('BATON2003');
  });

  it('maps 404 to BATON2004 and other statuses to BATON2005 with the message', async () => {
    const old = await start({ version: '1.4.12' });
    expect((await get(old.url, '/v2/pods/nothing/here')).error?.code).toBe('BATON2004');
    await old.close();
    const current = await start({ version: '1.10.17' });
    const { error } = await get(current.url, '/v2/nothing');
    expect(error?.code).toBe('BATON2005');
    expect(error?.data).toMatchObject({ status: 500, reason: 'URI not found', attempts: 1 });
  });

  it('retries 502 and 503 with backoff and gives up after the attempts', async () => {
    const { url } = await start({ faults: [{ kind: 'status', status: 502, times: 1 }, { kind: 'status', status: 503, times: 1 }] });
    expect((await get(url, '/v2/groups')).value).toMatchObject({ id: '/' });
    expect(server!.requests.map((request) => request.status)).toEqual([502, 503, 200]);
    await server!.close();

    await start({ faults: [{ kind: 'status', status: 503 }] });
    const { error } = await get(server!.url, '/v2/groups', { attempts: 4 });
    expect(error?.code).toBe('BATON2005');
    expect(error?.data).toMatchObject({ status: 503, attempts: 4 });
    expect(server!.requests).toHaveLength(4);
  });

  it('retries while no leader is elected and ends with BATON2005 naming Marathon\'s reason (§3)', async () => {
    const { url } = await start({ leaderless: true });
    const { error } = await get(url, '/v2/groups');
    expect(error?.code).toBe('BATON2005');
    expect(error?.data).toMatchObject({ status: 502, attempts: 3, reason: 'Could not determine the current leader' });
    expect(server!.requests.map((request) => request.status)).toEqual([502, 502, 502]);
  });

  it('retries connection resets, then reports the source unreachable', async () => {
    const { url } = await start({ faults: [{ kind: 'reset', times: 2 }] });
    expect((await get(url, '/v2/info')).value).toBeTruthy();
    await server!.close();
    await start({ faults: [{ kind: 'reset' }] });
    const { error } = await get(server!.url, '/v2/info');
    expect(error?.code).toBe('BATON2001');
    expect(server!.requests).toHaveLength(3);
  });

  it('times out per attempt with BATON2007', async () => {
    const { url } = await start({ faults: [{ kind: 'delay', delayMs: 400 }] });
    const { error } = await get(url, '/v2/info', { timeoutMs: 60, attempts: 2 });
    expect(error?.code).toBe('BATON2007');
    expect(error?.data).toMatchObject({ timeoutMs: 60, attempts: 2, path: '/v2/info' });
  });

  it('reports cut-off and non-JSON bodies with BATON2006, after retrying cut-offs', async () => {
    const { url } = await start({ faults: [{ kind: 'truncate', times: 1 }] });
    expect((await get(url, '/v2/groups')).value).toMatchObject({ id: '/' });
    await server!.close();
    await start({ faults: [{ kind: 'truncate' }] });
    expect((await get(server!.url, '/v2/groups')).error?.code).toBe('BATON2006');
    await server!.close();
    await start({ faults: [{ kind: 'non-json' }] });
    const { error } = await get(server!.url, '/v2/groups');
    expect(error?.code).toBe('BATON2006');
    expect(String(error?.data.reason)).toContain('text/html');
  });

  it('caps the body it buffers: an announced or streamed body over maxBodyBytes is BATON2006, not retried', async () => {
    const { url } = await start({ faults: [{ kind: 'oversized', bytes: 5_000_000, announce: true, path: '/v2/groups' }] });
    const announced = await get(url, '/v2/groups', { maxBodyBytes: 1_000_000 });
    expect(announced.error?.code).toBe('BATON2006');
    expect(announced.error?.data).toMatchObject({ path: '/v2/groups' });
    await server!.close();
    await start({ faults: [{ kind: 'oversized', bytes: 5_000_000, path: '/v2/groups' }] });
    const streamed = await get(server!.url, '/v2/groups', { maxBodyBytes: 1_000_000 });
    expect(streamed.error?.code).toBe('BATON2006');
    expect(server!.requests).toHaveLength(1);
    // under the limit it is read
    expect((await get(server!.url, '/v2/groups', { maxBodyBytes: 6_000_000 })).value).toMatchObject({ id: '/' });
  });

  it('does not follow redirects: BATON2010 names the target without its credentials, query or fragment', async () => {
    const { url } = await start({ faults: [{ kind: 'redirect', path: '/v2/info' }] });
    const loop = await get(url, '/v2/info');
    expect(loop.error?.code).toBe('BATON2010');
    expect(loop.error?.exitCode).toBe(3);
    expect(loop.error?.data).toMatchObject({ status: 302, path: '/v2/info', location: `${url}/v2/info` });
    await server!.close();
    await start({ faults: [{ kind: 'redirect', status: 307, location: 'https://admin:hunter2@sso.example.com/login?ticket=ST-secret#frag' }] });
    const sso = await get(server!.url, '/v2/groups');
    expect(sso.error?.data).toMatchObject({ status: 307, location: 'https://sso.example.com/login' });
    expect(shown(sso.error!)).not.toMatch(/hunter2|ST-secret|frag/);
  });

  it('reports a stalled body as BATON2007 and reads JSON whatever its Content-Type says', async () => {
    const { url } = await start({ faults: [{ kind: 'stall', path: '/v2/info' }] });
    const stalled = await get(url, '/v2/info', { timeoutMs: 150, attempts: 2 });
    expect(stalled.error?.code).toBe('BATON2007');
    await server!.close();
    await start({ faults: [{ kind: 'content-type', contentType: 'text/html; charset=utf-8' }] });
    // a JSON body under the wrong label is still Marathon's answer
    expect((await get(server!.url, '/v2/groups')).value).toMatchObject({ id: '/' });
  });

  it('reports a closed port as unreachable without retrying', async () => {
    const port = await freePort();
    const { error } = await get(`http://127.0.0.1:${port}`, '/v2/info');
    expect(error?.code).toBe('BATON2001');
  });

  it('rejects a URL that is not http(s) without echoing it', () => {
    expect(() => createMarathonClient('ftp://user:pw@host')).toThrow(expect.objectContaining({ code: 'BATON1001' }));
    try {
      createMarathonClient('http://user:pw@[bad');
    } catch (error) {
      expect(BatonError.isInstance(error) && shown(error)).not.toContain('pw');
    }
  });
});

describe.skipIf(!hasOpenssl())('TLS', () => {
  it('fails on an unknown CA, and succeeds with caCert or insecure', async () => {
    const { key, cert: pem } = selfSignedCertificate(mkdtempSync(path.join(os.tmpdir(), 'baton-tls-')));
    const https = createHttpsServer({ key, cert: pem }, (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"name":"marathon"}');
    });
    await new Promise<void>((resolve) => https.listen(0, '127.0.0.1', resolve));
    const url = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
    try {
      const unknown = await get(url, '/v2/info');
      expect(unknown.error?.code).toBe('BATON2001');
      expect(String(unknown.error?.data.reason)).toMatch(/^TLS/);
      expect((await get(url, '/v2/info', { caCert: pem })).value).toEqual({ name: 'marathon' });
      expect((await get(url, '/v2/info', { insecure: true })).value).toEqual({ name: 'marathon' });
    } finally {
      https.closeAllConnections();
      await new Promise((resolve) => https.close(resolve));
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
