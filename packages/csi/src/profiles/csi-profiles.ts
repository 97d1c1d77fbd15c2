// The storage half of each built-in target profile (kubernetes-targets.md §5.1), keyed by profile
// id. `admission` repeats what @baton/cni's half says, because host-path rules depend on it and
// plugins never import each other. Compose a full profile with
// `mergeTargetProfile(GENERIC_TARGET, cniProfiles[id], csiProfiles[id], overrides)`.

import type { CsiDriverProfile, StorageClassProfile, TargetProfile, TargetProfileLayer } from '@baton/core';
import { csiDriverCatalog, type CatalogDriverName } from '../catalog/csi-driver-catalog.js';

export const BUILT_IN_PROFILE_IDS = [
  'kind',
  'k3s',
  'kubeadm-calico',
  'kubeadm-flannel',
  'eks',
  'eks-netpol',
  'gke',
  'gke-autopilot',
  'aks',
  'openshift',
  'generic',
] as const;

export type BuiltInProfileId = (typeof BUILT_IN_PROFILE_IDS)[number];

type CsiHalf = TargetProfileLayer & {
  readonly id: BuiltInProfileId;
  readonly storage: {
    readonly classes: readonly StorageClassProfile[];
    readonly drivers: readonly CsiDriverProfile[];
    readonly defaultClass?: string;
    readonly inventory: NonNullable<TargetProfile['storage']['inventory']>;
    readonly note?: string;
  };
  readonly admission: TargetProfile['admission'];
};

const drivers = (...names: CatalogDriverName[]): CsiDriverProfile[] => names.map((name) => csiDriverCatalog[name]);

function storageClass(partial: StorageClassProfile): StorageClassProfile {
  return { reclaimPolicy: 'Delete', ...partial };
}

const privileged = { podSecurity: 'privileged' } as const;

const KUBEADM_STORAGE = {
  classes: [],
  drivers: [],
  inventory: 'complete',
  note: 'kubeadm installs no provisioner: no StorageClass until one is installed',
} as const;

const EKS_STORAGE = {
  classes: [
    storageClass({
      name: 'gp2',
      provisioner: 'kubernetes.io/aws-ebs',
      isDefault: false,
      volumeBindingMode: 'WaitForFirstConsumer',
      note: 'in-tree name served by CSI migration, which needs the EBS CSI add-on; older clusters mark it default, newer ones have no default class',
      source: 'https://awslabs.github.io/cdk-eks-blueprints/addons/ebs-csi-driver',
      unverified: true,
    }),
  ],
  drivers: [],
  inventory: 'complete',
  note: 'the EBS CSI add-on is not installed by default ("not automatically installed")',
} as const;

const GKE_STORAGE = {
  defaultClass: 'standard-rwo',
  classes: [
    storageClass({ name: 'standard-rwo', provisioner: 'pd.csi.storage.gke.io', isDefault: true, allowVolumeExpansion: true, volumeBindingMode: 'WaitForFirstConsumer', parameters: { type: 'pd-balanced' }, unverified: true, note: 'default class per GKE docs, unverified' }),
    storageClass({ name: 'premium-rwo', provisioner: 'pd.csi.storage.gke.io', isDefault: false, allowVolumeExpansion: true, volumeBindingMode: 'WaitForFirstConsumer', parameters: { type: 'pd-ssd' } }),
    storageClass({ name: 'standard', provisioner: 'kubernetes.io/gce-pd', isDefault: false, allowVolumeExpansion: true, volumeBindingMode: 'Immediate', parameters: { type: 'pd-standard' }, unverified: true, note: 'legacy pd-standard class' }),
  ],
  drivers: drivers('pd.csi.storage.gke.io'),
  inventory: 'complete',
  note: 'Filestore CSI is an opt-in add-on',
} as const;

