import type { Finding, RuleMeta, Severity } from './finding.js';
import type { Disposition, LedgerClaim } from './ledger.js';
import type { JsonPointer, MigrationModel, Workload } from './model.js';
import type { TargetProfile } from './target-profile.js';
import type { ErrorCode } from './errors/catalog.js';

/** The plugin contract version. Every plugin object states it; the host checks it on load. */
export const PLUGIN_API_VERSION = 1 as const;
export type PluginApiVersion = typeof PLUGIN_API_VERSION;

type MaybePromise<T> = T | Promise<T>;

export interface PluginMeta {
  /** npm package name. */
  readonly name: string;
  /** npm package version. */
  readonly version: string;
  /** Prefix of every rule id the plugin reports, e.g. `csi`. */
  readonly namespace: string;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
}

export interface SourceInput {
  /** `url` (http/https), `file` (a path) or `stdin` (text already read). */
  readonly kind: 'url' | 'file' | 'stdin';
  /** The URL or path as the user gave it (may contain credentials: never print it raw). */
  readonly location: string;
  /** Text of stdin; readers read files and URLs themselves. */
  readonly text?: string;
}

/** What a reader, transform or writer may report. `rule` must be declared in the plugin's `rules`. */
export interface ReportInput {
  readonly rule: string;
  readonly messageId: string;
  readonly workload: string;
  readonly pointer?: JsonPointer;
  readonly data?: Readonly<Record<string, unknown>>;
  /** Also record this disposition for `pointer` in the coverage ledger. */
  readonly disposition?: Extract<Disposition, 'approximated' | 'unsupported'>;
  /** Record the disposition for every leaf below `pointer`. */
  readonly subtree?: boolean;
}

export interface LedgerRecorder {
  claim(workload: string, pointer: JsonPointer, claim: LedgerClaim): void;
}

export interface PluginContext<Options = Record<string, unknown>> {
  readonly options: Options;
  readonly meta: { readonly coreVersion: string; readonly apiVersion: PluginApiVersion };
  readonly target: TargetProfile;
  readonly logger: Logger;
  readonly signal: AbortSignal;
  readonly ledger: LedgerRecorder;
  report(finding: ReportInput): void;
  /** Ends the run with a catalogued tool error. */
  fail(code: ErrorCode, data?: Readonly<Record<string, string | number>>, cause?: unknown): never;
}

export interface ReadResult {
  readonly model: MigrationModel;
  /** The source definition of each workload (after the source's own normalization), for the ledger. */
  readonly definitions: ReadonlyMap<string, unknown>;
}

/** Stage "read", kind first: the first reader whose `detect` says yes reads the input. */
export interface Reader<Options = Record<string, unknown>> {
  readonly apiVersion: PluginApiVersion;
  readonly description: string;
  detect(input: SourceInput, ctx: PluginContext<Options>): MaybePromise<boolean>;
  read(input: SourceInput, ctx: PluginContext<Options>): Promise<ReadResult>;
}

/** Stage "transform", kind sequential: each may return a new model (or undefined to keep it). */
export interface Transform<Options = Record<string, unknown>> {
  readonly apiVersion: PluginApiVersion;
  readonly description: string;
  readonly order?: 'pre' | 'post';
  transform(model: MigrationModel, ctx: PluginContext<Options>): MaybePromise<MigrationModel | undefined>;
}

export interface CheckReport {
  readonly messageId: string;
  readonly workload?: string;
  readonly pointer?: JsonPointer;
  readonly data?: Readonly<Record<string, unknown>>;
}

export interface CheckContext<Options = Record<string, unknown>> extends Omit<PluginContext<Options>, 'report'> {
  readonly model: MigrationModel;
  readonly workload: Workload;
  /** Reports a finding of this checker's rule; `workload` defaults to the one being checked. */
  report(finding: CheckReport): void;
}

