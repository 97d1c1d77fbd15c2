import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { BatonError, definePlugin, runPipeline, type Plugin } from '@baton/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import metronome, { METRONOME_PLUGIN_VERSION } from './index.js';

const FIXTURE = fileURLToPath(new URL('./__fixtures__/jobs.json', import.meta.url));
const JOBS = readFileSync(FIXTURE, 'utf8');

/** A writer that writes nothing: the plugin's tests stop at the model (the CLI's tests write CronJobs). */
const nullWriter: Plugin = definePlugin({
  apiVersion: 1,
  meta: { name: 'test-null-writer', version: '0.0.0', namespace: 'test' },
  writers: { null: { apiVersion: 1, target: 'kubernetes', description: 'nothing', write: async () => ({ workloads: [], shared: [], files: [] }) } },
});

const plan = (location: string, kind: 'file' | 'url' = 'file', options: Record<string, unknown> = {}) =>
  runPipeline({ plugins: [metronome(options), nullWriter], input: { kind, location } });

describe('baton-plugin-metronome', () => {
  it('reads every job of a /v1/jobs response as a job workload with its schedule', async () => {
    const result = await plan(FIXTURE);
    expect(result.model.source.reader).toBe('metronome');
    expect(result.model.workloads.map((w) => [w.id, w.kind, w.sourceKind])).toEqual([
      ['/prod/billing/invoice-run', 'job', 'job'],
      ['/prod/email/summary', 'job', 'job'],
      ['/ops/db-backup', 'job', 'job'],
      ['/adhoc/reindex', 'job', 'job'],
    ]);
    const [invoice, summary, backup, reindex] = result.model.workloads;
    expect(invoice!.job).toEqual({
      retries: 0,
      schedule: { id: 'monthly', cron: '0 4 1 * *', timeZone: 'Europe/Berlin', startingDeadlineSeconds: 3600, concurrency: 'allow', enabled: true, pointer: '/schedules/0' },
      pointer: '/run/restart',
    });
    expect(invoice!.containers[0]!.image).toMatchObject({ ref: 'registry.acme.example:5000/billing/invoice-run:2.14.1', forcePull: true, runtime: 'docker' });
    expect(invoice!.containers[0]!.args).toEqual(['--month', 'previous', '--send']);
    expect(invoice!.containers[0]!.env).toContainEqual({ name: 'DB_PASSWORD', secret: 'dbpassword', pointer: '/run/env/DB_PASSWORD' });
    expect(invoice!.secrets).toEqual([{ name: 'dbpassword', source: 'billing/db-password', pointer: '/run/secrets/dbpassword' }]);
    expect(invoice!.placement.constraints).toEqual([{ field: 'rack', operator: 'IS', value: 'rack-2', pointer: '/run/placement/constraints/0' }]);
    expect(summary!.containers[0]!.command).toEqual({ shell: 'cd summary-1.3 && ./send-summary --all' });
    expect(summary!.containers[0]!.image).toBeUndefined();
    expect(summary!.job).toMatchObject({ activeDeadlineSeconds: 120, schedule: { timeZone: 'UTC', startingDeadlineSeconds: 900 } });
    expect(summary!.job).not.toHaveProperty('retries');
    expect(backup!.containers[0]!.image).toMatchObject({ ref: 'postgres:15.8', runtime: 'ucr' });
    expect(backup!.job!.schedule).toMatchObject({ enabled: false, timeZone: 'America/New_York', startingDeadlineSeconds: 900 });
    expect(backup!.volumes.map((v) => v.kind)).toEqual(['host', 'secret']);
    expect(reindex!.job).toEqual({ retries: 0, pointer: '/run/restart' });
  });

  it('accounts for every field of every job (no unaccounted leaves) and reports what it approximates', async () => {
    const result = await plan(FIXTURE);
    const keys = result.findings.map((f) => `${f.ruleId}@${f.workload}${f.pointer}`);
    expect(keys.filter((k) => k.startsWith('core/'))).toEqual([]);
    expect(keys).toEqual(
      expect.arrayContaining([
        'metronome/field-not-mapped@/prod/email/summary/run/restart/policy',
        'metronome/field-not-mapped@/prod/email/summary/run/maxLaunchDelay',
        'metronome/description-not-kept@/prod/billing/invoice-run/description',
      ]),
    );
    for (const entries of result.ledger.values()) expect(entries.length).toBeGreaterThan(0);
    const summary = result.ledger.get('/prod/email/summary')!;
    expect(summary.find((e) => e.pointer === '/activeRuns/0/status')?.disposition).toBe('runtime');
    expect(summary.find((e) => e.pointer === '/run/restart/policy')?.disposition).toBe('approximated');
  });

  it('reports unknown fields as unsupported instead of failing', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = `${mkdtempSync(`${tmpdir()}/metronome-`)}/jobs.json`;
    writeFileSync(file, JSON.stringify([{ id: 'x.y', run: { cpus: 1, mem: 32, disk: 0, cmd: 'true', futureField: { a: 1 } }, dependencies: ['z'] }]));
    const result = await plan(file);
    expect(result.findings.filter((f) => f.ruleId === 'metronome/unknown-field').map((f) => f.pointer)).toEqual(['/dependencies', '/run/futureField']);
    expect(result.ledger.get('/x/y')!.find((e) => e.pointer === '/run/futureField/a')?.disposition).toBe('unsupported');
  });

  it('does not claim Marathon definitions', async () => {
    const reader = metronome().readers!.metronome!;
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const file = `${mkdtempSync(`${tmpdir()}/marathon-`)}/apps.json`;
    writeFileSync(file, JSON.stringify({ apps: [{ id: '/web', cmd: 'python3 -m http.server', cpus: 0.1, mem: 64 }] }));
    const ctx = { options: {} } as never;
    expect(await reader.detect({ kind: 'file', location: file }, ctx)).toBe(false);
    expect(await reader.detect({ kind: 'url', location: 'http://marathon:8080' }, ctx)).toBe(false);
    expect(await reader.detect({ kind: 'url', location: 'metronome+http://metronome:9000' }, ctx)).toBe(true);
    expect(await reader.detect({ kind: 'url', location: 'http://metronome:9000' }, { options: { claimUrls: true } } as never)).toBe(true);
  });

  it('keeps its version equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(METRONOME_PLUGIN_VERSION).toBe(pkg.version);
  });
});

describe('a live Metronome', () => {
  let server: Server;
  let base = '';
  const seen: { url?: string; authorization?: string }[] = [];
  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push({ url: request.url, authorization: request.headers.authorization });
      if (request.headers.authorization !== 'token=s3cret') {
        response.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"login required"}');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JOBS);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads /v1/jobs with schedules and active runs, sending the DC/OS token', async () => {
    const result = await plan(`metronome+${base}/`, 'url', { token: 's3cret' });
    expect(result.model.workloads).toHaveLength(4);
    expect(result.model.source.location).toBe(`${base}/`);
    expect(seen.at(-1)).toEqual({ url: '/v1/jobs?embed=activeRuns&embed=schedules', authorization: 'token=s3cret' });
  });

  it('fails with BATON2009 when Metronome refuses the credentials, and BATON2008 when nothing answers', async () => {
    const refused = await plan(`metronome+${base}`, 'url').catch((error: unknown) => error);
    expect(BatonError.isInstance(refused) && refused.code).toBe('BATON2009');
    const unreachable = await plan('metronome+http://127.0.0.1:1', 'url').catch((error: unknown) => error);
    expect(BatonError.isInstance(unreachable) && unreachable.code).toBe('BATON2008');
  });
});
