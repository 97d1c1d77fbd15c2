import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { memoryIo } from './test-support/memory-io.js';
import { CLI_VERSION } from './version.js';

describe('migrate', () => {
  it('prints help and version', async () => {
    const io = memoryIo();
    expect(await runCli(['--help'], io)).toBe(0);
    expect(io.out()).toContain('migrate plan');
    const v = memoryIo();
    expect(await runCli(['--version'], v)).toBe(0);
    expect(v.out().trim()).toBe(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
    expect(CLI_VERSION).toBe(v.out().trim());
  });

  it.each([
    [['frobnicate'], 'BATON1001'],
    [['plan'], 'BATON1001'],
    [['plan', '--from', 'x.json', '--format', 'xml'], 'BATON1001'],
    [['plan', '--from', 'x.json', '--no-such-flag'], 'BATON1001'],
    [['plan', '--from', '/nonexistent/apps.json'], 'BATON1002'],
    [['explain', 'no/such-rule'], 'BATON1007'],
  ])('exits 2 with a coded error for %j', async (argv, code) => {
    const io = memoryIo();
    expect(await runCli(argv, io)).toBe(2);
    expect(io.err()).toContain(code);
    expect(io.err()).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('explains error codes and every rule of every loaded plugin', async () => {
    const io = memoryIo();
    expect(await runCli(['explain', 'BATON2002'], io)).toBe(0);
    expect(io.out()).toMatch(/^BATON2002/);
    const list = memoryIo();
    expect(await runCli(['explain', '--list'], list)).toBe(0);
    const ids = [...list.out().matchAll(/^ {2}([a-z-]+\/[a-z0-9-]+) /gm)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) {
      const one = memoryIo();
      expect(await runCli(['explain', id], one)).toBe(0);
      expect(one.out().startsWith(`${id}:`)).toBe(true);
    }
  });

  it('lists the loaded plugins', async () => {
    const io = memoryIo();
    expect(await runCli(['plugins', '--format', 'json'], io)).toBe(0);
    const names = JSON.parse(io.out()).map((p: { name: string }) => p.name);
    expect(names).toEqual(['@baton/marathon', '@baton/kubernetes', '@baton/cni', '@baton/csi', '@baton/cli/steering', '@baton/cli/config']);
  });
});
