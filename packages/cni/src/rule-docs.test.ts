import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderNamespaceDocs } from '../../../tooling/docs/render-rule-doc.mjs';
import { cniRules } from './rules/cni-rules.js';

const docsDir = new URL('../../../docs/rules/cni/', import.meta.url);

describe('docs/rules/cni', () => {
  const expected = renderNamespaceDocs('cni', cniRules, { plugin: '@baton/cni' });

  it('has exactly one page per rule plus the index', () => {
    const committed = readdirSync(docsDir).filter((name) => name.endsWith('.md')).sort();
    expect(committed).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.keys(expected))('%s matches the rule meta (run `pnpm --filter @baton/cni docs:rules` after building)', (name) => {
    expect(readFileSync(new URL(name, docsDir), 'utf8')).toBe(expected[name]);
  });

  it('registers every rule under its own id, namespaced cni/', () => {
    for (const [key, rule] of Object.entries(cniRules)) {
      expect(rule.meta.id).toBe(key);
      expect(key.startsWith('cni/')).toBe(true);
    }
  });
});
