import { createHash } from 'node:crypto';

// What the controllers would write into `status` after a rollout step: the fake has no controllers, so
// the server fills status itself (at once in auto-ready mode, or as tests drive it with setRolloutProgress).

type Obj = Record<string, any>;

export interface RolloutProgress {
  /** Which kind to drive when a Deployment and a StatefulSet share a name. */
  readonly kind?: 'Deployment' | 'StatefulSet' | 'DaemonSet';
  /** Mark the rollout complete. */
  readonly ready?: boolean;
  readonly availableReplicas?: number;
  readonly readyReplicas?: number;
  readonly updatedReplicas?: number;
}

export const ROLLOUT_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

/** Status right after a spec change: complete when `ready`, otherwise nothing available yet. */
export function initialStatus(kind: string, object: Obj, previous: Obj | undefined, options: { ready: boolean; nodes: number; failure?: string }): Obj {
  const generation = object.metadata.generation as number;
  const replicas = desired(kind, object, options.nodes);
  // Pods that admission rejects never run, auto-ready or not.
  const ready = options.ready && !options.failure;
  if (kind === 'StatefulSet') {
    const revision = `${object.metadata.name}-${revisionHash(object.spec?.template)}`;
    const current = previous?.currentRevision ?? revision;
    return statefulSetStatus(generation, replicas, ready ? replicas : 0, ready ? revision : current, revision);
  }
  if (kind === 'DaemonSet') return daemonSetStatus(generation, replicas, ready ? replicas : 0);
  return deploymentStatus(generation, replicas, ready ? replicas : 0, ready ? replicas : 0, options.failure);
}

/** Status after a test moved the rollout forward. */
export function progressedStatus(kind: string, object: Obj, progress: RolloutProgress, nodes: number): Obj {
  const generation = object.metadata.generation as number;
  const replicas = desired(kind, object, nodes);
  const status = object.status ?? {};
  if (kind === 'StatefulSet') {
    const ready = progress.ready ? replicas : (progress.readyReplicas ?? progress.availableReplicas ?? status.readyReplicas ?? 0);
    const update = status.updateRevision ?? `${object.metadata.name}-${revisionHash(object.spec?.template)}`;
    return statefulSetStatus(generation, replicas, ready, ready >= replicas ? update : (status.currentRevision ?? update), update);
  }
  if (kind === 'DaemonSet') {
    return daemonSetStatus(generation, replicas, progress.ready ? replicas : (progress.availableReplicas ?? progress.readyReplicas ?? 0));
  }
  const available = progress.ready ? replicas : (progress.availableReplicas ?? status.availableReplicas ?? 0);
  const updated = progress.ready ? replicas : (progress.updatedReplicas ?? Math.max(available, status.updatedReplicas ?? 0));
  return deploymentStatus(generation, replicas, available, updated);
}

function desired(kind: string, object: Obj, nodes: number): number {
  if (kind === 'DaemonSet') return Math.max(nodes, 1);
  return typeof object.spec?.replicas === 'number' ? object.spec.replicas : 1;
}

function deploymentStatus(generation: number, replicas: number, available: number, updated: number, failure?: string): Obj {
  // Available means at least replicas - maxUnavailable (default 25%, rounded down) pods are available.
  const minAvailable = replicas - Math.floor(replicas * 0.25);
  const isAvailable = available >= minAvailable;
  const conditions: Obj[] = [
    isAvailable
      ? { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.' }
      : { type: 'Available', status: 'False', reason: 'MinimumReplicasUnavailable', message: 'Deployment does not have minimum availability.' },
    available >= replicas && updated >= replicas
      ? { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet has successfully progressed.' }
      : { type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated', message: 'ReplicaSet is progressing.' },
  ];
  if (failure) conditions.push({ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: failure });
  return compact({
    observedGeneration: generation,
    replicas: failure ? 0 : replicas,
    updatedReplicas: failure ? 0 : updated,
    readyReplicas: available,
    availableReplicas: available,
    unavailableReplicas: failure ? 0 : replicas - available,
    conditions,
  });
}

function statefulSetStatus(generation: number, replicas: number, ready: number, current: string, update: string): Obj {
  return compact({
    observedGeneration: generation,
    replicas: ready,
    readyReplicas: ready,
    currentReplicas: current === update ? ready : 0,
    updatedReplicas: ready,
    availableReplicas: ready,
    currentRevision: current,
    updateRevision: update,
    collisionCount: 0,
  });
}

function daemonSetStatus(generation: number, desiredNumber: number, ready: number): Obj {
  return {
    observedGeneration: generation,
    currentNumberScheduled: desiredNumber,
    desiredNumberScheduled: desiredNumber,
    numberMisscheduled: 0,
    numberReady: ready,
    numberAvailable: ready,
    updatedNumberScheduled: desiredNumber,
    ...(desiredNumber > ready ? { numberUnavailable: desiredNumber - ready } : {}),
  };
}

/** Counters at 0 are omitted, as the API server's `omitempty` does. */
function compact(status: Obj): Obj {
  return Object.fromEntries(Object.entries(status).filter(([key, value]) => value !== 0 || key === 'observedGeneration' || key === 'collisionCount'));
}

function revisionHash(template: unknown): string {
  return createHash('sha256').update(JSON.stringify(template ?? {})).digest('hex').slice(0, 10);
}
