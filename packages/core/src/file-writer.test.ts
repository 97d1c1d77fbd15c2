import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileWriteError, syncFileWriter, workerFileWriter, type FileWriter } from './file-writer.js';

const writers: Record<string, () => FileWriter | Promise<FileWriter>> = { sync: syncFileWriter, worker: workerFileWriter };

describe.each(Object.keys(writers))('%sFileWriter', (kind) => {
  const make = writers[kind]!;

  it('writes whole files and files in pieces, in order, and hands back a buffer to go on with', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'baton-writer-'));
    const writer = await make();
    writer.file(path.join(dir, 'a.yaml'), 'kind: A → é\n');
    const large = 'x'.repeat(3 << 20);
    writer.file(path.join(dir, 'large.md'), large);
    const handle = writer.open(path.join(dir, 'b.json'));
    let buffer: Buffer = Buffer.allocUnsafeSlow(16);
    for (const piece of ['{"one":', '1,"two":', '2}']) {
      const length = buffer.write(piece, 0, 'utf8');
      buffer = writer.write(handle, buffer, length);
      expect(buffer.length).toBe(16);
    }
    writer.close(handle);
    await writer.ready();
    await writer.finish();
    expect(readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toBe('kind: A → é\n');
    expect(readFileSync(path.join(dir, 'large.md'), 'utf8')).toBe(large);
    expect(readFileSync(path.join(dir, 'b.json'), 'utf8')).toBe('{"one":1,"two":2}');
  });

  it('fails with the file system error and writes nothing after it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'baton-writer-'));
    const writer = await make();
    const failure = (async () => {
      writer.file(path.join(dir, 'missing', 'x.yaml'), 'x');
      writer.file(path.join(dir, 'after.yaml'), 'y');
      await writer.finish();
    })();
    const error = await failure.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(FileWriteError);
    expect((error as FileWriteError).error).toMatchObject({ code: 'ENOENT' });
    if (kind === 'worker') expect(existsSync(path.join(dir, 'after.yaml'))).toBe(false);
    await writer.abort();
  });

  it('shuts down on abort, with a file still open', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'baton-writer-'));
    const writer = await make();
    const handle = writer.open(path.join(dir, 'open.json'));
    writer.write(handle, Buffer.from('{"partial":'), 11);
    await writer.abort();
    expect(readFileSync(path.join(dir, 'open.json'), 'utf8')).toBe('{"partial":');
  });
});
