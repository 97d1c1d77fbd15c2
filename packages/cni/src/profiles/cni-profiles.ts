// The networking half of each built-in target profile (kubernetes-targets.md §5.1), keyed by
// profile id. It also carries the platform facts that are not storage: Kubernetes version,
// admission (PSA, SCC, Autopilot), ingress, load balancers and reserved host ports. @baton/csi
// repeats `admission` in its half, because host paths depend on it too and plugins never import
// each other. Compose a full profile with
// `mergeTargetProfile(GENERIC_TARGET, cniProfiles[id], csiProfiles[id], overrides)`.

import { DEFAULT_KUBERNETES_VERSION, type Capability, type CniCapabilityName, type TargetProfileLayer } from '@baton/core';
import { cap, cniPluginCatalog, type CniCapabilities, type CniPluginName } from '../catalog/cni-plugin-catalog.js';

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

type CniHalf = TargetProfileLayer & {
  readonly id: BuiltInProfileId;
  readonly title: string;
  readonly cni: { readonly plugin: string; readonly capabilities: CniCapabilities };
};

const PSS = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/';
const AUTOPILOT_HOST_PORT = 'https://docs.cloud.google.com/kubernetes-engine/docs/how-to/autopilot-hostport';

function capabilitiesOf(plugin: CniPluginName, overrides: Partial<Record<CniCapabilityName, Capability>> = {}): CniCapabilities {
  return { ...cniPluginCatalog[plugin].capabilities, ...overrides };
}

function half(profile: Omit<CniHalf, 'kubernetesVersion' | 'source' | '$source'>): CniHalf {
  return {
    kubernetesVersion: DEFAULT_KUBERNETES_VERSION,
    source: 'built-in',
    $source: `@baton/cni:${profile.id}`,
    ...profile,
  };
}

const privileged = { podSecurity: 'privileged' } as const;

