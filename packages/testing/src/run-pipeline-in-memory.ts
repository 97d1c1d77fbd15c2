// Runs the real pipeline (core's runPipeline) on workloads held in memory: an in-memory reader
// supplies the model and a null writer ends the run, so plugin authors test checkers and
// transforms exactly as the host runs them, with severities, overrides and plugin isolation.

import {
  definePlugin,
  runPipeline,
  type MigrationModel,
  type PipelineOptions,
  type PipelineResult,
  type Plugin,
  type TargetProfile,
  type TargetProfileLayer,
} from '@baton/core';
import { makeModel, makeTarget, type WorkloadInput } from './rule-tester.js';

export interface InMemoryPipelineOptions extends Omit<PipelineOptions, 'plugins' | 'input' | 'target' | 'writer'> {
  /** The plugins under test; a reader and a writer are added when none is given. */
  readonly plugins: readonly Plugin<any>[];
  /** Workloads (filled by makeWorkload) or a complete model. */
  readonly workloads?: readonly WorkloadInput[];
  readonly model?: MigrationModel;
  /** A full profile, or a partial one merged over the generic target. */
  readonly target?: TargetProfile | TargetProfileLayer;
}

const IN_MEMORY_LOCATION = 'memory://baton-testing';

/** Runs read (in memory), transforms, checks and write (null unless a writer plugin is given). */
export function runPipelineInMemory(options: InMemoryPipelineOptions): Promise<PipelineResult> {
  const { plugins, workloads, model, target, ...rest } = options;
  const source = model ?? makeModel(workloads ?? []);
  const hasReader = plugins.some((p) => Object.keys(p.readers ?? {}).length > 0);
  const hasWriter = plugins.some((p) => Object.values(p.writers ?? {}).some((w) => w.target === 'kubernetes'));
  const helpers = definePlugin({
    apiVersion: 1,
    meta: { name: '@baton/testing/in-memory', version: '0.0.0', namespace: 'testing' },
    readers: hasReader
      ? {}
      : {
          'in-memory': {
            apiVersion: 1,
            description: 'Reads the model handed to runPipelineInMemory.',
            detect: (input) => input.location === IN_MEMORY_LOCATION,
            read: async () => ({ model: source, definitions: new Map() }),
          },
        },
    writers: hasWriter
      ? {}
      : { 'null': { apiVersion: 1, target: 'kubernetes', description: 'Writes nothing.', write: async () => ({ workloads: [], shared: [], files: [] }) } },
  });
  return runPipeline({
    ...rest,
    plugins: [helpers, ...plugins],
    input: { kind: 'file', location: IN_MEMORY_LOCATION },
    target: target === undefined ? makeTarget() : makeTarget(target as TargetProfileLayer),
  });
}
