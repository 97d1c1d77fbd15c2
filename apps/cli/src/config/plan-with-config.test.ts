// `migrate plan` and `migrate plugins` in-process on temp directories with real config files:
// YAML found from a parent directory, a TypeScript config compiled on load, --plugin with the
// example Metronome plugin, steering labels, override rules, and coded errors for bad configs and plugins.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';
import { memoryIo } from '../test-support/memory-io.js';

const METRONOME_PLUGIN = fileURLToPath(new URL('../../../../examples/plugin-metronome', import.meta.url));
const METRONOME_JOBS = path.join(METRONOME_PLUGIN, 'src/__fixtures__/jobs.json');

const APPS = {
  apps: [
    {
      id: '/prod/payments/api',
      container: { type: 'DOCKER', docker: { image: 'registry.dcos.example:5000/payments/api:1.2' } },
      cpus: 0.5,
      mem: 256,
      instances: 2,
      portDefinitions: [{ port: 10000, name: 'http', protocol: 'tcp' }],
      labels: { team: 'payments' },
    },
    { id: '/prod/web', container: { type: 'DOCKER', docker: { image: 'nginx:1.19' } }, cpus: 0.1, mem: 64, instances: 1, portDefinitions: [{ port: 10001, name: 'http' }] },
  ],
};

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'baton-config-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

async function plan(cwd: string, args: string[] = []) {
  const io = memoryIo({ cwd });
  const code = await runCli(['plan', '--from', 'apps.json', '--out', 'out', '--quiet', '--format', 'json', '--fail-on', 'never', ...args], io);
  const planJson = existsSync(path.join(cwd, 'out/plan.json')) ? JSON.parse(readFileSync(path.join(cwd, 'out/plan.json'), 'utf8')) : undefined;
  const manifest = (file: string) => parseAllDocuments(readFileSync(path.join(cwd, 'out', file), 'utf8')).map((doc) => doc.toJS());
  const findings = planJson ? [...planJson.findings, ...planJson.workloads.flatMap((w: any) => w.findings.map((f: any) => ({ ...f, workload: w.id })))] : [];
  return { code, io, plan: planJson, manifest, ruleIds: findings.map((f: any) => f.ruleId as string), findings };
}

