import { BatonError, type ClusterSnapshot } from '@baton/core';
import {
  CNI_CONFIG_KEYS,
  CNI_ENV_NAMES,
  CNI_NAMESPACES,
  CNI_NODE_ANNOTATION_PREFIXES,
  DETECTION_CUSTOM_RESOURCES,
  SECRET_FLAG,
  type CapturedClusterSnapshot,
} from './cluster-snapshot.js';
import { apiStatusOf, openKubeSession, sessionError, type KubeSession, type KubeTarget } from './kube-session.js';
import { mapLimit } from './map-limit.js';

type Obj = Record<string, any>;
type Meta = { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };

export interface ReadClusterFactsOptions extends KubeTarget {
  /** Parallel discovery requests (default 8). */
  readonly concurrency?: number;
}

/**
 * Reads, read-only, what CNI and CSI detection need from a live cluster into core's ClusterSnapshot:
 * version, served API groups (and every served kind), nodes, DaemonSets and Deployments of the CNI
 * namespaces, the CNI ConfigMaps (relevant keys only), storage, CSI, snapshot and ingress classes, and the
 * cluster-scoped custom resources detection reads. A list RBAC refuses is left out (detection then
 * lowers its confidence); an unreachable cluster or rejected credentials are BATON3001.
 */
export async function readClusterFacts(options: ReadClusterFactsOptions = {}): Promise<CapturedClusterSnapshot> {
  const session = await openKubeSession(options);
  const { k8s, kc } = session;

  let version: Obj;
  try {
    version = await kc.makeApiClient(k8s.VersionApi).getCode();
  } catch (error) {
    // The first call decides reachability: any failure here means this cluster cannot be read.
    const status = apiStatusOf(error);
    throw status && status.code !== 401
      ? new BatonError('BATON3001', { context: session.context, reason: `GET /version answered ${status.code}: ${status.message}` }, { cause: error })
      : sessionError(session, 'GET /version', error);
  }
  const { groups, servedApis } = await discover(session, options.concurrency ?? 8);

  /** One list call: 403 makes the list absent (undefined), 404 (not served) empty. */
  const list = async (resource: string, call: () => Promise<{ items: unknown[] }>): Promise<Obj[] | undefined> => {
    try {
      return (await call()).items as Obj[];
    } catch (error) {
      const status = apiStatusOf(error);
      if (status?.code === 403) return undefined;
      if (status?.code === 404) return [];
      throw sessionError(session, `LIST ${resource}`, error);
    }
  };
  /** The same list in several namespaces; absent when every one was refused. */
  const perNamespace = async (resource: string, call: (namespace: string) => Promise<{ items: unknown[] }>): Promise<Obj[] | undefined> => {
    const lists = await Promise.all(CNI_NAMESPACES.map((namespace) => list(resource, () => call(namespace))));
    return lists.every((l) => l === undefined) ? undefined : lists.flatMap((l) => l ?? []);
  };

  const core = kc.makeApiClient(k8s.CoreV1Api);
  const apps = kc.makeApiClient(k8s.AppsV1Api);
  const storage = kc.makeApiClient(k8s.StorageV1Api);
  const networking = kc.makeApiClient(k8s.NetworkingV1Api);
  const custom = kc.makeApiClient(k8s.CustomObjectsApi);
  const customList = (group: string, plural: string): Promise<Obj[] | undefined> => {
    const version = groups.get(group);
    return version ? list(plural, () => custom.listClusterCustomObject({ group, version, plural })) : Promise.resolve([]);
  };

  const [nodes, daemonSets, deployments, configMaps, storageClasses, csiDrivers, csiNodes, ingressClasses, snapshotClasses, ...customs] = await Promise.all([
    list('nodes', () => core.listNode()),
    list('daemonsets', () => apps.listDaemonSetForAllNamespaces()),
    perNamespace('deployments', (namespace) => apps.listNamespacedDeployment({ namespace })),
    perNamespace('configmaps', (namespace) => core.listNamespacedConfigMap({ namespace })),
    list('storageclasses', () => storage.listStorageClass()),
    list('csidrivers', () => storage.listCSIDriver()),
    list('csinodes', () => storage.listCSINode()),
    list('ingressclasses', () => networking.listIngressClass()),
    customList('snapshot.storage.k8s.io', 'volumesnapshotclasses'),
    ...DETECTION_CUSTOM_RESOURCES.map((cr) => customList(cr.group, cr.plural)),
  ]);

  const customResources = customs.every((c) => c === undefined)
    ? undefined
    : DETECTION_CUSTOM_RESOURCES.flatMap((cr, i) =>
        (customs[i] ?? []).map((item) => ({ apiVersion: `${cr.group}/${groups.get(cr.group)}`, kind: cr.kind, metadata: meta(item.metadata), ...defined('spec', item.spec) })),
      );

  const snapshot: ClusterSnapshot = {
    snapshotVersion: 1,
    version: { gitVersion: version.gitVersion, major: version.major, minor: version.minor },
    apiGroups: [...groups.keys()].sort(compare),
    ...defined(
      'nodes',
      nodes?.map((node) => ({
        metadata: meta(node.metadata, (key) => CNI_NODE_ANNOTATION_PREFIXES.some((prefix) => key.startsWith(prefix))),
        spec: { ...defined('providerID', node.spec?.providerID), ...defined('podCIDRs', node.spec?.podCIDRs), ...defined('podCIDR', node.spec?.podCIDR) },
        status: { nodeInfo: { ...defined('kubeletVersion', node.status?.nodeInfo?.kubeletVersion), ...defined('containerRuntimeVersion', node.status?.nodeInfo?.containerRuntimeVersion) } },
      })).sort(byMeta),
    ),
    ...defined('daemonSets', daemonSets?.map(workloadFacts).sort(byMeta)),
    ...defined('deployments', deployments?.map(workloadFacts).sort(byMeta)),
    ...defined(
      'configMaps',
      configMaps
        ?.filter((cm) => CNI_CONFIG_KEYS[cm.metadata?.name] !== undefined)
        .map((cm) => ({ metadata: meta(cm.metadata), data: pick(cm.data, (key) => CNI_CONFIG_KEYS[cm.metadata.name]!.includes(key)) }))
        .sort(byMeta),
    ),
    ...defined('customResources', customResources?.sort((a, b) => compare(a.kind, b.kind) || byMeta(a, b))),
    ...defined('ingressClasses', ingressClasses?.map((ic) => ({ metadata: meta(ic.metadata), spec: { ...defined('controller', ic.spec?.controller) } })).sort(byMeta)),
    ...defined(
      'storageClasses',
      storageClasses
        ?.map((sc) => ({
          metadata: meta(sc.metadata),
          provisioner: sc.provisioner ?? '',
          ...defined('allowVolumeExpansion', sc.allowVolumeExpansion),
          ...defined('volumeBindingMode', sc.volumeBindingMode),
          ...defined('reclaimPolicy', sc.reclaimPolicy),
          ...defined('parameters', sc.parameters ? sorted(sc.parameters) : undefined),
        }))
        .sort(byMeta),
    ),
    ...defined(
      'csiDrivers',
      csiDrivers
        ?.map((driver) => ({
          metadata: meta(driver.metadata),
          spec: {
            ...defined('attachRequired', driver.spec?.attachRequired),
            ...defined('podInfoOnMount', driver.spec?.podInfoOnMount),
            ...defined('volumeLifecycleModes', driver.spec?.volumeLifecycleModes),
            ...defined('fsGroupPolicy', driver.spec?.fsGroupPolicy),
            ...defined('storageCapacity', driver.spec?.storageCapacity),
          },
        }))
        .sort(byMeta),
    ),
    ...defined(
      'csiNodes',
      csiNodes
        ?.map((csiNode) => ({
          metadata: meta(csiNode.metadata),
          spec: {
            drivers: ((csiNode.spec?.drivers ?? []) as Obj[])
              .map((d) => ({ name: d.name, ...defined('nodeID', d.nodeID), topologyKeys: [...(d.topologyKeys ?? [])].sort(compare), ...defined('allocatable', d.allocatable?.count !== undefined ? { count: d.allocatable.count } : undefined) }))
              .sort((a, b) => compare(a.name, b.name)),
          },
        }))
        .sort(byMeta),
    ),
    ...defined('volumeSnapshotClasses', snapshotClasses?.map((vsc) => ({ metadata: meta(vsc.metadata), driver: vsc.driver ?? '', ...defined('deletionPolicy', vsc.deletionPolicy) })).sort(byMeta)),
  };
  return { ...snapshot, context: session.context, servedApis };
}

