import { valueAtPointer, walkLeaves, type JsonPointer, type Workload, type WorkloadGroup } from '@baton/core';
import { claimCoverage, type CoverageContext } from '../fields/claim-coverage.js';
import type { DefinitionEntry, Extraction } from '../input/extract-definitions.js';
import { canonicalId, idProblem, ROOT_ID } from '../input/path-id.js';
import { readStringMap } from '../normalize/lenient.js';
import { normalizeApp } from '../normalize/normalize-app.js';
import { normalizePod } from '../normalize/normalize-pod.js';
import { at } from '../normalize/normalize-shared.js';
import type { NormalizationConfig } from '../normalize/normalized-types.js';
import type { WorkloadSelection } from '../select/workload-selection.js';
import { selects } from '../select/workload-selection.js';
import { appToWorkload } from './app-to-workload.js';
import { frameworkFinding } from './framework-apps.js';
import { movePlaintextSecrets } from './move-plaintext-secrets.js';
import { findPlaintextSecrets, type PlaintextSecret } from './plaintext-secrets.js';
import { podToWorkload } from './pod-to-workload.js';

export interface BuildOptions {
  /** File or endpoint the document came from, for `Workload.origin`. */
  readonly origin: string;
  readonly config: NormalizationConfig;
  /** Hints every workload carries (e.g. `envVarsPrefix` from /v2/info). */
  readonly hints: Readonly<Record<string, unknown>>;
  readonly selection?: WorkloadSelection;
}

export interface BuiltWorkloads {
  /** Sorted by id. */
  readonly workloads: readonly Workload[];
  readonly groups: readonly WorkloadGroup[];
  /** Workload id → its definition as read. */
  readonly definitions: ReadonlyMap<string, unknown>;
}


/** Normalizes and converts every extracted definition, claims its coverage and reports what it finds. */
export function buildWorkloads(extraction: Extraction, options: BuildOptions, ctx: CoverageContext): BuiltWorkloads {
  const first = new Map<string, DefinitionEntry>();
  const workloads: Workload[] = [];
  const definitions = new Map<string, unknown>();

  for (const skipped of extraction.skipped) {
    ctx.report({ rule: 'marathon/invalid-definition', messageId: 'skipped', workload: '*', pointer: skipped.pointer, data: { pointer: skipped.pointer, reason: skipped.reason } });
  }
  for (const pointer of extraction.unknownGroupFields) {
    ctx.report({ rule: 'marathon/unknown-field', messageId: 'unknown', workload: '*', pointer, data: { pointer } });
  }

  for (const entry of extraction.entries) {
    const kept = first.get(entry.id);
    if (kept) {
      ctx.report({
        rule: 'marathon/duplicate-id',
        messageId: 'duplicate',
        workload: entry.id,
        pointer: '',
        data: { id: entry.id, pointer: entry.originPointer, origin: entry.origin ?? options.origin, first: kept.originPointer },
      });
      continue;
    }
    first.set(entry.id, entry);
    if (options.selection && !selects(options.selection, entry.id, readStringMap(entry.spec.labels))) continue;

    const placement = { origin: entry.origin ?? options.origin, originPointer: entry.originPointer, inheritedDependencies: entry.inheritedDependencies, hints: options.hints };
    let workload: Workload;
    if (entry.sourceKind === 'app') {
      const { app, conflicts } = normalizeApp(entry.spec, { base: entry.base, config: options.config });
      workload = appToWorkload(app, placement);
      for (const conflict of conflicts) {
        ctx.report({
          rule: 'marathon/invalid-definition',
          messageId: 'conflict',
          workload: entry.id,
          pointer: conflict.pointer,
          data: { pointer: conflict.pointer, other: conflict.other, resolution: conflict.resolution },
        });
        claimLeaves(ctx, entry.id, entry.definition, conflict.pointer, 'marathon/invalid-definition');
      }
    } else {
      const pod = normalizePod(entry.spec, { base: entry.base, config: options.config, pointer: entry.specPointer });
      workload = podToWorkload(pod, placement, entry.specPointer);
      // Marathon rejects a pod without containers (PodsValidation: `pod.containers is notEmpty`): nothing would run
      if (pod.containers.length === 0) {
        const listed = Array.isArray(entry.spec.containers) ? entry.spec.containers.length : 0;
        const pointer = at(entry.specPointer, 'containers');
        ctx.report({ rule: 'marathon/pod-without-containers', messageId: listed === 0 ? 'empty' : 'unusable', workload: entry.id, pointer, data: { id: entry.id, pointer, count: listed } });
      }
    }

    claimCoverage(entry.id, entry.definition, entry.shape, ctx);
    const plaintext = findPlaintextSecrets(entry.spec, entry.specPointer, entry.sourceKind);
    workload = movePlaintextSecrets(workload, plaintext);
    reportWorkloadFindings(workload, entry, plaintext, ctx);
    workloads.push(workload);
    definitions.set(entry.id, entry.definition);
  }

  workloads.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const selectedWithin = options.selection ? groupsHoldingAny(workloads.map((workload) => workload.id)) : undefined;
  const groups = extraction.groups
    .filter((group) => !selectedWithin || selectedWithin(group.id))
    .map((group) => ({ id: group.id, dependencies: group.dependencies, labels: {} }));
  return { workloads, groups, definitions };
}

