import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PLAN_VERSION } from '@baton/core';
import { startKubernetesApiServer, type KubernetesApiServer, type KubernetesApiServerOptions } from '@baton/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { APPLY_HELP } from '../apply-help.js';
import { reportError, runCli } from '../run-cli.js';
import { memoryIo } from '../test-support/memory-io.js';
import { applyCommand } from './apply-command.js';

type Obj = Record<string, any>;

let server: KubernetesApiServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** What runCli does around a command: coded errors become an exit status and a message on stderr. */
async function migrateApply(args: string[], cwd?: string) {
  const io = memoryIo(cwd ? { cwd } : {});
  const status = await applyCommand(args, io).catch((error: unknown) => reportError(error, io, false));
  return { status, out: io.out(), err: io.err() };
}

function deployment(name: string, podSpec: Obj = {}): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'prod' },
    spec: { replicas: 1, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image: `example/${name}:1` }], ...podSpec } } },
  };
}

/** A two-wave plan directory as `migrate plan --out` writes it: api (wave 0) <- web (wave 1). */
async function planDirectory(web: Obj = deployment('web')): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'baton-cli-apply-'));
  dirs.push(dir);
  const ns = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod' } };
  const ref = (o: Obj) => ({ apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}) });
  const workload = (id: string, name: string, wave: number, objects: Obj[]) => ({
    id, sourceKind: 'app', kind: 'service', origin: 'apps.json', namespace: 'prod', name, status: 'ready', wave, dependencies: [], file: `manifests/prod/${name}.yaml`, objects: objects.map(ref), findings: [], coverage: [],
  });
  const plan = {
    planVersion: PLAN_VERSION,
    tool: { name: 'migrate', version: 'test' },
    source: { reader: 'marathon', location: 'apps.json' },
    target: { id: 'generic', title: 'Generic', kubernetesVersion: '1.34' },
    summary: { workloads: 2, ready: 2, degraded: 0, blocked: 0, objects: 3, findings: { error: 0, warning: 0, info: 0 }, coverage: {} },
    waves: [{ wave: 0, workloads: ['/prod/api'] }, { wave: 1, workloads: ['/prod/web'] }],
    workloads: [workload('/prod/api', 'api', 0, [deployment('api')]), workload('/prod/web', 'web', 1, [web])],
    findings: [],
    sharedObjects: [ref(ns)],
  };
  await mkdir(path.join(dir, 'manifests/prod'), { recursive: true });
  await writeFile(path.join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
  await writeFile(path.join(dir, 'manifests/prod/namespace.yaml'), JSON.stringify(ns));
  await writeFile(path.join(dir, 'manifests/prod/api.yaml'), JSON.stringify(deployment('api')));
  await writeFile(path.join(dir, 'manifests/prod/web.yaml'), JSON.stringify(web));
  return dir;
}

async function start(options: KubernetesApiServerOptions = {}): Promise<KubernetesApiServer> {
  server = await startKubernetesApiServer(options);
  return server;
}

