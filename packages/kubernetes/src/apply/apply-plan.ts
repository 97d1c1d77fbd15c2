import { BatonError, compareFindings, type Finding, type PlanWorkload } from '@baton/core';
import type { KubeTarget } from '../cluster/kube-session.js';
import { mapLimit } from '../cluster/map-limit.js';
import { applyFinding, findingsFromStatus, missingNamespaceOf } from './apply-findings.js';
import { readApplyState, writeApplyState, APPLY_STATE_VERSION, type ApplyState, type ObjectRecord, type StepId, type StepState } from './apply-state.js';
import { KubernetesApiError, openClusterClient, type ClusterClient } from './cluster-client.js';
import { ensureDataMoveRunbook, runbookPath } from './data-move-runbook.js';
import { applyRank, displayName, hashObject, objectKey, podTemplateOf, refOf, ROLLOUT_KINDS, type KubeObject } from './kube-object.js';
import { loadPlanDirectory, type LoadedPlan } from './load-plan-directory.js';
import { rolloutHealth, type RolloutHealth } from './rollout-health.js';
import { externalSecretTargets, secretRequirements } from './secret-requirements.js';

export interface ApplyPlanOptions extends KubeTarget {
  /** Directory written by `migrate plan --out`. */
  readonly planDir: string;
  /** Server-side dry-run (`dryRun=All`) of every step: admission and validation run, nothing is stored, no waiting. */
  readonly dryRun?: boolean;
  /** Stop after this step: `namespaces`, or a wave number (namespaces and shared objects come first). */
  readonly through?: number | 'namespaces';
  /** Apply only these workloads (source ids), plus the namespaces and shared objects they live in. */
  readonly only?: readonly string[];
  /** Also apply workloads the plan marks blocked (always done for ids named in `only`). */
  readonly includeBlocked?: boolean;
  /** Take over fields other managers own instead of reporting kubernetes/apply-conflict. */
  readonly forceConflicts?: boolean;
  /** Start stateful workloads without waiting for their data-move runbook (empty volumes). */
  readonly skipDataMove?: boolean;
  /** How long one wave may take to become healthy (default 300 000 ms). */
  readonly timeoutMs?: number;
  /** Health polling interval (default 2 000 ms). */
  readonly pollIntervalMs?: number;
  /** Workloads applied in parallel within a wave (default 8). */
  readonly concurrency?: number;
  readonly onProgress?: (event: ApplyProgress) => void;
  /** A ready client instead of opening the kubeconfig (embedding, other transports). */
  readonly client?: ClusterClient;
}

export type ObjectAction = 'created' | 'configured' | 'unchanged' | 'dry-run' | 'held' | 'failed' | 'not-applied';
export type WorkloadState = 'ready' | 'applied' | 'unchanged' | 'dry-run' | 'skipped' | 'held' | 'failed' | 'blocked' | 'unhealthy' | 'not-reached';
export type StepOutcome = 'verified' | 'unchanged' | 'dry-run' | 'skipped' | 'blocked' | 'failed' | 'unhealthy' | 'held' | 'not-reached';

export interface ObjectReport {
  readonly key: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
  readonly action: ObjectAction;
}

export interface WorkloadReport {
  /** Source id, or `*` for the shared objects of a step. */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly state: WorkloadState;
  /** Why it is skipped, held or unhealthy. */
  readonly detail?: string;
  readonly objects: readonly ObjectReport[];
}

export interface StepReport {
  readonly step: StepId;
  readonly outcome: StepOutcome;
  readonly workloads: readonly WorkloadReport[];
}

export interface ApplyResult {
  readonly resultVersion: 'baton.dev/apply-result/v1';
  readonly planDir: string;
  readonly context: string;
  readonly server: string;
  readonly dryRun: boolean;
  /** Every requested step is verified (or, for a dry-run, was sent). */
  readonly complete: boolean;
  readonly stoppedAt?: StepId;
  readonly stopReason?: 'blocked' | 'failed' | 'unhealthy' | 'held';
  /** A previous apply-state.json was recorded for another cluster and was not used. */
  readonly stateIgnored?: string;
  readonly steps: readonly StepReport[];
  readonly findings: readonly Finding[];
  /** Apply (PATCH) requests sent, dry-run probes included. */
  readonly applyRequests: number;
}

