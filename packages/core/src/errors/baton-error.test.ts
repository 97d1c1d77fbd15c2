import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BatonError } from './baton-error.js';
import { ERROR_CATALOG } from './catalog.js';
import { CORE_VERSION } from '../version.js';

describe('BatonError', () => {
  it('is recognised across copies of core by its Symbol.for brand', () => {
    const foreign = Object.assign(new Error('x'), { [Symbol.for('baton.error')]: true });
    expect(BatonError.isInstance(foreign)).toBe(true);
    expect(BatonError.isInstance(new Error('x'))).toBe(false);
    expect(BatonError.isInstance(new BatonError('BATON1002', { path: 'a', reason: 'b' }))).toBe(true);
  });

  it('renders what, why and fix from the catalog with its exit code', () => {
    const error = new BatonError('BATON2002', { url: 'http://m:8080' });
    expect(error.code).toBe('BATON2002');
    expect(error.exitCode).toBe(3);
    expect(error.describe().split('\n')).toHaveLength(3);
  });

  it('has a catalog of well-formed permanent codes whose exit code matches the category', () => {
    const exitByCategory = { input: 2, source: 3, target: 3, plugin: 4, output: 2 } as const;
    for (const [code, def] of Object.entries(ERROR_CATALOG)) {
      expect(code).toMatch(/^BATON[1-5]\d{3}$/);
      const category = ['input', 'source', 'target', 'plugin', 'output'][Number(code[5]) - 1];
      expect(def.category).toBe(category);
      // Target errors that are about the user's files (kubeconfig, facts, plan directory) exit 2, not 3.
      if (def.category === 'target') expect([2, 3]).toContain(def.exitCode);
      else if (!['BATON4004', 'BATON5002'].includes(code)) expect(def.exitCode).toBe(exitByCategory[def.category]);
      expect(def.what && def.why && def.fix).toBeTruthy();
    }
  });

  it('keeps CORE_VERSION equal to package.json', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(CORE_VERSION).toBe(pkg.version);
  });
});
