import { cmp, severityAtLeast, type Finding, type Severity } from './finding.js';
import type { LedgerEntry } from './ledger.js';
import type { EmittedFile, PlanFile } from './plugin.js';
import type { PipelineResult, WorkloadStatus } from './pipeline.js';
import { joinChunks, jsonChunks } from './report/json-chunks.js';
import { reportHtmlChunks } from './report/render-report-html.js';

export const PLAN_VERSION = 'baton.dev/plan/v1' as const;

export interface PlanObjectRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace?: string;
}

export interface PlanWorkload {
  readonly id: string;
  readonly sourceKind: string;
  readonly kind: string;
  readonly origin: string;
  readonly namespace: string;
  readonly name: string;
  readonly status: WorkloadStatus;
  readonly wave: number;
  readonly dependencies: readonly string[];
  readonly file: string;
  readonly objects: readonly PlanObjectRef[];
  readonly findings: readonly Omit<Finding, 'workload'>[];
  readonly coverage: readonly LedgerEntry[];
}

export interface PlanDocument {
  readonly planVersion: typeof PLAN_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  readonly source: PipelineResult['model']['source'];
  readonly target: { readonly id: string; readonly title: string; readonly kubernetesVersion: string };
  readonly summary: {
    readonly workloads: number;
    readonly ready: number;
    readonly degraded: number;
    readonly blocked: number;
    readonly objects: number;
    readonly findings: Readonly<Record<Severity, number>>;
    readonly coverage: Readonly<Record<string, number>>;
  };
  readonly waves: readonly { readonly wave: number; readonly workloads: readonly string[] }[];
  readonly workloads: readonly PlanWorkload[];
  /** Findings about the estate as a whole (workload `*`) or about ids that produced no workload. */
  readonly findings: readonly Finding[];
  readonly sharedObjects: readonly PlanObjectRef[];
}

export function buildPlan(result: PipelineResult, tool: { name: string; version: string }): PlanDocument {
  const outputs = new Map(result.output.workloads.map((output) => [output.workload, output]));
  const byWorkload = new Map<string, Finding[]>();
  const estate: Finding[] = [];
  const known = new Set(result.model.workloads.map((w) => w.id));
  for (const finding of result.findings) {
    if (known.has(finding.workload)) {
      const list = byWorkload.get(finding.workload) ?? [];
      list.push(finding);
      byWorkload.set(finding.workload, list);
    } else estate.push(finding);
  }
  const coverage: Record<string, number> = { mapped: 0, default: 0, runtime: 0, approximated: 0, unsupported: 0 };
  const workloads: PlanWorkload[] = result.model.workloads
    .map((workload) => {
      const output = outputs.get(workload.id);
      const entries = result.ledger.get(workload.id) ?? [];
      for (const entry of entries) coverage[entry.disposition] = (coverage[entry.disposition] ?? 0) + 1;
      return {
        id: workload.id,
        sourceKind: workload.sourceKind,
        kind: workload.kind,
        origin: workload.origin,
        namespace: output?.namespace ?? '',
        name: output?.name ?? '',
        status: result.status.get(workload.id) ?? 'blocked',
        wave: output?.wave ?? 0,
        dependencies: workload.dependencies,
        file: output?.file ?? '',
        objects: (output?.objects ?? []).map(refOf),
        findings: (byWorkload.get(workload.id) ?? []).map(({ workload: _w, ...rest }) => rest),
        coverage: entries,
      };
    })
    .sort((a, b) => cmp(a.id, b.id));
  const waves = new Map<number, string[]>();
  for (const workload of workloads) {
    const list = waves.get(workload.wave) ?? [];
    list.push(workload.id);
    waves.set(workload.wave, list);
  }
  const count = (status: WorkloadStatus) => workloads.filter((w) => w.status === status).length;
  const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const finding of result.findings) findings[finding.severity]++;
  return {
    planVersion: PLAN_VERSION,
    tool,
    source: result.model.source,
    target: { id: result.target.id, title: result.target.title, kubernetesVersion: result.target.kubernetesVersion },
    summary: {
      workloads: workloads.length,
      ready: count('ready'),
      degraded: count('degraded'),
      blocked: count('blocked'),
      objects: workloads.reduce((sum, w) => sum + w.objects.length, 0) + result.output.shared.length,
      findings,
      coverage,
    },
    waves: [...waves.entries()].sort((a, b) => a[0] - b[0]).map(([wave, ids]) => ({ wave, workloads: ids })),
    workloads,
    findings: estate,
    sharedObjects: result.output.shared.map(refOf),
  };
}

