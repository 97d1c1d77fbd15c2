import { defineChecker } from '@baton/core';
import { capabilityOf, describeTarget } from '../network-needs.js';

/** MixedProtocolLBService went GA in Kubernetes 1.26. */
const MIXED_PROTOCOL_LB_MINOR = 26;

export const protocolUnsupported = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'cni/protocol-unsupported',
    description: 'A port uses a protocol the target cannot carry: SCTP without SCTP support, or TCP and UDP on one load-balanced port before Kubernetes 1.26.',
    defaultSeverity: 'error',
    impact: 'blocker',
    messages: {
      sctp: 'Port {{port}} uses SCTP, which {{target}} does not carry: {{note}}.',
      sctpLimited: 'Port {{port}} uses SCTP, which {{target}} carries only with restrictions: {{note}}.',
      mixedLoadBalancer: 'Port {{port}} is both TCP and UDP behind a load balancer; a LoadBalancer Service with mixed protocols needs Kubernetes 1.26+, and the target is {{version}}.',
    },
    hint: 'For SCTP, enable it on the CNI (e.g. Cilium sctp.enabled, the OpenShift SCTP MachineConfig) or carry the traffic over TCP; for TCP+UDP, use two LoadBalancer Services or a newer Kubernetes.',
    docs: `## Marathon

Port definitions and port mappings take \`protocol: tcp\`, \`udp\` or \`udp,tcp\` (one port number for both). Mesos with the Docker or UCR runtime also passes SCTP through when the host kernel has it.

## Kubernetes

TCP and UDP work with every CNI. \`udp,tcp\` becomes two Service ports with the same number, which is fine for ClusterIP and NodePort; a \`LoadBalancer\` Service with mixed protocols needs Kubernetes 1.26 (MixedProtocolLBService GA) and a cloud load balancer that supports it.

SCTP support varies: Cilium has it in beta (\`sctp.enabled=true\`, no port rewriting, no kube-proxy replacement); OVN-Kubernetes on OpenShift needs the SCTP kernel module enabled with a MachineConfig and supports ClusterIP and NodePort only; flannel passes SCTP but kube-router policy does not handle it; for most other plugins the reference could not verify it (\`cni/capability-unverified\` then reports it).

## What to do

- SCTP: enable it on the CNI and record \`cni.capabilities.sctp\` in the profile, or keep the workload on infrastructure that carries SCTP.
- TCP+UDP behind a load balancer: split it into two Services, one per protocol, or target Kubernetes 1.26+.`,
  },
  appliesTo: (workload) => workload.containers.some((c) => c.ports.some((p) => p.protocols.length > 1 || p.protocols.includes('sctp'))),
  check(ctx) {
    const sctp = capabilityOf(ctx.target, 'sctp');
    const minor = Number(ctx.target.kubernetesVersion.split('.')[1]);
    const loadBalanced = new Set(ctx.workload.exposure.filter((e) => e.kind === 'tcp-lb').map((e) => e.portIndex));
    for (const container of ctx.workload.containers) {
      for (const port of container.ports) {
        const label = `${port.name ?? port.containerPort}`;
        const data = { port: label, target: describeTarget(ctx.target), note: sctp.note ?? 'no SCTP', version: ctx.target.kubernetesVersion };
        if (port.protocols.includes('sctp')) {
          if (sctp.level === 'no') ctx.report({ messageId: 'sctp', pointer: port.pointer, data });
          else if (sctp.level === 'partial') ctx.report({ messageId: 'sctpLimited', pointer: port.pointer, data });
        }
        const mixed = port.protocols.includes('tcp') && port.protocols.includes('udp');
        if (mixed && loadBalanced.has(port.index) && minor < MIXED_PROTOCOL_LB_MINOR) {
          ctx.report({ messageId: 'mixedLoadBalancer', pointer: port.pointer, data });
        }
      }
    }
  },
});
