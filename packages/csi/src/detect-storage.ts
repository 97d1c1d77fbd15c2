// Reads the storage half of a profile from a cluster snapshot (kubernetes-targets.md §2.1, §2.3).
// CSIDriver objects do not advertise access modes or block support, so those come from the
// driver catalog; the snapshot decides what is installed, expansion (StorageClasses), snapshots
// (VolumeSnapshotClasses), inline ephemeral volumes and fsGroup handling (CSIDriver spec) and
// topology (CSINode). Pure: the CLI reads the cluster, this only interprets.

import type {
  ClusterSnapshot,
  CsiDriverProfile,
  DetectionEvidence,
  StorageClassProfile,
  TargetProfileLayer,
} from '@baton/core';
import { csiDriverCatalog } from './catalog/csi-driver-catalog.js';

export interface StorageDetection extends DetectionEvidence {
  /**
   * The cluster's whole storage inventory. Merge it over the generic target and the CNI half,
   * not over `csiProfiles[...]`: classes and drivers merge by name, so built-in entries the
   * cluster lacks would survive.
   */
  readonly layer: TargetProfileLayer;
}

const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
const DEFAULT_CLASS_BETA = 'storageclass.beta.kubernetes.io/is-default-class';
const SOURCE = 'migrate target capture';

/** Provisioners that are not CSI drivers, so no CSIDriver object vouches for them: a class is enough. */
const NON_CSI_PROVISIONERS = new Set(
  Object.values(csiDriverCatalog)
    .filter((driver) => driver.csi === false)
    .map((driver) => driver.name),
);

const catalog = Object.values(csiDriverCatalog) as readonly CsiDriverProfile[];

function catalogEntry(name: string): CsiDriverProfile | undefined {
  return catalog.find((d) => d.name === name || (d.aliases ?? []).includes(name));
}

export function detectStorage(snapshot: ClusterSnapshot): StorageDetection {
  const evidence: string[] = [];
  const storageClasses = snapshot.storageClasses;
  const csiDrivers = snapshot.csiDrivers;

  if (storageClasses === undefined && csiDrivers === undefined) {
    evidence.push('no StorageClasses or CSIDrivers in the snapshot (not readable?)');
    return { confidence: 'low', evidence, layer: { $source: 'detectStorage', storage: { inventory: 'unknown', classes: [], drivers: [] } } };
  }

  // Several default classes: the newest wins (K8s 1.26+ behaviour, unverified).
  const defaults = (storageClasses ?? []).filter((sc) => isDefaultClass(sc.metadata.annotations));
  defaults.sort((a, b) => compare(b.metadata.creationTimestamp ?? '', a.metadata.creationTimestamp ?? ''));
  const defaultClass = defaults[0]?.metadata.name;

  const classes: StorageClassProfile[] = (storageClasses ?? []).map((sc) => ({
    name: sc.metadata.name,
    provisioner: sc.provisioner,
    isDefault: sc.metadata.name === defaultClass,
    ...(sc.allowVolumeExpansion !== undefined ? { allowVolumeExpansion: sc.allowVolumeExpansion } : {}),
    ...(sc.volumeBindingMode === 'Immediate' || sc.volumeBindingMode === 'WaitForFirstConsumer' ? { volumeBindingMode: sc.volumeBindingMode } : {}),
    ...(sc.reclaimPolicy === 'Delete' || sc.reclaimPolicy === 'Retain' ? { reclaimPolicy: sc.reclaimPolicy } : {}),
    ...(sc.parameters ? { parameters: { ...sc.parameters } } : {}),
    source: SOURCE,
  }));
  classes.sort((a, b) => compare(a.name, b.name));
  evidence.push(`StorageClasses: ${classes.map((c) => `${c.name} (${c.provisioner})`).join(', ') || 'none'}`);

  if (defaults.length > 1) evidence.push(`${defaults.length} default StorageClasses; the newest, ${defaultClass}, is assumed to win`);

  const installed = new Set((csiDrivers ?? []).map((d) => d.metadata.name));
  const names = new Set<string>(installed);
  for (const storageClass of classes) {
    if (NON_CSI_PROVISIONERS.has(storageClass.provisioner)) names.add(storageClass.provisioner);
    else if (!installed.has(catalogEntry(storageClass.provisioner)?.name ?? storageClass.provisioner)) {
      evidence.push(`StorageClass ${storageClass.name}: provisioner ${storageClass.provisioner} has no CSIDriver (not installed)`);
    }
  }

  const snapshotsServed = (snapshot.apiGroups ?? []).some((g) => g === 'snapshot.storage.k8s.io' || g.startsWith('snapshot.storage.k8s.io/'));
  const drivers = [...names].sort(compare).map((name) => driverProfile(name, snapshot, classes, snapshotsServed, evidence));

  const complete = storageClasses !== undefined && csiDrivers !== undefined;
  if (!complete) evidence.push(`${storageClasses === undefined ? 'StorageClasses' : 'CSIDrivers'} missing from the snapshot: inventory partial`);
  return {
    confidence: complete ? 'high' : 'low',
    evidence,
    layer: {
      $source: 'detectStorage',
      storage: {
        inventory: complete ? 'complete' : 'partial',
        classes,
        drivers,
        defaultClass: defaultClass ?? null,
        evidence,
      },
    },
  };
}

