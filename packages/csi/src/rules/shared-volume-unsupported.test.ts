import { RuleTester } from '@baton/testing';
import { eksWithDrivers, external, targets } from '../__fixtures__/csi-fixtures.js';
import { sharedVolumeUnsupported } from './shared-volume-unsupported.js';

RuleTester.run(sharedVolumeUnsupported, {
  valid: [
    { name: 'not shared', workload: { volumes: [external()] }, target: targets.kind },
    { name: 'EFS on the target', workload: { volumes: [external({ shared: true })] }, target: eksWithDrivers },
    { name: 'Azure File on AKS', workload: { volumes: [external({ shared: true })] }, target: targets.aks },
    { name: 'unknown storage is left to storage-unverified', workload: { volumes: [external({ shared: true })] }, target: targets.generic },
  ],
  invalid: [
    { name: 'local-path only (k3s)', workload: { volumes: [external({ shared: true })] }, target: targets.k3s, errors: [{ messageId: 'noDriver', pointer: '/container/volumes/0', data: { mode: 'ReadWriteMany', drivers: 'rancher.io/local-path' } }] },
    { name: 'PD only on GKE (Filestore is opt-in)', workload: { volumes: [external({ shared: true })] }, target: targets.gke, errors: [{ messageId: 'noDriver' }] },
    { name: 'nothing at all on kubeadm', workload: { volumes: [external({ accessMode: 'ReadOnlyMany' })] }, target: targets['kubeadm-flannel'], errors: [{ messageId: 'noDriver', data: { mode: 'ReadOnlyMany', drivers: 'none' } }] },
  ],
});
