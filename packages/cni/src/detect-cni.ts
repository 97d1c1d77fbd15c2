// Recognises the CNI, the policy engine and the distribution from a cluster snapshot
// (kubernetes-targets.md §1.2 signatures, in submariner's order; §5.2 distribution markers).
// Pure: the CLI reads the cluster, this only interprets. The result is the networking half of a
// profile: the CLI merges `layer` over `cniProfiles[distribution]`.

import {
  DEFAULT_KUBERNETES_VERSION,
  type Capability,
  type ClusterSnapshot,
  type CniCapabilityName,
  type DetectionEvidence,
  type SnapshotWorkloadObject,
  type TargetProfileLayer,
} from '@baton/core';
import { cap, cniPluginCatalog, type CniPluginName } from './catalog/cni-plugin-catalog.js';
import type { BuiltInProfileId } from './profiles/cni-profiles.js';

export interface CniDetection extends DetectionEvidence {
  /** The built-in profile this cluster resembles: merge `layer` over `cniProfiles[distribution]`. */
  readonly distribution: BuiltInProfileId;
  /** Detected distributions without a built-in profile (e.g. `rke2`), for the report. */
  readonly distributionNote?: string;
  readonly plugin: string;
  readonly policyEngine?: string;
  readonly layer: TargetProfileLayer;
}

type Snapshot = ClusterSnapshot;

const SOURCE = 'migrate target capture';

export function detectCni(snapshot: Snapshot): CniDetection {
  const evidence: string[] = [];
  const found = (what: string) => evidence.push(what);
  const plugin = detectPlugin(snapshot, found);
  const engine = detectPolicyEngine(snapshot, plugin.name, found);
  const distribution = detectDistribution(snapshot, plugin.name, engine, found);

  const capabilities: Partial<Record<CniCapabilityName, Capability>> = {
    ...(cniPluginCatalog[plugin.catalog]?.capabilities ?? cniPluginCatalog.unknown.capabilities),
  };
  Object.assign(capabilities, engine.capabilities);
  Object.assign(capabilities, hostPortFromConfig(snapshot, plugin.name, found));
  Object.assign(capabilities, ipFamilies(snapshot, found));
  Object.assign(capabilities, multus(snapshot, found));
  if (distribution.id === 'gke-autopilot') {
    capabilities.hostPort = cap('no', 'GKE Autopilot (Warden autogke-no-host-port)', SOURCE);
    capabilities.hostNetwork = cap('no', 'GKE Autopilot (Warden autogke-disallow-hostnamespaces)', SOURCE);
  }

  const ingress = ingressClasses(snapshot, found);
  const confidence = plugin.confidence;
  const layer: TargetProfileLayer = {
    $source: 'detectCni',
    source: SOURCE,
    kubernetesVersion: kubernetesMinor(snapshot) ?? DEFAULT_KUBERNETES_VERSION,
    cni: {
      plugin: plugin.name,
      policyEngine: engine.name ?? null,
      capabilities,
      evidence,
      confidence,
    },
    ...(ingress ? { ingress } : {}),
    ...(distribution.loadBalancer ? { loadBalancer: distribution.loadBalancer } : {}),
    ...(distribution.reservedHostPorts ? { reservedHostPorts: distribution.reservedHostPorts } : {}),
    ...(distribution.admission ? { admission: distribution.admission } : {}),
  };
  return {
    distribution: distribution.id,
    ...(distribution.note ? { distributionNote: distribution.note } : {}),
    plugin: plugin.name,
    ...(engine.name ? { policyEngine: engine.name } : {}),
    confidence,
    evidence,
    layer,
  };
}

// ---------------------------------------------------------------------------------------------
// Snapshot lookups

function daemonSets(snapshot: Snapshot): readonly SnapshotWorkloadObject[] {
  return snapshot.daemonSets ?? [];
}

function findDaemonSet(snapshot: Snapshot, match: (ds: SnapshotWorkloadObject) => boolean): SnapshotWorkloadObject | undefined {
  return daemonSets(snapshot).find(match);
}

const named = (...names: string[]) => (ds: SnapshotWorkloadObject) => names.includes(ds.metadata.name);
const labelled = (key: string, value: string) => (ds: SnapshotWorkloadObject) =>
  ds.metadata.labels?.[key] === value || ds.spec?.template?.metadata?.labels?.[key] === value;

