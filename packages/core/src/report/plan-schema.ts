// At the package root so every resolver finds `@baton/core/plan.schema.json` (node10 too).
import planSchema from '../../plan.schema.json' with { type: 'json' };

/**
 * The published JSON Schema (draft 2020-12) of `plan.json`. The JSON file is the source of truth
 * so editors and other languages can use it as is; it ships as `@baton/core/plan.schema.json`.
 */
export const PLAN_SCHEMA: Readonly<Record<string, unknown>> = planSchema;

/** Where the schema is published; also its `$id`. */
export const PLAN_SCHEMA_ID = 'https://baton.dev/schemas/plan/v1.json' as const;
