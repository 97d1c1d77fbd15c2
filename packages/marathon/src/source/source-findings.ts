import type { ReportInput } from '@baton/core';
import { isObject, readArray, readNumber, readObject, readString } from '../normalize/lenient.js';
import type { MarathonSnapshot } from '../snapshot/marathon-snapshot.js';

/**
 * Findings about the live state rather than the definitions (§2.1, §3): deployments in flight,
 * instances waiting in the launch queue, and a tree that DC/OS may have filtered.
 */
export function sourceFindings(snapshot: MarathonSnapshot, workloads: ReadonlySet<string>): ReportInput[] {
  const findings: ReportInput[] = [];
  if (snapshot.source?.infoForbidden) findings.push({ rule: 'marathon/partial-tree', messageId: 'infoForbidden', workload: '*' });
  else if (snapshot.source?.auth === 'token') findings.push({ rule: 'marathon/partial-tree', messageId: 'token', workload: '*' });

  for (const value of snapshot.marathon.deployments ?? []) {
    const deployment = readObject(value);
    if (!deployment) continue;
    const affected = [...readArray(deployment.affectedApps), ...readArray(deployment.affectedPods)].flatMap((id) => readString(id) ?? []);
    for (const id of [...new Set(affected)].sort()) {
      if (!workloads.has(id)) continue;
      const action = readArray(deployment.currentActions)
        .map(readObject)
        .find((candidate) => candidate && (candidate.app === id || candidate.pod === id));
      findings.push({
        rule: 'marathon/deployment-in-flight',
        messageId: 'inFlight',
        workload: id,
        pointer: '',
        data: {
          deployment: readString(deployment.id) ?? '?',
          action: readString(action?.action) ?? 'pending',
          step: readNumber(deployment.currentStep) ?? '?',
          steps: readNumber(deployment.totalSteps) ?? '?',
        },
      });
    }
  }

  for (const value of snapshot.marathon.queue?.queue ?? []) {
    const item = readObject(value);
    const id = readString(readObject(item?.app)?.id) ?? readString(readObject(item?.pod)?.id);
    if (!item || id === undefined || !workloads.has(id)) continue;
    const delay = readObject(item.delay);
    const timeLeft = readNumber(delay?.timeLeftSeconds) ?? 0;
    findings.push({
      rule: 'marathon/queued-app',
      messageId: 'queued',
      workload: id,
      pointer: '',
      data: {
        count: readNumber(item.count) ?? '?',
        delay: timeLeft > 0 && delay?.overdue !== true ? ` (backed off, ${timeLeft} s left)` : '',
        reasons: rejectReasons(item),
      },
    });
  }
  return findings;
}

function rejectReasons(item: Record<string, unknown>): string {
  const summary = readObject(item.processedOffersSummary);
  const reasons = readArray(summary?.rejectSummaryLastOffers)
    .filter(isObject)
    .map((entry) => ({ reason: readString(entry.reason) ?? '?', declined: readNumber(entry.declined) ?? 0 }))
    .filter((entry) => entry.declined > 0)
    .sort((a, b) => b.declined - a.declined || a.reason.localeCompare(b.reason));
  return reasons.length > 0 ? reasons.map((entry) => `${entry.reason} (${entry.declined})`).join(', ') : 'none recorded';
}
