// Types of the generated schema-validators.js (copied next to it by generate-validators.mjs).
export interface SchemaError {
  readonly instancePath: string;
  readonly schemaPath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
}
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: readonly SchemaError[] | null;
}
/** Precompiled validators keyed by `apiVersion/kind` (`apps/v1/Deployment`). */
export declare const validators: Readonly<Record<string, SchemaValidator>>;
/** metav1.ObjectMeta, for CRDs whose own schema leaves metadata free-form. */
export declare const objectMeta: SchemaValidator;
