import { defineChecker } from '@baton/core';
import { bestCapability, describeTarget, ipv6Needs } from '../network-needs.js';

export const ipv6Unsupported = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'cni/ipv6-unsupported',
    description: 'The workload used IPv6, and the target cannot give pods IPv6 addresses.',
    defaultSeverity: 'error',
    impact: 'blocker',
    messages: {
      unsupported: 'The workload uses IPv6 ({{reason}}), and {{target}} has no IPv6 or dual-stack pod networking: {{note}}.',
      limited: 'The workload uses IPv6 ({{reason}}); {{target}} gives pods IPv6 only if the cluster was created for it: {{note}}.',
    },
    hint: 'Plan for an IPv6 or dual-stack cluster (and set cni.capabilities.ipv6/dualStack to yes in the profile once confirmed, or capture the facts), or move the app to IPv4.',
    docs: `## Marathon

Marathon apps reach IPv6 through Docker's \`--ipv6\`/\`--ip6\` parameters, network labels that configure IPv6 on a DC/OS virtual network, and MESOS_HTTP/MESOS_TCP health checks with \`ipProtocol: IPv6\`.

## Kubernetes

Pods get IPv6 addresses only in an IPv6 single-stack or dual-stack cluster, and the IP family is fixed when the cluster is created. Services then choose families with \`ipFamilies\`/\`ipFamilyPolicy\`. Plugins differ: the AWS VPC CNI supports IPv6-only clusters but not dual-stack; GKE Dataplane V2 supports dual-stack but not IPv6-only; Weave Net has no IPv6. Probes follow the pod IP, so an IPv6 health check needs an IPv6 pod address.

The rule takes the better of the target's \`ipv6\` and \`dualStack\` capabilities. \`partial\` means the plugin can do it but the built-in profile cannot know how your cluster was created; a captured facts file (\`migrate target capture\`) reads \`Node.spec.podCIDRs\` and settles it.

## What to do

- Confirm the cluster's IP families (\`kubectl get nodes -o jsonpath='{.items[*].spec.podCIDRs}'\`) and record them in the profile.
- If the cluster is IPv4-only, check whether the app needs IPv6 at all; most health checks can use IPv4.`,
  },
  check(ctx) {
    const needs = ipv6Needs(ctx.workload);
    if (needs.length === 0) return;
    const capability = bestCapability(ctx.target, ['ipv6', 'dualStack']);
    if (capability.level !== 'no' && capability.level !== 'partial') return;
    for (const need of needs) {
      ctx.report({
        messageId: capability.level === 'no' ? 'unsupported' : 'limited',
        pointer: need.pointer,
        data: { reason: need.reason, target: describeTarget(ctx.target), note: capability.note ?? `${capability.name}: ${capability.level}` },
      });
    }
  },
});