/**
 * Whether a group holds one of `ids` (`isWithin`), answered from the set of every id and every
 * ancestor path of them: testing each group against every id was groups × workloads with --only/--label.
 */
function groupsHoldingAny(ids: readonly string[]): (group: string) => boolean {
  const paths = new Set<string>();
  for (const id of ids) {
    paths.add(id);
    for (let slash = id.lastIndexOf('/'); slash > 0; slash = id.lastIndexOf('/', slash - 1)) paths.add(id.slice(0, slash));
  }
  return (group) => {
    const normalized = canonicalId(group);
    // the root holds every id, as in isWithin; with no id selected, no group holds one
    return paths.size > 0 && (normalized === ROOT_ID || paths.has(normalized));
  };
}

function reportWorkloadFindings(workload: Workload, entry: DefinitionEntry, plaintext: readonly PlaintextSecret[], ctx: CoverageContext): void {
  const labelsPointer = at(entry.specPointer, 'labels');
  const problem = idProblem(workload.id);
  if (problem) {
    ctx.report({ rule: 'marathon/invalid-definition', messageId: 'badId', workload: workload.id, pointer: at(entry.specPointer, 'id'), data: { id: workload.id, reason: problem } });
  }
  const framework = frameworkFinding(workload, labelsPointer);
  if (framework) ctx.report({ rule: 'marathon/framework-app', workload: workload.id, ...framework });
  // the value is never repeated: findings end up in plan.json, reports and logs
  for (const secret of plaintext) {
    ctx.report({ rule: 'marathon/plaintext-secret', messageId: secret.kind, workload: workload.id, pointer: secret.pointer, data: { name: secret.name, pointer: secret.pointer } });
    ctx.ledger.claim(workload.id, secret.pointer, { disposition: 'approximated', ruleId: 'marathon/plaintext-secret' });
  }
  if (workload.replicas === 0) {
    const pointer = entry.sourceKind === 'app' ? '/instances' : at(entry.specPointer, 'scaling', 'instances');
    ctx.report({ rule: 'marathon/suspended-app', messageId: 'suspended', workload: workload.id, pointer, data: { id: workload.id } });
  }
}

/** Marks every leaf under `pointer` approximated: a subtree claim would not override leaf claims. */
function claimLeaves(ctx: CoverageContext, workload: string, definition: unknown, pointer: JsonPointer, ruleId: string): void {
  const value = valueAtPointer(definition, pointer);
  if (value === undefined) return;
  walkLeaves(value, pointer, (leaf) => ctx.ledger.claim(workload, leaf, { disposition: 'approximated', ruleId }));
}