function configMap(snapshot: Snapshot, name: string): Readonly<Record<string, string>> | undefined {
  return snapshot.configMaps?.find((cm) => cm.metadata.name === name)?.data;
}

function hasGroup(snapshot: Snapshot, group: string): boolean {
  return (snapshot.apiGroups ?? []).some((g) => g === group || g.startsWith(`${group}/`));
}

function where(object: { metadata: { name: string; namespace?: string } }): string {
  return object.metadata.namespace ? `${object.metadata.namespace}/${object.metadata.name}` : object.metadata.name;
}

function containers(ds: SnapshotWorkloadObject) {
  return ds.spec?.template?.spec?.containers ?? [];
}

function envOf(ds: SnapshotWorkloadObject, name: string): string | undefined {
  for (const container of containers(ds)) {
    const value = container.env?.find((e) => e.name === name)?.value;
    if (value !== undefined) return value;
  }
  return undefined;
}

function customResource(snapshot: Snapshot, kind: string, name: string) {
  return snapshot.customResources?.find((r) => r.kind === kind && r.metadata.name === name);
}

// ---------------------------------------------------------------------------------------------
// Plugin, in the reference's order

interface PluginMatch {
  readonly name: string;
  readonly catalog: CniPluginName;
  readonly confidence: 'high' | 'low';
}

