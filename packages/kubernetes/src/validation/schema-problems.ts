// Schema pass: kubernetes-models' precompiled validators (generated/schema-validators.js), the
// same schemas CI's independent check uses. Their ajv errors become problems with pointers.
import type { SchemaError, SchemaValidator } from './generated/schema-validators.js';
import { pointerToken } from './json-pointer.js';
import type { Report } from './types.js';

function describe(e: SchemaError): { pointer: string; message: string } {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return { pointer: `${e.instancePath}/${pointerToken(String(p.missingProperty))}`, message: `required field "${String(p.missingProperty)}" is missing` };
    case 'type':
      return { pointer: e.instancePath, message: `must be ${String(p.type)}` };
    case 'enum':
      return { pointer: e.instancePath, message: `must be one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
    case 'format':
      return {
        pointer: e.instancePath,
        message: p.format === 'quantity' ? 'must be a Kubernetes quantity (e.g. 500m, 1.5, 256Mi, 1G)' : `must be a valid ${String(p.format)}`,
      };
    default:
      return { pointer: e.instancePath, message: `fails ${e.keyword} ${JSON.stringify(p)}` };
  }
}

/**
 * ajv reports each branch of a oneOf (IntOrString, Quantity) plus the oneOf itself: errors at
 * one pointer become one problem, the most specific message winning (format, then types).
 */
export function reportSchemaErrors(validate: SchemaValidator, value: unknown, at: string, report: Report): void {
  if (validate(value)) return;
  const byPointer = new Map<string, SchemaError[]>();
  for (const e of validate.errors ?? []) {
    const pointer = describe(e).pointer;
    const group = byPointer.get(pointer);
    if (group) group.push(e);
    else byPointer.set(pointer, [e]);
  }
  for (const [pointer, errors] of byPointer) {
    const format = errors.find((e) => e.keyword === 'format');
    const types = errors.filter((e) => e.keyword === 'type');
    const rest = errors.filter((e) => e.keyword !== 'type' && e.keyword !== 'oneOf' && e.keyword !== 'anyOf');
    if (format) report(at + pointer, 'schema', describe(format).message);
    else if (types.length > 1) report(at + pointer, 'schema', `must be ${[...new Set(types.map((e) => String(e.params.type)))].join(' or ')}`);
    else {
      const chosen = rest.length > 0 ? rest : types.length > 0 ? types : errors;
      for (const message of new Set(chosen.map((e) => describe(e).message))) report(at + pointer, 'schema', message);
    }
  }
}
