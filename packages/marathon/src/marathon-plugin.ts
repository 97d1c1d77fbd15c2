import { definePlugin, PLUGIN_API_VERSION } from '@baton/core';
import { createMarathonReader } from './marathon-reader.js';
import { MARATHON_RULES } from './marathon-rules.js';
import type { MarathonReaderOptions } from './reader-options.js';
import { MARATHON_PLUGIN_VERSION } from './version.js';

/** The `@baton/marathon` plugin: a reader for live Marathon, snapshots and definition files. */
export function marathon(options: MarathonReaderOptions = {}) {
  return definePlugin({
    apiVersion: PLUGIN_API_VERSION,
    meta: { name: '@baton/marathon', version: MARATHON_PLUGIN_VERSION, namespace: 'marathon' },
    compatibility: { core: '^0.1.0' },
    rules: MARATHON_RULES,
    readers: { marathon: createMarathonReader(options) },
  });
}
