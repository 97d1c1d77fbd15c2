import { describe, expect, it } from 'vitest';
import { readMarathon } from './read-marathon.js';
import { fixture } from './test-support/shared-inputs.js';

describe('readMarathon (the reader without the pipeline)', () => {
  it('returns the model, rendered findings and the settled ledger', async () => {
    const { model, findings, coverage } = await readMarathon(fixture('system-test-app__fake-framework.json'));
    expect(model.workloads.map((workload) => [workload.id, workload.kind, workload.replicas])).toEqual([['/fake-framework', 'service', 1]]);
    expect(findings.map((finding) => [finding.ruleId, finding.severity, finding.impact, finding.pointer])).toEqual([
      ['marathon/framework-app', 'error', 'blocker', '/labels/DCOS_PACKAGE_FRAMEWORK_NAME'],
    ]);
    expect(findings[0]?.message).toContain('pyfw');
    expect(coverage.get('/fake-framework')?.every((entry) => entry.disposition !== 'unsupported')).toBe(true);
  });

  it('rejects an unparseable file with BATON1003 and a JSON non-definition with BATON1004', async () => {
    await expect(readMarathon(fixture('schema__marathon-error-response.schema.json'))).rejects.toMatchObject({ code: 'BATON1004' });
    await expect(readMarathon({ kind: 'stdin', location: '-', text: '// not json' })).rejects.toMatchObject({ code: 'BATON1003' });
  });

  it('keeps the first of two definitions with one id and reports the second', async () => {
    const text = JSON.stringify({ apps: [{ id: '/a', cmd: 'first' }, { id: 'b', cmd: 'x' }, { id: '/a', cmd: 'second' }] });
    const { model, findings } = await readMarathon({ kind: 'stdin', location: '-', text });
    expect(model.workloads.map((workload) => [workload.id, workload.containers[0]?.command])).toEqual([
      ['/a', { shell: 'first' }],
      ['/b', { shell: 'x' }],
    ]);
    expect(findings.map((finding) => [finding.ruleId, finding.workload])).toEqual([['marathon/duplicate-id', '/a']]);
    expect(model.source).toMatchObject({ via: 'stdin', location: '-' });
  });

  it('reports group keys it does not know and lists that are not lists as estate-wide findings, never dropping apps unseen', async () => {
    const text = JSON.stringify({ id: '/', groups: [{ id: '/prod', aps: [{ id: 'lost', cmd: 'x' }], apps: { id: 'also-lost', cmd: 'y' }, groups: [] }, { id: '/ok', apps: [{ id: 'fine', cmd: 'z' }] }, 7] });
    const { model, findings } = await readMarathon({ kind: 'stdin', location: '-', text });
    expect(model.workloads.map((workload) => workload.id)).toEqual(['/ok/fine']);
    expect(findings.map((finding) => [finding.ruleId, finding.workload, finding.pointer])).toEqual([
      ['marathon/invalid-definition', '*', '/groups/0/apps'],
      ['marathon/invalid-definition', '*', '/groups/2'],
      ['marathon/unknown-field', '*', '/groups/0/aps'],
    ]);
    expect(findings.map((finding) => finding.message).join(' ')).not.toContain('{{');
  });
});
