// The "cluster snapshot": plain JSON facts read from a live cluster, the input of the pure
// detectCni/detectStorage functions and of `migrate target capture`. Deterministic: arrays sorted.

export const CLUSTER_SNAPSHOT_VERSION = 'baton.dev/cluster-snapshot/v1' as const;

export interface ClusterSnapshot {
  readonly snapshotVersion: typeof CLUSTER_SNAPSHOT_VERSION;
  /** kubeconfig context the facts were read through. */
  readonly context: string;
  readonly version: { readonly major: string; readonly minor: string; readonly gitVersion: string; readonly platform: string };
  /** Served group/versions and their kinds (subresources left out). */
  readonly apis: readonly SnapshotApiGroupVersion[];
  readonly nodes: readonly SnapshotNode[];
  readonly daemonSets: readonly SnapshotDaemonSet[];
  /** ConfigMaps of the namespaces CNI detection looks in: names, and the values of the keys that matter only. */
  readonly configMaps: readonly SnapshotConfigMap[];
  readonly storageClasses: readonly SnapshotStorageClass[];
  readonly csiDrivers: readonly SnapshotCsiDriver[];
  readonly csiNodes: readonly SnapshotCsiNode[];
  /** Empty when snapshot.storage.k8s.io is not served. */
  readonly volumeSnapshotClasses: readonly SnapshotVolumeSnapshotClass[];
  readonly ingressClasses: readonly SnapshotIngressClass[];
  /** Empty when gateway.networking.k8s.io is not served. */
  readonly gatewayClasses: readonly SnapshotGatewayClass[];
  /** Calico operator `Installation`s (operator.tigera.io), when served: which CNI Calico runs on. */
  readonly calicoInstallations: readonly SnapshotCalicoInstallation[];
  /** OpenShift `Network` config (config.openshift.io), when served. */
  readonly openshiftNetworks: readonly SnapshotOpenshiftNetwork[];
  /** Lists RBAC refused (`nodes`, `daemonsets`...): their facts are missing, which lowers detection confidence. */
  readonly forbidden: readonly string[];
}

export interface SnapshotApiGroupVersion {
  readonly groupVersion: string;
  readonly resources: readonly { readonly name: string; readonly kind: string; readonly namespaced: boolean }[];
}

export interface SnapshotNode {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Annotations with the prefixes CNI plugins write (flannel, Calico, OVN-K, Cilium, kube-router). */
  readonly annotations: Readonly<Record<string, string>>;
  readonly providerID?: string;
  readonly podCIDRs: readonly string[];
  readonly kubeletVersion?: string;
  readonly osImage?: string;
  readonly containerRuntimeVersion?: string;
  readonly architecture?: string;
}

export interface SnapshotDaemonSet {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly containers: readonly {
    readonly name: string;
    readonly image: string;
    /** Only the environment variables CNI detection reads (e.g. ENABLE_IPv6 of aws-node); never other values. */
    readonly env: Readonly<Record<string, string>>;
    /** Only `--enable-network-policy…` style flags. */
    readonly args: readonly string[];
  }[];
  readonly desiredNumberScheduled?: number;
  readonly numberReady?: number;
}

export interface SnapshotConfigMap {
  readonly namespace: string;
  readonly name: string;
  /** Values of the relevant keys of the ConfigMaps CNI detection knows; empty for the others. */
  readonly data: Readonly<Record<string, string>>;
}

export interface SnapshotStorageClass {
  readonly name: string;
  readonly provisioner: string;
  readonly isDefault: boolean;
  readonly allowVolumeExpansion: boolean;
  readonly volumeBindingMode?: string;
  readonly reclaimPolicy?: string;
  readonly parameters: Readonly<Record<string, string>>;
  readonly allowedTopologies?: readonly unknown[];
  readonly mountOptions?: readonly string[];
}

