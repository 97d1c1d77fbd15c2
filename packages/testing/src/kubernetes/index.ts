export { startKubernetesApiServer } from './start-kubernetes-api-server.js';
export type { AdmissionAttempt, AdmissionVerdict, ForbidRule, KubernetesApiServer, KubernetesApiServerOptions, RecordedRequest } from './start-kubernetes-api-server.js';
export { BUILT_IN_TYPES, COMMON_CUSTOM_RESOURCES, type CustomResourceType, type ResourceType } from './resource-types.js';
export type { RolloutProgress } from './rollout-status.js';
export type { KubernetesStatus, StatusCause, StatusDetails } from './kubernetes-status.js';
export type { PodSecurityLevel } from './pod-security.js';
