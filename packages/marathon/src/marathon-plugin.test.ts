import { readFileSync } from 'node:fs';
import { runPipeline, validatePlugin, PLUGIN_API_VERSION, type Plugin } from '@baton/core';
import { startMarathonServer } from '@baton/testing';
import { describe, expect, it } from 'vitest';
import marathon, { MARATHON_PLUGIN_VERSION, MARATHON_RULES } from './index.js';
import { ESTATE_DIR } from './test-support/estate.js';
import { fixture } from './test-support/shared-inputs.js';

/** A writer that writes nothing: the pipeline needs one, these tests look at the reader. */
const nullWriter: Plugin = {
  apiVersion: PLUGIN_API_VERSION,
  meta: { name: 'null-writer', version: '0.0.0', namespace: 'null' },
  writers: { none: { apiVersion: PLUGIN_API_VERSION, target: 'kubernetes', description: 'nothing', write: async () => ({ workloads: [], shared: [], files: [] }) } },
};

describe('the marathon plugin', () => {
  it('is a valid plugin whose version matches package.json and whose rules are namespaced', () => {
    const plugin = marathon();
    expect(validatePlugin(plugin)).toEqual([]);
    expect(plugin.meta).toEqual({ name: '@baton/marathon', version: MARATHON_PLUGIN_VERSION, namespace: 'marathon' });
    expect(MARATHON_PLUGIN_VERSION).toBe(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
    expect(Object.keys(MARATHON_RULES).every((id) => id.startsWith('marathon/'))).toBe(true);
  });

  it('plans a file through the pipeline with every leaf accounted for', async () => {
    const result = await runPipeline({ plugins: [marathon(), nullWriter], input: { kind: 'file', location: fixture('api-v2-example__app-definition-full.json') } });
    expect(result.model.workloads.map((workload) => workload.id)).toEqual(['/foo']);
    const entries = result.ledger.get('/foo') ?? [];
    expect(entries.length).toBeGreaterThan(70);
    expect(result.findings.map((finding) => finding.ruleId)).not.toContain('core/unaccounted-field');
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(['marathon/legacy-field', 'marathon/invalid-definition']));
  });

  it('plans a live Marathon through the pipeline with the flags the CLI passes as plugin options', async () => {
    const server = await startMarathonServer({ directory: ESTATE_DIR, auth: { token: 'jwt' } });
    try {
      const result = await runPipeline({
        plugins: [marathon(), nullWriter],
        input: { kind: 'url', location: server.url },
        pluginOptions: { '@baton/marathon': { token: 'jwt', only: '/prod/data' } },
      });
      expect(result.model.workloads.map((workload) => workload.id)).toEqual(['/prod/data/mysql', '/prod/data/postgres', '/prod/data/reports']);
      expect(result.findings.filter((finding) => finding.workload === '*').map((finding) => finding.ruleId)).toEqual(['marathon/partial-tree']);
    } finally {
      await server.close();
    }
  });

  it('plans a pod without containers (Marathon rejects it) as blocked, with the rest of the estate planned', async () => {
    const text = JSON.stringify({
      id: '/team',
      apps: [{ id: 'web', cmd: 'serve' }],
      pods: [
        { id: '/team/empty', containers: [] },
        { id: '/team/junk', containers: [5, null] },
        { id: '/team/ok', containers: [{ name: 'main', exec: { command: { shell: 'run' } }, resources: { cpus: 0.1, mem: 32 } }] },
        // as /v2/groups embeds it: a PodStatus whose spec has no containers
        { id: '/team/status', spec: { id: '/team/status', containers: [] }, status: 'STABLE' },
      ],
    });
    const result = await runPipeline({ plugins: [marathon(), nullWriter], input: { kind: 'stdin', location: '-', text } });
    const found = result.findings.filter((finding) => finding.ruleId === 'marathon/pod-without-containers');
    expect(found.map((finding) => [finding.workload, finding.pointer, finding.severity, finding.impact])).toEqual([
      ['/team/empty', '/containers', 'error', 'blocker'],
      ['/team/junk', '/containers', 'error', 'blocker'],
      ['/team/status', '/spec/containers', 'error', 'blocker'],
    ]);
    expect(found.map((finding) => finding.message).join(' ')).not.toContain('{{');
    expect(Object.fromEntries(result.status)).toEqual({ '/team/empty': 'blocked', '/team/junk': 'blocked', '/team/ok': 'ready', '/team/status': 'blocked', '/team/web': 'ready' });
  });

  it('claims URLs, stdin and JSON files, and fails on what is not JSON with BATON1003', async () => {
    const reader = marathon().readers.marathon;
    expect(await reader.detect({ kind: 'url', location: 'https://dcos/service/marathon' }, {} as never)).toBe(true);
    expect(await reader.detect({ kind: 'stdin', location: '-', text: '{}' }, {} as never)).toBe(true);
    expect(await reader.detect({ kind: 'file', location: fixture('SOURCES.md') }, {} as never)).toBe(false);
    await expect(
      runPipeline({ plugins: [marathon(), nullWriter], input: { kind: 'stdin', location: '-', text: '{"id": "/a", "cmd": "x",}' } }),
    ).rejects.toMatchObject({ code: 'BATON1003' });
    await expect(runPipeline({ plugins: [marathon(), nullWriter], input: { kind: 'file', location: '/nonexistent/app.json' } })).rejects.toMatchObject({ code: 'BATON1002' });
  });
});
