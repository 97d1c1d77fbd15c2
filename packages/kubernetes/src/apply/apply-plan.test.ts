import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BatonError } from '@baton/core';
import { COMMON_CUSTOM_RESOURCES, startKubernetesApiServer, type KubernetesApiServer, type KubernetesApiServerOptions, type RecordedRequest } from '@baton/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { applyPlan, type ApplyPlanOptions } from './apply-plan.js';
import { configMap, DATA_MIGRATION_FINDING, deployment, deploymentWithSecret, namespace, secretSkeleton, service, statefulSet, writePlanFixture, type FixturePlan } from './test-support/plan-fixture.js';

type Obj = Record<string, any>;

let server: KubernetesApiServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function setup(fixture: FixturePlan, options: KubernetesApiServerOptions = {}): Promise<{ s: KubernetesApiServer; planDir: string; run: (extra?: Partial<ApplyPlanOptions>) => ReturnType<typeof applyPlan> }> {
  const s = await startKubernetesApiServer(options);
  server = s;
  const planDir = await writePlanFixture(fixture);
  dirs.push(planDir);
  return { s, planDir, run: (extra = {}) => applyPlan({ planDir, kubeconfig: s.kubeconfigPath, pollIntervalMs: 20, timeoutMs: 2_000, ...extra }) };
}

const patches = (s: KubernetesApiServer, from = 0): RecordedRequest[] => s.requests.slice(from).filter((r) => r.method === 'PATCH');
/** PATCHes of plan objects (not the dry-run pod probes). */
const objectPatches = (s: KubernetesApiServer, from = 0) => patches(s, from).filter((r) => !r.path.includes('/pods/'));
const patched = (s: KubernetesApiServer, from = 0) => objectPatches(s, from).map((r) => r.path.split('/').slice(-2).join('/'));

/** cache (wave 0) <- web (wave 1), with a ConfigMap and a Service each. */
const TWO_WAVES: FixturePlan = {
  workloads: [
    { id: '/prod/cache', name: 'cache', wave: 0, objects: [service('cache', 6379), deployment('cache')] },
    { id: '/prod/web', name: 'web', wave: 1, objects: [configMap('web-config', { MODE: 'prod' }), service('web'), deployment('web', { replicas: 3 })] },
  ],
};

