// A plain-JSON picture of a cluster, read once by `migrate target capture` and handed to the
// checkers' detection functions (@baton/cni detectCni, @baton/csi detectStorage). Objects keep
// their Kubernetes shape (as list items from the API), trimmed to the fields detection reads, so
// the capture can dump `items` as they come. Every list is optional: a list the credentials could
// not read is absent, which lowers confidence instead of failing.

export interface SnapshotObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly creationTimestamp?: string;
}

export interface SnapshotContainer {
  readonly name: string;
  readonly image?: string;
  readonly args?: readonly string[];
  readonly command?: readonly string[];
  readonly env?: readonly { readonly name: string; readonly value?: string }[];
}

export interface SnapshotWorkloadObject {
  readonly metadata: SnapshotObjectMeta;
  readonly spec?: {
    readonly template?: {
      readonly metadata?: { readonly labels?: Readonly<Record<string, string>> };
      readonly spec?: {
        readonly containers?: readonly SnapshotContainer[];
        readonly initContainers?: readonly SnapshotContainer[];
        readonly volumes?: readonly { readonly name: string; readonly configMap?: { readonly name: string } }[];
      };
    };
  };
}

export interface ClusterSnapshot {
  readonly snapshotVersion: 1;
  /** `GET /version`. */
  readonly version?: { readonly gitVersion: string; readonly major?: string; readonly minor?: string };
  /** API groups served (`/apis`), by group name, e.g. `crd.projectcalico.org`, `snapshot.storage.k8s.io`. */
  readonly apiGroups?: readonly string[];
  readonly nodes?: readonly {
    readonly metadata: SnapshotObjectMeta;
    readonly spec?: { readonly providerID?: string; readonly podCIDRs?: readonly string[]; readonly podCIDR?: string };
    readonly status?: { readonly nodeInfo?: { readonly kubeletVersion?: string; readonly containerRuntimeVersion?: string } };
  }[];
  readonly daemonSets?: readonly SnapshotWorkloadObject[];
  readonly deployments?: readonly SnapshotWorkloadObject[];
  /** Only the ConfigMaps detection reads (cilium-config, calico-config, kube-flannel-cfg, amazon-vpc-cni, …). */
  readonly configMaps?: readonly { readonly metadata: SnapshotObjectMeta; readonly data?: Readonly<Record<string, string>> }[];
  /** Cluster-scoped custom resources detection reads: Calico `Installation`, OpenShift `Network` … */
  readonly customResources?: readonly { readonly apiVersion: string; readonly kind: string; readonly metadata: SnapshotObjectMeta; readonly spec?: unknown }[];
  readonly ingressClasses?: readonly { readonly metadata: SnapshotObjectMeta; readonly spec?: { readonly controller?: string } }[];
  readonly storageClasses?: readonly {
    readonly metadata: SnapshotObjectMeta;
    readonly provisioner: string;
    readonly allowVolumeExpansion?: boolean;
    readonly volumeBindingMode?: string;
    readonly reclaimPolicy?: string;
    readonly parameters?: Readonly<Record<string, string>>;
  }[];
  readonly csiDrivers?: readonly {
    readonly metadata: SnapshotObjectMeta;
    readonly spec?: {
      readonly attachRequired?: boolean;
      readonly podInfoOnMount?: boolean;
      readonly volumeLifecycleModes?: readonly string[];
      readonly fsGroupPolicy?: string;
      readonly storageCapacity?: boolean;
    };
  }[];
  readonly csiNodes?: readonly {
    readonly metadata: SnapshotObjectMeta;
    readonly spec: { readonly drivers?: readonly { readonly name: string; readonly nodeID?: string; readonly topologyKeys?: readonly string[] | null; readonly allocatable?: { readonly count?: number } }[] | null };
  }[];
  readonly volumeSnapshotClasses?: readonly { readonly metadata: SnapshotObjectMeta; readonly driver: string; readonly deletionPolicy?: string }[];
}

/** What a detection function returns: a profile layer plus why it believes it. */
export interface DetectionEvidence {
  /** `high`: a direct signature (DaemonSet, ConfigMap, CRD); `low`: indirect signals or nothing. */
  readonly confidence: 'high' | 'low';
  /** Human-readable facts that led to the result, e.g. `DaemonSet kube-system/aws-node`. */
  readonly evidence: readonly string[];
}
