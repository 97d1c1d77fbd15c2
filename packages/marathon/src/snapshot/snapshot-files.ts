import { randomBytes } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BatonError } from '@baton/core';
import { parseJsonDocument } from '../input/parse-json-document.js';
import { asSnapshot, type MarathonSnapshot } from './marathon-snapshot.js';

/** Serialises a snapshot the one way (stable key order as captured, two-space indent, newline). */
export function formatSnapshot(snapshot: MarathonSnapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}

/** Writes atomically: a temporary file beside the target, renamed into place. */
export async function writeSnapshot(file: string, snapshot: MarathonSnapshot): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, formatSnapshot(snapshot), 'utf8');
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new BatonError('BATON5001', { path: file, reason: (error as Error).message }, { cause: error });
  }
}

export async function readSnapshot(file: string): Promise<MarathonSnapshot> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BatonError('BATON1002', { path: file, reason: (error as Error).message }, { cause: error });
  }
  return asSnapshot(parseJsonDocument(text, file), file);
}
