/** What went wrong: a value the schema rejects, a field the API does not know, an API the minor does not serve. */
export type ManifestProblemKind = 'schema' | 'unknown-field' | 'api-not-served';

export interface ManifestProblem {
  /** Position of the object in the validated list. */
  readonly index: number;
  readonly apiVersion: string;
  readonly kind: string;
  /** `metadata.name`, or '' when missing. */
  readonly name: string;
  /** JSON pointer into the object (RFC 6901): `/spec/template/spec/containers/0/image`. */
  readonly pointer: string;
  readonly message: string;
  readonly problem: ManifestProblemKind;
}

export interface ValidateOptions {
  /** Target Kubernetes minor, `1.29` to `1.36` (see SUPPORTED_KUBERNETES_VERSIONS). */
  readonly kubernetesVersion: `1.${number}`;
}

/** Appends one problem at a pointer of the object being validated. */
export type Report = (pointer: string, problem: ManifestProblemKind, message: string) => void;
