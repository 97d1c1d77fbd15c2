import { describe, expect, it } from 'vitest';
import { BatonError } from './errors/baton-error.js';
import { MODEL_VERSION, type MigrationModel, type Workload } from './model.js';
import { defineChecker, definePlugin, defineRule, validatePlugin, type Plugin } from './plugin.js';
import { orderPlugins, runPipeline } from './pipeline.js';
import { buildPlan, reachesThreshold, renderReport } from './plan.js';

const workload = (id: string): Workload => ({
  id,
  sourceKind: 'app',
  kind: 'service',
  origin: 'memory',
  originPointer: '',
  replicas: 1,
  containers: [],
  volumes: [],
  network: { mode: 'host', networks: [], requirePorts: false },
  placement: { constraints: [] },
  rollout: { minimumHealthCapacity: 1, maximumOverCapacity: 1 },
  dependencies: [],
  labels: {},
  exposure: [],
  secrets: [],
  hints: {},
});

function fakeSource(definitions: Record<string, Record<string, unknown>>, claimAll = true): Plugin {
  const model: MigrationModel = {
    modelVersion: MODEL_VERSION,
    source: { reader: 'fake', location: 'memory', via: 'file', facts: {} },
    workloads: Object.keys(definitions).map(workload),
    groups: [],
  };
  return definePlugin({
    apiVersion: 1,
    meta: { name: 'fake-source', version: '1.0.0', namespace: 'fake' },
    rules: {
      'fake/odd': defineRule({
        id: 'fake/odd',
        description: 'odd',
        defaultSeverity: 'warning',
        impact: 'degraded',
        messages: { odd: 'odd {{what}}' },
        hint: 'fix it',
        docs: 'docs',
      }),
    },
    readers: {
      fake: {
        apiVersion: 1,
        description: 'in memory',
        detect: () => true,
        read: async (_input, ctx) => {
          for (const [id, def] of Object.entries(definitions)) {
            if (claimAll) ctx.ledger.claim(id, '', { disposition: 'mapped', subtree: true });
            if ('odd' in def) ctx.report({ rule: 'fake/odd', messageId: 'odd', workload: id, pointer: '/odd', data: { what: 'x' }, disposition: 'approximated' });
          }
          return { model, definitions: new Map(Object.entries(definitions)) };
        },
      },
    },
    writers: {
      fake: {
        apiVersion: 1,
        target: 'kubernetes',
        description: 'nothing',
        write: async (m) => ({
          workloads: m.workloads.map((w) => ({ workload: w.id, namespace: 'default', name: w.id.slice(1), objects: [], file: `manifests/default/${w.id.slice(1)}.yaml`, wave: 0 })),
          shared: [],
          files: [],
        }),
      },
    },
  });
}

const checkerPlugin = (check: () => void | Promise<void>, name = 'checks'): Plugin =>
  definePlugin({
    apiVersion: 1,
    meta: { name, version: '1.0.0', namespace: 'chk' },
    checkers: {
      boom: defineChecker({
        apiVersion: 1,
        meta: { id: 'chk/boom', description: 'd', defaultSeverity: 'error', impact: 'blocker', messages: { m: 'm' }, hint: 'h', docs: 'd' },
        check,
      }),
    },
  });

const input = { kind: 'file', location: 'x.json' } as const;

