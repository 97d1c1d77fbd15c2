import { renderFinding as renderCoreFinding, runCheckers as runCoreCheckers, type Checker, type CheckReport, type Finding, type MigrationModel, type RuleMeta, type TargetProfile } from '@baton/core';
import type { CniOptions } from './cni-options.js';
import { cniRules } from './rules/cni-rules.js';

/**
 * Runs the CNI rules over every workload of `model` against `target`, without the pipeline:
 * for tools that embed only this checker. Findings come out as the pipeline would render them,
 * sorted; a rule that throws is a tool bug and propagates.
 */
export function runCheckers(
  model: MigrationModel,
  target: TargetProfile,
  options: CniOptions = {},
  rules: Readonly<Record<string, Checker<any>>> = cniRules,
): Promise<Finding[]> {
  return runCoreCheckers('@baton/cni', rules, model, target, options as Readonly<Record<string, unknown>>);
}

/** A report rendered the way the pipeline renders it (default severity, no overrides). */
export function renderFinding(meta: RuleMeta, report: CheckReport & { readonly workload: string }): Finding {
  return renderCoreFinding('@baton/cni', meta, report);
}
