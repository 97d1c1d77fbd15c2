import type { MapContext } from './context.js';
import type { K8sMetadata, K8sObject } from './k8s-types.js';
import { truncateWithHash } from './names.js';

/** CronJob names are at most 52 characters: the controller appends 11 for the Jobs it creates. */
export const MAX_CRONJOB_NAME = 52;

const CONCURRENCY = { allow: 'Allow', forbid: 'Forbid', replace: 'Replace' } as const;

/** Job spec fields from the model's job policy: retries (`backoffLimit`) and the run deadline. */
export function jobPolicyFields(ctx: MapContext): Record<string, number> {
  const job = ctx.workload.job;
  const fields: Record<string, number> = {};
  if (job?.retries !== undefined) fields.backoffLimit = job.retries;
  if (job?.activeDeadlineSeconds !== undefined) fields.activeDeadlineSeconds = job.activeDeadlineSeconds;
  return fields;
}

/**
 * A `batch/v1` CronJob running `job` on the workload's schedule, or `job` itself when the workload
 * has no schedule. The schedule, time zone, starting deadline, concurrency and enabled flag map
 * one to one; the CronJob keeps the Job's metadata, with the name cut to 52 characters if needed.
 */
export function scheduleJob(ctx: MapContext, job: K8sObject): K8sObject {
  const schedule = ctx.workload.job?.schedule;
  if (!schedule) return job;
  const metadata = job.metadata as K8sMetadata;
  const spec: Record<string, unknown> = { schedule: schedule.cron };
  if (schedule.timeZone !== undefined) spec.timeZone = schedule.timeZone;
  if (schedule.startingDeadlineSeconds !== undefined) spec.startingDeadlineSeconds = schedule.startingDeadlineSeconds;
  spec.concurrencyPolicy = CONCURRENCY[schedule.concurrency];
  if (!schedule.enabled) spec.suspend = true;
  spec.jobTemplate = { metadata: { labels: metadata.labels ?? {} }, spec: job.spec };
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { ...metadata, name: truncateWithHash(metadata.name, MAX_CRONJOB_NAME, ctx.workload.id) },
    spec,
  };
}