function driverProfile(
  name: string,
  snapshot: ClusterSnapshot,
  classes: readonly StorageClassProfile[],
  snapshotsServed: boolean,
  evidence: string[],
): CsiDriverProfile {
  const known = catalogEntry(name);
  const base: CsiDriverProfile = known
    ? { ...known, name }
    : {
        name,
        accessModes: ['ReadWriteOnce'],
        volumeModes: ['Filesystem'],
        expansion: 'unknown',
        snapshots: 'unknown',
        local: false,
        unverified: true,
        note: 'not in Baton\'s driver catalog: only ReadWriteOnce file systems are assumed',
      };
  const spec = snapshot.csiDrivers?.find((d) => d.metadata.name === name)?.spec;
  const ownClasses = classes.filter((c) => c.provisioner === name || (known?.aliases ?? []).includes(c.provisioner));

  // Expansion is a StorageClass switch: the driver may support it, but only classes that allow it expand.
  const expandable = ownClasses.some((c) => c.allowVolumeExpansion === true);
  const expansion = base.expansion === 'no' ? 'no' : ownClasses.length === 0 ? base.expansion : expandable ? (base.expansion === 'unknown' ? 'yes' : base.expansion) : 'no';

  // Snapshots need the snapshot API and a VolumeSnapshotClass for this driver.
  const hasSnapshotClass = (snapshot.volumeSnapshotClasses ?? []).some((vsc) => vsc.driver === name);
  const snapshots = base.snapshots === 'no' ? 'no' : snapshotsServed && hasSnapshotClass ? 'yes' : 'no';

  const topologyKeys = [
    ...new Set(
      (snapshot.csiNodes ?? []).flatMap((node) => (node.spec.drivers ?? []).filter((d) => d.name === name).flatMap((d) => d.topologyKeys ?? [])),
    ),
  ].sort(compare);

  const notes = [base.note, expansion === 'no' && base.expansion !== 'no' ? 'no StorageClass allows expansion' : undefined, snapshots === 'no' && base.snapshots !== 'no' ? 'no VolumeSnapshotClass' : undefined].filter(Boolean);
  evidence.push(`driver ${name}: ${known ? 'catalog' : 'unknown to the catalog'}${spec ? ', CSIDriver' : ''}${hasSnapshotClass ? ', VolumeSnapshotClass' : ''}${topologyKeys.length ? `, topology ${topologyKeys.join(' ')}` : ''}`);
  // Fields now read from the cluster are no longer unverified.
  const measured = new Set(['expansion', 'snapshots', ...(topologyKeys.length > 0 ? ['topologyKeys'] : [])]);
  const unverifiedFields = (base.unverifiedFields ?? []).filter((field) => !measured.has(field));
  const { unverifiedFields: _dropped, note: _note, ...rest } = base;

  return {
    ...rest,
    expansion,
    snapshots,
    ...(topologyKeys.length > 0 ? { topologyKeys } : {}),
    ...(spec?.volumeLifecycleModes ? { ephemeral: spec.volumeLifecycleModes.includes('Ephemeral') } : {}),
    ...(spec?.fsGroupPolicy === 'None' || spec?.fsGroupPolicy === 'File' || spec?.fsGroupPolicy === 'ReadWriteOnceWithFSType' ? { fsGroupPolicy: spec.fsGroupPolicy } : {}),
    ...(unverifiedFields.length > 0 ? { unverifiedFields } : {}),
    ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    source: known?.source ? `${SOURCE}; ${known.source}` : SOURCE,
  };
}

function isDefaultClass(annotations: Readonly<Record<string, string>> | undefined): boolean {
  return annotations?.[DEFAULT_CLASS] === 'true' || annotations?.[DEFAULT_CLASS_BETA] === 'true';
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
