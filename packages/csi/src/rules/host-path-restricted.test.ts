import { RuleTester } from '@baton/testing';
import { host, mount, targets } from '../__fixtures__/csi-fixtures.js';
import { hostPathRestricted } from './host-path-restricted.js';

const logs = (readOnly: boolean) => ({ volumes: [host('/var/log/app', 'logs')], containers: [{ mounts: [mount('logs', readOnly)] }] });

RuleTester.run(hostPathRestricted, {
  valid: [
    { name: 'privileged target', workload: { volumes: [host('/etc/ssl/certs')] }, target: targets.eks },
    { name: 'sandbox-relative path', workload: { volumes: [host('data')] }, target: targets.openshift },
    { name: 'read-only /var/log on Autopilot', workload: logs(true), target: targets['gke-autopilot'] },
  ],
  invalid: [
    { name: 'SCC restricted-v2', workload: { volumes: [host('/etc/ssl/certs')] }, target: targets.openshift, errors: [{ messageId: 'forbidden', pointer: '/container/volumes/0', data: { path: '/etc/ssl/certs' } }] },
    { name: 'PSA baseline', workload: { volumes: [host('/srv/data')] }, target: { ...targets.kind, admission: { podSecurity: 'baseline' } }, errors: [{ messageId: 'forbidden' }] },
    { name: 'Autopilot: outside /var/log', workload: { volumes: [host('/etc/ssl/certs')] }, target: targets['gke-autopilot'], errors: [{ messageId: 'autopilotPrefix' }] },
    { name: 'Autopilot: /var/log read-write', workload: logs(false), target: targets['gke-autopilot'], errors: [{ messageId: 'autopilotWritable' }] },
    { name: 'Autopilot: /var/logger is not /var/log', workload: { volumes: [host('/var/logger')] }, target: targets['gke-autopilot'], errors: [{ messageId: 'autopilotPrefix' }] },
  ],
});
