import type { MapContext } from './context.js';
import type { K8sToleration } from './k8s-types.js';

export type DeploymentStrategy = { type: 'Recreate' } | { type: 'RollingUpdate'; rollingUpdate: { maxUnavailable: number; maxSurge: number } };

export interface RolloutResult {
  readonly strategy?: DeploymentStrategy;
  readonly updateStrategy?: { type: 'RollingUpdate' };
  readonly tolerations: readonly K8sToleration[];
}

// Float noise guard: 10 * 0.3 is 3.0000000000000004 and must not round up to 4.
const EPSILON = 1e-9;

/**
 * Marathon's upgrade arithmetic (§6.1): minHealthy = ceil(n × mhc), maxCapacity = floor(n × (1 + moc)).
 * maxUnavailable = n − minHealthy; maxSurge = floor(n × moc); both 0 → maxSurge 1 (Marathon allows one
 * extra instance); mhc = 0 and moc = 0 → Recreate.
 */
export function deploymentStrategy(instances: number, minimumHealthCapacity: number, maximumOverCapacity: number): DeploymentStrategy {
  if (minimumHealthCapacity <= 0 && maximumOverCapacity <= 0) return { type: 'Recreate' };
  const maxUnavailable = Math.max(0, instances - Math.ceil(instances * minimumHealthCapacity - EPSILON));
  let maxSurge = Math.max(0, Math.floor(instances * maximumOverCapacity + EPSILON));
  if (maxUnavailable === 0 && maxSurge === 0) maxSurge = 1;
  return { type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge } };
}

const DEFAULT_BACKOFF = { seconds: 1, factor: 1.15, maxLaunchDelaySeconds: [300, 3600] };

export function mapRollout(ctx: MapContext, kind: 'Deployment' | 'StatefulSet' | 'Job', singleNodeClaim: string | undefined): RolloutResult {
  const { workload, report } = ctx;
  const { rollout } = workload;
  let strategy: DeploymentStrategy | undefined;
  let updateStrategy: { type: 'RollingUpdate' } | undefined;
  if (kind === 'Deployment') {
    strategy = deploymentStrategy(workload.replicas, rollout.minimumHealthCapacity, rollout.maximumOverCapacity);
    if (singleNodeClaim && strategy.type !== 'Recreate') {
      strategy = { type: 'Recreate' };
      report('kubernetes/rollout-approximated', 'recreateForVolume', { data: { volume: singleNodeClaim } });
    }
  } else if (kind === 'StatefulSet') {
    updateStrategy = { type: 'RollingUpdate' };
    const marathon = deploymentStrategy(workload.replicas, rollout.minimumHealthCapacity, rollout.maximumOverCapacity);
    const maxUnavailable = marathon.type === 'Recreate' ? workload.replicas : marathon.rollingUpdate.maxUnavailable;
    if (maxUnavailable > 1) report('kubernetes/rollout-approximated', 'statefulSetUpdate', { data: { maxUnavailable } });
  }

  if (rollout.killSelection === 'OLDEST_FIRST') report('kubernetes/rollout-approximated', 'killSelection');
  const backoff = rollout.backoff;
  if (
    backoff &&
    (backoff.seconds !== DEFAULT_BACKOFF.seconds || backoff.factor !== DEFAULT_BACKOFF.factor || !DEFAULT_BACKOFF.maxLaunchDelaySeconds.includes(backoff.maxLaunchDelaySeconds))
  ) {
    report('kubernetes/rollout-approximated', 'backoff', { data: { seconds: backoff.seconds, factor: backoff.factor, max: backoff.maxLaunchDelaySeconds } });
  }

  return { ...(strategy ? { strategy } : {}), ...(updateStrategy ? { updateStrategy } : {}), tolerations: unreachableTolerations(ctx) };
}

/**
 * `unreachableStrategy` → NoExecute tolerations for the not-ready and unreachable node taints:
 * `inactiveAfterSeconds` is how long the pod stays bound to a lost node before it is evicted and
 * replaced (0, Marathon's default, evicts as soon as the node is tainted); `disabled` tolerates
 * forever. Kubernetes has no counterpart of `expungeAfterSeconds`: the old pod is removed when the
 * node comes back.
 */
function unreachableTolerations(ctx: MapContext): K8sToleration[] {
  const unreachable = ctx.workload.rollout.unreachable;
  if (unreachable === undefined) return [];
  const seconds = unreachable === 'disabled' ? undefined : Math.max(0, Math.round(unreachable.inactiveAfterSeconds));
  return ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'].map((key) => ({
    key,
    operator: 'Exists' as const,
    effect: 'NoExecute' as const,
    ...(seconds !== undefined ? { tolerationSeconds: seconds } : {}),
  }));
}
