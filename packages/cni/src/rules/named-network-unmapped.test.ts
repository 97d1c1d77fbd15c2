import { RuleTester } from '@baton/testing';
import { network, targets } from '../__fixtures__/cni-fixtures.js';
import { namedNetworkUnmapped } from './named-network-unmapped.js';

const overlay = { network: { mode: 'container' as const, networks: [network('dcos'), network('storage', 1)] } };

RuleTester.run(namedNetworkUnmapped, {
  valid: [
    { name: 'host networking', workload: {}, target: targets.eks },
    { name: 'bridge networking', workload: { network: { mode: 'bridge' } }, target: targets.eks },
    { name: 'every network mapped', workload: overlay, target: targets.eks, options: { networkMapping: { dcos: 'default', storage: 'infra/storage' } } },
  ],
  invalid: [
    {
      name: 'the DC/OS overlay and a second network, unmapped',
      workload: overlay,
      target: targets.eks,
      errors: [
        { messageId: 'unmapped', pointer: '/networks/0', data: { network: 'dcos' } },
        { messageId: 'unmapped', pointer: '/networks/1', data: { network: 'storage' } },
      ],
    },
    { name: 'one of two mapped', workload: overlay, target: targets.eks, options: { networkMapping: { dcos: 'default' } }, errors: [{ messageId: 'unmapped', pointer: '/networks/1' }] },
  ],
});