function refOf(object: { apiVersion: string; kind: string; metadata: { name: string; namespace?: string } }): PlanObjectRef {
  const ref: { apiVersion: string; kind: string; name: string; namespace?: string } = {
    apiVersion: object.apiVersion,
    kind: object.kind,
    name: object.metadata.name,
  };
  if (object.metadata.namespace !== undefined) ref.namespace = object.metadata.namespace;
  return ref;
}

/** Does any finding reach the `--fail-on` threshold? */
export function reachesThreshold(findings: readonly Finding[], failOn: Severity | 'never'): boolean {
  if (failOn === 'never') return false;
  return findings.some((finding) => severityAtLeast(finding.severity, failOn));
}

const STATUS_MARK: Record<WorkloadStatus, string> = { ready: 'ready', degraded: 'degraded', blocked: 'BLOCKED' };

/** The human summary: per workload ready / degraded / blocked, and why. */
export function renderReport(plan: PlanDocument): string {
  return joinChunks(reportChunks(plan));
}

/** report.md in chunks (`renderReport` joins them): a big estate's report is never one string. */
export function reportChunks(plan: PlanDocument): Generator<string> {
  return joinLinesTrimmed(reportLines(plan));
}

function* reportLines(plan: PlanDocument): Generator<string> {
  const s = plan.summary;
  yield '# Baton migration plan';
  yield '';
  yield `- Source: ${plan.source.reader} ${plan.source.location}${plan.source.version ? ` (version ${plan.source.version})` : ''}`;
  yield `- Target: ${plan.target.title} (\`${plan.target.id}\`, Kubernetes ${plan.target.kubernetesVersion})`;
  yield `- Workloads: ${s.workloads} (${s.ready} ready, ${s.degraded} degraded, ${s.blocked} blocked); objects: ${s.objects}`;
  yield `- Findings: ${s.findings.error} errors, ${s.findings.warning} warnings, ${s.findings.info} info`;
  yield `- Coverage of source fields: ${Object.entries(s.coverage)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')}`;
  yield '';
  if (plan.waves.length > 1) {
    yield '## Apply waves';
    yield '';
    for (const wave of plan.waves) yield `${wave.wave}. ${wave.workloads.map((id) => `\`${id}\``).join(', ')}`;
    yield '';
  }
  yield '## Workloads';
  yield '';
  yield '| Status | Workload | Kind | Namespace / name | Findings |';
  yield '|---|---|---|---|---|';
  for (const w of plan.workloads) {
    const counts = countBy(w.findings.map((f) => f.severity));
    yield `| ${STATUS_MARK[w.status]} | \`${escapeCell(w.id)}\` | ${w.sourceKind} → ${w.kind} | ${w.namespace}/${w.name} | ${['error', 'warning', 'info']
      .filter((k) => counts[k])
      .map((k) => `${counts[k]} ${k}`)
      .join(', ') || '–'} |`;
  }
  yield '';
  for (const w of plan.workloads) {
    if (w.findings.length === 0) continue;
    yield `### \`${w.id}\`: ${STATUS_MARK[w.status]}`;
    yield '';
    yield `Manifest: \`${w.file}\``;
    yield '';
    for (const f of w.findings) {
      yield `- **${f.severity}** ${f.impact} \`${f.ruleId}\` at \`${f.pointer || '/'}\`: ${f.message}`;
      yield `  - what to do: ${f.hint}`;
    }
    yield '';
  }
  if (plan.findings.length > 0) {
    yield '## Estate-wide findings';
    yield '';
    for (const f of plan.findings) yield `- **${f.severity}** \`${f.ruleId}\` (${f.workload}): ${f.message} (what to do: ${f.hint})`;
    yield '';
  }
}