export const cniProfiles: Readonly<Record<BuiltInProfileId, CniHalf>> = {
  kind: half({
    id: 'kind',
    title: 'kind (kindnetd, local-path storage)',
    cni: {
      plugin: 'kindnet',
      policyEngine: 'kube-network-policies',
      confidence: 'declared',
      capabilities: capabilitiesOf('kindnet'),
    },
    admission: privileged,
    ingress: { classes: [], gatewayClasses: [] },
    loadBalancer: 'no',
  }),
  k3s: half({
    id: 'k3s',
    title: 'k3s (embedded flannel + kube-router policy, Traefik, ServiceLB)',
    cni: {
      plugin: 'flannel',
      policyEngine: 'kube-router',
      confidence: 'declared',
      note: 'flannel and the kube-router NetworkPolicy controller run inside the k3s process (no pods to see)',
      capabilities: capabilitiesOf('flannel', {
        networkPolicy: cap('yes', 'embedded kube-router NetworkPolicy controller', 'https://github.com/k3s-io/k3s/discussions/7027'),
        networkPolicyEgress: cap('yes', 'embedded kube-router NetworkPolicy controller', 'https://github.com/k3s-io/k3s/discussions/7027'),
        sctp: cap('partial', 'flannel passes SCTP; kube-router policy does not handle it (kube-router#1019)', 'kubernetes-targets.md §1.3'),
      }),
    },
    admission: privileged,
    ingress: { classes: ['traefik'], gatewayClasses: [] },
    loadBalancer: 'yes',
    reservedHostPorts: [80, 443],
  }),
  'kubeadm-calico': half({
    id: 'kubeadm-calico',
    title: 'kubeadm with Calico (on-premises)',
    cni: { plugin: 'calico', policyEngine: 'calico', confidence: 'declared', capabilities: capabilitiesOf('calico') },
    admission: privileged,
    ingress: { classes: [], gatewayClasses: [] },
    loadBalancer: 'no',
  }),
  'kubeadm-flannel': half({
    id: 'kubeadm-flannel',
    title: 'kubeadm with flannel (no NetworkPolicy)',
    cni: { plugin: 'flannel', confidence: 'declared', capabilities: capabilitiesOf('flannel') },
    admission: privileged,
    ingress: { classes: [], gatewayClasses: [] },
    loadBalancer: 'no',
  }),
  eks: half({
    id: 'eks',
    title: 'Amazon EKS (VPC CNI, NetworkPolicy off)',
    cni: { plugin: 'aws-vpc-cni', confidence: 'declared', capabilities: capabilitiesOf('aws-vpc-cni') },
    admission: privileged,
    ingress: { classes: [], gatewayClasses: [] },
    loadBalancer: 'yes',
  }),
  'eks-netpol': half({
    id: 'eks-netpol',
    title: 'Amazon EKS (VPC CNI with the NetworkPolicy agent enabled)',
    cni: {
      plugin: 'aws-vpc-cni',
      policyEngine: 'aws-network-policy-agent',
      confidence: 'declared',
      capabilities: capabilitiesOf('aws-vpc-cni', {
        networkPolicy: cap('yes', 'enable-network-policy-controller: "true" (v1.14+)', 'aws/amazon-vpc-cni-k8s README.md §Network Policies'),
        networkPolicyEgress: cap('yes', 'enable-network-policy-controller: "true" (v1.14+)', 'aws/amazon-vpc-cni-k8s README.md §Network Policies'),
        bandwidth: cap('no', 'the bandwidth plugin is incompatible with the NetworkPolicy agent', 'aws/amazon-vpc-cni-k8s README.md §ENABLE_BANDWIDTH_PLUGIN'),
      }),
    },
    admission: privileged,
    ingress: { classes: [], gatewayClasses: [] },
    loadBalancer: 'yes',
  }),
  gke: half({
    id: 'gke',
    title: 'GKE Standard (Dataplane V2)',
    cni: { plugin: 'gke-dataplane-v2', policyEngine: 'gke-dataplane-v2', confidence: 'declared', capabilities: capabilitiesOf('gke-dataplane-v2') },
    admission: privileged,
    ingress: { classes: ['gce', 'gce-internal'], gatewayClasses: [] },
    loadBalancer: 'yes',
  }),
  'gke-autopilot': half({
    id: 'gke-autopilot',
    title: 'GKE Autopilot (Dataplane V2, Warden policies)',
    cni: {
      plugin: 'gke-dataplane-v2',
      policyEngine: 'gke-dataplane-v2',
      confidence: 'declared',
      capabilities: capabilitiesOf('gke-dataplane-v2', {
        hostPort: cap('no', 'Warden autogke-no-host-port ("specifies host ports …, which are disallowed")', AUTOPILOT_HOST_PORT),
        hostNetwork: cap('no', 'Warden autogke-disallow-hostnamespaces ("enabling hostNetwork/hostPID is not allowed")', 'DataDog/helm-charts#1375'),
      }),
    },
    admission: { podSecurity: 'privileged', autopilot: true, allowedHostPathPrefixes: ['/var/log/'] },
    ingress: { classes: ['gce', 'gce-internal'], gatewayClasses: [] },
    loadBalancer: 'yes',
  }),
  aks: half({
    id: 'aks',
    title: 'AKS (Azure CNI powered by Cilium)',
    cni: {
      plugin: 'azure-cni',
      policyEngine: 'cilium',
      confidence: 'declared',
      capabilities: capabilitiesOf('azure-cni', {
        networkPolicy: cap('yes', 'Cilium policy engine ("Azure CNI Powered by Cilium")', 'https://learn.microsoft.com/en-us/Azure/aks/concepts-network-cni-overview'),
        networkPolicyEgress: cap('yes', 'Cilium policy engine', 'https://learn.microsoft.com/en-us/Azure/aks/concepts-network-cni-overview'),
      }),
    },
    admission: privileged,
    ingress: { classes: [], gatewayClasses: [] },
    loadBalancer: 'yes',
  }),
  openshift: half({
    id: 'openshift',
    title: 'OpenShift 4 (OVN-Kubernetes, SCC restricted-v2)',
    cni: {
      plugin: 'ovn-kubernetes',
      policyEngine: 'ovn-kubernetes',
      confidence: 'declared',
      note: 'Multus is always on (openshift-multus)',
      capabilities: capabilitiesOf('ovn-kubernetes'),
    },
    admission: { podSecurity: 'restricted', openshiftScc: 'restricted-v2' },
    ingress: { classes: ['openshift-default'], gatewayClasses: [] },
    loadBalancer: 'partial',
    unverified: ['admission.podSecurity', 'ingress.classes', 'loadBalancer'],
  }),
  generic: half({
    id: 'generic',
    title: 'Generic conformant Kubernetes (capabilities unknown)',
    cni: { plugin: 'unknown', confidence: 'low', capabilities: capabilitiesOf('unknown') },
    admission: privileged,
    ingress: { classes: [], gatewayClasses: [] },
    loadBalancer: 'unknown',
  }),
};

export interface CniProfileSummary {
  readonly id: BuiltInProfileId;
  readonly title: string;
  readonly plugin: string;
  readonly policyEngine?: string;
  /** Capabilities the reference marks unknown or unverified for this profile. */
  readonly unverified: readonly CniCapabilityName[];
  readonly admission: string;
}

/** One line per built-in profile, for `migrate target list`. */
export function listProfiles(): CniProfileSummary[] {
  return BUILT_IN_PROFILE_IDS.map((id) => {
    const profile = cniProfiles[id];
    const admission = profile.admission;
    return {
      id,
      title: profile.title,
      plugin: profile.cni.plugin,
      ...(profile.cni.policyEngine ? { policyEngine: profile.cni.policyEngine } : {}),
      unverified: (Object.entries(profile.cni.capabilities) as [CniCapabilityName, Capability][])
        .filter(([, capability]) => capability.level === 'unknown' || capability.unverified === true)
        .map(([name]) => name),
      admission: admission?.openshiftScc ? `SCC ${admission.openshiftScc}` : admission?.autopilot ? 'Autopilot (Warden)' : `PSA ${admission?.podSecurity ?? 'privileged'}`,
    };
  });
}
