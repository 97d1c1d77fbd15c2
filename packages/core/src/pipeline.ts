import { BatonError } from './errors/baton-error.js';
import type { ErrorCode } from './errors/catalog.js';
import { compareFindings, renderTemplate, ruleDocsUrl, type Finding, type RuleMeta, type Severity } from './finding.js';
import { CoverageLedger, type LedgerEntry } from './ledger.js';
import type { MigrationModel } from './model.js';
import {
  PLUGIN_API_VERSION,
  validatePlugin,
  type Checker,
  type CheckReport,
  type Logger,
  type Plugin,
  type PluginContext,
  type ReportInput,
  type SourceInput,
  type WriteResult,
} from './plugin.js';
import { CORE_RULES } from './core-rules.js';
import { GENERIC_TARGET, type TargetProfile } from './target-profile.js';
import { CORE_VERSION } from './version.js';

export type Stage = 'read' | 'transform' | 'check' | 'write' | 'settle';

export interface PipelineOptions {
  readonly plugins: readonly Plugin<any>[];
  readonly input: SourceInput;
  readonly target?: TargetProfile;
  /** Which writer runs (its `target`); default `kubernetes`. */
  readonly writer?: string;
  /** Options handed to each plugin's context, keyed by plugin name. */
  readonly pluginOptions?: Readonly<Record<string, Record<string, unknown>>>;
  /** Per-rule severity overrides; `off` drops the rule's findings. */
  readonly ruleSeverity?: Readonly<Record<string, Severity | 'off'>>;
  /** A checker taking longer than this becomes a finding of its plugin. */
  readonly checkerTimeoutMs?: number;
  readonly signal?: AbortSignal;
  readonly logger?: Logger;
  readonly onProgress?: (event: { stage: Stage; done: number; total: number }) => void;
}

export type WorkloadStatus = 'ready' | 'degraded' | 'blocked';

export interface RegisteredRule extends RuleMeta {
  readonly plugin: string;
}

export interface PipelineResult {
  readonly model: MigrationModel;
  readonly output: WriteResult;
  readonly findings: readonly Finding[];
  /** Leaf-level coverage ledger per workload source id. */
  readonly ledger: ReadonlyMap<string, readonly LedgerEntry[]>;
  readonly status: ReadonlyMap<string, WorkloadStatus>;
  readonly rules: ReadonlyMap<string, RegisteredRule>;
  readonly target: TargetProfile;
  /** Milliseconds spent per stage. */
  readonly timings: Readonly<Record<Stage, number>>;
}

const SILENT_LOGGER: Logger = { debug() {}, info() {}, warn() {} };

