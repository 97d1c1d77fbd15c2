import type { Report } from './types.js';

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/**
 * What the API server checks beyond the schema for pod specs: at least one container
 * (`spec.containers: Required value`). The OpenAPI schema only says "array".
 */
export function checkPodSpec(object: Record<string, unknown>, kind: string, report: Report): void {
  const path = POD_SPEC_PATHS[kind];
  if (!path) return;
  let spec: unknown = object;
  for (const key of path) {
    if (spec === null || typeof spec !== 'object') return;
    spec = (spec as Record<string, unknown>)[key];
  }
  if (spec === null || typeof spec !== 'object') return;
  const containers = (spec as Record<string, unknown>).containers;
  if (Array.isArray(containers) && containers.length === 0) report(`/${path.join('/')}/containers`, 'schema', 'must hold at least one container');
}
