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
  | 'staticPodIp';

export interface CsiDriverProfile {
  readonly name: string;
  readonly accessModes: readonly ('ReadWriteOnce' | 'ReadOnlyMany' | 'ReadWriteMany' | 'ReadWriteOncePod')[];
  readonly volumeModes: readonly ('Filesystem' | 'Block')[];
  readonly expansion: CapabilityLevel;
  readonly snapshots: CapabilityLevel;
  /** Node-local storage (data does not follow the pod). */
  readonly local: boolean;
  readonly topologyKeys?: readonly string[];
  readonly minSizeMiB?: number;
  readonly unverified?: boolean;
  readonly source?: string;
}

export interface StorageClassProfile {
  readonly name: string;
  readonly provisioner: string;
  readonly isDefault: boolean;
  readonly allowVolumeExpansion?: boolean;
  readonly volumeBindingMode?: 'Immediate' | 'WaitForFirstConsumer';
  readonly reclaimPolicy?: 'Delete' | 'Retain';
  readonly parameters?: Readonly<Record<string, string>>;
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
  };
  readonly storage: {
    readonly defaultClass?: string;
    readonly classes: readonly StorageClassProfile[];
    readonly drivers: readonly CsiDriverProfile[];
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
}

export const DEFAULT_KUBERNETES_VERSION = '1.34' as const;

/** Used when the user names no target: a plain conformant cluster, capabilities unknown. */
export const GENERIC_TARGET: TargetProfile = {
  id: 'generic',
  title: 'Generic conformant Kubernetes (capabilities unknown)',
  kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
  cni: { plugin: 'unknown', capabilities: {}, confidence: 'low' },
  storage: { classes: [], drivers: [] },
  ingress: { classes: [], gatewayClasses: [] },
  loadBalancer: 'unknown',
  admission: { podSecurity: 'privileged' },
};