describe('applyPlan', () => {
  it('applies namespaces first, then each wave after the previous one is healthy, with server-side apply as field manager baton', async () => {
    const { s, planDir, run } = await setup(TWO_WAVES, { autoReady: true });
    const result = await run();

    expect(result.complete).toBe(true);
    expect(result.steps.map((step) => [step.step, step.outcome])).toEqual([
      ['namespaces', 'verified'],
      ['shared', 'skipped'],
      [0, 'verified'],
      [1, 'verified'],
    ]);
    expect(patched(s)).toEqual(['namespaces/prod', 'services/cache', 'deployments/cache', 'configmaps/web-config', 'services/web', 'deployments/web']);
    for (const request of objectPatches(s)) {
      expect(request.contentType).toBe('application/apply-patch+yaml');
      expect(request.query).toMatchObject({ fieldManager: 'baton', fieldValidation: 'Strict' });
      expect(request.query.force).toBeUndefined();
      expect(request.query.dryRun).toBeUndefined();
    }
    // Wave 0 was read back healthy before wave 1 was sent.
    const firstWebPatch = s.requests.findIndex((r) => r.method === 'PATCH' && r.path.endsWith('/configmaps/web-config'));
    const cacheHealthRead = s.requests.findIndex((r) => r.method === 'GET' && r.path === '/apis/apps/v1/namespaces/prod/deployments');
    expect(cacheHealthRead).toBeGreaterThan(-1);
    expect(cacheHealthRead).toBeLessThan(firstWebPatch);
    expect(s.object('Deployment', 'web', 'prod')!.spec.replicas).toBe(3);

    const state = JSON.parse(await readFile(path.join(planDir, 'apply-state.json'), 'utf8'));
    expect(state.stateVersion).toBe('baton.dev/apply-state/v1');
    expect(state.steps.map((st: Obj) => [st.step, st.state])).toEqual([
      ['namespaces', 'verified'],
      [0, 'verified'],
      [1, 'verified'],
    ]);
    expect(Object.keys(state.objects)).toEqual([...Object.keys(state.objects)].sort());
    expect(state.objects['apps/v1/Deployment/prod/web']).toMatchObject({ generation: 1, hash: expect.stringMatching(/^sha256:/) });
  });

  it('changes nothing when a finished apply runs again: no PATCH at all, and the state file stays byte-identical', async () => {
    const { s, planDir, run } = await setup(TWO_WAVES, { autoReady: true });
    await run();
    const stateBefore = await readFile(path.join(planDir, 'apply-state.json'), 'utf8');
    const mark = s.requests.length;
    const again = await run();
    expect(patches(s, mark)).toEqual([]);
    expect(again.complete).toBe(true);
    expect(again.steps.filter((step) => step.step !== 'shared').every((step) => step.outcome === 'unchanged')).toBe(true);
    expect(again.applyRequests).toBe(0);
    expect(await readFile(path.join(planDir, 'apply-state.json'), 'utf8')).toBe(stateBefore);
  });

  it('re-applies only what changed in the plan since a finished apply', async () => {
    const { s, planDir, run } = await setup(TWO_WAVES, { autoReady: true });
    await run();
    await writePlanFixture(
      { workloads: [TWO_WAVES.workloads[0]!, { ...TWO_WAVES.workloads[1]!, objects: [configMap('web-config', { MODE: 'canary' }), service('web'), deployment('web', { replicas: 3 })] }] },
      planDir,
    );
    const mark = s.requests.length;
    const result = await run();
    expect(patched(s, mark)).toEqual(['configmaps/web-config']);
    expect(result.steps.find((step) => step.step === 1)!.workloads[0]!.objects.map((o) => o.action)).toEqual(['configured', 'unchanged', 'unchanged']);
    expect(s.object('ConfigMap', 'web-config', 'prod')!.data).toEqual({ MODE: 'canary' });
  });

  it('waits for a wave to become available before applying the next one', async () => {
    const { s, run } = await setup(TWO_WAVES);
    const patchesWhileWaiting: string[][] = [];
    const result = await run({
      onProgress: (event) => {
        if (event.type !== 'waiting') return;
        patchesWhileWaiting.push(patched(s));
        const name = event.step === 0 ? 'cache' : 'web';
        s.setRolloutProgress('prod', name, { availableReplicas: name === 'web' ? 3 : 2 });
      },
    });
    expect(result.complete).toBe(true);
    expect(patchesWhileWaiting[0]).toEqual(['namespaces/prod', 'services/cache', 'deployments/cache']);
    expect(result.steps.find((step) => step.step === 0)!.workloads[0]!.state).toBe('ready');
  });

  it('stops at the first unhealthy wave with a rollout finding, and a second run resumes at that wave', async () => {
    const { s, run } = await setup(TWO_WAVES);
    const first = await run({ timeoutMs: 200 });
    expect(first.complete).toBe(false);
    expect(first.stoppedAt).toBe(0);
    expect(first.stopReason).toBe('unhealthy');
    expect(first.findings.map((f) => [f.ruleId, f.workload])).toEqual([['kubernetes/rollout-unhealthy', '/prod/cache']]);
    expect(first.findings[0]!.message).toContain('available 0/2');
    expect(first.steps.find((step) => step.step === 1)!.outcome).toBe('not-reached');
    expect(patched(s).some((p) => p.includes('web'))).toBe(false);

    s.setRolloutProgress('prod', 'cache', { ready: true });
    const mark = s.requests.length;
    const second = await run({
      onProgress: (event) => {
        if (event.type === 'waiting' && event.step === 1) s.setRolloutProgress('prod', 'web', { ready: true });
      },
    });
    expect(second.complete).toBe(true);
    expect(second.steps.find((step) => step.step === 'namespaces')!.outcome).toBe('unchanged');
    expect(patched(s, mark)).not.toContain('namespaces/prod');
    expect(patched(s, mark)).toContain('deployments/web');
  });

  it('never applies the plan\'s Secrets and blocks a wave whose Secret is missing, naming it', async () => {
    const fixture: FixturePlan = {
      workloads: [
        { id: '/prod/cache', name: 'cache', wave: 0, objects: [deployment('cache')] },
        { id: '/prod/web', name: 'web', wave: 1, objects: [secretSkeleton('web-db'), deploymentWithSecret('web', 'web-db')] },
      ],
    };
    const { s, run } = await setup(fixture, { autoReady: true });
    const blocked = await run();
    expect(blocked.stopReason).toBe('blocked');
    expect(blocked.stoppedAt).toBe(1);
    const missing = blocked.findings.filter((f) => f.ruleId === 'kubernetes/secret-missing');
    expect(missing.map((f) => f.workload)).toEqual(['/prod/web']);
    expect(missing[0]!.message).toContain('prod/web-db');
    expect(patched(s)).not.toContain('deployments/web');
    expect(s.requests.some((r) => r.method === 'PATCH' && r.path.includes('/secrets/'))).toBe(false);

    // The Secret exists but without the key the Deployment reads.
    s.update('kubectl-create', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web-db', namespace: 'prod' }, data: { password: 'c2VjcmV0' } });
    const wrongKey = await run();
    expect(wrongKey.findings.map((f) => f.ruleId)).toEqual(['kubernetes/secret-key-missing']);
    expect(wrongKey.findings[0]!.message).toContain('`value`');

    s.update('kubectl-create', { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'web-db', namespace: 'prod' }, data: { value: 'c2VjcmV0' } });
    const done = await run();
    expect(done.complete).toBe(true);
    expect(patched(s)).toContain('deployments/web');
    expect(s.requests.some((r) => r.method === 'PATCH' && r.path.includes('/secrets/'))).toBe(false);
    expect(JSON.stringify(done)).not.toContain('c2VjcmV0');
  });

  it('accepts a Secret an ExternalSecret of the plan produces, and applies the ExternalSecret through discovery', async () => {
    const externalSecret = {
      apiVersion: 'external-secrets.io/v1',
      kind: 'ExternalSecret',
      metadata: { name: 'web-db', namespace: 'prod' },
      spec: { secretStoreRef: { name: 'vault', kind: 'ClusterSecretStore' }, target: { name: 'web-db' }, data: [{ secretKey: 'value', remoteRef: { key: '/web/db' } }] },
    };
    const fixture: FixturePlan = { workloads: [{ id: '/prod/web', name: 'web', wave: 0, objects: [externalSecret, deploymentWithSecret('web', 'web-db')] }] };
    const { s, run } = await setup(fixture, { autoReady: true, customResources: [COMMON_CUSTOM_RESOURCES.externalSecret] });
    const result = await run();
    expect(result.findings).toEqual([]);
    expect(result.complete).toBe(true);
    expect(objectPatches(s).map((r) => r.path)).toContain('/apis/external-secrets.io/v1/namespaces/prod/externalsecrets/web-db');
  });

  it('blocks a wave that uses a kind the cluster does not serve', async () => {
    const fixture: FixturePlan = {
      workloads: [
        {
          id: '/prod/web',
          name: 'web',
          wave: 0,
          objects: [{ apiVersion: 'external-secrets.io/v1', kind: 'ExternalSecret', metadata: { name: 'web-db', namespace: 'prod' }, spec: { target: { name: 'web-db' } } }, deploymentWithSecret('web', 'web-db')],
        },
      ],
    };
    const { s, run } = await setup(fixture, { autoReady: true });
    const result = await run();
    expect(result.stopReason).toBe('blocked');
    expect(result.findings.map((f) => f.ruleId)).toEqual(['kubernetes/kind-not-served']);
    expect(patched(s)).toEqual(['namespaces/prod']);
  });

  it('turns dry-run refusals into findings against the workload that caused them, storing nothing', async () => {
    const fixture: FixturePlan = {
      workloads: [
        { id: '/edge/lb', name: 'lb', namespace: 'edge', wave: 0, objects: [deployment('lb', { namespace: 'edge', podSpec: { hostNetwork: true } })] },
        { id: '/prod/api', name: 'api', wave: 0, objects: [deployment('api', { container: { futureField: 'x' } })] },
        { id: '/prod/bad', name: 'bad', wave: 0, objects: [{ ...deployment('bad'), spec: { ...deployment('bad').spec, selector: { matchLabels: { app: 'other' } } } }] },
        { id: '/prod/unlabelled', name: 'unlabelled', wave: 1, objects: [deployment('unlabelled')] },
        { id: '/prod/scaled', name: 'scaled', wave: 1, objects: [deployment('scaled', { replicas: 2 })] },
      ],
      shared: [namespace('edge', { 'pod-security.kubernetes.io/enforce': 'restricted' }), namespace('prod')],
    };
    const { s, planDir, run } = await setup(fixture, {
      resources: [namespace('edge', { 'pod-security.kubernetes.io/enforce': 'restricted' }), namespace('prod')],
      admission: (attempt) => (attempt.kind === 'Deployment' && attempt.name === 'unlabelled' ? { deny: 'label "team" is required', webhook: 'validation.gatekeeper.sh', code: 403 } : undefined),
    });
    s.update('kubectl-scale', deployment('scaled', { replicas: 5 }));
    const before = JSON.stringify(s.objects());
    const result = await run({ dryRun: true });

    expect(result.dryRun).toBe(true);
    expect(result.findings.map((f) => [f.workload, f.ruleId])).toEqual([
      ['/edge/lb', 'kubernetes/pod-security-rejected'],
      ['/prod/api', 'kubernetes/field-unknown'],
      ['/prod/bad', 'kubernetes/field-invalid'],
      ['/prod/scaled', 'kubernetes/apply-conflict'],
      ['/prod/unlabelled', 'kubernetes/admission-rejected'],
    ]);
    expect(result.findings.find((f) => f.workload === '/prod/bad')!.message).toContain('spec.template.metadata.labels');
    expect(result.findings.find((f) => f.workload === '/prod/scaled')!.message).toContain('.spec.replicas');
    expect(patches(s).every((r) => r.query.dryRun === 'All')).toBe(true);
    expect(JSON.stringify(s.objects())).toBe(before);
    await expect(readFile(path.join(planDir, 'apply-state.json'))).rejects.toThrow();
    // Dry-run goes through every wave, and does not wait for health.
    expect(result.steps.map((step) => step.step)).toEqual(['namespaces', 'shared', 0, 1]);
    expect(s.requests.some((r) => r.method === 'GET' && r.path.endsWith('/deployments'))).toBe(false);
  });

  it('reports namespaces a dry-run cannot look into because they do not exist yet', async () => {
    const { run } = await setup(TWO_WAVES);
    const result = await run({ dryRun: true });
    expect([...new Set(result.findings.map((f) => f.ruleId))]).toEqual(['kubernetes/namespace-missing']);
    expect(result.findings.map((f) => f.workload)).toEqual(['/prod/cache', '/prod/web']);
    expect(result.steps.find((step) => step.step === 'namespaces')!.outcome).toBe('dry-run');
  });

  it('checks pods against Pod Security before applying a wave, and applies nothing of a wave admission would refuse', async () => {
    const fixture: FixturePlan = {
      workloads: [{ id: '/edge/lb', name: 'lb', namespace: 'edge', wave: 0, objects: [service('lb', 80, 'edge'), deployment('lb', { namespace: 'edge', podSpec: { hostNetwork: true } })] }],
      shared: [namespace('edge', { 'pod-security.kubernetes.io/enforce': 'baseline' })],
    };
    const { s, run } = await setup(fixture, { autoReady: true });
    const result = await run();
    expect(result.stopReason).toBe('blocked');
    expect(result.findings.map((f) => [f.ruleId, f.workload])).toEqual([['kubernetes/pod-security-rejected', '/edge/lb']]);
    expect(result.findings[0]!.message).toContain('hostNetwork=true');
    expect(patched(s)).toEqual(['namespaces/edge']);
  });

  it('reports the warnings the server sends with an accepted object, and still completes', async () => {
    const fixture: FixturePlan = {
      workloads: [{ id: '/edge/lb', name: 'lb', namespace: 'edge', wave: 0, objects: [deployment('lb', { namespace: 'edge', container: { ports: [{ containerPort: 80, hostPort: 80 }] } })] }],
      shared: [namespace('edge', { 'pod-security.kubernetes.io/warn': 'baseline' })],
    };
    const { run } = await setup(fixture, {
      autoReady: true,
      admission: (attempt) => (attempt.kind === 'Deployment' ? { warnings: ['policy require-probes: container "main" has no readinessProbe, audit only'] } : undefined),
    });
    const result = await run();
    expect(result.complete).toBe(true);
    expect(result.findings.map((f) => [f.ruleId, f.severity, f.workload])).toEqual([
      ['kubernetes/admission-warning', 'warning', '/edge/lb'],
      ['kubernetes/admission-warning', 'warning', '/edge/lb'],
    ]);
    expect(result.findings.map((f) => f.message).join('\n')).toContain('would violate PodSecurity "baseline:latest": hostPort (container "main" uses hostPort 80)');
    expect(result.findings.map((f) => f.message).join('\n')).toContain('has no readinessProbe, audit only');
  });

  it('reports a field owned by another manager as a conflict, and takes it over with forceConflicts', async () => {
    const { s, run } = await setup({ workloads: [{ id: '/prod/web', name: 'web', wave: 0, objects: [deployment('web', { replicas: 2 })] }] }, { autoReady: true, resources: [namespace('prod')] });
    s.update('kubectl-scale', deployment('web', { replicas: 7 }));
    const conflicted = await run();
    expect(conflicted.stopReason).toBe('failed');
    expect(conflicted.findings.map((f) => f.ruleId)).toEqual(['kubernetes/apply-conflict']);
    const forced = await run({ forceConflicts: true });
    expect(forced.complete).toBe(true);
    expect(objectPatches(s).at(-1)!.query.force).toBe('true');
    expect(s.object('Deployment', 'web', 'prod')!.spec.replicas).toBe(2);
  });

  it('holds a stateful workload\'s StatefulSet until its data was moved, then continues', async () => {
    const fixture: FixturePlan = {
      workloads: [
        { id: '/prod/db', name: 'db', wave: 0, kind: 'stateful-service', status: 'blocked', findings: [DATA_MIGRATION_FINDING], objects: [service('db', 5432), statefulSet('db')] },
        { id: '/prod/web', name: 'web', wave: 1, objects: [deployment('web')] },
      ],
    };
    const { s, planDir, run } = await setup(fixture, { autoReady: true });
    const held = await run();
    expect(held.stopReason).toBe('held');
    expect(held.findings.map((f) => [f.ruleId, f.workload])).toEqual([['kubernetes/data-move-pending', '/prod/db']]);
    expect(held.findings[0]!.message).toContain('runbooks/prod/db.sh');
    expect((await readFile(path.join(planDir, 'runbooks/prod/db.sh'), 'utf8')).startsWith('#!/bin/sh')).toBe(true);
    expect(patched(s)).toEqual(['namespaces/prod', 'services/db']);

    // The runbook's start step applies the StatefulSet with the same field manager.
    const sts = statefulSet('db');
    const response = await fetch(`${s.url}/apis/apps/v1/namespaces/prod/statefulsets/db?fieldManager=baton`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/apply-patch+yaml' },
      body: JSON.stringify(sts),
    });
    expect(response.status).toBe(201);
    const resumed = await run();
    expect(resumed.complete).toBe(true);
    expect(resumed.findings).toEqual([]);
  });

  it('starts a stateful workload with empty volumes when told to skip the data move', async () => {
    const fixture: FixturePlan = { workloads: [{ id: '/prod/db', name: 'db', wave: 0, kind: 'stateful-service', findings: [DATA_MIGRATION_FINDING], objects: [statefulSet('db')] }] };
    const { s, run } = await setup(fixture, { autoReady: true });
    const result = await run({ skipDataMove: true });
    expect(result.complete).toBe(true);
    expect(patched(s)).toContain('statefulsets/db');
  });

  it('skips workloads the plan marks blocked, unless included or named with only', async () => {
    const blocker = { ...DATA_MIGRATION_FINDING, ruleId: 'kubernetes/base-image-required', pointer: '/cmd' };
    const fixture: FixturePlan = {
      workloads: [
        { id: '/prod/legacy', name: 'legacy', wave: 0, status: 'blocked', findings: [blocker], objects: [deployment('legacy')] },
        { id: '/prod/web', name: 'web', wave: 0, objects: [deployment('web')] },
      ],
    };
    const { s, run } = await setup(fixture, { autoReady: true });
    const result = await run();
    expect(result.complete).toBe(true);
    const legacy = result.steps.find((step) => step.step === 0)!.workloads.find((w) => w.id === '/prod/legacy')!;
    expect(legacy.state).toBe('skipped');
    expect(legacy.detail).toContain('kubernetes/base-image-required');
    expect(patched(s)).not.toContain('deployments/legacy');
    await run({ only: ['/prod/legacy'] });
    expect(patched(s)).toContain('deployments/legacy');
  });

  it('applies only the named workloads and their namespace with only, and stops after the namespaces with through', async () => {
    const fixture: FixturePlan = {
      workloads: [
        { id: '/prod/web', name: 'web', wave: 0, objects: [deployment('web')] },
        { id: '/staging/web', name: 'web', namespace: 'staging', wave: 0, objects: [deployment('web', { namespace: 'staging' })] },
      ],
    };
    const { s, run } = await setup(fixture, { autoReady: true });
    const namespacesOnly = await run({ through: 'namespaces' });
    expect(namespacesOnly.steps.map((step) => step.step)).toEqual(['namespaces']);
    expect(patched(s)).toEqual(['namespaces/prod', 'namespaces/staging']);
    const mark = s.requests.length;
    await run({ only: ['/staging/web'] });
    expect(objectPatches(s, mark).map((r) => r.path)).toEqual(['/apis/apps/v1/namespaces/staging/deployments/web']);
  });

  it('does not resume from a state recorded against another cluster', async () => {
    const { s, planDir, run } = await setup(TWO_WAVES, { autoReady: true });
    await run();
    const statePath = path.join(planDir, 'apply-state.json');
    const state = JSON.parse(await readFile(statePath, 'utf8'));
    await writeFile(statePath, JSON.stringify({ ...state, cluster: { server: 'https://other.example:6443', context: 'other' } }));
    const mark = s.requests.length;
    const result = await run();
    expect(result.stateIgnored).toContain('https://other.example:6443');
    expect(patched(s, mark).length).toBe(6);
  });

  it('refuses plan directories it cannot use with BATON3004, and unknown --only ids with BATON1001', async () => {
    const { planDir, run } = await setup(TWO_WAVES);
    await expect(run({ only: ['/prod/nope'] })).rejects.toMatchObject({ code: 'BATON1001' });
    await rm(path.join(planDir, 'manifests', 'prod', 'web.yaml'));
    const missingManifest = await run().catch((e: unknown) => e);
    expect(BatonError.isInstance(missingManifest) && missingManifest.code).toBe('BATON3004');
    const noPlan = await applyPlan({ planDir: path.join(planDir, 'nope'), kubeconfig: server!.kubeconfigPath }).catch((e: unknown) => e);
    expect(BatonError.isInstance(noPlan) && noPlan.code).toBe('BATON3004');
  });

  it('fails with BATON3001 when the cluster does not answer', async () => {
    const { s, run } = await setup(TWO_WAVES);
    const kubeconfig = await readFile(s.kubeconfigPath, 'utf8');
    await s.close();
    server = undefined;
    const copy = path.join(dirs[0]!, 'kubeconfig.yaml');
    await writeFile(copy, kubeconfig);
    const error = await run({ kubeconfig: copy }).catch((e: unknown) => e);
    expect(BatonError.isInstance(error) && error.code).toBe('BATON3001');
  });
});
