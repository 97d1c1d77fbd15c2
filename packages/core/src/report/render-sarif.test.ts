import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { finding, fixtureResult } from './report-fixtures.js';
import { joinChunks, jsonChunks } from './json-chunks.js';
import { buildSarif, kindAndLevel, renderSarif, SARIF_FINGERPRINT_KEY } from './render-sarif.js';

const findings = [
  finding('demo/blocker', '/data/db', '/container/volumes/0'),
  finding('demo/approx', '/web/api', '/labels', 'first'),
  finding('demo/approx', '/web/api', '/labels', 'second'),
  finding('core/unaccounted-field', '/web/api', '/future'),
  finding('other/note', '*'),
];
const result = () =>
  fixtureResult(
    [
      { id: '/data/db', origin: '/repo/estate/groups.json', originPointer: '/groups/0/apps/1' },
      { id: '/web/api', origin: '/repo/estate/groups.json', originPointer: '/groups/1/apps/0' },
    ],
    findings,
  );

type Json = any;

describe('renderSarif', () => {
  it('describes core as the driver and each plugin as an extension with its own rules', () => {
    const run: Json = (buildSarif(result(), { plugins: [{ name: 'demo-plugin', version: '1.2.3' }] }) as Json).runs[0];
    expect(run.tool.driver.name).toBe('Baton');
    expect(run.tool.driver.rules.map((r: Json) => r.id)).toEqual(['core/plugin-failed', 'core/unaccounted-field']);
    expect(run.tool.extensions.map((e: Json) => [e.name, e.version, e.rules.map((r: Json) => r.id)])).toEqual([
      ['demo-plugin', '1.2.3', ['demo/approx', 'demo/blocker']],
      ['other-plugin', undefined, ['other/note']],
    ]);
  });

  it('points every result at its rule descriptor, in the driver or in the right extension', () => {
    const log: Json = buildSarif(result());
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run.results).toHaveLength(findings.length);
    for (const res of run.results) {
      const descriptor =
        res.rule === undefined ? run.tool.driver.rules[res.ruleIndex] : run.tool.extensions[res.rule.toolComponent.index].rules[res.rule.index];
      expect(descriptor.id).toBe(res.ruleId);
    }
  });

  it('maps severity to level and impact to kind within SARIF’s rule that only kind fail has a level', () => {
    const byRule = Object.fromEntries((buildSarif(result()) as Json).runs[0].results.map((r: Json) => [r.ruleId, [r.level, r.kind, r.properties.impact]]));
    expect(byRule['demo/blocker']).toEqual(['error', 'fail', 'blocker']);
    expect(byRule['demo/approx']).toEqual(['warning', 'fail', 'degraded']);
    expect(byRule['other/note']).toEqual(['none', 'informational', 'info']);
    expect(kindAndLevel('info', 'review')).toEqual({ kind: 'review', level: 'none' });
    expect(kindAndLevel('info', 'blocker')).toEqual({ kind: 'fail', level: 'note' });
    for (const severity of ['error', 'warning', 'info'] as const) {
      for (const impact of ['blocker', 'degraded', 'review', 'info'] as const) {
        const { kind, level } = kindAndLevel(severity, impact);
        expect(kind === 'fail' || level === 'none').toBe(true);
      }
    }
  });

  it('locates results in the source file relative to the base directory, with the workload as logical location', () => {
    const run: Json = (buildSarif(result(), { baseDir: '/repo' }) as Json).runs[0];
    expect(run.originalUriBaseIds.SRCROOT.uri).toBe('file:///repo/');
    const blocker = run.results.find((r: Json) => r.ruleId === 'demo/blocker');
    expect(blocker.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'estate/groups.json', uriBaseId: 'SRCROOT' });
    expect(blocker.locations[0].logicalLocations[0]).toMatchObject({ name: '/data/db', fullyQualifiedName: 'marathon:app:/data/db' });
    expect(blocker.locations[0].properties).toEqual({ pointer: '/container/volumes/0', documentPointer: '/groups/0/apps/1/container/volumes/0' });
    const outside: Json = (buildSarif(result(), { baseDir: '/elsewhere' }) as Json).runs[0];
    expect(outside.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///repo/estate/groups.json' });
  });

  it('resolves live-read endpoints below the Marathon URL and drops credentials', () => {
    const live = result();
    const withUrl = { ...live, model: { ...live.model, source: { ...live.model.source, via: 'url' as const, location: 'https://user:pw@dcos.example/service/marathon' }, workloads: live.model.workloads.map((w) => ({ ...w, origin: '/v2/groups' })) } };
    const run: Json = (buildSarif(withUrl) as Json).runs[0];
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('https://dcos.example/service/marathon/v2/groups');
  });

  it('locates results of a snapshot plan in the snapshot file, not at the endpoint it recorded', () => {
    const replay = result();
    const snapshot = { ...replay, model: { ...replay.model, source: { ...replay.model.source, via: 'snapshot' as const, location: '/repo/estate/snapshot.json' }, workloads: replay.model.workloads.map((w) => ({ ...w, origin: '/v2/groups' })) } };
    const run: Json = (buildSarif(snapshot, { baseDir: '/repo' }) as Json).runs[0];
    const uris = new Set(run.results.map((r: Json) => r.locations[0].physicalLocation.artifactLocation.uri));
    expect([...uris]).toEqual(['estate/snapshot.json']);
    expect(run.results[0].locations[0].properties.documentPointer).toBe('/groups/0/apps/1/container/volumes/0');
  });

  it('gives stable, distinct partial fingerprints', () => {
    const prints = (buildSarif(result()) as Json).runs[0].results.map((r: Json) => r.partialFingerprints[SARIF_FINGERPRINT_KEY]);
    expect(new Set(prints).size).toBe(prints.length);
    expect((buildSarif(result()) as Json).runs[0].results.map((r: Json) => r.partialFingerprints[SARIF_FINGERPRINT_KEY])).toEqual(prints);
    // the two findings of one rule at one pointer differ only by their occurrence
    const approx = (buildSarif(result()) as Json).runs[0].results.filter((r: Json) => r.ruleId === 'demo/approx').map((r: Json) => r.partialFingerprints[SARIF_FINGERPRINT_KEY]);
    expect(approx.map((p: string) => p.split(':')[1])).toEqual(['1', '2']);
    expect(approx[0].split(':')[0]).toBe(approx[1].split(':')[0]);
    // the recipe of batonFinding/v1: sha256 of rule, workload and pointer joined by NUL, 32 hex digits
    const blocker = (buildSarif(result()) as Json).runs[0].results.find((r: Json) => r.ruleId === 'demo/blocker');
    const digest = createHash('sha256').update('demo/blocker\u0000/data/db\u0000/container/volumes/0').digest('hex').slice(0, 32);
    expect(blocker.partialFingerprints[SARIF_FINGERPRINT_KEY]).toBe(`${digest}:1`);
  });

  it('writes each result as the compact JSON of the object buildSarif makes', () => {
    const awkward = fixtureResult(
      [{ id: '/web/"quoted"', origin: '/repo/estate/groups.json', originPointer: '/groups/1/apps/0' }],
      [finding('demo/approx', '/web/"quoted"', '/labels/a~1b', 'line\nbreak \u2028 → "x"'), finding('other/note', '*'), finding('demo/blocker', '/nowhere')],
    );
    for (const options of [{}, { baseDir: '/repo' }, { baseDir: '/elsewhere', plugins: [{ name: 'demo-plugin', version: '1.2.3' }] }]) {
      const text = renderSarif(awkward, options);
      const expected = `${joinChunks(jsonChunks(buildSarif(awkward, options), { indent: 2, depth: 3, chunkDepth: 4, oneLineItemsOf: new Set(['results']) }))}\n`;
      expect(text).toBe(expected);
      expect(text.split('\n').filter((line) => line.includes('"ruleId"'))).toHaveLength(3);
    }
  });

  it('renders byte-identical text for the same result', () => {
    expect(renderSarif(result(), { baseDir: '/repo' })).toBe(renderSarif(result(), { baseDir: '/repo' }));
  });
});
