import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';

/**
 * Where `writePlanDirectory` puts bytes. `syncFileWriter` makes the system calls on the calling
 * thread; `workerFileWriter` hands them to a worker thread, so a big plan's 11,000 manifests and
 * ~250 MB of plan files are written on the second core while this one renders plan.json and the
 * reports (tooling/bench/README.md). Failures surface as `FileWriteError`.
 */
export interface FileWriter {
  /** A whole file. */
  file(destination: string, content: string): void;
  /** Opens a file written in pieces; returns its handle. */
  open(destination: string): number;
  /** Writes `length` bytes of `buffer`; returns the buffer to fill next (the worker takes this one). */
  write(handle: number, buffer: Buffer, length: number): Buffer;
  close(handle: number): void;
  /** Resolves when little enough is in flight to go on; rejects with the first failure. */
  ready(): Promise<void>;
  /** Resolves when everything is on disk and the writer is shut down; rejects with the first failure. */
  finish(): Promise<void>;
  /** Stops after what is being written now, closes every file, and shuts the writer down. Never rejects. */
  abort(): Promise<void>;
}

/** A failed system call of a file writer: `error` is the file system's error (with its `code`). */
export class FileWriteError {
  constructor(readonly error: unknown) {}
}

export function syncFileWriter(): FileWriter {
  const fds = new Map<number, number>();
  let next = 0;
  const attempt = <T>(call: () => T): T => {
    try {
      return call();
    } catch (error) {
      throw new FileWriteError(error);
    }
  };
  return {
    file: (destination, content) => attempt(() => writeFileSync(destination, content)),
    open(destination) {
      const handle = next++;
      fds.set(handle, attempt(() => openSync(destination, 'w')));
      return handle;
    },
    write(handle, buffer, length) {
      const fd = fds.get(handle)!;
      attempt(() => {
        for (let offset = 0; offset < length; ) offset += writeSync(fd, buffer, offset, length - offset);
      });
      return buffer;
    },
    close(handle) {
      const fd = fds.get(handle)!;
      fds.delete(handle);
      attempt(() => closeSync(fd));
    },
    ready: () => Promise.resolve(),
    finish: () => Promise.resolve(),
    async abort() {
      for (const fd of fds.values()) closeSync(fd);
      fds.clear();
    },
  };
}

/** Whole files are sent to the worker in batches of at most this many bytes. */
const BATCH_BYTES = 1 << 20;

/** Bytes handed to the worker and not yet written, above which `ready()` waits. */
const IN_FLIGHT_LIMIT = 16 << 20;