describe('migrate plan with a config file', () => {
  it('finds baton.config.yaml in a parent directory and applies its mappings, image rules and rule severities', async () => {
    const root = workspace({
      'baton.config.yaml': [
        'namespaces: flat',
        'namespace: legacy',
        'images:',
        '  overrides: { "nginx:1.19": "nginx:1.27-alpine" }',
        '  registries: { "registry.dcos.example:5000": "registry.acme.example/dcos" }',
        'rules:',
        '  kubernetes/*: info',
      ].join('\n'),
      'team/apps.json': JSON.stringify(APPS),
    });
    const run = await plan(path.join(root, 'team'));
    expect(run.code, run.io.err()).toBe(0);
    expect(run.plan.workloads.map((w: any) => [w.id, w.namespace])).toEqual([
      ['/prod/payments/api', 'legacy'],
      ['/prod/web', 'legacy'],
    ]);
    const api = run.manifest(run.plan.workloads[0].file).find((o: any) => o.kind === 'Deployment');
    expect(api.spec.template.spec.containers[0].image).toBe('registry.acme.example/dcos/payments/api:1.2');
    const web = run.manifest(run.plan.workloads[1].file).find((o: any) => o.kind === 'Deployment');
    expect(web.spec.template.spec.containers[0].image).toBe('nginx:1.27-alpine');
    expect(run.findings.filter((f: any) => f.ruleId.startsWith('kubernetes/')).every((f: any) => f.severity === 'info')).toBe(true);
  });

  it('loads a TypeScript config (compiled with esbuild, local imports included) and applies its override rules', async () => {
    const root = workspace({
      'apps.json': JSON.stringify(APPS),
      'replicas.ts': 'export const replicas: number = 5;\n',
      'baton.config.ts': [
        "import { replicas } from './replicas';",
        'interface Rule { match: { id: string }; patch: Record<string, unknown> }',
        "const scale: Rule = { match: { id: '/prod/payments/**' }, patch: { spec: { replicas } } };",
        "export default { overrides: [scale, { match: { label: 'team=payments' }, target: { kind: 'Service' }, patch: { metadata: { annotations: { 'acme.io/owner': 'payments' } } } }] };",
      ].join('\n'),
    });
    const run = await plan(root);
    expect(run.code, run.io.err()).toBe(0);
    const objects = run.manifest(run.plan.workloads[0].file);
    expect(objects.find((o: any) => o.kind === 'Deployment').spec.replicas).toBe(5);
    expect(objects.find((o: any) => o.kind === 'Service').metadata.annotations['acme.io/owner']).toBe('payments');
    expect(run.manifest(run.plan.workloads[1].file).find((o: any) => o.kind === 'Deployment').spec.replicas).toBe(1);
    expect(readdirSync(root).filter((name) => name.includes('.timestamp-'))).toEqual([]);
  });

  it('reports override conflicts, failed tests, invalid results and unused rules as findings, and still writes the plan', async () => {
    const root = workspace({
      'apps.json': JSON.stringify(APPS),
      'baton.config.json': JSON.stringify({
        overrides: [
          { name: 'three', match: { id: '/prod/**' }, patch: { spec: { replicas: 3 } } },
          { name: 'four', match: { id: '/prod/payments/*' }, patch: { spec: { replicas: 4 } } },
          { name: 'guarded', match: { id: '/prod/web' }, jsonPatch: [{ op: 'test', path: '/spec/replicas', value: 9 }, { op: 'replace', path: '/spec/replicas', value: 0 }] },
          { name: 'broken', match: { id: '/prod/web' }, patch: { spec: { replicas: 'many' } } },
          { name: 'rename', match: { id: '/prod/web' }, patch: { metadata: { name: 'other' } } },
          { name: 'nothing', match: { id: '/staging/**' }, patch: { spec: { replicas: 1 } } },
          { name: 'no ingress', match: { id: '/prod/web' }, target: { kind: 'Ingress' }, patch: { spec: {} } },
        ],
      }),
    });
    const run = await plan(root);
    expect(run.code, run.io.err()).toBe(0);
    const keyed = run.findings.filter((f: any) => f.ruleId.startsWith('config/')).map((f: any) => `${f.ruleId} ${f.workload}`).sort();
    expect(keyed).toEqual([
      'config/override-conflict /prod/payments/api',
      'config/override-failed /prod/web',
      'config/override-failed /prod/web',
      'config/override-failed /prod/web',
      'config/override-unused *',
      'config/override-unused *',
    ]);
    expect(run.manifest(run.plan.workloads[0].file).find((o: any) => o.kind === 'Deployment').spec.replicas).toBe(4);
    const web = run.manifest(run.plan.workloads[1].file).find((o: any) => o.kind === 'Deployment');
    expect([web.spec.replicas, web.metadata.name]).toEqual([3, 'web']);
    expect(run.plan.workloads[0].status).toBe('degraded');
  });

  it('applies steering labels: skip, namespace, service type', async () => {
    const apps = structuredClone(APPS) as any;
    apps.apps[0].labels = { team: 'payments', 'baton.io/namespace': 'team-pay', 'baton.io/service-type': 'NodePort' };
    apps.apps[1].labels = { 'baton.io/skip': 'true' };
    const root = workspace({ 'apps.json': JSON.stringify(apps) });
    const run = await plan(root);
    expect(run.code, run.io.err()).toBe(0);
    expect(run.plan.workloads.map((w: any) => [w.id, w.namespace])).toEqual([['/prod/payments/api', 'team-pay']]);
    expect(run.plan.findings.map((f: any) => [f.ruleId, f.workload])).toContainEqual(['steering/skipped', '/prod/web']);
    const objects = run.manifest(run.plan.workloads[0].file);
    expect(objects.find((o: any) => o.kind === 'Service').spec.type).toBe('NodePort');
    expect(objects.find((o: any) => o.kind === 'Deployment').metadata.labels).not.toHaveProperty('baton.io/namespace');
    expect(run.plan.workloads[0].coverage.find((e: any) => e.pointer === '/labels/baton.io~1namespace')).toMatchObject({ disposition: 'mapped', to: 'hints.namespace' });
  });

  it('loads a plugin with --plugin and plans Metronome jobs as CronJobs', async () => {
    const root = workspace({ 'apps.json': readFileSync(METRONOME_JOBS, 'utf8') });
    const run = await plan(root, ['--plugin', METRONOME_PLUGIN]);
    expect(run.code, run.io.err()).toBe(0);
    expect(run.plan.source.reader).toBe('metronome');
    const kinds = Object.fromEntries(run.plan.workloads.map((w: any) => [w.id, w.objects.map((o: any) => o.kind).join(',')]));
    expect(kinds).toMatchObject({ '/prod/billing/invoice-run': expect.stringContaining('CronJob'), '/adhoc/reindex': expect.stringContaining('Job') });
    const cron = run.manifest(run.plan.workloads.find((w: any) => w.id === '/ops/db-backup').file).find((o: any) => o.kind === 'CronJob');
    expect(cron.spec).toMatchObject({ schedule: '15 2 * * *', timeZone: 'America/New_York', startingDeadlineSeconds: 900, concurrencyPolicy: 'Allow', suspend: true });
    expect(cron.spec.jobTemplate.spec.backoffLimit).toBe(0);
    expect(run.ruleIds).not.toContain('core/unaccounted-field');

    const list = memoryIo({ cwd: root });
    expect(await runCli(['plugins', '--format', 'json', '--plugin', METRONOME_PLUGIN], list)).toBe(0);
    const listed = JSON.parse(list.out()).find((p: any) => p.name === 'baton-plugin-metronome');
    expect(listed).toMatchObject({ version: '0.1.0', namespace: 'metronome', readers: ['metronome'], checkers: ['metronome/schedule-not-portable'] });
    expect(listed.source).toContain('--plugin');
  });

  it('isolates a checker that throws or hangs: a core/plugin-failed finding each, and the plan is written', async () => {
    const plugin = (name: string, check: string) =>
      `export default () => ({ apiVersion: 1, meta: { name: '${name}', version: '1.0.0', namespace: '${name}' }, checkers: { c: { apiVersion: 1, meta: { id: '${name}/c', description: 'd', defaultSeverity: 'warning', impact: 'review', messages: { m: 'm' }, hint: 'h', docs: 'd' }, check: ${check} } } });\n`;
    const root = workspace({
      'apps.json': JSON.stringify(APPS),
      'throws.mjs': plugin('throws', "() => { throw new Error('boom'); }"),
      'hangs.mjs': plugin('hangs', '() => new Promise(() => {})'),
      'baton.config.yaml': 'plugins: [./throws.mjs, ./hangs.mjs]\ncheckerTimeoutMs: 200\n',
    });
    const run = await plan(root);
    expect(run.code, run.io.err()).toBe(0);
    expect(run.ruleIds.filter((id) => id === 'core/plugin-failed')).toHaveLength(2);
    expect(run.plan.workloads).toHaveLength(2);
  });
});

