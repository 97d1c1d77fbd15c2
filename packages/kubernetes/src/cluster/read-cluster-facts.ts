import { BatonError } from '@baton/core';
import {
  CLUSTER_SNAPSHOT_VERSION,
  CNI_ARG_PREFIXES,
  CNI_CONFIG_KEYS,
  CNI_ENV_NAMES,
  CNI_NAMESPACES,
  CNI_NODE_ANNOTATION_PREFIXES,
  type ClusterSnapshot,
  type SnapshotApiGroupVersion,
  type SnapshotConfigMap,
  type SnapshotDaemonSet,
} from './cluster-snapshot.js';
import { mapLimit } from './map-limit.js';
import { apiStatusOf, openKubeSession, sessionError, type KubeSession, type KubeTarget } from './kube-session.js';

type Obj = Record<string, any>;

export interface ReadClusterFactsOptions extends KubeTarget {
  /** Parallel discovery requests (default 8). */
  readonly concurrency?: number;
}

/**
 * Reads what CNI and CSI detection need from a live cluster, read-only: version, discovery, nodes,
 * DaemonSets, the CNI ConfigMaps, storage and ingress classes. Lists RBAC refuses are recorded in
 * `forbidden` and left empty; an unreachable cluster or rejected credentials are BATON3001.
 */
