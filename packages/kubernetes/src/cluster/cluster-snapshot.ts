import type { ClusterSnapshot } from '@baton/core';

// What `readClusterFacts` captures: core's ClusterSnapshot (the input of detectCni / detectStorage)
// plus where it was read and the full discovery, in TargetProfile.servedApis form.

export interface CapturedClusterSnapshot extends ClusterSnapshot {
  /** kubeconfig context the facts were read through. */
  readonly context: string;
  /** Every served `group/version/Kind` (`apps/v1/Deployment`, `v1/Service`), sorted; subresources left out. */
  readonly servedApis: readonly string[];
}

/** Namespaces the CNI detection signatures name (reference kubernetes-targets.md §1.2). */
export const CNI_NAMESPACES = [
  'calico-system',
  'cilium',
  'kube-flannel',
  'kube-system',
  'openshift-multus',
  'openshift-ovn-kubernetes',
  'ovn-kubernetes',
  'tigera-operator',
] as const;

/** ConfigMaps detection reads, and which of their keys (values of these keys only are captured). */
export const CNI_CONFIG_KEYS: Readonly<Record<string, readonly string[]>> = {
  'amazon-vpc-cni': ['enable-network-policy-controller', 'enable-windows-ipam', 'enable-windows-prefix-delegation', 'warm-ip-target', 'warm-prefix-target'],
  'antrea-config': ['antrea-agent.conf', 'antrea-controller.conf'],
  'azure-ip-masq-agent-config': ['ip-masq-agent'],
  'azure-ip-masq-agent-config-reconciled': ['ip-masq-agent-reconciled'],
  'calico-config': ['calico_backend', 'cni_network_config', 'typha_service_name', 'veth_mtu'],
  'canal-config': ['canal_iface', 'cni_network_config', 'masquerade', 'net-conf.json'],
  'cilium-config': [
    'cluster-pool-ipv4-cidr',
    'cluster-pool-ipv6-cidr',
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
    'tunnel-protocol',
  ],
  'kube-flannel-cfg': ['cni-conf.json', 'net-conf.json'],
  'kube-router-cfg': ['cni-conf.json'],
  'multus-daemon-config': ['daemon-config.json'],
  'ovn-config': ['net_cidr', 'svc_cidr'],
};

/** DaemonSet/Deployment env vars whose values are captured (the others keep their name only: env can hold credentials). */
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

/** Flags that may carry credentials are left out of captured args and commands. */
export const SECRET_FLAG = /token|passw|secret|credential|key=|apikey|auth/i;

/** Node annotation prefixes CNI plugins write. */
export const CNI_NODE_ANNOTATION_PREFIXES = ['flannel.alpha.coreos.com/', 'projectcalico.org/', 'k8s.ovn.org/', 'network.cilium.io/', 'io.cilium.network.', 'kube-router.io/'];

/** Cluster-scoped custom resources detection reads, fetched at the group's preferred version when served. */
export const DETECTION_CUSTOM_RESOURCES: readonly { readonly group: string; readonly kind: string; readonly plural: string }[] = [
  { group: 'config.openshift.io', kind: 'Network', plural: 'networks' },
  { group: 'gateway.networking.k8s.io', kind: 'GatewayClass', plural: 'gatewayclasses' },
  { group: 'operator.tigera.io', kind: 'Installation', plural: 'installations' },
  { group: 'cilium.io', kind: 'CiliumLoadBalancerIPPool', plural: 'ciliumloadbalancerippools' },
];
