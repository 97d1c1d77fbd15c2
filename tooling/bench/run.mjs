#!/usr/bin/env node
// `pnpm bench`: plans generated estates (100, 1,000, 10,000 apps from the real corpus, plus pods)
// with the built `migrate` CLI in separate processes, from a snapshot file and from the loopback
// fake Marathon, and prints wall time per stage, peak RSS and each target's pass/fail.
// Needs only Node and built packages (`pnpm build`). Not part of `pnpm test`. See README.md.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadTemplates } from './lib/corpus.mjs';
import { summarizeProfile } from './lib/cpuprofile.mjs';
import { auditEstate, generateEstate } from './lib/estate.mjs';
import { median, medianBy, runNode } from './lib/measure.mjs';
import { count, formatTable, mb, ms } from './lib/report.mjs';
import { BENCH_DIR, CLI_BIN, loadMarathon, loadTesting, missingBuilds, ROOT } from './lib/workspace.mjs';

const USAGE = `Usage: pnpm bench [-- options]

  --sizes LIST        estate sizes in apps (default 100,1000,10000); pods are 10 % of the apps
  --sources LIST      snapshot,url (default both)
  --reps N            runs per measurement, median reported (default 5; 3 from 10,000 apps)
  --startup-reps N    runs of node -e 0 / migrate --help / one-app plan (default 15)
  --no-validate       skip the separate validateObjects measurement
  --profile           one extra --cpu-prof plan per size and source; print the top self-time functions
  --strict            exit 1 when a target is missed
  --json FILE         also write every measurement as JSON
  --keep              keep the work directory (estates, plans, profiles)
  --seed N            estate seed (default 20260101)
`;

const TARGETS = {
  planMs: 3000,
  planRssMB: 600,
  linearRatio: 100,
  startupRatio: 3,
  loopbackReadMs: 2000,
};