function detectPlugin(snapshot: Snapshot, found: (what: string) => void): PluginMatch {
  const high = (name: string, catalog: CniPluginName, why: string): PluginMatch => {
    found(why);
    return { name, catalog, confidence: 'high' };
  };

  if (hasGroup(snapshot, 'config.openshift.io')) {
    const network = customResource(snapshot, 'Network', 'cluster')?.spec as { networkType?: string } | undefined;
    const type = network?.networkType;
    if (type === 'OpenShiftSDN') return high('openshift-sdn', 'openshift-sdn', 'Network/cluster spec.networkType OpenShiftSDN');
    if (type === 'OVNKubernetes' || type === undefined) {
      return high('ovn-kubernetes', 'ovn-kubernetes', type ? 'Network/cluster spec.networkType OVNKubernetes' : 'API group config.openshift.io (OpenShift 4 defaults to OVN-Kubernetes)');
    }
    found(`Network/cluster spec.networkType ${type}`);
  }
  let ds = findDaemonSet(snapshot, (d) => named('ovnkube-node')(d) || labelled('app', 'ovnkube-node')(d));
  if (ds) return high('ovn-kubernetes', 'ovn-kubernetes', `DaemonSet ${where(ds)}`);

  // GKE's anetd is Cilium-based but not the Cilium OSS plugin (it even carries k8s-app=cilium): check it first.
  ds = findDaemonSet(snapshot, named('anetd'));
  if (ds) return high('gke-dataplane-v2', 'gke-dataplane-v2', `DaemonSet ${where(ds)} (GKE Dataplane V2)`);
  const ciliumConfig = configMap(snapshot, 'cilium-config');
  ds = findDaemonSet(snapshot, (d) => named('cilium')(d) || labelled('k8s-app', 'cilium')(d));
  const chaining = ciliumConfig?.['cni-chaining-mode'];
  const ciliumChained = chaining !== undefined && chaining !== 'none' && chaining !== 'portmap';
  if ((ciliumConfig || ds) && !ciliumChained && !findDaemonSet(snapshot, named('azure-cns'))) {
    return high('cilium', 'cilium', ds ? `DaemonSet ${where(ds)}` : 'ConfigMap cilium-config');
  }

  ds = findDaemonSet(snapshot, (d) => named('aws-node')(d) || labelled('k8s-app', 'aws-node')(d));
  if (ds) return high('aws-vpc-cni', 'aws-vpc-cni', `DaemonSet ${where(ds)}`);
  ds = findDaemonSet(snapshot, named('azure-cns'));
  if (ds) return high('azure-cni', 'azure-cni', `DaemonSet ${where(ds)}`);
  ds = findDaemonSet(snapshot, named('netd'));
  const gceNode = snapshot.nodes?.find((n) => n.spec?.providerID?.startsWith('gce://'));
  if (ds || gceNode) return { ...high('gke-legacy', 'gke-legacy', ds ? `DaemonSet ${where(ds)}` : `node ${gceNode!.metadata.name} providerID gce://`), confidence: ds ? 'high' : 'low' };
  ds = findDaemonSet(snapshot, (d) => named('antrea-agent')(d) || labelled('app', 'antrea')(d));
  if (ds) return high('antrea', 'antrea', `DaemonSet ${where(ds)}`);
  ds = findDaemonSet(snapshot, (d) => named('weave-net')(d) || labelled('name', 'weave-net')(d));
  if (ds) return high('weave-net', 'weave-net', `DaemonSet ${where(ds)}`);
  ds = findDaemonSet(snapshot, (d) => named('canal')(d) || labelled('k8s-app', 'canal')(d));
  if (ds) return high('canal', 'canal', `DaemonSet ${where(ds)}`);

  ds = findDaemonSet(snapshot, (d) => named('calico-node')(d) || labelled('k8s-app', 'calico-node')(d));
  const installation = customResource(snapshot, 'Installation', 'default')?.spec as { cni?: { type?: string } } | undefined;
  const calicoType = installation?.cni?.type;
  if ((ds || configMap(snapshot, 'calico-config')) && (calicoType === undefined || calicoType === 'Calico')) {
    return high('calico', 'calico', ds ? `DaemonSet ${where(ds)}` : 'ConfigMap calico-config');
  }

  ds = findDaemonSet(snapshot, (d) => d.metadata.name.includes('flannel') || labelled('app', 'flannel')(d));
  if (ds) return high('flannel', 'flannel', `DaemonSet ${where(ds)}`);
  const flannelNode = snapshot.nodes?.find((n) => Object.keys(n.metadata.annotations ?? {}).some((k) => k.startsWith('flannel.alpha.coreos.com/')));
  if (flannelNode) {
    // k3s runs flannel in-process: no pods, only node annotations (§1.1).
    found(`node ${flannelNode.metadata.name} annotations flannel.alpha.coreos.com/*`);
    return { name: 'flannel', catalog: 'flannel', confidence: isK3s(snapshot) ? 'high' : 'low' };
  }
  ds = findDaemonSet(snapshot, (d) => named('kube-router')(d) || labelled('k8s-app', 'kube-router')(d));
  if (ds) return high('kube-router', 'kube-router', `DaemonSet ${where(ds)}`);
  ds = findDaemonSet(snapshot, (d) => named('kindnet')(d) || labelled('app', 'kindnet')(d));
  if (ds) return high('kindnet', 'kindnet', `DaemonSet ${where(ds)}`);
  found('no CNI signature matched');
  return { name: 'unknown', catalog: 'unknown', confidence: 'low' };
}

// ---------------------------------------------------------------------------------------------
// Policy engine: may differ from the pod network (Calico on EKS/AKS, Cilium chained, k3s kube-router)

interface EngineMatch {
  readonly name?: string;
  readonly capabilities: Partial<Record<CniCapabilityName, Capability>>;
}

function enforces(note: string): Partial<Record<CniCapabilityName, Capability>> {
  return { networkPolicy: cap('yes', note, SOURCE), networkPolicyEgress: cap('yes', note, SOURCE) };
}