export type ApplyProgress =
  | { readonly type: 'step'; readonly step: StepId; readonly unchanged: boolean }
  | { readonly type: 'object'; readonly step: StepId; readonly key: string; readonly action: ObjectAction }
  | { readonly type: 'waiting'; readonly step: StepId; readonly pending: number; readonly total: number }
  | { readonly type: 'step-done'; readonly step: StepId; readonly outcome: StepOutcome };

/** What one workload (or the shared objects) contributes to a step. */
interface Unit {
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly objects: readonly KubeObject[];
  /** Plan Secrets: required, never applied. */
  readonly secrets: readonly KubeObject[];
  readonly dataMove: boolean;
  readonly skipped?: string;
}

const DATA_MIGRATION_RULE = 'kubernetes/persistent-data-migration';

/**
 * Applies a plan directory with server-side apply: namespaces, shared objects, then the dependency
 * waves in order, each verified healthy before the next. Progress goes to `<planDir>/apply-state.json`,
 * so a second run resumes where the first stopped and a re-run of a finished apply sends no PATCH.
 */
export async function applyPlan(options: ApplyPlanOptions): Promise<ApplyResult> {
  const loaded = await loadPlanDirectory(options.planDir);
  const { plan } = loaded;
  for (const id of options.only ?? []) {
    if (!plan.workloads.some((w) => w.id === id)) throw new BatonError('BATON1001', { detail: `--only ${id}: plan.json has no workload with this id`, command: 'apply' });
  }
  const client = options.client ?? (await openClusterClient(options));
  const serverVersion = await client.serverVersion();
  const dryRun = options.dryRun ?? false;
  const timeoutMs = options.timeoutMs ?? 300_000;
  const pollIntervalMs = options.pollIntervalMs ?? 2_000;
  const concurrency = options.concurrency ?? 8;
  const emit = options.onProgress ?? (() => {});

  let previous = dryRun ? undefined : await readApplyState(options.planDir);
  let stateIgnored: string | undefined;
  if (previous && previous.cluster.server !== client.server) {
    stateIgnored = `${options.planDir}/apply-state.json records an apply to ${previous.cluster.server}, not ${client.server}`;
    previous = undefined;
  }
  const objectsState: Record<string, ObjectRecord> = { ...(previous?.objects ?? {}) };
  const stepsState = new Map<string, { step: StepId; state: StepState; objects: readonly string[] }>((previous?.steps ?? []).map((s) => [String(s.step), s]));
  const saveState = async () => {
    if (dryRun) return;
    const state: ApplyState = {
      stateVersion: APPLY_STATE_VERSION,
      cluster: { server: client.server, context: client.context },
      planDigest: loaded.planDigest,
      steps: [...stepsState.values()],
      objects: objectsState,
    };
    await writeApplyState(options.planDir, state);
  };

  const steps = buildSteps(loaded, options);
  const externalTargets = externalSecretTargets(loaded.objects.values());
  const findings: Finding[] = [];
  const reports: StepReport[] = [];
  let applyRequests = 0;
  let stop: { step: StepId; reason: NonNullable<ApplyResult['stopReason']> } | undefined;

  for (const { step, units } of steps) {
    if (stop) {
      reports.push({ step, outcome: 'not-reached', workloads: units.map((u) => workloadReport(u, u.skipped ? 'skipped' : 'not-reached', u.skipped)) });
      continue;
    }
    const active = units.filter((u) => !u.skipped);
    const hashes = new Map(active.flatMap((u) => u.objects.map((o) => [objectKey(refOf(o)), hashObject(o)] as const)));
    const before = stepsState.get(String(step));
    const wasVerified = before?.state === 'verified';
    const unchangedSince = (key: string) => wasVerified && before.objects.includes(key) && objectsState[key]?.hash === hashes.get(key);

    // Resume: a step verified earlier whose objects did not change needs no request at all.
    if (!dryRun && wasVerified && [...hashes.keys()].every(unchangedSince)) {
      emit({ type: 'step', step, unchanged: true });
      reports.push({
        step,
        outcome: active.length === 0 ? 'skipped' : 'unchanged',
        workloads: units.map((u) => (u.skipped ? workloadReport(u, 'skipped', u.skipped) : workloadReport(u, 'unchanged', undefined, 'unchanged'))),
      });
      emit({ type: 'step-done', step, outcome: 'unchanged' });
      continue;
    }
    emit({ type: 'step', step, unchanged: false });
    if (active.length === 0) {
      reports.push({ step, outcome: 'skipped', workloads: units.map((u) => workloadReport(u, 'skipped', u.skipped)) });
      emit({ type: 'step-done', step, outcome: 'skipped' });
      continue;
    }

    // Preflight: served kinds, Secrets, and whether admission would let the pods in.
    const preflight = new Map<string, Finding[]>();
    const addFinding = (unit: Unit, finding: Finding) => {
      findings.push(finding);
      preflight.set(unit.id, [...(preflight.get(unit.id) ?? []), finding]);
    };
    await mapLimit(active, concurrency, async (unit) => {
      for (const object of unit.objects) {
        if (!(await client.resourceFor(object.apiVersion, object.kind))) {
          addFinding(unit, applyFinding('kubernetes/kind-not-served', 'notServed', unit.id, { object: displayName(refOf(object)), apiVersion: object.apiVersion, kind: object.kind }));
        }
      }
      for (const need of secretRequirements([...unit.objects, ...unit.secrets])) {
        if (need.optional || externalTargets.has(`${need.namespace}/${need.secret}`)) continue;
        const data = { namespace: need.namespace, secret: need.secret, object: displayName(need.usedBy) };
        try {
          const keys = await client.secretKeys(need.namespace, need.secret);
          if (!keys) addFinding(unit, applyFinding('kubernetes/secret-missing', 'missing', unit.id, data));
          else for (const key of need.keys.filter((k) => !keys.includes(k))) addFinding(unit, applyFinding('kubernetes/secret-key-missing', 'missing', unit.id, { ...data, key }));
        } catch (error) {
          if (!(error instanceof KubernetesApiError)) throw error;
          addFinding(unit, applyFinding('kubernetes/secret-unverifiable', 'forbidden', unit.id, { ...data, detail: error.status.message }));
        }
      }
      for (const object of unit.objects) {
        const probe = probePod(object);
        if (!probe) continue;
        applyRequests++;
        try {
          await client.apply(probe, { dryRun: true, force: false });
        } catch (error) {
          if (!(error instanceof KubernetesApiError)) throw error;
          // Only what admission says about the pods; field errors surface on the object itself.
          const pod = findingsFromStatus(error.status, { workload: unit.id, ref: refOf(object), resource: 'pods', serverVersion });
          for (const f of pod) if (['kubernetes/pod-security-rejected', 'kubernetes/admission-rejected', 'kubernetes/quota-exceeded'].includes(f.ruleId)) addFinding(unit, f);
        }
      }
    });
    const blocking = (unit: Unit) => (preflight.get(unit.id) ?? []).some((f) => f.severity === 'error');
    if (!dryRun && active.some(blocking)) {
      stepsState.set(String(step), { step, state: 'blocked', objects: [...hashes.keys()] });
      await saveState();
      reports.push({
        step,
        outcome: 'blocked',
        workloads: units.map((u) =>
          u.skipped ? workloadReport(u, 'skipped', u.skipped) : workloadReport(u, blocking(u) ? 'blocked' : 'not-reached', undefined, 'not-applied'),
        ),
      });
      emit({ type: 'step-done', step, outcome: 'blocked' });
      stop = { step, reason: 'blocked' };
      continue;
    }

    // Apply, workload by workload in parallel, objects of one workload in order.
    const actions = new Map<string, ObjectAction>();
    const held = new Map<string, string>();
    const warnedNamespaces = new Set<string>();
    await mapLimit(active, concurrency, async (unit) => {
      for (const object of unit.objects) {
        const key = objectKey(refOf(object));
        if (!dryRun && unit.dataMove && !options.skipDataMove && object.kind === 'StatefulSet') {
          if (!(await client.exists(object.apiVersion, object.kind, object.metadata.name, object.metadata.namespace))) {
            const runbook = (await ensureDataMoveRunbook(loaded, unit.id)) ?? runbookPath(unit.namespace, unit.name);
            findings.push(applyFinding('kubernetes/data-move-pending', 'pending', unit.id, { namespace: object.metadata.namespace, name: object.metadata.name, runbook }));
            held.set(unit.id, `data move pending: run ${runbook}`);
            actions.set(key, 'held');
            emit({ type: 'object', step, key, action: 'held' });
            continue;
          }
        }
        if (!dryRun && unchangedSince(key)) {
          actions.set(key, 'unchanged');
          continue;
        }
        let action: ObjectAction;
        try {
          applyRequests++;
          const applied = await client.apply(object, { dryRun, force: options.forceConflicts ?? false });
          const recorded = objectsState[key];
          action = dryRun ? 'dry-run' : applied.created ? 'created' : recorded !== undefined && recorded.resourceVersion === applied.resourceVersion && recorded.hash === hashes.get(key) ? 'unchanged' : 'configured';
          if (!dryRun) {
            objectsState[key] = {
              hash: hashes.get(key)!,
              ...(applied.uid ? { uid: applied.uid } : {}),
              ...(applied.generation !== undefined ? { generation: applied.generation } : {}),
              ...(applied.resourceVersion ? { resourceVersion: applied.resourceVersion } : {}),
            };
          }
          for (const warning of applied.warnings) {
            findings.push(applyFinding('kubernetes/admission-warning', 'warning', unit.id, { object: displayName(refOf(object)), detail: warning }));
          }
        } catch (error) {
          if (!(error instanceof KubernetesApiError)) throw error;
          const namespace = missingNamespaceOf(error.status);
          if (namespace && dryRun) {
            action = 'not-applied';
            if (!warnedNamespaces.has(`${unit.id}/${namespace}`)) {
              warnedNamespaces.add(`${unit.id}/${namespace}`);
              findings.push(applyFinding('kubernetes/namespace-missing', 'missing', unit.id, { namespace, object: displayName(refOf(object)), planDir: options.planDir }));
            }
          } else {
            action = 'failed';
            const served = await client.resourceFor(object.apiVersion, object.kind).catch(() => undefined);
            findings.push(...findingsFromStatus(error.status, { workload: unit.id, ref: refOf(object), resource: served?.plural ?? object.kind.toLowerCase(), serverVersion }));
          }
        }
        actions.set(key, action);
        emit({ type: 'object', step, key, action });
      }
    });
    const failed = (unit: Unit) => unit.objects.some((o) => actions.get(objectKey(refOf(o))) === 'failed');
    if (dryRun) {
      const outcome: StepOutcome = active.some((u) => failed(u) || blocking(u)) ? 'failed' : 'dry-run';
      reports.push({ step, outcome, workloads: units.map((u) => (u.skipped ? workloadReport(u, 'skipped', u.skipped) : workloadReport(u, failed(u) || blocking(u) ? 'failed' : 'dry-run', undefined, actions))) });
      emit({ type: 'step-done', step, outcome });
      continue;
    }
    stepsState.set(String(step), { step, state: 'applied', objects: [...hashes.keys()] });
    await saveState();
    if (active.some(failed)) {
      stepsState.set(String(step), { step, state: 'failed', objects: [...hashes.keys()] });
      await saveState();
      reports.push({ step, outcome: 'failed', workloads: units.map((u) => (u.skipped ? workloadReport(u, 'skipped', u.skipped) : workloadReport(u, failed(u) ? 'failed' : 'applied', undefined, actions))) });
      emit({ type: 'step-done', step, outcome: 'failed' });
      stop = { step, reason: 'failed' };
      continue;
    }

    // Health: every Deployment, StatefulSet and DaemonSet applied (or unchanged) in this step.
    const watched = active.flatMap((unit) => unit.objects.filter((o) => ROLLOUT_KINDS.has(o.kind) && actions.get(objectKey(refOf(o))) !== 'held').map((object) => ({ unit, object })));
    const health = await waitHealthy(client, watched.map((w) => w.object), { timeoutMs, pollIntervalMs, onWait: (pending) => emit({ type: 'waiting', step, pending, total: watched.length }) });
    const unhealthy = new Map<string, string>();
    for (const { unit, object } of watched) {
      const h = health.get(objectKey(refOf(object)))!;
      if (h.healthy) continue;
      unhealthy.set(unit.id, [unhealthy.get(unit.id), `${displayName(refOf(object))}: ${h.detail}`].filter(Boolean).join('; '));
      findings.push(
        applyFinding('kubernetes/rollout-unhealthy', 'unhealthy', unit.id, {
          object: displayName(refOf(object)),
          seconds: Math.round(timeoutMs / 1000),
          detail: h.detail,
          namespace: object.metadata.namespace ?? '',
          resource: object.kind.toLowerCase(),
          name: object.metadata.name,
        }),
      );
    }
    const outcome: StepOutcome = unhealthy.size > 0 ? 'unhealthy' : held.size > 0 ? 'held' : 'verified';
    stepsState.set(String(step), { step, state: outcome === 'verified' ? 'verified' : (outcome as StepState), objects: [...hashes.keys()] });
    await saveState();
    reports.push({
      step,
      outcome,
      workloads: units.map((u) => {
        if (u.skipped) return workloadReport(u, 'skipped', u.skipped);
        if (unhealthy.has(u.id)) return workloadReport(u, 'unhealthy', unhealthy.get(u.id), actions);
        if (held.has(u.id)) return workloadReport(u, 'held', held.get(u.id), actions);
        return workloadReport(u, 'ready', undefined, actions);
      }),
    });
    emit({ type: 'step-done', step, outcome });
    if (outcome !== 'verified') stop = { step, reason: outcome };
  }

  return {
    resultVersion: 'baton.dev/apply-result/v1',
    planDir: options.planDir,
    context: client.context,
    server: client.server,
    dryRun,
    complete: !stop,
    ...(stop ? { stoppedAt: stop.step, stopReason: stop.reason } : {}),
    ...(stateIgnored ? { stateIgnored } : {}),
    steps: reports,
    findings: findings.sort(compareFindings),
    applyRequests,
  };
}