export async function readClusterFacts(options: ReadClusterFactsOptions = {}): Promise<ClusterSnapshot> {
  const session = await openKubeSession(options);
  const { k8s, kc } = session;
  const forbidden: string[] = [];

  let version: Obj;
  try {
    version = await kc.makeApiClient(k8s.VersionApi).getCode();
  } catch (error) {
    // The first call decides reachability: any failure here means we cannot talk to this cluster.
    const status = apiStatusOf(error);
    throw status && status.code !== 401
      ? new BatonError('BATON3001', { context: session.context, reason: `GET /version answered ${status.code}: ${status.message}` }, { cause: error })
      : sessionError(session, 'GET /version', error);
  }

  const apis = await discover(session, options.concurrency ?? 8);
  const served = new Set(apis.map((gv) => gv.groupVersion));

  /** One list call; 403 records the resource as forbidden, 404 (not served) gives nothing. */
  const optional = async <T>(resource: string, call: () => Promise<{ items: T[] }>): Promise<T[]> => {
    try {
      return (await call()).items;
    } catch (error) {
      const status = apiStatusOf(error);
      if (status?.code === 403) {
        if (!forbidden.includes(resource)) forbidden.push(resource);
        return [];
      }
      if (status?.code === 404) return [];
      throw sessionError(session, `LIST ${resource}`, error);
    }
  };

  const core = kc.makeApiClient(k8s.CoreV1Api);
  const apps = kc.makeApiClient(k8s.AppsV1Api);
  const storage = kc.makeApiClient(k8s.StorageV1Api);
  const networking = kc.makeApiClient(k8s.NetworkingV1Api);
  const custom = kc.makeApiClient(k8s.CustomObjectsApi);
  const customList = (group: string, version: string, plural: string) =>
    served.has(`${group}/${version}`) ? optional<Obj>(plural, () => custom.listClusterCustomObject({ group, version, plural })) : Promise.resolve([]);

  const [nodes, daemonSets, configMaps, storageClasses, csiDrivers, csiNodes, ingressClasses, snapshotClasses, gatewayClasses, installations, networks] =
    await Promise.all([
      optional<Obj>('nodes', () => core.listNode()),
      optional<Obj>('daemonsets', () => apps.listDaemonSetForAllNamespaces()),
      Promise.all(CNI_NAMESPACES.map((namespace) => optional<Obj>('configmaps', () => core.listNamespacedConfigMap({ namespace })))).then((lists) => lists.flat()),
      optional<Obj>('storageclasses', () => storage.listStorageClass()),
      optional<Obj>('csidrivers', () => storage.listCSIDriver()),
      optional<Obj>('csinodes', () => storage.listCSINode()),
      optional<Obj>('ingressclasses', () => networking.listIngressClass()),
      customList('snapshot.storage.k8s.io', 'v1', 'volumesnapshotclasses'),
      customList('gateway.networking.k8s.io', 'v1', 'gatewayclasses'),
      customList('operator.tigera.io', 'v1', 'installations'),
      customList('config.openshift.io', 'v1', 'networks'),
    ]);

  return {
    snapshotVersion: CLUSTER_SNAPSHOT_VERSION,
    context: session.context,
    version: { major: version.major, minor: version.minor, gitVersion: version.gitVersion, platform: version.platform },
    apis,
    nodes: byName(
      nodes.map((node) => ({
        name: node.metadata?.name ?? '',
        labels: sortedRecord(node.metadata?.labels),
        annotations: sortedRecord(pick(node.metadata?.annotations, (key) => CNI_NODE_ANNOTATION_PREFIXES.some((prefix) => key.startsWith(prefix)))),
        ...defined('providerID', node.spec?.providerID),
        podCIDRs: node.spec?.podCIDRs ?? (node.spec?.podCIDR ? [node.spec.podCIDR] : []),
        ...defined('kubeletVersion', node.status?.nodeInfo?.kubeletVersion),
        ...defined('osImage', node.status?.nodeInfo?.osImage),
        ...defined('containerRuntimeVersion', node.status?.nodeInfo?.containerRuntimeVersion),
        ...defined('architecture', node.status?.nodeInfo?.architecture),
      })),
    ),
    daemonSets: byNamespaceName(daemonSets.map(daemonSetFacts)),
    configMaps: byNamespaceName(configMaps.map(configMapFacts)),
    storageClasses: byName(
      storageClasses.map((sc) => ({
        name: sc.metadata?.name ?? '',
        provisioner: sc.provisioner ?? '',
        isDefault: isDefaultClass(sc.metadata?.annotations, ['storageclass.kubernetes.io/is-default-class', 'storageclass.beta.kubernetes.io/is-default-class']),
        allowVolumeExpansion: sc.allowVolumeExpansion === true,
        ...defined('volumeBindingMode', sc.volumeBindingMode),
        ...defined('reclaimPolicy', sc.reclaimPolicy),
        parameters: sortedRecord(sc.parameters),
        ...defined('allowedTopologies', sc.allowedTopologies),
        ...defined('mountOptions', sc.mountOptions),
      })),
    ),
    csiDrivers: byName(
      csiDrivers.map((driver) => ({
        name: driver.metadata?.name ?? '',
        ...defined('attachRequired', driver.spec?.attachRequired),
        ...defined('podInfoOnMount', driver.spec?.podInfoOnMount),
        ...defined('volumeLifecycleModes', driver.spec?.volumeLifecycleModes),
        ...defined('fsGroupPolicy', driver.spec?.fsGroupPolicy),
        ...defined('storageCapacity', driver.spec?.storageCapacity),
        ...defined('requiresRepublish', driver.spec?.requiresRepublish),
        ...defined('seLinuxMount', driver.spec?.seLinuxMount),
        labels: sortedRecord(driver.metadata?.labels),
      })),
    ),
    csiNodes: byName(
      csiNodes.map((csiNode) => ({
        name: csiNode.metadata?.name ?? '',
        drivers: (csiNode.spec?.drivers ?? [])
          .map((d: Obj) => ({ name: d.name, nodeID: d.nodeID, topologyKeys: [...(d.topologyKeys ?? [])].sort(), ...defined('allocatableCount', d.allocatable?.count) }))
          .sort((a: Obj, b: Obj) => compare(a.name, b.name)),
      })),
    ),
    volumeSnapshotClasses: byName(
      snapshotClasses.map((vsc) => ({
        name: vsc.metadata?.name ?? '',
        driver: vsc.driver ?? '',
        ...defined('deletionPolicy', vsc.deletionPolicy),
        isDefault: isDefaultClass(vsc.metadata?.annotations, ['snapshot.storage.kubernetes.io/is-default-class']),
      })),
    ),
    ingressClasses: byName(
      ingressClasses.map((ic) => ({
        name: ic.metadata?.name ?? '',
        controller: ic.spec?.controller ?? '',
        isDefault: isDefaultClass(ic.metadata?.annotations, ['ingressclass.kubernetes.io/is-default-class']),
      })),
    ),
    gatewayClasses: byName(gatewayClasses.map((gc) => ({ name: gc.metadata?.name ?? '', controllerName: gc.spec?.controllerName ?? '' }))),
    calicoInstallations: byName(
      installations.map((inst) => ({
        name: inst.metadata?.name ?? '',
        ...defined('cniType', inst.spec?.cni?.type),
        ...defined('kubernetesProvider', inst.spec?.kubernetesProvider),
        ...defined('hostPorts', inst.spec?.calicoNetwork?.hostPorts),
        ...defined('linuxDataplane', inst.spec?.calicoNetwork?.linuxDataplane),
        ipPools: (inst.spec?.calicoNetwork?.ipPools ?? []).map((pool: Obj) => pool.cidr).filter(Boolean).sort(),
      })),
    ),
    openshiftNetworks: byName(
      networks.map((net) => ({
        name: net.metadata?.name ?? '',
        ...defined('networkType', net.spec?.networkType),
        clusterNetwork: (net.spec?.clusterNetwork ?? []).map((n: Obj) => n.cidr).filter(Boolean),
        serviceNetwork: [...(net.spec?.serviceNetwork ?? [])],
      })),
    ),
    forbidden: forbidden.sort(),
  };
}

