import { BatonError } from '@baton/core';
import { apiStatusOf, openKubeSession, sessionError, type ApiStatus, type KubeSession, type KubeTarget } from '../cluster/kube-session.js';
import { parseWarnings } from './apply-findings.js';
import type { KubeObject } from './kube-object.js';

type Obj = Record<string, any>;

/** A refusal of the API server for one object: data for a finding, not a tool failure. */
export class KubernetesApiError extends Error {
  readonly status: ApiStatus;
  constructor(status: ApiStatus) {
    super(status.message);
    this.name = 'KubernetesApiError';
    this.status = status;
  }
}

export interface ServedResource {
  readonly plural: string;
  readonly namespaced: boolean;
}

export interface AppliedObject {
  /** 201: the apply created the object. */
  readonly created: boolean;
  readonly uid?: string;
  readonly generation?: number;
  readonly resourceVersion?: string;
  readonly warnings: readonly string[];
}

/**
 * What apply needs from a cluster, so that moving to client-node 2.x or raw requests is one file.
 * Methods throw KubernetesApiError for a Status the caller turns into findings, and BatonError
 * (BATON3001/3005) when the run cannot go on.
 */
export interface ClusterClient {
  readonly context: string;
  readonly server: string;
  /** `major.minor` of the server. */
  serverVersion(): Promise<string>;
  /** Discovery: how the cluster serves `apiVersion`/`kind`, or undefined when it does not. */
  resourceFor(apiVersion: string, kind: string): Promise<ServedResource | undefined>;
  /** Server-side apply with field manager `baton` and strict field validation. */
  apply(object: KubeObject, options: { readonly dryRun: boolean; readonly force: boolean }): Promise<AppliedObject>;
  exists(apiVersion: string, kind: string, name: string, namespace?: string): Promise<boolean>;
  /** Key names of a Secret, or undefined when it does not exist; values are dropped at once. */
  secretKeys(namespace: string, name: string): Promise<string[] | undefined>;
  /** Deployments, StatefulSets or DaemonSets of a namespace, with status. */
  listRollouts(kind: 'Deployment' | 'StatefulSet' | 'DaemonSet', namespace: string): Promise<Obj[]>;
}

export const FIELD_MANAGER = 'baton';

type Params = { name: string; namespace?: string; body: unknown; dryRun?: string; fieldManager: string; fieldValidation: string; force?: boolean };
type PatchCall = (apis: Apis, params: Params, options: unknown) => Promise<{ httpStatusCode: number; headers: Record<string, string>; data: Obj }>;
type Apis = ReturnType<typeof makeApis>;

// Typed client-node APIs send the body as given (KubernetesObjectApi.patch would drop fields it does not know).
const TYPED_PATCH: Readonly<Record<string, PatchCall>> = {
  'v1/Namespace': (a, p, o) => a.core.patchNamespaceWithHttpInfo(p as never, o as never),
  'v1/ConfigMap': (a, p, o) => a.core.patchNamespacedConfigMapWithHttpInfo(p as never, o as never),
  'v1/Service': (a, p, o) => a.core.patchNamespacedServiceWithHttpInfo(p as never, o as never),
  'v1/ServiceAccount': (a, p, o) => a.core.patchNamespacedServiceAccountWithHttpInfo(p as never, o as never),
  'v1/PersistentVolumeClaim': (a, p, o) => a.core.patchNamespacedPersistentVolumeClaimWithHttpInfo(p as never, o as never),
  'v1/PersistentVolume': (a, p, o) => a.core.patchPersistentVolumeWithHttpInfo(p as never, o as never),
  'v1/Pod': (a, p, o) => a.core.patchNamespacedPodWithHttpInfo(p as never, o as never),
  'v1/LimitRange': (a, p, o) => a.core.patchNamespacedLimitRangeWithHttpInfo(p as never, o as never),
  'v1/ResourceQuota': (a, p, o) => a.core.patchNamespacedResourceQuotaWithHttpInfo(p as never, o as never),
  'apps/v1/Deployment': (a, p, o) => a.apps.patchNamespacedDeploymentWithHttpInfo(p as never, o as never),
  'apps/v1/StatefulSet': (a, p, o) => a.apps.patchNamespacedStatefulSetWithHttpInfo(p as never, o as never),
  'apps/v1/DaemonSet': (a, p, o) => a.apps.patchNamespacedDaemonSetWithHttpInfo(p as never, o as never),
  'batch/v1/Job': (a, p, o) => a.batch.patchNamespacedJobWithHttpInfo(p as never, o as never),
  'batch/v1/CronJob': (a, p, o) => a.batch.patchNamespacedCronJobWithHttpInfo(p as never, o as never),
  'networking.k8s.io/v1/Ingress': (a, p, o) => a.networking.patchNamespacedIngressWithHttpInfo(p as never, o as never),
  'networking.k8s.io/v1/NetworkPolicy': (a, p, o) => a.networking.patchNamespacedNetworkPolicyWithHttpInfo(p as never, o as never),
  'networking.k8s.io/v1/IngressClass': (a, p, o) => a.networking.patchIngressClassWithHttpInfo(p as never, o as never),
  'policy/v1/PodDisruptionBudget': (a, p, o) => a.policy.patchNamespacedPodDisruptionBudgetWithHttpInfo(p as never, o as never),
  'autoscaling/v2/HorizontalPodAutoscaler': (a, p, o) => a.autoscaling.patchNamespacedHorizontalPodAutoscalerWithHttpInfo(p as never, o as never),
  'rbac.authorization.k8s.io/v1/Role': (a, p, o) => a.rbac.patchNamespacedRoleWithHttpInfo(p as never, o as never),
  'rbac.authorization.k8s.io/v1/RoleBinding': (a, p, o) => a.rbac.patchNamespacedRoleBindingWithHttpInfo(p as never, o as never),
  'rbac.authorization.k8s.io/v1/ClusterRole': (a, p, o) => a.rbac.patchClusterRoleWithHttpInfo(p as never, o as never),
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': (a, p, o) => a.rbac.patchClusterRoleBindingWithHttpInfo(p as never, o as never),
  'storage.k8s.io/v1/StorageClass': (a, p, o) => a.storage.patchStorageClassWithHttpInfo(p as never, o as never),
};

