import { RuleTester } from '@baton/testing';
import { port, targets } from '../__fixtures__/cni-fixtures.js';
import { hostPortUnsupported } from './host-port-unsupported.js';

const bridged = (hostPort: number) => ({ network: { mode: 'bridge' as const }, containers: [{ ports: [port({ hostPort })] }] });
const noPortmap = { ...targets['kubeadm-calico'], id: 'kube-router', cni: { ...targets['kubeadm-calico'].cni, plugin: 'kube-router', capabilities: { hostPort: { level: 'no' as const, note: 'plain manifest, no portmap' } } } };

RuleTester.run(hostPortUnsupported, {
  valid: [
    { name: 'fixed host port with portmap', workload: bridged(31000), target: targets['kubeadm-calico'] },
    { name: 'dynamic host port', workload: bridged(0), target: noPortmap },
    { name: 'host ports dropped for Services', workload: bridged(31000), target: noPortmap, options: { hostPorts: 'drop' } },
    { name: 'unknown support is left to capability-unverified', workload: bridged(31000), target: targets.generic },
    { name: 'host mode ports are host-network-restricted\'s business', workload: { network: { requirePorts: true }, containers: [{ ports: [port({ hostPort: 80, containerPort: 80 })] }] }, target: targets.openshift },
  ],
  invalid: [
    { name: 'no portmap', workload: bridged(31000), target: noPortmap, errors: [{ messageId: 'unsupported', pointer: '/container/portMappings/0', data: { hostPort: 31000, protocol: 'tcp' } }] },
    { name: 'SCC restricted-v2', workload: bridged(31000), target: targets.openshift, errors: [{ messageId: 'forbidden' }] },
    { name: 'Autopilot', workload: bridged(31000), target: targets['gke-autopilot'], errors: [{ messageId: 'forbidden' }] },
    {
      name: 'PSA baseline, one finding per protocol',
      workload: { network: { mode: 'container' }, containers: [{ ports: [port({ hostPort: 53, protocols: ['udp', 'tcp'] })] }] },
      target: { ...targets.eks, admission: { podSecurity: 'baseline' } },
      errors: [{ messageId: 'forbidden', data: { protocol: 'udp' } }, { messageId: 'forbidden', data: { protocol: 'tcp' } }],
    },
    {
      name: 'kube-router variant with partial support',
      workload: bridged(31000),
      target: { ...noPortmap, cni: { ...noPortmap.cni, capabilities: { hostPort: { level: 'partial', note: 'only the -hostport manifests' } } } },
      errors: [{ messageId: 'limited' }],
    },
  ],
});