describe('runPipeline', () => {
  it('turns unclaimed leaves into core/unaccounted-field findings and unsupported ledger entries', async () => {
    const result = await runPipeline({ plugins: [fakeSource({ '/a': { id: '/a', mystery: { deep: 1 } } }, false)], input });
    expect(result.findings.map((f) => [f.ruleId, f.pointer])).toEqual([
      ['core/unaccounted-field', '/id'],
      ['core/unaccounted-field', '/mystery/deep'],
    ]);
    expect(result.ledger.get('/a')?.every((e) => e.disposition === 'unsupported')).toBe(true);
    expect(result.status.get('/a')).toBe('degraded');
  });

  it('records reported dispositions in the ledger', async () => {
    const result = await runPipeline({ plugins: [fakeSource({ '/a': { id: '/a', odd: 1 } })], input });
    expect(result.ledger.get('/a')).toEqual([
      { pointer: '/id', disposition: 'mapped' },
      { pointer: '/odd', disposition: 'approximated', ruleId: 'fake/odd' },
    ]);
  });

  it('isolates a checker that throws as a core/plugin-failed finding', async () => {
    const result = await runPipeline({
      plugins: [fakeSource({ '/a': { id: '/a' } }), checkerPlugin(() => { throw new Error('bad'); })],
      input,
    });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['core/plugin-failed']);
  });

  it('isolates a checker that hangs', async () => {
    const result = await runPipeline({
      plugins: [fakeSource({ '/a': { id: '/a' } }), checkerPlugin(() => new Promise(() => {}))],
      input,
      checkerTimeoutMs: 50,
    });
    expect(result.findings.map((f) => f.ruleId)).toEqual(['core/plugin-failed']);
  });


  it('gives each check a context of its own: the plugin context, the model and the workload, reports defaulting to that workload', async () => {
    const seen: { workload: string; keys: string[]; options: unknown }[] = [];
    const checks = checkerPlugin(function check(this: unknown, ...args: unknown[]) {
      const ctx = args[0] as { workload: { id: string }; options: unknown; report: (r: object) => void };
      seen.push({ workload: ctx.workload.id, keys: Object.keys(ctx).sort(), options: ctx.options });
      const { report } = ctx; // unbound, as a checker may use it
      report({ messageId: 'm', pointer: '/id' });
      if (ctx.workload.id === '/b') report({ messageId: 'm', workload: '/a', pointer: '/other' });
    } as never);
    const result = await runPipeline({
      plugins: [fakeSource({ '/a': { id: '/a' }, '/b': { id: '/b' } }), checks],
      input,
      pluginOptions: { checks: { level: 2 } },
    });
    expect(seen.map((s) => s.workload)).toEqual(['/a', '/b']);
    expect(seen[0]!.keys).toEqual(['fail', 'ledger', 'logger', 'meta', 'model', 'options', 'report', 'signal', 'target', 'workload']);
    expect(seen[0]!.options).toEqual({ level: 2 });
    expect(result.findings.map((f) => [f.ruleId, f.workload, f.pointer])).toEqual([
      ['chk/boom', '/a', '/id'],
      ['chk/boom', '/a', '/other'],
      ['chk/boom', '/b', '/id'],
    ]);
  });
  it('skips a transform that throws and keeps the model it was given', async () => {
    const broken = definePlugin({
      apiVersion: 1,
      meta: { name: 'broken', version: '1.0.0', namespace: 'broken' },
      transforms: {
        rename: {
          apiVersion: 1,
          description: 'renames',
          transform: () => {
            throw new Error('nope');
          },
        },
      },
    });
    const result = await runPipeline({ plugins: [fakeSource({ '/a': { id: '/a' } }), broken], input });
    expect(result.findings.map((f) => [f.ruleId, f.plugin])).toEqual([['core/plugin-failed', 'broken']]);
    expect(result.model.workloads.map((w) => w.id)).toEqual(['/a']);
  });

  it('honours severity overrides and off', async () => {
    const plugins = [fakeSource({ '/a': { id: '/a', odd: 1 } })];
    const raised = await runPipeline({ plugins, input, ruleSeverity: { 'fake/odd': 'error' } });
    expect(raised.findings[0]?.severity).toBe('error');
    expect(reachesThreshold(raised.findings, 'error')).toBe(true);
    const off = await runPipeline({ plugins, input, ruleSeverity: { 'fake/odd': 'off' } });
    expect(off.findings).toEqual([]);
  });

  it('fails with BATON4004 when no reader claims the input and BATON4003 when a reader throws', async () => {
    const none = definePlugin({ apiVersion: 1, meta: { name: 'n', version: '1', namespace: 'n' } });
    await expect(runPipeline({ plugins: [none], input })).rejects.toMatchObject({ code: 'BATON4004' });
    const throwing = fakeSource({});
    (throwing.readers!.fake as { read: unknown }).read = async () => {
      throw new TypeError('x is undefined');
    };
    const error = await runPipeline({ plugins: [throwing], input }).catch((e: unknown) => e);
    expect(BatonError.isInstance(error) && error.code).toBe('BATON4003');
  });

  it('builds a deterministic plan and report', async () => {
    const run = async () => {
      const result = await runPipeline({ plugins: [fakeSource({ '/b': { id: '/b', odd: 1 }, '/a': { id: '/a' } })], input });
      const plan = buildPlan(result, { name: 't', version: '0' });
      return JSON.stringify(plan) + renderReport(plan);
    };
    const first = await run();
    expect(await run()).toBe(first);
    const plan = JSON.parse(first.slice(0, first.indexOf('# Baton')));
    expect(plan.workloads.map((w: { id: string; status: string }) => [w.id, w.status])).toEqual([
      ['/a', 'ready'],
      ['/b', 'degraded'],
    ]);
  });
});

describe('plugin validation and ordering', () => {
  it('reports every problem with its path', () => {
    const problems = validatePlugin({ apiVersion: 2, meta: { name: '', version: '1' }, checkers: { x: { apiVersion: 1, meta: {} } } }, 'plugins[0]');
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'plugins[0].apiVersion',
      'plugins[0].meta.name',
      'plugins[0].meta.namespace',
      'plugins[0].checkers["x"].check',
      'plugins[0].checkers["x"].meta.id',
      'plugins[0].checkers["x"].meta.description',
      'plugins[0].checkers["x"].meta.hint',
      'plugins[0].checkers["x"].meta.docs',
      'plugins[0].checkers["x"].meta.defaultSeverity',
      'plugins[0].checkers["x"].meta.impact',
      'plugins[0].checkers["x"].meta.messages',
    ]);
  });

  it('orders by dependsOn and rejects cycles with BATON4006', () => {
    const p = (name: string, dependsOn: string[] = [], order?: 'pre' | 'post'): Plugin =>
      definePlugin({ apiVersion: 1, meta: { name, version: '1', namespace: 'x' }, dependsOn, ...(order ? { order } : {}) });
    expect(orderPlugins([p('a', ['b']), p('b'), p('c', [], 'pre')]).map((x) => x.meta.name)).toEqual(['c', 'b', 'a']);
    expect(() => orderPlugins([p('a', ['b']), p('b', ['a'])])).toThrowError(expect.objectContaining({ code: 'BATON4006' }));
  });
});
