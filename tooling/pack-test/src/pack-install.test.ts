// The published surface, as a user gets it: `pnpm pack` every public package (workspace: ranges
// become real versions), `npm install` the tarballs into a scratch project (third-party
// dependencies come from the registry), then import each package alone in a fresh Node process,
// as ESM and as CommonJS, and run the installed `migrate` bin.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface Published {
  readonly name: string;
  readonly dir: string;
  readonly version: string;
  /** No `require` condition: CommonJS callers load it with import(). */
  readonly esmOnly: boolean;
}

/** Every non-private package under packages/ and apps/. */
function publishedPackages(): Published[] {
  const out: Published[] = [];
  for (const area of ['packages', 'apps']) {
    for (const name of readdirSync(path.join(ROOT, area)).sort()) {
      const dir = path.join(ROOT, area, name);
      let manifest: { name: string; version: string; private?: boolean; exports?: Record<string, unknown> };
      try {
        manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      } catch {
        continue;
      }
      if (manifest.private) continue;
      const main = manifest.exports?.['.'];
      out.push({ name: manifest.name, dir, version: manifest.version, esmOnly: !(typeof main === 'object' && main !== null && 'require' in main) });
    }
  }
  return out;
}

/** One named export per package that must be there, whichever way it is loaded. */
const KNOWN_EXPORT: Record<string, string> = {
  '@baton/core': 'runPipeline',
  '@baton/marathon': 'default',
  '@baton/kubernetes': 'default',
  '@baton/cni': 'default',
  '@baton/csi': 'default',
  '@baton/testing': 'RuleTester',
  '@baton/cli': 'runCli',
};

const packages = publishedPackages();
let scratch: string;
const timings: Record<string, number> = {};

describe('packed packages', () => {
  beforeAll(async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'baton-pack-'));
    const tarballs = path.join(work, 'tarballs');
    scratch = path.join(work, 'scratch');
    let started = performance.now();
    await Promise.all(packages.map((pkg) => run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: pkg.dir })));
    timings.pack = performance.now() - started;
    const files = readdirSync(tarballs)
      .filter((file) => file.endsWith('.tgz'))
      .map((file) => path.join(tarballs, file));
    expect(files).toHaveLength(packages.length);

    started = performance.now();
    mkdirSync(scratch, { recursive: true });
    writeFileSync(path.join(scratch, 'package.json'), `${JSON.stringify({ name: 'baton-pack-scratch', private: true }, null, 2)}\n`);
    await run('npm', ['install', ...files, '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: scratch, maxBuffer: 16 * 1024 * 1024 });
    timings.install = performance.now() - started;
  });

  afterAll(() => {
    console.info(`pack-test: pnpm pack ${(timings.pack! / 1000).toFixed(1)}s, npm install ${(timings.install! / 1000).toFixed(1)}s`);
    if (scratch) rmSync(path.dirname(scratch), { recursive: true, force: true });
  });

  it('finds every published package, each with a known export to check', () => {
    expect(packages.map((pkg) => pkg.name).sort()).toEqual(Object.keys(KNOWN_EXPORT).sort());
  });

  it.each(packages.map((pkg) => [pkg.name, pkg] as const))('%s imports alone as ESM', async (name) => {
    const check = `const m = await import(${JSON.stringify(name)}); if (m[${JSON.stringify(KNOWN_EXPORT[name])}] === undefined) { console.error(Object.keys(m).join(',')); process.exit(3); }`;
    await expect(run(process.execPath, ['--input-type=module', '-e', check], { cwd: scratch })).resolves.toBeDefined();
  });

  it.each(packages.map((pkg) => [pkg.name, pkg] as const))('%s loads alone from CommonJS', async (name, pkg) => {
    // Dual packages with require(); ESM-only ones (the CLI, the test kit: vitest cannot be
    // require()d) the way CommonJS code must load them, with import().
    const load = pkg.esmOnly ? `import(${JSON.stringify(name)})` : `Promise.resolve(require(${JSON.stringify(name)}))`;
    const check = `${load}.then((m) => { if (m[${JSON.stringify(KNOWN_EXPORT[name])}] === undefined) { console.error(Object.keys(m).join(',')); process.exit(3); } });`;
    await expect(run(process.execPath, ['-e', check], { cwd: scratch })).resolves.toBeDefined();
  });

  it('ships the plan schema as @baton/core/plan.schema.json to both module systems', async () => {
    const esm = await run(process.execPath, ['--input-type=module', '-e', `import s from '@baton/core/plan.schema.json' with { type: 'json' }; console.log(s.$id)`], { cwd: scratch });
    const cjs = await run(process.execPath, ['-e', `console.log(require('@baton/core/plan.schema.json').$id)`], { cwd: scratch });
    expect(esm.stdout.trim()).toBe('https://baton.dev/schemas/plan/v1.json');
    expect(cjs.stdout).toBe(esm.stdout);
  });

  it('runs the installed migrate bin', async () => {
    const cli = packages.find((pkg) => pkg.name === '@baton/cli')!;
    const { stdout } = await run(path.join(scratch, 'node_modules/.bin/migrate'), ['--version'], { cwd: scratch });
    expect(stdout.trim()).toBe(cli.version);
  });

  it('plans the example estate with the installed CLI, offline', async () => {
    const out = path.join(scratch, 'plan');
    const from = path.join(ROOT, 'examples/estate/groups.json');
    await run(path.join(scratch, 'node_modules/.bin/migrate'), ['plan', '--from', from, '--out', out, '--fail-on', 'never', '--quiet'], { cwd: scratch });
    const plan = JSON.parse(readFileSync(path.join(out, 'plan.json'), 'utf8'));
    expect(plan.summary.workloads).toBeGreaterThan(0);
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['plan.json', 'report.html', 'report.md', 'report.sarif', 'manifests']));
  });
});
