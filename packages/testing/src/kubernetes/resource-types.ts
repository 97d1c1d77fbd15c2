/** One served resource, as discovery (`APIResourceList`) describes it. */
export interface ResourceType {
  /** `''` for the core group. */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** Lower-case plural used in URLs, e.g. `deployments`. */
  readonly plural: string;
  readonly namespaced: boolean;
  readonly shortNames?: readonly string[];
  /** Model in field-schema.generated.json; absent means no strict field knowledge (CRDs). */
  readonly model?: string;
  /** Subresources served next to the resource (`status`, `scale`). */
  readonly subresources?: readonly string[];
}

export type CustomResourceType = Omit<ResourceType, 'model' | 'subresources'>;

const VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

// The built-in kinds of a Kubernetes 1.34 API server that Baton reads or writes.
export const BUILT_IN_TYPES: readonly ResourceType[] = [
  { group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', namespaced: false, shortNames: ['ns'], model: 'V1Namespace', subresources: ['status'] },
  { group: '', version: 'v1', kind: 'Node', plural: 'nodes', namespaced: false, shortNames: ['no'], model: 'V1Node', subresources: ['status'] },
  { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', namespaced: true, shortNames: ['cm'], model: 'V1ConfigMap' },
  { group: '', version: 'v1', kind: 'Secret', plural: 'secrets', namespaced: true, model: 'V1Secret' },
  { group: '', version: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts', namespaced: true, shortNames: ['sa'], model: 'V1ServiceAccount' },
  { group: '', version: 'v1', kind: 'Service', plural: 'services', namespaced: true, shortNames: ['svc'], model: 'V1Service', subresources: ['status'] },
  { group: '', version: 'v1', kind: 'Endpoints', plural: 'endpoints', namespaced: true, shortNames: ['ep'], model: 'V1Endpoints' },
  { group: '', version: 'v1', kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims', namespaced: true, shortNames: ['pvc'], model: 'V1PersistentVolumeClaim', subresources: ['status'] },
  { group: '', version: 'v1', kind: 'PersistentVolume', plural: 'persistentvolumes', namespaced: false, shortNames: ['pv'], model: 'V1PersistentVolume', subresources: ['status'] },
  { group: '', version: 'v1', kind: 'Pod', plural: 'pods', namespaced: true, shortNames: ['po'], model: 'V1Pod', subresources: ['status'] },
  { group: '', version: 'v1', kind: 'LimitRange', plural: 'limitranges', namespaced: true, shortNames: ['limits'], model: 'V1LimitRange' },
  { group: '', version: 'v1', kind: 'ResourceQuota', plural: 'resourcequotas', namespaced: true, shortNames: ['quota'], model: 'V1ResourceQuota', subresources: ['status'] },
  { group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', namespaced: true, shortNames: ['deploy'], model: 'V1Deployment', subresources: ['scale', 'status'] },
  { group: 'apps', version: 'v1', kind: 'StatefulSet', plural: 'statefulsets', namespaced: true, shortNames: ['sts'], model: 'V1StatefulSet', subresources: ['scale', 'status'] },
  { group: 'apps', version: 'v1', kind: 'DaemonSet', plural: 'daemonsets', namespaced: true, shortNames: ['ds'], model: 'V1DaemonSet', subresources: ['status'] },
  { group: 'apps', version: 'v1', kind: 'ReplicaSet', plural: 'replicasets', namespaced: true, shortNames: ['rs'], model: 'V1ReplicaSet', subresources: ['scale', 'status'] },
  { group: 'batch', version: 'v1', kind: 'Job', plural: 'jobs', namespaced: true, model: 'V1Job', subresources: ['status'] },
  { group: 'batch', version: 'v1', kind: 'CronJob', plural: 'cronjobs', namespaced: true, shortNames: ['cj'], model: 'V1CronJob', subresources: ['status'] },
  { group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', plural: 'ingresses', namespaced: true, shortNames: ['ing'], model: 'V1Ingress', subresources: ['status'] },
  { group: 'networking.k8s.io', version: 'v1', kind: 'IngressClass', plural: 'ingressclasses', namespaced: false, model: 'V1IngressClass' },
  { group: 'networking.k8s.io', version: 'v1', kind: 'NetworkPolicy', plural: 'networkpolicies', namespaced: true, shortNames: ['netpol'], model: 'V1NetworkPolicy' },
  { group: 'policy', version: 'v1', kind: 'PodDisruptionBudget', plural: 'poddisruptionbudgets', namespaced: true, shortNames: ['pdb'], model: 'V1PodDisruptionBudget', subresources: ['status'] },
  { group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler', plural: 'horizontalpodautoscalers', namespaced: true, shortNames: ['hpa'], model: 'V2HorizontalPodAutoscaler', subresources: ['status'] },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'Role', plural: 'roles', namespaced: true, model: 'V1Role' },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'RoleBinding', plural: 'rolebindings', namespaced: true, model: 'V1RoleBinding' },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRole', plural: 'clusterroles', namespaced: false, model: 'V1ClusterRole' },
  { group: 'rbac.authorization.k8s.io', version: 'v1', kind: 'ClusterRoleBinding', plural: 'clusterrolebindings', namespaced: false, model: 'V1ClusterRoleBinding' },
  { group: 'storage.k8s.io', version: 'v1', kind: 'StorageClass', plural: 'storageclasses', namespaced: false, shortNames: ['sc'], model: 'V1StorageClass' },
  { group: 'storage.k8s.io', version: 'v1', kind: 'CSIDriver', plural: 'csidrivers', namespaced: false, model: 'V1CSIDriver' },
  { group: 'storage.k8s.io', version: 'v1', kind: 'CSINode', plural: 'csinodes', namespaced: false, model: 'V1CSINode' },
  { group: 'scheduling.k8s.io', version: 'v1', kind: 'PriorityClass', plural: 'priorityclasses', namespaced: false, shortNames: ['pc'], model: 'V1PriorityClass' },
];

/** Ready-made CRD kinds tests can pass as `customResources` (as their projects install them). */
export const COMMON_CUSTOM_RESOURCES = {
  externalSecret: { group: 'external-secrets.io', version: 'v1', kind: 'ExternalSecret', plural: 'externalsecrets', namespaced: true, shortNames: ['es'] },
  volumeSnapshotClass: { group: 'snapshot.storage.k8s.io', version: 'v1', kind: 'VolumeSnapshotClass', plural: 'volumesnapshotclasses', namespaced: false, shortNames: ['vsclass', 'vsclasses'] },
  gatewayClass: { group: 'gateway.networking.k8s.io', version: 'v1', kind: 'GatewayClass', plural: 'gatewayclasses', namespaced: false, shortNames: ['gc'] },
  httpRoute: { group: 'gateway.networking.k8s.io', version: 'v1', kind: 'HTTPRoute', plural: 'httproutes', namespaced: true },
  networkAttachmentDefinition: { group: 'k8s.cni.cncf.io', version: 'v1', kind: 'NetworkAttachmentDefinition', plural: 'network-attachment-definitions', namespaced: true, shortNames: ['net-attach-def'] },
  calicoInstallation: { group: 'operator.tigera.io', version: 'v1', kind: 'Installation', plural: 'installations', namespaced: false },
  ciliumNetworkPolicy: { group: 'cilium.io', version: 'v2', kind: 'CiliumNetworkPolicy', plural: 'ciliumnetworkpolicies', namespaced: true, shortNames: ['cnp'] },
} as const satisfies Record<string, CustomResourceType>;

export function groupVersionOf(type: Pick<ResourceType, 'group' | 'version'>): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** Discovery's `APIResource` entries for one group/version, subresources included. */
export function apiResourcesOf(types: readonly ResourceType[]): unknown[] {
  const out: unknown[] = [];
  for (const type of types) {
    out.push({
      name: type.plural,
      singularName: type.kind.toLowerCase(),
      namespaced: type.namespaced,
      kind: type.kind,
      verbs: VERBS,
      ...(type.shortNames ? { shortNames: type.shortNames } : {}),
    });
    for (const sub of type.subresources ?? []) {
      out.push({
        name: `${type.plural}/${sub}`,
        singularName: '',
        namespaced: type.namespaced,
        ...(sub === 'scale' ? { group: 'autoscaling', version: 'v1', kind: 'Scale' } : { kind: type.kind }),
        verbs: ['get', 'patch', 'update'],
      });
    }
  }
  return out;
}
