// Fault injection through the loopback Marathon: every fault ends in a retry that succeeds or in a
// coded error with the catalog's exit status, within the test's own time limit (a hang fails the
// test by timeout), and never in a stack trace or a half-written plan.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_CATALOG, type ErrorCode } from '@baton/core';
import { readMarathon } from '@baton/marathon';
import { startMarathonServer, type MarathonFault, type MarathonServer, type MarathonServerOptions } from '@baton/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_ESTATE, migrate, spawnMigrate, STACK_TRACE, tempDir } from './support/cli.js';

interface FaultCase {
  readonly name: string;
  readonly faults?: readonly MarathonFault[];
  readonly server?: Partial<MarathonServerOptions>;
  readonly flags?: readonly string[];
  /** The error that ends the run; none: the plan is written (after retries). */
  readonly error?: ErrorCode;
  /** A path that must have been asked more than once (the retry happened). */
  readonly retried?: string;
}

const MiB = 1024 * 1024;

export const FAULT_CASES: readonly FaultCase[] = [
  // retries that succeed
  { name: '502 storm that ends (no leader during an election)', faults: [{ kind: 'status', status: 502, times: 2, path: '/v2/groups' }], retried: '/v2/groups' },
  { name: '503 storm that ends', faults: [{ kind: 'status', status: 503, times: 2 }], retried: '/v2/info' },
  { name: 'one connection reset', faults: [{ kind: 'reset', times: 1, path: '/v2/groups' }], retried: '/v2/groups' },
  { name: 'one cut-off body', faults: [{ kind: 'truncate', times: 1, path: '/v2/groups' }], retried: '/v2/groups' },
  { name: 'one stalled response', faults: [{ kind: 'stall', times: 1, path: '/v2/groups' }], flags: ['--timeout', '400'], retried: '/v2/groups' },
  { name: 'slow answers within the timeout', faults: [{ kind: 'delay', delayMs: 250 }], flags: ['--timeout', '10000'] },
  { name: 'a slow body within the timeout', faults: [{ kind: 'drip', intervalMs: 1, bytesPerChunk: 2048, path: '/v2/groups' }], flags: ['--timeout', '10000'] },
  { name: 'JSON labelled text/plain by a proxy', faults: [{ kind: 'content-type', contentType: 'text/plain' }] },
  { name: 'optional endpoints missing (404 /v2/queue and /v2/deployments)', faults: [{ kind: 'status', status: 404, path: /^\/v2\/(queue|deployments)$/ }] },
  // coded errors
  { name: '503 storm that does not end', faults: [{ kind: 'status', status: 503 }], error: 'BATON2005', retried: '/v2/info' },
  { name: '502 storm that does not end', faults: [{ kind: 'status', status: 502, path: '/v2/groups' }], error: 'BATON2005', retried: '/v2/groups' },
  { name: 'connection resets throughout', faults: [{ kind: 'reset' }], error: 'BATON2001', retried: '/v2/info' },
  { name: 'answers slower than the timeout', faults: [{ kind: 'delay', delayMs: 5000, path: '/v2/groups' }], flags: ['--timeout', '300'], error: 'BATON2007' },
  { name: 'stalled responses: headers, then nothing', faults: [{ kind: 'stall', path: '/v2/groups' }], flags: ['--timeout', '300'], error: 'BATON2007', retried: '/v2/groups' },
  { name: 'a body dripping slower than the timeout', faults: [{ kind: 'drip', intervalMs: 100, bytesPerChunk: 16, path: '/v2/groups' }], flags: ['--timeout', '400'], error: 'BATON2007' },
  { name: 'bodies always cut off', faults: [{ kind: 'truncate', path: '/v2/groups' }], error: 'BATON2006', retried: '/v2/groups' },
  { name: 'an HTML login page answered with 200 (SSO proxy)', faults: [{ kind: 'non-json' }], error: 'BATON2006' },
  { name: 'HTML on an optional endpoint', faults: [{ kind: 'non-json', path: '/v2/deployments' }], error: 'BATON2006' },
  { name: 'an oversized body (300 MiB announced)', faults: [{ kind: 'oversized', bytes: 300 * MiB, announce: true, path: '/v2/groups' }], error: 'BATON2006' },
  { name: 'a redirect loop', faults: [{ kind: 'redirect' }], error: 'BATON2010' },
  { name: 'a redirect to an SSO login page', faults: [{ kind: 'redirect', status: 303, location: 'https://sso.example.com/login?ticket=abc' }], error: 'BATON2010' },
  { name: 'a permanent redirect of /v2/groups', faults: [{ kind: 'redirect', status: 308, location: '/marathon/v2/groups', path: '/v2/groups' }], error: 'BATON2010' },
  { name: '500 URI not found (not the API root)', faults: [{ kind: 'status', status: 500, path: '/v2/groups' }], error: 'BATON2005' },
  { name: '404 on /v2/groups', faults: [{ kind: 'status', status: 404, path: '/v2/groups' }], error: 'BATON2004' },
  { name: 'basic auth required, none sent (Jetty 401 page)', server: { auth: { basic: 'admin:secret' } }, error: 'BATON2002' },
  { name: 'DC/OS token required, none sent', server: { auth: { token: 'jwt' } }, error: 'BATON2002' },
  { name: 'identity without permission (403)', server: { auth: { forbidden: ['/v2/groups'] } }, error: 'BATON2003' },
];

