import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cmp, ruleDocsUrl, type Impact, type Severity } from '../finding.js';
import type { PipelineResult, RegisteredRule } from '../pipeline.js';
import type { PluginMeta } from '../plugin.js';
import { CORE_VERSION } from '../version.js';
import { joinChunks, jsonChunks, LazyJsonArray } from './json-chunks.js';

export const SARIF_SCHEMA_URL = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The partialFingerprints key; bump the suffix if the recipe ever changes. */
export const SARIF_FINGERPRINT_KEY = 'batonFinding/v1';

const CORE_PLUGIN = '@baton/core';

export interface RenderSarifOptions {
  /** Plugins as loaded, for their versions: rules only carry their plugin's name. */
  readonly plugins?: readonly Pick<PluginMeta, 'name' | 'version'>[];
  /**
   * Directory source files are reported relative to (the repository root in CI, usually the
   * working directory). Files inside it get `uriBaseId: SRCROOT`, so code scanning can map them.
   */
  readonly baseDir?: string;
}

/**
 * SARIF 2.1.0 log of a plan, as text: two-space JSON with one compact line per result, and a final
 * newline. The results are nearly all of a big estate's log (80,000 findings at 10,000 apps): indented,
 * each took ~40 lines and the file 135 MB; one line each it is a third smaller, as quick to read for
 * a person (one finding per line, greppable) and the same document for code scanning.
 */
export function renderSarif(result: PipelineResult, options: RenderSarifOptions = {}): string {
  return joinChunks(sarifChunks(result, options));
}

const ONE_LINE_ITEMS: ReadonlySet<string> = new Set(['results']);

/**
 * `renderSarif` in chunks, one per result, each result made while it is written: a big estate's
 * log is never one string nor one object tree.
 */
export function* sarifChunks(result: PipelineResult, options: RenderSarifOptions = {}): Generator<string> {
  yield* jsonChunks(sarifLog(result, options, (results) => new LazyJsonArray(results)), { indent: 2, depth: 3, chunkDepth: 4, oneLineItemsOf: ONE_LINE_ITEMS });
  yield '\n';
}

type Json = Record<string, unknown>;

/**
 * The SARIF log object: `tool.driver` is core with its own rules, `tool.extensions[]` one
 * component per plugin with that plugin's rules, one result per finding.
 */
export function buildSarif(result: PipelineResult, options: RenderSarifOptions = {}): Json {
  return sarifLog(result, options, (results) => [...results()]);
}

