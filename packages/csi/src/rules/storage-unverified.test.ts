import { RuleTester } from '@baton/testing';
import { eksWithDrivers, external, persistent, targets } from '../__fixtures__/csi-fixtures.js';
import { storageUnverified } from './storage-unverified.js';

RuleTester.run(storageUnverified, {
  valid: [
    { name: 'verified class and driver', workload: { volumes: [persistent()] }, target: eksWithDrivers, options: { storageClassMapping: { '*': 'efs' } } },
    { name: 'no volumes', workload: {}, target: targets.generic },
    { name: 'unverified fields that decide nothing here (EBS minimum size, local-path RWOP)', workload: { volumes: [persistent()] }, target: eksWithDrivers },
    { name: 'local-path RWOP doubt does not matter for RWO', workload: { volumes: [persistent()] }, target: targets.kind },
  ],
  invalid: [
    { name: 'generic target', workload: { volumes: [persistent()] }, target: targets.generic, errors: [{ messageId: 'unknownInventory', pointer: '/container/volumes/0' }] },
    { name: 'OpenShift storage depends on the platform', workload: { volumes: [external()] }, target: targets.openshift, errors: [{ messageId: 'unknownInventory', data: { volume: 'shared-data' } }] },
    { name: 'GKE default class name is unverified', workload: { volumes: [persistent()] }, target: targets.gke, errors: [{ messageId: 'unverifiedClass', data: { storageClass: 'standard-rwo' } }] },
    {
      name: 'PD read-only-many is unverified',
      workload: { volumes: [external({ provider: 'csi', driver: 'pd.csi.storage.gke.io', accessMode: 'ReadOnlyMany' })] },
      target: targets.gke,
      errors: [{ messageId: 'unverifiedDriver', data: { driver: 'pd.csi.storage.gke.io', fields: 'accessModes, blockOnlyAccessModes' } }],
    },
    {
      name: 'a driver known only by name',
      workload: { volumes: [external({ provider: 'csi', driver: 'cinder.csi.openstack.org' })] },
      target: { storage: { inventory: 'complete', classes: [], drivers: [{ name: 'cinder.csi.openstack.org', accessModes: ['ReadWriteOnce'], volumeModes: ['Filesystem'], expansion: 'unknown', snapshots: 'unknown', local: false, unverified: true }] } },
      errors: [{ messageId: 'unverifiedDriver', data: { fields: 'capabilities' } }],
    },
  ],
});
