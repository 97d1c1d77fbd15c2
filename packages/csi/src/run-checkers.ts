import {
  PLUGIN_API_VERSION,
  compareFindings,
  renderTemplate,
  ruleDocsUrl,
  type Checker,
  type Finding,
  type MigrationModel,
  type TargetProfile,
} from '@baton/core';
import type { CsiOptions } from './csi-options.js';
import { csiRules } from './rules/csi-rules.js';

/**
 * Runs the CSI rules over every workload of `model` against `target`, without the pipeline:
 * for tools that embed only this checker. Findings come out as the pipeline would render them,
 * sorted; a rule that throws is a tool bug and propagates.
 */
export async function runCheckers(
  model: MigrationModel,
  target: TargetProfile,
  options: CsiOptions = {},
  rules: Readonly<Record<string, Checker<any>>> = csiRules,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const signal = new AbortController().signal;
  for (const rule of Object.values(rules)) {
    for (const workload of model.workloads) {
      if (rule.appliesTo && !rule.appliesTo(workload, target)) continue;
      await rule.check({
        options: { ...options },
        meta: { coreVersion: 'embedded', apiVersion: PLUGIN_API_VERSION },
        target,
        logger: { debug() {}, info() {}, warn() {} },
        signal,
        ledger: { claim() {} },
        model,
        workload,
        fail(code) {
          throw new Error(`${rule.meta.id} called ctx.fail(${code})`);
        },
        report(report) {
          const template = rule.meta.messages[report.messageId];
          if (template === undefined) throw new Error(`${rule.meta.id} has no message "${report.messageId}"`);
          findings.push({
            ruleId: rule.meta.id,
            severity: rule.meta.defaultSeverity,
            impact: rule.meta.impact,
            workload: report.workload ?? workload.id,
            pointer: report.pointer ?? '',
            message: renderTemplate(template, report.data),
            hint: renderTemplate(rule.meta.hint, report.data),
            docsUrl: rule.meta.docsUrl ?? ruleDocsUrl(rule.meta.id),
            plugin: '@baton/csi',
          });
        },
      });
    }
  }
  return findings.sort(compareFindings);
}
