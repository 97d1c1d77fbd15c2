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
    const dirs = new Set<string>();
    for (const file of files) {
      const destination = safeJoin(staging, file.path);
      const dir = path.dirname(destination);
      if (!dirs.has(dir)) {
        await mkdir(dir, { recursive: true });
        dirs.add(dir);
      }
      await writeFile(destination, file.content);
    }
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
