import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { memoryIo } from './test-support/memory-io.js';
import { REPO_DIR, SHARED_DIR } from './test-support/shared-inputs.js';

function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of readdirSync(dir, { recursive: true }) as string[]) {
    const full = path.join(dir, file);
    try {
      out[file] = readFileSync(full, 'utf8');
    } catch {
      // a directory
    }
  }
  return out;
}

async function planTwice(from: string): Promise<[Record<string, string>, Record<string, string>]> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'baton-det-'));
  const trees: Record<string, string>[] = [];
  for (const name of ['a', 'b']) {
    const io = memoryIo();
    const code = await runCli(['plan', '--from', from, '--out', path.join(work, name), '--fail-on', 'never'], io);
    expect(code, io.err()).toBe(0);
    trees.push(readTree(path.join(work, name)));
  }
  return [trees[0]!, trees[1]!];
}

describe('determinism', () => {
  it('plans the example estate to byte-identical files twice', async () => {
    const [a, b] = await planTwice(path.join(REPO_DIR, 'examples/estate/groups.json'));
    expect(Object.keys(a).length).toBeGreaterThan(5);
    expect(b).toEqual(a);
  });

  it('plans a 100-app real export to byte-identical files twice', async () => {
    const [a, b] = await planTwice(path.join(SHARED_DIR, 'fixtures/marathon-docs/benchmark-real__group-export-100-apps.json'));
    expect(b).toEqual(a);
  });
});
