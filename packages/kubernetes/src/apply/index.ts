export { applyPlan, type ApplyPlanOptions, type ApplyProgress, type ApplyResult, type ObjectAction, type ObjectReport, type StepOutcome, type StepReport, type WorkloadReport, type WorkloadState } from './apply-plan.js';
export { APPLY_RULES, type ApplyRuleId } from './apply-rules.js';
export { APPLY_STATE_FILE, APPLY_STATE_VERSION, readApplyState, type ApplyState, type ObjectRecord, type StepId, type StepState } from './apply-state.js';
export { FIELD_MANAGER, KubernetesApiError, openClusterClient, type AppliedObject, type ClusterClient, type ServedResource } from './cluster-client.js';
export { dataMoveRunbookFiles, dataMoveRunbooks, ensureDataMoveRunbook, renderDataMoveRunbook, runbookPath, writeDataMoveRunbooks, type DataMoveRunbook, type RunbookInput } from './data-move-runbook.js';
export { loadPlanDirectory, type LoadedPlan } from './load-plan-directory.js';
export { renderApplyReport, stepLabel } from './render-apply-report.js';
export type { KubeObject, ObjectRef } from './kube-object.js';
export * from '../cluster/index.js';
