import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { planFiles } from '../plan.js';
import { finding, fixturePlan, fixtureResult, HOSTILE, type FixtureWorkload } from './report-fixtures.js';
import { renderReportHtml } from './render-report-html.js';
import { REPORT_SCRIPT } from './report-html-assets.js';

const count = (html: string, pattern: RegExp) => (html.match(new RegExp(pattern.source, 'g')) ?? []).length;
const attr = (html: string, name: string, key: string) => html.match(new RegExp(`${name}="${key}">(\\d+)<`))?.[1];

const small: FixtureWorkload[] = [
  { id: '/data/db', status: 'blocked', wave: 0, namespace: 'data' },
  { id: '/data/cache', status: 'ready', wave: 0, namespace: 'data' },
  { id: '/web/api', status: 'degraded', wave: 1, namespace: 'web', dependencies: ['/data'] },
  { id: '/web/ui', status: 'ready', wave: 2, namespace: 'web', dependencies: ['/web/api'] },
];
const smallFindings = [
  finding('demo/blocker', '/data/db', '/container/volumes/0'),
  finding('demo/approx', '/web/api', '/labels'),
  finding('demo/approx', '/web/api', '/env'),
  finding('other/note', '*', ''),
];

describe('renderReportHtml', () => {
  it('shows the summary counts, one row per workload and findings grouped by rule with counts', () => {
    const html = renderReportHtml(fixturePlan(small, smallFindings));
    expect(attr(html, 'data-count', 'workloads')).toBe('4');
    expect(attr(html, 'data-count', 'blocked')).toBe('1');
    expect(attr(html, 'data-count', 'degraded')).toBe('1');
    expect(attr(html, 'data-count', 'ready')).toBe('2');
    expect(count(html, /<tr id="w-\d+" class="s-/)).toBe(4);
    expect(count(html, /<tr [^>]*data-status="ready"/)).toBe(2);
    const rules = [...html.matchAll(/<details id="r-\d+" data-rule="([^"]+)" data-count="(\d+)"/g)].map((m) => [m[1], Number(m[2])]);
    // most severe first, then by count
    expect(rules).toEqual([
      ['demo/blocker', 1],
      ['demo/approx', 2],
      ['other/note', 1],
    ]);
    expect(html).toContain('id="estate"');
  });

  it('draws the waves as an SVG graph with one box per workload and edges from dependencies', () => {
    const html = renderReportHtml(fixturePlan(small, smallFindings));
    const svg = html.match(/<svg[^>]*class="wave-graph"[^>]*>[\s\S]*?<\/svg>/)?.[0] ?? '';
    expect(svg).toContain('data-level="workload"');
    expect(count(svg, /<a href="#w-\d+" class="node s-/)).toBe(4);
    // /web/api depends on the group /data (2 workloads), /web/ui on /web/api
    expect(count(svg, /<path class="edge"/)).toBe(3);
    expect(count(svg, /class="wave-head"/)).toBe(3);
  });

  it('escapes hostile ids, messages, hints and labels everywhere, and links only http(s) docs', () => {
    const hostile: FixtureWorkload[] = [{ id: `/x/${HOSTILE}`, status: 'blocked', namespace: HOSTILE }];
    const evil = { ...finding('demo/blocker', `/x/${HOSTILE}`, `/${HOSTILE}`, HOSTILE), hint: HOSTILE, docsUrl: `javascript:alert(1)//${HOSTILE}` };
    const result = fixtureResult(hostile, [evil]);
    const plan = { ...fixturePlan(hostile, [evil]), source: { ...result.model.source, location: HOSTILE } };
    const html = renderReportHtml(plan);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('onerror="');
    expect(count(html, /<script>/)).toBe(1);
    expect(count(html, /<\/script>/)).toBe(1);
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&#39;&amp;');
  });

  it('allows exactly its own inline script by hash and nothing from outside', () => {
    const html = renderReportHtml(fixturePlan(small, smallFindings));
    const hash = createHash('sha256').update(REPORT_SCRIPT).digest('base64');
    expect(html).toContain(`script-src 'sha256-${hash}'`);
    expect(html).toContain(`<script>${REPORT_SCRIPT}</script>`);
    expect(html).toContain("default-src 'none'");
    // self-contained: no external resource of any kind
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b/);
    expect(html).not.toMatch(/\bsrc="/);
    expect(html).not.toMatch(/url\((?!#arrow\))/);
  });

  it('is byte-identical for the same plan, whatever the order findings arrived in', () => {
    const a = renderReportHtml(fixturePlan(small, smallFindings));
    const b = renderReportHtml(fixturePlan([...small].reverse(), smallFindings));
    expect(b).toBe(a);
  });

  it('collapses the graph to namespaces, then to waves, for large estates', () => {
    const estate = (namespaces: number, perNamespace: number): FixtureWorkload[] => {
      const out: FixtureWorkload[] = [];
      for (let n = 0; n < namespaces; n++) {
        for (let i = 0; i < perNamespace; i++) {
          const wave = i % 3;
          out.push({ id: `/ns${n}/app${i}`, namespace: `ns${n}`, wave, status: i % 5 === 0 ? 'blocked' : 'ready', dependencies: wave > 0 ? [`/ns${n}/app${i - 1}`, `/ns${(n + 1) % namespaces}`] : [] });
        }
      }
      return out;
    };
    const byNamespace = renderReportHtml(fixturePlan(estate(10, 30)));
    expect(byNamespace).toContain('data-level="namespace"');
    expect(count(byNamespace, /class="node group"/)).toBe(30);
    expect(count(byNamespace, /<tr id="w-/)).toBe(300);

    const byWave = renderReportHtml(fixturePlan(estate(100, 3)));
    expect(byWave).toContain('data-level="wave"');
    expect(count(byWave, /class="node group"/)).toBe(3);
    expect(count(byWave, /<path class="edge"/)).toBe(3);
  });

  it('lists at most occurrencesPerRule findings under a rule and says how many more', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `/a/w${String(i).padStart(2, '0')}`, status: 'blocked' as const }));
    const html = renderReportHtml(fixturePlan(many, many.map((w) => finding('demo/blocker', w.id))), { occurrencesPerRule: 5 });
    const rule = html.match(/<details id="r-0"[\s\S]*?<\/details>/)?.[0] ?? '';
    expect(count(rule, /<li>/)).toBe(5);
    expect(rule).toContain('data-count="12"');
    expect(rule).toContain('…and 7 more');
  });

  it('summarises the coverage ledger per disposition and groups fields not carried over', () => {
    const html = renderReportHtml(fixturePlan(small));
    expect(attr(html, 'data-coverage', 'mapped')).toBe('4');
    expect(attr(html, 'data-coverage', 'unsupported')).toBe('4');
    expect(count(html, /<tr data-disposition="unsupported">/)).toBe(1);
    expect(html).toContain('<code>/container/volumes/*/persistent/constraints</code>');
  });

  it('is written by planFiles as report.html next to plan.json and report.md', () => {
    const { files } = planFiles(fixtureResult(small, smallFindings), { name: '@baton/test', version: '0.0.0' });
    expect(files.map((f) => f.path)).toEqual(['plan.json', 'report.md', 'report.html']);
    expect(files[2]!.content).toContain('<svg');
  });
});
