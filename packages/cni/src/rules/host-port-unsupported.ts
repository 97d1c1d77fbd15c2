import { defineChecker } from '@baton/core';
import { resolveCniOptions } from '../cni-options.js';
import { admissionGate, capabilityOf, describeTarget, fixedHostPorts } from '../network-needs.js';

export const hostPortUnsupported = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'cni/host-port-unsupported',
    description: 'A fixed host port cannot be kept as a Kubernetes hostPort on the target.',
    defaultSeverity: 'error',
    impact: 'blocker',
    messages: {
      unsupported: 'Host port {{hostPort}}/{{protocol}} needs hostPort support, which {{target}} lacks: {{note}}.',
      limited: 'Host port {{hostPort}}/{{protocol}} needs hostPort support, which {{target}} has only partly: {{note}}.',
      forbidden: 'Host port {{hostPort}}/{{protocol}} would be a hostPort, which {{policy}} rejects.',
    },
    hint: 'Expose the port through a Service (ClusterIP, NodePort or LoadBalancer) instead of a host port, and point clients at it; or run on a target that admits hostPort.',
    docs: `## Marathon

With bridge or container networking, \`portMappings[].hostPort\` set to a non-zero value pins the task to that port on the agent: clients (or marathon-lb) connect to \`agent-ip:hostPort\`. Marathon takes the port from the agent's \`ports\` resource, so at most one such task runs per agent.

## Kubernetes

The equivalent is \`containerPort.hostPort\`. It works only when the CNI chains the \`portmap\` plugin (or implements host ports natively, as Cilium does with kube-proxy replacement). The plain kube-router kubeadm manifest has no portmap; Cilium without kube-proxy replacement needs \`cni.chainingMode=portmap\`. Independently of the CNI, hostPort is rejected by Pod Security Admission \`baseline\` and \`restricted\` ("HostPorts should be disallowed entirely"), by OpenShift SCC \`restricted-v2\` (\`allowHostPorts: false\`) and by GKE Autopilot (Warden \`autogke-no-host-port\`).

This rule looks at fixed host ports of bridge and container mappings (unless the plugin option \`hostPorts: drop\` says they are replaced by Services) and at host-mode ports the workload keeps on the node.

## What to do

- Prefer a Service: ClusterIP for in-cluster clients, NodePort or LoadBalancer for clients outside. Update clients that connected to \`agent:port\`.
- If the port must be on the node (an agent that other hosts call at a known port), use a target whose admission allows it, or a dedicated namespace labelled \`pod-security.kubernetes.io/enforce: privileged\`, and a CNI with portmap.`,
  },
  appliesTo: (workload) => workload.containers.some((c) => c.ports.length > 0),
  check(ctx) {
    const options = resolveCniOptions(ctx.options);
    const ports = fixedHostPorts(ctx.workload, options).filter((p) => p.via === 'hostPort');
    if (ports.length === 0) return;
    const policy = admissionGate(ctx.target, 'hostPort');
    const capability = capabilityOf(ctx.target, 'hostPort');
    for (const { hostPort, protocol, port } of ports) {
      const data = { hostPort, protocol, target: describeTarget(ctx.target), note: capability.note ?? 'no portmap', policy: policy ?? '' };
      if (policy) ctx.report({ messageId: 'forbidden', pointer: port.pointer, data });
      else if (capability.level === 'no') ctx.report({ messageId: 'unsupported', pointer: port.pointer, data });
      else if (capability.level === 'partial') ctx.report({ messageId: 'limited', pointer: port.pointer, data });
    }
  },
});
