import { readFileSync } from 'node:fs';
import { validatePlugin } from '@baton/core';
import { runPipelineInMemory } from '@baton/testing';
import { describe, expect, it } from 'vitest';
import plugin, { PLUGIN_VERSION } from './index.js';

describe('__NAME__', () => {
  it('is a valid plugin object', () => {
    expect(validatePlugin(plugin())).toEqual([]);
  });

  it('reports through the real pipeline, with severity overrides', async () => {
    const workloads = [{ id: '/prod/web', containers: [{ image: { ref: 'nginx:latest', forcePull: false, runtime: 'docker' as const, pointer: '/container/docker/image' } }] }];
    const result = await runPipelineInMemory({ plugins: [plugin()], workloads });
    expect(result.findings.map((finding) => [finding.ruleId, finding.severity, finding.workload])).toEqual([['__NAMESPACE__/no-latest-tag', 'warning', '/prod/web']]);
    const quiet = await runPipelineInMemory({ plugins: [plugin()], workloads, ruleSeverity: { '__NAMESPACE__/no-latest-tag': 'off' } });
    expect(quiet.findings).toEqual([]);
  });

  it('keeps PLUGIN_VERSION equal to package.json', () => {
    expect(PLUGIN_VERSION).toBe(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version);
  });
});