/** Runs read, transform, check and write, and settles the coverage ledger. Emission is the caller's. */
export async function runPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const plugins = orderPlugins(options.plugins);
  const target = options.target ?? GENERIC_TARGET;
  const signal = options.signal ?? new AbortController().signal;
  const logger = options.logger ?? SILENT_LOGGER;
  const ledger = new CoverageLedger();
  const findings: Finding[] = [];
  const rules = registerRules(plugins);
  const timings: Record<Stage, number> = { read: 0, transform: 0, check: 0, write: 0, settle: 0 };
  const progress = options.onProgress ?? (() => {});

  // one docs URL string per rule, not one per finding (tens of thousands, all kept until the plan is written)
  const docsUrls = new Map<string, string>();
  const docsUrlOf = (rule: RegisteredRule): string => {
    if (rule.docsUrl !== undefined) return rule.docsUrl;
    let url = docsUrls.get(rule.id);
    if (url === undefined) docsUrls.set(rule.id, (url = ruleDocsUrl(rule.id)));
    return url;
  };

  // positional, so a checker's report (once per finding) needs no spread of its input
  const emitFinding: EmitFinding = (plugin, rule, messageId, workload, pointer, data, disposition, subtree) => {
    const override = options.ruleSeverity?.[rule.id];
    if (override === 'off') return;
    const template = rule.messages[messageId];
    if (template === undefined) {
      throw new BatonError('BATON4003', { plugin, stage: 'report', reason: `rule ${rule.id} has no message "${messageId}"` });
    }
    findings.push({
      ruleId: rule.id,
      severity: override ?? rule.defaultSeverity,
      impact: rule.impact,
      workload,
      pointer: pointer ?? '',
      message: renderTemplate(template, data),
      hint: renderTemplate(rule.hint, data),
      docsUrl: docsUrlOf(rule),
      plugin,
    });
    if (disposition && pointer !== undefined) {
      ledger.claim(workload, pointer, { disposition, ruleId: rule.id, subtree });
    }
  };
  const emit = (plugin: string, rule: RegisteredRule, input: Omit<ReportInput, 'rule'>) =>
    emitFinding(plugin, rule, input.messageId, input.workload, input.pointer, input.data, input.disposition, input.subtree);

  const contextFor = (plugin: Plugin<any>): PluginContext<any> => ({
    options: options.pluginOptions?.[plugin.meta.name] ?? {},
    meta: { coreVersion: CORE_VERSION, apiVersion: PLUGIN_API_VERSION },
    target,
    logger: prefixLogger(logger, plugin.meta.namespace),
    signal,
    ledger,
    report(input: ReportInput) {
      const rule = rules.get(input.rule);
      if (!rule || rule.plugin !== plugin.meta.name) {
        throw new BatonError('BATON4003', { plugin: plugin.meta.name, stage: 'report', reason: `rule "${input.rule}" is not declared by this plugin` });
      }
      emit(plugin.meta.name, rule, input);
    },
    fail(code: ErrorCode, data = {}, cause?: unknown): never {
      throw new BatonError(code, data, { cause });
    },
  });

  // read: first reader that claims the input
  let started = performance.now();
  let readResult: Awaited<ReturnType<NonNullable<Plugin['readers']>[string]['read']>> | undefined;
  for (const plugin of plugins) {
    for (const reader of Object.values(plugin.readers ?? {})) {
      const ctx = contextFor(plugin);
      if (!(await guard(plugin, 'read', () => reader.detect(options.input, ctx)))) continue;
      readResult = await guard(plugin, 'read', () => reader.read(options.input, ctx));
      break;
    }
    if (readResult) break;
  }
  if (!readResult) throw new BatonError('BATON4004', { input: options.input.kind === 'stdin' ? '-' : redactLocation(options.input.location) });
  timings.read = performance.now() - started;
  progress({ stage: 'read', done: readResult.model.workloads.length, total: readResult.model.workloads.length });

  // transform: sequential, pre tier first, post tier last
  started = performance.now();
  let model = readResult.model;
  const transforms = plugins.flatMap((plugin) => Object.values(plugin.transforms ?? {}).map((transform) => ({ plugin, transform })));
  const tier = (order?: 'pre' | 'post') => (order === 'pre' ? 0 : order === 'post' ? 2 : 1);
  transforms.sort((a, b) => tier(a.transform.order) - tier(b.transform.order));
  for (const { plugin, transform } of transforms) {
    // A transform that throws or hangs is skipped: the model stays as it was before it, and the
    // failure is a finding of that plugin. A catalogued BatonError (e.g. fail()) still ends the run.
    try {
      const next = await withTimeout(Promise.resolve(transform.transform(model, contextFor(plugin))), options.checkerTimeoutMs ?? 30_000);
      model = next ?? model;
    } catch (error) {
      if (BatonError.isInstance(error) || signal.aborted) throw error;
      emit(plugin.meta.name, rules.get('core/plugin-failed')!, {
        messageId: 'transformFailed',
        workload: '*',
        data: { plugin: plugin.meta.name, transform: transform.description, reason: errorReason(error) },
      });
    }
  }
  timings.transform = performance.now() - started;

  // check: parallel per checker; a checker that throws or hangs becomes a finding of its plugin
  started = performance.now();
  const checkers = plugins.flatMap((plugin) => Object.values(plugin.checkers ?? {}).map((checker) => ({ plugin, checker })));
  let checked = 0;
  await Promise.all(
    checkers.map(async ({ plugin, checker }) => {
      try {
        await withTimeout(runChecker(plugin, checker, model, target, contextFor(plugin), emitFinding), options.checkerTimeoutMs ?? 30_000);
      } catch (error) {
        if (signal.aborted) throw error;
        emit(plugin.meta.name, rules.get('core/plugin-failed')!, {
          messageId: 'checkerFailed',
          workload: '*',
          data: { plugin: plugin.meta.name, rule: checker.meta.id, reason: errorReason(error) },
        });
      }
      progress({ stage: 'check', done: ++checked, total: checkers.length });
    }),
  );
  timings.check = performance.now() - started;

  // write: the writer selected by target
  started = performance.now();
  const writerTarget = options.writer ?? 'kubernetes';
  const writer = plugins.flatMap((plugin) => Object.values(plugin.writers ?? {}).filter((w) => w.target === writerTarget).map((w) => ({ plugin, writer: w })))[0];
  if (!writer) throw new BatonError('BATON4005', { target: writerTarget });
  const output = await guard(writer.plugin, 'write', () => writer.writer.write(model, contextFor(writer.plugin)));
  timings.write = performance.now() - started;
  progress({ stage: 'write', done: output.workloads.length, total: model.workloads.length });

  // settle: every leaf of every definition must be accounted for
  started = performance.now();
  const unaccounted = rules.get('core/unaccounted-field')!;
  const settled = new Map<string, readonly LedgerEntry[]>();
  for (const workload of model.workloads) {
    const definition = readResult.definitions.get(workload.id);
    if (definition === undefined) continue;
    const first = ledger.settle(workload.id, definition);
    if (first.unclaimed.length === 0) {
      settled.set(workload.id, first.entries);
      continue;
    }
    for (const pointer of first.unclaimed) {
      emit('@baton/core', unaccounted, { messageId: 'unaccounted', workload: workload.id, pointer, data: { pointer }, disposition: 'unsupported' });
    }
    settled.set(workload.id, ledger.settle(workload.id, definition).entries);
  }
  timings.settle = performance.now() - started;

  findings.sort(compareFindings);
  const status = new Map<string, WorkloadStatus>();
  for (const workload of model.workloads) status.set(workload.id, 'ready');
  for (const finding of findings) {
    const current = status.get(finding.workload);
    if (current === undefined) continue;
    if (finding.impact === 'blocker') status.set(finding.workload, 'blocked');
    else if ((finding.impact === 'degraded' || finding.impact === 'review') && current === 'ready') status.set(finding.workload, 'degraded');
  }
  return { model, output, findings, ledger: settled, status, rules, target, timings };
}

