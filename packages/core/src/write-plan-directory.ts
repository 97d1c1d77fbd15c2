import { mkdir, rename, rm, writeFile, mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { BatonError } from './errors/baton-error.js';
import type { EmittedFile } from './plugin.js';

/**
 * Writes all files into a sibling temporary directory, then swaps it into place, so a reader of
 * `outDir` sees the old plan or the new one, never half of each; an interrupted run leaves the old one.
 */
export async function writePlanDirectory(outDir: string, files: readonly EmittedFile[]): Promise<void> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  let staging: string;
  try {
    await mkdir(parent, { recursive: true });
    staging = await mkdtemp(path.join(parent, `.baton-tmp-${base}-`));
  } catch (error) {
    throw new BatonError('BATON5001', { path: outDir, reason: reasonOf(error) }, { cause: error });
  }
  try {
    const destinations = files.map((file) => safeJoin(staging, file.path));
    for (const dir of new Set(destinations.map((destination) => path.dirname(destination)))) await mkdir(dir, { recursive: true });
    await writeAll(destinations, files);
    const previous = `${staging}-old`;
    let moved = false;
    try {
      await rename(target, previous);
      moved = true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    try {
      await rename(staging, target);
    } catch (error) {
      if (moved) await rename(previous, target);
      throw error;
    }
    if (moved) await rm(previous, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (BatonError.isInstance(error)) throw error;
    throw new BatonError('BATON5001', { path: outDir, reason: reasonOf(error) }, { cause: error });
  }
}

// Writes in flight at once: tens of thousands of small manifests one after another leave the
// disk threads idle between each open, write and close.
const WRITE_CONCURRENCY = 16;

/** Writes `files[i]` to `destinations[i]`, a few at a time; after a failure starts no more writes, waits for those in flight, then throws. */
async function writeAll(destinations: readonly string[], files: readonly EmittedFile[]): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < files.length) {
      const index = next++;
      try {
        await writeFile(destinations[index]!, files[index]!.content);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, files.length) }, worker));
  if (failure) throw failure.error;
}

/** Joins a writer-supplied relative path under `root`, refusing anything that escapes it. */
export function safeJoin(root: string, relative: string): string {
  const resolved = path.resolve(root, relative);
  if (path.isAbsolute(relative) || relative.split(/[\\/]/).includes('..') || !resolved.startsWith(root + path.sep)) {
    throw new BatonError('BATON5002', { path: relative });
  }
  return resolved;
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message}` : message;
}