/** `/api/v1` plus every served version of every group in `/apis`, as one sorted list. */
async function discover(session: KubeSession, concurrency: number): Promise<SnapshotApiGroupVersion[]> {
  const { k8s, kc } = session;
  let groups: Obj;
  try {
    groups = await kc.makeApiClient(k8s.ApisApi).getAPIVersions();
  } catch (error) {
    throw sessionError(session, 'GET /apis', error);
  }
  const groupVersions: { group: string; version: string }[] = [{ group: '', version: 'v1' }];
  for (const group of groups.groups ?? []) for (const v of group.versions ?? []) groupVersions.push({ group: group.name, version: v.version });
  const core = kc.makeApiClient(k8s.CoreV1Api);
  const custom = kc.makeApiClient(k8s.CustomObjectsApi);
  const lists = await mapLimit(groupVersions, concurrency, async ({ group, version }) => {
    const gv = group ? `${group}/${version}` : version;
    try {
      const list: Obj = group ? await custom.getAPIResources({ group, version }) : await core.getAPIResources();
      return {
        groupVersion: gv,
        resources: (list.resources ?? [])
          .filter((r: Obj) => !String(r.name).includes('/'))
          .map((r: Obj) => ({ name: r.name, kind: r.kind, namespaced: r.namespaced === true }))
          .sort((a: Obj, b: Obj) => compare(a.name, b.name)),
      };
    } catch (error) {
      // An aggregated API whose backend is down answers 503: leave it out rather than fail the capture.
      const status = apiStatusOf(error);
      if (status && status.code !== 401) return { groupVersion: gv, resources: [] };
      throw sessionError(session, `GET ${group ? `/apis/${gv}` : '/api/v1'}`, error);
    }
  });
  return lists.sort((a, b) => compare(a.groupVersion, b.groupVersion));
}

function daemonSetFacts(ds: Obj): SnapshotDaemonSet {
  const spec = ds.spec?.template?.spec ?? {};
  return {
    namespace: ds.metadata?.namespace ?? '',
    name: ds.metadata?.name ?? '',
    labels: sortedRecord(ds.metadata?.labels),
    containers: [...(spec.initContainers ?? []), ...(spec.containers ?? [])].map((c: Obj) => ({
      name: c.name,
      image: c.image ?? '',
      // Literal values of the allow-listed names only: env can hold credentials.
      env: sortedRecord(Object.fromEntries((c.env ?? []).filter((e: Obj) => CNI_ENV_NAMES.has(e.name) && typeof e.value === 'string').map((e: Obj) => [e.name, e.value]))),
      args: [...(c.args ?? []), ...(c.command ?? [])].filter((a: string) => CNI_ARG_PREFIXES.some((prefix) => a.startsWith(prefix))),
    })),
    ...defined('desiredNumberScheduled', ds.status?.desiredNumberScheduled),
    ...defined('numberReady', ds.status?.numberReady),
  };
}

function configMapFacts(cm: Obj): SnapshotConfigMap {
  const name: string = cm.metadata?.name ?? '';
  const keys = CNI_CONFIG_KEYS[name] ?? [];
  return { namespace: cm.metadata?.namespace ?? '', name, data: sortedRecord(pick(cm.data, (key) => keys.includes(key))) };
}

function isDefaultClass(annotations: Record<string, string> | undefined, keys: readonly string[]): boolean {
  return keys.some((key) => annotations?.[key] === 'true');
}

function pick(record: Record<string, string> | undefined, keep: (key: string) => boolean): Record<string, string> {
  return Object.fromEntries(Object.entries(record ?? {}).filter(([key]) => keep(key)));
}

function sortedRecord(record: Record<string, string> | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(record ?? {}).sort(([a], [b]) => compare(a, b)));
}

/** `{key: value}` when value is defined, `{}` otherwise: absent facts stay absent in the JSON. */
function defined<K extends string, V>(key: K, value: V | undefined | null): { [P in K]?: V } {
  return value === undefined || value === null ? {} : ({ [key]: value } as { [P in K]?: V });
}

function byName<T extends { name: string }>(items: T[]): T[] {
  return items.sort((a, b) => compare(a.name, b.name));
}

function byNamespaceName<T extends { namespace: string; name: string }>(items: T[]): T[] {
  return items.sort((a, b) => compare(a.namespace, b.namespace) || compare(a.name, b.name));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
