import { RuleTester } from '@baton/testing';
import { external, persistent, targets } from '../__fixtures__/csi-fixtures.js';
import { sizeBelowMinimum } from './size-below-minimum.js';

RuleTester.run(sizeBelowMinimum, {
  valid: [
    { name: '10 GiB on PD', workload: { volumes: [persistent('data', 10240)] }, target: targets.gke },
    { name: 'local-path has no minimum', workload: { volumes: [persistent('data', 64)] }, target: targets.kind },
    { name: 'DVDI size in GiB above the minimum', workload: { volumes: [external({ driver: 'rexray/gcepd', sizeGiB: 16 })] }, target: targets.gke },
  ],
  invalid: [
    { name: '512 MiB on PD (10 GiB minimum, unverified)', workload: { volumes: [persistent('journal', 512)] }, target: targets.gke, errors: [{ messageId: 'belowMinimum', pointer: '/container/volumes/0', data: { size: 512, minimum: 10240, unverified: ' (unverified)' } }] },
    { name: '1 GiB DVDI volume on PD', workload: { volumes: [external({ driver: 'rexray/gcepd', sizeGiB: 1 })] }, target: targets.gke, errors: [{ messageId: 'belowMinimum', data: { size: 1024 } }] },
  ],
});
