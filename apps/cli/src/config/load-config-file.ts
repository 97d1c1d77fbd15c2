import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BatonError } from '@baton/core';

/**
 * The value a config file holds: JSON and YAML parsed, JavaScript imported (its default export),
 * TypeScript compiled by esbuild to a temporary `.mjs` beside it (so its relative imports and
 * packages resolve as they would for the `.ts`), imported, then removed. Node 20 cannot import
 * `.ts` by itself.
 */
export async function loadConfigFile(file: string): Promise<unknown> {
  const extension = path.extname(file).toLowerCase();
  const fail = (reason: string, cause?: unknown): never => {
    throw new BatonError('BATON1012', { path: file, reason }, { cause });
  };
  if (extension === '.json' || extension === '.yaml' || extension === '.yml') {
    let text = '';
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      fail((error as Error).message, error);
    }
    try {
      return extension === '.json' ? JSON.parse(text) : (await import('yaml')).parse(text);
    } catch (error) {
      return fail(`it is not valid ${extension === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message.split('\n')[0]}`, error);
    }
  }
  let url = pathToFileURL(file).href;
  let compiled: string | undefined;
  if (extension === '.ts' || extension === '.mts' || extension === '.cts') {
    compiled = `${file}.timestamp-${Date.now()}-${process.pid}.mjs`;
    try {
      const esbuild = await import('esbuild');
      const result = await esbuild.build({
        entryPoints: [file],
        bundle: true,
        packages: 'external',
        format: 'esm',
        platform: 'node',
        target: 'node20',
        write: false,
        logLevel: 'silent',
      });
      await writeFile(compiled, result.outputFiles[0]!.text);
    } catch (error) {
      await rm(compiled, { force: true });
      const detail = (error as { errors?: { text: string; location?: { line: number } }[] }).errors?.[0];
      fail(detail ? `it does not compile: ${detail.text}${detail.location ? ` (line ${detail.location.line})` : ''}` : (error as Error).message, error);
    }
    url = pathToFileURL(compiled).href;
  }
  try {
    const module = (await import(url)) as { default?: unknown };
    if (module.default === undefined) fail('it has no default export (write `export default { ... }`)');
    return module.default;
  } catch (error) {
    if (BatonError.isInstance(error)) throw error;
    return fail(`it threw while loading: ${(error as Error).message ?? String(error)}`, error);
  } finally {
    if (compiled) await rm(compiled, { force: true });
  }
}
