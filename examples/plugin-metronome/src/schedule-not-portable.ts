import { defineChecker, PLUGIN_API_VERSION } from '@baton/core';

const FIELD = /^(\*|\d+(-\d+)?|[A-Za-z]{3}(-[A-Za-z]{3})?)(\/\d+)?$/;
const DESCRIPTORS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

/** Why Kubernetes' CronJob parser (five fields, standard syntax) would reject `cron`, or undefined. */
export function cronProblem(cron: string): { messageId: 'fields' | 'syntax' | 'timeZone'; field?: string } | undefined {
  const trimmed = cron.trim();
  if (/^(CRON_)?TZ=/.test(trimmed)) return { messageId: 'timeZone' };
  if (DESCRIPTORS.includes(trimmed)) return undefined;
  const fields = trimmed.split(/\s+/);
  if (fields.length !== 5) return { messageId: 'fields' };
  const bad = fields.find((field) => !field.split(',').every((part) => FIELD.test(part)));
  return bad === undefined ? undefined : { messageId: 'syntax', field: bad };
}

/** Flags schedules Kubernetes would refuse: the CronJob would be rejected at apply time. */
export const scheduleNotPortable = defineChecker({
  apiVersion: PLUGIN_API_VERSION,
  meta: {
    id: 'metronome/schedule-not-portable',
    description: 'The cron expression of a schedule uses syntax Kubernetes CronJobs do not accept.',
    defaultSeverity: 'error',
    impact: 'blocker',
    messages: {
      fields: 'The schedule `{{cron}}` of `{{id}}` does not have five fields; Kubernetes CronJobs take minute hour day-of-month month day-of-week.',
      syntax: 'The field `{{field}}` of the schedule `{{cron}}` of `{{id}}` uses syntax (L, W, #, ?) Kubernetes CronJobs do not accept.',
      timeZone: 'The schedule `{{cron}}` of `{{id}}` sets its time zone inline; Kubernetes rejects CRON_TZ= and TZ= in schedules.',
    },
    hint: 'Rewrite the schedule in standard five-field cron and set the time zone in the Metronome schedule\'s `timezone`.',
    docs: 'Metronome parses cron expressions with cron-utils; Kubernetes uses the standard five-field syntax plus @hourly-style descriptors. An expression Kubernetes does not accept would make the API server reject the CronJob.',
    docsUrl: 'https://github.com/baton-dev/baton/tree/main/examples/plugin-metronome#metronomeschedule-not-portable',
  },
  appliesTo: (workload) => workload.job?.schedule !== undefined,
  check(ctx) {
    const schedule = ctx.workload.job!.schedule!;
    const problem = cronProblem(schedule.cron);
    if (problem) ctx.report({ messageId: problem.messageId, pointer: `${schedule.pointer}/cron`, data: { cron: schedule.cron, id: ctx.workload.id, field: problem.field ?? '' } });
  },
});
