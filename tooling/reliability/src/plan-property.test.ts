// Property-based planning: inputs generated from the Marathon field catalog (valid, edge-case and
// invalid values, unknown fields, deep groups, unicode and traversal ids, hostile strings) end in
// a coded input error or in a plan whose objects validate for the target minor, with a complete
// coverage ledger, every unknown field a finding, every definition a workload or a finding, and
// manifests that read back from YAML as written. `pnpm fuzz` runs the same property 10,000 times.
import { describe, expect, it } from 'vitest';
import { hostileEstate } from './arbitraries/hostile-estate.js';
import { marathonEstate } from './arbitraries/marathon-estate.js';
import { assertPlans, emptyStats, formatStats, seedFromEnv } from './support/property-run.js';

// about 2,900 cases, under a minute on two cores; BATON_PROPERTY_SCALE multiplies them
const scale = Number(process.env.BATON_PROPERTY_SCALE ?? 1);
const runs = (count: number) => Math.max(1, Math.round(count * scale));
const seed = seedFromEnv();
// generous: a loaded CI machine takes ~80 s for the valid-input run; a loop still ends the test
const TIMEOUT = 600_000;

describe('planning generated Marathon inputs', () => {
  it('valid input (only values Marathon accepts): every object validates, nothing is lost', async () => {
    const stats = await assertPlans(marathonEstate({ strict: true }), { numRuns: runs(900), yamlEvery: 3, ...(seed !== undefined ? { seed } : {}) });
    console.log(formatStats('strict', stats));
    expect(stats.cases).toBe(runs(900));
    expect(stats.blockedInvalid).toBe(0);
  }, TIMEOUT);

  it('any input (edge-case and invalid values, junk items): a plan or a coded input error; invalid objects only in blocked workloads', async () => {
    const stats = await assertPlans(marathonEstate({ strict: false }), { numRuns: runs(1700), yamlEvery: 3, ...(seed !== undefined ? { seed } : {}) });
    console.log(formatStats('loose', stats));
    expect(stats.cases).toBe(runs(1700));
    // the generators reach both outcomes and inject unknown fields
    expect(stats.plans).toBeGreaterThan(stats.cases / 2);
    expect(Object.keys(stats.errors).length).toBeGreaterThan(0);
    expect(stats.unknownFields).toBeGreaterThan(stats.cases / 4);
  }, TIMEOUT);

  it('hostile strings in every free-text field: manifests, reports and plan.json stay valid', async () => {
    const stats = await assertPlans(hostileEstate, { numRuns: runs(300), yamlEvery: 1, ...(seed !== undefined ? { seed } : {}) });
    console.log(formatStats('hostile', stats));
    expect(stats.yamlChecked).toBe(runs(300));
  }, TIMEOUT);
});
