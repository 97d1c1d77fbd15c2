import { defineChecker } from '@baton/core';
import { resolveCniOptions } from '../cni-options.js';
import { capabilityOf, describeTarget, portsOnSecondaryNetworks, secondaryNetworks } from '../network-needs.js';

export const multiNetworkRequired = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'cni/multi-network-required',
    description: 'The workload is attached to more than one network, and the target has no multi-network support (Multus or equivalent).',
    defaultSeverity: 'error',
    impact: 'blocker',
    messages: {
      unsupported: 'Network {{network}} would be a second interface, and {{target}} has no multi-network support: {{note}}.',
      limited: 'Network {{network}} would be a second interface; multi-network on {{target}} is only partly available: {{note}}.',
      portNetworks: 'Port {{port}} is bound to network(s) {{networks}}, which would be a second interface, and {{target}} has no multi-network support.',
    },
    hint: 'Map the extra networks to the primary pod network (networkMapping: { "<name>": "default" }) when isolation between them is not needed, or install Multus and map them to NetworkAttachmentDefinitions.',
    docs: `## Marathon

In \`container\` mode an app or pod can join several named networks (\`networks: [{ name: a }, { name: b }]\`), and \`portMappings[].networkNames\` binds a port to some of them. Each network gives the task one more interface and IP.

## Kubernetes

A pod has one primary interface on the cluster network. More interfaces need Multus (\`k8s.v1.cni.cncf.io/networks\` with NetworkAttachmentDefinitions), OVN-Kubernetes secondary networks or UserDefinedNetworks, Antrea SecondaryNetwork, or GKE multi-network (1.28+, Dataplane V2, not with dual-stack). OpenShift always has Multus. Calico, Cilium, flannel, the AWS VPC CNI and kindnet have none on their own.

Baton maps the networks listed as \`default\` in the plugin option \`networkMapping\` (or, when none is, the first named network) to the primary pod network. Every other named network, and every network mapped to a NetworkAttachmentDefinition, needs multi-network support.

## What to do

- If the networks only separated traffic, map them all to \`default\` and use NetworkPolicy for the separation (\`--network-policies\`).
- If the app needs a real second interface (a storage or telco network), install Multus, create the NetworkAttachmentDefinitions, map each network to one, and set \`cni.capabilities.multiNetwork\` in the profile.`,
  },
  appliesTo: (workload) => workload.network.mode === 'container',
  check(ctx) {
    const capability = capabilityOf(ctx.target, 'multiNetwork');
    if (capability.level !== 'no' && capability.level !== 'partial') return;
    const options = resolveCniOptions(ctx.options);
    const target = describeTarget(ctx.target);
    const note = capability.note ?? 'no Multus';
    for (const network of secondaryNetworks(ctx.workload, options)) {
      ctx.report({ messageId: capability.level === 'no' ? 'unsupported' : 'limited', pointer: network.pointer, data: { network: network.name, target, note } });
    }
    if (capability.level !== 'no') return;
    for (const { port, networks } of portsOnSecondaryNetworks(ctx.workload, options)) {
      ctx.report({ messageId: 'portNetworks', pointer: `${port.pointer}/networkNames`, data: { port: port.name ?? port.containerPort, networks: networks.join(', '), target } });
    }
  },
});
