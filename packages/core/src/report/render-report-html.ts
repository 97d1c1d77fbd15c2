import { createHash } from 'node:crypto';
import { cmp, type Finding, type Impact, type RuleMeta, type Severity } from '../finding.js';
import { DISPOSITIONS } from '../ledger.js';
import type { WorkloadStatus } from '../pipeline.js';
import type { PlanDocument, PlanWorkload } from '../plan.js';
import { escapeHtml as esc, safeHref } from './escape-html.js';
import { joinChunks } from './json-chunks.js';
import { REPORT_CSS, REPORT_SCRIPT } from './report-html-assets.js';
import { renderWaveGraph, WAVE_GRAPH_LIMITS, type WaveGraphLimits } from './render-wave-graph.js';

export interface RenderReportHtmlOptions {
  /** Rule metadata (e.g. `PipelineResult.rules`) for descriptions; without it the rule id stands alone. */
  readonly rules?: ReadonlyMap<string, Pick<RuleMeta, 'id' | 'description'>>;
  /** How many findings each rule lists before pointing at the workloads table (keeps big reports small). */
  readonly occurrencesPerRule?: number;
  /** How many kinds of approximated / unsupported fields the coverage section lists. */
  readonly coverageRows?: number;
  readonly graphLimits?: WaveGraphLimits;
}

const STATUSES: readonly WorkloadStatus[] = ['blocked', 'degraded', 'ready'];
const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const IMPACT_RANK: Record<Impact, number> = { blocker: 0, degraded: 1, review: 2, info: 3 };
const STATUS_RANK: Record<WorkloadStatus, number> = { blocked: 0, degraded: 1, ready: 2 };

interface RuleGroup {
  readonly ruleId: string;
  readonly plugin: string;
  readonly docsUrl: string;
  readonly hint: string;
  severity: Severity;
  impact: Impact;
  readonly findings: { workload: string; finding: Omit<Finding, 'workload'> }[];
  readonly workloads: Set<string>;
}

/**
 * report.html: one self-contained page (inline CSS, inline SVG, a few lines of inline script; no
 * external request) for the person who decides what to migrate first. Same plan, same bytes.
 */
export function renderReportHtml(plan: PlanDocument, options: RenderReportHtmlOptions = {}): string {
  return joinChunks(reportHtmlChunks(plan, options));
}