type EmitFinding = (
  plugin: string,
  rule: RegisteredRule,
  messageId: string,
  workload: string,
  pointer: string | undefined,
  data: Readonly<Record<string, unknown>> | undefined,
  disposition?: ReportInput['disposition'],
  subtree?: boolean,
) => void;

async function runChecker(
  plugin: Plugin<any>,
  checker: Checker<any>,
  model: MigrationModel,
  target: TargetProfile,
  base: PluginContext<any>,
  emitFinding: EmitFinding,
): Promise<void> {
  const rule: RegisteredRule = { ...checker.meta, plugin: plugin.meta.name };
  const name = plugin.meta.name;
  const { options, meta, logger, signal, ledger, fail } = base;
  for (const workload of model.workloads) {
    if (checker.appliesTo && !checker.appliesTo(workload, target)) continue;
    const id = workload.id;
    // One literal of a fixed shape per workload: spreading the base context here (checkers × workloads
    // times) was the check stage's top self-time entry. Same own properties as before.
    const checked = checker.check({
      options,
      meta,
      target,
      logger,
      signal,
      ledger,
      fail,
      model,
      workload,
      // a disposition is not part of CheckReport, but one passed along was recorded before: still is
      report: (finding: CheckReport & Pick<ReportInput, 'disposition' | 'subtree'>) =>
        emitFinding(name, rule, finding.messageId, finding.workload ?? id, finding.pointer, finding.data, finding.disposition, finding.subtree),
    });
    // most checks are synchronous: await only a promise (a microtask per workload and checker adds up)
    if (checked !== undefined && typeof (checked as Promise<void>).then === 'function') await checked;
  }
}

