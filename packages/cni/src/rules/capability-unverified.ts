import { defineChecker, type CniCapabilityName } from '@baton/core';
import { resolveCniOptions } from '../cni-options.js';
import {
  bestCapability,
  describeTarget,
  fixedHostPorts,
  hostNetworkNeed,
  ipv6Needs,
  isolationNeeds,
  secondaryNetworks,
  type Need,
} from '../network-needs.js';

const CAPABILITY_LABELS: Readonly<Record<CniCapabilityName, string>> = {
  networkPolicy: 'NetworkPolicy enforcement',
  networkPolicyEgress: 'egress NetworkPolicy',
  hostPort: 'hostPort',
  hostNetwork: 'hostNetwork',
  multiNetwork: 'multi-network (Multus)',
  ipv6: 'IPv6 pod addresses',
  dualStack: 'dual-stack',
  sctp: 'SCTP',
  staticPodIp: 'static pod IPs',
  bandwidth: 'bandwidth annotations',
  l7Policy: 'L7 policy',
};

export const capabilityUnverified = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'cni/capability-unverified',
    description: 'The workload needs a networking capability whose support on the target is unknown or unverified.',
    defaultSeverity: 'info',
    impact: 'review',
    messages: {
      unknown: 'The workload needs {{capability}} ({{reason}}), and whether {{target}} supports it is unknown: {{note}}.',
      unverified: 'The workload needs {{capability}} ({{reason}}); the profile says {{level}} for {{target}}, but that value is unverified.',
    },
    hint: 'Confirm the capability on the cluster and record it in the profile (cni.capabilities.{{key}}), or capture the cluster\'s facts with `migrate target capture`.',
    docs: `## Why this rule exists

The networking rules (\`cni/host-port-unsupported\`, \`cni/network-policy-unsupported\`, \`cni/multi-network-required\`, \`cni/ipv6-unsupported\`, \`cni/protocol-unsupported\`) only fire when the target profile *says* a capability is missing. Many cells of the capability matrix are not documented anywhere Baton could check (SCTP on most plugins, hostPort on Azure CNI, everything on the \`generic\` profile). Staying silent there would read as "fine"; this rule says "cannot verify" instead.

It also reports capabilities the profile marks \`unverified: true\`: values the reference believed but could not confirm from a source (for example hostPort on kindnet).

## Kubernetes

No API tells you what the CNI supports. The CNI configuration lives in \`/etc/cni/net.d\` on each node, and an API server accepts NetworkPolicy objects whether or not anything enforces them. Only the profile (built-in, captured facts, or your overrides) can answer.

## What to do

- Check the capability on the cluster (the CNI's documentation, its ConfigMap, a quick test pod).
- Record the answer in the profile overrides: \`cni: { capabilities: { sctp: { level: yes, source: "tested 2026-11" } } }\`.
- Or capture the target (\`migrate target capture\`), which detects the plugin and fills what can be read.`,
  },
  check(ctx) {
    const options = resolveCniOptions(ctx.options);
    const { workload, target } = ctx;
    const needs: { capabilities: CniCapabilityName[]; need: Need }[] = [];
    for (const need of isolationNeeds(workload, options)) needs.push({ capabilities: ['networkPolicy'], need });
    const hostNetwork = hostNetworkNeed(workload, options);
    if (hostNetwork) needs.push({ capabilities: ['hostNetwork'], need: hostNetwork });
    for (const port of fixedHostPorts(workload, options)) {
      if (port.via === 'hostPort') needs.push({ capabilities: ['hostPort'], need: { pointer: port.port.pointer, reason: `host port ${port.hostPort}/${port.protocol}` } });
    }
    for (const network of secondaryNetworks(workload, options)) {
      needs.push({ capabilities: ['multiNetwork'], need: { pointer: network.pointer, reason: `second network ${network.name}` } });
    }
    for (const need of ipv6Needs(workload)) needs.push({ capabilities: ['ipv6', 'dualStack'], need });
    for (const container of workload.containers) {
      for (const port of container.ports) {
        if (port.protocols.includes('sctp')) needs.push({ capabilities: ['sctp'], need: { pointer: port.pointer, reason: `SCTP port ${port.name ?? port.containerPort}` } });
      }
    }
    const seen = new Set<string>();
    for (const { capabilities, need } of needs) {
      const capability = bestCapability(target, capabilities);
      const key = `${capability.name}|${need.pointer}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const data = {
        capability: CAPABILITY_LABELS[capability.name],
        key: capability.name,
        reason: need.reason,
        target: describeTarget(target),
        note: capability.note ?? 'no data',
        level: capability.level,
      };
      if (capability.level === 'unknown') ctx.report({ messageId: 'unknown', pointer: need.pointer, data });
      else if (capability.unverified) ctx.report({ messageId: 'unverified', pointer: need.pointer, data });
    }
  },
});
