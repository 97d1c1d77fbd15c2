import {
  PLUGIN_API_VERSION,
  compareFindings,
  renderTemplate,
  ruleDocsUrl,
  type Checker,
  type CheckReport,
  type Finding,
  type RuleMeta,
  type MigrationModel,
  type TargetProfile,
} from '@baton/core';
import type { CniOptions } from './cni-options.js';
import { cniRules } from './rules/cni-rules.js';

/**
 * Runs the CNI rules over every workload of `model` against `target`, without the pipeline:
 * for tools that embed only this checker. Findings come out as the pipeline would render them,
 * sorted; a rule that throws is a tool bug and propagates.
 */
export async function runCheckers(
  model: MigrationModel,
  target: TargetProfile,
  options: CniOptions = {},
  rules: Readonly<Record<string, Checker<any>>> = cniRules,
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
          findings.push(renderFinding(rule.meta, { ...report, workload: report.workload ?? workload.id }));
        },
      });
    }
  }
  return findings.sort(compareFindings);
}

/** A report rendered the way the pipeline renders it (default severity, no overrides). */
export function renderFinding(meta: RuleMeta, report: CheckReport & { readonly workload: string }): Finding {
  const template = meta.messages[report.messageId];
  if (template === undefined) throw new Error(`${meta.id} has no message "${report.messageId}"`);
  return {
    ruleId: meta.id,
    severity: meta.defaultSeverity,
    impact: meta.impact,
    workload: report.workload,
    pointer: report.pointer ?? '',
    message: renderTemplate(template, report.data),
    hint: renderTemplate(meta.hint, report.data),
    docsUrl: meta.docsUrl ?? ruleDocsUrl(meta.id),
    plugin: '@baton/cni',
  };
}
