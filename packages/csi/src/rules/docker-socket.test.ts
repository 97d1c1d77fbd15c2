import { RuleTester } from '@baton/testing';
import { host, targets } from '../__fixtures__/csi-fixtures.js';
import { dockerSocket } from './docker-socket.js';

RuleTester.run(dockerSocket, {
  valid: [
    { name: 'another host path', workload: { volumes: [host('/var/run/other.sock')] }, target: targets.eks },
    { name: 'relative path', workload: { volumes: [host('docker.sock')] }, target: targets.eks },
  ],
  invalid: [
    { name: '/var/run/docker.sock', workload: { volumes: [host('/var/run/docker.sock', 'docker')] }, target: targets.eks, errors: [{ messageId: 'dockerSocket', pointer: '/container/volumes/0', data: { volume: 'docker' } }] },
    { name: '/run/docker.sock on a generic target', workload: { volumes: [host('/run/docker.sock')] }, target: targets.generic, errors: [{ messageId: 'dockerSocket' }] },
  ],
});
