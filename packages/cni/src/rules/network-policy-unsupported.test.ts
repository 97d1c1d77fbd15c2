import { RuleTester } from '@baton/testing';
import { network, targets } from '../__fixtures__/cni-fixtures.js';
import { networkPolicyUnsupported } from './network-policy-unsupported.js';

const grouped = { network: { mode: 'container' as const, networks: [network('dcos')], securityGroups: ['payments'] } };
const labelled = { network: { mode: 'container' as const, networks: [network('calico', 0, { role: 'db' })] } };
const onOverlay = { network: { mode: 'container' as const, networks: [network('dcos')] } };

RuleTester.run(networkPolicyUnsupported, {
  valid: [
    { name: 'isolation on an enforcing engine (EKS with the agent)', workload: grouped, target: targets['eks-netpol'] },
    { name: 'isolation on Calico', workload: labelled, target: targets['kubeadm-calico'] },
    { name: 'unknown engine is left to capability-unverified', workload: grouped, target: targets.generic },
    { name: 'no isolation and no request', workload: onOverlay, target: targets['kubeadm-flannel'] },
    { name: 'host networking, nothing to isolate', workload: {}, target: targets.eks, options: { networkPolicies: true } },
  ],
  invalid: [
    { name: 'security groups on EKS without the agent', workload: grouped, target: targets.eks, errors: [{ messageId: 'unenforced', pointer: '/ipAddress/groups' }] },
    { name: 'policy labels on stock flannel', workload: labelled, target: targets['kubeadm-flannel'], errors: [{ messageId: 'unenforced', pointer: '/networks/0/labels' }] },
    {
      name: 'NetworkPolicies requested for a named network on flannel',
      workload: onOverlay,
      target: targets['kubeadm-flannel'],
      options: { networkPolicies: true },
      errors: [{ messageId: 'unenforced', pointer: '/networks/0' }],
    },
    {
      name: 'partial engine (Azure CNI without a policy engine)',
      workload: grouped,
      target: { ...targets.aks, cni: { ...targets.aks.cni, capabilities: { networkPolicy: { level: 'partial', note: 'needs an engine' } } } },
      errors: [{ messageId: 'limited' }],
    },
  ],
});
