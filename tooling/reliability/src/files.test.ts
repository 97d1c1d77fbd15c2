// Files: hostile and very long ids never write outside --out; the plan directory is replaced
// atomically, so a run killed at any moment leaves the previous plan (or, once swapped, the
// complete new one), and the temporary directory a killed run leaves behind is removed by the next.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { CLI_BIN, EXAMPLE_ESTATE, migrate, spawnMigrate, tempDir } from './support/cli.js';

/** Every file under `dir`: relative path → bytes (as latin1 text, exact). */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of (readdirSync(dir, { recursive: true }) as string[]).sort()) {
    const full = path.join(dir, name);
    if (statSync(full).isFile()) files.set(name, readFileSync(full, 'latin1'));
  }
  return files;
}

const sameTree = (a: Map<string, string>, b: Map<string, string>) => a.size === b.size && [...a].every(([name, bytes]) => b.get(name) === bytes);

/** The example estate copied `copies` times under /t<n> (13 workloads each). */
function copiedEstate(file: string, copies: number): void {
  const example = JSON.parse(readFileSync(path.join(EXAMPLE_ESTATE, 'groups.json'), 'utf8'));
  const text = JSON.stringify(example.groups);
  const groups = Array.from({ length: copies }, (_, copy) => ({ id: `/t${copy}`, apps: [], pods: [], groups: JSON.parse(text.replace(/"\/(prod|staging)/g, `"/t${copy}/$1`)) }));
  writeFileSync(file, JSON.stringify({ id: '/', apps: [], pods: [], groups }));
}

const HOSTILE_IDS = [
  '/../../etc/x',
  '../../../../tmp/baton-escape',
  '/a/../../../b',
  '/prod/./web/..//api',
  `/${'long-'.repeat(60)}end`,
  `/${Array.from({ length: 40 }, (_, index) => `level-${index}-${'x'.repeat(40)}`).join('/')}`,
  '/日本/サービス',
  '/😀/🎉',
  '/Prod/Web App',
  '/prod/kustomization',
  '/prod/namespaces',
  '/manifests',
  '/.hidden/.x',
  '/con/aux/nul',
  '/%2e%2e/%2f',
  '/back\\slash/..\\..\\x',
  '/prod/web\n/evil',
];

describe('writing the plan directory', () => {
  it('keeps every file of hostile and very long ids inside --out, with names the filesystem takes', async () => {
    const sandbox = tempDir();
    const out = path.join(sandbox, 'out', 'plan');
    const input = path.join(tempDir(), 'hostile.json');
    const apps = HOSTILE_IDS.map((id) => ({ id, cmd: 'serve', container: { docker: { image: 'nginx:1.27' } }, portDefinitions: [{ port: 0, name: 'http' }] }));
    writeFileSync(input, JSON.stringify({ id: '/', apps, groups: [{ id: '/../outside', apps: [{ id: 'x', cmd: 'y' }] }] }));
    const run = await migrate(['plan', '--from', input, '--out', out, '--fail-on', 'never', '--quiet']);
    expect(run.code, run.stderr).toBe(0);
    // nothing beside the plan, nothing above it
    expect(readdirSync(sandbox)).toEqual(['out']);
    expect(readdirSync(path.join(sandbox, 'out'))).toEqual(['plan']);
    expect(existsSync('/tmp/baton-escape')).toBe(false);
    const files = [...tree(out).keys()];
    for (const file of files) {
      expect(path.resolve(out, file).startsWith(`${out}${path.sep}`), file).toBe(true);
      for (const segment of file.split(path.sep)) expect(Buffer.byteLength(segment), file).toBeLessThanOrEqual(255);
    }
    const plan = JSON.parse(readFileSync(path.join(out, 'plan.json'), 'utf8'));
    // every id is a workload with its own manifest: none lost to a collision
    expect(plan.workloads).toHaveLength(HOSTILE_IDS.length + 1);
    const manifests = plan.workloads.map((workload: { file: string }) => workload.file);
    expect(new Set(manifests).size).toBe(manifests.length);
    for (const manifest of manifests) {
      const documents = parseAllDocuments(readFileSync(path.join(out, manifest), 'utf8'));
      expect(documents.flatMap((document) => document.errors), manifest).toEqual([]);
      expect(documents.map((document) => document.toJS().kind), manifest).toContain('Deployment');
    }
  });

  it('leaves the previous plan byte-identical (or the complete new one) when a run is SIGKILLed at any moment, and the next run removes what the killed one left', async () => {
    const work = tempDir();
    const parent = tempDir();
    const out = path.join(parent, 'plan');
    const previousInput = path.join(work, 'previous.json');
    const nextInput = path.join(work, 'next.json');
    copiedEstate(previousInput, 3);
    copiedEstate(nextInput, 150);
    const plan = (from: string, dir: string, env: Record<string, string> = {}) => spawnMigrate(['plan', '--from', from, '--out', dir, '--fail-on', 'never', '--quiet'], { env });

    expect((await plan(previousInput, out)).code).toBe(0);
    const previous = tree(out);
    const reference = path.join(work, 'reference');
    const timings = path.join(work, 'timings.json');
    expect((await plan(nextInput, reference, { BATON_TIMINGS: timings })).code).toBe(0);
    const next = tree(reference);
    const stages = JSON.parse(readFileSync(timings, 'utf8')).stages as Record<string, number>;
    const total = Object.values(stages).reduce((sum, ms) => sum + ms, 0);
    expect(next.size).toBeGreaterThan(1000);

    // kill points: by time (start-up, reading, planning) and by what is on disk (staging begun, manifests half written)
    const byTime = [0.1, 0.35, 0.6].map((share) => ({ label: `${Math.round(share * 100)}% of a run`, ms: Math.round(total * share) }));
    let before = new Set<string>();
    const staging = () => readdirSync(parent).find((name) => name.startsWith('.baton-tmp-') && !before.has(name));
    const byDisk = [
      { label: 'staging directory created', when: () => staging() !== undefined },
      { label: 'manifests being written', when: () => {
        const dir = staging();
        return dir !== undefined && existsSync(path.join(parent, dir, 'manifests')) && readdirSync(path.join(parent, dir, 'manifests')).length > 20;
      } },
    ];
    const outcomes: string[] = [];
    let strays = 0;
    for (const point of [...byTime, ...byDisk]) {
      before = new Set(readdirSync(parent));
      const child = spawn(process.execPath, [CLI_BIN, 'plan', '--from', nextInput, '--out', out, '--fail-on', 'never', '--quiet'], { stdio: 'ignore', env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' } });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      if ('ms' in point) setTimeout(() => child.kill('SIGKILL'), point.ms);
      else {
        const poll = setInterval(() => {
          if (point.when()) {
            child.kill('SIGKILL');
            clearInterval(poll);
          }
        }, 2);
        void exited.then(() => clearInterval(poll));
      }
      const signal = await exited;
      const now = existsSync(out) ? tree(out) : new Map<string, string>();
      const state = sameTree(now, previous) ? 'previous' : sameTree(now, next) ? 'next' : 'MIXED OR MISSING';
      outcomes.push(`${point.label}: ${signal ?? 'exited'} -> ${state}`);
      expect(state, outcomes.join('\n')).not.toBe('MIXED OR MISSING');
      if (readdirSync(parent).some((name) => name.startsWith('.baton-tmp-'))) strays += 1;
      // back to the previous plan for the next kill (the run may have finished first)
      if (state === 'next') expect((await plan(previousInput, out)).code).toBe(0);
      expect(sameTree(tree(out), previous)).toBe(true);
    }
    console.log(`kills: ${outcomes.join('; ')}; runs that left a staging directory: ${strays}`);
    // the killed runs died before the swap at least once, and left their staging directory behind
    expect(outcomes.filter((outcome) => outcome.endsWith('previous')).length, outcomes.join('\n')).toBeGreaterThan(0);
    expect(strays, outcomes.join('\n')).toBeGreaterThan(0);
    // the next run removes them
    expect((await plan(previousInput, out)).code).toBe(0);
    expect(readdirSync(parent)).toEqual(['plan']);
    expect(sameTree(tree(out), previous)).toBe(true);
  });
});
