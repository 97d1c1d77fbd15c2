import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadMarathonState } from './load-marathon-state.js';
import { checkAuth } from './marathon-auth.js';
import { json, loginPage, text, type MarathonResponse } from './marathon-responses.js';
import { createMarathonRoutes } from './marathon-routes.js';
import type { MarathonFault, MarathonRequestRecord, MarathonServer, MarathonServerOptions } from './marathon-server-options.js';

/**
 * A Marathon API on 127.0.0.1 that answers recorded real responses with Marathon's documented
 * behaviour: response shapes (§2), authentication (§3), errors (§4), and injected faults.
 */
export async function startMarathonServer(options: MarathonServerOptions = {}): Promise<MarathonServer> {
  const state = loadMarathonState(options);
  const requests: MarathonRequestRecord[] = [];
  const faults = (options.faults ?? []).map((fault) => ({ fault, remaining: fault.times ?? Number.POSITIVE_INFINITY }));
  let routes: ReturnType<typeof createMarathonRoutes> | undefined;
  const prefix = options.pathPrefix?.replace(/\/+$/, '');

  const listener = (request: IncomingMessage, response: ServerResponse) => {
    void handle(request, response).catch(() => response.destroy());
  };
  const server = options.tls ? createTlsServer({ key: options.tls.key, cert: options.tls.cert }, listener) : createServer(listener);
  const scheme = options.tls ? 'https' : 'http';

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (prefix && (url.pathname === prefix || url.pathname.startsWith(`${prefix}/`))) url.pathname = url.pathname.slice(prefix.length) || '/';
    const record = { method: request.method ?? 'GET', url: request.url ?? '/', path: url.pathname, headers: { ...request.headers }, status: 0 };
    requests.push(record);
    if (options.latencyMs) await sleep(options.latencyMs);

    for (const entry of faults) {
      if (entry.remaining <= 0 || !matches(entry.fault, url.pathname)) continue;
      entry.remaining -= 1;
      const fault = entry.fault;
      if (fault.kind === 'delay') {
        await sleep(fault.delayMs);
        continue;
      }
      if (fault.kind === 'reset') {
        request.socket.destroy();
        return;
      }
      if (fault.kind === 'status') return send(response, record, statusFault(fault.status));
      if (fault.kind === 'non-json') return send(response, record, loginPage());
      if (fault.kind === 'redirect') {
        const status = fault.status ?? 302;
        return send(response, record, { ...text(status, `Redirecting to ${fault.location ?? request.url}\n`), headers: { 'content-type': 'text/plain; charset=utf-8', location: fault.location ?? request.url ?? '/' } });
      }
      if (fault.kind === 'oversized') return sendOversized(response, record, fault.bytes, fault.announce ?? false);
      const real = answer(request, url);
      const bytes = Buffer.from(real.body);
      record.status = real.status;
      if (fault.kind === 'content-type') return send(response, record, { ...real, headers: { ...real.headers, 'content-type': fault.contentType } });
      response.writeHead(real.status, { ...real.headers, 'content-length': String(bytes.length) });
      // stall: the headers, then nothing until the client gives up (or the server closes)
      if (fault.kind === 'stall') return void response.flushHeaders();
      if (fault.kind === 'drip') return drip(response, bytes, fault.intervalMs, fault.bytesPerChunk ?? 16);
      // truncate: promise the whole body, send half of it, hang up
      response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => response.destroy());
      return;
    }
    send(response, record, answer(request, url));
  }

  function answer(request: IncomingMessage, url: URL): MarathonResponse {
    const denied = checkAuth(options.auth, request.headers, url.pathname);
    if (denied) return denied;
    if (options.leaderless) {
      const path = url.pathname.replace(/\/+$/, '');
      if (path === '/v2/leader') return json(404, { message: 'There is no leader' });
      if (path !== '/ping') return text(502, 'Could not determine the current leader');
    }
    return routes!(request.method ?? 'GET', url);
  }

  function send(response: ServerResponse, record: { status: number }, reply: MarathonResponse): void {
    record.status = reply.status;
    const body = Buffer.from(reply.body);
    // responses from the leader name it (§3 LeaderProxyFilter)
    response.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length), 'x-marathon-leader': `${scheme}://127.0.0.1:${port}` });
    response.end(body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  routes = createMarathonRoutes(state, port);

  return {
    url: `${scheme}://127.0.0.1:${port}${prefix ?? ''}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `bytes` bytes of one JSON document, written as fast as the client reads, stopping when it hangs up. */
async function sendOversized(response: ServerResponse, record: { status: number }, bytes: number, announce: boolean): Promise<void> {
  record.status = 200;
  response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...(announce ? { 'content-length': String(bytes) } : {}) });
  const head = Buffer.from('{"id":"/","apps":[],"padding":"');
  const tail = Buffer.from('"}');
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let left = bytes - head.length - tail.length;
  if (!response.write(head)) await drained(response);
  while (left > 0 && !response.destroyed) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    left -= piece.length;
    if (!response.write(piece)) await drained(response);
  }
  if (!response.destroyed) response.end(tail);
}

/** The body `size` bytes at a time, `intervalMs` apart. */
async function drip(response: ServerResponse, body: Buffer, intervalMs: number, size: number): Promise<void> {
  for (let offset = 0; offset < body.length && !response.destroyed; offset += size) {
    response.write(body.subarray(offset, offset + size));
    await sleep(intervalMs);
  }
  if (!response.destroyed) response.end();
}

const drained = (response: ServerResponse) =>
  new Promise<void>((resolve) => {
    const done = () => {
      response.off('drain', done);
      response.off('close', done);
      resolve();
    };
    response.on('drain', done);
    response.on('close', done);
  });

function matches(fault: MarathonFault, path: string): boolean {
  if (fault.path === undefined) return true;
  return typeof fault.path === 'string' ? path === fault.path : fault.path.test(path);
}

/** 502 is a proxy answer without a leader (§3); 503 a request timeout or an unavailable service (§4). */
function statusFault(status: number): MarathonResponse {
  if (status === 502) return text(502, 'Could not determine the current leader');
  if (status === 503) return json(503, { message: 'Service Unavailable' });
  return json(status, { message: `HTTP ${status}` });
}
