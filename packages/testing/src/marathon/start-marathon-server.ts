import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
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

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => response.destroy());
  });

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
      // truncate: promise the whole body, send half of it, hang up
      const real = answer(request, url);
      const bytes = Buffer.from(real.body);
      record.status = real.status;
      response.writeHead(real.status, { ...real.headers, 'content-length': String(bytes.length) });
      response.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => response.destroy());
      return;
    }
    send(response, record, answer(request, url));
  }

  function answer(request: IncomingMessage, url: URL): MarathonResponse {
    const denied = checkAuth(options.auth, request.headers, url.pathname);
    if (denied) return denied;
    return routes!(request.method ?? 'GET', url);
  }

  function send(response: ServerResponse, record: { status: number }, reply: MarathonResponse): void {
    record.status = reply.status;
    const body = Buffer.from(reply.body);
    // responses from the leader name it (§3 LeaderProxyFilter)
    response.writeHead(reply.status, { ...reply.headers, 'content-length': String(body.length), 'x-marathon-leader': `http://127.0.0.1:${port}` });
    response.end(body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  routes = createMarathonRoutes(state, port);

  return {
    url: `http://127.0.0.1:${port}${prefix ?? ''}`,
    port,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

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