function detectPolicyEngine(snapshot: Snapshot, plugin: string, found: (what: string) => void): EngineMatch {
  const calico = findDaemonSet(snapshot, (d) => named('calico-node')(d) || labelled('k8s-app', 'calico-node')(d));
  const ciliumConfig = configMap(snapshot, 'cilium-config');
  if (plugin === 'calico' || plugin === 'canal') return { name: 'calico', capabilities: {} };
  if (plugin === 'cilium') {
    if (ciliumConfig?.['enable-policy'] === 'never') {
      found('cilium-config enable-policy: never');
      return { name: 'cilium', capabilities: { networkPolicy: cap('no', 'enable-policy: never', SOURCE), networkPolicyEgress: cap('no', 'enable-policy: never', SOURCE) } };
    }
    return { name: 'cilium', capabilities: {} };
  }
  if (ciliumConfig && ciliumConfig['cni-chaining-mode'] && ciliumConfig['cni-chaining-mode'] !== 'none') {
    found(`Cilium chained on ${plugin} (cni-chaining-mode ${ciliumConfig['cni-chaining-mode']})`);
    return { name: 'cilium', capabilities: enforces('Cilium chained as policy engine') };
  }
  if (findDaemonSet(snapshot, (d) => named('cilium')(d) || labelled('k8s-app', 'cilium')(d)) && plugin === 'azure-cni') {
    found('DaemonSet cilium on Azure CNI ("Azure CNI Powered by Cilium")');
    return { name: 'cilium', capabilities: enforces('Azure CNI Powered by Cilium') };
  }
  if (calico && plugin !== 'unknown') {
    found(`DaemonSet ${where(calico)} as policy engine on ${plugin}`);
    return { name: 'calico', capabilities: enforces('Calico in policy-only mode') };
  }
  if (plugin === 'aws-vpc-cni') {
    const vpcConfig = configMap(snapshot, 'amazon-vpc-cni');
    const agent = daemonSets(snapshot)
      .flatMap(containers)
      .find((c) => c.name === 'aws-eks-nodeagent');
    const agentArg = agent?.args?.find((a) => a.startsWith('--enable-network-policy='));
    const enabled = vpcConfig?.['enable-network-policy-controller'] === 'true' || agentArg === '--enable-network-policy=true';
    found(`VPC CNI network policy ${enabled ? 'enabled' : 'disabled'} (${vpcConfig ? 'ConfigMap amazon-vpc-cni' : agentArg ?? 'default'})`);
    return enabled ? { name: 'aws-network-policy-agent', capabilities: enforces('VPC CNI network-policy agent enabled') } : { capabilities: {} };
  }
  if (plugin === 'azure-cni') {
    const npm = findDaemonSet(snapshot, named('azure-npm'));
    if (npm) {
      found(`DaemonSet ${where(npm)}`);
      return { name: 'azure-npm', capabilities: enforces('Azure Network Policy Manager') };
    }
    return { capabilities: { networkPolicy: cap('no', 'no policy engine (AKS without --network-policy)', SOURCE), networkPolicyEgress: cap('no', 'no policy engine', SOURCE) } };
  }
  if (plugin === 'flannel') {
    if (isK3s(snapshot)) {
      found('k3s: embedded kube-router NetworkPolicy controller (unless started with --disable-network-policy)');
      return { name: 'kube-router', capabilities: enforces('k3s embedded kube-router controller') };
    }
    const withPolicies = daemonSets(snapshot).find((d) => d.metadata.name.includes('flannel') && containers(d).some((c) => c.name.includes('kube-network-policies')));
    if (withPolicies) {
      found(`kube-network-policies container in DaemonSet ${where(withPolicies)}`);
      return { name: 'kube-network-policies', capabilities: enforces('flannel with kube-network-policies') };
    }
  }
  if (plugin === 'kindnet') return { name: 'kube-network-policies', capabilities: {} };
  if (plugin === 'gke-dataplane-v2' || plugin === 'ovn-kubernetes' || plugin === 'antrea' || plugin === 'weave-net' || plugin === 'kube-router') {
    return { name: plugin, capabilities: {} };
  }
  return { capabilities: {} };
}

// ---------------------------------------------------------------------------------------------
// Capability refinements from configuration the snapshot shows

