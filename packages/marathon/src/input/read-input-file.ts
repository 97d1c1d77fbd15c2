import { open, readFile, stat } from 'node:fs/promises';
import { BatonError } from '@baton/core';

/** Large enough for 10 000-app estates, small enough to refuse an archive or a log by mistake. */
export const DEFAULT_MAX_INPUT_BYTES = 256 * 1024 * 1024;

export async function readInputFile(file: string, maxBytes = DEFAULT_MAX_INPUT_BYTES): Promise<string> {
  let size: number;
  try {
    const info = await stat(file);
    if (info.isDirectory()) throw new BatonError('BATON1002', { path: file, reason: 'it is a directory' });
    size = info.size;
  } catch (error) {
    if (BatonError.isInstance(error)) throw error;
    throw new BatonError('BATON1002', { path: file, reason: reasonOf(error) }, { cause: error });
  }
  if (size > maxBytes) throw new BatonError('BATON1009', { path: file, size, limit: maxBytes });
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new BatonError('BATON1002', { path: file, reason: reasonOf(error) }, { cause: error });
  }
}

/** True when a file looks like JSON (first non-blank character), without reading all of it. */
export async function looksLikeJson(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'r');
    try {
      const { buffer, bytesRead } = await handle.read(Buffer.alloc(256), 0, 256, 0);
      return /^\uFEFF?\s*[[{]/.test(buffer.subarray(0, bytesRead).toString('utf8'));
    } finally {
      await handle.close();
    }
  } catch {
    return false;
  }
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  return (error as Error).message;
}
