import { RuleTester } from '@baton/testing';
import { persistent, targets } from '../__fixtures__/csi-fixtures.js';
import { capacityNotEnforced } from './capacity-not-enforced.js';

RuleTester.run(capacityNotEnforced, {
  valid: [
    { name: 'PD enforces sizes', workload: { volumes: [persistent()] }, target: targets.gke },
    { name: 'no class at all is no-default-storage-class\'s business', workload: { volumes: [persistent()] }, target: targets['kubeadm-calico'] },
  ],
  invalid: [
    { name: 'local-path on k3s', workload: { volumes: [persistent('data', 4096)] }, target: targets.k3s, errors: [{ messageId: 'unbounded', pointer: '/container/volumes/0', data: { driver: 'rancher.io/local-path' } }] },
    { name: 'local-path on kind', workload: { volumes: [persistent()] }, target: targets.kind, errors: [{ messageId: 'unbounded' }] },
  ],
});
