import { RuleTester } from '@baton/testing';
import { network, port, targets } from '../__fixtures__/cni-fixtures.js';
import { multiNetworkRequired } from './multi-network-required.js';

const twoNetworks = { network: { mode: 'container' as const, networks: [network('dcos'), network('storage', 1)] } };
const oneNetwork = { network: { mode: 'container' as const, networks: [network('dcos')] } };

RuleTester.run(multiNetworkRequired, {
  valid: [
    { name: 'one named network', workload: oneNetwork, target: targets.eks },
    { name: 'two networks on OpenShift (Multus)', workload: twoNetworks, target: targets.openshift },
    { name: 'both networks mapped to the pod network', workload: twoNetworks, target: targets.eks, options: { networkMapping: { dcos: 'default', storage: 'default' } } },
    { name: 'unknown support is left to capability-unverified', workload: twoNetworks, target: targets.generic },
  ],
  invalid: [
    { name: 'second network on EKS', workload: twoNetworks, target: targets.eks, errors: [{ messageId: 'unsupported', pointer: '/networks/1', data: { network: 'storage' } }] },
    {
      name: 'network mapped to a NetworkAttachmentDefinition without Multus',
      workload: oneNetwork,
      target: targets['kubeadm-calico'],
      options: { networkMapping: { dcos: 'infra/overlay' } },
      errors: [{ messageId: 'unsupported', pointer: '/networks/0' }],
    },
    {
      name: 'the explicit primary network leaves the other one secondary',
      workload: twoNetworks,
      target: targets.kind,
      options: { networkMapping: { storage: 'default' } },
      errors: [{ messageId: 'unsupported', pointer: '/networks/0', data: { network: 'dcos' } }],
    },
    { name: 'GKE multi-network must be enabled', workload: twoNetworks, target: targets.gke, errors: [{ messageId: 'limited' }] },
    {
      name: 'ports bound to the second network',
      workload: { ...twoNetworks, containers: [{ ports: [port({ networkNames: ['storage'] })] }] },
      target: targets.eks,
      errors: [{ messageId: 'unsupported' }, { messageId: 'portNetworks', pointer: '/container/portMappings/0/networkNames' }],
    },
  ],
});
