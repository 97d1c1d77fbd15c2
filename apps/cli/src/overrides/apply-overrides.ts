import {
  compareFindings,
  renderTemplate,
  ruleDocsUrl,
  type Finding,
  type PipelineResult,
  type PlannedObject,
  type Severity,
  type WorkloadOutput,
  type WorkloadStatus,
} from '@baton/core';
import { CONFIG_RULES } from '../config/config-rules.js';
import { applyJsonPatch, deepEqual, formatPointer, mergePatch, valueAt } from './json-patch.js';
import { workloadMatcher } from './match-workload.js';
import { CONTROLLER_KINDS, type OverrideRule } from './override-rule.js';
import { globToRegExp } from './match-workload.js';

type ConfigRuleId = keyof typeof CONFIG_RULES;
type Validate = (objects: readonly PlannedObject[], options: { kubernetesVersion: string }) => { pointer: string; message: string }[];

export interface OverrideOptions {
  readonly ruleSeverity?: Readonly<Record<string, Severity | 'off'>>;
  /** Renders a workload's manifest file; `@baton/kubernetes`' renderManifest by default. */
  readonly render?: (objects: readonly unknown[]) => string;
  /** Offline validation of a patched object; `@baton/kubernetes/validation` by default. */
  readonly validate?: Validate;
}

interface Write {
  readonly rule: string;
  readonly tokens: readonly string[];
  readonly value: unknown;
}

const IDENTITY: readonly (readonly string[])[] = [['apiVersion'], ['kind'], ['metadata', 'name'], ['metadata', 'namespace']];
const show = (value: unknown) => (value === undefined ? 'nothing' : JSON.stringify(value));

/**
 * Applies the config's override rules to the writer's objects, after the pipeline: rules in config
 * order, each on the result of the previous, per matching workload and targeted object. What the
 * rules could not do (conflicts, failed tests or operations, renames, results the Kubernetes schema
 * rejects, rules that matched nothing) becomes findings of `config/*` rules. Changed workloads get
 * their manifest file rendered again; everything else in `result` is kept.
 */
