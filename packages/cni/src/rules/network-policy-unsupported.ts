import { defineChecker } from '@baton/core';
import { resolveCniOptions } from '../cni-options.js';
import { capabilityOf, describeTarget, isolationNeeds } from '../network-needs.js';

export const networkPolicyUnsupported = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'cni/network-policy-unsupported',
    description: 'The workload relied on network isolation, and the target\'s policy engine cannot enforce NetworkPolicy.',
    defaultSeverity: 'warning',
    impact: 'degraded',
    messages: {
      unenforced: 'The workload relied on {{reason}}; {{target}} does not enforce NetworkPolicy ({{note}}), so every pod can reach it.',
      limited: 'The workload relied on {{reason}}; NetworkPolicy on {{target}} is only partly available: {{note}}.',
    },
    hint: 'Enable a policy engine on the cluster (e.g. the VPC CNI network-policy agent, Calico or Cilium in policy mode) and set cni.capabilities.networkPolicy in the profile, or accept that the isolation is gone.',
    docs: `## Marathon

Marathon isolated tasks in two ways. Legacy \`ipAddress.groups\` put a task into Mesos network security groups: only members of the same group could reach it. On DC/OS virtual networks (for example Calico), \`networks[].labels\` were handed to the CNI plugin as policy labels. Teams relied on both to keep, for example, a database reachable only from its application.

## Kubernetes

Kubernetes expresses isolation with \`networking.k8s.io/v1\` NetworkPolicy objects, but the API server accepts them even when nothing enforces them. Enforcement comes from the policy engine: Calico, Cilium, Antrea, OVN-Kubernetes, GKE Dataplane V2 and kindnet (kind 0.24+) enforce; stock flannel, the AWS VPC CNI with its network-policy agent switched off (the default), and AKS without \`--network-policy\` do not. A migrated workload on such a cluster is reachable from every pod, silently.

This rule fires when the workload had security groups or network policy labels, or when NetworkPolicy generation (\`--network-policies\`) was asked for a workload on a named network, and the target's \`networkPolicy\` capability is \`no\` or \`partial\`. When the capability is unknown, \`cni/capability-unverified\` reports it instead.

## What to do

- Turn on a policy engine: on EKS set \`enable-network-policy-controller: "true"\` (use the \`eks-netpol\` profile), on AKS create the cluster with \`--network-policy cilium\` (or azure, calico), on flannel add the \`kube-network-policies\` container or Calico in policy-only mode (Canal).
- Then say so in the profile: \`cni.capabilities.networkPolicy: { level: yes }\`.
- Or accept the loss of isolation for this workload and set this rule to \`off\` for it.`,
  },
  appliesTo: (workload) => workload.network.mode === 'container' || (workload.network.securityGroups?.length ?? 0) > 0,
  check(ctx) {
    const capability = capabilityOf(ctx.target, 'networkPolicy');
    if (capability.level !== 'no' && capability.level !== 'partial') return;
    for (const need of isolationNeeds(ctx.workload, resolveCniOptions(ctx.options))) {
      ctx.report({
        messageId: capability.level === 'no' ? 'unenforced' : 'limited',
        pointer: need.pointer,
        data: { reason: need.reason, target: describeTarget(ctx.target), note: capability.note ?? 'no policy engine' },
      });
    }
  },
});
