// Strict structural pass: every property of every object must be a field of its type, and exist
// in the target minor. kubernetes-models' schemas (the schema pass) allow unknown properties,
// so this is what catches `containres` or `httpGet.paht`.
import { fieldTable, type FieldSpec, type TypeSpec } from './field-table.js';
import { pointerToken } from './json-pointer.js';
import type { Report } from './types.js';

function availability(field: FieldSpec, minors: readonly number[]): string {
  const yes = minors.filter((_, i) => (field.mask & (1 << i)) !== 0).map((m) => `1.${m}`);
  return yes.length === 0 ? 'in no supported minor' : `only in ${yes.join(', ')}`;
}

export function findUnknownFields(object: object, root: TypeSpec, minor: number, report: Report): void {
  const table = fieldTable();
  const bit = 1 << table.minors.indexOf(minor);
  // The pointer is kept as a stack of tokens and only joined when something is reported.
  const path: string[] = [];
  const at = (key: string): string => (path.length === 0 ? '' : '/' + path.join('/')) + '/' + pointerToken(key);

  const walk = (node: Record<string, unknown>, type: TypeSpec): void => {
    for (const key in node) {
      const field = type.fields.get(key);
      if (field === undefined) {
        report(at(key), 'unknown-field', `unknown field "${key}" in ${type.name}`);
        continue;
      }
      if ((field.mask & bit) === 0) {
        const gate = table.featureGates[`${type.key}.${key}`];
        report(
          at(key),
          'unknown-field',
          gate
            ? `field "${key}" of ${type.name} is off by default in Kubernetes 1.${minor} (feature gate ${gate.gate}, on by default from ${gate.since})`
            : `field "${key}" of ${type.name} does not exist in Kubernetes 1.${minor} (exists ${availability(field, table.minors)})`,
        );
        continue;
      }
      const sub = field.type;
      const v = node[key];
      if (sub === null || v === null || typeof v !== 'object') continue;
      path.push(pointerToken(key));
      // Wrong shapes (an object where a list belongs) are the schema pass's to report.
      if (field.shape === 'one') {
        if (!Array.isArray(v)) walk(v as Record<string, unknown>, sub);
      } else if (field.shape === 'array') {
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length; i++) {
            const item: unknown = v[i];
            if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
            path.push(String(i));
            walk(item as Record<string, unknown>, sub);
            path.pop();
          }
        }
      } else if (!Array.isArray(v)) {
        for (const k in v) {
          const item = (v as Record<string, unknown>)[k];
          if (item === null || typeof item !== 'object' || Array.isArray(item)) continue;
          path.push(pointerToken(k));
          walk(item as Record<string, unknown>, sub);
          path.pop();
        }
      }
      path.pop();
    }
  };
  walk(object as Record<string, unknown>, root);
}
