import { RuleTester } from '@baton/testing';
import { eksWithDrivers, external } from '../__fixtures__/csi-fixtures.js';
import { blockUnsupported } from './block-unsupported.js';

const block = (driver: string) => external({ provider: 'csi', driver, options: { capability: { accessType: 'block', accessMode: 'SINGLE_NODE_WRITER' } } });

RuleTester.run(blockUnsupported, {
  valid: [
    { name: 'block on EBS', workload: { volumes: [block('ebs.csi.aws.com')] }, target: eksWithDrivers },
    { name: 'file system on EFS', workload: { volumes: [external({ provider: 'csi', driver: 'efs.csi.aws.com' })] }, target: eksWithDrivers },
  ],
  invalid: [{ name: 'block on EFS', workload: { volumes: [block('efs.csi.aws.com')] }, target: eksWithDrivers, errors: [{ messageId: 'noBlock', pointer: '/container/volumes/0' }] }],
});
