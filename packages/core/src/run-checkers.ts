import { compareFindings, renderTemplate, ruleDocsUrl, type Finding, type RuleMeta } from './finding.js';
import type { MigrationModel } from './model.js';
import { PLUGIN_API_VERSION, type Checker, type CheckReport } from './plugin.js';
import type { TargetProfile } from './target-profile.js';

/**
 * Runs checker rules over every workload of `model` against `target`, without the pipeline: for
 * tools that embed one checker package. Findings come out as the pipeline renders them (default
 * severities, no overrides), sorted; a rule that throws is a tool bug and propagates.
 */
export async function runCheckers(
  plugin: string,
  rules: Readonly<Record<string, Checker<any>>>,
  model: MigrationModel,
  target: TargetProfile,
  options: Readonly<Record<string, unknown>> = {},
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
          findings.push(renderFinding(plugin, rule.meta, { ...report, workload: report.workload ?? workload.id }));
        },
      });
    }
  }
  return findings.sort(compareFindings);
}

/** A report rendered the way the pipeline renders it (default severity, no overrides). */
export function renderFinding(plugin: string, meta: RuleMeta, report: CheckReport & { readonly workload: string }): Finding {
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
    plugin,
  };
}
