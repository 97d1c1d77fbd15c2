// Which apiVersion/kind pairs an API server of a given minor serves, for the built-in groups.
// Sources: the Kubernetes deprecated API migration guide and the release notes of each minor.

/** Groups served by kube-apiserver itself; anything else is a CRD and not tied to the minor. */
const BUILT_IN_GROUPS = new Set([
  '', 'apps', 'batch', 'policy', 'autoscaling', 'extensions', 'networking.k8s.io', 'rbac.authorization.k8s.io',
  'storage.k8s.io', 'scheduling.k8s.io', 'coordination.k8s.io', 'discovery.k8s.io', 'node.k8s.io',
  'certificates.k8s.io', 'admissionregistration.k8s.io', 'apiextensions.k8s.io', 'apiregistration.k8s.io',
  'flowcontrol.apiserver.k8s.io', 'events.k8s.io', 'resource.k8s.io', 'authentication.k8s.io',
  'authorization.k8s.io', 'storagemigration.k8s.io', 'internal.apiserver.k8s.io',
]);

interface Served {
  /** First minor that serves it (absent: before any minor we support). */
  readonly since?: number;
  /** First minor that no longer serves it. */
  readonly removed?: number;
  /** What to use instead, for the message. */
  readonly use?: string;
}

const SERVED: Readonly<Record<string, Served>> = {
  'v1/Namespace': {}, 'v1/Service': {}, 'v1/ConfigMap': {}, 'v1/Secret': {}, 'v1/PersistentVolumeClaim': {},
  'v1/PersistentVolume': {}, 'v1/ServiceAccount': {}, 'v1/Pod': {}, 'v1/Endpoints': {}, 'v1/LimitRange': {},
  'v1/ResourceQuota': {}, 'v1/ReplicationController': {},
  'apps/v1/Deployment': {}, 'apps/v1/StatefulSet': {}, 'apps/v1/DaemonSet': {}, 'apps/v1/ReplicaSet': {},
  'apps/v1beta1/Deployment': { removed: 16, use: 'apps/v1' }, 'apps/v1beta2/Deployment': { removed: 16, use: 'apps/v1' },
  'apps/v1beta1/StatefulSet': { removed: 16, use: 'apps/v1' }, 'apps/v1beta2/StatefulSet': { removed: 16, use: 'apps/v1' },
  'apps/v1beta2/DaemonSet': { removed: 16, use: 'apps/v1' },
  'extensions/v1beta1/Deployment': { removed: 16, use: 'apps/v1' }, 'extensions/v1beta1/DaemonSet': { removed: 16, use: 'apps/v1' },
  'extensions/v1beta1/NetworkPolicy': { removed: 16, use: 'networking.k8s.io/v1' },
  'extensions/v1beta1/Ingress': { removed: 22, use: 'networking.k8s.io/v1' },
  'batch/v1/Job': {}, 'batch/v1/CronJob': {},
  'batch/v1beta1/CronJob': { removed: 25, use: 'batch/v1' }, 'batch/v2alpha1/CronJob': { removed: 21, use: 'batch/v1' },
  'networking.k8s.io/v1/Ingress': {}, 'networking.k8s.io/v1/IngressClass': {}, 'networking.k8s.io/v1/NetworkPolicy': {},
  'networking.k8s.io/v1beta1/Ingress': { removed: 22, use: 'networking.k8s.io/v1' },
  'networking.k8s.io/v1beta1/IngressClass': { removed: 22, use: 'networking.k8s.io/v1' },
  'policy/v1/PodDisruptionBudget': {},
  'policy/v1beta1/PodDisruptionBudget': { removed: 25, use: 'policy/v1' },
  'policy/v1beta1/PodSecurityPolicy': { removed: 25, use: 'Pod Security Admission' },
  'autoscaling/v1/HorizontalPodAutoscaler': {}, 'autoscaling/v2/HorizontalPodAutoscaler': {},
  'autoscaling/v2beta1/HorizontalPodAutoscaler': { removed: 25, use: 'autoscaling/v2' },
  'autoscaling/v2beta2/HorizontalPodAutoscaler': { removed: 26, use: 'autoscaling/v2' },
  'rbac.authorization.k8s.io/v1/Role': {}, 'rbac.authorization.k8s.io/v1/RoleBinding': {},
  'rbac.authorization.k8s.io/v1/ClusterRole': {}, 'rbac.authorization.k8s.io/v1/ClusterRoleBinding': {},
  'storage.k8s.io/v1/StorageClass': {}, 'scheduling.k8s.io/v1/PriorityClass': {},
  'storage.k8s.io/v1/VolumeAttributesClass': { since: 34 },
  'resource.k8s.io/v1/ResourceClaim': { since: 34 }, 'resource.k8s.io/v1/ResourceClaimTemplate': { since: 34 },
  'admissionregistration.k8s.io/v1/ValidatingAdmissionPolicy': { since: 30 },
  'flowcontrol.apiserver.k8s.io/v1/FlowSchema': {},
  'flowcontrol.apiserver.k8s.io/v1beta3/FlowSchema': { removed: 32, use: 'flowcontrol.apiserver.k8s.io/v1' },
};

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

export function isBuiltInGroup(apiVersion: string): boolean {
  return BUILT_IN_GROUPS.has(groupOf(apiVersion));
}

/** Why `apiVersion`/`kind` of a built-in group is not served by the minor, or null when it is. */
export function notServedReason(apiVersion: string, kind: string, minor: number): string | null {
  const s = SERVED[`${apiVersion}/${kind}`];
  if (!s) return `${kind} is not served as ${apiVersion} by Kubernetes (not a known built-in API)`;
  if (s.removed !== undefined && minor >= s.removed) {
    return `${apiVersion} ${kind} is not served since Kubernetes 1.${s.removed}${s.use ? `; use ${s.use}` : ''}`;
  }
  if (s.since !== undefined && minor < s.since) return `${apiVersion} ${kind} is served from Kubernetes 1.${s.since}`;
  return null;
}
