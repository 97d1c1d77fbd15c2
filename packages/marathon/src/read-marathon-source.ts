import { MODEL_VERSION, type PluginContext, type ReadResult, type SourceInfo, type SourceInput } from '@baton/core';
import type { CoverageContext } from './fields/claim-coverage.js';
import { createMarathonClient } from './http/marathon-client.js';
import { extractDefinitions } from './input/extract-definitions.js';
import { parseJsonDocument } from './input/parse-json-document.js';
import { readInputFile } from './input/read-input-file.js';
import { buildWorkloads } from './model/build-workloads.js';
import { readObject, readString } from './normalize/lenient.js';
import type { NormalizationConfig } from './normalize/normalized-types.js';
import type { MarathonReaderOptions } from './reader-options.js';
import { createSelection, type WorkloadSelection } from './select/workload-selection.js';
import { captureSnapshot, PODS_PATH } from './snapshot/capture-snapshot.js';
import { asSnapshot, isSnapshotDocument, type MarathonSnapshot } from './snapshot/marathon-snapshot.js';
import { sourceFindings } from './source/source-findings.js';

type Context = Pick<PluginContext, 'ledger' | 'report' | 'logger' | 'signal'>;

/** Reads a Marathon URL, a snapshot, a definition file or stdin into the model. */
export async function readMarathonSource(input: SourceInput, options: MarathonReaderOptions, ctx: Context): Promise<ReadResult> {
  const selection = createSelection(options);
  if (input.kind === 'url') {
    const client = createMarathonClient(input.location, { ...options, signal: ctx.signal, logger: ctx.logger });
    let snapshot: MarathonSnapshot;
    try {
      snapshot = await captureSnapshot(client);
    } finally {
      await client.close();
    }
    return readSnapshotModel(snapshot, { via: 'url', location: client.baseUrl }, options, selection, ctx);
  }
  const location = input.kind === 'stdin' ? '-' : input.location;
  const text = input.kind === 'stdin' ? (input.text ?? '') : await readInputFile(input.location, options.maxInputBytes);
  const document = parseJsonDocument(text, location);
  if (isSnapshotDocument(document)) {
    return readSnapshotModel(asSnapshot(document, location), { via: 'snapshot', location }, options, selection, ctx);
  }
  const extraction = extractDefinitions(document, location);
  const config: NormalizationConfig = { mesosBridgeName: 'mesos-bridge', ...(options.defaultNetworkName ? { defaultNetworkName: options.defaultNetworkName } : {}) };
  const hints = options.envVarsPrefix ? { envVarsPrefix: options.envVarsPrefix } : {};
  const built = buildWorkloads(extraction, { origin: location, config, hints, ...(selection ? { selection } : {}) }, ctx);
  ctx.logger.info(`read ${built.workloads.length} workload(s) from ${location}`);
  const source: SourceInfo = { reader: 'marathon', location, via: input.kind === 'stdin' ? 'stdin' : 'file', facts: {} };
  return { model: { modelVersion: MODEL_VERSION, source, workloads: built.workloads, groups: built.groups }, definitions: built.definitions };
}

/**
 * The one path from a capture to the model, for live reads and snapshot files alike: the same
 * input gives the same workloads, groups, findings and ledger.
 */
export function readSnapshotModel(
  snapshot: MarathonSnapshot,
  where: { via: 'url' | 'snapshot'; location: string },
  options: MarathonReaderOptions,
  selection: WorkloadSelection | undefined,
  ctx: Pick<CoverageContext, 'ledger' | 'report'> & Pick<Context, 'logger'>,
): ReadResult {
  const marathonConfig = readObject(snapshot.marathon.info?.marathon_config) ?? {};
  const facts = infoFacts(snapshot);
  const defaultNetworkName = readString(marathonConfig.default_network_name) ?? options.defaultNetworkName;
  const defaultRole = readString(marathonConfig.mesos_role);
  const config: NormalizationConfig = {
    mesosBridgeName: readString(marathonConfig.mesos_bridge_name) ?? 'mesos-bridge',
    ...(defaultNetworkName ? { defaultNetworkName } : {}),
    ...(defaultRole ? { defaultRole } : {}),
  };
  const envVarsPrefix = readString(marathonConfig.env_vars_prefix) || options.envVarsPrefix;
  const pods = snapshot.marathon.pods;
  const extraction = extractDefinitions(snapshot.marathon.groups, '/v2/groups', pods ? { pods, origin: PODS_PATH } : undefined);
  const built = buildWorkloads(
    extraction,
    { origin: '/v2/groups', config, hints: envVarsPrefix ? { envVarsPrefix } : {}, ...(selection ? { selection } : {}) },
    ctx,
  );
  for (const finding of sourceFindings(snapshot, new Set(built.workloads.map((workload) => workload.id)))) ctx.report(finding);
  ctx.logger.info(`read ${built.workloads.length} workload(s) from Marathon ${snapshot.marathon.version ?? '(version unknown)'}`);
  const source: SourceInfo = {
    reader: 'marathon',
    location: where.location,
    via: where.via,
    ...(snapshot.marathon.version ? { version: snapshot.marathon.version } : {}),
    ...(where.via === 'snapshot' ? { capturedAt: snapshot.capturedAt } : {}),
    facts,
  };
  return { model: { modelVersion: MODEL_VERSION, source, workloads: built.workloads, groups: built.groups }, definitions: built.definitions };
}

/** The `/v2/info` facts writers and checkers may need (§2.2). */
function infoFacts(snapshot: MarathonSnapshot): Record<string, unknown> {
  const info = snapshot.marathon.info;
  if (!info) return {};
  const config = readObject(info.marathon_config) ?? {};
  const facts: Record<string, unknown> = {
    name: info.name,
    version: info.version,
    defaultNetworkName: config.default_network_name,
    envVarsPrefix: config.env_vars_prefix,
    mesosRole: config.mesos_role,
    mesosBridgeName: config.mesos_bridge_name,
    localPortMin: config.local_port_min,
    localPortMax: config.local_port_max,
    features: config.features,
  };
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined && value !== null));
}