/** namespaces, shared, then each wave up to `through`, each as units of work. */
function buildSteps(loaded: LoadedPlan, options: ApplyPlanOptions): { step: StepId; units: Unit[] }[] {
  const { plan, objects } = loaded;
  const only = options.only && options.only.length > 0 ? new Set(options.only) : undefined;
  const selected = plan.workloads.filter((w) => !only || only.has(w.id));
  const units = new Map(selected.map((w) => [w.id, workloadUnit(w, loaded, options.includeBlocked === true || Boolean(only?.has(w.id)))]));
  const namespaces = new Set([...units.values()].filter((u) => !u.skipped).flatMap((u) => [u.namespace, ...u.objects.map((o) => o.metadata.namespace ?? '')]));
  const inScope = (object: KubeObject) => !only || (object.kind === 'Namespace' ? namespaces.has(object.metadata.name) : !object.metadata.namespace || namespaces.has(object.metadata.namespace));
  const shared = plan.sharedObjects.map((ref) => objects.get(objectKey(ref))!).filter(inScope);
  // Shared objects are one unit `*` per step; an empty step has no unit and is reported as skipped.
  const sharedUnits = (list: KubeObject[]): Unit[] =>
    list.length === 0
      ? []
      : [{ id: '*', namespace: '', name: '', objects: order(list.filter((o) => o.kind !== 'Secret')), secrets: list.filter((o) => o.kind === 'Secret'), dataMove: false }];
  const steps: { step: StepId; units: Unit[] }[] = [{ step: 'namespaces', units: sharedUnits(shared.filter((o) => o.kind === 'Namespace')) }];
  if (options.through === 'namespaces') return steps;
  steps.push({ step: 'shared', units: sharedUnits(shared.filter((o) => o.kind !== 'Namespace')) });
  for (const wave of [...plan.waves].sort((a, b) => a.wave - b.wave)) {
    if (typeof options.through === 'number' && wave.wave > options.through) break;
    const waveUnits = wave.workloads.map((id) => units.get(id)).filter((u): u is Unit => u !== undefined);
    if (waveUnits.length > 0) steps.push({ step: wave.wave, units: waveUnits });
  }
  return steps;
}

