// The CI's independent validator (shared/checks/validate-manifests.mjs: kubernetes-models schemas plus
// @kubernetes/client-node field maps) on the manifests of every golden case. Runs where its tools are
// installed (shared/checks/check-corpus installs them under $TMPDIR/baton-check-tools).
import { GENERIC_TARGET, type TargetProfile } from '@baton/core';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runWriter, type WorkloadInput } from './__fixtures__/builders.js';

const script = fileURLToPath(new URL('../../../../shared/checks/validate-manifests.mjs', import.meta.url));
const tools = process.env.CHECK_TOOLS ?? join(process.env.TMPDIR ?? '/tmp', 'baton-check-tools');
const available = existsSync(script) && existsSync(join(tools, 'node_modules', 'kubernetes-models'));
const fixtures = fileURLToPath(new URL('./__fixtures__/', import.meta.url));

function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, item === null ? undefined : withoutNulls(item)]));
  return value;
}

describe.skipIf(!available)('the CI manifest validator', () => {
  it('finds no invalid object and no unknown field in any golden plan', async () => {
    const out = mkdtempSync(join(tmpdir(), 'baton-ci-validate-'));
    let written = 0;
    for (const name of readdirSync(fixtures).filter((entry) => existsSync(join(fixtures, entry, 'model.json')))) {
      const input = withoutNulls(JSON.parse(readFileSync(join(fixtures, name, 'model.json'), 'utf8'))) as { workloads: WorkloadInput[]; options?: Record<string, unknown>; target?: Partial<TargetProfile>; groups?: never[] };
      const target = { ...GENERIC_TARGET, ...input.target, admission: { ...GENERIC_TARGET.admission, ...input.target?.admission } } as TargetProfile;
      const { result } = await runWriter(input.workloads, input.options ?? {}, target, input.groups ?? []);
      for (const file of result.files.filter((candidate) => candidate.path.endsWith('.yaml'))) {
        const path = join(out, name, file.path);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, file.content);
        written++;
      }
    }
    let output: string;
    try {
      output = execFileSync(process.execPath, [script, out], { encoding: 'utf8', env: { ...process.env, CHECK_TOOLS: tools }, maxBuffer: 64 * 1024 * 1024 });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    const summary = JSON.parse(output) as {
      files: number;
      objects: number;
      invalid: number;
      unknownFields: number;
      errors: string[];
      kinds: Record<string, number>;
    };
    expect(summary.files).toBeGreaterThan(0);
    expect(summary.files).toBeLessThanOrEqual(written);
    expect(summary.errors).toEqual([]);
    expect(summary.invalid).toBe(0);
    expect(summary.unknownFields).toBe(0);
    expect(summary.kinds['networking.k8s.io/v1/Ingress']).toBeGreaterThan(0);
    expect(summary.kinds['gateway.networking.k8s.io/v1/HTTPRoute']).toBeGreaterThan(0);
  }, 120_000);
});