/** report.html in chunks (`renderReportHtml` joins them): the workloads table a row at a time. */
export function* reportHtmlChunks(plan: PlanDocument, options: RenderReportHtmlOptions = {}): Generator<string> {
  const anchors = new Map(plan.workloads.map((w, index) => [w.id, `w-${index}`]));
  const anchorOf = (id: string) => anchors.get(id) ?? 'workloads';
  const groups = groupByRule(plan);
  const ruleAnchor = new Map(groups.map((group, index) => [group.ruleId, `r-${index}`]));
  const scriptHash = createHash('sha256').update(REPORT_SCRIPT).digest('base64');
  const title = `Baton plan: ${plan.source.location || plan.source.reader} → ${plan.target.title}`;

  yield `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${scriptHash}'; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="generator" content="${esc(`${plan.tool.name} ${plan.tool.version}`)}">
<title>${esc(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
`;
  yield `${renderHeader(plan)}\n<main>\n${renderSummary(plan)}\n${renderWaves(plan, anchorOf, options.graphLimits ?? WAVE_GRAPH_LIMITS)}\n${renderRules(groups, ruleAnchor, anchorOf, options)}\n`;
  yield* workloadsChunks(plan, anchors, ruleAnchor);
  yield `\n${renderCoverage(plan, anchorOf, options.coverageRows ?? 200)}\n${renderEstateFindings(plan)}\n</main>`;
  yield `
<footer><p>Written by ${esc(plan.tool.name)} ${esc(plan.tool.version)} (${esc(plan.planVersion)}). The same facts, machine-readable, are in plan.json beside this file.</p></footer>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

function renderHeader(plan: PlanDocument): string {
  const source = plan.source;
  return `<header>
<h1>Migration plan</h1>
<p class="sub">From <b>${esc(source.reader)}</b> <code>${esc(source.location)}</code>${source.version ? ` (version ${esc(source.version)})` : ''} to <b>${esc(plan.target.title)}</b> (<code>${esc(plan.target.id)}</code>, Kubernetes ${esc(plan.target.kubernetesVersion)})</p>
</header>`;
}

function renderSummary(plan: PlanDocument): string {
  const s = plan.summary;
  const total = s.workloads;
  const share = (n: number) => (total === 0 ? 0 : (100 * n) / total);
  const verdict =
    total === 0
      ? 'The source held no workloads.'
      : s.blocked > 0
        ? `${s.blocked} of ${total} workloads cannot be migrated as they are; ${s.degraded} need${s.degraded === 1 ? 's' : ''} a review; ${s.ready} ${s.ready === 1 ? 'is' : 'are'} ready.`
        : s.degraded > 0
          ? `No workload is blocked; ${s.degraded} of ${total} need${s.degraded === 1 ? 's' : ''} a review and ${s.ready} ${s.ready === 1 ? 'is' : 'are'} ready.`
          : `All ${total} workloads are ready.`;
  const card = (cls: string, key: string, n: number, label: string, extra = '') =>
    `<div class="card ${cls}"><span class="n" data-count="${key}">${n}</span><span class="l">${label}</span>${extra}</div>`;
  return `<section id="summary" aria-label="Summary">
<div class="cards">
${card('', 'workloads', total, 'Workloads')}
${card('blocked', 'blocked', s.blocked, 'Blocked')}
${card('degraded', 'degraded', s.degraded, 'Degraded')}
${card('ready', 'ready', s.ready, 'Ready')}
${card('', 'objects', s.objects, 'Kubernetes objects')}
${card('', 'findings', s.findings.error + s.findings.warning + s.findings.info, 'Findings', `<small><span class="sev error">${s.findings.error}</span> errors · <span class="sev warning">${s.findings.warning}</span> warnings · <span class="sev info">${s.findings.info}</span> info</small>`)}
</div>
<div class="stack" role="img" aria-label="${s.blocked} blocked, ${s.degraded} degraded, ${s.ready} ready">${STATUSES.map((status) => (s[status] > 0 ? `<span class="${status}" style="width:${share(s[status]).toFixed(3)}%"></span>` : '')).join('')}</div>
<p class="verdict">${esc(verdict)}</p>
</section>`;
}

function renderWaves(plan: PlanDocument, anchorOf: (id: string) => string, limits: WaveGraphLimits): string {
  const graph = renderWaveGraph(plan.workloads, anchorOf, limits);
  const what =
    graph.level === 'workload'
      ? 'Each box is a workload (click it for its row); an arrow goes from a dependency to the workload that waits for it.'
      : graph.level === 'namespace'
        ? `${plan.summary.workloads} workloads are too many to draw one by one: each box is a namespace within a wave, with its share of blocked, degraded and ready workloads; arrows are dependencies between them (thicker: more).`
        : `${plan.summary.workloads} workloads are too many to draw one by one: each box is a wave, with its share of blocked, degraded and ready workloads; arrows are dependencies between waves (thicker: more).`;
  return `<section id="waves">
<h2>Apply waves</h2>
<p class="note"><code>migrate apply</code> rolls out one wave at a time and waits for it to be healthy before the next. ${esc(what)}</p>
<div class="graph">${graph.svg}</div>
<ul class="legend"><li class="blocked">blocked</li><li class="degraded">degraded</li><li class="ready">ready</li></ul>
</section>`;
}

function groupByRule(plan: PlanDocument): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  const add = (workload: string, finding: Omit<Finding, 'workload'>) => {
    let group = groups.get(finding.ruleId);
    if (!group) {
      group = { ruleId: finding.ruleId, plugin: finding.plugin, docsUrl: finding.docsUrl, hint: finding.hint, severity: finding.severity, impact: finding.impact, findings: [], workloads: new Set() };
      groups.set(finding.ruleId, group);
    }
    if (SEVERITY_RANK[finding.severity] < SEVERITY_RANK[group.severity]) group.severity = finding.severity;
    if (IMPACT_RANK[finding.impact] < IMPACT_RANK[group.impact]) group.impact = finding.impact;
    group.findings.push({ workload, finding });
    group.workloads.add(workload);
  };
  for (const w of plan.workloads) for (const finding of w.findings) add(w.id, finding);
  for (const finding of plan.findings) add(finding.workload, finding);
  return [...groups.values()].sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      IMPACT_RANK[a.impact] - IMPACT_RANK[b.impact] ||
      b.findings.length - a.findings.length ||
      cmp(a.ruleId, b.ruleId),
  );
}

function renderRules(groups: readonly RuleGroup[], ruleAnchor: ReadonlyMap<string, string>, anchorOf: (id: string) => string, options: RenderReportHtmlOptions): string {
  const limit = options.occurrencesPerRule ?? 50;
  const total = groups.reduce((sum, group) => sum + group.findings.length, 0);
  if (groups.length === 0) {
    return `<section id="findings"><h2>Findings by rule</h2><p class="note">No findings: every source field was carried over and every check passed.</p></section>`;
  }
  const items = groups.map((group) => {
    const description = options.rules?.get(group.ruleId)?.description;
    const docs = safeHref(group.docsUrl);
    const shown = group.findings.slice(0, limit);
    const rest = group.findings.length - shown.length;
    return `<details id="${ruleAnchor.get(group.ruleId)}" data-rule="${esc(group.ruleId)}" data-count="${group.findings.length}">
<summary><span class="sev ${group.severity}">${group.severity}</span><span>${group.impact}</span><code>${esc(group.ruleId)}</code><span class="muted">${esc(group.plugin)}</span><span class="num">${group.findings.length}</span><span class="num">${group.workloads.size}</span></summary>
<div class="body">
${description ? `<p>${esc(description)}</p>` : ''}<p><b>What to do:</b> ${esc(group.hint)}${docs ? ` <a href="${docs}" rel="noreferrer">Rule documentation</a>` : ''}</p>
<ul>${shown
      .map(
        ({ workload, finding }) =>
          `<li><a href="#${anchorOf(workload)}"><code>${esc(workload)}</code></a> <code class="pointer">${esc(finding.pointer || '/')}</code>: ${esc(finding.message)}</li>`,
      )
      .join('')}</ul>
${rest > 0 ? `<p class="muted">…and ${rest} more.</p>` : ''}<p><button type="button" data-q="${esc(group.ruleId)}">Show the ${group.workloads.size} workload${group.workloads.size === 1 ? '' : 's'} in the table</button></p>
</div>
</details>`;
  });
  return `<section id="findings">
<h2>Findings by rule</h2>
<p class="note">${total} findings from ${groups.length} rules, most severe first. Open a rule for what it means, what to do and where it was found.</p>
<div class="rules">
<div class="head"><span>Severity</span><span>Impact</span><span>Rule</span><span>Plugin</span><span class="num">Findings</span><span class="num">Workloads</span></div>
${items.join('\n')}
</div>
</section>`;
}

function* workloadsChunks(plan: PlanDocument, anchors: ReadonlyMap<string, string>, ruleAnchor: ReadonlyMap<string, string>): Generator<string> {
  const s = plan.summary;
  const sorted = [...plan.workloads].sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status] || cmp(a.id, b.id));
  const radio = (key: string, checked = false) => `<input type="radio" name="status-filter" class="f" id="f-${key}"${checked ? ' checked' : ''}>`;
  const label = (key: string, text: string, n: number) => `<label for="f-${key}" data-filter="${key}">${text} <b>${n}</b></label>`;
  yield `<section id="workloads">
<h2>Workloads</h2>
${radio('all', true)}${radio('blocked')}${radio('degraded')}${radio('ready')}
<div class="filters" role="group" aria-label="Filter by status">${label('all', 'All', s.workloads)}${label('blocked', 'Blocked', s.blocked)}${label('degraded', 'Degraded', s.degraded)}${label('ready', 'Ready', s.ready)}
<input type="search" id="q" placeholder="Filter: id, namespace, kind, rule id" aria-label="Filter workloads"></div>
<table id="workload-table">
<thead><tr><th>Status</th><th>Workload</th><th>Kind</th><th>Namespace / name</th><th class="num">Wave</th><th class="num">Objects</th><th>Findings</th></tr></thead>
<tbody>
`;
  for (let index = 0; index < sorted.length; index++) {
    const w = sorted[index]!;
    yield `${index === 0 ? '' : '\n'}${renderWorkloadRow(w, anchors.get(w.id)!, ruleAnchor)}`;
  }
  yield `
</tbody>
</table>
</section>`;
}

function renderWorkloadRow(w: PlanWorkload, anchor: string, ruleAnchor: ReadonlyMap<string, string>): string {
  const byRule = new Map<string, { severity: Severity; count: number }>();
  for (const finding of w.findings) {
    const entry = byRule.get(finding.ruleId) ?? { severity: finding.severity, count: 0 };
    entry.count++;
    if (SEVERITY_RANK[finding.severity] < SEVERITY_RANK[entry.severity]) entry.severity = finding.severity;
    byRule.set(finding.ruleId, entry);
  }
  const chips = [...byRule.entries()]
    .sort((a, b) => SEVERITY_RANK[a[1].severity] - SEVERITY_RANK[b[1].severity] || cmp(a[0], b[0]))
    .map(([ruleId, { severity, count }]) => `<a class="chip ${severity}" href="#${ruleAnchor.get(ruleId)}">${esc(ruleId)}${count > 1 ? ` ×${count}` : ''}</a>`)
    .join('');
  const search = [w.id, `${w.namespace}/${w.name}`, w.kind, w.sourceKind, ...byRule.keys()].join(' ').toLowerCase();
  const findings =
    w.findings.length === 0
      ? '<span class="muted">none</span>'
      : `<details><summary><span class="more">${w.findings.length} finding${w.findings.length === 1 ? '' : 's'}</span>${chips}</summary><ul>${w.findings
          .map((f) => `<li><span class="sev ${f.severity}">${f.severity}</span> <code class="pointer">${esc(f.pointer || '/')}</code> ${esc(f.message)} <span class="muted">${esc(f.hint)}</span></li>`)
          .join('')}</ul></details>`;
  return `<tr id="${anchor}" class="s-${w.status}" data-status="${w.status}" data-search="${esc(search)}"><td><span class="badge ${w.status}">${w.status}</span></td><td class="nowrap"><code>${esc(w.id)}</code></td><td class="nowrap">${esc(w.sourceKind)} → ${esc(w.kind)}</td><td class="nowrap"><code>${esc(w.namespace)}/${esc(w.name)}</code></td><td class="num">${w.wave}</td><td class="num">${w.objects.length}</td><td class="findings">${findings}</td></tr>`;
}

function renderCoverage(plan: PlanDocument, anchorOf: (id: string) => string, limit: number): string {
  const coverage = plan.summary.coverage;
  const total = DISPOSITIONS.reduce((sum, d) => sum + (coverage[d] ?? 0), 0);
  const share = (n: number) => (total === 0 ? 0 : (100 * n) / total);
  // Fields not carried over exactly, grouped by where they sit (array indexes folded) and rule.
  const kinds = new Map<string, { pointer: string; disposition: string; ruleId: string; workloads: string[] }>();
  for (const w of plan.workloads) {
    for (const entry of w.coverage) {
      if (entry.disposition !== 'approximated' && entry.disposition !== 'unsupported') continue;
      const pointer = entry.pointer.replace(/\/\d+(?=\/|$)/g, '/*');
      const key = `${entry.disposition}\u0000${pointer}\u0000${entry.ruleId ?? ''}`;
      const kind = kinds.get(key) ?? { pointer, disposition: entry.disposition, ruleId: entry.ruleId ?? '', workloads: [] };
      if (kind.workloads[kind.workloads.length - 1] !== w.id) kind.workloads.push(w.id);
      kinds.set(key, kind);
    }
  }
  const rows = [...kinds.values()].sort((a, b) => cmp(b.disposition, a.disposition) || b.workloads.length - a.workloads.length || cmp(a.pointer, b.pointer) || cmp(a.ruleId, b.ruleId));
  const shown = rows.slice(0, limit);
  const table =
    rows.length === 0
      ? '<p class="note">Every field was mapped, equal to its default, or status-only.</p>'
      : `<table id="coverage-table"><thead><tr><th>Disposition</th><th>Source field</th><th>Rule</th><th class="num">Workloads</th><th>For example</th></tr></thead><tbody>
${shown
  .map(
    (row) =>
      `<tr data-disposition="${row.disposition}"><td>${row.disposition}</td><td><code>${esc(row.pointer)}</code></td><td><code>${esc(row.ruleId)}</code></td><td class="num">${row.workloads.length}</td><td>${row.workloads
        .slice(0, 3)
        .map((id) => `<a href="#${anchorOf(id)}"><code>${esc(id)}</code></a>`)
        .join(', ')}${row.workloads.length > 3 ? ', …' : ''}</td></tr>`,
  )
  .join('\n')}
</tbody></table>${rows.length > shown.length ? `<p class="muted">…and ${rows.length - shown.length} more kinds of fields in plan.json.</p>` : ''}`;
  return `<section id="coverage">
<h2>Coverage of source fields</h2>
<p class="note">Every leaf of every source definition has one disposition in the coverage ledger: nothing is dropped silently. ${total} leaves in all.</p>
<div class="stack" role="img" aria-label="coverage">${DISPOSITIONS.map((d) => ((coverage[d] ?? 0) > 0 ? `<span class="${d}" style="width:${share(coverage[d]!).toFixed(3)}%"></span>` : '')).join('')}</div>
<ul class="legend">${DISPOSITIONS.map((d) => `<li class="${d}"><b data-coverage="${d}">${coverage[d] ?? 0}</b> ${d}</li>`).join('')}</ul>
<h3>Not carried over exactly</h3>
${table}
</section>`;
}

function renderEstateFindings(plan: PlanDocument): string {
  if (plan.findings.length === 0) return '';
  const items = [...plan.findings].sort(
    (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || cmp(a.ruleId, b.ruleId) || cmp(a.workload, b.workload) || cmp(a.message, b.message),
  );
  return `<section id="estate">
<h2>About the estate as a whole</h2>
<ul>${items
    .map(
      (f) =>
        `<li><span class="sev ${f.severity}">${f.severity}</span> <code>${esc(f.ruleId)}</code> <code>${esc(f.workload)}</code>: ${esc(f.message)} <span class="muted">${esc(f.hint)}</span></li>`,
    )
    .join('')}</ul>
</section>`;
}
