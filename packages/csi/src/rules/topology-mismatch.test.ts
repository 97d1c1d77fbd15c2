import { RuleTester } from '@baton/testing';
import { eksWithDrivers, external, persistent, targets } from '../__fixtures__/csi-fixtures.js';
import { topologyMismatch } from './topology-mismatch.js';

const spreadZones = { placement: { constraints: [{ field: '@zone', operator: 'GROUP_BY', value: '3', pointer: '/constraints/0' }] } };
const pinZone = { placement: { constraints: [{ field: '@zone', operator: 'CLUSTER', value: 'eu-west-1a', pointer: '/constraints/0' }] } };

RuleTester.run(topologyMismatch, {
  valid: [
    { name: 'per-replica volumes spread with WaitForFirstConsumer', workload: { replicas: 3, volumes: [persistent()], ...spreadZones }, target: eksWithDrivers },
    { name: 'shared EFS volume spread across zones', workload: { replicas: 3, volumes: [external({ shared: true })], ...spreadZones }, target: eksWithDrivers, options: { driverMapping: { 'rexray/ebs': 'efs.csi.aws.com' } } },
    { name: 'no zone constraints', workload: { replicas: 3, volumes: [external()] }, target: eksWithDrivers },
    { name: 'node-local storage', workload: { volumes: [persistent()], ...pinZone }, target: targets.kind },
  ],
  invalid: [
    {
      name: 'one EBS volume, replicas spread over zones',
      workload: { replicas: 3, volumes: [external({ shared: true })], ...spreadZones },
      target: eksWithDrivers,
      errors: [{ messageId: 'spreadSingleVolume', pointer: '/container/volumes/0', data: { replicas: 3, constraint: '@zone GROUP_BY 3' } }],
    },
    {
      name: 'Immediate binding with a zone pin',
      workload: { volumes: [persistent()], ...pinZone },
      target: eksWithDrivers,
      options: { storageClassMapping: { '*': 'io2-immediate' } },
      errors: [{ messageId: 'immediateBinding', data: { storageClass: 'io2-immediate', constraint: '@zone CLUSTER eu-west-1a' } }],
    },
    { name: 'legacy GKE standard class is Immediate', workload: { volumes: [persistent()], placement: { constraints: [{ field: 'zone', operator: 'LIKE', value: 'europe-west1-.*', pointer: '/constraints/0' }] } }, target: targets.gke, options: { storageClassMapping: { root: 'standard' } }, errors: [{ messageId: 'immediateBinding' }] },
  ],
});
