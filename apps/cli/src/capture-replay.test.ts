import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startMarathonServer } from '@baton/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { memoryIo } from './test-support/memory-io.js';
import { REPO_DIR } from './test-support/shared-inputs.js';

const TOKEN = 'eyJhbGciOi.capture-replay-marker-token';

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of readdirSync(dir, { recursive: true }) as string[]) {
    try {
      out[file] = readFileSync(path.join(dir, file), 'utf8');
    } catch {
      // a directory
    }
  }
  return out;
}

describe('capture and replay', () => {
  let server: Awaited<ReturnType<typeof startMarathonServer>>;
  const work = mkdtempSync(path.join(os.tmpdir(), 'baton-capture-'));
  beforeAll(async () => {
    server = await startMarathonServer({ directory: path.join(REPO_DIR, 'examples/estate'), auth: { token: TOKEN } });
  });
  afterAll(async () => server.close());

  it('needs the token: 401 is BATON2002 with exit 3 and the token never printed', async () => {
    const io = memoryIo();
    expect(await runCli(['capture', '--from', server.url, '--out', path.join(work, 'denied.json')], io)).toBe(3);
    expect(io.err()).toContain('BATON2002');
  });

  it('replays a snapshot to the same manifests and report as the live read, with no credential in any file', async () => {
    const snapshot = path.join(work, 'estate.json');
    const capture = memoryIo({ env: { BATON_MARATHON_TOKEN: TOKEN } });
    expect(await runCli(['capture', '--from', server.url, '--out', snapshot], capture)).toBe(0);

    const live = memoryIo({ env: { BATON_MARATHON_TOKEN: TOKEN } });
    expect(await runCli(['plan', '--from', server.url, '--out', path.join(work, 'live'), '--fail-on', 'never'], live)).toBe(0);
    const offline = [path.join(work, 'offline-1'), path.join(work, 'offline-2')];
    for (const out of offline) expect(await runCli(['plan', '--from', snapshot, '--out', out, '--fail-on', 'never'], memoryIo())).toBe(0);

    const a = tree(offline[0]!);
    expect(tree(offline[1]!)).toEqual(a);
    const b = tree(path.join(work, 'live'));
    const manifests = (t: Record<string, string>) => Object.fromEntries(Object.entries(t).filter(([f]) => f.startsWith('manifests')));
    expect(Object.keys(manifests(a)).length).toBeGreaterThan(5);
    expect(manifests(b)).toEqual(manifests(a));
    const workloads = (t: Record<string, string>) => JSON.parse(t['plan.json']!).workloads;
    expect(workloads(b)).toEqual(workloads(a));

    for (const text of [readFileSync(snapshot, 'utf8'), ...Object.values(a), ...Object.values(b), capture.err(), live.out(), live.err()]) {
      expect(text).not.toContain(TOKEN);
    }
  });
});
