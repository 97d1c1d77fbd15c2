import { createHash } from 'node:crypto';

/** A Kubernetes object as the writer wrote it into the manifests. */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
    readonly [key: string]: unknown;
  };
  readonly [key: string]: unknown;
}

export interface ObjectRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

/** Stable identity of an object in plan.json, the manifests and apply-state.json. */
export function objectKey(ref: ObjectRef): string {
  return `${ref.apiVersion}/${ref.kind}/${ref.namespace ?? ''}/${ref.name}`;
}

export function refOf(object: KubeObject): ObjectRef {
  return {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.metadata.name,
    ...(object.metadata.namespace !== undefined ? { namespace: object.metadata.namespace } : {}),
  };
}

/** `Deployment prod/web`, `Namespace prod`: how objects are named to people. */
export function displayName(ref: ObjectRef): string {
  return `${ref.kind} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}`;
}

/** sha256 of the canonical JSON (keys sorted): equal objects hash equal whatever the key order in the YAML. */
export function hashObject(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The pod template of the workload kinds that run pods, or undefined. */
export function podTemplateOf(object: KubeObject): { metadata?: Record<string, any>; spec?: Record<string, any> } | undefined {
  const spec = object.spec as Record<string, any> | undefined;
  switch (object.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return spec?.template;
    case 'CronJob':
      return spec?.jobTemplate?.spec?.template;
    case 'Pod':
      return { metadata: object.metadata as Record<string, any>, spec };
    default:
      return undefined;
  }
}

export const ROLLOUT_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet']);

// Apply order inside one workload (reference kubernetes-targets.md §3.6): config, storage, services,
// workloads, then what routes to them. The writer's order is kept among equals.
const KIND_RANK: Readonly<Record<string, number>> = {
  CustomResourceDefinition: 0,
  Namespace: 1,
  ResourceQuota: 2,
  LimitRange: 2,
  PriorityClass: 2,
  ServiceAccount: 3,
  ClusterRole: 3,
  ClusterRoleBinding: 3,
  Role: 3,
  RoleBinding: 3,
  ConfigMap: 4,
  Secret: 4,
  ExternalSecret: 4,
  StorageClass: 5,
  PersistentVolume: 5,
  PersistentVolumeClaim: 6,
  NetworkAttachmentDefinition: 6,
  Service: 7,
  Deployment: 8,
  StatefulSet: 8,
  DaemonSet: 8,
  Job: 8,
  CronJob: 8,
  PodDisruptionBudget: 9,
  HorizontalPodAutoscaler: 9,
  NetworkPolicy: 9,
  Ingress: 10,
  HTTPRoute: 10,
};

export function applyRank(kind: string): number {
  return KIND_RANK[kind] ?? 9;
}
