import { defineRule } from '@baton/core';

const docs = (rule: string) => `https://github.com/baton-dev/baton/tree/main/examples/plugin-metronome#${rule}`;

/** Rules the Metronome reader reports (the checker carries its own). Ids are in the plugin's namespace. */
export const METRONOME_RULES = {
  'metronome/field-not-mapped': defineRule({
    id: 'metronome/field-not-mapped',
    description: 'A Metronome job setting has no exact Kubernetes equivalent and was approximated or left out.',
    defaultSeverity: 'warning',
    impact: 'degraded',
    messages: {
      onFailure: 'Metronome relaunches a failed run of `{{id}}` until its deadline; the Job retries it at most backoffLimit times (Kubernetes default 6).',
      maxLaunchDelay: 'maxLaunchDelay {{seconds}} s of `{{id}}` (give up when a run cannot start in time) has no Job equivalent and is not kept.',
      argsWithCmd: '`{{id}}` sets both cmd and args; Mesos runs cmd through the shell and ignores args, and so does the manifest.',
      extraSchedule: 'Schedule `{{schedule}}` of `{{id}}` is not planned: a Kubernetes workload gets one schedule (the first, `{{first}}`).',
      appcImage: 'The appc image of `{{id}}` cannot run on Kubernetes; it is planned as a Docker image reference.',
    },
    hint: 'Check the Job in the manifests and adjust it (an override rule in baton.config can set backoffLimit or add a second CronJob).',
    docs: 'Metronome and Kubernetes Jobs differ in retries (Metronome: relaunch until `activeDeadlineSeconds`; Kubernetes: `backoffLimit` attempts), launch deadlines, and the number of schedules per job. Each difference found in a job is reported with this rule, and the field is recorded as approximated in the coverage ledger.',
    docsUrl: docs('metronomefield-not-mapped'),
  }),
  'metronome/description-not-kept': defineRule({
    id: 'metronome/description-not-kept',
    description: 'The job description is documentation only and is not written to the manifests.',
    defaultSeverity: 'info',
    impact: 'info',
    messages: { description: 'The description of `{{id}}` ("{{description}}") is not written to the manifests.' },
    hint: 'Nothing to do, or add it as an annotation with an override rule.',
    docs: 'Baton\'s model has no free-text description, so the job description is recorded in the ledger as unsupported with this informational finding.',
    docsUrl: docs('metronomedescription-not-kept'),
  }),
  'metronome/unknown-field': defineRule({
    id: 'metronome/unknown-field',
    description: 'A field of the job is not one this plugin knows (a newer Metronome, or a typo).',
    defaultSeverity: 'warning',
    impact: 'review',
    messages: { unknown: 'The field `{{pointer}}` of `{{id}}` is not a Metronome job field this plugin knows; it is not in the output.' },
    hint: 'Check whether it matters for the job and carry it over by hand or with an override rule.',
    docs: 'Unknown fields are never a crash: they are recorded as unsupported in the coverage ledger with this finding.',
    docsUrl: docs('metronomeunknown-field'),
  }),
} as const;
