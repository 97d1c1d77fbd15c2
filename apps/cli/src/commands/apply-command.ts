import path from 'node:path';
import { BatonError, reachesThreshold } from '@baton/core';
import { APPLY_HELP } from '../apply-help.js';
import { painter, type CliIo } from '../cli-io.js';
import { oneOf, parseFlags } from '../parse-flags.js';

/** `migrate apply <plan-dir>`: server-side apply of a plan directory, wave by wave. */
export async function applyCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(
    'apply',
    args,
    {
      context: { type: 'string' },
      kubeconfig: { type: 'string' },
      'dry-run': { type: 'string' },
      wave: { type: 'string' },
      only: { type: 'string', multiple: true },
      'include-blocked': { type: 'boolean' },
      'skip-data-move': { type: 'boolean' },
      'force-conflicts': { type: 'boolean' },
      timeout: { type: 'string' },
      format: { type: 'string' },
      'fail-on': { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      debug: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if (values.help) {
    io.stdout(APPLY_HELP);
    return 0;
  }
  if (positionals.length !== 1) {
    throw new BatonError('BATON1001', { detail: positionals.length === 0 ? 'apply needs the plan directory written by `migrate plan --out`' : `apply takes one plan directory, got ${positionals.length}`, command: 'apply' });
  }
  oneOf('apply', 'dry-run', values['dry-run'], ['server'] as const, 'server');
  const format = oneOf('apply', 'format', values.format, ['table', 'json'] as const, 'table');
  const failOn = oneOf('apply', 'fail-on', values['fail-on'], ['error', 'warning', 'info', 'never'] as const, 'error');
  const through = parseWave(values.wave);
  const timeoutMs = parseTimeout(values.timeout);

  // Loaded here, not at the top: the apply path pays for the Kubernetes client, the rest of the CLI does not.
  const { applyPlan, renderApplyReport, stepLabel } = await import('@baton/kubernetes');
  const result = await applyPlan({
    planDir: path.resolve(io.cwd, positionals[0]!),
    ...(values.kubeconfig ? { kubeconfig: path.resolve(io.cwd, values.kubeconfig) } : {}),
    ...(values.context ? { context: values.context } : {}),
    dryRun: values['dry-run'] !== undefined,
    ...(through !== undefined ? { through } : {}),
    ...(values.only ? { only: values.only } : {}),
    includeBlocked: values['include-blocked'] ?? false,
    skipDataMove: values['skip-data-move'] ?? false,
    forceConflicts: values['force-conflicts'] ?? false,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
    ...(values.quiet || !io.interactive
      ? {}
      : {
          onProgress: (event) => {
            if (event.type === 'step' && !event.unchanged) io.stderr(`  ${stepLabel(event.step)}: applying\n`);
            if (event.type === 'waiting') io.stderr(`\r\x1b[2K  ${stepLabel(event.step)}: waiting for ${event.pending} of ${event.total} rollouts`);
            if (event.type === 'step-done') io.stderr(`\r\x1b[2K  ${stepLabel(event.step)}: ${event.outcome}\n`);
          },
        }),
  });

  if (format === 'json') io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else io.stdout(renderApplyReport({ ...result, planDir: path.relative(io.cwd, result.planDir) || '.' }, painter(io)));
  return result.complete && !reachesThreshold(result.findings, failOn) ? 0 : 1;
}

function parseWave(value: string | undefined): number | 'namespaces' | undefined {
  if (value === undefined || value === 'namespaces') return value;
  if (/^\d+$/.test(value)) return Number(value);
  throw new BatonError('BATON1001', { detail: `--wave takes a wave number (0, 1, ...) or "namespaces"; got "${value}"`, command: 'apply' });
}

function parseTimeout(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new BatonError('BATON1001', { detail: `--timeout takes a number of seconds; got "${value}"`, command: 'apply' });
  return Math.round(seconds * 1000);
}