/** `/apis` (group -> preferred version) and every served `group/version/Kind`, core `v1` included. */
async function discover(session: KubeSession, concurrency: number): Promise<{ groups: Map<string, string>; servedApis: string[] }> {
  const { k8s, kc } = session;
  let list: Obj;
  try {
    list = await kc.makeApiClient(k8s.ApisApi).getAPIVersions();
  } catch (error) {
    throw sessionError(session, 'GET /apis', error);
  }
  const groups = new Map<string, string>();
  const groupVersions: { group: string; version: string }[] = [{ group: '', version: 'v1' }];
  for (const group of (list.groups ?? []) as Obj[]) {
    groups.set(group.name, group.preferredVersion?.version ?? group.versions?.[0]?.version);
    for (const v of group.versions ?? []) groupVersions.push({ group: group.name, version: v.version });
  }
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const custom = kc.makeApiClient(k8s.CustomObjectsApi);
  const kinds = await mapLimit(groupVersions, concurrency, async ({ group, version }) => {
    const gv = group ? `${group}/${version}` : version;
    try {
      const resources: Obj = group ? await custom.getAPIResources({ group, version }) : await core.getAPIResources();
      return ((resources.resources ?? []) as Obj[]).filter((r) => !String(r.name).includes('/')).map((r) => `${gv}/${r.kind}`);
    } catch (error) {
      // An aggregated API whose backend is down answers 503: leave it out rather than fail the capture.
      const status = apiStatusOf(error);
      if (status && status.code !== 401) return [];
      throw sessionError(session, `GET ${group ? `/apis/${gv}` : '/api/v1'}`, error);
    }
  });
  return { groups, servedApis: [...new Set(kinds.flat())].sort(compare) };
}

