import * as crypto from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cmp, ruleDocsUrl, type Impact, type Severity } from '../finding.js';
import type { PipelineResult, RegisteredRule } from '../pipeline.js';
import type { PluginMeta } from '../plugin.js';
import { CORE_VERSION } from '../version.js';
import { CompactJson, joinChunks, jsonChunks, LazyJsonArray } from './json-chunks.js';

export const SARIF_SCHEMA_URL = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The partialFingerprints key; bump the suffix if the recipe ever changes. */
export const SARIF_FINGERPRINT_KEY = 'batonFinding/v1';

const CORE_PLUGIN = '@baton/core';

/** What the SARIF log is made of: a pipeline result without its written objects and files. */
export type SarifInput = Pick<PipelineResult, 'findings' | 'model' | 'rules' | 'target'>;

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
export function renderSarif(result: SarifInput, options: RenderSarifOptions = {}): string {
  return joinChunks(sarifChunks(result, options));
}

const ONE_LINE_ITEMS: ReadonlySet<string> = new Set(['results']);

/**
 * `renderSarif` in chunks, one per result, each result made while it is written: a big estate's
 * log is never one string nor one object tree.
 */
export function* sarifChunks(result: SarifInput, options: RenderSarifOptions = {}): Generator<string> {
  yield* jsonChunks(sarifLog(result, options, (results) => new LazyJsonArray(results)), { indent: 2, depth: 3, chunkDepth: 4, oneLineItemsOf: ONE_LINE_ITEMS });
  yield '\n';
}

type Json = Record<string, unknown>;

/**
 * The SARIF log object: `tool.driver` is core with its own rules, `tool.extensions[]` one
 * component per plugin with that plugin's rules, one result per finding.
 */
export function buildSarif(result: SarifInput, options: RenderSarifOptions = {}): Json {
  return sarifLog(result, options, (results) => [...results()].map((item) => JSON.parse(item.text) as Json));
}

/** The log with its results made by `results` (an array, or a lazy array for `sarifChunks`). */
function sarifLog(result: SarifInput, options: RenderSarifOptions, collect: (results: () => Iterable<CompactJson>) => unknown): Json {
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

  // Per rule and per origin the JSON text is the same for every result: made once.
  const rulePrefixes = new Map<string, string>();
  const rulePrefix = (ruleId: string): string => {
    let prefix = rulePrefixes.get(ruleId);
    if (prefix === undefined) {
      const ref = ruleRef.get(ruleId);
      const q = JSON.stringify(ruleId);
      prefix =
        ref === undefined
          ? `{"ruleId":${q}`
          : ref.component === -1
            ? `{"ruleId":${q},"ruleIndex":${ref.index}`
            : `{"ruleId":${q},"rule":{"id":${q},"index":${ref.index},"toolComponent":{"index":${ref.component}}}`;
      rulePrefixes.set(ruleId, prefix);
    }
    return prefix;
  };
  const physicalTexts = new Map<Json | undefined, string>();
  const physicalText = (artifact: Json | undefined): string => {
    let text = physicalTexts.get(artifact);
    if (text === undefined) {
      text = artifact === undefined ? '' : `,"physicalLocation":${JSON.stringify({ artifactLocation: artifact })}`;
      physicalTexts.set(artifact, text);
    }
    return text;
  };

  /**
   * One result per finding, as its compact JSON text: at 80,000 findings, building ~15 objects per
   * result only to stringify them was most of the log's cost. `buildSarif` parses the same text, so
   * every test of the log's shape tests what is written.
   */
  function* results(): Generator<CompactJson> {
    const seen = new Map<string, number>();
    const q = JSON.stringify;
    for (const finding of result.findings) {
      const workload = workloads.get(finding.workload);
      // A snapshot's workloads record the Marathon endpoint they were captured from (`/v2/groups`);
      // the file code scanning can open is the snapshot itself.
      const artifact = locate(source.via === 'snapshot' ? source.location : (workload?.origin ?? source.location));
      const estate = finding.workload === '*';
      const name = estate ? source.location || 'estate' : finding.workload;
      const qualifiedName = estate ? `${source.reader}:estate` : `${source.reader}:${workload?.sourceKind ?? 'definition'}:${finding.workload}`;
      const documentPointer = workload ? `${workload.originPointer}${finding.pointer}` : undefined;
      const identity = `${finding.ruleId}\u0000${finding.workload}\u0000${finding.pointer}`;
      const occurrence = seen.get(identity) ?? 0;
      seen.set(identity, occurrence + 1);
      const { kind, level } = kindAndLevel(finding.severity, finding.impact);
      yield new CompactJson(
        `${rulePrefix(finding.ruleId)},"kind":"${kind}","level":"${level}","message":{"text":${q(finding.message)}},` +
          `"locations":[{"logicalLocations":[{"name":${q(name)},"fullyQualifiedName":${q(qualifiedName)},"kind":"resource"}],` +
          `"properties":{"pointer":${q(finding.pointer)}${documentPointer === undefined ? '' : `,"documentPointer":${q(documentPointer)}`}}${physicalText(artifact)}}],` +
          `"partialFingerprints":{"${SARIF_FINGERPRINT_KEY}":"${fingerprint(identity, occurrence)}"},` +
          `"properties":{"severity":"${finding.severity}","impact":"${finding.impact}"${finding.hint === undefined ? '' : `,"hint":${q(finding.hint)}`}` +
          `,"plugin":${q(finding.plugin)}${finding.docsUrl === undefined ? '' : `,"docsUrl":${q(finding.docsUrl)}`}}}`,
      );
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
  return `${sha256Hex(identity).slice(0, 32)}:${occurrence + 1}`;
}

// crypto.hash (Node 20.12+) is one call where createHash makes a Hash object: ~3 times faster for
// the 80,000 results of a 10,000-app plan. Same digest; older Node 20 releases take the fallback.
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function' ? (text) => crypto.hash('sha256', text) : (text) => crypto.createHash('sha256').update(text).digest('hex');

function artifactLocation(origin: string, source: SarifInput['model']['source'], baseDir: string | undefined): Json | undefined {
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
