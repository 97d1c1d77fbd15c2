import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeJoin, writeChunks, writePlanDirectory } from './write-plan-directory.js';

/** The one staging directory of a write in progress below `parent`. */
function stagingOf(parent: string): string {
  const entries = readdirSync(parent).filter((name) => name.startsWith('.baton-tmp-'));
  expect(entries).toHaveLength(1);
  return path.join(parent, entries[0]!);
}

describe('writePlanDirectory', () => {
  it('replaces the previous plan as a whole and leaves no temporary directory', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'baton-out-'));
    const out = path.join(parent, 'plan');
    await mkdir(out);
    await writeFile(path.join(out, 'stale.yaml'), 'old');
    await writePlanDirectory(out, [{ path: 'plan.json', content: '{}' }, { path: 'manifests/prod/api.yaml', content: 'x' }]);
    expect((await readdir(out)).sort()).toEqual(['manifests', 'plan.json']);
    expect(await readFile(path.join(out, 'manifests/prod/api.yaml'), 'utf8')).toBe('x');
    expect(await readdir(parent)).toEqual(['plan']);
  });

  it('takes the files from any iterable, once and in order, having written each before the next is asked for', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'baton-out-'));
    const out = path.join(parent, 'plan');
    const asked: string[] = [];
    function* files() {
      for (const name of ['manifests/a/one.yaml', 'manifests/b/two.yaml', 'plan.json']) {
        // the file before this one is on disk already (in the staging directory)
        if (asked.length > 0) expect(existsSync(path.join(stagingOf(parent), asked[asked.length - 1]!))).toBe(true);
        asked.push(name);
        yield { path: name, content: name };
      }
    }
    await writePlanDirectory(out, files());
    expect(asked).toEqual(['manifests/a/one.yaml', 'manifests/b/two.yaml', 'plan.json']);
    expect(await readFile(path.join(out, 'manifests/b/two.yaml'), 'utf8')).toBe('manifests/b/two.yaml');
  });

  it('writes a big plan, whole and chunked files mixed, byte for byte', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'baton-out-'));
    const out = path.join(parent, 'plan');
    const manifests = Array.from({ length: 300 }, (_, index) => ({ path: `manifests/ns-${index % 7}/app-${index}.yaml`, content: `kind: Deployment # ${index} é\n`.repeat(index % 50) }));
    const big = Array.from({ length: 40_000 }, (_, index) => `{"line":${index},"text":"→ ${'x'.repeat(index % 90)}"}\n`);
    function* chunks() {
      yield* big;
    }
    // a big whole file among them (secrets.md, dns-rewrites.md of a big estate)
    const bigText = big.slice(0, 20_000).join('');
    await writePlanDirectory(out, [
      ...manifests.slice(0, 100),
      { path: 'plan.json', content: chunks() },
      { path: 'secrets.md', content: bigText },
      ...manifests.slice(100),
    ]);
    for (const file of manifests) expect(await readFile(path.join(out, file.path), 'utf8')).toBe(file.content);
    expect(await readFile(path.join(out, 'plan.json'), 'utf8')).toBe(big.join(''));
    expect(await readFile(path.join(out, 'secrets.md'), 'utf8')).toBe(bigText);
    expect(await readdir(parent)).toEqual(['plan']);
  });

  it('keeps the old plan when a write fails midway, and leaves nothing behind', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'baton-out-'));
    const out = path.join(parent, 'plan');
    await writePlanDirectory(out, [{ path: 'plan.json', content: 'v1' }]);
    const many = Array.from({ length: 100 }, (_, index) => ({ path: `manifests/app-${index}.yaml`, content: 'x' }));
    // the 101st file is a directory by then: writing it fails (EISDIR)
    await expect(writePlanDirectory(out, [...many, { path: 'manifests', content: 'not a directory' }, ...many])).rejects.toMatchObject({
      code: 'BATON5001',
      message: expect.stringContaining('EISDIR'),
    });
    expect(await readFile(path.join(out, 'plan.json'), 'utf8')).toBe('v1');
    expect(await readdir(parent)).toEqual(['plan']);
  });

  it('refuses paths that escape the output directory and keeps the old plan', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'baton-out-'));
    const out = path.join(parent, 'plan');
    await writePlanDirectory(out, [{ path: 'plan.json', content: 'v1' }]);
    await expect(writePlanDirectory(out, [{ path: 'plan.json', content: 'v2' }, { path: '../../etc/x', content: 'evil' }])).rejects.toMatchObject({
      code: 'BATON5002',
    });
    expect(await readFile(path.join(out, 'plan.json'), 'utf8')).toBe('v1');
    expect(await readdir(parent)).toEqual(['plan']);
  });

  it('rejects absolute and dot-dot paths in safeJoin', () => {
    expect(() => safeJoin('/tmp/x', '/etc/passwd')).toThrowError(expect.objectContaining({ code: 'BATON5002' }));
    expect(() => safeJoin('/tmp/x', 'a/../../b')).toThrowError(expect.objectContaining({ code: 'BATON5002' }));
    expect(safeJoin('/tmp/x', 'a/b.yaml')).toBe('/tmp/x/a/b.yaml');
  });

  it('fails with BATON5001 when the parent is not a directory', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'baton-out-'));
    await writeFile(path.join(parent, 'file'), 'x');
    await expect(writePlanDirectory(path.join(parent, 'file', 'plan'), [{ path: 'a', content: 'b' }])).rejects.toMatchObject({ code: 'BATON5001' });
  });

  it('writes many files in many directories, each with its own content', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'baton-out-'));
    const out = path.join(parent, 'plan');
    const files = Array.from({ length: 200 }, (_, index) => ({ path: `manifests/ns-${index % 7}/app-${index}.yaml`, content: `n: ${index}\n` }));
    await writePlanDirectory(out, files);
    for (const file of files) expect(await readFile(path.join(out, file.path), 'utf8')).toBe(file.content);
    expect((await readdir(path.join(out, 'manifests'))).length).toBe(7);
  });

  it('stops writing after a failure and keeps the old plan', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'baton-out-'));
    const out = path.join(parent, 'plan');
    await writePlanDirectory(out, [{ path: 'plan.json', content: 'v1' }]);
    // a file and a directory of the same name: the second write fails
    const files = [{ path: 'a', content: 'x' }, ...Array.from({ length: 50 }, (_, index) => ({ path: `m/${index}.yaml`, content: 'y' })), { path: 'a/b', content: 'z' }];
    await expect(writePlanDirectory(out, files)).rejects.toMatchObject({ code: 'BATON5001' });
    expect(await readFile(path.join(out, 'plan.json'), 'utf8')).toBe('v1');
    expect(await readdir(parent)).toEqual(['plan']);
  });

  it('removes the temporary directories of killed runs (their process is gone), not those of running ones or of other plans', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'baton-out-'));
    const out = path.join(parent, 'plan');
    await writePlanDirectory(out, [{ path: 'plan.json', content: 'v1' }]);
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    const live = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      const stale = [`.baton-tmp-${dead}-plan-aB3dE9`, `.baton-tmp-${dead}-plan-Xy12Zq-old`];
      const kept = [`.baton-tmp-${live.pid}-plan-Qw3rTy`, `.baton-tmp-${dead}-plan-2-Zz9Zz9`, '.baton-tmp-plan-legacy', 'plan-notes'];
      for (const name of [...stale, ...kept]) await mkdir(path.join(parent, name, 'manifests'), { recursive: true });
      await writePlanDirectory(out, [{ path: 'plan.json', content: 'v2' }]);
      expect((await readdir(parent)).sort()).toEqual(['plan', ...kept].sort());
      expect(await readFile(path.join(out, 'plan.json'), 'utf8')).toBe('v2');
    } finally {
      live.kill();
    }
  });

  it('puts back the previous plan a killed run had moved aside, so a failing run leaves it in place', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'baton-out-'));
    const out = path.join(parent, 'plan');
    const dead = spawnSync(process.execPath, ['-e', '']).pid!;
    // killed between its two renames: the old plan aside, the new one complete but not in place
    await mkdir(path.join(parent, `.baton-tmp-${dead}-plan-aB3dE9-old`));
    await writeFile(path.join(parent, `.baton-tmp-${dead}-plan-aB3dE9-old`, 'plan.json'), 'previous');
    await mkdir(path.join(parent, `.baton-tmp-${dead}-plan-aB3dE9`));
    await expect(writePlanDirectory(out, [{ path: '../escape', content: 'x' }])).rejects.toMatchObject({ code: 'BATON5002' });
    expect(await readdir(parent)).toEqual(['plan']);
    expect(await readFile(path.join(out, 'plan.json'), 'utf8')).toBe('previous');
  });
  it('writes chunked content (sync and async) as the joined text, over many flushes and split surrogate pairs', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'baton-out-'));
    const out = path.join(parent, 'plan');
    const big = 'x'.repeat((1 << 20) - 1);
    function* chunks() {
      yield big;
      yield '\ud83d'; // the high half ends the first flush
      yield '\ude00 é →';
      for (let index = 0; index < 3000; index++) yield `line ${index}\n`;
    }
    async function* later() {
      yield 'a';
      await new Promise((resolve) => setTimeout(resolve, 1));
      yield 'b\n';
    }
    await writePlanDirectory(out, [
      { path: 'big.txt', content: chunks() },
      { path: 'async.txt', content: later() },
      { path: 'empty.txt', content: [] },
      { path: 'plain.txt', content: 'plain' },
    ]);
    expect(await readFile(path.join(out, 'big.txt'), 'utf8')).toBe([...chunks()].join(''));
    expect(await readFile(path.join(out, 'big.txt'), 'utf8')).toContain('\ud83d\ude00 é →');
    expect(await readFile(path.join(out, 'async.txt'), 'utf8')).toBe('ab\n');
    expect(await readFile(path.join(out, 'empty.txt'), 'utf8')).toBe('');
    expect(await readFile(path.join(out, 'plain.txt'), 'utf8')).toBe('plain');
  });

  it('rethrows an error of the content as it is, removes the temporary directory and keeps the old plan', async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), 'baton-out-'));
    const out = path.join(parent, 'plan');
    await writePlanDirectory(out, [{ path: 'plan.json', content: 'v1' }]);
    const failure = new RangeError('renderer bug');
    function* broken() {
      yield 'half';
      throw failure;
    }
    await expect(writePlanDirectory(out, [{ path: 'plan.json', content: broken() }])).rejects.toBe(failure);
    async function* brokenLater() {
      yield 'half';
      throw failure;
    }
    await expect(writePlanDirectory(out, [{ path: 'plan.json', content: brokenLater() }])).rejects.toBe(failure);
    expect(await readFile(path.join(out, 'plan.json'), 'utf8')).toBe('v1');
    expect(await readdir(parent)).toEqual(['plan']);
  });

  it('closes the chunks when writing them fails (a full disk) and throws the file system error', async () => {
    let closed = false;
    function* chunks() {
      try {
        for (;;) yield 'x'.repeat(1 << 16);
      } finally {
        closed = true;
      }
    }
    // /dev/full: every write fails with ENOSPC (Linux)
    if (!existsSync('/dev/full')) return;
    await expect(writeChunks('/dev/full', chunks())).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(closed).toBe(true);
  });
});
