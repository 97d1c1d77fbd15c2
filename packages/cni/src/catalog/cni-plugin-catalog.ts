// The CNI capability matrix (kubernetes-targets.md §1.3) as data: plugin → capability → level,
// note, source. "?" cells are `unknown`, so a checker says "cannot verify" instead of passing;
// values the reference marks [unverified] carry `unverified: true`.

import type { Capability, CapabilityLevel, CniCapabilityName } from '@baton/core';

export type CniCapabilities = Readonly<Record<CniCapabilityName, Capability>>;

export interface CniPluginEntry {
  readonly plugin: string;
  readonly title: string;
  readonly capabilities: CniCapabilities;
  readonly note?: string;
}

const MATRIX = 'kubernetes-targets.md §1.3';
const PSS = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/';

export function cap(level: CapabilityLevel, note?: string, source?: string, unverified?: boolean): Capability {
  return {
    level,
    ...(note === undefined ? {} : { note }),
    ...(source === undefined ? {} : { source }),
    ...(unverified ? { unverified: true } : {}),
  };
}

const unknown = (note = 'not verified for this plugin') => cap('unknown', note, MATRIX);

/** hostNetwork bypasses the CNI: every plugin supports it; admission (PSA, SCC, Autopilot) decides. */
const HOST_NETWORK = cap('yes', 'bypasses the CNI; admitted or not by Pod Security Admission, SCC or Autopilot', PSS);

const IP_FAMILY_CHOSEN_AT_CREATION = 'the plugin supports it; the cluster\'s IP family is chosen when it is created';