/** The log with its results made by `results` (an array, or a lazy array for `sarifChunks`). */
function sarifLog(result: PipelineResult, options: RenderSarifOptions, collect: (results: () => Iterable<Json>) => unknown): Json {
  const versions = new Map((options.plugins ?? []).map((plugin) => [plugin.name, plugin.version]));
  const byPlugin = new Map<string, RegisteredRule[]>();
  for (const rule of result.rules.values()) {
    const list = byPlugin.get(rule.plugin) ?? [];
    list.push(rule);
    byPlugin.set(rule.plugin, list);
  }
  for (const list of byPlugin.values()) list.sort((a, b) => cmp(a.id, b.id));
  const coreRules = byPlugin.get(CORE_PLUGIN) ?? [];
  const extensionNames = [...byPlugin.keys()].filter((name) => name !== CORE_PLUGIN).sort(cmp);

  // Where each rule lives: index of its tool component (-1 = driver) and inside its rules array.
  const ruleRef = new Map<string, { component: number; index: number }>();
  coreRules.forEach((rule, index) => ruleRef.set(rule.id, { component: -1, index }));
  extensionNames.forEach((name, component) => byPlugin.get(name)!.forEach((rule, index) => ruleRef.set(rule.id, { component, index })));

  const source = result.model.source;
  const workloads = new Map(result.model.workloads.map((workload) => [workload.id, workload]));
  const baseDir = options.baseDir === undefined ? undefined : path.resolve(options.baseDir);
  // Workloads share a few origins (one snapshot file, one endpoint): each is resolved once.
  const locations = new Map<string, Json | undefined>();
  const locate = (origin: string) => {
    if (!locations.has(origin)) locations.set(origin, artifactLocation(origin, source, baseDir));
    return locations.get(origin);
  };

  function* results(): Generator<Json> {
    const seen = new Map<string, number>();
    for (const finding of result.findings) {
      const workload = workloads.get(finding.workload);
      const ref = ruleRef.get(finding.ruleId);
      // A snapshot's workloads record the Marathon endpoint they were captured from (`/v2/groups`);
      // the file code scanning can open is the snapshot itself.
      const artifact = locate(source.via === 'snapshot' ? source.location : (workload?.origin ?? source.location));
      const location: Json = {
        logicalLocations: [
          finding.workload === '*'
            ? { name: source.location || 'estate', fullyQualifiedName: `${source.reader}:estate`, kind: 'resource' }
            : { name: finding.workload, fullyQualifiedName: `${source.reader}:${workload?.sourceKind ?? 'definition'}:${finding.workload}`, kind: 'resource' },
        ],
        properties: {
          pointer: finding.pointer,
          // The same place inside the origin document (e.g. /groups/0/apps/2/container/volumes/0).
          ...(workload ? { documentPointer: `${workload.originPointer}${finding.pointer}` } : {}),
        },
      };
      if (artifact) location.physicalLocation = { artifactLocation: artifact };
      const identity = `${finding.ruleId}\u0000${finding.workload}\u0000${finding.pointer}`;
      const occurrence = seen.get(identity) ?? 0;
      seen.set(identity, occurrence + 1);
      const sarif: Json = {
        ruleId: finding.ruleId,
        ...(ref === undefined
          ? {}
          : ref.component === -1
            ? { ruleIndex: ref.index }
            : { rule: { id: finding.ruleId, index: ref.index, toolComponent: { index: ref.component } } }),
        ...kindAndLevel(finding.severity, finding.impact),
        message: { text: finding.message },
        locations: [location],
        partialFingerprints: { [SARIF_FINGERPRINT_KEY]: fingerprint(identity, occurrence) },
        properties: { severity: finding.severity, impact: finding.impact, hint: finding.hint, plugin: finding.plugin, docsUrl: finding.docsUrl },
      };
      yield sarif;
    }
  }

  const run: Json = {
    tool: {
      driver: {
        name: 'Baton',
        fullName: 'Baton migration planner (@baton/core)',
        version: CORE_VERSION,
        semanticVersion: CORE_VERSION,
        informationUri: 'https://baton.dev',
        rules: coreRules.map(descriptor),
      },
      extensions: extensionNames.map((name) => {
        const version = versions.get(name);
        return { name, ...(version ? { version, semanticVersion: version } : {}), rules: byPlugin.get(name)!.map(descriptor) };
      }),
    },
    ...(baseDir === undefined ? {} : { originalUriBaseIds: { SRCROOT: { uri: `${pathToFileURL(baseDir).href.replace(/\/?$/, '/')}` } } }),
    results: collect(results),
    properties: { target: { id: result.target.id, kubernetesVersion: result.target.kubernetesVersion }, source: { reader: source.reader, via: source.via } },
  };
  return { $schema: SARIF_SCHEMA_URL, version: '2.1.0', runs: [run] };
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const KIND: Record<Impact, 'fail' | 'review' | 'informational'> = { blocker: 'fail', degraded: 'review', review: 'review', info: 'informational' };

/**
 * SARIF 2.1.0 §3.27.10: when `kind` is anything but `fail`, `level` must be `none`. Severity is the
 * user's CI gate, so findings at warning or error stay `fail` with their level (code scanning
 * shows them as alerts); info findings carry the migration meaning of their impact in `kind`.
 * The impact is always in `properties.impact`.
 */
export function kindAndLevel(severity: Severity, impact: Impact): { kind: 'fail' | 'review' | 'informational'; level: 'error' | 'warning' | 'note' | 'none' } {
  if (severity !== 'info') return { kind: 'fail', level: LEVEL[severity] };
  const kind = KIND[impact];
  return kind === 'fail' ? { kind, level: 'note' } : { kind, level: 'none' };
}

function descriptor(rule: RegisteredRule): Json {
  const { kind, level } = kindAndLevel(rule.defaultSeverity, rule.impact);
  return {
    id: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.docs || rule.description },
    helpUri: rule.docsUrl ?? ruleDocsUrl(rule.id),
    help: { text: rule.hint, markdown: `${rule.docs}\n\n**What to do:** ${rule.hint}`.trim() },
    defaultConfiguration: { level },
    properties: { impact: rule.impact, kind, defaultSeverity: rule.defaultSeverity, plugin: rule.plugin, tags: ['migration', rule.id.split('/')[0]] },
  };
}

/** Stable across runs of the same estate: rule, workload, pointer and the occurrence among equals. */
function fingerprint(identity: string, occurrence: number): string {
  return `${createHash('sha256').update(identity).digest('hex').slice(0, 32)}:${occurrence + 1}`;
}

function artifactLocation(origin: string, source: PipelineResult['model']['source'], baseDir: string | undefined): Json | undefined {
  if (source.via === 'stdin' || origin === '' || origin === '-') return undefined;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(origin)) return { uri: withoutCredentials(origin) };
  if (source.via === 'url') {
    // Live reads record the endpoint path (`/v2/groups`); resolve it below the Marathon URL,
    // which may itself have a path (`https://dcos.example/service/marathon`).
    try {
      return { uri: withoutCredentials(new URL(origin.replace(/^\/+/, ''), source.location.replace(/\/?$/, '/')).href) };
    } catch {
      return undefined;
    }
  }
  const absolute = path.resolve(baseDir ?? '/', origin);
  if (baseDir !== undefined) {
    const relative = path.relative(baseDir, absolute);
    if (relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)) {
      return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: 'SRCROOT' };
    }
  }
  return { uri: pathToFileURL(absolute).href };
}

function withoutCredentials(uri: string): string {
  try {
    const url = new URL(uri);
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return uri;
  }
}
