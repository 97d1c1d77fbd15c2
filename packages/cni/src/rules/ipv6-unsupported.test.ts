import type { Probe } from '@baton/core';
import { RuleTester } from '@baton/testing';
import { network, targets } from '../__fixtures__/cni-fixtures.js';
import { ipv6Unsupported } from './ipv6-unsupported.js';

const probe = (ipProtocol?: 'IPv4' | 'IPv6'): Probe => ({
  purpose: 'health',
  action: { type: 'tcp', port: { index: 0 } },
  sourceProtocol: 'MESOS_TCP',
  local: true,
  gracePeriodSeconds: 300,
  intervalSeconds: 60,
  timeoutSeconds: 20,
  delaySeconds: 15,
  maxConsecutiveFailures: 3,
  pointer: '/healthChecks/0',
  ...(ipProtocol ? { ipProtocol } : {}),
});
const ipv6Check = { containers: [{ probes: [probe('IPv6')] }] };
const dockerIpv6 = { containers: [{ runtimeParameters: [{ key: 'ipv6', value: 'true', pointer: '/container/docker/parameters/0' }] }] };
const ipv6Label = { network: { mode: 'container' as const, networks: [network('v6net', 0, { subnet: 'fd00:10::/64' })] } };
const v4Only = { ...targets['kubeadm-calico'], cni: { ...targets['kubeadm-calico'].cni, capabilities: { ipv6: { level: 'no' as const }, dualStack: { level: 'no' as const } } } };

RuleTester.run(ipv6Unsupported, {
  valid: [
    { name: 'IPv4 health check', workload: { containers: [{ probes: [probe('IPv4'), probe()] }] }, target: v4Only },
    { name: 'confirmed dual-stack', workload: ipv6Check, target: { ...v4Only, cni: { ...v4Only.cni, capabilities: { dualStack: { level: 'yes' } } } } },
    { name: 'unknown support is left to capability-unverified', workload: ipv6Check, target: targets.generic },
  ],
  invalid: [
    { name: 'IPv6 health check on an IPv4-only target', workload: ipv6Check, target: v4Only, errors: [{ messageId: 'unsupported', pointer: '/healthChecks/0/ipProtocol' }] },
    { name: 'docker --ipv6 on Calico (family chosen at creation)', workload: dockerIpv6, target: targets['kubeadm-calico'], errors: [{ messageId: 'limited', pointer: '/container/docker/parameters/0' }] },
    { name: 'IPv6 subnet label on Weave-like target', workload: ipv6Label, target: v4Only, errors: [{ messageId: 'unsupported', pointer: '/networks/0/labels/subnet' }] },
  ],
});
