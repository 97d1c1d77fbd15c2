import { RuleTester } from '@baton/testing';
import { network, port, targets } from '../__fixtures__/cni-fixtures.js';
import { capabilityUnverified } from './capability-unverified.js';

RuleTester.run(capabilityUnverified, {
  valid: [
    { name: 'nothing special needed', workload: {}, target: targets.generic },
    { name: 'known host port support', workload: { network: { mode: 'bridge' }, containers: [{ ports: [port({ hostPort: 80 })] }] }, target: targets['kubeadm-calico'] },
    { name: 'known missing support is the other rules\' business', workload: { network: { mode: 'container', networks: [network('a'), network('b', 1)] } }, target: targets.eks },
  ],
  invalid: [
    {
      name: 'everything unknown on generic',
      workload: {
        network: { mode: 'container', networks: [network('a'), network('b', 1)], securityGroups: ['g'] },
        containers: [{ ports: [port({ hostPort: 3868, protocols: ['sctp'] })] }],
      },
      target: targets.generic,
      errors: [
        { messageId: 'unknown', pointer: '/ipAddress/groups', data: { key: 'networkPolicy' } },
        { messageId: 'unknown', pointer: '/container/portMappings/0', data: { key: 'hostPort' } },
        { messageId: 'unknown', pointer: '/networks/1', data: { key: 'multiNetwork' } },
        { messageId: 'unknown', pointer: '/container/portMappings/0', data: { key: 'sctp' } },
      ],
    },
    { name: 'SCTP on EKS is a "?" in the matrix', workload: { containers: [{ ports: [port({ protocols: ['sctp'] })] }] }, target: targets.eks, errors: [{ messageId: 'unknown', data: { key: 'sctp' } }] },
    { name: 'hostPort on kindnet is unverified', workload: { network: { mode: 'bridge' }, containers: [{ ports: [port({ hostPort: 80 })] }] }, target: targets.kind, errors: [{ messageId: 'unverified', data: { key: 'hostPort', level: 'yes' } }] },
  ],
});
