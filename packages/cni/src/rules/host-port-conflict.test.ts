import { RuleTester } from '@baton/testing';
import { hostModePort, port, targets } from '../__fixtures__/cni-fixtures.js';
import { hostPortConflict } from './host-port-conflict.js';

const bridged = (id: string, hostPort: number, extra: object = {}) => ({ id, network: { mode: 'bridge' as const }, containers: [{ ports: [port({ hostPort })] }], ...extra });
const pinned = (host: string) => ({ placement: { constraints: [{ field: 'hostname', operator: 'CLUSTER', value: host, pointer: '/constraints/0' }] } });
const unique = { placement: { constraints: [{ field: 'hostname', operator: 'UNIQUE', pointer: '/constraints/0' }] } };

RuleTester.run(hostPortConflict, {
  valid: [
    { name: 'a port nobody else uses', workload: bridged('/a', 8080), others: [bridged('/b', 8081)], target: targets.kind },
    { name: 'same number, other protocol', workload: bridged('/a', 53), others: [{ ...bridged('/b', 0), containers: [{ ports: [port({ hostPort: 53, protocols: ['udp'] })] }] }], target: targets.kind },
    { name: 'pinned to different nodes', workload: bridged('/a', 8080, pinned('agent-1')), others: [bridged('/b', 8080, pinned('agent-2'))], target: targets.kind },
    { name: 'replicas spread by UNIQUE hostname', workload: bridged('/a', 8080, { replicas: 3, ...unique }), target: targets.kind },
    { name: 'host ports dropped for Services', workload: bridged('/a', 80), target: targets.k3s, options: { hostPorts: 'drop' } },
    { name: 'host-mode ports without host networking stay in the pod', workload: { id: '/a', containers: [{ ports: [hostModePort(80)] }] }, target: targets.k3s },
  ],
  invalid: [
    { name: 'port 443 on k3s', workload: bridged('/a', 443), target: targets.k3s, errors: [{ messageId: 'reserved', pointer: '/container/portMappings/0' }] },
    {
      name: 'host-mode requirePorts on 80 on k3s',
      workload: { id: '/lb', network: { requirePorts: true }, containers: [{ ports: [hostModePort(80)] }] },
      target: targets.k3s,
      errors: [{ messageId: 'reserved', pointer: '/portDefinitions/0' }],
    },
    {
      name: 'two workloads with one fixed port',
      workload: bridged('/a', 8080, { replicas: 2 }),
      others: [bridged('/b', 8080, { replicas: 3 }), bridged('/c', 9090)],
      target: targets.kind,
      errors: [{ messageId: 'shared', data: { others: '/b', replicas: 5 } }],
    },
    {
      name: 'many workloads on one port: the message names five and counts the rest',
      workload: bridged('/a', 8080),
      others: ['/b', '/c', '/d', '/e', '/f', '/g', '/h'].map((id) => bridged(id, 8080, { replicas: 2 })),
      target: targets.kind,
      errors: [{ messageId: 'shared', data: { others: '/b, /c, /d, /e, /f and 2 more', replicas: 15 } }],
    },
    {
      name: 'pinned: workloads pinned to another node do not count, unpinned ones do',
      workload: bridged('/a', 8080, pinned('agent-1')),
      others: [bridged('/b', 8080, pinned('agent-2')), bridged('/c', 8080, { replicas: 2 })],
      target: targets.kind,
      errors: [{ messageId: 'shared', data: { others: '/c', replicas: 3 } }],
    },
    {
      name: 'pinned to the same node',
      workload: bridged('/a', 8080, pinned('agent-1')),
      others: [bridged('/b', 8080, pinned('agent-1'))],
      target: targets.kind,
      errors: [{ messageId: 'pinnedTogether', data: { host: 'agent-1' } }],
    },
    { name: 'replicas without UNIQUE hostname', workload: bridged('/a', 8080, { replicas: 3 }), target: targets.kind, errors: [{ messageId: 'surge' }] },
  ],
});
