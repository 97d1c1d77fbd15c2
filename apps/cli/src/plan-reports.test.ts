import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PLAN_SCHEMA, SARIF_FINGERPRINT_KEY } from '@baton/core';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runCli } from './run-cli.js';
import { memoryIo } from './test-support/memory-io.js';
import { classify, realInputFiles, REPO_DIR } from './test-support/shared-inputs.js';

const validatePlan = new Ajv2020({ strict: true, allErrors: true }).compile(PLAN_SCHEMA);
const ESTATE = path.join(REPO_DIR, 'examples/estate/groups.json');

async function plan(from: string, extra: string[] = [], cwd = REPO_DIR) {
  const out = mkdtempSync(path.join(os.tmpdir(), 'baton-reports-'));
  const io = memoryIo({ cwd });
  const code = await runCli(['plan', '--from', from, '--out', out, '--fail-on', 'never', ...extra], io);
  expect(code, io.err()).toBe(0);
  return { out, io, read: (file: string) => readFileSync(path.join(out, file), 'utf8') };
}

const schemaErrors = (value: unknown) => (validatePlan(value) ? [] : validatePlan.errors!.map((e) => `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`));

describe('plan reports', () => {
  it('writes plan.json that validates against the published schema, plus report.html and report.sarif', async () => {
    const { read } = await plan(ESTATE);
    const planJson = JSON.parse(read('plan.json'));
    expect(schemaErrors(planJson)).toEqual([]);
    expect(read('report.html')).toMatch(/^<!doctype html>/);
    expect(JSON.parse(read('report.sarif')).version).toBe('2.1.0');
  });

  it('validates plan.json of every Marathon definition in the shared fixtures and a sample of the corpus', async () => {
    const files = realInputFiles().filter((file) => classify(readFileSync(file, 'utf8')) === 'definition');
    // every fixture, every fifth corpus file: the schema's edges, in a few seconds
    const sample = files.filter((file, index) => file.includes('/fixtures/') || index % 5 === 0);
    expect(sample.length).toBeGreaterThan(20);
    const failures: string[] = [];
    for (const file of sample) {
      const { read } = await plan(file);
      const errors = schemaErrors(JSON.parse(read('plan.json')));
      if (errors.length > 0) failures.push(`${path.basename(file)}: ${errors.slice(0, 3).join('; ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('prints plan.json with --format json, byte for byte, with one line per coverage-ledger entry', async () => {
    const { io, read } = await plan(ESTATE, ['--format', 'json']);
    expect(io.out()).toBe(read('plan.json'));
    const planJson = JSON.parse(io.out());
    const entries = planJson.workloads.reduce((sum: number, w: any) => sum + w.coverage.length, 0);
    expect(entries).toBeGreaterThan(0);
    expect(io.out().split('\n').filter((line) => /^ {8}\{"pointer":/.test(line))).toHaveLength(entries);
  });

  it('prints SARIF with --format sarif: one result per finding, rules in core or in the plugin that owns them', async () => {
    const { io, read } = await plan(ESTATE, ['--format', 'sarif']);
    expect(io.out()).toBe(read('report.sarif'));
    const log = JSON.parse(io.out());
    const run = log.runs[0];
    const planJson = JSON.parse(read('plan.json'));
    const findings = planJson.workloads.reduce((sum: number, w: any) => sum + w.findings.length, 0) + planJson.findings.length;
    expect(run.results).toHaveLength(findings);
    expect(run.tool.driver.rules.every((rule: any) => rule.id.startsWith('core/'))).toBe(true);
    expect(run.tool.extensions.map((e: any) => e.name)).toEqual(expect.arrayContaining(['@baton/cni', '@baton/csi', '@baton/kubernetes', '@baton/marathon']));
    expect(run.tool.extensions.every((e: any) => /^\d+\.\d+\.\d+/.test(e.version))).toBe(true);
    for (const result of run.results) {
      const component = result.rule ? run.tool.extensions[result.rule.toolComponent.index] : run.tool.driver;
      const descriptor = component.rules[result.rule ? result.rule.index : result.ruleIndex];
      expect(descriptor.id).toBe(result.ruleId);
      // a plugin's rules share its namespace: the result sits with its own plugin's rules
      expect(new Set(component.rules.map((rule: any) => rule.id.split('/')[0]))).toEqual(new Set([result.ruleId.split('/')[0]]));
      expect(result.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'examples/estate/groups.json', uriBaseId: 'SRCROOT' });
      expect(result.partialFingerprints[SARIF_FINGERPRINT_KEY]).toMatch(/^[0-9a-f]{32}:\d+$/);
    }
  });

  it('streams the manifests with --stdout: the objects --out writes, and no plan directory without --out', async () => {
    const cwd = mkdtempSync(path.join(os.tmpdir(), 'baton-stdout-'));
    const io = memoryIo({ cwd });
    expect(await runCli(['plan', '--from', ESTATE, '--stdout', '--fail-on', 'never'], io), io.err()).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
    const streamed = parseAllDocuments(io.out()).map((document) => document.toJS());
    const { out } = await plan(ESTATE);
    const written = readdirSync(path.join(out, 'manifests'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.yaml') && !file.endsWith('kustomization.yaml'))
      .flatMap((file) => parseAllDocuments(readFileSync(path.join(out, 'manifests', file), 'utf8')).map((document) => document.toJS()));
    const key = (object: any) => `${object.kind}/${object.metadata?.namespace ?? ''}/${object.metadata?.name}`;
    expect(streamed.length).toBeGreaterThan(10);
    expect(new Map(streamed.map((object) => [key(object), object]))).toEqual(new Map(written.map((object) => [key(object), object])));
    expect(existsSync(path.join(cwd, 'baton-plan'))).toBe(false);
  });

  it('gives the same fingerprints when the estate is planned again from another directory', async () => {
    const first = JSON.parse((await plan(ESTATE, ['--format', 'sarif'])).io.out());
    const second = JSON.parse((await plan(ESTATE, ['--format', 'sarif'], os.tmpdir())).io.out());
    const prints = (log: any) => log.runs[0].results.map((r: any) => `${r.ruleId} ${r.partialFingerprints[SARIF_FINGERPRINT_KEY]}`);
    expect(prints(second)).toEqual(prints(first));
  });
});
