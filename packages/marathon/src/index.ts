import { marathon } from './marathon-plugin.js';

export default marathon;
export { marathon };
export { MARATHON_PLUGIN_VERSION } from './version.js';
export { MARATHON_RULES, type MarathonRuleId } from './marathon-rules.js';
export type { MarathonReaderOptions } from './reader-options.js';
export { createMarathonReader, detectMarathonInput } from './marathon-reader.js';
export { readMarathon, type MarathonReadResult } from './read-marathon.js';
export { readMarathonSource, readSnapshotModel } from './read-marathon-source.js';

// reading live Marathon and snapshots
export { createMarathonClient, type MarathonClient, type MarathonClientOptions, type AuthMode, type GetOptions } from './http/marathon-client.js';
export { parseMarathonUrl, publicUrl, type MarathonEndpoint } from './http/marathon-url.js';
export { captureSnapshot, GROUPS_PATH, type CaptureOptions } from './snapshot/capture-snapshot.js';
export { SNAPSHOT_VERSION, asSnapshot, isSnapshotDocument, type MarathonSnapshot } from './snapshot/marathon-snapshot.js';
export { readSnapshot, writeSnapshot, formatSnapshot } from './snapshot/snapshot-files.js';
export { redactInfo } from './snapshot/redact-info.js';

// documents, normalization and conversion, usable one by one
export { extractDefinitions, type DefinitionEntry, type Extraction, type ExtractedGroup } from './input/extract-definitions.js';
export { parseJsonDocument } from './input/parse-json-document.js';
export { canonicalId, idProblem, isWithin } from './input/path-id.js';
export { normalizeApp, type NormalizeAppOptions, type NormalizationConflict } from './normalize/normalize-app.js';
export { normalizePod, type NormalizePodOptions } from './normalize/normalize-pod.js';
export type * from './normalize/normalized-types.js';
export { appToWorkload, type WorkloadPlacementInSource } from './model/app-to-workload.js';
export { podToWorkload } from './model/pod-to-workload.js';
export { exposureFromLabels } from './model/exposure-from-labels.js';
export { MESOS_SANDBOX } from './model/model-parts.js';

// coverage: the field table behind the ledger and the conversion matrix
export { MARATHON_FIELD_TABLE } from './fields/field-table.js';
export type { FieldSpec, FieldTable, FieldValueType } from './fields/field-spec.js';
export { claimCoverage, type CoverageContext, type DefinitionShape } from './fields/claim-coverage.js';
export { formatConversionMatrix } from './fields/format-conversion-matrix.js';

// selection
export { createSelection, selectWorkloads, selects, type SelectionOptions, type WorkloadSelection } from './select/workload-selection.js';
export { parseLabelSelector, matchesLabelSelector, type LabelSelector } from './select/label-selector.js';