let server: MarathonServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const asked = (path: string) => server!.requests.filter((request) => request.path === path).length;

describe('planning from a Marathon that misbehaves', () => {
  it.each(FAULT_CASES.map((fault) => [fault.name, fault] as const))('%s', async (_name, fault) => {
    server = await startMarathonServer({ directory: EXAMPLE_ESTATE, faults: fault.faults ?? [], ...fault.server });
    const out = path.join(tempDir(), 'plan');
    const run = await migrate(['plan', '--from', server.url, '--out', out, '--fail-on', 'never', '--quiet', ...(fault.flags ?? [])]);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stderr).not.toMatch(/error internal/);
    if (fault.error) {
      expect(run.stderr).toMatch(new RegExp(`^error ${fault.error} `, 'm'));
      expect(run.code).toBe(ERROR_CATALOG[fault.error].exitCode);
      expect(existsSync(out)).toBe(false);
    } else {
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(readFileSync(path.join(out, 'plan.json'), 'utf8')).summary.workloads).toBeGreaterThan(5);
    }
    if (fault.retried) expect(asked(fault.retried)).toBeGreaterThan(1);
  });

  it('reads a body streamed past the cap only up to the cap (BATON2006), then stops', async () => {
    server = await startMarathonServer({ directory: EXAMPLE_ESTATE, faults: [{ kind: 'oversized', bytes: 64 * MiB, path: '/v2/groups' }] });
    const error = await readMarathon(server.url, { maxBodyBytes: MiB, retryDelayMs: 10 }).then(
      () => undefined,
      (caught) => caught,
    );
    expect(error?.code).toBe('BATON2006');
    expect(asked('/v2/groups')).toBe(1);
  });

  it('captures nothing from a misbehaving Marathon: coded error, no snapshot file', async () => {
    server = await startMarathonServer({ directory: EXAMPLE_ESTATE, faults: [{ kind: 'redirect', path: '/v2/groups' }] });
    const file = path.join(tempDir(), 'snapshot.json');
    const run = await migrate(['capture', '--from', server.url, '--out', file]);
    expect([run.code, /^error BATON2010 /m.test(run.stderr), existsSync(file)]).toEqual([3, true, false]);
  });
});

describe('the built migrate program under faults', () => {
  // As a separate process: an unhandled rejection, a stack trace or a socket that keeps the
  // event loop alive would show here, not in-process.
  const subset = ['stalled responses: headers, then nothing', 'a redirect loop', 'an oversized body (300 MiB announced)', 'connection resets throughout', 'an HTML login page answered with 200 (SSO proxy)'];
  it.each(FAULT_CASES.filter((fault) => subset.includes(fault.name)).map((fault) => [fault.name, fault] as const))('%s', async (_name, fault) => {
    server = await startMarathonServer({ directory: EXAMPLE_ESTATE, faults: fault.faults ?? [], ...fault.server });
    const out = path.join(tempDir(), 'plan');
    const run = await spawnMigrate(['plan', '--from', server.url, '--out', out, '--quiet', ...(fault.flags ?? [])]);
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(run.stderr.trim().split('\n')[0]).toMatch(new RegExp(`^error ${fault.error} `));
    expect(run.code).toBe(ERROR_CATALOG[fault.error!].exitCode);
    expect(existsSync(out)).toBe(false);
  });
});
