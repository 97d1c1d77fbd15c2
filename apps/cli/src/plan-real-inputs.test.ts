import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';
import { memoryIo } from './test-support/memory-io.js';
import { classify, realInputFiles } from './test-support/shared-inputs.js';

// Every real Marathon file in ../shared: definitions plan without a crash and produce manifests;
// malformed files end in a coded error with exit status 2 and write nothing.
const files = realInputFiles();
const work = mkdtempSync(path.join(os.tmpdir(), 'baton-real-'));

describe('planning every real input', () => {
  it('finds the shared inputs', () => {
    expect(files.length).toBeGreaterThan(500);
  });

  it.each(files.map((file, index) => [path.basename(file), file, index] as const))('%s', async (_name, file, index) => {
    const kind = classify(readFileSync(file, 'utf8'));
    const out = path.join(work, String(index));
    const io = memoryIo();
    const code = await runCli(['plan', '--from', file, '--out', out, '--fail-on', 'never', '--quiet'], io);
    expect(io.err()).not.toMatch(/error internal/);
    expect(io.err()).not.toMatch(/\n\s+at .+:\d+:\d+/);
    if (kind === 'malformed') {
      expect(code).toBe(2);
      expect(io.err()).toMatch(/BATON1\d{3}/);
      expect(existsSync(out)).toBe(false);
      return;
    }
    if (kind === 'definition') {
      expect([0, 1], io.err()).toContain(code);
      const manifests = readdirSync(path.join(out, 'manifests'), { recursive: true }).filter((f) => String(f).endsWith('.yaml'));
      expect(manifests.length).toBeGreaterThan(1);
      const plan = JSON.parse(readFileSync(path.join(out, 'plan.json'), 'utf8'));
      expect(plan.planVersion).toBe('baton.dev/plan/v1');
      expect(plan.workloads.length).toBeGreaterThan(0);
      // No silent loss: every leaf of every definition is in the ledger, claimed by a plugin.
      for (const workload of plan.workloads) {
        expect(workload.coverage.length, workload.id).toBeGreaterThan(0);
        expect(workload.findings.filter((f: { ruleId: string }) => f.ruleId === 'core/unaccounted-field'), workload.id).toEqual([]);
      }
      return;
    }
    // Other JSON (API responses that hold no definition): a plan or a coded input error, never a crash.
    expect([0, 1, 2]).toContain(code);
    if (code === 2) expect(io.err()).toMatch(/BATON1\d{3}/);
  });
});