function workloadFacts(object: Obj) {
  const template = object.spec?.template ?? {};
  const container = (c: Obj) => ({
    name: c.name,
    ...defined('image', c.image),
    ...defined('args', c.args?.filter((a: string) => !SECRET_FLAG.test(a))),
    ...defined('command', c.command?.filter((a: string) => !SECRET_FLAG.test(a))),
    // Values of the allow-listed variables only; the others keep their names.
    ...defined('env', c.env?.map((e: Obj) => (CNI_ENV_NAMES.has(e.name) && typeof e.value === 'string' ? { name: e.name, value: e.value } : { name: e.name }))),
  });
  return {
    metadata: meta(object.metadata),
    spec: {
      template: {
        metadata: { ...defined('labels', template.metadata?.labels ? sorted(template.metadata.labels) : undefined) },
        spec: {
          ...defined('containers', template.spec?.containers?.map(container)),
          ...defined('initContainers', template.spec?.initContainers?.map(container)),
          ...defined('volumes', template.spec?.volumes?.filter((v: Obj) => v.configMap).map((v: Obj) => ({ name: v.name, configMap: { name: v.configMap.name } }))),
        },
      },
    },
  };
}

/** Name, namespace, labels and (filtered) annotations: what detection reads from metadata. */
function meta(metadata: Obj | undefined, annotationFilter?: (key: string) => boolean): Meta {
  const annotations = annotationFilter ? pick(metadata?.annotations, annotationFilter) : metadata?.annotations;
  return {
    name: metadata?.name ?? '',
    ...defined('namespace', metadata?.namespace),
    ...defined('labels', metadata?.labels ? sorted(metadata.labels) : undefined),
    ...defined('annotations', annotations && Object.keys(annotations).length > 0 ? sorted(annotations) : undefined),
  };
}

function pick(record: Record<string, string> | undefined, keep: (key: string) => boolean): Record<string, string> {
  return sorted(Object.fromEntries(Object.entries(record ?? {}).filter(([key]) => keep(key))));
}

function sorted(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compare(a, b)));
}

/** `{key: value}` when value is defined, `{}` otherwise: absent facts stay absent in the JSON. */
function defined<K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } {
  return value === undefined || value === null ? {} : ({ [key]: value } as { [P in K]?: V });
}

function byMeta(a: { metadata: Meta }, b: { metadata: Meta }): number {
  return compare(a.metadata.namespace ?? '', b.metadata.namespace ?? '') || compare(a.metadata.name, b.metadata.name);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
