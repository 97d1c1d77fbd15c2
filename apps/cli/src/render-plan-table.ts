import type { PlanDocument } from '@baton/core';

type Paint = (style: 'green' | 'yellow' | 'red' | 'bold' | 'dim', text: string) => string;

/** The stdout summary of `migrate plan --format table`: one line per workload, then totals. */
export function renderPlanTable(plan: PlanDocument, outDir: string, paint: Paint): string {
  const rows = plan.workloads.map((w) => {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of w.findings) counts[f.severity]++;
    return [w.status, w.id, w.kind, `${w.namespace}/${w.name}`, `${counts.error}E ${counts.warning}W ${counts.info}I`];
  });
  const header = ['STATUS', 'WORKLOAD', 'KIND', 'NAMESPACE/NAME', 'FINDINGS'];
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const colour = (status: string): 'green' | 'yellow' | 'red' => (status === 'ready' ? 'green' : status === 'degraded' ? 'yellow' : 'red');
  const out = [paint('bold', line(header))];
  for (const row of rows) {
    const text = line(row);
    out.push(paint(colour(row[0]!), text.slice(0, widths[0]!)) + text.slice(widths[0]!));
  }
  const s = plan.summary;
  out.push('');
  out.push(
    `${s.workloads} workloads: ${paint('green', `${s.ready} ready`)}, ${paint('yellow', `${s.degraded} degraded`)}, ${paint('red', `${s.blocked} blocked`)}; ` +
      `${s.objects} objects; findings: ${s.findings.error} errors, ${s.findings.warning} warnings, ${s.findings.info} info`,
  );
  out.push(`Plan written to ${outDir} (report.html, report.md, report.sarif, plan.json, manifests/). Apply with: kubectl apply -k ${outDir}/manifests`);
  return `${out.join('\n')}\n`;
}
