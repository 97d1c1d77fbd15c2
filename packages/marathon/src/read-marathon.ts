import {
  BatonError,
  CORE_VERSION,
  CoverageLedger,
  GENERIC_TARGET,
  PLUGIN_API_VERSION,
  redactLocation,
  renderTemplate,
  ruleDocsUrl,
  type Finding,
  type LedgerEntry,
  type Logger,
  type PluginContext,
  type ReadResult,
  type SourceInput,
} from '@baton/core';
import { MARATHON_RULES } from './marathon-rules.js';
import { detectMarathonInput } from './marathon-reader.js';
import { readMarathonSource } from './read-marathon-source.js';
import type { MarathonReaderOptions } from './reader-options.js';

export interface MarathonReadResult extends ReadResult {
  /** What the reader found, rendered like the pipeline renders them. */
  readonly findings: readonly Finding[];
  /** The settled coverage ledger of each workload. */
  readonly coverage: ReadonlyMap<string, readonly LedgerEntry[]>;
}

const SILENT: Logger = { debug() {}, info() {}, warn() {} };

/**
 * Reads Marathon without the pipeline, for tools that only need the model: `from` is a URL,
 * a file path, `-` for stdin, or a SourceInput.
 */
export async function readMarathon(
  from: string | SourceInput,
  options: MarathonReaderOptions & { readonly signal?: AbortSignal; readonly logger?: Logger } = {},
): Promise<MarathonReadResult> {
  const input = typeof from === 'string' ? await toInput(from) : from;
  if (!(await detectMarathonInput(input))) throw new BatonError('BATON4004', { input: redactLocation(input.location) });
  const ledger = new CoverageLedger();
  const findings: Finding[] = [];
  const ctx: PluginContext<Record<string, unknown>> = {
    options: {},
    meta: { coreVersion: CORE_VERSION, apiVersion: PLUGIN_API_VERSION },
    target: GENERIC_TARGET,
    logger: options.logger ?? SILENT,
    signal: options.signal ?? new AbortController().signal,
    ledger,
    report(finding) {
      const rule = MARATHON_RULES[finding.rule as keyof typeof MARATHON_RULES];
      if (!rule) throw new Error(`undeclared rule ${finding.rule}`);
      findings.push({
        ruleId: rule.id,
        severity: rule.defaultSeverity,
        impact: rule.impact,
        workload: finding.workload,
        pointer: finding.pointer ?? '',
        message: renderTemplate((rule.messages as Record<string, string>)[finding.messageId] ?? finding.messageId, finding.data),
        hint: renderTemplate(rule.hint, finding.data),
        docsUrl: ruleDocsUrl(rule.id),
        plugin: '@baton/marathon',
      });
      if (finding.disposition && finding.pointer !== undefined) {
        ledger.claim(finding.workload, finding.pointer, { disposition: finding.disposition, ruleId: rule.id, subtree: finding.subtree });
      }
    },
    fail(code, data = {}, cause) {
      throw new BatonError(code, data, { cause });
    },
  };
  const result = await readMarathonSource(input, options, ctx);
  const coverage = new Map<string, readonly LedgerEntry[]>();
  for (const workload of result.model.workloads) coverage.set(workload.id, ledger.settle(workload.id, result.definitions.get(workload.id)).entries);
  return { ...result, findings, coverage };
}

async function toInput(from: string): Promise<SourceInput> {
  if (/^https?:\/\//i.test(from)) return { kind: 'url', location: from };
  if (from !== '-') return { kind: 'file', location: from };
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return { kind: 'stdin', location: '-', text: Buffer.concat(chunks).toString('utf8') };
}