function makeApis(session: KubeSession) {
  const { k8s, kc } = session;
  return {
    core: kc.makeApiClient(k8s.CoreV1Api),
    apps: kc.makeApiClient(k8s.AppsV1Api),
    batch: kc.makeApiClient(k8s.BatchV1Api),
    networking: kc.makeApiClient(k8s.NetworkingV1Api),
    policy: kc.makeApiClient(k8s.PolicyV1Api),
    autoscaling: kc.makeApiClient(k8s.AutoscalingV2Api),
    rbac: kc.makeApiClient(k8s.RbacAuthorizationV1Api),
    storage: kc.makeApiClient(k8s.StorageV1Api),
    custom: kc.makeApiClient(k8s.CustomObjectsApi),
    version: kc.makeApiClient(k8s.VersionApi),
  };
}

/** Opens the kubeconfig and returns the client-node implementation of ClusterClient. */
export async function openClusterClient(target: KubeTarget = {}): Promise<ClusterClient> {
  const session = await openKubeSession(target);
  const apis = makeApis(session);
  const ssa = session.k8s.setHeaderOptions('Content-Type', session.k8s.PatchStrategy.ServerSideApply);
  const discovery = new Map<string, Promise<Obj[] | undefined>>();
  let version: Promise<string> | undefined;

  /** Runs one call; a Status becomes KubernetesApiError (except 401), anything else a BatonError. */
  const call = async <T>(request: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      const status = apiStatusOf(error);
      if (status && status.code !== 401) throw new KubernetesApiError(status);
      throw sessionError(session, request, error);
    }
  };

  /** Discovery and version failures end the run: without them nothing can be applied. */
  const fatal = (request: string, error: unknown): unknown =>
    error instanceof KubernetesApiError ? new BatonError('BATON3005', { status: error.status.code, request, reason: error.status.message }, { cause: error }) : error;

  const resources = (groupVersion: string): Promise<Obj[] | undefined> => {
    let cached = discovery.get(groupVersion);
    if (!cached) {
      const [group, v] = groupVersion.includes('/') ? groupVersion.split('/') : ['', groupVersion];
      cached = call(`GET ${group ? `/apis/${groupVersion}` : `/api/${groupVersion}`}`, async () =>
        ((group ? await apis.custom.getAPIResources({ group: group!, version: v! }) : await apis.core.getAPIResources()) as Obj).resources as Obj[],
      ).catch((error: unknown) => {
        if (error instanceof KubernetesApiError && error.status.code === 404) return undefined;
        throw fatal(`GET ${group ? `/apis/${groupVersion}` : `/api/${groupVersion}`}`, error);
      });
      discovery.set(groupVersion, cached);
    }
    return cached;
  };

  const client: ClusterClient = {
    context: session.context,
    server: session.server,
    serverVersion() {
      version ??= call('GET /version', () => apis.version.getCode()).then(
        (info) => `${info.major}.${info.minor.replace(/\D+$/, '')}`,
        (error: unknown) => {
          throw fatal('GET /version', error);
        },
      );
      return version;
    },
    async resourceFor(apiVersion, kind) {
      const list = await resources(apiVersion);
      const found = list?.find((r) => r.kind === kind && !String(r.name).includes('/'));
      return found ? { plural: found.name, namespaced: found.namespaced === true } : undefined;
    },
    async apply(object, options) {
      const params: Params = {
        name: object.metadata.name,
        ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}),
        body: object,
        fieldManager: FIELD_MANAGER,
        fieldValidation: 'Strict',
        ...(options.dryRun ? { dryRun: 'All' } : {}),
        ...(options.force ? { force: true } : {}),
      };
      const typed = TYPED_PATCH[`${object.apiVersion}/${object.kind}`];
      const request = `PATCH ${object.apiVersion} ${object.kind} ${object.metadata.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata.name}`;
      const info = await call(request, async () => {
        if (typed) return typed(apis, params, ssa);
        // Kinds without a typed API (CRDs such as ExternalSecret or HTTPRoute): the generic custom-object
        // call, which also sends the body as given, with the plural from discovery.
        const served = await client.resourceFor(object.apiVersion, object.kind);
        const [group, version] = object.apiVersion.split('/');
        if (!served || !version) throw new KubernetesApiError({ code: 404, reason: 'NotFound', message: `the server does not serve ${object.apiVersion} ${object.kind}` });
        const generic = { group: group!, version, plural: served.plural, ...params };
        return (served.namespaced
          ? apis.custom.patchNamespacedCustomObjectWithHttpInfo(generic as never, ssa as never)
          : apis.custom.patchClusterCustomObjectWithHttpInfo(generic as never, ssa as never)) as unknown as Promise<{ httpStatusCode: number; headers: Record<string, string>; data: Obj }>;
      });
      const metadata = (info.data?.metadata ?? {}) as Obj;
      return {
        created: info.httpStatusCode === 201,
        ...(metadata.uid ? { uid: String(metadata.uid) } : {}),
        ...(typeof metadata.generation === 'number' ? { generation: metadata.generation } : {}),
        ...(metadata.resourceVersion ? { resourceVersion: String(metadata.resourceVersion) } : {}),
        warnings: parseWarnings(info.headers?.warning),
      };
    },
    async exists(apiVersion, kind, name, namespace) {
      try {
        await call(`GET ${apiVersion} ${kind} ${name}`, async () => {
          if (apiVersion === 'v1' && kind === 'Namespace') return apis.core.readNamespace({ name });
          if (apiVersion === 'apps/v1' && kind === 'StatefulSet') return apis.apps.readNamespacedStatefulSet({ name, namespace: namespace! });
          const served = await client.resourceFor(apiVersion, kind);
          const [group, version] = apiVersion.split('/');
          if (!served || !version) throw new KubernetesApiError({ code: 404, message: 'not served' });
          return served.namespaced
            ? apis.custom.getNamespacedCustomObject({ group: group!, version, plural: served.plural, namespace: namespace!, name })
            : apis.custom.getClusterCustomObject({ group: group!, version, plural: served.plural, name });
        });
        return true;
      } catch (error) {
        if (error instanceof KubernetesApiError && error.status.code === 404) return false;
        throw error;
      }
    },
    async secretKeys(namespace, name) {
      try {
        const secret = await call(`GET v1 Secret ${namespace}/${name}`, () => apis.core.readNamespacedSecret({ name, namespace }));
        return [...Object.keys(secret.data ?? {}), ...Object.keys(secret.stringData ?? {})].sort();
      } catch (error) {
        if (error instanceof KubernetesApiError && error.status.code === 404) return undefined;
        throw error;
      }
    },
    async listRollouts(kind, namespace) {
      const list = await call(`LIST ${kind} ${namespace}`, () =>
        kind === 'Deployment'
          ? apis.apps.listNamespacedDeployment({ namespace })
          : kind === 'StatefulSet'
            ? apis.apps.listNamespacedStatefulSet({ namespace })
            : apis.apps.listNamespacedDaemonSet({ namespace }),
      );
      return list.items as Obj[];
    },
  };
  return client;
}
