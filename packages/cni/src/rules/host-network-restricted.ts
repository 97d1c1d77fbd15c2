import { defineChecker } from '@baton/core';
import { resolveCniOptions } from '../cni-options.js';
import { admissionGate, capabilityOf, hostNetworkNeed } from '../network-needs.js';

export const hostNetworkRestricted = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'cni/host-network-restricted',
    description: 'The workload needs the node\'s network namespace, and the target\'s admission forbids hostNetwork.',
    defaultSeverity: 'error',
    impact: 'blocker',
    messages: {
      forbidden: 'The workload needs host networking ({{reason}}), and {{policy}} forbids hostNetwork.',
    },
    hint: 'Let the app bind its port inside the pod and reach it through a Service; if it truly needs the node network (agents, node exporters), run it in a namespace or on a target that admits hostNetwork.',
    docs: `## Marathon

\`networks: [{ mode: host }]\` (the default) runs the task in the agent's network namespace. With \`requirePorts: true\` the app binds the declared ports on the agent itself; other hosts, health checkers and service registries (Consul, ZooKeeper) reach it at \`agent-ip:port\`. Some apps also talk to agent-local daemons on \`localhost\`.

## Kubernetes

Most host-mode apps only need their own port: Baton gives them a pod IP and a fixed \`containerPort\`, with \`PORT0…\` set accordingly. Apps that must sit on the node use \`hostNetwork: true\`, which every CNI supports because it bypasses the CNI, but which admission decides: Pod Security Admission \`baseline\` and \`restricted\` forbid host namespaces, OpenShift SCC \`restricted-v2\` has \`allowHostNetwork: false\`, and GKE Autopilot rejects it (Warden \`autogke-disallow-hostnamespaces\`).

The plugin option \`hostNetwork\` says which host-mode apps need the node network: \`require-ports\` (default: apps with \`requirePorts\` and fixed ports), \`always\` or \`never\`.

## What to do

- Check whether the app really needs the node network. Usually a Service in front of the pod is enough, and clients move to the Service name.
- For node agents, use a DaemonSet in a namespace labelled \`pod-security.kubernetes.io/enforce: privileged\` (not possible on Autopilot; on OpenShift grant the \`hostnetwork\` SCC to the service account).`,
  },
  appliesTo: (workload) => workload.network.mode === 'host',
  check(ctx) {
    const need = hostNetworkNeed(ctx.workload, resolveCniOptions(ctx.options));
    if (!need) return;
    const capability = capabilityOf(ctx.target, 'hostNetwork');
    const policy = admissionGate(ctx.target, 'hostNetwork') ?? (capability.level === 'no' ? capability.note ?? 'the target' : undefined);
    if (policy) ctx.report({ messageId: 'forbidden', pointer: need.pointer, data: { reason: need.reason, policy } });
  },
});
