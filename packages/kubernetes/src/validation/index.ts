export { validateObjects } from './validate-objects.js';
export { SUPPORTED_KUBERNETES_VERSIONS } from './kubernetes-minor.js';
export type { ManifestProblem, ManifestProblemKind, ValidateOptions } from './types.js';
