import { describe, expect, it } from 'vitest';
import { planFiles, planJsonChunks, renderPlanJson, renderReport, reportChunks, streamPlanFiles } from './plan.js';
import { joinChunks } from './report/json-chunks.js';
import { buildSarif, renderSarif, sarifChunks } from './report/render-sarif.js';
import { finding, fixturePlan, fixtureResult, HOSTILE } from './report/report-fixtures.js';

const many = Array.from({ length: 600 }, (_, index) => ({ id: `/team-${index % 7}/app-${String(index).padStart(4, '0')}`, status: index % 3 === 0 ? ('blocked' as const) : ('ready' as const) }));
const manyFindings = many.flatMap((w, index) => [finding('demo/blocker', w.id, `/container/volumes/${index}`, `${HOSTILE} → ${index}`), finding('other/note', w.id)]);

describe('plan.json', () => {
  it('parses back to the plan document, with one line per coverage entry and per finding', () => {
    const plan = fixturePlan(many, manyFindings);
    const text = renderPlanJson(plan);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(plan)));
    const itemLines = text.split('\n').filter((line) => line.includes('"pointer":"'));
    const findingLines = itemLines.filter((line) => line.includes('"severity":"'));
    expect(itemLines.length - findingLines.length).toBe(many.length * 2);
    expect(findingLines.length).toBe(manyFindings.length);
    for (const line of itemLines) expect(() => JSON.parse(line.trim().replace(/,$/, ''))).not.toThrow();
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('is two-space JSON.stringify everywhere but the coverage entries and findings', () => {
    const plan = fixturePlan(many, manyFindings);
    const withoutItems = { ...plan, workloads: plan.workloads.map((w) => ({ ...w, coverage: [], findings: [] })), findings: [] };
    expect(renderPlanJson(withoutItems)).toBe(`${JSON.stringify(withoutItems, null, 2)}\n`);
  });

  it('comes in many chunks for a big plan', () => {
    expect([...planJsonChunks(fixturePlan(many, manyFindings))].length).toBeGreaterThan(many.length);
  });
});

describe('report.md', () => {
  it('is trimmed at the end exactly once, however it is chunked', () => {
    // the last line ends in spaces (the last workload's last hint): one string would trim them
    const trailing = { ...finding('other/note', '/zz/last'), hint: 'none \t  ' };
    const plan = fixturePlan([...many, { id: '/zz/last' }], [...manyFindings, trailing]);
    const chunks = [...reportChunks(plan)];
    expect(chunks.length).toBeGreaterThan(1);
    const text = chunks.join('');
    expect(text).toBe(renderReport(plan));
    expect(text.endsWith('  - what to do: none\n')).toBe(true);
    // estate-wide findings come last
    const estate = renderReport(fixturePlan(many, [...manyFindings, { ...finding('other/note', '/gone'), hint: 'x  ' }]));
    expect(estate.endsWith('(what to do: x  )\n')).toBe(true);
  });
});

describe('report.sarif', () => {
  it('is the log of buildSarif: two-space JSON, one compact line per result, a final newline', () => {
    const result = fixtureResult(many, manyFindings);
    const options = { baseDir: '/estate', plugins: [{ name: 'demo-plugin', version: '1.0.0' }] };
    const chunks = [...sarifChunks(result, options)];
    expect(chunks.length).toBeGreaterThan(manyFindings.length);
    const text = chunks.join('');
    expect(text).toBe(renderSarif(result, options));
    const log = buildSarif(result, options) as { runs: { results: unknown[] }[] };
    expect(JSON.parse(text)).toEqual(log);
    const lines = text.split('\n');
    const results = log.runs[0]!.results;
    const first = lines.indexOf('      "results": [');
    expect(first).toBeGreaterThan(0);
    results.forEach((sarifResult, index) => expect(lines[first + 1 + index]).toBe(`        ${JSON.stringify(sarifResult)}${index < results.length - 1 ? ',' : ''}`));
    // everything else is indented as JSON.stringify would
    const withoutResults = { ...log, runs: [{ ...log.runs[0], results: [] }] };
    expect(renderSarif(fixtureResult(many), options)).toBe(`${JSON.stringify(withoutResults, null, 2)}\n`);
    expect(text.endsWith('}\n')).toBe(true);
  });
});

describe('streamPlanFiles', () => {
  it('has the files and bytes of planFiles, plan.json, report.md and report.html as chunks', () => {
    const result = fixtureResult(many, manyFindings);
    const streamed = streamPlanFiles(result, { name: 't', version: '0' });
    const whole = planFiles(result, { name: 't', version: '0' });
    expect(streamed.files.map((file) => file.path)).toEqual(whole.files.map((file) => file.path));
    expect(streamed.files.slice(0, 3).map((file) => typeof file.content)).toEqual(['object', 'object', 'object']);
    expect(streamed.files.map((file) => (typeof file.content === 'string' ? file.content : joinChunks(file.content as Iterable<string>)))).toEqual(
      whole.files.map((file) => file.content),
    );
  });
});
