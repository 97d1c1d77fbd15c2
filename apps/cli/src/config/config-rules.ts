import { defineRule } from '@baton/core';

/** Rules of the built-in `@baton/cli/config` plugin: what the config's override rules did not do. */
export const CONFIG_RULES = {
  'config/override-conflict': defineRule({
    id: 'config/override-conflict',
    description: 'Two override rules set the same field of one object to different values; the later rule won.',
    defaultSeverity: 'warning',
    impact: 'review',
    messages: {
      conflict: '{{rule}} sets {{field}} of {{kind}} {{name}} to {{value}}, replacing {{previousValue}} set by {{previousRule}}.',
    },
    hint: 'Make the two rules agree, narrow their `match`, or drop one; rules apply in the order of the config.',
    docs: 'Override rules apply in order, each on the result of the previous. When two rules change the same field (or a field and one of its parents) of the same object to different values, the last one wins and this finding names both, so a surprising result is never silent.',
  }),
  'config/override-failed': defineRule({
    id: 'config/override-failed',
    description: 'An override rule could not be applied to an object and was skipped for it.',
    defaultSeverity: 'error',
    impact: 'review',
    messages: {
      test: '{{rule}} was not applied to {{kind}} {{name}}: its test of {{path}} failed ({{reason}}).',
      operation: '{{rule}} was not applied to {{kind}} {{name}}: {{reason}}.',
      identity: '{{rule}} was not applied to {{kind}} {{name}}: it changes {{field}}, which names the object.',
      invalid: '{{rule}} was not applied to {{kind}} {{name}}: the result is not a valid {{kind}} for Kubernetes {{version}}: {{reason}}.',
    },
    hint: 'Correct the rule in the config (the object as written is in the plan\'s manifests), then plan again.',
    docs: 'A JSON patch whose `test` operation fails, an operation on a path that does not exist, a patch that renames the object (apiVersion, kind, metadata.name or metadata.namespace) or that leaves an object the Kubernetes schema of the target rejects is not applied to that object; the object stays as the writer wrote it and this finding says why.',
  }),
  'config/override-unused': defineRule({
    id: 'config/override-unused',
    description: 'An override rule matched no workload, or no object of the workloads it matched.',
    defaultSeverity: 'warning',
    impact: 'info',
    messages: {
      noWorkload: '{{rule}} matches no planned workload.',
      noObject: '{{rule}} matches {{count}} workload(s) but none has a {{target}} object.',
    },
    hint: 'Check the rule\'s match (id globs use `*` within a segment and `**` across segments) and target.',
    docs: 'An override rule that changes nothing is usually a typo in its id glob, label or target kind. This finding is estate-wide (workload `*`).',
  }),
} as const;
