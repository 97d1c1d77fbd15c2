// `pnpm --filter @baton/reliability fuzz`: the planning property of src/plan-property.test.ts,
// 10,000 cases (BATON_FUZZ_RUNS to change it), every case's manifests read back from YAML.
// BATON_FUZZ_SEED replays a run; the summary goes to stdout and .fuzz-results/summary.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hostileEstate } from '../src/arbitraries/hostile-estate.js';
import { marathonEstate } from '../src/arbitraries/marathon-estate.js';
import { assertPlans, emptyStats, formatStats } from '../src/support/property-run.js';

const total = Number(process.env.BATON_FUZZ_RUNS ?? 10_000);
const seed = process.env.BATON_FUZZ_SEED ? Number(process.env.BATON_FUZZ_SEED) : Date.now() % 2 ** 31;
// the same mix as the suite: loose input most, valid input, hostile strings
const share = { loose: 0.55, strict: 0.35, hostile: 0.1 };

describe(`fuzz: ${total} generated inputs (seed ${seed})`, () => {
  const results: Record<string, ReturnType<typeof emptyStats>> = {};
  for (const [name, arbitrary] of [
    ['loose', marathonEstate({ strict: false })],
    ['strict', marathonEstate({ strict: true })],
    ['hostile', hostileEstate],
  ] as const) {
    const runs = Math.round(total * share[name]);
    it(`${name}: ${runs} cases`, async () => {
      const stats = await assertPlans(arbitrary, { numRuns: runs, yamlEvery: 1, seed: seed + Object.keys(results).length });
      results[name] = stats;
      console.log(formatStats(name, stats));
      expect(stats.cases).toBe(runs);
      if (name !== 'loose') expect(stats.blockedInvalid).toBe(0);
    });
  }
  it('writes the summary', () => {
    mkdirSync('.fuzz-results', { recursive: true });
    const summary = { seed, total: Object.values(results).reduce((sum, stats) => sum + stats.cases, 0), results };
    writeFileSync('.fuzz-results/summary.json', `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`fuzz: ${summary.total} cases, seed ${seed}, all promises kept`);
  });
});