export async function applyOverrides(result: PipelineResult, rules: readonly OverrideRule[], options: OverrideOptions = {}): Promise<PipelineResult> {
  if (rules.length === 0) return result;
  const findings: Finding[] = [];
  const report = (rule: ConfigRuleId, messageId: string, workload: string, data: Record<string, unknown>) => {
    const meta = CONFIG_RULES[rule];
    const override = options.ruleSeverity?.[rule];
    if (override === 'off') return;
    findings.push({
      ruleId: meta.id,
      severity: override ?? meta.defaultSeverity,
      impact: meta.impact,
      workload,
      pointer: '',
      message: renderTemplate((meta.messages as Record<string, string>)[messageId]!, data),
      hint: renderTemplate(meta.hint, data),
      docsUrl: ruleDocsUrl(meta.id),
      plugin: '@baton/cli/config',
    });
  };

  const workloads = new Map(result.model.workloads.map((workload) => [workload.id, workload]));
  const compiled = rules.map((rule, index) => ({
    rule,
    label: rule.name ? `override "${rule.name}"` : `overrides[${index}]`,
    matches: workloadMatcher(rule.match),
    targets: targetMatcher(rule.target),
    matchedWorkloads: 0,
    matchedObjects: 0,
  }));
  const validate = options.validate ?? (await loadValidator(result.target.kubernetesVersion));
  const changed = new Map<string, WorkloadOutput>();

  for (const output of result.output.workloads) {
    const workload = workloads.get(output.workload);
    if (!workload) continue;
    const applicable = compiled.filter((entry) => entry.matches(workload));
    if (applicable.length === 0) continue;
    const objects = [...output.objects];
    let touched = false;
    for (const entry of applicable) entry.matchedWorkloads++;
    objects.forEach((original, position) => {
      const writes: Write[] = [];
      let current: PlannedObject = original;
      // Problems of `current` (validated once, then carried from each accepted rule's result).
      let currentProblems: Set<string> | undefined;
      const problemKeys = (object: PlannedObject) => validate!([object], result.target).map((problem) => ({ key: `${problem.pointer} ${problem.message}`, problem }));
      for (const entry of applicable) {
        if (!entry.targets(current)) continue;
        entry.matchedObjects++;
        const data = { rule: entry.label, kind: current.kind, name: current.metadata.name };
        const applied = entry.rule.patch !== undefined ? mergePatch(current, entry.rule.patch) : applyJsonPatch(current, entry.rule.jsonPatch ?? []);
        if ('failure' in applied) {
          const { kind, path, reason } = applied.failure;
          report('config/override-failed', kind, output.workload, { ...data, path, reason });
          continue;
        }
        const next = applied.document as PlannedObject;
        const renamed = IDENTITY.find((tokens) => !deepEqual(valueAt(current, tokens), valueAt(next, tokens)));
        if (renamed) {
          report('config/override-failed', 'identity', output.workload, { ...data, field: renamed.join('.') });
          continue;
        }
        let nextProblems: Set<string> | undefined;
        if (validate) {
          currentProblems ??= new Set(problemKeys(current).map((entry) => entry.key));
          const after = problemKeys(next);
          const added = after.filter((entry) => !currentProblems!.has(entry.key)).map((entry) => entry.problem);
          if (added.length > 0) {
            const reason = added.map((problem) => `${problem.pointer || '/'}: ${problem.message}`).join('; ');
            report('config/override-failed', 'invalid', output.workload, { ...data, version: result.target.kubernetesVersion, reason });
            continue;
          }
          nextProblems = new Set(after.map((entry) => entry.key));
        }
        // An earlier rule's change that this one undid or replaced is a conflict.
        for (const earlier of writes) {
          if (earlier.rule === entry.label) continue;
          const now = valueAt(next, earlier.tokens);
          if (!deepEqual(now, earlier.value)) {
            report('config/override-conflict', 'conflict', output.workload, {
              ...data,
              field: formatPointer(earlier.tokens) || '/',
              value: show(now),
              previousValue: show(earlier.value),
              previousRule: earlier.rule,
            });
          }
        }
        for (const tokens of applied.written) writes.push({ rule: entry.label, tokens, value: structuredClone(valueAt(next, tokens)) });
        current = next;
        currentProblems = nextProblems;
      }
      if (current !== original) {
        objects[position] = current;
        touched = true;
      }
    });
    if (touched) changed.set(output.workload, { ...output, objects });
  }

  for (const entry of compiled) {
    if (entry.matchedWorkloads === 0) report('config/override-unused', 'noWorkload', '*', { rule: entry.label });
    else if (entry.matchedObjects === 0) {
      const target = entry.rule.target ? [entry.rule.target.apiVersion, entry.rule.target.kind, entry.rule.target.name].filter(Boolean).join(' ') : 'controller (Deployment, StatefulSet, Job or CronJob)';
      report('config/override-unused', 'noObject', '*', { rule: entry.label, count: entry.matchedWorkloads, target });
    }
  }
  if (changed.size === 0 && findings.length === 0) return result;

  const render = options.render ?? (await import('@baton/kubernetes')).renderManifest;
  const fileContents = new Map<string, string>();
  for (const output of changed.values()) fileContents.set(output.file, render(output.objects));
  const output = {
    ...result.output,
    workloads: result.output.workloads.map((workload) => changed.get(workload.workload) ?? workload),
    files: result.output.files.map((file) => (fileContents.has(file.path) ? { ...file, content: fileContents.get(file.path)! } : file)),
  };
  const status = new Map<string, WorkloadStatus>(result.status);
  for (const finding of findings) {
    const current = status.get(finding.workload);
    if (current === undefined) continue;
    if (finding.impact === 'blocker') status.set(finding.workload, 'blocked');
    else if ((finding.impact === 'degraded' || finding.impact === 'review') && current === 'ready') status.set(finding.workload, 'degraded');
  }
  return { ...result, output, status, findings: [...result.findings, ...findings].sort(compareFindings) };
}

function targetMatcher(target: OverrideRule['target']): (object: PlannedObject) => boolean {
  if (!target) return (object) => CONTROLLER_KINDS.has(object.kind);
  const name = target.name === undefined ? undefined : globToRegExp(target.name);
  return (object) =>
    (target.kind === undefined || object.kind === target.kind) &&
    (target.apiVersion === undefined || object.apiVersion === target.apiVersion) &&
    (name === undefined || name.test(object.metadata.name));
}

/** validateObjects for the target's minor, or undefined when the validator does not cover it. */
async function loadValidator(kubernetesVersion: string): Promise<Validate | undefined> {
  const { validateObjects, SUPPORTED_KUBERNETES_VERSIONS } = await import('@baton/kubernetes/validation');
  const minor = /^v?(1\.\d+)/.exec(kubernetesVersion)?.[1];
  if (!minor || !(SUPPORTED_KUBERNETES_VERSIONS as readonly string[]).includes(minor)) return undefined;
  return (objects, options) => validateObjects(objects, { kubernetesVersion: options.kubernetesVersion as `1.${number}` });
}