function registerRules(plugins: readonly Plugin<any>[]): Map<string, RegisteredRule> {
  const rules = new Map<string, RegisteredRule>();
  for (const rule of Object.values(CORE_RULES)) rules.set(rule.id, { ...rule, plugin: '@baton/core' });
  for (const plugin of plugins) {
    const metas = [...Object.values(plugin.rules ?? {}), ...Object.values(plugin.checkers ?? {}).map((c) => c.meta)];
    for (const meta of metas) rules.set(meta.id, { ...meta, plugin: plugin.meta.name });
  }
  return rules;
}

/** Validates plugins and orders them by `dependsOn`, then `order` tier; cycles are an error. */
export function orderPlugins(plugins: readonly Plugin<any>[]): Plugin<any>[] {
  const problems = plugins.flatMap((plugin, index) => validatePlugin(plugin, `plugins[${index}]`));
  if (problems.length > 0) {
    const names = plugins.map((p) => (p as { meta?: { name?: string } })?.meta?.name ?? '?').join(', ');
    throw new BatonError('BATON4001', { plugin: names, reason: problems.join('; ') });
  }
  const byName = new Map(plugins.map((plugin) => [plugin.meta.name, plugin]));
  const tier = (p: Plugin<any>) => (p.order === 'pre' ? 0 : p.order === 'post' ? 2 : 1);
  const sorted = [...plugins].sort((a, b) => tier(a) - tier(b));
  const result: Plugin<any>[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (plugin: Plugin<any>, chain: string[]) => {
    const name = plugin.meta.name;
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      throw new BatonError('BATON4006', { cycle: [...chain, name].join(' -> ') });
    }
    state.set(name, 'visiting');
    for (const dependency of plugin.dependsOn ?? []) {
      const required = byName.get(dependency);
      if (!required) throw new BatonError('BATON4001', { plugin: name, reason: `it depends on "${dependency}", which is not loaded` });
      visit(required, [...chain, name]);
    }
    state.set(name, 'done');
    result.push(plugin);
  };
  for (const plugin of sorted) visit(plugin, []);
  return result;
}

async function guard<T>(plugin: Plugin<any>, stage: Stage, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (BatonError.isInstance(error)) throw error;
    throw new BatonError('BATON4003', { plugin: plugin.meta.name, stage, reason: errorReason(error) }, { cause: error });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    timer.unref?.();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function errorReason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function prefixLogger(logger: Logger, namespace: string): Logger {
  return {
    debug: (message) => logger.debug(`[${namespace}] ${message}`),
    info: (message) => logger.info(`[${namespace}] ${message}`),
    warn: (message) => logger.warn(`[${namespace}] ${message}`),
  };
}

/** Removes user:password@ and secret-looking query parameters from a URL for display. */
export function redactLocation(location: string): string {
  try {
    const url = new URL(location);
    if (url.username || url.password) {
      url.username = url.username ? '***' : '';
      url.password = '';
    }
    for (const key of [...url.searchParams.keys()]) {
      if (/token|secret|password|auth|key/i.test(key)) url.searchParams.set(key, '***');
    }
    return url.toString();
  } catch {
    return location;
  }
}
