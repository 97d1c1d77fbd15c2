import { definePlugin, PLUGIN_API_VERSION, type Plugin } from '@baton/core';
import { metronomeReader, type MetronomeOptions } from './metronome-reader.js';
import { METRONOME_RULES } from './metronome-rules.js';
import { scheduleNotPortable } from './schedule-not-portable.js';
import { METRONOME_PLUGIN_VERSION } from './version.js';

/**
 * The plugin: a reader for Metronome jobs and a checker for their schedules. It writes nothing
 * itself: jobs become `job` workloads with `job.schedule`, which the Kubernetes writer (or any
 * writer honouring the model) turns into CronJobs.
 */
export function metronome(options: MetronomeOptions = {}): Plugin<any> {
  return definePlugin({
    apiVersion: PLUGIN_API_VERSION,
    meta: { name: 'baton-plugin-metronome', version: METRONOME_PLUGIN_VERSION, namespace: 'metronome' },
    compatibility: { core: '^0.1.0' },
    rules: METRONOME_RULES,
    readers: { metronome: metronomeReader(options) },
    checkers: { 'schedule-not-portable': scheduleNotPortable },
  });
}