describe('migrate apply', () => {
  it('applies a plan directory wave by wave, exits 0, and sends no PATCH when run again', async () => {
    const s = await start({ autoReady: true });
    const dir = await planDirectory();
    const first = await migrateApply([dir, '--kubeconfig', s.kubeconfigPath]);
    expect(first.err).toBe('');
    expect(first.status).toBe(0);
    expect(first.out).toContain('wave 1');
    expect(JSON.parse(await readFile(path.join(dir, 'apply-state.json'), 'utf8')).steps.map((st: Obj) => st.state)).toEqual(['verified', 'verified', 'verified']);
    const mark = s.requests.length;
    const again = await migrateApply([dir, '--kubeconfig', s.kubeconfigPath, '--format', 'json']);
    expect(again.status).toBe(0);
    expect(s.requests.slice(mark).filter((r) => r.method === 'PATCH')).toEqual([]);
    expect(JSON.parse(again.out).steps.map((st: Obj) => st.outcome)).toEqual(['unchanged', 'skipped', 'unchanged', 'unchanged']);
  });

  it('resolves the plan directory and kubeconfig against the working directory', async () => {
    const s = await start({ autoReady: true });
    const dir = await planDirectory();
    const result = await migrateApply([path.basename(dir), '--kubeconfig', s.kubeconfigPath, '--context', 'baton-fake', '--wave', 'namespaces'], path.dirname(dir));
    expect(result.status).toBe(0);
    expect(s.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual(['/api/v1/namespaces/prod']);
  });

  it('exits 1 with findings in JSON for what a server dry-run refuses, and 0 with --fail-on never', async () => {
    const s = await start({ resources: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod', labels: { 'pod-security.kubernetes.io/enforce': 'baseline' } } }] });
    const dir = await planDirectory(deployment('web', { hostNetwork: true }));
    const refused = await migrateApply([dir, '--kubeconfig', s.kubeconfigPath, '--dry-run', 'server', '--format', 'json']);
    expect(refused.status).toBe(1);
    const result = JSON.parse(refused.out);
    expect(result.dryRun).toBe(true);
    expect(result.findings.map((f: Obj) => [f.ruleId, f.workload])).toEqual([['kubernetes/pod-security-rejected', '/prod/web']]);
    expect(s.requests.filter((r) => r.method === 'PATCH').every((r) => r.query.dryRun === 'All')).toBe(true);
    const tolerated = await migrateApply([dir, '--kubeconfig', s.kubeconfigPath, '--dry-run', 'server', '--fail-on', 'never']);
    expect(tolerated.status).toBe(0);
  });

  it('exits 1 and names the wave when a wave does not become healthy within --timeout', async () => {
    const s = await start();
    const dir = await planDirectory();
    const result = await migrateApply([dir, '--kubeconfig', s.kubeconfigPath, '--timeout', '0.3', '--format', 'json']);
    expect(result.status).toBe(1);
    const json = JSON.parse(result.out);
    expect([json.stoppedAt, json.stopReason]).toEqual([0, 'unhealthy']);
    expect(json.findings.map((f: Obj) => f.ruleId)).toEqual(['kubernetes/rollout-unhealthy']);
    const table = await migrateApply([dir, '--kubeconfig', s.kubeconfigPath, '--timeout', '0.3']);
    expect(table.out).toContain('Stopped at wave 0');
  });

  it.each([
    [[]],
    [['a', 'b']],
    [['plan', '--wave', 'last']],
    [['plan', '--dry-run', 'client']],
    [['plan', '--timeout', '-5']],
    [['plan', '--format', 'yaml']],
    [['plan', '--no-such-flag']],
  ])('exits 2 with BATON1001 for %j', async (args) => {
    const result = await migrateApply(args);
    expect(result.status).toBe(2);
    expect(result.err).toContain('BATON1001');
  });

  it('exits 2 with BATON3004 for a directory that is not a plan, and 3 with BATON3001 when the cluster does not answer', async () => {
    const s = await start();
    const notPlan = await migrateApply([os.tmpdir(), '--kubeconfig', s.kubeconfigPath]);
    expect(notPlan.status).toBe(2);
    expect(notPlan.err).toContain('BATON3004');

    const dir = await planDirectory();
    const kubeconfig = path.join(dir, 'kubeconfig.yaml');
    await writeFile(kubeconfig, await readFile(s.kubeconfigPath, 'utf8'));
    await s.close();
    server = undefined;
    const unreachable = await migrateApply([dir, '--kubeconfig', kubeconfig]);
    expect(unreachable.status).toBe(3);
    expect(unreachable.err).toContain('BATON3001');
  });

  it('prints its help page, also as `migrate apply --help`', async () => {
    const result = await migrateApply(['--help']);
    expect(result.status).toBe(0);
    expect(result.out).toBe(APPLY_HELP);
    const io = memoryIo();
    expect(await runCli(['apply', '--help'], io)).toBe(0);
    expect(io.out()).toBe(APPLY_HELP);
  });
});
