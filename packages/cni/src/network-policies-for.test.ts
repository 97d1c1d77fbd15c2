import { makeModel } from '@baton/testing';
import { describe, expect, it } from 'vitest';
import { network, targets } from './__fixtures__/cni-fixtures.js';
import { labelKey, networkPoliciesFor } from './network-policies-for.js';

const model = makeModel([
  { id: '/shop/web', network: { mode: 'container', networks: [network('frontend'), network('backend', 1)] } },
  { id: '/shop/api', network: { mode: 'container', networks: [network('backend')] } },
  { id: '/billing/db', network: { mode: 'container', networks: [network('backend')], securityGroups: ['PCI Zone'] } },
  { id: '/tools/cron' },
]);
const namespaceOf = (workload: { id: string }) => workload.id.split('/')[1];

describe('networkPoliciesFor', () => {
  it('emits one ingress policy per isolation domain and namespace, and the labels pods need', () => {
    const result = networkPoliciesFor(model, targets['kubeadm-calico'], { namespaceOf });
    expect(result.enforced).toBe(true);
    expect(result.findings).toEqual([]);
    expect(result.policies.map((p) => `${p.metadata.namespace}/${p.metadata.name}`)).toEqual([
      expect.stringMatching(/^billing\/baton-group-pci-zone-[0-9a-f]{8}$/),
      'billing/baton-network-backend',
      'shop/baton-network-backend',
      'shop/baton-network-frontend',
    ]);
    expect(result.podLabels).toEqual({
      '/shop/web': { 'network.baton.dev/frontend': 'member', 'network.baton.dev/backend': 'member' },
      '/shop/api': { 'network.baton.dev/backend': 'member' },
      '/billing/db': { 'network.baton.dev/backend': 'member', [labelKey('group', 'PCI Zone')]: 'member' },
    });
    const backend = result.policies.find((p) => p.metadata.name === 'baton-network-backend' && p.metadata.namespace === 'shop')!;
    expect(backend).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: {
        name: 'baton-network-backend',
        namespace: 'shop',
        labels: { 'app.kubernetes.io/managed-by': 'baton' },
        annotations: { 'baton.dev/isolation': 'Only pods on Marathon network backend (any namespace) may connect to pods on it.' },
      },
      spec: {
        podSelector: { matchLabels: { 'network.baton.dev/backend': 'member' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ namespaceSelector: {}, podSelector: { matchLabels: { 'network.baton.dev/backend': 'member' } } }] }],
      },
    });
  });

  it('is deterministic', () => {
    expect(JSON.stringify(networkPoliciesFor(model, targets.gke, { namespaceOf }))).toBe(JSON.stringify(networkPoliciesFor(model, targets.gke, { namespaceOf })));
  });

  it('leaves out networks on second interfaces and networks not chosen, and adds extra peers', () => {
    const result = networkPoliciesFor(model, targets.openshift, {
      networkMapping: { frontend: 'infra/frontend-net', backend: 'default' },
      isolatedNetworks: ['backend'],
      allowFrom: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress' } } }],
    });
    expect(result.policies.map((p) => p.metadata.name)).toEqual([expect.stringMatching(/^baton-group-pci-zone-[0-9a-f]{8}$/), 'baton-network-backend']);
    expect(result.policies[1]!.metadata.namespace).toBeUndefined();
    expect(result.policies[1]!.spec.ingress[0]!.from).toHaveLength(2);
  });

  it('reports when the engine cannot enforce, or cannot be known to', () => {
    const onFlannel = networkPoliciesFor(model, targets['kubeadm-flannel']);
    expect(onFlannel.enforced).toBe(false);
    expect(onFlannel.findings.map((f) => [f.ruleId, f.workload, f.pointer])).toEqual([
      ['cni/network-policy-unsupported', '/shop/web', '/networks/0'],
      ['cni/network-policy-unsupported', '/shop/api', '/networks/0'],
      ['cni/network-policy-unsupported', '/billing/db', '/ipAddress/groups'],
    ]);
    const onGeneric = networkPoliciesFor(model, targets.generic);
    expect(onGeneric.findings.map((f) => f.ruleId)).toEqual(['cni/capability-unverified', 'cni/capability-unverified', 'cni/capability-unverified']);
    expect(onGeneric.policies).toHaveLength(3); // still generated: they apply once an engine is installed
  });

  it('makes valid label keys from any group name', () => {
    expect(labelKey('network', 'dcos')).toBe('network.baton.dev/dcos');
    expect(labelKey('group', 'PCI Zone')).toMatch(/^group\.baton\.dev\/PCI-Zone-[0-9a-f]{8}$/);
    expect(labelKey('group', 'x'.repeat(80)).split('/')[1]!.length).toBeLessThanOrEqual(63);
  });
});
