import { readFileSync } from 'node:fs';
import { BatonError, GENERIC_TARGET, validatePlugin } from '@baton/core';
import { makeModel, runPipelineInMemory } from '@baton/testing';
import { describe, expect, it } from 'vitest';
import { network, port, targets } from './__fixtures__/cni-fixtures.js';
import cniDefault, { cni, cniRules, runCheckers } from './index.js';
import { CNI_VERSION } from './version.js';

const overlayApp = { id: '/web', network: { mode: 'container' as const, networks: [network('dcos')] } };

describe('cni plugin', () => {
  it('is a valid plugin whose checkers are the rules, keyed by id', () => {
    const plugin = cniDefault();
    expect(validatePlugin(plugin)).toEqual([]);
    expect(plugin.meta).toEqual({ name: '@baton/cni', version: CNI_VERSION, namespace: 'cni' });
    expect(Object.keys(plugin.checkers)).toEqual(Object.keys(cniRules));
  });

  it('keeps CNI_VERSION equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(CNI_VERSION).toBe(pkg.version);
  });

  it('rejects bad options at load time with every problem and its path', () => {
    let thrown: unknown;
    try {
      cni({ networkMapping: { dcos: 'Not A Name' }, hostNetwork: 'sometimes', extra: 1 } as never);
    } catch (error) {
      thrown = error;
    }
    expect(BatonError.isInstance(thrown)).toBe(true);
    expect((thrown as BatonError).code).toBe('BATON4001');
    expect((thrown as BatonError).message).toMatch(/options\.extra: unknown option.*options\.networkMapping\.dcos.*options\.hostNetwork/);
  });

  it('runs in the pipeline; factory options are defaults that pipeline options override', async () => {
    const run = (pluginOptions?: Record<string, unknown>) =>
      runPipelineInMemory({
        plugins: [cni({ networkMapping: { dcos: 'default' } })],
        workloads: [overlayApp],
        target: targets.eks,
        ...(pluginOptions ? { pluginOptions: { '@baton/cni': pluginOptions } } : {}),
      });
    expect((await run()).findings.map((f) => f.ruleId)).toEqual([]);
    const overridden = await run({ networkMapping: {} });
    expect(overridden.findings.map((f) => [f.ruleId, f.workload, f.pointer])).toEqual([['cni/named-network-unmapped', '/web', '/networks/0']]);
  });

  it('runCheckers runs every rule without the pipeline and renders findings', async () => {
    const model = makeModel([overlayApp, { id: '/edge', network: { mode: 'bridge' }, containers: [{ ports: [port({ hostPort: 443 })] }] }]);
    const findings = await runCheckers(model, targets.k3s);
    expect(findings.map((f) => [f.workload, f.ruleId, f.severity])).toEqual([
      ['/edge', 'cni/host-port-conflict', 'warning'],
      ['/web', 'cni/named-network-unmapped', 'info'],
    ]);
    expect(findings[0]!.message).toBe('Host port 443/tcp is reserved on k3s (built-in ingress or service load balancer), so the pod will not schedule.');
    expect(findings[0]!.docsUrl).toBe('https://baton.dev/docs/rules/cni/host-port-conflict');
    expect(await runCheckers(makeModel([overlayApp]), GENERIC_TARGET, { networkMapping: { dcos: 'default' } })).toEqual([]);
  });
});