export interface SnapshotCsiDriver {
  readonly name: string;
  readonly attachRequired?: boolean;
  readonly podInfoOnMount?: boolean;
  readonly volumeLifecycleModes?: readonly string[];
  readonly fsGroupPolicy?: string;
  readonly storageCapacity?: boolean;
  readonly requiresRepublish?: boolean;
  readonly seLinuxMount?: boolean;
  readonly labels: Readonly<Record<string, string>>;
}

export interface SnapshotCsiNode {
  readonly name: string;
  readonly drivers: readonly { readonly name: string; readonly nodeID: string; readonly topologyKeys: readonly string[]; readonly allocatableCount?: number }[];
}

export interface SnapshotVolumeSnapshotClass {
  readonly name: string;
  readonly driver: string;
  readonly deletionPolicy?: string;
  readonly isDefault: boolean;
}

export interface SnapshotIngressClass {
  readonly name: string;
  readonly controller: string;
  readonly isDefault: boolean;
}

export interface SnapshotGatewayClass {
  readonly name: string;
  readonly controllerName: string;
}

export interface SnapshotCalicoInstallation {
  readonly name: string;
  readonly cniType?: string;
  readonly kubernetesProvider?: string;
  readonly hostPorts?: string;
  readonly linuxDataplane?: string;
  readonly ipPools: readonly string[];
}

export interface SnapshotOpenshiftNetwork {
  readonly name: string;
  readonly networkType?: string;
  readonly clusterNetwork: readonly string[];
  readonly serviceNetwork: readonly string[];
}

/** Namespaces named by the CNI detection signatures (reference kubernetes-targets.md §1.2). */
export const CNI_NAMESPACES = [
  'calico-system',
  'kube-flannel',
  'kube-system',
  'openshift-multus',
  'openshift-ovn-kubernetes',
  'ovn-kubernetes',
  'tigera-operator',
] as const;

/** ConfigMaps whose values detection reads, and which keys of each (`*` = every key). */
export const CNI_CONFIG_KEYS: Readonly<Record<string, readonly string[]>> = {
  'amazon-vpc-cni': ['enable-network-policy-controller', 'enable-windows-ipam', 'enable-windows-prefix-delegation'],
  'antrea-config': ['antrea-agent.conf', 'antrea-controller.conf'],
  'azure-ip-masq-agent-config': ['ip-masq-agent'],
  'azure-ip-masq-agent-config-reconciled': ['ip-masq-agent-reconciled'],
  'calico-config': ['calico_backend', 'cni_network_config', 'veth_mtu'],
  'canal-config': ['canal_iface', 'cni_network_config', 'masquerade', 'net-conf.json'],
  'cilium-config': [
    'cni-chaining-mode',
    'enable-bandwidth-manager',
    'enable-host-port',
    'enable-ipv4',
    'enable-ipv6',
    'enable-l7-proxy',
    'enable-policy',
    'ipam',
    'kube-proxy-replacement',
    'routing-mode',
    'tunnel',
  ],
  'kube-flannel-cfg': ['cni-conf.json', 'net-conf.json'],
  'kube-router-cfg': ['cni-conf.json'],
  'multus-daemon-config': ['daemon-config.json'],
  'ovn-config': ['net_cidr', 'svc_cidr'],
};

/** DaemonSet container env vars and flags detection reads (aws-node, kindnet, weave, network policy agents). */
export const CNI_ENV_NAMES = new Set([
  'AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG',
  'ENABLE_BANDWIDTH_PLUGIN',
  'ENABLE_IPv4',
  'ENABLE_IPv6',
  'ENABLE_POD_ENI',
  'ENABLE_PREFIX_DELEGATION',
  'IPALLOC_RANGE',
  'POD_SUBNET',
]);
export const CNI_ARG_PREFIXES = ['--enable-network-policy', '--enable-ipv6', '--enable-policy'];

/** Node annotation prefixes CNI plugins write. */
export const CNI_NODE_ANNOTATION_PREFIXES = ['flannel.alpha.coreos.com/', 'projectcalico.org/', 'k8s.ovn.org/', 'network.cilium.io/', 'kube-router.io/', 'io.cilium.network.'];