describe('coded errors for bad configs and plugins', () => {
  it('exits 2 with BATON1011 naming the path of every bad key', async () => {
    const root = workspace({ 'apps.json': JSON.stringify(APPS), 'baton.config.json': JSON.stringify({ storageClassMapping: { rexray: 7 }, plugins: [{ package: 'x', options: 1 }] }) });
    const run = await plan(root);
    expect(run.code).toBe(2);
    expect(run.io.err()).toContain('BATON1011');
    expect(run.io.err()).toContain('storageClassMapping["rexray"]');
    expect(run.io.err()).toContain('plugins[0].options');
  });

  it('checks rule ids and options of built-in plugins against what is loaded', async () => {
    const root = workspace({
      'apps.json': JSON.stringify(APPS),
      'baton.config.yaml': 'rules:\n  kubernets/host-port: off\nplugins:\n  - package: "@baton/csi"\n    options: { storageClassMapping: { rexray: "" } }\n',
    });
    const run = await plan(root);
    expect([run.code, run.io.err().includes('BATON4001')]).toEqual([4, true]);
    expect(run.io.err()).toContain('plugins[0].options.storageClassMapping');
    const rules = workspace({ 'apps.json': JSON.stringify(APPS), 'baton.config.yaml': 'rules:\n  kubernets/host-port: off\n' });
    const second = await plan(rules);
    expect([second.code, second.io.err().includes('BATON1011')]).toEqual([2, true]);
    expect(second.io.err()).toContain('did you mean "kubernetes/host-port"');
  });

  it('exits 2 with BATON1012 for a config that does not parse, and for --config pointing nowhere', async () => {
    const root = workspace({ 'apps.json': JSON.stringify(APPS), 'baton.config.yaml': 'rules: [unclosed\n' });
    const run = await plan(root);
    expect([run.code, run.io.err().includes('BATON1012')]).toEqual([2, true]);
    const missing = await plan(root, ['--config', 'nope.json']);
    expect([missing.code, missing.io.err().includes('BATON1012')]).toEqual([2, true]);
    const ignored = await plan(root, ['--no-config']);
    expect(ignored.code, ignored.io.err()).toBe(0);
  });

  it('exits 4 with every problem of every plugin at once (BATON4001), and BATON4002 for API versions alone', async () => {
    const root = workspace({
      'apps.json': JSON.stringify(APPS),
      'shape.mjs': "export default { apiVersion: 1, meta: { name: 'shape', version: '1.0.0', namespace: 'Bad Namespace' }, checkers: { x: { apiVersion: 1, check: 1 } } };\n",
      'future.mjs': "export default () => ({ apiVersion: 2, meta: { name: 'future', version: '2.0.0', namespace: 'future' } });\n",
      'old-core.mjs': "export default () => ({ apiVersion: 1, meta: { name: 'old-core', version: '1.0.0', namespace: 'old' }, compatibility: { core: '^9.0.0' } });\n",
    });
    const run = await plan(root, ['--plugin', './shape.mjs', '--plugin', './future.mjs', '--plugin', './old-core.mjs', '--plugin', 'not-installed-plugin']);
    expect(run.code).toBe(4);
    const err = run.io.err();
    expect(err).toContain('BATON4001');
    for (const fragment of ['--plugin ./shape.mjs.meta.namespace', '--plugin ./shape.mjs.checkers["x"].check', '--plugin ./future.mjs.apiVersion', '--plugin ./old-core.mjs.compatibility.core', '--plugin not-installed-plugin:']) {
      expect(err).toContain(fragment);
    }
    const apiOnly = await plan(root, ['--plugin', './future.mjs']);
    expect([apiOnly.code, apiOnly.io.err().includes('BATON4002')]).toEqual([4, true]);
  });
});
