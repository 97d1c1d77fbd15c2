import { runCheckers as runCoreCheckers, type Checker, type Finding, type MigrationModel, type TargetProfile } from '@baton/core';
import type { CsiOptions } from './csi-options.js';
import { csiRules } from './rules/csi-rules.js';

/**
 * Runs the CSI rules over every workload of `model` against `target`, without the pipeline:
 * for tools that embed only this checker. Findings come out as the pipeline would render them,
 * sorted; a rule that throws is a tool bug and propagates.
 */
export function runCheckers(
  model: MigrationModel,
  target: TargetProfile,
  options: CsiOptions = {},
  rules: Readonly<Record<string, Checker<any>>> = csiRules,
): Promise<Finding[]> {
  return runCoreCheckers('@baton/csi', rules, model, target, options as Readonly<Record<string, unknown>>);
}
