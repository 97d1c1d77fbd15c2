// Keeps the README honest: the example's model and target are rebuilt here, and the output the
// README shows in comments must be what runCheckers prints.
import { readFileSync } from 'node:fs';
import { GENERIC_TARGET, mergeTargetProfile, type MigrationModel } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { csiDriverCatalog, csiProfiles, runCheckers } from './index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

const model: MigrationModel = {
  modelVersion: 'baton.dev/model/v1',
  source: { reader: 'hand-made', location: 'example', via: 'file', facts: {} },
  groups: [],
  workloads: [
    {
      id: '/db/mysql', sourceKind: 'app', kind: 'stateful-service', origin: 'example', originPointer: '', replicas: 1,
      containers: [{
        name: 'mysql', pointer: '', resources: { cpus: 1, memMiB: 2048, diskMiB: 0, gpus: 0 },
        env: [], probes: [], ports: [], artifacts: [], runtimeParameters: [], labels: {},
        mounts: [{ volume: 'data', path: '/var/lib/mysql', readOnly: false, pointer: '/container/volumes/0' }],
      }],
      volumes: [{ kind: 'persistent', name: 'data', sizeMiB: 512, type: 'root', pointer: '/container/volumes/0' }],
      network: { mode: 'host', networks: [], requirePorts: false },
      placement: { constraints: [] }, rollout: { minimumHealthCapacity: 0, maximumOverCapacity: 0 },
      dependencies: [], labels: {}, exposure: [], secrets: [], hints: {},
    },
  ],
};

describe('README example', () => {
  it('prints what the README says', async () => {
    const target = mergeTargetProfile(GENERIC_TARGET, csiProfiles.eks, {
      storage: {
        defaultClass: 'gp3',
        classes: [{ name: 'gp3', provisioner: 'ebs.csi.aws.com', isDefault: true, volumeBindingMode: 'WaitForFirstConsumer' }],
        drivers: [csiDriverCatalog['ebs.csi.aws.com']],
      },
    });
    const printed = (await runCheckers(model, target)).map((f) => `${f.severity} ${f.impact} ${f.ruleId} ${f.workload}${f.pointer}`);
    const documented = [...readme.matchAll(/^\/\/ ((?:error|warning|info) \S+ csi\/\S+ \S+)(?: {2,}\(.*\))?$/gm)].map((m) => m[1]);
    expect(printed).toEqual(documented);
    expect(readme).toContain("volumes: [{ kind: 'persistent', name: 'data', sizeMiB: 512, type: 'root', pointer: '/container/volumes/0' }],");
  });

  it('reports no-default-storage-class on stock EKS, as the README says', async () => {
    const findings = await runCheckers(model, mergeTargetProfile(GENERIC_TARGET, csiProfiles.eks));
    expect(findings.map((f) => f.ruleId)).toContain('csi/no-default-storage-class');
  });
});
