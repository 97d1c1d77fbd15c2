import { readFileSync } from 'node:fs';
import { GENERIC_TARGET, mergeTargetProfile, type ClusterSnapshot } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { detectCni } from './detect-cni.js';
import { cniProfiles } from './profiles/cni-profiles.js';

const snapshot = (name: string): ClusterSnapshot => JSON.parse(readFileSync(new URL(`./__fixtures__/snapshots/${name}.json`, import.meta.url), 'utf8'));

/** What the CLI does: the detected layer over the built-in profile it resembles. */
function profileOf(name: string) {
  const detection = detectCni(snapshot(name));
  return { detection, profile: mergeTargetProfile(GENERIC_TARGET, cniProfiles[detection.distribution], detection.layer) };
}

describe('detectCni', () => {
  it('EKS: VPC CNI, network-policy agent off, distribution eks', () => {
    const { detection, profile } = profileOf('eks');
    expect([detection.distribution, detection.plugin, detection.policyEngine, detection.confidence]).toEqual(['eks', 'aws-vpc-cni', undefined, 'high']);
    expect(profile.cni.capabilities.networkPolicy?.level).toBe('no');
    expect(profile.kubernetesVersion).toBe('1.31');
    expect(detection.evidence).toContain('DaemonSet kube-system/aws-node');
    expect(profile.cni.policyEngine).toBeUndefined();
  });

  it('EKS with enable-network-policy-controller: distribution eks-netpol', () => {
    const { detection, profile } = profileOf('eks-netpol');
    expect([detection.distribution, detection.policyEngine]).toEqual(['eks-netpol', 'aws-network-policy-agent']);
    expect(profile.cni.capabilities.networkPolicy?.level).toBe('yes');
  });

  it('k3s: in-process flannel seen only through node annotations, kube-router policy, reserved 80/443, Traefik', () => {
    const { detection, profile } = profileOf('k3s');
    expect([detection.distribution, detection.plugin, detection.policyEngine, detection.confidence]).toEqual(['k3s', 'flannel', 'kube-router', 'high']);
    expect(profile.reservedHostPorts).toEqual([80, 443]);
    expect(profile.ingress).toEqual({ classes: ['traefik'], gatewayClasses: [], defaultClass: 'traefik' });
    expect(profile.cni.capabilities.ipv6?.level).toBe('no'); // podCIDRs are IPv4 only
    expect(profile.kubernetesVersion).toBe('1.30');
  });

  it('kind: kindnet', () => {
    const { detection, profile } = profileOf('kind');
    expect([detection.distribution, detection.plugin]).toEqual(['kind', 'kindnet']);
    expect(profile.loadBalancer).toBe('no');
  });

  it('OpenShift: OVN-Kubernetes from Network/cluster, Multus, SCC restricted-v2', () => {
    const { detection, profile } = profileOf('openshift');
    expect([detection.distribution, detection.plugin]).toEqual(['openshift', 'ovn-kubernetes']);
    expect(profile.cni.capabilities.multiNetwork?.level).toBe('yes');
    expect(profile.admission.openshiftScc).toBe('restricted-v2');
    expect(profile.ingress.classes).toEqual(['openshift-default']);
  });

  it('kubeadm with the Calico operator: hostPorts from the Installation, dual-stack from podCIDRs, MetalLB', () => {
    const { detection, profile } = profileOf('kubeadm-calico-operator');
    expect([detection.distribution, detection.plugin, detection.policyEngine]).toEqual(['kubeadm-calico', 'calico', 'calico']);
    expect(profile.cni.capabilities.hostPort).toMatchObject({ level: 'yes', note: 'calicoNetwork.hostPorts: Enabled' });
    expect([profile.cni.capabilities.ipv6?.level, profile.cni.capabilities.dualStack?.level]).toEqual(['yes', 'yes']);
    expect(profile.loadBalancer).toBe('yes');
  });

  it('kubeadm with flannel: portmap read from the conflist ConfigMap, no policy engine', () => {
    const { detection, profile } = profileOf('kubeadm-flannel');
    expect([detection.distribution, detection.plugin, detection.policyEngine]).toEqual(['kubeadm-flannel', 'flannel', undefined]);
    expect(profile.cni.capabilities.hostPort?.level).toBe('yes');
    expect(profile.cni.capabilities.networkPolicy?.level).toBe('no');
    expect(detection.evidence).toContain('ConfigMap kube-flannel-cfg cni-conf.json chains portmap');
  });

  it('AKS: Azure CNI powered by Cilium', () => {
    const { detection, profile } = profileOf('aks-cilium');
    expect([detection.distribution, detection.plugin, detection.policyEngine]).toEqual(['aks', 'azure-cni', 'cilium']);
    expect(profile.cni.capabilities.networkPolicy?.level).toBe('yes');
  });

  it('GKE: anetd is Dataplane V2, not Cilium; auto.gke.io marks Autopilot', () => {
    const standard = profileOf('gke-dpv2');
    expect([standard.detection.distribution, standard.detection.plugin]).toEqual(['gke', 'gke-dataplane-v2']);
    expect(standard.profile.ingress.classes).toEqual(['gce', 'gce-internal']);
    const autopilot = profileOf('gke-autopilot');
    expect(autopilot.detection.distribution).toBe('gke-autopilot');
    expect(autopilot.profile.cni.capabilities.hostPort?.level).toBe('no');
    expect(autopilot.profile.admission.autopilot).toBe(true);
  });

  it('nothing recognisable: generic, low confidence, capabilities unknown', () => {
    const { detection, profile } = profileOf('unknown');
    expect([detection.distribution, detection.plugin, detection.confidence]).toEqual(['generic', 'unknown', 'low']);
    expect(profile.cni.capabilities.networkPolicy?.level).toBe('unknown');
    expect(profile.kubernetesVersion).toBe('1.29');
    expect(detection.evidence).toEqual(['no CNI signature matched']);
  });

  it('Cilium chained on the VPC CNI is the policy engine, not the pod network', () => {
    const eks = snapshot('eks');
    const detection = detectCni({ ...eks, configMaps: [...(eks.configMaps ?? []), { metadata: { name: 'cilium-config', namespace: 'kube-system' }, data: { 'cni-chaining-mode': 'aws-cni' } }] });
    expect([detection.plugin, detection.policyEngine]).toEqual(['aws-vpc-cni', 'cilium']);
  });
});
