import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hasOpenssl, selfSignedCertificate, startMarathonServer, type MarathonServer, type MarathonServerOptions } from '@baton/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { memoryIo } from './test-support/memory-io.js';
import { REPO_DIR } from './test-support/shared-inputs.js';

// The source flags of `migrate plan` / `migrate capture` against the fake Marathon over real HTTP(S):
// credentials from flags and environment, --ca-cert / --insecure, the DC/OS path, and selection.

const ESTATE = path.join(REPO_DIR, 'examples/estate');
const PASSWORD = 'pw-source-flags-marker';
const TOKEN = 'eyJ.source-flags-marker-token';
const work = mkdtempSync(path.join(os.tmpdir(), 'baton-source-flags-'));

let server: MarathonServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const serve = async (options: MarathonServerOptions) => (server = await startMarathonServer({ directory: ESTATE, ...options }));

let runs = 0;
/** Runs `migrate plan` into a fresh directory; returns the exit code, the output and every file written. */
async function plan(args: string[], env: Record<string, string> = {}) {
  const out = path.join(work, `plan-${(runs += 1)}`);
  const io = memoryIo({ env, cwd: work });
  const code = await runCli(['plan', ...args, '--out', out, '--fail-on', 'never'], io);
  let files = '';
  let workloads: string[] = [];
  try {
    for (const file of readdirSync(out, { recursive: true }) as string[]) {
      try {
        files += readFileSync(path.join(out, file), 'utf8');
      } catch {
        // a directory
      }
    }
    workloads = (JSON.parse(readFileSync(path.join(out, 'plan.json'), 'utf8')).workloads as { id: string }[]).map((workload) => workload.id).sort();
  } catch {
    // nothing written
  }
  return { code, text: `${io.out()}${io.err()}${files}`, err: io.err(), workloads };
}

const basic = (header: unknown) => `Basic ${Buffer.from(`ops:${PASSWORD}`).toString('base64')}` === header;

describe('source flags', () => {
  it('sends HTTP basic credentials from --user or BATON_MARATHON_USER, and stops with BATON2002 without them', async () => {
    await serve({ auth: { basic: `ops:${PASSWORD}` } });
    const flag = await plan(['--from', server!.url, '--user', `ops:${PASSWORD}`]);
    expect(flag.code).toBe(0);
    expect(flag.workloads.length).toBeGreaterThan(10);
    const env = await plan(['--from', server!.url], { BATON_MARATHON_USER: `ops:${PASSWORD}` });
    expect(env.code).toBe(0);
    expect(server!.requests.every((request) => basic(request.headers.authorization))).toBe(true);
    const none = await plan(['--from', server!.url]);
    expect(none.code).toBe(3);
    expect(none.err).toContain('BATON2002');
    const malformed = await plan(['--from', server!.url, '--user', PASSWORD]);
    expect(malformed.code).toBe(2);
    expect(malformed.err).toContain('BATON1001');
    for (const run of [flag, env, none, malformed]) expect(run.text).not.toContain(PASSWORD);
  });

  it('sends a DC/OS token as `Authorization: token=` from --token (which wins over BATON_MARATHON_TOKEN) under /service/marathon', async () => {
    await serve({ auth: { token: TOKEN }, pathPrefix: '/service/marathon' });
    expect(server!.url).toMatch(/\/service\/marathon$/);
    const flag = await plan(['--from', server!.url, '--token', TOKEN], { BATON_MARATHON_TOKEN: 'stale' });
    expect(flag.code).toBe(0);
    expect(server!.requests.map((request) => request.headers.authorization)).toEqual(server!.requests.map(() => `token=${TOKEN}`));
    expect(server!.requests.every((request) => request.url.startsWith('/service/marathon/v2/'))).toBe(true);
    const plan2 = JSON.parse(readFileSync(path.join(work, `plan-${runs}`, 'plan.json'), 'utf8'));
    expect(plan2.findings.map((finding: { ruleId: string }) => finding.ruleId)).toContain('marathon/partial-tree');
    const wrong = await plan(['--from', server!.url], { BATON_MARATHON_TOKEN: 'stale' });
    expect(wrong.code).toBe(3);
    expect(wrong.err).toContain('BATON2002');
    for (const run of [flag, wrong]) expect(run.text).not.toContain(TOKEN);
  });

  it('selects with --only, --exclude and --label', async () => {
    await serve({});
    const only = await plan(['--from', server!.url, '--only', '/prod/data', '--only', '/staging/web/bridged-webapp', '--exclude', '/prod/data/mysql']);
    expect(only.workloads).toEqual(['/prod/data/postgres', '/prod/data/reports', '/staging/web/bridged-webapp']);
    const label = await plan(['--from', server!.url, '--label', 'HAPROXY_GROUP==external']);
    expect(label.workloads).toEqual(['/prod/web/nginx', '/prod/web/nginx-blue']);
  });
});

describe.skipIf(!hasOpenssl())('TLS flags', () => {
  it('fails on a private CA with BATON2001, and plans with --ca-cert <file> or --insecure', async () => {
    const { key, cert } = selfSignedCertificate(work);
    await serve({ tls: { key, cert } });
    expect(server!.url).toMatch(/^https:/);
    const untrusted = await plan(['--from', server!.url]);
    expect(untrusted.code).toBe(3);
    expect(untrusted.err).toContain('BATON2001');
    const trusted = await plan(['--from', server!.url, '--ca-cert', 'cert.pem']);
    expect(trusted.code).toBe(0);
    expect(trusted.workloads.length).toBeGreaterThan(10);
    expect((await plan(['--from', server!.url, '--insecure'])).code).toBe(0);
    const missing = await plan(['--from', server!.url, '--ca-cert', 'nope.pem']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('BATON1002');
  });
});
