import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BatonError,
  reachesThreshold,
  renderPlanJson,
  renderSarif,
  runPipeline,
  sarifChunks,
  streamPlanFiles,
  writePlanDirectory,
  type RenderSarifOptions,
  type PipelineOptions,
  type SarifInput,
  type SourceInput,
} from '@baton/core';
import { painter, type CliIo } from '../cli-io.js';
import { resolveRunSetup } from '../config/resolve-run-setup.js';
import { PLAN_HELP } from '../help-text.js';
import { applyOverrides } from '../overrides/apply-overrides.js';
import { oneOf, parseFlags } from '../parse-flags.js';
import { letGoOnceYielded } from '../let-go-once-yielded.js';
import { progressReporter } from '../progress-reporter.js';
import { renderPlanTable } from '../render-plan-table.js';
import { resolveTarget } from '../resolve-target.js';
import { sourceFlags, sourceOptionsFrom } from '../source-flags.js';
import { CLI_NAME, CLI_VERSION } from '../version.js';

export async function planCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = parseFlags('plan', args, {
    ...sourceFlags,
    out: { type: 'string' },
    target: { type: 'string' },
    facts: { type: 'string' },
    context: { type: 'string' },
    kubeconfig: { type: 'string' },
    'kube-version': { type: 'string' },
    format: { type: 'string' },
    'fail-on': { type: 'string' },
    only: { type: 'string', multiple: true },
    exclude: { type: 'string', multiple: true },
    label: { type: 'string' },
    secrets: { type: 'string' },
    namespaces: { type: 'string' },
    'base-image': { type: 'string' },
    'network-policies': { type: 'boolean' },
    'service-type': { type: 'string' },
    ingress: { type: 'string' },
    gateway: { type: 'string' },
    'ingress-class': { type: 'string', multiple: true },
    layout: { type: 'string' },
    'chart-name': { type: 'string' },
    stdout: { type: 'boolean' },
    config: { type: 'string' },
    'no-config': { type: 'boolean' },
    plugin: { type: 'string', multiple: true },
    quiet: { type: 'boolean', short: 'q' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(PLAN_HELP);
    return 0;
  }
  if (!values.from) throw new BatonError('BATON1001', { detail: '--from is required (a Marathon URL, a JSON file, or - for stdin)', command: 'plan' });
  const format = oneOf('plan', 'format', values.format, ['table', 'json', 'sarif'] as const, 'table');
  const failOn = oneOf('plan', 'fail-on', values['fail-on'], ['error', 'warning', 'info', 'never'] as const, 'error');
  const secrets = oneOf('plan', 'secrets', values.secrets, ['skeleton', 'external-secrets'] as const, 'skeleton');
  const outDir = path.resolve(io.cwd, values.out ?? 'baton-plan');

  const input: SourceInput =
    values.from === '-'
      ? { kind: 'stdin', location: '-', text: await io.readStdin() }
      : /^[a-z][a-z0-9+.-]*:\/\//i.test(values.from) // http(s)://, and schemes of plugin readers (metronome+https://)
        ? { kind: 'url', location: values.from }
        : { kind: 'file', location: path.resolve(io.cwd, values.from) };

  const target = await resolveTarget(
    { target: values.target, facts: values.facts, context: values.context, kubeconfig: values.kubeconfig, kubeVersion: values['kube-version'] },
    io,
  );
  // The config file (found from the cwd up, or --config), --plugin, and built-in options: flags win over the config.
  const setup = await resolveRunSetup({
    cwd: io.cwd,
    ...(values.config !== undefined ? { explicit: values.config } : {}),
    disabled: values['no-config'] ?? false,
    cliPlugins: values.plugin ?? [],
    flags: {
      marathon: { ...sourceOptionsFrom(values, io), only: values.only, exclude: values.exclude, label: values.label },
      kubernetes: {
        ...(values.secrets ? { secrets } : {}),
        ...(await namespaceOptions(values.namespaces, io)),
        ...layoutOptions(values),
        ...(values['base-image'] ? { baseImage: values['base-image'] } : {}),
        ...(values['network-policies'] !== undefined ? { networkPolicies: values['network-policies'] } : {}),
      },
      cni: values['network-policies'] !== undefined ? { networkPolicies: values['network-policies'] } : {},
    },
  });
  const started = performance.now();
  const progress = progressReporter(io, values.quiet ?? false);
  const sarifOptions = { plugins: setup.plugins.map((plugin) => plugin.meta), baseDir: io.cwd };
  const planned = await planAndPrepareFiles(
    {
      plugins: setup.plugins,
      input,
      target,
      pluginOptions: setup.pluginOptions,
      ruleSeverity: setup.ruleSeverity,
      ...(setup.checkerTimeoutMs !== undefined ? { checkerTimeoutMs: setup.checkerTimeoutMs } : {}),
      ...(progress.onProgress ? { onProgress: progress.onProgress } : {}),
    },
    { overrides: setup.overrides, outDir, sarifOptions, keepObjects: values.stdout ?? false, finish: () => progress.finish() },
  );
  const { plan, sarif, timings, manifestStream } = planned;
  const fileCount = planned.files.length;
  const rendered = performance.now();
  // --stdout streams the manifests for `kubectl apply -f -`; the plan directory is written only with --out.
  if (!values.stdout || values.out !== undefined) await writePlanDirectory(outDir, letGoOnceYielded(planned.files));
  const emitted = performance.now();

  if (manifestStream !== undefined) {
    const { renderManifestStream } = await import('@baton/kubernetes');
    io.stdout(renderManifestStream(manifestStream));
  } else if (format === 'json') io.stdout(renderPlanJson(plan));
  else if (format === 'sarif') io.stdout(renderSarif(sarif, sarifOptions));
  else io.stdout(renderPlanTable(plan, displayPath(io.cwd, outDir), painter(io)));
  // BATON_TIMINGS=<file>: per-stage milliseconds as JSON for tooling/bench; the normal output is unchanged.
  // The plan files are rendered while they are written: `plan` is building the plan and the runbooks, `emit` the rest.
  if (io.env.BATON_TIMINGS) {
    const stages = { ...timings, plan: rendered - planned.at, emit: emitted - rendered, stdout: performance.now() - emitted };
    const record = { stages, setup: started, workloads: plan.workloads.length, files: fileCount };
    writeFileSync(path.resolve(io.cwd, io.env.BATON_TIMINGS), `${JSON.stringify(record)}\n`);
  }
  return reachesThreshold(sarif.findings, failOn) ? 1 : 0;
}

interface EmitSettings {
  readonly overrides: Parameters<typeof applyOverrides>[1];
  readonly outDir: string;
  readonly sarifOptions: RenderSarifOptions;
  /** --stdout: the written objects are needed after the files. */
  readonly keepObjects: boolean;
  readonly finish: () => void;
}

/**
 * Runs the pipeline and the config's overrides, and lines up every file of the plan. What it returns
 * holds no pipeline result: once this returns, the written objects (~55 MB at 10,000 apps) can be
 * collected, and each manifest (~80 MB in all) once written, while plan.json, report.html and
 * report.sarif are made (peak RSS, tooling/bench). Only --stdout keeps the objects.
 */
async function planAndPrepareFiles(options: PipelineOptions, settings: EmitSettings) {
  const pipelineResult = await runPipeline(options).finally(settings.finish);
  // The config's override rules patch the written objects (apps/cli/src/overrides).
  const result = await applyOverrides(pipelineResult, settings.overrides, { ruleSeverity: options.ruleSeverity });
  const at = performance.now();
  // The big plan files (plan.json, report.md/html/sarif) are chunks, made while they are written.
  const { plan, files } = streamPlanFiles(result, { name: CLI_NAME, version: CLI_VERSION });
  const { dataMoveRunbookFiles } = await import('@baton/kubernetes');
  files.push(...dataMoveRunbookFiles(plan, result.output.workloads.flatMap((w) => w.objects) as never));
  files.push(...(await carriedOverApplyState(settings.outDir)));
  // Reports: report.sarif beside report.md/html for code-scanning uploads; file paths relative to the cwd.
  const sarif: SarifInput = { findings: result.findings, model: result.model, rules: result.rules, target: result.target };
  files.push({ path: 'report.sarif', content: sarifChunks(sarif, settings.sarifOptions) });
  return { at, plan, sarif, timings: result.timings, manifestStream: settings.keepObjects ? result.output : undefined, files };
}

/** Relative to the working directory when inside it, else absolute. */
function displayPath(cwd: string, target: string): string {
  const relative = path.relative(cwd, target);
  return relative === '' ? '.' : relative.startsWith('..') ? target : relative;
}

/** Re-planning replaces the directory; keep `migrate apply`'s progress so a resumed apply stays cheap. */
async function carriedOverApplyState(outDir: string): Promise<{ path: string; content: string }[]> {
  try {
    return [{ path: 'apply-state.json', content: await readFile(path.join(outDir, 'apply-state.json'), 'utf8') }];
  } catch {
    return [];
  }
}

/** `--namespaces top-group | flat | depth:N | map:<file>`; a map file is read here and passed parsed. */
async function namespaceOptions(rule: string | undefined, io: CliIo): Promise<Record<string, unknown>> {
  if (rule === undefined) return {};
  if (!rule.startsWith('map:')) return { namespaces: rule };
  const file = path.resolve(io.cwd, rule.slice('map:'.length));
  const { readNamespaceMap } = await import('@baton/kubernetes');
  try {
    return { namespaces: 'map', namespaceMap: await readNamespaceMap(file) };
  } catch (error) {
    throw new BatonError('BATON1002', { path: rule.slice('map:'.length), reason: (error as Error).message });
  }
}

/** Service, exposure and layout flags for the Kubernetes writer (it validates the values itself). */
function layoutOptions(values: {
  'service-type'?: string;
  ingress?: string;
  gateway?: string;
  'ingress-class'?: string[];
  layout?: string;
  'chart-name'?: string;
}): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  if (values['service-type']) options.serviceType = values['service-type'];
  if (values.ingress) options.ingress = values.ingress;
  if (values.gateway) {
    const match = /^(?:([^/#]+)\/)?([^/#]+)(?:#(.+))?$/.exec(values.gateway);
    if (!match) throw new BatonError('BATON1001', { detail: '--gateway takes <namespace>/<name>[#<section>]', command: 'plan' });
    options.gateway = { name: match[2], ...(match[1] ? { namespace: match[1] } : {}), ...(match[3] ? { sectionName: match[3] } : {}) };
  }
  if (values['ingress-class']?.length) {
    const mapping: Record<string, string> = {};
    for (const entry of values['ingress-class']) {
      const [group, cls] = entry.split('=');
      if (!group || !cls) throw new BatonError('BATON1001', { detail: '--ingress-class takes <marathon-lb group>=<IngressClass>', command: 'plan' });
      mapping[group] = cls;
    }
    options.ingressClassMapping = mapping;
  }
  if (values.layout) options.layout = values.layout;
  if (values['chart-name']) options.chartName = values['chart-name'];
  return options;
}