function hostPortFromConfig(snapshot: Snapshot, plugin: string, found: (what: string) => void): Partial<Record<CniCapabilityName, Capability>> {
  const conflist: Record<string, [string, string]> = {
    flannel: ['kube-flannel-cfg', 'cni-conf.json'],
    calico: ['calico-config', 'cni_network_config'],
    canal: ['canal-config', 'cni_network_config'],
    'kube-router': ['kube-router-cfg', 'cni-conf.json'],
  };
  const entry = conflist[plugin];
  if (plugin === 'calico') {
    // The operator records it in the Installation instead of a conflist ConfigMap.
    const hostPorts = (customResource(snapshot, 'Installation', 'default')?.spec as { calicoNetwork?: { hostPorts?: string } } | undefined)?.calicoNetwork?.hostPorts;
    if (hostPorts !== undefined) {
      found(`Installation default spec.calicoNetwork.hostPorts ${hostPorts}`);
      return { hostPort: cap(hostPorts === 'Enabled' ? 'yes' : 'no', `calicoNetwork.hostPorts: ${hostPorts}`, SOURCE) };
    }
  }
  if (entry) {
    const text = configMap(snapshot, entry[0])?.[entry[1]];
    if (text === undefined) return {};
    const portmap = /"type"\s*:\s*"portmap"/.test(text);
    found(`ConfigMap ${entry[0]} ${entry[1]} ${portmap ? 'chains' : 'does not chain'} portmap`);
    return { hostPort: cap(portmap ? 'yes' : 'no', portmap ? 'portmap chained' : 'portmap not chained in the CNI conflist', SOURCE) };
  }
  if (plugin === 'cilium') {
    const config = configMap(snapshot, 'cilium-config');
    if (!config) return {};
    const kpr = ['true', 'strict'].includes(config['kube-proxy-replacement'] ?? '');
    const chained = config['cni-chaining-mode'] === 'portmap' || config['enable-host-port'] === 'true';
    found(`cilium-config kube-proxy-replacement=${config['kube-proxy-replacement'] ?? 'unset'}, cni-chaining-mode=${config['cni-chaining-mode'] ?? 'unset'}`);
    return { hostPort: cap(kpr || chained ? 'yes' : 'no', kpr ? 'native with kube-proxy replacement' : chained ? 'portmap chaining' : 'no kube-proxy replacement and no portmap chaining', SOURCE) };
  }
  return {};
}

/** Node.spec.podCIDRs has one CIDR per family: the cluster's actual IP families. */
function ipFamilies(snapshot: Snapshot, found: (what: string) => void): Partial<Record<CniCapabilityName, Capability>> {
  const cidrs = (snapshot.nodes ?? []).flatMap((n) => n.spec?.podCIDRs ?? (n.spec?.podCIDR ? [n.spec.podCIDR] : []));
  if (cidrs.length === 0) return {};
  const v6 = cidrs.some((c) => c.includes(':'));
  const v4 = cidrs.some((c) => !c.includes(':'));
  const families = [v4 ? 'IPv4' : '', v6 ? 'IPv6' : ''].filter(Boolean).join(' + ');
  found(`Node.spec.podCIDRs: ${families}`);
  const note = `cluster pod CIDRs are ${families}`;
  return { ipv6: cap(v6 ? 'yes' : 'no', note, SOURCE), dualStack: cap(v4 && v6 ? 'yes' : 'no', note, SOURCE) };
}

function multus(snapshot: Snapshot, found: (what: string) => void): Partial<Record<CniCapabilityName, Capability>> {
  const ds = findDaemonSet(snapshot, (d) => d.metadata.name.includes('multus'));
  if (ds || hasGroup(snapshot, 'k8s.cni.cncf.io')) {
    found(ds ? `DaemonSet ${where(ds)}` : 'API group k8s.cni.cncf.io (NetworkAttachmentDefinition)');
    return { multiNetwork: cap('yes', 'Multus', SOURCE) };
  }
  return {};
}

function ingressClasses(snapshot: Snapshot, found: (what: string) => void): TargetProfileLayer['ingress'] | undefined {
  if (!snapshot.ingressClasses) return undefined;
  const classes = snapshot.ingressClasses.map((c) => c.metadata.name).sort();
  const defaultClass = snapshot.ingressClasses.find((c) => c.metadata.annotations?.['ingressclass.kubernetes.io/is-default-class'] === 'true')?.metadata.name;
  found(`IngressClasses: ${classes.join(', ') || 'none'}`);
  return { classes, gatewayClasses: [], defaultClass: defaultClass ?? null };
}

// ---------------------------------------------------------------------------------------------
// Distribution (§5.2)

interface DistributionMatch {
  readonly id: BuiltInProfileId;
  readonly note?: string;
  readonly loadBalancer?: 'yes' | 'no' | 'unknown';
  readonly reservedHostPorts?: number[];
  readonly admission?: NonNullable<TargetProfileLayer['admission']>;
}

