import { defineRule } from './plugin.js';

/** Rules the engine itself reports. */
export const CORE_RULES = {
  'core/unaccounted-field': defineRule({
    id: 'core/unaccounted-field',
    description: 'A field of the source definition was neither mapped nor explicitly set aside by any plugin.',
    defaultSeverity: 'warning',
    impact: 'review',
    messages: { unaccounted: 'No plugin accounted for `{{pointer}}`; it is not in the output.' },
    hint: 'Check whether the field matters for this workload and carry it over by hand (an override rule or a plugin can automate it).',
    docs: 'Baton records every leaf of every source definition in the coverage ledger. A leaf that no reader, transform or writer claimed is listed as unsupported with this finding, so nothing is dropped silently. Unknown or future Marathon fields usually end up here.',
  }),
  'core/plugin-failed': defineRule({
    id: 'core/plugin-failed',
    description: 'A checker or transform threw or did not finish in time; its rule was not evaluated or its change not made.',
    defaultSeverity: 'error',
    impact: 'review',
    messages: {
      checkerFailed: 'The checker {{rule}} of plugin {{plugin}} failed: {{reason}}.',
      transformFailed: 'The transform "{{transform}}" of plugin {{plugin}} failed and was skipped: {{reason}}.',
    },
    hint: 'The rest of the plan is complete; re-run with --debug and report the failure to the plugin author.',
    docs: 'Checkers and transforms are isolated: one that throws or hangs becomes this finding, and every other stage still runs. A failed checker leaves out only that rule\'s verdicts; a failed transform is skipped, so the plan is built from the model as it was before it. Readers and writers cannot be skipped (there is no plan without them): their failures end the run with BATON4003.',
  }),
} as const;