/** Stage "check", kind parallel. Shaped like an ESLint rule: meta plus check(ctx). */
export interface Checker<Options = Record<string, unknown>> {
  readonly apiVersion: PluginApiVersion;
  readonly meta: RuleMeta;
  /** Host-side skip: return false when the workload cannot trigger the rule. */
  appliesTo?(workload: Workload, target: TargetProfile): boolean;
  check(ctx: CheckContext<Options>): MaybePromise<void>;
}

export interface PlannedObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string; readonly namespace?: string; readonly [key: string]: unknown };
  readonly [key: string]: unknown;
}

export interface WorkloadOutput {
  /** Source id of the workload. */
  readonly workload: string;
  readonly namespace: string;
  /** Kubernetes name of the main object. */
  readonly name: string;
  /** Objects in apply order. */
  readonly objects: readonly PlannedObject[];
  /** Relative path of the manifest file holding the objects. */
  readonly file: string;
  /** Apply wave (0 first), from dependencies. */
  readonly wave: number;
}

export interface EmittedFile {
  /** Path relative to the output directory, with `/` separators. */
  readonly path: string;
  readonly content: string;
}

/**
 * A file's text as written by `writePlanDirectory`: a string, or chunks (sync or async) written as
 * they are made, so a big file (plan.json, report.sarif of a large estate) never exists as one string.
 */
export type FileContent = string | Iterable<string> | AsyncIterable<string>;

/** A file for `writePlanDirectory`; every `EmittedFile` is one. */
export interface PlanFile {
  /** Path relative to the output directory, with `/` separators. */
  readonly path: string;
  readonly content: FileContent;
}

export interface WriteResult {
  readonly workloads: readonly WorkloadOutput[];
  /** Objects that belong to no single workload (Namespaces, shared Secrets). */
  readonly shared: readonly PlannedObject[];
  readonly files: readonly EmittedFile[];
}

/** Stage "write", kind selected: the writer whose `target` the user asked for runs. */
export interface Writer<Options = Record<string, unknown>> {
  readonly apiVersion: PluginApiVersion;
  readonly target: string;
  readonly description: string;
  write(model: MigrationModel, ctx: PluginContext<Options>): Promise<WriteResult>;
}

export interface Plugin<Options = Record<string, unknown>> {
  readonly apiVersion: PluginApiVersion;
  readonly meta: PluginMeta;
  /** Semver range of @baton/core this plugin was built and tested against. */
  readonly compatibility?: { readonly core?: string };
  /** Plugins (by meta.name) that must run before this one. */
  readonly dependsOn?: readonly string[];
  readonly order?: 'pre' | 'post';
  /** Rules the plugin's readers, transforms and writers report (checkers carry their own meta). */
  readonly rules?: Readonly<Record<string, RuleMeta>>;
  readonly readers?: Readonly<Record<string, Reader<Options>>>;
  readonly transforms?: Readonly<Record<string, Transform<Options>>>;
  readonly checkers?: Readonly<Record<string, Checker<Options>>>;
  readonly writers?: Readonly<Record<string, Writer<Options>>>;
}

/** Adds types only: a plugin is a plain object. */
export function definePlugin<const P extends Plugin<any>>(plugin: P): P {
  return plugin;
}

export function defineChecker<const C extends Checker<any>>(checker: C): C {
  return checker;
}

export function defineRule<const M extends string>(rule: RuleMeta<M>): RuleMeta<M> {
  return rule;
}

export type { Finding, Severity };

const CONTRIBUTION_KINDS = ['readers', 'transforms', 'checkers', 'writers'] as const;

/**
 * Checks a plugin object at the boundary and returns every problem at once, each with the path
 * of the offending value (`plugins[1].checkers["x"].meta.messages`).
 */