export const cniPluginCatalog = {
  calico: {
    plugin: 'calico',
    title: 'Calico (OSS)',
    capabilities: {
      networkPolicy: cap('yes', undefined, 'projectcalico/calico manifests/calico.yaml'),
      networkPolicyEgress: cap('yes', undefined, 'projectcalico/calico manifests/calico.yaml'),
      hostPort: cap('yes', 'portmap chained in the manifest; operator: calicoNetwork.hostPorts Enabled', 'projectcalico/calico manifests/calico.yaml'),
      hostNetwork: HOST_NETWORK,
      multiNetwork: cap('no', 'needs Multus', MATRIX),
      ipv6: cap('partial', `${IP_FAMILY_CHOSEN_AT_CREATION} (an IPv6 IP pool)`, 'https://docs.tigera.io/calico/latest/networking/ipam'),
      dualStack: cap('partial', IP_FAMILY_CHOSEN_AT_CREATION, 'https://docs.tigera.io/calico/latest/networking/ipam'),
      staticPodIp: cap('yes', 'cni.projectcalico.org/ipAddrs (Calico IPAM only)', 'https://docs.tigera.io/calico/latest/networking/ipam'),
      sctp: unknown(),
      bandwidth: cap('partial', 'only if the bandwidth plugin is chained (absent from the current calico.yaml)', 'projectcalico/calico manifests/calico.yaml'),
      l7Policy: cap('no', 'Calico Enterprise only', MATRIX),
    },
  },
  canal: {
    plugin: 'canal',
    title: 'Canal (flannel dataplane + Calico policy)',
    capabilities: {
      networkPolicy: cap('yes', 'Calico policy', MATRIX),
      networkPolicyEgress: cap('yes', 'Calico policy', MATRIX),
      hostPort: cap('yes', 'portmap chained', MATRIX),
      hostNetwork: HOST_NETWORK,
      multiNetwork: cap('no', 'needs Multus', MATRIX),
      ipv6: unknown(),
      dualStack: cap('partial', 'with flannel backends', MATRIX, true),
      staticPodIp: cap('no', 'host-local IPAM', MATRIX),
      sctp: unknown(),
      bandwidth: cap('no', undefined, MATRIX),
      l7Policy: cap('no', undefined, MATRIX),
    },
  },
  flannel: {
    plugin: 'flannel',
    title: 'Flannel',
    capabilities: {
      networkPolicy: cap('no', 'stock manifest; since v0.25.5 the optional kube-network-policies container adds it', 'flannel-io/flannel Documentation/netpol.md'),
      networkPolicyEgress: cap('no', 'stock manifest; since v0.25.5 the optional kube-network-policies container adds it', 'flannel-io/flannel Documentation/netpol.md'),
      hostPort: cap('yes', 'portmap in the default cni-conf.json', 'flannel-io/flannel Documentation/kube-flannel.yml'),
      hostNetwork: HOST_NETWORK,
      multiNetwork: cap('no', 'needs Multus', MATRIX),
      ipv6: cap('partial', `${IP_FAMILY_CHOSEN_AT_CREATION} (EnableIPv6 in net-conf.json)`, 'flannel-io/flannel Documentation/configuration.md'),
      dualStack: cap('partial', `${IP_FAMILY_CHOSEN_AT_CREATION} (vxlan, wireguard, host-gw)`, 'flannel-io/flannel Documentation/configuration.md'),
      staticPodIp: cap('no', undefined, MATRIX),
      sctp: cap('partial', 'passes SCTP traffic; no policy for it', MATRIX),
      bandwidth: cap('no', 'not chained by default', MATRIX),
      l7Policy: cap('no', undefined, MATRIX),
    },
  },
  cilium: {
    plugin: 'cilium',
    title: 'Cilium',
    capabilities: {
      networkPolicy: cap('yes', undefined, MATRIX),
      networkPolicyEgress: cap('yes', undefined, MATRIX),
      hostPort: cap('yes', 'native with kube-proxy replacement (1.8+), otherwise cni.chainingMode=portmap', 'https://docs.cilium.io/en/stable/installation/cni-chaining-portmap/'),
      hostNetwork: HOST_NETWORK,
      multiNetwork: cap('no', 'Multus chaining', MATRIX),
      ipv6: cap('partial', IP_FAMILY_CHOSEN_AT_CREATION, MATRIX),
      dualStack: cap('partial', IP_FAMILY_CHOSEN_AT_CREATION, MATRIX),
      staticPodIp: cap('no', 'multi-pool IPAM selects a pool, not an address', MATRIX),
      sctp: cap('partial', 'beta (sctp.enabled=true); no port rewriting, no kube-proxy replacement', 'https://docs.cilium.io/en/stable/configuration/sctp/'),
      bandwidth: cap('partial', 'Bandwidth Manager: egress; ingress only in newer releases', 'https://docs.cilium.io/en/stable/network/kubernetes/bandwidth-manager/'),
      l7Policy: cap('yes', 'HTTP, gRPC, Kafka, DNS through Envoy', MATRIX),
    },
  },
  'weave-net': {
    plugin: 'weave-net',
    title: 'Weave Net (unmaintained)',
    note: 'Weaveworks closed in 2024; plan a move to a maintained CNI.',
    capabilities: {
      networkPolicy: cap('yes', undefined, MATRIX),
      networkPolicyEgress: cap('yes', 'egress in 2.x', MATRIX),
      hostPort: cap('yes', 'since 2.5.0', 'kops#6043'),
      hostNetwork: HOST_NETWORK,
      multiNetwork: cap('no', undefined, MATRIX),
      ipv6: cap('no', 'weave#19 open', MATRIX),
      dualStack: cap('no', undefined, MATRIX),
      staticPodIp: cap('no', undefined, MATRIX),
      sctp: unknown(),
      bandwidth: cap('no', undefined, MATRIX),
      l7Policy: cap('no', undefined, MATRIX),
    },
  },
  'aws-vpc-cni': {
    plugin: 'aws-vpc-cni',
    title: 'Amazon VPC CNI',
    capabilities: {
      networkPolicy: cap('no', 'supported since v1.14 but off by default (enable-network-policy-controller: "false")', 'aws/amazon-vpc-cni-k8s README.md §Network Policies'),
      networkPolicyEgress: cap('no', 'supported since v1.14 but off by default', 'aws/amazon-vpc-cni-k8s README.md §Network Policies'),
      hostPort: cap('yes', 'portmap in misc/10-aws.conflist', 'aws/amazon-vpc-cni-k8s misc/10-aws.conflist'),
      hostNetwork: HOST_NETWORK,
      multiNetwork: cap('no', 'Multus on EKS', MATRIX),
      ipv6: cap('partial', 'IPv6 clusters only (prefix delegation, Nitro); the family is chosen when the cluster is created', 'aws/amazon-vpc-cni-k8s README.md §ENABLE_IPv6'),
      dualStack: cap('no', '"Dual-stack mode isn\'t yet supported"', 'aws/amazon-vpc-cni-k8s README.md §ENABLE_IPv6'),
      staticPodIp: cap('no', undefined, MATRIX),
      sctp: unknown(),
      bandwidth: cap('partial', 'ENABLE_BANDWIDTH_PLUGIN; incompatible with the NetworkPolicy agent', 'aws/amazon-vpc-cni-k8s README.md §ENABLE_BANDWIDTH_PLUGIN'),
      l7Policy: cap('no', undefined, MATRIX),
    },
  },
  'azure-cni': {
    plugin: 'azure-cni',
    title: 'Azure CNI (node subnet, pod subnet or overlay)',
    capabilities: {
      networkPolicy: cap('partial', 'only with a policy engine: Azure NPM, Calico or Cilium', 'https://learn.microsoft.com/en-us/Azure/aks/concepts-network-cni-overview'),
      networkPolicyEgress: cap('partial', 'only with a policy engine: Azure NPM, Calico or Cilium', 'https://learn.microsoft.com/en-us/Azure/aks/concepts-network-cni-overview'),
      hostPort: unknown(),
      hostNetwork: HOST_NETWORK,
      multiNetwork: cap('no', undefined, MATRIX),
      ipv6: unknown(),
      dualStack: cap('partial', 'overlay dual-stack', MATRIX, true),
      staticPodIp: cap('no', undefined, MATRIX),
      sctp: unknown(),
      bandwidth: unknown(),
      l7Policy: cap('partial', 'only with Cilium and Advanced Container Networking Services', MATRIX, true),
    },
  },
  'gke-legacy': {
    plugin: 'gke-legacy',
    title: 'GKE legacy dataplane (VPC-native)',
    capabilities: {
      networkPolicy: cap('partial', 'managed Calico add-on, opt-in', 'https://discuss.google.dev/t/what-cni-plugin-is-used-in-gke-and-are-there-alternatives/137099/3'),
      networkPolicyEgress: cap('partial', 'managed Calico add-on, opt-in', 'https://discuss.google.dev/t/what-cni-plugin-is-used-in-gke-and-are-there-alternatives/137099/3'),
      hostPort: cap('yes', 'GKE Standard; not on Autopilot', MATRIX),
      hostNetwork: HOST_NETWORK,
      multiNetwork: cap('no', undefined, MATRIX),
      ipv6: cap('no', undefined, MATRIX),
      dualStack: cap('partial', 'VPC-native dual-stack', MATRIX, true),
      staticPodIp: cap('no', undefined, MATRIX),
      sctp: unknown(),
      bandwidth: unknown(),
      l7Policy: cap('no', undefined, MATRIX),
    },
  },
  'gke-dataplane-v2': {
    plugin: 'gke-dataplane-v2',
    title: 'GKE Dataplane V2 (anetd, Cilium-based)',
    capabilities: {
      networkPolicy: cap('yes', 'always on', 'https://docs.cloud.google.com/kubernetes-engine/docs/how-to/dataplane-v2'),
      networkPolicyEgress: cap('yes', 'always on', 'https://docs.cloud.google.com/kubernetes-engine/docs/how-to/dataplane-v2'),
      hostPort: cap('yes', 'GKE Standard; not on Autopilot', MATRIX),
      hostNetwork: HOST_NETWORK,
      multiNetwork: cap('partial', 'GKE multi-network: 1.28+, must be enabled, not with dual-stack', 'https://docs.cloud.google.com/kubernetes-engine/docs/how-to/setup-multinetwork-support-for-pods'),
      ipv6: cap('no', 'no IPv6 single-stack; use dual-stack', MATRIX),
      dualStack: cap('partial', IP_FAMILY_CHOSEN_AT_CREATION, MATRIX),
      staticPodIp: cap('partial', 'persistent IPs through Network Function Optimizer', MATRIX, true),
      sctp: unknown(),
      bandwidth: unknown(),
      l7Policy: cap('no', 'FQDN policy is L3/L7-DNS only', MATRIX),
    },
  },
  antrea: {
    plugin: 'antrea',
    title: 'Antrea',
    capabilities: {
      networkPolicy: cap('yes', 'plus ClusterNetworkPolicy and Tiers', MATRIX),
      networkPolicyEgress: cap('yes', undefined, MATRIX),
      hostPort: cap('yes', undefined, MATRIX),
      hostNetwork: HOST_NETWORK,
      multiNetwork: cap('yes', 'SecondaryNetwork feature (NADs) or Multus', 'antrea-io/antrea docs/secondary-network.md'),
      ipv6: cap('partial', IP_FAMILY_CHOSEN_AT_CREATION, MATRIX),
      dualStack: cap('partial', IP_FAMILY_CHOSEN_AT_CREATION, MATRIX),
      staticPodIp: cap('partial', 'AntreaIPAM IPPools per namespace or pod', 'antrea-io/antrea docs/antrea-ipam.md', true),
      sctp: unknown(),
      bandwidth: unknown(),
      l7Policy: cap('yes', 'L7NetworkPolicy feature gate (HTTP, TLS SNI)', 'antrea-io/antrea docs/antrea-l7-network-policy.md'),
    },
  },
  'kube-router': {
    plugin: 'kube-router',
    title: 'kube-router',
    capabilities: {
      networkPolicy: cap('yes', undefined, MATRIX),
      networkPolicyEgress: cap('yes', undefined, MATRIX),
      hostPort: cap('partial', 'only the *-hostport.yaml manifests chain portmap; the plain kubeadm manifest does not', 'cloudnativelabs/kube-router daemonset/kubeadm-kuberouter-all-features-hostport.yaml'),
      hostNetwork: HOST_NETWORK,
      multiNetwork: cap('no', undefined, MATRIX),
      ipv6: cap('partial', IP_FAMILY_CHOSEN_AT_CREATION, 'cloudnativelabs/kube-router docs/ipv6.md'),
      dualStack: cap('partial', 'v2.0.0+', 'cloudnativelabs/kube-router docs/ipv6.md'),
      staticPodIp: cap('no', undefined, MATRIX),
      sctp: cap('no', 'not in policy (kube-router#1019 open)', MATRIX),
      bandwidth: unknown(),
      l7Policy: cap('no', undefined, MATRIX),
    },
  },
  'ovn-kubernetes': {
    plugin: 'ovn-kubernetes',
    title: 'OVN-Kubernetes',
    capabilities: {
      networkPolicy: cap('yes', 'plus AdminNetworkPolicy, EgressFirewall', MATRIX),
      networkPolicyEgress: cap('yes', undefined, MATRIX),
      hostPort: cap('yes', undefined, MATRIX),
      hostNetwork: HOST_NETWORK,
      multiNetwork: cap('yes', 'secondary networks through NADs (layer2, layer3, localnet) and UserDefinedNetworks', MATRIX),
      ipv6: cap('partial', IP_FAMILY_CHOSEN_AT_CREATION, MATRIX),
      dualStack: cap('partial', IP_FAMILY_CHOSEN_AT_CREATION, MATRIX),
      staticPodIp: cap('partial', 'on secondary networks (static IPAM)', MATRIX),
      sctp: cap('partial', 'OpenShift: enable the SCTP kernel module with a MachineConfig; ClusterIP and NodePort only', 'https://docs.redhat.com/en/documentation/openshift_container_platform/4.22/html/advanced_networking/using-sctp'),
      bandwidth: unknown(),
      l7Policy: cap('no', undefined, MATRIX),
    },
  },
  'openshift-sdn': {
    plugin: 'openshift-sdn',
    title: 'OpenShift SDN (deprecated, ≤4.16)',
    capabilities: {
      networkPolicy: cap('yes', undefined, MATRIX),
      networkPolicyEgress: cap('no', 'uses the EgressNetworkPolicy CRD instead', MATRIX, true),
      hostPort: cap('yes', undefined, MATRIX),
      hostNetwork: HOST_NETWORK,
      multiNetwork: cap('yes', 'through Multus', MATRIX),
      ipv6: cap('no', undefined, MATRIX),
      dualStack: cap('no', undefined, MATRIX),
      staticPodIp: cap('no', undefined, MATRIX),
      sctp: cap('yes', undefined, MATRIX),
      bandwidth: unknown(),
      l7Policy: cap('no', undefined, MATRIX),
    },
  },
  kindnet: {
    plugin: 'kindnet',
    title: 'kindnet (kind)',
    capabilities: {
      networkPolicy: cap('yes', 'since kind v0.24 (kube-network-policies)', 'kind v0.24.0 release notes'),
      networkPolicyEgress: cap('yes', 'since kind v0.24 (kube-network-policies)', 'kind v0.24.0 release notes'),
      hostPort: cap('yes', 'portmap', MATRIX, true),
      hostNetwork: HOST_NETWORK,
      multiNetwork: cap('no', undefined, MATRIX),
      ipv6: cap('partial', 'IPv6 or dual-stack through the kind cluster config', MATRIX),
      dualStack: cap('partial', 'IPv6 or dual-stack through the kind cluster config', MATRIX),
      staticPodIp: cap('no', undefined, MATRIX),
      sctp: unknown(),
      bandwidth: cap('no', undefined, MATRIX),
      l7Policy: cap('no', undefined, MATRIX),
    },
  },
  unknown: {
    plugin: 'unknown',
    title: 'Unknown CNI',
    capabilities: {
      networkPolicy: unknown('CNI not known'),
      networkPolicyEgress: unknown('CNI not known'),
      hostPort: unknown('CNI not known'),
      hostNetwork: HOST_NETWORK,
      multiNetwork: unknown('CNI not known'),
      ipv6: unknown('CNI not known'),
      dualStack: unknown('CNI not known'),
      staticPodIp: unknown('CNI not known'),
      sctp: unknown('CNI not known'),
      bandwidth: unknown('CNI not known'),
      l7Policy: unknown('CNI not known'),
    },
  },
} as const satisfies Record<string, CniPluginEntry>;

export type CniPluginName = keyof typeof cniPluginCatalog;
