import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoverageLedger, type Finding, type Logger, type PluginContext, type ReportInput } from '@baton/core';

/** ../shared beside the checkout: real Marathon inputs, read in place. */
export const SHARED_DIR = fileURLToPath(new URL('../../../../../shared/', import.meta.url));
export const FIXTURES_DIR = path.join(SHARED_DIR, 'fixtures/marathon-docs');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');

export function jsonFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
}

export const fixture = (name: string) => path.join(FIXTURES_DIR, name);

const SILENT: Logger = { debug() {}, info() {}, warn() {} };

/** A reader context that records reports and claims, for tests that look at both. */
export function recordingContext(): Pick<PluginContext, 'ledger' | 'report' | 'logger' | 'signal'> & { ledger: CoverageLedger; reports: ReportInput[] } {
  const ledger = new CoverageLedger();
  const reports: ReportInput[] = [];
  return {
    ledger,
    reports,
    logger: SILENT,
    signal: new AbortController().signal,
    report(finding: ReportInput) {
      reports.push(finding);
      if (finding.disposition && finding.pointer !== undefined) {
        ledger.claim(finding.workload, finding.pointer, { disposition: finding.disposition, ruleId: finding.rule, subtree: finding.subtree });
      }
    },
  };
}

export const ruleIds = (findings: readonly (Finding | ReportInput)[]) =>
  [...new Set(findings.map((finding) => ('ruleId' in finding ? finding.ruleId : finding.rule)))].sort();
