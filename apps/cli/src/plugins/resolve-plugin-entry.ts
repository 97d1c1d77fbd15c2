import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * The file to `import()` for a plugin named in the config or with `--plugin`: a path (`./x.mjs`,
 * `../plugins/x`, a package directory) relative to `fromDirectory`, or a package name looked up in
 * the `node_modules` folders from `fromDirectory` up, as Node would. Package entries are read from
 * `exports` preferring the `import` condition, so ESM-only plugins load too (`require.resolve`
 * only sees `require`/`default`). Never scans node_modules for plugins: only the named one is read.
 * Returns a reason string instead of a path when it cannot be found.
 */
export function resolvePluginEntry(spec: string, fromDirectory: string): { file: string } | { reason: string } {
  if (spec.startsWith('file:')) spec = new URL(spec).pathname;
  if (isPathLike(spec)) {
    const target = path.resolve(fromDirectory, spec);
    if (!existsSync(target)) return { reason: `${target} does not exist` };
    return statSync(target).isDirectory() ? packageEntry(target, '.') : { file: target };
  }
  const match = /^((?:@[^/]+\/)?[^/]+)(\/.*)?$/.exec(spec);
  if (!match) return { reason: `"${spec}" is not a package name or a path` };
  const [, name, subpath] = match;
  for (let directory = path.resolve(fromDirectory); ; directory = path.dirname(directory)) {
    const candidate = path.join(directory, 'node_modules', name!);
    if (existsSync(path.join(candidate, 'package.json'))) return packageEntry(candidate, subpath ? `.${subpath}` : '.');
    if (path.dirname(directory) === directory) break;
  }
  return { reason: `the package "${name}" is not installed in ${fromDirectory} or a parent directory (npm install ${name})` };
}

function isPathLike(spec: string): boolean {
  return spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..' || path.isAbsolute(spec) || /^[A-Za-z]:[\\/]/.test(spec);
}

const CONDITIONS = ['import', 'node', 'default', 'require'];

function packageEntry(directory: string, subpath: string): { file: string } | { reason: string } {
  let manifest: { exports?: unknown; main?: string; name?: string };
  try {
    manifest = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8'));
  } catch (error) {
    return { reason: `${path.join(directory, 'package.json')} is unreadable: ${(error as Error).message}` };
  }
  let target: string | undefined;
  if (manifest.exports !== undefined) {
    const exportsMap = manifest.exports;
    const entry =
      typeof exportsMap === 'string' || Array.isArray(exportsMap) || !Object.keys(exportsMap as object).some((key) => key.startsWith('.'))
        ? subpath === '.' ? exportsMap : undefined
        : (exportsMap as Record<string, unknown>)[subpath];
    target = pickCondition(entry);
    if (target === undefined) return { reason: `${manifest.name ?? directory} does not export "${subpath}" for import` };
  } else if (subpath !== '.') target = subpath;
  else target = manifest.main ?? 'index.js';
  const file = path.resolve(directory, target);
  if (!existsSync(file)) return { reason: `${manifest.name ?? directory} points at ${file}, which does not exist (is the package built?)` };
  return { file };
}

function pickCondition(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (Array.isArray(entry)) {
    for (const item of entry) {
      const picked = pickCondition(item);
      if (picked) return picked;
    }
    return undefined;
  }
  if (entry === null || typeof entry !== 'object') return undefined;
  for (const condition of CONDITIONS) {
    if (condition in entry) {
      const picked = pickCondition((entry as Record<string, unknown>)[condition]);
      if (picked) return picked;
    }
  }
  return undefined;
}
