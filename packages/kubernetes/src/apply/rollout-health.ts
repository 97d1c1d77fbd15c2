type Obj = Record<string, any>;

export interface RolloutHealth {
  readonly healthy: boolean;
  /** Will not get better by waiting (ProgressDeadlineExceeded). */
  readonly failed: boolean;
  /** What is missing, for the report: `available 1/3`, a ReplicaFailure message... */
  readonly detail: string;
}

/**
 * Whether the controller finished rolling out the generation Baton applied: Deployments available
 * with every replica updated, StatefulSets ready on the update revision, DaemonSets available on every node.
 */
export function rolloutHealth(kind: string, live: Obj | undefined): RolloutHealth {
  if (!live) return { healthy: false, failed: false, detail: 'the object does not exist' };
  const generation = live.metadata?.generation ?? 0;
  const status = live.status ?? {};
  const conditions: Obj[] = status.conditions ?? [];
  const observed = status.observedGeneration ?? 0;
  if (observed < generation) return { healthy: false, failed: false, detail: `the controller has not observed generation ${generation} yet` };
  switch (kind) {
    case 'Deployment': {
      const want = live.spec?.replicas ?? 1;
      const available = status.availableReplicas ?? 0;
      const updated = status.updatedReplicas ?? 0;
      const failure = conditions.find((c) => c.type === 'ReplicaFailure' && c.status === 'True');
      const progressing = conditions.find((c) => c.type === 'Progressing');
      const deadline = progressing?.status === 'False' && progressing.reason === 'ProgressDeadlineExceeded';
      const availableCondition = conditions.find((c) => c.type === 'Available');
      const healthy = available >= want && updated >= want && (want === 0 || availableCondition?.status === 'True');
      const parts = [`available ${available}/${want}`, `updated ${updated}/${want}`];
      if (failure) parts.push(`${failure.reason}: ${failure.message}`);
      if (deadline) parts.push(`ProgressDeadlineExceeded: ${progressing.message ?? ''}`.trim());
      return { healthy, failed: !healthy && deadline, detail: parts.join(', ') };
    }
    case 'StatefulSet': {
      const want = live.spec?.replicas ?? 1;
      const ready = status.readyReplicas ?? 0;
      const onUpdate = live.spec?.updateStrategy?.type === 'OnDelete' || status.currentRevision === status.updateRevision;
      const healthy = ready >= want && onUpdate;
      return { healthy, failed: false, detail: `ready ${ready}/${want}${onUpdate ? '' : `, revision ${status.currentRevision ?? '?'} -> ${status.updateRevision ?? '?'}`}` };
    }
    case 'DaemonSet': {
      const want = status.desiredNumberScheduled ?? 0;
      const available = status.numberAvailable ?? 0;
      const updated = status.updatedNumberScheduled ?? 0;
      return { healthy: available >= want && updated >= want, failed: false, detail: `available ${available}/${want}, updated ${updated}/${want}` };
    }
    default:
      return { healthy: true, failed: false, detail: '' };
  }
}
