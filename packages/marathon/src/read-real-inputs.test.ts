import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BatonError } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { readMarathonSource } from './read-marathon-source.js';
import { CORPUS_DIR, FIXTURES_DIR, jsonFiles, recordingContext } from './test-support/shared-inputs.js';

// Every real file in ../shared goes through the reader: it either reads into workloads whose every
// leaf is accounted for in the coverage ledger, or fails with a BATON1xxx input error. Never a crash.

const files = [...jsonFiles(CORPUS_DIR), ...jsonFiles(FIXTURES_DIR)];

/** The classification of ../shared/checks/check-corpus.mjs, so the reader agrees with the CI check. */
function classify(text: string): 'malformed' | 'definition' | 'other' {
  let d: any;
  try {
    d = JSON.parse(text);
  } catch {
    return 'malformed';
  }
  const isApp = (x: any) =>
    x && typeof x === 'object' && !Array.isArray(x) && typeof x.id === 'string' && ('cmd' in x || 'container' in x || 'args' in x || 'instances' in x || 'cpus' in x || 'mem' in x);
  const isPod = (x: any) => x && typeof x === 'object' && typeof x.id === 'string' && Array.isArray(x.containers);
  const isGroup = (x: any) => x && typeof x === 'object' && typeof x.id === 'string' && (Array.isArray(x.apps) || Array.isArray(x.groups) || Array.isArray(x.pods));
  if (Array.isArray(d)) return d.length && d.every((x) => isApp(x) || isPod(x)) ? 'definition' : 'other';
  if (isPod(d) || isApp(d) || isGroup(d) || (d && Array.isArray(d.apps) && d.apps.every(isApp)) || (d && isApp(d.app))) return 'definition';
  return 'other';
}

type Outcome = { workloads: number } | { code: string };

async function read(file: string): Promise<Outcome> {
  const ctx = recordingContext();
  try {
    const result = await readMarathonSource({ kind: 'file', location: file }, {}, ctx);
    for (const workload of result.model.workloads) {
      const { unclaimed } = ctx.ledger.settle(workload.id, result.definitions.get(workload.id));
      expect(unclaimed, `${workload.id} in ${path.basename(file)}`).toEqual([]);
    }
    expect(result.model.workloads.map((w) => w.id)).toEqual(result.model.workloads.map((w) => w.id).sort());
    return { workloads: result.model.workloads.length };
  } catch (error) {
    if (!BatonError.isInstance(error)) throw error;
    return { code: error.code };
  }
}

describe('every real Marathon file', () => {
  it('finds the shared inputs', () => {
    expect(files.length).toBeGreaterThan(500);
  });

  it('reads each file into fully covered workloads or a coded input error', async () => {
    const codes: Record<string, number> = {};
    let workloads = 0;
    for (const file of files) {
      const kind = classify(readFileSync(file, 'utf8'));
      const outcome = await read(file);
      if ('code' in outcome) {
        expect(outcome.code, path.basename(file)).toMatch(/^BATON1\d{3}$/);
        expect(kind, `${path.basename(file)} is a definition but failed with ${outcome.code}`).not.toBe('definition');
        if (kind === 'malformed') expect(outcome.code).toBe('BATON1003');
        codes[outcome.code] = (codes[outcome.code] ?? 0) + 1;
      } else {
        expect(kind, path.basename(file)).not.toBe('malformed');
        if (kind === 'definition') expect(outcome.workloads, path.basename(file)).toBeGreaterThan(0);
        workloads += outcome.workloads;
      }
    }
    // measured on the shared inputs: 4 files are not JSON, the other rejections hold no definition
    expect(codes.BATON1003).toBe(4);
    expect(workloads).toBeGreaterThan(700);
  });
});
