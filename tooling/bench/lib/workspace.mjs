// Where the bench finds the workspace's built packages. The bench is not a workspace package with
// dependencies of its own (no lockfile entry to keep in step): it loads the packages' `dist/`
// builds by path, exactly what `migrate` itself runs.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const BENCH_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
export const ROOT = path.resolve(BENCH_DIR, '..', '..');
/** The shared inputs (corpus, fixtures) beside the checkout; BATON_BENCH_SHARED overrides. */
export const SHARED = process.env.BATON_BENCH_SHARED ?? path.resolve(ROOT, '..', 'shared');
export const CLI_BIN = path.join(ROOT, 'apps', 'cli', 'dist', 'bin.js');

const DIST = {
  marathon: path.join(ROOT, 'packages', 'marathon', 'dist', 'index.js'),
  testing: path.join(ROOT, 'packages', 'testing', 'dist', 'index.js'),
};

/** Missing builds, as paths relative to the root (empty when everything the bench needs is built). */
export function missingBuilds() {
  return [CLI_BIN, ...Object.values(DIST)].filter((file) => !existsSync(file)).map((file) => path.relative(ROOT, file));
}

/** `@baton/marathon` (snapshot format, id rules, extraction of definitions from any document shape). */
export const loadMarathon = () => import(pathToFileURL(DIST.marathon).href);

/** `@baton/testing` (the fake Marathon server). */
export const loadTesting = () => import(pathToFileURL(DIST.testing).href);

/** Resolves a dependency of one of the workspace packages (`yaml`, `esbuild` through `tsup`, …). */
export function resolveFrom(packageDir, specifier) {
  return createRequire(path.join(ROOT, packageDir, 'package.json')).resolve(specifier);
}