const CHUNK_CHARS = 1 << 16;

/**
 * `${[...lines].join('\n').trimEnd()}\n` in chunks: whitespace at the end of a chunk is held back
 * until more text follows, so the end of the whole text is trimmed exactly as one string would be.
 */
function* joinLinesTrimmed(lines: Iterable<string>): Generator<string> {
  let buffer = '';
  let first = true;
  for (const line of lines) {
    buffer += first ? line : `\n${line}`;
    first = false;
    if (buffer.length >= CHUNK_CHARS) {
      const cut = buffer.trimEnd().length;
      if (cut > 0) {
        yield buffer.slice(0, cut);
        buffer = buffer.slice(cut);
      }
    }
  }
  yield `${buffer.trimEnd()}\n`;
}

function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const value of values) out[value] = (out[value] ?? 0) + 1;
  return out;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** plan.json's text: two-space JSON, one line per coverage-ledger entry and per finding, and a final newline. */
export function renderPlanJson(plan: PlanDocument): string {
  return joinChunks(planJsonChunks(plan));
}

const ONE_LINE_ITEMS: ReadonlySet<string> = new Set(['coverage', 'findings']);

/**
 * plan.json in chunks (`renderPlanJson` joins them). Two-space JSON as `JSON.stringify(plan, null, 2)`,
 * except that each coverage-ledger entry and each finding is one compact line
 * (`{"pointer":"/id","disposition":"mapped","to":"id"}`): the ledger has an entry per source leaf
 * (~30 per workload) and four indented lines per entry were a third of the file, a finding took
 * ten; one line per item also keeps Git diffs to the leaves and findings that changed, and renders
 * in a quarter less time. Parsed, it is the same document.
 */
export function* planJsonChunks(plan: PlanDocument): Generator<string> {
  yield* jsonChunks(plan, { indent: 2, depth: 3, chunkDepth: 2, oneLineItemsOf: ONE_LINE_ITEMS });
  yield '\n';
}

/**
 * What `migrate plan` writes, as chunks written while they are made (`writePlanDirectory` takes
 * them): the writer's files, then plan.json, report.md and report.html. Same bytes as `planFiles`.
 * The writer's files come first: a host that lets go of each file once written (`migrate plan`)
 * then holds no manifest, nor the objects it is made of, while the big plan files are made.
 */
export function streamPlanFiles(result: PipelineResult, tool: { name: string; version: string }): { plan: PlanDocument; files: PlanFile[] } {
  const plan = buildPlan(result, tool);
  return {
    plan,
    files: [
      ...result.output.files,
      { path: 'plan.json', content: planJsonChunks(plan) },
      { path: 'report.md', content: reportChunks(plan) },
      { path: 'report.html', content: reportHtmlChunks(plan, { rules: result.rules }) },
    ],
  };
}

/** plan.json, report.md, report.html and the writer's files as strings, ready for `writePlanDirectory`. */
export function planFiles(result: PipelineResult, tool: { name: string; version: string }): { plan: PlanDocument; files: EmittedFile[] } {
  const { plan, files } = streamPlanFiles(result, tool);
  // `content` is read once: a writer may render it when it is read (the Kubernetes writer's manifests)
  return {
    plan,
    files: files.map((file) => {
      const content = file.content;
      return { path: file.path, content: typeof content === 'string' ? content : joinChunks(content as Iterable<string>) };
    }),
  };
}
