// What Baton knows about the cluster a plan is for. Checkers and writers never guess the cluster:
// they read this. Built-in profile data lives in the checker packages; this is only the shape.

export type CapabilityLevel = 'yes' | 'partial' | 'no' | 'unknown';

export interface Capability {
  readonly level: CapabilityLevel;
  readonly note?: string;
  /** Where the value comes from (doc URL, detection evidence); absent = not verified. */
  readonly source?: string;
  /** True when the reference could not confirm the value. */
  readonly unverified?: boolean;
}

export type CniCapabilityName =
  | 'networkPolicy'
  | 'networkPolicyEgress'
  | 'hostPort'
  | 'hostNetwork'
  | 'multiNetwork'
  | 'ipv6'
  | 'dualStack'
  | 'sctp'
  | 'staticPodIp'
  /** `kubernetes.io/{ingress,egress}-bandwidth` pod annotations are honoured. */
  | 'bandwidth'
  /** HTTP-aware (L7) policy. */
  | 'l7Policy';

export const CNI_CAPABILITY_NAMES: readonly CniCapabilityName[] = [
  'networkPolicy',
  'networkPolicyEgress',
  'hostPort',
  'hostNetwork',
  'multiNetwork',
  'ipv6',
  'dualStack',
  'sctp',
  'staticPodIp',
  'bandwidth',
  'l7Policy',
];

export type AccessMode = 'ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod';
export const ACCESS_MODES: readonly AccessMode[] = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];

export interface CsiDriverProfile {
  /** Driver or provisioner name as StorageClasses name it, e.g. `ebs.csi.aws.com`, `rancher.io/local-path`. */
  readonly name: string;
  readonly accessModes: readonly AccessMode[];
  readonly volumeModes: readonly ('Filesystem' | 'Block')[];
  readonly expansion: CapabilityLevel;
  readonly snapshots: CapabilityLevel;
  /** Node-local storage (data does not follow the pod). */
  readonly local: boolean;
  readonly topologyKeys?: readonly string[];
  readonly minSizeMiB?: number;
  readonly unverified?: boolean;
  readonly source?: string;
  // Additive since 0.1 (all optional):
  /** A CSI driver (false: an external provisioner such as `rancher.io/local-path`, so no RWOP and no inline volumes). */
  readonly csi?: boolean;
  /** Access modes offered only with `volumeMode: Block` (EBS io2 multi-attach, Azure shared disks). */
  readonly blockOnlyAccessModes?: readonly AccessMode[];
  /** False when the requested size is not enforced (local-path). Absent: enforced or unknown. */
  readonly enforcesSize?: boolean;
  /** Supports CSI inline (ephemeral) volumes. */
  readonly ephemeral?: boolean;
  readonly fsGroupPolicy?: 'None' | 'File' | 'ReadWriteOnceWithFSType';
  /** Other provisioner names served by this driver (in-tree names via CSI migration, e.g. `kubernetes.io/aws-ebs`). */
  readonly aliases?: readonly string[];
  /** Names of the fields above the reference could not verify, e.g. `['minSizeMiB', 'snapshots']`. */
  readonly unverifiedFields?: readonly string[];
  readonly note?: string;
}

export interface StorageClassProfile {
  readonly name: string;
  readonly provisioner: string;
  readonly isDefault: boolean;
  readonly allowVolumeExpansion?: boolean;
  readonly volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  readonly reclaimPolicy?: 'Delete' | 'Retain';
  readonly parameters?: Readonly<Record<string, string>>;
  // Additive since 0.1 (all optional):
  /** True when the reference could not confirm this class (its name or that it is the default). */
  readonly unverified?: boolean;
  readonly source?: string;
  readonly note?: string;
}

export interface TargetProfile {
  /** Profile id, e.g. `eks`, `kind`, or `facts:<file>` for captured facts. */
  readonly id: string;
  readonly title: string;
  /** Kubernetes minor, e.g. `1.34`: selects served API versions and schemas. */
  readonly kubernetesVersion: `1.${number}`;
  /** `group/version/Kind` the cluster serves, when known (`apps/v1/Deployment`, `v1/Service`). */
  readonly servedApis?: readonly string[];
  readonly cni: {
    readonly plugin: string;
    readonly policyEngine?: string;
    readonly capabilities: Readonly<Partial<Record<CniCapabilityName, Capability>>>;
    readonly evidence?: readonly string[];
    readonly confidence: 'declared' | 'high' | 'low';
    readonly note?: string;
  };
  readonly storage: {
    /** Name of the default StorageClass; the classes' `isDefault` flags follow it (see mergeTargetProfile). */
    readonly defaultClass?: string;
    readonly classes: readonly StorageClassProfile[];
    readonly drivers: readonly CsiDriverProfile[];
    /**
     * Whether `classes`/`drivers` list everything the cluster has (additive since 0.1). Absent means
     * `complete`. `unknown`: nothing is known (generic target), so checkers cannot conclude "missing".
     */
    readonly inventory?: 'complete' | 'partial' | 'unknown';
    readonly evidence?: readonly string[];
    readonly note?: string;
  };
  readonly ingress: { readonly classes: readonly string[]; readonly defaultClass?: string; readonly gatewayClasses: readonly string[] };
  readonly loadBalancer: CapabilityLevel;
  readonly admission: {
    /** Pod Security Admission level enforced on the target namespaces. */
    readonly podSecurity: 'privileged' | 'baseline' | 'restricted';
    readonly openshiftScc?: string;
    readonly autopilot?: boolean;
    readonly allowedHostPathPrefixes?: readonly string[];
  };
  /** Host ports taken by the platform (k3s ServiceLB, ingress on 80/443). */
  readonly reservedHostPorts?: readonly number[];
  /** Node labels known to exist on the target. */
  readonly nodeLabels?: readonly string[];
  // Additive since 0.1 (all optional):
  /** Dotted paths of scalar fields the reference could not verify, e.g. `storage.defaultClass`, `admission.podSecurity`. */
  readonly unverified?: readonly string[];
  /** Where the profile comes from: `built-in`, a facts file, or live discovery. */
  readonly source?: string;
}

export const DEFAULT_KUBERNETES_VERSION = '1.34' as const;

/** Used when the user names no target: a plain conformant cluster, capabilities unknown. */
export const GENERIC_TARGET: TargetProfile = {
  id: 'generic',
  title: 'Generic conformant Kubernetes (capabilities unknown)',
  kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
  cni: { plugin: 'unknown', capabilities: {}, confidence: 'low' },
  storage: { classes: [], drivers: [], inventory: 'unknown' },
  ingress: { classes: [], gatewayClasses: [] },
  loadBalancer: 'unknown',
  admission: { podSecurity: 'privileged' },
};
