import { RuleTester } from '@baton/testing';
import { port, targets } from '../__fixtures__/cni-fixtures.js';
import { protocolUnsupported } from './protocol-unsupported.js';

const sctp = { network: { mode: 'container' as const }, containers: [{ ports: [port({ name: 'diameter', protocols: ['sctp'] })] }] };
const mixed = {
  network: { mode: 'container' as const },
  containers: [{ ports: [port({ name: 'dns', containerPort: 53, protocols: ['udp', 'tcp'] })] }],
  exposure: [{ kind: 'tcp-lb' as const, portIndex: 0, options: {}, pointer: '/labels/HAPROXY_0_MODE' }],
};

RuleTester.run(protocolUnsupported, {
  valid: [
    { name: 'plain TCP and UDP', workload: { containers: [{ ports: [port({ protocols: ['udp', 'tcp'] })] }] }, target: targets.kind },
    { name: 'SCTP on OpenShift SDN-like full support', workload: sctp, target: { ...targets.kind, cni: { ...targets.kind.cni, capabilities: { sctp: { level: 'yes' } } } } },
    { name: 'SCTP unknown is left to capability-unverified', workload: sctp, target: targets.eks },
    { name: 'mixed protocol behind a load balancer on 1.34', workload: mixed, target: targets.eks },
  ],
  invalid: [
    { name: 'SCTP through kube-router policy', workload: sctp, target: { ...targets.kind, cni: { ...targets.kind.cni, capabilities: { sctp: { level: 'no', note: 'kube-router#1019' } } } }, errors: [{ messageId: 'sctp', pointer: '/container/portMappings/0' }] },
    { name: 'SCTP on OpenShift needs a MachineConfig', workload: sctp, target: targets.openshift, errors: [{ messageId: 'sctpLimited' }] },
    { name: 'mixed protocol behind a load balancer on 1.25', workload: mixed, target: { ...targets.eks, kubernetesVersion: '1.25' }, errors: [{ messageId: 'mixedLoadBalancer', data: { port: 'dns' } }] },
  ],
});
