import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolvePluginEntry } from './resolve-plugin-entry.js';

describe('resolvePluginEntry', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'baton-resolve-'));
  const write = (file: string, content: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  };
  write('node_modules/esm-only/package.json', JSON.stringify({ name: 'esm-only', exports: { '.': { import: './dist/index.js' } } }));
  write('node_modules/esm-only/dist/index.js', 'export default 1;');
  write('node_modules/@acme/dual/package.json', JSON.stringify({ name: '@acme/dual', exports: { '.': { require: './index.cjs', import: { types: './i.d.ts', default: './index.mjs' } }, './extra': './extra.mjs' } }));
  write('node_modules/@acme/dual/index.mjs', '');
  write('node_modules/@acme/dual/extra.mjs', '');
  write('node_modules/plain/package.json', JSON.stringify({ name: 'plain', main: 'lib/main.js' }));
  write('node_modules/plain/lib/main.js', '');
  write('project/sub/local.mjs', '');
  write('node_modules/unbuilt/package.json', JSON.stringify({ name: 'unbuilt', exports: './dist/index.js' }));

  it.each([
    ['esm-only', 'node_modules/esm-only/dist/index.js'],
    ['@acme/dual', 'node_modules/@acme/dual/index.mjs'],
    ['@acme/dual/extra', 'node_modules/@acme/dual/extra.mjs'],
    ['plain', 'node_modules/plain/lib/main.js'],
    ['./sub/local.mjs', 'project/sub/local.mjs'],
  ])('resolves %s from a nested directory, preferring import', (spec, expected) => {
    expect(resolvePluginEntry(spec, path.join(root, 'project'))).toEqual({ file: path.join(root, expected) });
  });

  it.each(['not-installed', './missing.mjs', 'unbuilt'])('explains why %s cannot be loaded', (spec) => {
    expect(resolvePluginEntry(spec, path.join(root, 'project'))).toHaveProperty('reason');
  });
});
