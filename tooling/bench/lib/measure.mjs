// Runs one measured child process and collects what it reports.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const PROBE = fileURLToPath(new URL('./probe.mjs', import.meta.url));

/**
 * `node [--import probe] ...args` in a child; wall time is measured around the whole process
 * (spawn to exit), as a user would see it.
 * @returns {Promise<{ wallMs: number, code: number | null, stderr: string, probe?: object, timings?: object, imports?: string[] }>}
 */
export async function runNode(args, options) {
  // other engineers rebuild dist/ folders in this checkout: a build file vanishing mid-run is retried
  for (let attempt = 1; ; attempt += 1) {
    const result = await runNodeOnce(args, options);
    if (!(result.code !== 0 && /Cannot find module '[^']*\/dist\/|ERR_MODULE_NOT_FOUND[\s\S]*\/dist\/|SyntaxError[\s\S]*\/dist\//.test(result.stderr)) || attempt >= 20) return result;
    process.stderr.write(`  (a dist/ file is missing, probably mid-rebuild; retrying in 5 s)\n`);
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}

async function runNodeOnce(args, { workDir, env = {}, probe = true, timings = false, imports = false, nodeOptions = [], tag = 'run' }) {
  const files = {
    probe: path.join(workDir, `${tag}.probe.json`),
    timings: path.join(workDir, `${tag}.timings.json`),
    imports: path.join(workDir, `${tag}.imports.txt`),
  };
  for (const file of Object.values(files)) rmSync(file, { force: true });
  const childEnv = { ...process.env, NO_COLOR: '1', ...env };
  delete childEnv.NODE_OPTIONS;
  if (probe) childEnv.BATON_BENCH_PROBE = files.probe;
  if (timings) childEnv.BATON_TIMINGS = files.timings;
  if (imports) childEnv.BATON_BENCH_IMPORTS = files.imports;
  const argv = [...nodeOptions, ...(probe || imports ? ['--import', PROBE] : []), ...args];
  const started = process.hrtime.bigint();
  const { code, stderr } = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { cwd: workDir, env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      if (stderr.length < 20_000) stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const result = { wallMs, code, stderr };
  if (probe) result.probe = readJson(files.probe);
  if (timings) result.timings = readJson(files.timings);
  if (imports) {
    try {
      result.imports = [...new Set(readFileSync(files.imports, 'utf8').split('\n').filter(Boolean))];
    } catch {
      result.imports = [];
    }
  }
  return result;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

export function median(values) {
  const sorted = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return undefined;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median of each numeric key across records (`{ read: [..], write: [..] }` → medians). */
export function medianBy(records) {
  const keys = new Set(records.flatMap((record) => Object.keys(record ?? {})));
  return Object.fromEntries([...keys].map((key) => [key, median(records.map((record) => record?.[key]))]));
}
