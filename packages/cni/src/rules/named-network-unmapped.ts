import { defineChecker } from '@baton/core';
import { resolveCniOptions } from '../cni-options.js';
import { namedNetworks } from '../network-needs.js';

export const namedNetworkUnmapped = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'cni/named-network-unmapped',
    description: 'A named Marathon network (such as the DC/OS `dcos` overlay) has no entry in the plugin option networkMapping.',
    defaultSeverity: 'info',
    impact: 'review',
    messages: {
      unmapped: 'Network {{network}} has no mapping; the pods join the default pod network and the name {{network}} is dropped.',
    },
    hint: 'Add networkMapping: { "{{network}}": "default" } to confirm the primary pod network, or map it to a NetworkAttachmentDefinition ("namespace/name") for a second interface.',
    docs: `## Marathon

In \`container\` mode a task joins a named virtual network: the DC/OS overlay \`dcos\` (9.0.0.0/8, VXLAN), a Calico network, or any CNI network the agents define. Each task gets its own IP on it. Names matter: DNS names such as \`*.autoip.dcos.thisdcos.directory\`, isolation between networks, and external routing can all depend on them.

## Kubernetes

Every pod gets one IP on the cluster's pod network, which is roughly what a single named network gave. Names of networks have no meaning there: extra networks need Multus and NetworkAttachmentDefinitions (see \`cni/multi-network-required\`), and isolation is done with NetworkPolicy (\`--network-policies\`).

Baton does not guess: until the plugin option \`networkMapping\` names the network, it is treated as the primary pod network and this rule asks a human to confirm.

## What to do

- For the DC/OS overlay and other "one IP per task" networks: \`networkMapping: { dcos: default }\`.
- For networks that carried special traffic (storage, multicast, a VLAN), map them to a NetworkAttachmentDefinition, \`networkMapping: { storage: "infra/storage-net" }\`.
- Check clients that used DC/OS network DNS names; they move to Service names.`,
  },
  appliesTo: (workload) => workload.network.mode === 'container',
  check(ctx) {
    for (const network of namedNetworks(ctx.workload, resolveCniOptions(ctx.options))) {
      if (network.mappedTo === undefined) ctx.report({ messageId: 'unmapped', pointer: network.pointer, data: { network: network.name } });
    }
  },
});
