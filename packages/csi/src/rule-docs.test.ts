import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderNamespaceDocs } from '../../../tooling/docs/render-rule-doc.mjs';
import { csiRules } from './rules/csi-rules.js';

const docsDir = new URL('../../../docs/rules/csi/', import.meta.url);

describe('docs/rules/csi', () => {
  const expected = renderNamespaceDocs('csi', csiRules, { plugin: '@baton/csi' });

  it('has exactly one page per rule plus the index', () => {
    const committed = readdirSync(docsDir).filter((name) => name.endsWith('.md')).sort();
    expect(committed).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.keys(expected))('%s matches the rule meta (run `pnpm --filter @baton/csi docs:rules` after building)', (name) => {
    expect(readFileSync(new URL(name, docsDir), 'utf8')).toBe(expected[name]);
  });

  it('registers every rule under its own id, namespaced csi/', () => {
    for (const [key, rule] of Object.entries(csiRules)) {
      expect(rule.meta.id).toBe(key);
      expect(key.startsWith('csi/')).toBe(true);
    }
  });
});