// The worker, as CommonJS source (`eval`): no file of its own, so it runs the same from the ESM and
// CommonJS builds and from source under vitest. After a failure it writes nothing more.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const fs = require('node:fs');
const fds = new Map();
let failed = false;
let written = 0;
const closeAll = () => { for (const fd of fds.values()) { try { fs.closeSync(fd); } catch {} } fds.clear(); };
parentPort.on('message', (m) => {
  if (m.op === 'end' || m.op === 'abort') {
    closeAll();
    parentPort.postMessage({ op: 'ended' });
    return;
  }
  if (failed) return;
  try {
    if (m.op === 'files') {
      for (let index = 0; index < m.paths.length; index++) fs.writeFileSync(m.paths[index], new Uint8Array(m.bytes, m.starts[index], m.starts[index + 1] - m.starts[index]));
    } else if (m.op === 'file') fs.writeFileSync(m.path, m.content);
    else if (m.op === 'open') fds.set(m.handle, fs.openSync(m.path, 'w'));
    else if (m.op === 'write') {
      const bytes = new Uint8Array(m.bytes, 0, m.length);
      const fd = fds.get(m.handle);
      for (let offset = 0; offset < m.length; ) offset += fs.writeSync(fd, bytes, offset, m.length - offset);
    } else if (m.op === 'close') { const fd = fds.get(m.handle); fds.delete(m.handle); fs.closeSync(fd); }
    else throw new Error('unknown file writer operation ' + m.op);
    written += m.size || 0;
    if (written >= ${1 << 20} || m.op === 'close') { parentPort.postMessage({ op: 'written', bytes: written }); written = 0; }
  } catch (error) {
    failed = true;
    closeAll();
    parentPort.postMessage({ op: 'failed', message: String(error && error.message || error), code: error && error.code, syscall: error && error.syscall, path: error && error.path });
  }
});
`;

/** Same contract as `syncFileWriter`, with the system calls on a worker thread (imported here: a small plan never loads it). */
export async function workerFileWriter(): Promise<FileWriter> {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(WORKER_SOURCE, { eval: true });
  let inFlight = 0;
  let failure: FileWriteError | undefined;
  let waiting: (() => void) | undefined;
  let ended: Promise<void> | undefined;
  let next = 0;
  const wake = () => {
    const resume = waiting;
    waiting = undefined;
    resume?.();
  };
  worker.on('message', (message: { op: string; bytes?: number; message?: string; code?: string; syscall?: string; path?: string }) => {
    if (message.op === 'written') inFlight -= message.bytes!;
    else if (message.op === 'failed') {
      const error = Object.assign(new Error(message.message), { code: message.code, syscall: message.syscall, path: message.path });
      failure ??= new FileWriteError(error);
    }
    if (message.op !== 'ended') wake();
  });
  worker.on('error', (error) => {
    failure ??= new FileWriteError(error);
    wake();
  });
  // Whole files are encoded into one buffer and sent a batch at a time: a message per manifest
  // (11,000 at 10,000 apps, strings copied by the structured clone) cost this thread more than
  // writing them did.
  let batch = Buffer.allocUnsafeSlow(BATCH_BYTES);
  let paths: string[] = [];
  let starts: number[] = [0];
  const flush = () => {
    if (paths.length === 0) return;
    const used = starts[starts.length - 1]!;
    const bytes = batch.buffer as ArrayBuffer;
    inFlight += used;
    worker.postMessage({ op: 'files', bytes, paths, starts, size: used }, [bytes]);
    batch = Buffer.allocUnsafeSlow(BATCH_BYTES);
    paths = [];
    starts = [0];
  };
  const post = (message: Record<string, unknown>, transfer?: ArrayBuffer[]) => {
    if (failure) throw failure;
    flush();
    inFlight += (message.size as number | undefined) ?? 0;
    worker.postMessage(message, transfer);
  };
  const shutDown = (op: 'end' | 'abort'): Promise<void> => {
    ended ??= new Promise<void>((resolve) => {
      const done = () => void worker.terminate().then(() => resolve(), () => resolve());
      worker.on('message', (message: { op: string }) => message.op === 'ended' && done());
      worker.once('exit', () => resolve());
      worker.postMessage({ op });
    });
    return ended;
  };
  return {
    file(destination, content) {
      if (failure) throw failure;
      // at most 3 bytes per UTF-16 code unit
      if (content.length * 3 > BATCH_BYTES) {
        post({ op: 'file', path: destination, content, size: content.length });
        return;
      }
      let used = starts[starts.length - 1]!;
      if (content.length * 3 > BATCH_BYTES - used) {
        flush();
        used = 0;
      }
      starts.push(used + batch.write(content, used, 'utf8'));
      paths.push(destination);
    },
    open(destination) {
      const handle = next++;
      post({ op: 'open', path: destination, handle });
      return handle;
    },
    write(handle, buffer, length) {
      // a buffer that owns its memory is moved to the worker (and reads as empty here after); any other is copied
      const capacity = buffer.length;
      const owns = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength && buffer.buffer instanceof ArrayBuffer;
      const bytes = owns ? (buffer.buffer as ArrayBuffer) : buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + length);
      post({ op: 'write', handle, bytes, length, size: length }, [bytes as ArrayBuffer]);
      return owns ? Buffer.allocUnsafeSlow(capacity) : buffer;
    },
    close(handle) {
      post({ op: 'close', handle });
    },
    async ready() {
      if (!failure) flush();
      while (!failure && inFlight > IN_FLIGHT_LIMIT) await new Promise<void>((resolve) => (waiting = resolve));
      if (failure) throw failure;
    },
    async finish() {
      if (!failure) flush();
      await shutDown('end');
      if (failure) throw failure;
    },
    async abort() {
      await shutDown('abort');
    },
  };
}
