import { readFileSync } from 'node:fs';
import { BatonError, validatePlugin } from '@baton/core';
import { makeModel, runPipelineInMemory } from '@baton/testing';
import { describe, expect, it } from 'vitest';
import { eksWithDrivers, external, host, persistent, targets } from './__fixtures__/csi-fixtures.js';
import csiDefault, { csi, csiRules, runCheckers } from './index.js';
import { CSI_VERSION } from './version.js';

const resident = { id: '/db', kind: 'stateful-service' as const, volumes: [persistent('data', 512)] };

describe('csi plugin', () => {
  it('is a valid plugin whose checkers are the rules, keyed by id', () => {
    const plugin = csiDefault();
    expect(validatePlugin(plugin)).toEqual([]);
    expect(plugin.meta).toEqual({ name: '@baton/csi', version: CSI_VERSION, namespace: 'csi' });
    expect(Object.keys(plugin.checkers)).toEqual(Object.keys(csiRules));
  });

  it('keeps CSI_VERSION equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(CSI_VERSION).toBe(pkg.version);
  });

  it('rejects bad options at load time with every problem and its path', () => {
    expect(() => csi({ storageClassMapping: { '*': '' }, driverMapping: [] } as never)).toThrow(BatonError);
    try {
      csi({ storageClassMapping: { '*': '' }, driverMapping: [] } as never);
    } catch (error) {
      expect((error as BatonError).code).toBe('BATON4001');
      expect((error as BatonError).message).toMatch(/options\.storageClassMapping\.\*.*options\.driverMapping/);
    }
  });

  it('runs in the pipeline; factory options are defaults that pipeline options override', async () => {
    const run = (pluginOptions?: Record<string, unknown>) =>
      runPipelineInMemory({
        plugins: [csi({ storageClassMapping: { '*': 'efs' } })],
        workloads: [resident],
        target: eksWithDrivers,
        ...(pluginOptions ? { pluginOptions: { '@baton/csi': pluginOptions } } : {}),
      });
    expect((await run()).findings.map((f) => f.ruleId)).toEqual(['csi/local-volume-data-move']);
    const onGp3 = await run({ storageClassMapping: {} });
    expect(onGp3.findings.map((f) => f.ruleId)).toEqual(['csi/local-volume-data-move', 'csi/size-below-minimum']);
    expect(onGp3.status.get('/db')).toBe('blocked');
  });

  it('runCheckers runs every rule without the pipeline and renders findings', async () => {
    const model = makeModel([resident, { id: '/ci', volumes: [host('/var/run/docker.sock'), external({ shared: true }, 1)] }]);
    const findings = await runCheckers(model, targets.openshift);
    expect(findings.map((f) => [f.workload, f.ruleId, f.pointer])).toEqual([
      ['/ci', 'csi/docker-socket', '/container/volumes/0'],
      ['/ci', 'csi/host-path-restricted', '/container/volumes/0'],
      ['/ci', 'csi/storage-unverified', '/container/volumes/1'],
      ['/db', 'csi/local-volume-data-move', '/container/volumes/0'],
      ['/db', 'csi/storage-unverified', '/container/volumes/0'],
    ]);
  });
});
