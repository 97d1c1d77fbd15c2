import { defineRule } from '@baton/core';

export const STEERING_RULES = {
  'steering/skipped': defineRule({
    id: 'steering/skipped',
    description: 'A workload carries `baton.io/skip=true` and was left out of the plan.',
    defaultSeverity: 'info',
    impact: 'info',
    messages: { skipped: '`{{id}}` is labelled baton.io/skip=true: no manifests were written for it.' },
    hint: 'Remove the label (or set it to false) to plan the workload; other workloads that depend on it will point at nothing until then.',
    docs: 'Teams that prefer to annotate the source can keep a workload out of the migration with the Marathon label `baton.io/skip=true`. The workload is removed from the model before checks and writing, so it has no manifests and no coverage ledger in plan.json; this finding, listed with the estate-wide findings, is the record that it was left out on purpose.',
  }),
  'steering/applied': defineRule({
    id: 'steering/applied',
    description: 'A `baton.io/*` steering label changed how the workload is planned.',
    defaultSeverity: 'info',
    impact: 'info',
    messages: {
      kind: 'The label baton.io/kind={{value}} plans `{{id}}` as a {{value}} instead of a {{was}}.',
      namespace: 'The label baton.io/namespace={{value}} puts `{{id}}` in namespace {{value}}.',
      serviceType: 'The label baton.io/service-type={{value}} gives `{{id}}` a {{value}} Service.',
    },
    hint: 'Nothing to do: this records a decision taken in the source labels.',
    docs: 'Steering labels on Marathon apps and pods (`baton.io/kind`, `baton.io/namespace`, `baton.io/service-type`, `baton.io/skip`) let teams steer the migration from the source definition instead of the config file. Each one that takes effect is recorded with this finding.',
  }),
  'steering/invalid-label': defineRule({
    id: 'steering/invalid-label',
    description: 'A `baton.io/*` steering label has a value Baton does not accept; it was ignored.',
    defaultSeverity: 'warning',
    impact: 'review',
    messages: {
      invalid: 'The label {{label}}={{value}} on `{{id}}` is ignored: expected {{expected}}.',
      unknown: 'The label {{label}} on `{{id}}` is not a steering label Baton knows; it is copied like any other label.',
    },
    hint: 'Fix the label value in Marathon (or the snapshot), or remove the label.',
    docs: 'Accepted steering labels: `baton.io/kind` = service | stateful-service | job; `baton.io/namespace` = a namespace name; `baton.io/service-type` = ClusterIP | NodePort | LoadBalancer | headless; `baton.io/skip` = true | false.',
  }),
} as const;
