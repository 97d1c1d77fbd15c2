import type { ApplyResult, ObjectAction, StepReport } from './apply-plan.js';
import type { StepId } from './apply-state.js';

type Paint = (style: 'bold' | 'red' | 'green' | 'yellow' | 'dim', text: string) => string;

const ACTION_ORDER: readonly ObjectAction[] = ['created', 'configured', 'unchanged', 'dry-run', 'held', 'failed', 'not-applied'];

export function stepLabel(step: StepId): string {
  return typeof step === 'number' ? `wave ${step}` : step;
}

/** The table `migrate apply` prints: one line per workload and step, then the findings, then what to do next. */
export function renderApplyReport(result: ApplyResult, paint: Paint = (_s, t) => t): string {
  const lines: string[] = [];
  lines.push(`${paint('bold', result.dryRun ? 'Server dry-run' : 'Apply')} of ${result.planDir} to context ${result.context} (${result.server})`);
  if (result.stateIgnored) lines.push(paint('yellow', `note: ${result.stateIgnored}; starting from the beginning`));
  lines.push('');
  const rows: string[][] = [['STEP', 'OUTCOME', 'WORKLOAD', 'STATE', 'OBJECTS']];
  for (const step of result.steps) rows.push(...stepRows(step));
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  for (const [index, row] of rows.entries()) {
    const text = row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  ').trimEnd();
    lines.push(index === 0 ? paint('dim', text) : text);
  }
  lines.push('');
  if (result.findings.length > 0) {
    lines.push(paint('bold', `Findings (${result.findings.length})`));
    for (const f of result.findings) {
      const severity = f.severity === 'error' ? paint('red', 'error  ') : f.severity === 'warning' ? paint('yellow', 'warning') : 'info   ';
      lines.push(`  ${severity} ${f.ruleId}  ${f.workload}`);
      lines.push(`          ${f.message}`);
      lines.push(paint('dim', `          what to do: ${f.hint}`));
    }
    lines.push('');
  }
  if (result.dryRun) {
    lines.push(result.findings.some((f) => f.severity === 'error') ? paint('red', 'The cluster would refuse part of this plan; nothing was changed.') : paint('green', 'The cluster would accept this plan; nothing was changed.'));
  } else if (result.complete) {
    lines.push(paint('green', 'Done: every requested step is applied and healthy.'));
  } else if (result.stoppedAt !== undefined) {
    const why = { blocked: 'blocked before anything was applied', failed: 'the cluster refused objects', unhealthy: 'not healthy in time', held: 'waiting for a data move' }[result.stopReason!];
    lines.push(paint('red', `Stopped at ${stepLabel(result.stoppedAt)}: ${why}. Fix the findings above and run apply again; it resumes at ${stepLabel(result.stoppedAt)}.`));
  }
  return `${lines.join('\n')}\n`;
}

function stepRows(step: StepReport): string[][] {
  const rows: string[][] = [];
  step.workloads.forEach((w, i) => {
    const counts = new Map<ObjectAction, number>();
    for (const o of w.objects) counts.set(o.action, (counts.get(o.action) ?? 0) + 1);
    const objects = ACTION_ORDER.filter((a) => counts.has(a)).map((a) => `${counts.get(a)} ${a}`).join(', ') || '-';
    rows.push([i === 0 ? stepLabel(step.step) : '', i === 0 ? step.outcome : '', w.id === '*' ? '(shared)' : w.id, w.state, `${objects}${w.detail ? `  (${w.detail})` : ''}`]);
  });
  if (rows.length === 0) rows.push([stepLabel(step.step), step.outcome, '-', '-', '-']);
  return rows;
}
