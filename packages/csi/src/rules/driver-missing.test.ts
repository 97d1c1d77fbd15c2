import { RuleTester } from '@baton/testing';
import { eksWithDrivers, external, targets } from '../__fixtures__/csi-fixtures.js';
import { driverMissing } from './driver-missing.js';

RuleTester.run(driverMissing, {
  valid: [
    { name: 'rexray/ebs on EKS with the EBS driver', workload: { volumes: [external()] }, target: eksWithDrivers },
    { name: 'plain rexray with a driver mapping', workload: { volumes: [external({ driver: 'rexray' })] }, target: eksWithDrivers, options: { driverMapping: { rexray: 'ebs.csi.aws.com' } } },
    { name: 'plain rexray mapped to a StorageClass', workload: { volumes: [external({ driver: 'rexray' })] }, target: eksWithDrivers, options: { storageClassMapping: { rexray: 'efs' } } },
    { name: 'CSI plugin present (via the in-tree alias)', workload: { volumes: [external({ provider: 'csi', driver: 'kubernetes.io/aws-ebs' })] }, target: eksWithDrivers },
    { name: 'unknown storage is left to storage-unverified', workload: { volumes: [external()] }, target: targets.openshift },
  ],
  invalid: [
    { name: 'rexray/ebs on stock EKS', workload: { volumes: [external()] }, target: targets.eks, errors: [{ messageId: 'missing', pointer: '/container/volumes/0', data: { driver: 'ebs.csi.aws.com' } }] },
    { name: 'Portworx on GKE', workload: { volumes: [external({ driver: 'pxd' })] }, target: targets.gke, errors: [{ messageId: 'missing', data: { driver: 'pxd.portworx.com' } }] },
    { name: 'plain rexray names no backend', workload: { volumes: [external({ driver: undefined, options: { 'dvdi/driver': 'rexray' } })] }, target: eksWithDrivers, errors: [{ messageId: 'backendUnknown', data: { key: 'rexray' } }] },
    {
      name: 'Marathon CSI plugin the target lacks',
      workload: { volumes: [external({ provider: 'csi', driver: undefined, options: { pluginName: 'lvm.csi.mesosphere.io' } })] },
      target: targets.kind,
      errors: [{ messageId: 'missing', data: { driver: 'lvm.csi.mesosphere.io' } }],
    },
  ],
});
