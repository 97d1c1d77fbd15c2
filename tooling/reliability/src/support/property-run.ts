// One property over generated inputs, shared by the in-suite tests (a few thousand cases) and the
// long run (`pnpm fuzz`, 10,000): plan each input, check every promise, count what happened.
import { BUILT_IN_PROFILE_IDS } from '@baton/cni';
import fc from 'fast-check';
import type { GeneratedEstate } from '../arbitraries/marathon-estate.js';
import { builtInTarget, checkOutcome, planText } from './plan-estate.js';

export interface PropertyStats {
  cases: number;
  plans: number;
  /** Coded input errors by code (BATON1004, BATON1005). */
  errors: Record<string, number>;
  workloads: number;
  objects: number;
  unknownFields: number;
  /** Cases whose manifests were read back from YAML. */
  yamlChecked: number;
  /** Workloads blocked by kubernetes/invalid-object (from loose input only). */
  blockedInvalid: number;
  byShape: Record<string, number>;
  byTarget: Record<string, number>;
  millis: number;
}

export function emptyStats(): PropertyStats {
  return { cases: 0, plans: 0, errors: {}, workloads: 0, objects: 0, unknownFields: 0, yamlChecked: 0, blockedInvalid: 0, byShape: {}, byTarget: {}, millis: 0 };
}

export interface PropertyOptions {
  readonly numRuns: number;
  /** Read the manifests back from YAML in one case out of this many (1: every case). */
  readonly yamlEvery: number;
  readonly seed?: number;
}

/** Runs the property; throws fast-check's report (seed, shrunk counterexample, broken promises) on failure. */
export async function assertPlans(estates: fc.Arbitrary<GeneratedEstate>, options: PropertyOptions, stats: PropertyStats = emptyStats()): Promise<PropertyStats> {
  const started = performance.now();
  let index = 0;
  await fc.assert(
    fc.asyncProperty(estates, fc.constantFrom(...BUILT_IN_PROFILE_IDS), async (estate, targetId) => {
      const target = builtInTarget(targetId);
      const yaml = index++ % options.yamlEvery === 0;
      const outcome = await planText(estate.text, target);
      const problems = checkOutcome(estate, outcome, target, { yaml });
      if (problems.length > 0) {
        throw new Error(`${estate.shape} (${estate.strict ? 'strict' : 'loose'}) on ${targetId}:\n  ${problems.slice(0, 12).join('\n  ')}`);
      }
      stats.cases += 1;
      stats.byShape[estate.shape] = (stats.byShape[estate.shape] ?? 0) + 1;
      stats.byTarget[targetId] = (stats.byTarget[targetId] ?? 0) + 1;
      stats.unknownFields += estate.items.reduce((sum, item) => sum + item.unknown.length, 0) + (estate.groupUnknown?.length ?? 0);
      if (yaml) stats.yamlChecked += 1;
      if (outcome.kind === 'error') {
        stats.errors[outcome.error.code] = (stats.errors[outcome.error.code] ?? 0) + 1;
        return;
      }
      stats.plans += 1;
      stats.workloads += outcome.result.model.workloads.length;
      stats.objects += outcome.result.output.workloads.reduce((sum, output) => sum + output.objects.length, 0) + outcome.result.output.shared.length;
      stats.blockedInvalid += new Set(outcome.result.findings.filter((finding) => finding.ruleId === 'kubernetes/invalid-object').map((finding) => finding.workload)).size;
    }),
    { numRuns: options.numRuns, ...(options.seed !== undefined ? { seed: options.seed } : {}), endOnFailure: false },
  );
  stats.millis += performance.now() - started;
  return stats;
}

/** `BATON_PROPERTY_SEED` replays a failure fast-check reported. */
export const seedFromEnv = (): number | undefined => (process.env.BATON_PROPERTY_SEED ? Number(process.env.BATON_PROPERTY_SEED) : undefined);

export function formatStats(label: string, stats: PropertyStats): string {
  const errors = Object.entries(stats.errors).map(([code, count]) => `${count} ${code}`).join(', ') || 'none';
  return `${label}: ${stats.cases} cases in ${(stats.millis / 1000).toFixed(1)} s: ${stats.plans} plans (${stats.workloads} workloads, ${stats.objects} objects, ${stats.blockedInvalid} blocked by kubernetes/invalid-object), coded input errors: ${errors}; ${stats.unknownFields} unknown fields injected; manifests read back from YAML in ${stats.yamlChecked} cases`;
}
