import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { BatonError } from './errors/baton-error.js';
import type { FileContent, PlanFile } from './plugin.js';

/**
 * Writes all files into a sibling temporary directory, then swaps it into place, so a reader of
 * `outDir` sees the old plan or the new one, never half of each; an interrupted run leaves the old one.
 * The temporary directories (`.baton-tmp-<pid>-<name>-XXXXXX`) of runs that were killed are removed
 * by the next write to the same directory.
 *
 * A file's content may be chunks (`FileContent`): they are written as they are made, so a big plan
 * file never exists as one string. `files` may be any iterable, read once in order: a host that hands
 * over a generator which lets go of each file once it is yielded keeps no written manifest in memory
 * (`migrate plan` does, for 10,000-app estates). An error thrown while making the content is rethrown
 * as it is (after the temporary directory is removed); errors of the file system are BATON5001, an
 * unsafe path BATON5002.
 */
export async function writePlanDirectory(outDir: string, files: Iterable<PlanFile>): Promise<void> {
  const target = path.resolve(outDir);
  const parent = path.dirname(target);
  const base = path.basename(target);
  let staging: string;
  try {
    await mkdir(parent, { recursive: true });
    await removeStaleStaging(parent, base, target);
    staging = await mkdtemp(path.join(parent, `.baton-tmp-${process.pid}-${base}-`));
  } catch (error) {
    throw new BatonError('BATON5001', { path: outDir, reason: reasonOf(error) }, { cause: error });
  }
  try {
    await writeAll(staging, files);
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
    // the previous plan's files are many: removed synchronously for the same reason as writeAll
    if (moved) rmSync(previous, { recursive: true, force: true });
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (error instanceof ContentError) throw error.error;
    if (BatonError.isInstance(error)) throw error;
    throw new BatonError('BATON5001', { path: outDir, reason: reasonOf(error) }, { cause: error });
  }
}

// Tens of thousands of small manifests: synchronous writes, in batches with a turn of the event loop
// between them (timers, signals, progress). Each asynchronous write is three round trips through
// libuv's thread pool (open, write, close); on the project's busy 2-core machine 11,000 4 KB files
// took 3.3-17 s with awaited writeFile (sixteen at a time: 10-13 s) and 0.9-9 s this way
// (tooling/bench/README.md).
const BATCH = 256;

/** Writes each file below `root`, in order, holding none after it is written; throws on the first failure. */
async function writeAll(root: string, files: Iterable<PlanFile>): Promise<void> {
  const made = new Set<string>();
  let sinceTurn = 0;
  for (const file of files) {
    const destination = safeJoin(root, file.path);
    const dir = path.dirname(destination);
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const content = file.content;
    if (typeof content === 'string') {
      writeFileSync(destination, content);
      sinceTurn++;
    } else sinceTurn += await writeChunks(destination, content);
    if (sinceTurn >= BATCH) {
      sinceTurn = 0;
      await turn();
    }
  }
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Chunks are encoded into a buffer of this many bytes, written when full. */
const BUFFER_BYTES = 1 << 20;

/**
 * Writes chunked content; returns how many writes it made (counted like files toward a turn of the
 * event loop). Exported for tests; not part of the package's API.
 */
export async function writeChunks(destination: string, content: Exclude<FileContent, string>): Promise<number> {
  const fd = openSync(destination, 'w');
  const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let used = 0;
  let writes = 0;
  // A chunk may end inside a surrogate pair: its high half waits for the next chunk, so the pair is
  // encoded as one character, as one string would have been.
  let carry = '';
  const writeOut = (bytes: Buffer, length: number) => {
    try {
      for (let offset = 0; offset < length; ) offset += writeSync(fd, bytes, offset, length - offset);
    } catch (error) {
      throw new FileError(error);
    }
    writes++;
  };
  /** Encodes a chunk into the buffer; true when the buffer was written out. */
  const add = (chunk: string): boolean => {
    let text = carry === '' ? chunk : carry + chunk;
    carry = '';
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      carry = text.slice(-1);
      text = text.slice(0, -1);
    }
    // at most 3 bytes per UTF-16 code unit
    if (text.length * 3 <= BUFFER_BYTES - used) {
      used += buffer.write(text, used, 'utf8');
      return false;
    }
    if (used > 0) writeOut(buffer, used);
    used = 0;
    if (text.length * 3 <= BUFFER_BYTES) used = buffer.write(text, 0, 'utf8');
    else {
      const bytes = Buffer.from(text, 'utf8');
      writeOut(bytes, bytes.length);
    }
    return true;
  };
  try {
    // for…of closes the chunks' iterator (its `return`) when writing fails
    try {
      if (Symbol.asyncIterator in content) {
        for await (const chunk of content) {
          // a big file: let timers, signals and progress run now and then
          if (add(chunk) && writes % 16 === 0) await turn();
        }
      } else {
        // synchronous chunks: no await per chunk (a big plan has tens of thousands of them)
        for (const chunk of content) if (add(chunk) && writes % 16 === 0) await turn();
      }
    } catch (error) {
      // what is not the file system's failed while making the chunks
      throw error instanceof FileError ? error : new ContentError(error);
    }
    if (carry !== '') {
      // a lone high surrogate at the very end
      const bytes = Buffer.from(carry, 'utf8');
      if (used + bytes.length > BUFFER_BYTES) {
        writeOut(buffer, used);
        used = 0;
      }
      used += bytes.copy(buffer, used);
    }
    if (used > 0) writeOut(buffer, used);
  } catch (error) {
    throw error instanceof FileError ? error.error : error;
  } finally {
    closeSync(fd);
  }
  return writes;
}

/** A write of the file system that failed, while the chunks were being written. */
class FileError {
  constructor(readonly error: unknown) {}
}

/** An error thrown while making a file's content (not while writing it): rethrown as it is. */
class ContentError {
  constructor(readonly error: unknown) {}
}

/** `.baton-tmp-<pid>-<name>-<6 random>` and, once the previous plan is moved aside, `…-old`. */
const STAGING = /^\.baton-tmp-(\d+)-(.+)-[A-Za-z0-9]{6}(-old)?$/;

/**
 * A SIGKILLed run cannot clean up: its staging directory stays beside the plan. Removes those of
 * `base` whose process is gone (a live one may be another run writing right now). A previous plan a
 * killed run had just moved aside goes back in place if nothing took its place.
 */
async function removeStaleStaging(parent: string, base: string, target: string): Promise<void> {
  const entries = await readdir(parent, { withFileTypes: true });
  for (const entry of entries) {
    const match = STAGING.exec(entry.name);
    if (!match || match[2] !== base || !entry.isDirectory()) continue;
    const pid = Number(match[1]);
    if (pid === process.pid || isRunning(pid)) continue;
    const stale = path.join(parent, entry.name);
    try {
      if (match[3] !== undefined && !existsSync(target)) await rename(stale, target);
      else rmSync(stale, { recursive: true, force: true });
    } catch {
      // best effort: what cannot be removed now is tried again by the next run
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user
    return (error as NodeJS.ErrnoException).code === 'EPERM';
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