function kubeletVersions(snapshot: Snapshot): string[] {
  return (snapshot.nodes ?? []).map((n) => n.status?.nodeInfo?.kubeletVersion ?? '').concat(snapshot.version?.gitVersion ?? '');
}

function isK3s(snapshot: Snapshot): boolean {
  return kubeletVersions(snapshot).some((v) => v.includes('+k3s'));
}

function detectDistribution(snapshot: Snapshot, plugin: string, engine: EngineMatch, found: (what: string) => void): DistributionMatch {
  const nodes = snapshot.nodes ?? [];
  const provider = (prefix: string) => nodes.some((n) => n.spec?.providerID?.startsWith(prefix));
  const label = (test: (key: string) => boolean) => nodes.some((n) => Object.keys(n.metadata.labels ?? {}).some(test));
  const metallb = hasGroup(snapshot, 'metallb.io') || hasGroup(snapshot, 'cilium.io') && (snapshot.customResources ?? []).some((r) => r.kind === 'CiliumLoadBalancerIPPool');

  if (hasGroup(snapshot, 'config.openshift.io')) {
    found('distribution: OpenShift (config.openshift.io)');
    return { id: 'openshift', admission: { podSecurity: 'restricted', openshiftScc: 'restricted-v2' } };
  }
  if (provider('aws://') || label((k) => k === 'eks.amazonaws.com/nodegroup')) {
    found('distribution: EKS (providerID aws:// or eks.amazonaws.com/nodegroup)');
    return { id: engine.name === 'aws-network-policy-agent' ? 'eks-netpol' : 'eks', loadBalancer: 'yes' };
  }
  if (provider('gce://') || label((k) => k === 'cloud.google.com/gke-nodepool')) {
    const autopilot = hasGroup(snapshot, 'auto.gke.io');
    found(`distribution: GKE${autopilot ? ' Autopilot (auto.gke.io, an unverified marker)' : ''}`);
    return autopilot
      ? { id: 'gke-autopilot', loadBalancer: 'yes', admission: { podSecurity: 'privileged', autopilot: true, allowedHostPathPrefixes: ['/var/log/'] } }
      : { id: 'gke', loadBalancer: 'yes' };
  }
  if (provider('azure://') || label((k) => k.startsWith('kubernetes.azure.com/'))) {
    found('distribution: AKS (providerID azure:// or kubernetes.azure.com/* labels)');
    return { id: 'aks', loadBalancer: 'yes' };
  }
  if (isK3s(snapshot)) {
    found('distribution: k3s (kubelet version +k3s)');
    return { id: 'k3s', loadBalancer: 'yes', reservedHostPorts: [80, 443] };
  }
  if (kubeletVersions(snapshot).some((v) => v.includes('+rke2'))) {
    const ingressNginx = findDaemonSet(snapshot, (d) => d.metadata.name.includes('ingress-nginx'));
    found('distribution: RKE2 (kubelet version +rke2; no built-in profile, using generic)');
    return {
      id: 'generic',
      note: 'RKE2 has no built-in profile yet',
      ...(ingressNginx ? { reservedHostPorts: [80, 443] } : {}),
      loadBalancer: metallb ? 'yes' : 'unknown',
    };
  }
  if (plugin === 'kindnet' || provider('kind://') || nodes.some((n) => n.metadata.name.endsWith('-control-plane') && plugin === 'kindnet')) {
    found('distribution: kind');
    return { id: 'kind', loadBalancer: metallb ? 'yes' : 'no' };
  }
  if (plugin === 'calico') return { id: 'kubeadm-calico', loadBalancer: metallb ? 'yes' : 'no' };
  if (plugin === 'flannel') return { id: 'kubeadm-flannel', loadBalancer: metallb ? 'yes' : 'no' };
  return { id: 'generic', ...(metallb ? { loadBalancer: 'yes' as const } : {}) };
}

function kubernetesMinor(snapshot: Snapshot): `1.${number}` | undefined {
  const minor = snapshot.version?.minor?.replace(/\D+$/, '') ?? /^v?1\.(\d+)/.exec(snapshot.version?.gitVersion ?? '')?.[1];
  return minor && /^\d+$/.test(minor) ? `1.${Number(minor)}` : undefined;
}
