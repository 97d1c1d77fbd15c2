import { RuleTester } from '@baton/testing';
import { eksWithDrivers, external, targets } from '../__fixtures__/csi-fixtures.js';
import { accessModeUnsupported } from './access-mode-unsupported.js';

RuleTester.run(accessModeUnsupported, {
  valid: [
    { name: 'RWO on EBS', workload: { volumes: [external()] }, target: eksWithDrivers },
    { name: 'shared volume mapped to EFS', workload: { volumes: [external({ shared: true })] }, target: eksWithDrivers, options: { driverMapping: { 'rexray/ebs': 'efs.csi.aws.com' } } },
    { name: 'RWX on EBS with Block (io2 multi-attach)', workload: { volumes: [external({ shared: true, options: { capability: { accessType: 'block' } } })] }, target: eksWithDrivers },
    { name: 'no driver offers it: shared-volume-unsupported reports', workload: { volumes: [external({ driver: 'rexray', shared: true })] }, target: targets.kind, options: { storageClassMapping: { rexray: 'standard' } } },
    { name: 'driver missing is driver-missing\'s business', workload: { volumes: [external({ shared: true })] }, target: targets.eks },
  ],
  invalid: [
    {
      name: 'shared file volume on EBS while EFS is there',
      workload: { volumes: [external({ shared: true })] },
      target: eksWithDrivers,
      errors: [{ messageId: 'blockOnly', pointer: '/container/volumes/0', data: { mode: 'ReadWriteMany', driver: 'ebs.csi.aws.com', alternatives: 'efs.csi.aws.com' } }],
    },
    {
      name: 'MULTI_NODE_READER_ONLY on EBS',
      workload: { volumes: [external({ provider: 'csi', driver: 'ebs.csi.aws.com', accessMode: 'ReadOnlyMany' })] },
      target: eksWithDrivers,
      errors: [{ messageId: 'unsupported', data: { mode: 'ReadOnlyMany' } }],
    },
  ],
});
