import { stringify } from 'yaml';

/**
 * Multi-document YAML, `---` between documents, keys in insertion order, no line folding.
 * YAML 1.1 scalar rules make the emitter quote `yes`, `on`, `n`, `0777` and the like, which
 * kubectl's YAML 1.1 parser would otherwise read as booleans or numbers. The one place YAML is
 * produced, so a faster emitter can replace it.
 */
export function renderManifest(objects: readonly unknown[]): string {
  return objects.map((object) => stringify(object, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false })).join('---\n');
}
