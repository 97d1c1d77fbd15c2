import { RuleTester } from '@baton/testing';
import { external, host, persistent, targets } from '../__fixtures__/csi-fixtures.js';
import { localVolumeDataMove } from './local-volume-data-move.js';

RuleTester.run(localVolumeDataMove, {
  valid: [
    { name: 'stateless app', workload: {}, target: targets.gke },
    { name: 'external and host volumes are not agent-local reservations', workload: { volumes: [external(), host('/etc/ssl')] }, target: targets.gke },
  ],
  invalid: [
    {
      name: 'resident MySQL on GKE',
      workload: { id: '/db/mysql', kind: 'stateful-service', volumes: [persistent('mysql', 10240, {}, 0), persistent('binlog', 2048, { type: 'mount' }, 1)] },
      target: targets.gke,
      errors: [
        { messageId: 'dataOnAgents', pointer: '/container/volumes/0', data: { volume: 'mysql', onDriver: ' on pd.csi.storage.gke.io' } },
        { messageId: 'dataOnAgents', pointer: '/container/volumes/1', data: { volume: 'binlog', type: 'mount' } },
      ],
    },
    { name: 'even on an unknown target', workload: { volumes: [persistent()] }, target: targets.generic, errors: [{ messageId: 'dataOnAgents', data: { onDriver: '' } }] },
  ],
});
