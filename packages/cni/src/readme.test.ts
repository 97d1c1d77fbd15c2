// Keeps the README honest: the example's model and target are rebuilt here, and the output the
// README shows in comments must be what runCheckers prints.
import { readFileSync } from 'node:fs';
import { GENERIC_TARGET, mergeTargetProfile, type MigrationModel } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { cniProfiles, runCheckers } from './index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

const model: MigrationModel = {
  modelVersion: 'baton.dev/model/v1',
  source: { reader: 'hand-made', location: 'example', via: 'file', facts: {} },
  groups: [],
  workloads: [
    {
      id: '/shop/edge', sourceKind: 'app', kind: 'service', origin: 'example', originPointer: '', replicas: 2,
      containers: [{
        name: 'edge', pointer: '', resources: { cpus: 0.5, memMiB: 256, diskMiB: 0, gpus: 0 },
        env: [], mounts: [], probes: [], artifacts: [], runtimeParameters: [], labels: {},
        ports: [{ index: 0, containerPort: 80, hostPort: 443, protocols: ['tcp'], labels: {}, pointer: '/container/portMappings/0' }],
      }],
      volumes: [], placement: { constraints: [] }, rollout: { minimumHealthCapacity: 1, maximumOverCapacity: 1 },
      network: { mode: 'container', networks: [{ name: 'dcos', labels: {}, pointer: '/networks/0' }], requirePorts: false, securityGroups: ['pci'] },
      dependencies: [], labels: {}, exposure: [], secrets: [], hints: {},
    },
  ],
};

describe('README example', () => {
  it('prints what the README says', async () => {
    const target = mergeTargetProfile(GENERIC_TARGET, cniProfiles.k3s, { cni: { capabilities: { sctp: { level: 'no' } } } });
    const findings = await runCheckers(model, target, { networkMapping: { dcos: 'default' } });
    const printed = findings.flatMap((f) => [`${f.severity} ${f.impact} ${f.ruleId} ${f.workload}${f.pointer}`, `  ${f.message}`]);
    const documented = [...readme.matchAll(/^\/\/ ((?:(?:error|warning|info) \S+ cni\/\S+ \S+)|(?:  .+))$/gm)].map((m) => m[1]);
    expect(printed).toEqual(documented);
    expect(readme).toContain("network: { mode: 'container', networks: [{ name: 'dcos', labels: {}, pointer: '/networks/0' }], requirePorts: false, securityGroups: ['pci'] },");
  });
});