const { values: flags } = parseArgs({
  options: {
    sizes: { type: 'string', default: '100,1000,10000' },
    sources: { type: 'string', default: 'snapshot,url' },
    reps: { type: 'string' },
    'startup-reps': { type: 'string', default: '15' },
    'no-validate': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    json: { type: 'string' },
    keep: { type: 'boolean', default: false },
    seed: { type: 'string', default: '20260101' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  allowPositionals: false,
});
if (flags.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const sizes = flags.sizes.split(',').map((size) => Number(size.replace(/[_,]/g, ''))).filter((size) => size > 0);
const sources = flags.sources.split(',').filter((source) => source === 'snapshot' || source === 'url');
const repsFor = (apps) => Number(flags.reps ?? (apps >= 10_000 ? 3 : 5));
const startupReps = Number(flags['startup-reps']);
const log = (text) => process.stderr.write(`${text}\n`);

const missing = missingBuilds();
if (missing.length > 0) {
  log(`bench: build first (pnpm build); missing: ${missing.join(', ')}`);
  process.exit(2);
}

const workDir = mkdtempSync(path.join(os.tmpdir(), 'baton-bench-'));
const results = { machine: machine(), targets: TARGETS, estates: [], startup: undefined, runs: [], checks: [] };

try {
  await main();
} finally {
  if (flags.keep) log(`kept ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
}

async function main() {
  results.machine.calibrationBeforeMs = calibrate();
  log(
    `bench: ${results.machine.cpus} × ${results.machine.cpu}, ${results.machine.memoryGB} GB, Node ${process.version}, load ${results.machine.loadBefore}, calibration ${ms(results.machine.calibrationBeforeMs)} ms`,
  );
  const marathon = await loadMarathon();

  // estates
  const templates = await loadTemplates();
  log(`corpus: ${templates.apps.length} distinct apps and ${templates.pods.length} pods from ${templates.files} files (${templates.skipped.length} skipped: not JSON or no definitions)`);
  const estates = [];
  for (const apps of [1, ...sizes]) {
    const { snapshot, counts } = generateEstate(templates, { apps, seed: Number(flags.seed) }, marathon.SNAPSHOT_VERSION);
    const audit = auditEstate(snapshot, marathon.idProblem);
    if (audit.problems.length > 0) throw new Error(`estate of ${apps} apps: ${audit.problems.slice(0, 5).join('; ')}`);
    const file = path.join(workDir, `estate-${apps}.json`);
    await marathon.writeSnapshot(file, snapshot);
    const estate = { apps, file, bytes: statSync(file).size, ...counts };
    estates.push(estate);
    if (apps > 1) {
      results.estates.push({ ...estate, file: path.basename(file) });
      log(
        `estate ${count(apps)} apps + ${count(counts.pods)} pods: ${counts.teams} teams, ${count(counts.appDependencies)} app and ${count(counts.groupDependencies)} group dependencies, ${(estate.bytes / 1e6).toFixed(1)} MB`,
      );
    }
  }

  await measureStartup(estates[0]);
  for (const estate of estates.slice(1)) {
    for (const source of sources) {
      await measurePlans(estate, source);
      if (source === 'snapshot' && !flags['no-validate']) await measureValidation(estate);
      rmSync(path.join(workDir, `plan-${estate.apps}-${source}`), { recursive: true, force: true });
    }
  }
  results.machine.loadAfter = os.loadavg().map((load) => load.toFixed(2)).join(' ');
  results.machine.calibrationAfterMs = calibrate();
  evaluate();
  printReport();
  if (flags.json) writeFileSync(path.resolve(flags.json), `${JSON.stringify(results, null, 2)}\n`);
  const failed = results.checks.filter((check) => check.pass === false && !check.info);
  if (flags.strict && failed.length > 0) process.exitCode = 1;
}

async function measureStartup(oneApp) {
  log(`startup: node -e 0, migrate --help, migrate plan of one app; ${startupReps} runs each, interleaved`);
  const out = path.join(workDir, 'plan-1');
  const commands = {
    node: ['-e', '0'],
    help: [CLI_BIN, '--help'],
    plan1: [CLI_BIN, 'plan', '--from', oneApp.file, '--out', out, '--quiet'],
  };
  const walls = { node: [], help: [], plan1: [] };
  for (let rep = 0; rep < startupReps + 1; rep += 1) {
    for (const [name, args] of Object.entries(commands)) {
      const run = await runNode(args, { workDir, probe: false, tag: `startup-${name}` });
      if (run.code !== 0 && run.code !== 1) throw new Error(`${name} exited ${run.code}: ${run.stderr}`);
      if (rep > 0) walls[name].push(run.wallMs); // the first round warms the file cache
    }
  }
  // what the help and plan paths load: @kubernetes/client-node must not be among it
  const loaded = {};
  for (const name of ['help', 'plan1']) {
    const run = await runNode(commands[name], { workDir, probe: false, imports: true, tag: `imports-${name}` });
    loaded[name] = packagesIn(run.imports);
  }
  results.startup = {
    reps: startupReps,
    nodeMs: median(walls.node),
    helpMs: median(walls.help),
    plan1Ms: median(walls.plan1),
    loaded,
  };
}

async function measurePlans(estate, source) {
  const reps = repsFor(estate.apps);
  let server;
  let from = estate.file;
  if (source === 'url') {
    const { startMarathonServer } = await loadTesting();
    server = await startMarathonServer({ snapshot: estate.file });
    from = server.url;
  }
  const label = `${count(estate.apps)} apps from ${source}`;
  try {
    // Every run plans into a new directory, removed right after: replacing a previous plan measures the
    // file system's deletes more than Baton (see README, "Replacing a previous plan").
    const out = path.join(workDir, `plan-${estate.apps}-${source}`);
    const runs = [];
    for (let rep = 0; rep < reps; rep += 1) {
      rmSync(out, { recursive: true, force: true });
      const run = await runNode([CLI_BIN, 'plan', '--from', from, '--out', out, '--quiet'], { workDir, timings: true, tag: `plan-${estate.apps}-${source}` });
      if ((run.code !== 0 && run.code !== 1) || !run.timings) throw new Error(`plan of ${label} exited ${run.code}: ${run.stderr}`);
      runs.push(run);
      log(`  ${label}: run ${rep + 1}/${reps} ${ms(run.wallMs)} ms, ${mb(run.probe?.maxRssMB)} MB`);
    }
    // the last plan from the snapshot stays for measureValidation
    // the read half of the read stage alone (file read + JSON.parse, or the HTTP capture), in its own process
    const reads = [];
    for (let rep = 0; rep < reps; rep += 1) {
      const file = path.join(workDir, 'read-only.json');
      const run = await runNode([path.join(BENCH_DIR, 'lib', 'read-only.mjs'), from, file], { workDir, probe: false, tag: 'read-only' });
      if (run.code !== 0) throw new Error(`read-only of ${label} exited ${run.code}: ${run.stderr}`);
      reads.push(readFileSync(file, 'utf8'));
    }
    const readMs = median(reads.map((text) => JSON.parse(text).ms));
    const stages = medianBy(runs.map((run) => run.timings.stages));
    const record = {
      apps: estate.apps,
      pods: estate.pods,
      source,
      reps,
      wallMs: median(runs.map((run) => run.wallMs)),
      cpuMs: median(runs.map((run) => run.probe?.cpuMs)),
      rssMB: median(runs.map((run) => run.probe?.maxRssMB)),
      rssMaxMB: Math.max(...runs.map((run) => run.probe?.maxRssMB ?? 0)),
      startupMs: median(runs.map((run) => run.timings.setup)),
      stages: { ...stages, fetch: readMs, normalize: Math.max(0, stages.read - readMs) },
      workloads: runs[0].timings.workloads,
      files: runs[0].timings.files,
      requests: server?.requests.length,
    };
    results.runs.push(record);
    if (flags.profile) record.profile = await profilePlan(estate, source, from);
  } finally {
    await server?.close();
  }
}

async function measureValidation(estate) {
  const planDir = path.join(workDir, `plan-${estate.apps}-snapshot`);
  const record = results.runs.find((run) => run.apps === estate.apps && run.source === 'snapshot');
  if (!record) return;
  const bundleDir = path.join(workDir, 'validator');
  mkdirSync(bundleDir, { recursive: true });
  const file = path.join(workDir, 'validate.json');
  const run = await runNode([path.join(BENCH_DIR, 'lib', 'validate-plan.mjs'), planDir, bundleDir, file], { workDir, probe: false, tag: 'validate' });
  if (run.code !== 0) {
    log(`  validation of ${estate.apps} apps failed to run: ${run.stderr.split('\n')[0]}`);
    return;
  }
  record.validation = JSON.parse(readFileSync(file, 'utf8'));
  log(`  validateObjects over ${count(record.validation.objects)} objects: ${ms(record.validation.ms)} ms, ${record.validation.problems} problems`);
}

async function profilePlan(estate, source, from) {
  const dir = path.join(workDir, `profile-${estate.apps}-${source}`);
  mkdirSync(dir, { recursive: true });
  const out = path.join(workDir, `plan-${estate.apps}-${source}-profiled`);
  await runNode([CLI_BIN, 'plan', '--from', from, '--out', out, '--quiet'], { workDir, probe: false, nodeOptions: ['--cpu-prof', `--cpu-prof-dir=${dir}`], tag: 'profile' });
  rmSync(out, { recursive: true, force: true });
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) return undefined;
  const summary = summarizeProfile(path.join(dir, file), ROOT);
  return {
    file: path.join(dir, file),
    totalMs: summary.totalMs,
    functions: summary.functions.slice(0, 25),
    packages: summary.packages.slice(0, 12),
    clientNodeLoaded: summary.urls.some((url) => url.includes('@kubernetes/client-node') || url.includes('@kubernetes+client-node')),
  };
}

function evaluate() {
  const check = (name, measured, limit, unit, pass = measured === undefined ? undefined : measured <= limit) =>
    results.checks.push({ name, measured, limit, unit, pass });
  const largest = Math.max(...sizes);
  const smallest = Math.min(...sizes);
  for (const source of sources) {
    const big = results.runs.find((run) => run.apps === 10_000 && run.source === source);
    check(`10,000 apps from ${source}: plan wall time`, big?.wallMs, TARGETS.planMs, 'ms');
    check(`10,000 apps from ${source}: peak RSS`, big?.rssMaxMB, TARGETS.planRssMB, 'MB');
    const low = results.runs.find((run) => run.apps === 100 && run.source === source);
    check(
      `10,000 apps from ${source} / 100 apps: wall-time ratio`,
      big && low ? big.wallMs / low.wallMs : undefined,
      TARGETS.linearRatio,
      '×',
    );
  }
  const { nodeMs, helpMs, plan1Ms, loaded } = results.startup;
  check('migrate --help / node -e 0', helpMs / nodeMs, TARGETS.startupRatio, '×');
  check('one-app plan / node -e 0', plan1Ms / nodeMs, TARGETS.startupRatio, '×');
  const url = results.runs.find((run) => run.apps === 10_000 && run.source === 'url');
  check('read 10,000 apps from loopback Marathon (read stage)', url?.stages.read, TARGETS.loopbackReadMs, 'ms');
  if (url) results.checks.push({ name: '  of which the HTTP capture alone (info)', measured: url.stages.fetch, limit: TARGETS.loopbackReadMs, unit: 'ms', pass: url.stages.fetch <= TARGETS.loopbackReadMs, info: true });
  const clientNode = Object.entries(loaded)
    .filter(([, packages]) => packages.some((name) => name === '@kubernetes/client-node'))
    .map(([name]) => name);
  results.checks.push({ name: '@kubernetes/client-node not loaded by --help or plan', measured: clientNode.length === 0 ? 'not loaded' : `loaded by ${clientNode.join(', ')}`, limit: 'not loaded', unit: '', pass: clientNode.length === 0 });
  if (largest < 10_000 || smallest > 100) log('note: targets for 10,000 and 100 apps are skipped unless both sizes are measured');
}

function printReport() {
  const { machine: m, startup } = results;
  const out = [];
  out.push(
    '',
    `Baton bench: ${m.cpus} × ${m.cpu}, ${m.memoryGB} GB, Node ${m.node}; load average ${m.loadBefore} before, ${m.loadAfter} after;`,
    `calibration (fixed CPU workload, lower is a faster machine right now): ${ms(m.calibrationBeforeMs)} ms before, ${ms(m.calibrationAfterMs)} ms after`,
    '',
  );
  out.push(
    formatTable(
      ['estate', 'source', 'reps', 'fetch', 'normalize', 'transform', 'check', 'write', 'settle', 'reports', 'emit', 'validate*', 'startup', 'total', 'cpu', 'peak RSS MB'],
      results.runs.map((run) => [
        `${count(run.apps)} apps + ${count(run.pods)} pods`,
        run.source,
        run.reps,
        ms(run.stages.fetch),
        ms(run.stages.normalize),
        ms(run.stages.transform),
        ms(run.stages.check),
        ms(run.stages.write),
        ms(run.stages.settle),
        ms(run.stages.plan),
        ms(run.stages.emit),
        run.source === 'snapshot' ? ms(run.validation?.ms) : undefined,
        ms(run.startupMs),
        ms(run.wallMs),
        ms(run.cpuMs),
        mb(run.rssMaxMB),
      ]),
    ),
  );
  out.push(
    '',
    'Milliseconds, median of the runs; total = wall time of the whole `migrate plan` process; cpu = its user + system time (GC threads included).',
    'fetch = reading the snapshot file, or the HTTP capture, alone (separate process); normalize = the pipeline read stage minus fetch;',
    'write = the writer: Kubernetes objects, their YAML and, when the writer validates, that too; reports = the plan document and the runbooks',
    '(plan.json, report.md/html/sarif are rendered while they are written, in emit); emit = writePlanDirectory, rendering the plan files included;',
    'startup = process start to the pipeline (imports, config, target); validate* = validateObjects over every written object, measured apart.',
    '',
  );
  out.push(
    `Startup (median of ${startup.reps}): node -e 0 ${ms(startup.nodeMs)} ms, migrate --help ${ms(startup.helpMs)} ms, one-app plan ${ms(startup.plan1Ms)} ms.`,
    `Packages loaded: --help ${startup.loaded.help.join(', ') || 'none'}; plan ${startup.loaded.plan1.join(', ')}.`,
    '',
  );
  out.push(
    formatTable(
      ['target', 'measured', 'limit', 'result'],
      results.checks.map((check) => [
        check.name,
        typeof check.measured === 'number' ? `${check.unit === '×' ? check.measured.toFixed(2) : check.unit === 'MB' ? mb(check.measured) : ms(check.measured)} ${check.unit}` : (check.measured ?? 'not measured'),
        `${typeof check.limit === 'number' ? count(check.limit) : check.limit} ${check.unit}`.trim(),
        check.pass === undefined ? 'skipped' : check.info ? (check.pass ? '(within)' : '(over)') : check.pass ? 'pass' : 'FAIL',
      ]),
      { align: ['left', 'right', 'right', 'left'] },
    ),
  );
  for (const run of results.runs.filter((run) => run.profile)) {
    out.push('', `Profile: ${count(run.apps)} apps from ${run.source} (${ms(run.profile.totalMs)} ms sampled) ${run.profile.file}`);
    out.push(formatTable(['self ms', 'function', 'where'], run.profile.functions.slice(0, 15).map((f) => [ms(f.ms), f.name, f.where]), { align: ['right', 'left', 'left'] }));
    out.push(formatTable(['self ms', 'package'], run.profile.packages.map((p) => [ms(p.ms), p.name]), { align: ['right', 'left'] }));
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

/** npm package names among loaded module paths (workspace packages by their directory). */
function packagesIn(urls) {
  const names = new Set();
  for (const url of urls) {
    const workspace = /\/(packages|apps)\/([^/]+)\/dist\//.exec(url);
    if (workspace) names.add(`@baton/${workspace[2]}`);
    const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
    if (dependency) names.add(dependency[1]);
  }
  return [...names].sort();
}

/** Median wall time of three runs of lib/calibrate.mjs. */
function calibrate() {
  const runs = [];
  for (let index = 0; index < 3; index += 1) {
    const child = spawnSync(process.execPath, [path.join(BENCH_DIR, 'lib', 'calibrate.mjs')], { encoding: 'utf8' });
    if (child.status === 0) runs.push(JSON.parse(child.stdout).wallMs);
  }
  return median(runs);
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    loadBefore: os.loadavg().map((load) => load.toFixed(2)).join(' '),
  };
}
