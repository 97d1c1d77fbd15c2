import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { validatePlugin } from '@baton/core';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs script without types
import { createPlugin } from '../create.mjs';

const HERE = fileURLToPath(new URL('..', import.meta.url));
const bin = (name: string, file: string) => path.join(HERE, 'node_modules', name, file);

describe('create.mjs', () => {
  it('creates a plugin package whose tests, typecheck and build pass, and whose build is a valid plugin', async () => {
    const directory = path.join(mkdtempSync(path.join(tmpdir(), 'baton-plugin-')), 'baton-plugin-acme-rules');
    const output = execFileSync(process.execPath, [path.join(HERE, 'create.mjs'), directory, '--name', 'baton-plugin-acme-rules', '--namespace', 'acme-rules'], { encoding: 'utf8' });
    expect(output).toContain('created baton-plugin-acme-rules');
    const pkg = JSON.parse(readFileSync(path.join(directory, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'baton-plugin-acme-rules', peerDependencies: { '@baton/core': '^0.1.0' }, keywords: ['baton', 'baton-plugin'] });
    expect(existsSync(path.join(directory, '.gitignore'))).toBe(true);
    expect(readFileSync(path.join(directory, 'src/rules/no-latest-tag.ts'), 'utf8')).toContain("id: 'acme-rules/no-latest-tag'");

    // The workspace's installs stand in for `npm install` (no registry access in tests).
    symlinkSync(path.join(HERE, 'node_modules'), path.join(directory, 'node_modules'), 'dir');
    const run = (file: string, args: string[]) => execFileSync(process.execPath, [file, ...args], { cwd: directory, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run(bin('vitest', 'vitest.mjs'), ['run'])).toMatch(/Tests\s+\d+ passed/);
    run(bin('typescript', 'bin/tsc'), ['-p', 'tsconfig.json']);
    run(bin('tsup', 'dist/cli-default.js'), []);

    const built = await import(pathToFileURL(path.join(directory, 'dist/index.js')).href);
    const plugin = built.default({ allow: ['x'] });
    expect(validatePlugin(plugin)).toEqual([]);
    expect(plugin.meta).toEqual({ name: 'baton-plugin-acme-rules', version: '0.1.0', namespace: 'acme-rules' });
  });

  it('refuses bad names and non-empty directories, saying which argument is wrong', () => {
    expect(() => createPlugin({ directory: HERE, name: 'Bad Name', namespace: 'Acme' })).toThrow(/--name[\s\S]*--namespace[\s\S]*not empty/);
  });
});
