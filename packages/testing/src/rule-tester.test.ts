import { defineChecker } from '@baton/core';
import { afterEach, describe, expect, it } from 'vitest';
import { RuleTester, makeModel, makeTarget, makeWorkload } from './rule-tester.js';

// A toy rule: every fixed host port is a finding, pointing at the port.
const fixedHostPort = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'demo/fixed-host-port',
    description: 'Fixed host ports.',
    defaultSeverity: 'warning',
    impact: 'review',
    messages: { fixed: 'Port {{port}} is fixed on {{target}}.' },
    hint: 'Drop the host port.',
    docs: 'Demo.',
  },
  appliesTo: (workload) => workload.containers.some((c) => c.ports.length > 0),
  check(ctx) {
    for (const container of ctx.workload.containers) {
      for (const port of container.ports) {
        if ((port.hostPort ?? 0) > 0) {
          ctx.report({ messageId: 'fixed', pointer: port.pointer, data: { port: port.hostPort, target: ctx.target.id } });
        }
      }
    }
  },
});

const port = (hostPort: number, index = 0) => ({
  index,
  containerPort: 80,
  hostPort,
  protocols: ['tcp' as const],
  labels: {},
  pointer: `/container/portMappings/${index}`,
});

// Collects what RuleTester registers instead of registering it with vitest, so failures can be inspected.
function collect(run: () => void): { title: string; body: () => void | Promise<void> }[] {
  const tests: { title: string; body: () => void | Promise<void> }[] = [];
  const path: string[] = [];
  RuleTester.describe = (title, body) => {
    path.push(title);
    body();
    path.pop();
  };
  RuleTester.it = (title, body) => tests.push({ title: [...path, title].join(' > '), body });
  RuleTester.itOnly = RuleTester.it;
  run();
  return tests;
}

async function outcome(test: { body: () => void | Promise<void> }): Promise<string> {
  try {
    await test.body();
    return 'pass';
  } catch (error) {
    return (error as Error).message;
  }
}

const original = { describe: RuleTester.describe, it: RuleTester.it, itOnly: RuleTester.itOnly };
afterEach(() => Object.assign(RuleTester, original));

describe('RuleTester', () => {
  it('passes correct cases and names the suite after the rule id', async () => {
    const tests = collect(() =>
      RuleTester.run(fixedHostPort, {
        valid: [{ workload: {} }, { workload: { containers: [{ ports: [port(0)] }] } }],
        invalid: [
          {
            workload: { id: '/web', containers: [{ ports: [port(0), port(8080, 1)] }] },
            target: { id: 'k3s' },
            errors: [{ messageId: 'fixed', pointer: '/container/portMappings/1', data: { port: 8080, target: 'k3s' } }],
          },
        ],
      }),
    );
    expect(tests.map((t) => t.title)).toEqual([
      'demo/fixed-host-port > has a valid shape',
      'demo/fixed-host-port > valid > #0 /app',
      'demo/fixed-host-port > valid > #1 /app',
      'demo/fixed-host-port > invalid > #0 /web on k3s',
    ]);
    expect(await Promise.all(tests.map(outcome))).toEqual(['pass', 'pass', 'pass', 'pass']);
  });

  it('fails on unexpected findings, wrong message ids, pointers, counts and unknown message ids', async () => {
    const withPort = { containers: [{ ports: [port(8080)] }] };
    const tests = collect(() =>
      RuleTester.run(fixedHostPort, {
        valid: [{ workload: withPort }],
        invalid: [
          { workload: withPort, errors: [{ messageId: 'fixed', pointer: '/wrong' }] },
          { workload: withPort, errors: [{ messageId: 'fixed' }, { messageId: 'fixed' }] },
          { workload: withPort, errors: [{ messageId: 'nope' }] },
          { workload: withPort, errors: [{ messageId: 'fixed', data: { port: 1 } }] },
        ],
      }),
    );
    const results = await Promise.all(tests.slice(1).map(outcome));
    expect(results[0]).toMatch(/should report nothing/);
    expect(results[1]).toMatch(/pointer/);
    expect(results[2]).toMatch(/should report 2 finding/);
    expect(results[3]).toMatch(/has no message "nope"/);
    expect(results[4]).toMatch(/data\.port/);
  });

  it('fails when a rendered message keeps a placeholder, or the checker is malformed', async () => {
    const leaky = defineChecker({ ...fixedHostPort, appliesTo: undefined, check: (ctx) => ctx.report({ messageId: 'fixed', data: { port: 1 } }) });
    const broken = { ...fixedHostPort, meta: { ...fixedHostPort.meta, impact: 'huge' } } as never;
    const tests = collect(() => {
      RuleTester.run(leaky, { valid: [], invalid: [{ workload: {}, errors: [{ messageId: 'fixed' }] }] });
      RuleTester.run(broken, { valid: [], invalid: [] });
    });
    const results = await Promise.all(tests.map(outcome));
    expect(results[1]).toMatch(/unfilled placeholder/);
    expect(results[2]).toMatch(/impact/);
  });

  it('gives the checker the same workload object the model holds, with the other workloads after it', async () => {
    const seen = defineChecker({
      ...fixedHostPort,
      check(ctx) {
        if (ctx.model.workloads[0] === ctx.workload && ctx.model.workloads[1]?.id === '/other') {
          ctx.report({ messageId: 'fixed', data: { port: 0, target: ctx.target.id } });
        }
      },
      appliesTo: undefined,
    });
    const reports = await RuleTester.findings(seen, { workload: { id: '/me' }, others: [{ id: '/other' }] });
    expect(reports).toEqual([{ messageId: 'fixed', workload: '/me', data: { port: 0, target: 'generic' } }]);
  });

  it('accepts a whole model, putting the case\'s workload in place of the one with its id', async () => {
    const seen = defineChecker({
      ...fixedHostPort,
      appliesTo: undefined,
      check(ctx) {
        ctx.report({ messageId: 'fixed', data: { port: ctx.model.workloads.map((w) => `${w.id}:${w.replicas}`).join(','), target: String(ctx.model.workloads[1] === ctx.workload) } });
      },
    });
    const model = makeModel([{ id: '/a' }, { id: '/me', replicas: 1 }]);
    const reports = await RuleTester.findings(seen, { workload: { id: '/me', replicas: 5 }, model });
    expect(reports[0]!.data).toEqual({ port: '/a:1,/me:5', target: 'true' });
  });
});

describe('builders', () => {
  it('fill complete objects and merge nested parts', () => {
    const workload = makeWorkload({ network: { mode: 'container' }, containers: [{}, { name: 'sidecar' }] });
    expect(workload.network).toEqual({ mode: 'container', networks: [], requirePorts: false });
    expect(workload.containers.map((c) => c.name)).toEqual(['main', 'sidecar']);
    expect(makeModel([{ id: '/a' }, { id: '/b' }]).workloads.map((w) => w.id)).toEqual(['/a', '/b']);
    expect(makeTarget({ cni: { plugin: 'flannel' } }).cni.plugin).toBe('flannel');
    expect(() => makeTarget({ cni: { plugn: 'x' } as never })).toThrow(/did you mean "plugin"/);
  });
});
