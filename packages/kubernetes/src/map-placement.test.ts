import { GENERIC_TARGET } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { findingKeys, runWriter } from './__fixtures__/builders.js';
import { literalAlternatives } from './map-placement.js';

const constraint = (field: string, operator: string, value: string | undefined, index: number) => ({
  field,
  operator,
  ...(value !== undefined ? { value } : {}),
  pointer: `/constraints/${index}`,
});

describe('literalAlternatives', () => {
  it.each([
    ['rack-1', ['rack-1']],
    ['a|b|c', ['a', 'b', 'c']],
    ['^(a|b)$', ['a', 'b']],
    ['(?:x|y)', ['x', 'y']],
    ['10\\.0\\.0\\.1', ['10.0.0.1']],
    ['.*', 'any'],
    ['.+', 'any'],
    ['ab[cd]', undefined],
    ['a.*', undefined],
    ['a|', undefined],
  ])('%s → %j', (pattern, expected) => {
    expect(literalAlternatives(pattern)).toEqual(expected);
  });
});

describe('constraints', () => {
  it('maps every operator to the closest scheduling primitive', async () => {
    const constraints = [
      constraint('hostname', 'UNIQUE', undefined, 0),
      constraint('rack', 'LIKE', 'r1|r2', 1),
      constraint('@zone', 'GROUP_BY', '3', 2),
      constraint('tier', 'IS', 'gold', 3),
      constraint('disk', 'UNLIKE', 'hdd', 4),
      constraint('gpu', 'LIKE', '.*', 5),
      constraint('@region', 'cluster', 'eu-west-1', 6),
      constraint('rack', 'MAX_PER', '2', 7),
      constraint('legacy', 'UNLIKE', '.*', 8),
    ];
    const { podSpec, findings } = await runWriter([{ id: '/prod/api', placement: { constraints } }], { nodeLabelMapping: { tier: 'example.com/tier' } }, { ...GENERIC_TARGET, nodeLabels: ['disk'] });
    const spec = podSpec('/prod/api');
    const selector = { matchLabels: { 'app.kubernetes.io/name': 'api' } };
    expect(spec.nodeSelector).toEqual({ 'example.com/tier': 'gold', 'topology.kubernetes.io/region': 'eu-west-1' });
    expect(spec.affinity).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            {
              matchExpressions: [
                { key: 'rack', operator: 'In', values: ['r1', 'r2'] },
                { key: 'disk', operator: 'NotIn', values: ['hdd'] },
                { key: 'gpu', operator: 'Exists' },
                { key: 'legacy', operator: 'DoesNotExist' },
              ],
            },
          ],
        },
      },
      podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: selector, topologyKey: 'kubernetes.io/hostname' }] },
    });
    expect(spec.topologySpreadConstraints).toEqual([
      { maxSkew: 1, minDomains: 3, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: selector },
      { maxSkew: 1, topologyKey: 'rack', whenUnsatisfiable: 'DoNotSchedule', labelSelector: selector },
    ]);
    // Labels the target profile lists (`disk`) and well-known labels need no finding.
    expect(findingKeys(findings)).toEqual([
      'kubernetes/constraint-approximated#maxPer@/constraints/7',
      'kubernetes/node-label-required#label@/constraints/1',
      'kubernetes/node-label-required#label@/constraints/3',
      'kubernetes/node-label-required#label@/constraints/5',
      'kubernetes/node-label-required#label@/constraints/8',
    ]);
  });

  it('reports what cannot be expressed and leaves it out', async () => {
    const constraints = [
      constraint('rack', 'LIKE', 'r[0-9]+', 0),
      constraint('rack', 'NEAR', 'x', 1),
      constraint('cores', 'IS', '{1,2}', 2),
      constraint('bad key!', 'IS', 'x', 3),
      constraint('hostname', 'CLUSTER', 'agent-7.mesos', 4),
      constraint('@zone', 'GROUP_BY', '2', 5),
      constraint('rack', 'CLUSTER', undefined, 6),
    ];
    const { podSpec, findings } = await runWriter([{ id: '/api', placement: { constraints } }], {}, { ...GENERIC_TARGET, kubernetesVersion: '1.26' });
    const spec = podSpec('/api');
    expect(spec.nodeSelector).toEqual({ 'kubernetes.io/hostname': 'agent-7.mesos' });
    expect(spec.topologySpreadConstraints[0].minDomains).toBeUndefined();
    expect(spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey).toBe('rack');
    expect(findingKeys(findings)).toEqual([
      'kubernetes/constraint-approximated#clusterAny@/constraints/6',
      'kubernetes/constraint-approximated#hostnameValue@/constraints/4',
      'kubernetes/constraint-approximated#minDomains@/constraints/5',
      'kubernetes/constraint-unsupported#key@/constraints/3',
      'kubernetes/constraint-unsupported#operator@/constraints/1',
      'kubernetes/constraint-unsupported#regex@/constraints/0',
      'kubernetes/constraint-unsupported#value@/constraints/2',
      'kubernetes/node-label-required#label@/constraints/6',
      // 1.26 is older than the offline validator's schemas: objects are validated for 1.29.
      'kubernetes/validation-version#nearest@',
    ]);
    const dispositions = findings.filter((f) => f.rule === 'kubernetes/constraint-unsupported').map((f) => [f.disposition, f.subtree]);
    expect(dispositions.every(([disposition, subtree]) => disposition === 'unsupported' && subtree === true)).toBe(true);
  });

  it('places roles through roleMapping and reports unmapped ones', async () => {
    const roleMapping = { slave_public: { nodeSelector: { 'node-role.example.com/edge': 'true' }, tolerations: [{ key: 'edge', operator: 'Exists', effect: 'NoSchedule' }] } };
    const mapped = await runWriter([{ id: '/lb', placement: { constraints: [], acceptedResourceRoles: ['slave_public'] } }], { roleMapping });
    expect(mapped.podSpec('/lb').nodeSelector).toEqual({ 'node-role.example.com/edge': 'true' });
    expect(mapped.podSpec('/lb').tolerations).toEqual([{ key: 'edge', operator: 'Exists', effect: 'NoSchedule' }]);
    expect(mapped.findings).toEqual([]);

    const unmapped = await runWriter([
      { id: '/lb', placement: { constraints: [], acceptedResourceRoles: ['slave_public'], role: 'analytics' } },
      { id: '/any', placement: { constraints: [], acceptedResourceRoles: ['*', 'slave_public'] } },
      { id: '/team/app', placement: { constraints: [], role: 'team' } },
    ]);
    expect(unmapped.findings.map((f) => [f.workload, f.rule, f.messageId])).toEqual([
      ['/lb', 'kubernetes/role-not-mapped', 'acceptedRole'],
      ['/lb', 'kubernetes/role-not-mapped', 'role'],
    ]);
  });
});
