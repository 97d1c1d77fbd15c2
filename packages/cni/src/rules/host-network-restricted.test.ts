import { RuleTester } from '@baton/testing';
import { hostModePort, targets } from '../__fixtures__/cni-fixtures.js';
import { hostNetworkRestricted } from './host-network-restricted.js';

const requirePorts = { network: { mode: 'host' as const, requirePorts: true }, containers: [{ ports: [hostModePort(9100)] }] };
const dynamicPorts = { network: { mode: 'host' as const }, containers: [{ ports: [hostModePort(0)] }] };

RuleTester.run(hostNetworkRestricted, {
  valid: [
    { name: 'requirePorts on a privileged target', workload: requirePorts, target: targets.eks },
    { name: 'dynamic ports need no host network', workload: dynamicPorts, target: targets.openshift },
    { name: 'requirePorts without fixed ports', workload: { network: { requirePorts: true }, containers: [{ ports: [hostModePort(0)] }] }, target: targets.openshift },
    { name: 'option never', workload: requirePorts, target: targets.openshift, options: { hostNetwork: 'never' } },
    { name: 'container networking', workload: { network: { mode: 'container' } }, target: targets.openshift },
  ],
  invalid: [
    { name: 'SCC restricted-v2', workload: requirePorts, target: targets.openshift, errors: [{ messageId: 'forbidden', pointer: '/requirePorts' }] },
    { name: 'Autopilot', workload: requirePorts, target: targets['gke-autopilot'], errors: [{ messageId: 'forbidden' }] },
    { name: 'PSA restricted', workload: requirePorts, target: { ...targets.kind, admission: { podSecurity: 'restricted' } }, errors: [{ messageId: 'forbidden' }] },
    { name: 'option always', workload: dynamicPorts, target: targets.openshift, options: { hostNetwork: 'always' }, errors: [{ messageId: 'forbidden', pointer: '/networks' }] },
  ],
});
