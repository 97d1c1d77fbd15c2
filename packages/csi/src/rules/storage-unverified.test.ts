import { RuleTester } from '@baton/testing';
import { eksWithDrivers, external, persistent, targets } from '../__fixtures__/csi-fixtures.js';
import { storageUnverified } from './storage-unverified.js';

RuleTester.run(storageUnverified, {
  valid: [
    { name: 'verified class and driver', workload: { volumes: [persistent()] }, target: eksWithDrivers, options: { storageClassMapping: { '*': 'efs' } } },
    { name: 'no volumes', workload: {}, target: targets.generic },
  ],
  invalid: [
    { name: 'generic target', workload: { volumes: [persistent()] }, target: targets.generic, errors: [{ messageId: 'unknownInventory', pointer: '/container/volumes/0' }] },
    { name: 'OpenShift storage depends on the platform', workload: { volumes: [external()] }, target: targets.openshift, errors: [{ messageId: 'unknownInventory', data: { volume: 'shared-data' } }] },
    { name: 'GKE default class name is unverified', workload: { volumes: [persistent()] }, target: targets.gke, errors: [{ messageId: 'unverifiedClass', data: { storageClass: 'standard-rwo' } }] },
    { name: 'EBS minimum size is unverified', workload: { volumes: [persistent()] }, target: eksWithDrivers, errors: [{ messageId: 'unverifiedDriver', data: { driver: 'ebs.csi.aws.com', fields: 'minSizeMiB' } }] },
  ],
});