export const csiProfiles: Readonly<Record<BuiltInProfileId, CsiHalf>> = {
  kind: {
    id: 'kind',
    $source: '@baton/csi:kind',
    admission: privileged,
    storage: {
      defaultClass: 'standard',
      classes: [storageClass({ name: 'standard', provisioner: 'rancher.io/local-path', isDefault: true, allowVolumeExpansion: false, volumeBindingMode: 'WaitForFirstConsumer', source: 'kind standard StorageClass (stashed/postgres standard.yaml)' })],
      drivers: drivers('rancher.io/local-path'),
      inventory: 'complete',
    },
  },
  k3s: {
    id: 'k3s',
    $source: '@baton/csi:k3s',
    admission: privileged,
    storage: {
      defaultClass: 'local-path',
      classes: [storageClass({ name: 'local-path', provisioner: 'rancher.io/local-path', isDefault: true, allowVolumeExpansion: false, volumeBindingMode: 'WaitForFirstConsumer', source: 'https://docs.k3s.io/networking/networking-services; rancher/local-path-provisioner' })],
      drivers: drivers('rancher.io/local-path'),
      inventory: 'complete',
    },
  },
  'kubeadm-calico': { id: 'kubeadm-calico', $source: '@baton/csi:kubeadm-calico', admission: privileged, storage: KUBEADM_STORAGE },
  'kubeadm-flannel': { id: 'kubeadm-flannel', $source: '@baton/csi:kubeadm-flannel', admission: privileged, storage: KUBEADM_STORAGE },
  eks: { id: 'eks', $source: '@baton/csi:eks', admission: privileged, storage: EKS_STORAGE },
  'eks-netpol': { id: 'eks-netpol', $source: '@baton/csi:eks-netpol', admission: privileged, storage: EKS_STORAGE },
  gke: { id: 'gke', $source: '@baton/csi:gke', admission: privileged, storage: GKE_STORAGE, unverified: ['storage.defaultClass'] },
  'gke-autopilot': {
    id: 'gke-autopilot',
    $source: '@baton/csi:gke-autopilot',
    admission: { podSecurity: 'privileged', autopilot: true, allowedHostPathPrefixes: ['/var/log/'] },
    storage: GKE_STORAGE,
    unverified: ['storage.defaultClass'],
  },
  aks: {
    id: 'aks',
    $source: '@baton/csi:aks',
    admission: privileged,
    storage: {
      defaultClass: 'default',
      classes: [
        storageClass({ name: 'default', provisioner: 'disk.csi.azure.com', isDefault: true, allowVolumeExpansion: true, volumeBindingMode: 'WaitForFirstConsumer', unverified: true }),
        storageClass({ name: 'managed-csi', provisioner: 'disk.csi.azure.com', isDefault: false, allowVolumeExpansion: true, volumeBindingMode: 'WaitForFirstConsumer', unverified: true }),
        storageClass({ name: 'azurefile-csi', provisioner: 'file.csi.azure.com', isDefault: false, allowVolumeExpansion: true, volumeBindingMode: 'Immediate', unverified: true }),
      ],
      drivers: drivers('disk.csi.azure.com', 'file.csi.azure.com'),
      inventory: 'complete',
      note: 'AKS StorageClass names and binding modes are unverified',
    },
    unverified: ['storage.defaultClass'],
  },
  openshift: {
    id: 'openshift',
    $source: '@baton/csi:openshift',
    admission: { podSecurity: 'restricted', openshiftScc: 'restricted-v2' },
    storage: {
      classes: [],
      drivers: [],
      inventory: 'unknown',
      note: 'storage depends on the platform: AWS gp3-csi, Azure managed-csi, vSphere thin-csi, GCP standard-csi; bare metal has none unless ODF or LVMS is installed',
    },
    unverified: ['admission.podSecurity'],
  },
  generic: {
    id: 'generic',
    $source: '@baton/csi:generic',
    admission: privileged,
    storage: { classes: [], drivers: [], inventory: 'unknown' },
  },
};

export interface CsiProfileSummary {
  readonly id: BuiltInProfileId;
  readonly defaultClass?: string;
  readonly classes: readonly string[];
  readonly drivers: readonly string[];
  readonly inventory: string;
  /** Classes and drivers whose data the reference could not verify. */
  readonly unverified: readonly string[];
}

/** One line per built-in profile, for `migrate target list`. */
export function listProfiles(): CsiProfileSummary[] {
  return BUILT_IN_PROFILE_IDS.map((id) => {
    const { storage } = csiProfiles[id];
    return {
      id,
      ...(storage.defaultClass ? { defaultClass: storage.defaultClass } : {}),
      classes: storage.classes.map((c) => c.name),
      drivers: storage.drivers.map((d) => d.name),
      inventory: storage.inventory,
      unverified: [
        ...storage.classes.filter((c) => c.unverified).map((c) => `class ${c.name}`),
        ...storage.drivers
          .filter((d) => d.unverified || (d.unverifiedFields?.length ?? 0) > 0)
          .map((d) => `driver ${d.name}${d.unverified ? '' : ` (${d.unverifiedFields!.join(', ')})`}`),
      ],
    };
  });
}