export function validatePlugin(value: unknown, at = 'plugin'): string[] {
  const problems: string[] = [];
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const expect = (ok: boolean, path: string, what: string, got: unknown) => {
    if (!ok) problems.push(`${path}: expected ${what}, received ${describe(got)}`);
    return ok;
  };
  if (!expect(isObject(value), at, 'an object', value)) return problems;
  const plugin = value as Record<string, unknown>;
  expect(plugin.apiVersion === PLUGIN_API_VERSION, `${at}.apiVersion`, `the literal ${PLUGIN_API_VERSION}`, plugin.apiVersion);
  if (expect(isObject(plugin.meta), `${at}.meta`, 'an object', plugin.meta)) {
    const meta = plugin.meta as Record<string, unknown>;
    for (const key of ['name', 'version', 'namespace']) {
      expect(typeof meta[key] === 'string' && (meta[key] as string).length > 0, `${at}.meta.${key}`, 'a non-empty string', meta[key]);
    }
    if (typeof meta.namespace === 'string') {
      expect(/^[a-z][a-z0-9-]*$/.test(meta.namespace), `${at}.meta.namespace`, 'a kebab-case word', meta.namespace);
    }
  }
  if (plugin.rules !== undefined && expect(isObject(plugin.rules), `${at}.rules`, 'an object', plugin.rules)) {
    for (const [id, rule] of Object.entries(plugin.rules as Record<string, unknown>)) {
      problems.push(...validateRuleMeta(rule, `${at}.rules[${JSON.stringify(id)}]`, id));
    }
  }
  for (const kind of CONTRIBUTION_KINDS) {
    const map = plugin[kind];
    if (map === undefined) continue;
    if (!expect(isObject(map), `${at}.${kind}`, 'an object keyed by contribution id', map)) continue;
    for (const [id, item] of Object.entries(map as Record<string, unknown>)) {
      const path = `${at}.${kind}[${JSON.stringify(id)}]`;
      if (!expect(isObject(item), path, 'an object', item)) continue;
      const contribution = item as Record<string, unknown>;
      expect(contribution.apiVersion === PLUGIN_API_VERSION, `${path}.apiVersion`, `the literal ${PLUGIN_API_VERSION}`, contribution.apiVersion);
      const fn = (name: string) => expect(typeof contribution[name] === 'function', `${path}.${name}`, 'a function', contribution[name]);
      if (kind === 'readers') {
        fn('detect');
        fn('read');
      } else if (kind === 'transforms') fn('transform');
      else if (kind === 'writers') {
        fn('write');
        expect(typeof contribution.target === 'string', `${path}.target`, 'a string', contribution.target);
      } else {
        fn('check');
        problems.push(...validateRuleMeta(contribution.meta, `${path}.meta`));
      }
    }
  }
  return problems;
}

function validateRuleMeta(value: unknown, at: string, expectedId?: string): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null) return [`${at}: expected rule meta, received ${describe(value)}`];
  const meta = value as Record<string, unknown>;
  if (typeof meta.id !== 'string' || !/^[a-z][a-z0-9-]*\/[a-z0-9][a-z0-9-]*$/.test(meta.id)) {
    problems.push(`${at}.id: expected a rule id like "csi/driver-missing", received ${describe(meta.id)}`);
  } else if (expectedId !== undefined && meta.id !== expectedId) {
    problems.push(`${at}.id: expected "${expectedId}" (the key it is registered under), received "${meta.id}"`);
  }
  for (const key of ['description', 'hint', 'docs']) {
    if (typeof meta[key] !== 'string') problems.push(`${at}.${key}: expected a string, received ${describe(meta[key])}`);
  }
  if (!['error', 'warning', 'info'].includes(meta.defaultSeverity as string)) {
    problems.push(`${at}.defaultSeverity: expected "error", "warning" or "info", received ${describe(meta.defaultSeverity)}`);
  }
  if (!['blocker', 'degraded', 'review', 'info'].includes(meta.impact as string)) {
    problems.push(`${at}.impact: expected "blocker", "degraded", "review" or "info", received ${describe(meta.impact)}`);
  }
  if (typeof meta.messages !== 'object' || meta.messages === null || Object.keys(meta.messages).length === 0) {
    problems.push(`${at}.messages: expected an object of message templates, received ${describe(meta.messages)}`);
  }
  return problems;
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