function workloadUnit(workload: PlanWorkload, loaded: LoadedPlan, include: boolean): Unit {
  const all = workload.objects.map((ref) => loaded.objects.get(objectKey(ref))!);
  // The data move is the runbook's job: it is not a reason to skip the workload.
  const blockers = [...new Set(workload.findings.filter((f) => f.impact === 'blocker' && f.ruleId !== DATA_MIGRATION_RULE).map((f) => f.ruleId))].sort();
  return {
    id: workload.id,
    namespace: workload.namespace,
    name: workload.name,
    objects: order(all.filter((o) => o.kind !== 'Secret')),
    secrets: all.filter((o) => o.kind === 'Secret'),
    dataMove: workload.kind === 'stateful-service' || workload.findings.some((f) => f.ruleId === DATA_MIGRATION_RULE),
    ...(blockers.length > 0 && !include ? { skipped: `blocked in the plan (${blockers.join(', ')}); --include-blocked or --only ${workload.id} applies it anyway` } : {}),
  };
}

function order(objects: KubeObject[]): KubeObject[] {
  return objects.map((object, index) => ({ object, index })).sort((a, b) => applyRank(a.object.kind) - applyRank(b.object.kind) || a.index - b.index).map((e) => e.object);
}

/** A Pod from the object's template, dry-run applied so Pod Security and pod policies speak before the wave. */
function probePod(object: KubeObject): KubeObject | undefined {
  if (object.kind === 'Pod' || !object.metadata.namespace) return undefined;
  const template = podTemplateOf(object);
  if (!template?.spec) return undefined;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${object.metadata.name}-baton-probe`.slice(0, 253),
      namespace: object.metadata.namespace,
      ...(template.metadata?.labels ? { labels: template.metadata.labels } : {}),
      ...(template.metadata?.annotations ? { annotations: template.metadata.annotations } : {}),
    },
    spec: template.spec,
  };
}

async function waitHealthy(
  client: ClusterClient,
  objects: readonly KubeObject[],
  options: { timeoutMs: number; pollIntervalMs: number; onWait: (pending: number) => void },
): Promise<Map<string, RolloutHealth>> {
  const result = new Map<string, RolloutHealth>();
  let pending = [...objects];
  const deadline = Date.now() + options.timeoutMs;
  while (pending.length > 0) {
    const groups = new Map<string, { kind: 'Deployment' | 'StatefulSet' | 'DaemonSet'; namespace: string }>();
    for (const o of pending) groups.set(`${o.kind}/${o.metadata.namespace}`, { kind: o.kind as 'Deployment', namespace: o.metadata.namespace ?? '' });
    const live = new Map<string, Record<string, any>>();
    for (const group of groups.values()) {
      for (const item of await client.listRollouts(group.kind, group.namespace)) live.set(`${group.kind}/${group.namespace}/${item.metadata?.name}`, item);
    }
    const still: KubeObject[] = [];
    for (const o of pending) {
      const health = rolloutHealth(o.kind, live.get(`${o.kind}/${o.metadata.namespace}/${o.metadata.name}`));
      result.set(objectKey(refOf(o)), health);
      if (!health.healthy && !health.failed) still.push(o);
    }
    pending = still;
    if (pending.length === 0 || Date.now() >= deadline) break;
    options.onWait(pending.length);
    await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.min(options.pollIntervalMs, deadline - Date.now()))));
  }
  return result;
}

function workloadReport(unit: Unit, state: WorkloadState, detail?: string, actions?: ReadonlyMap<string, ObjectAction> | ObjectAction): WorkloadReport {
  return {
    id: unit.id,
    namespace: unit.namespace,
    name: unit.name,
    state,
    ...(detail ? { detail } : {}),
    objects: unit.objects.map((object) => {
      const key = objectKey(refOf(object));
      const action = typeof actions === 'string' ? actions : (actions?.get(key) ?? 'not-applied');
      return { key, kind: object.kind, name: object.metadata.name, ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}), action };
    }),
  };
}
