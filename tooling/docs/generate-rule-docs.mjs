#!/usr/bin/env node
// Writes docs/rules/<namespace>/*.md from the rule meta of the built checker packages.
//   node tooling/docs/generate-rule-docs.mjs [cni] [csi] [--check]
// --check writes nothing and exits 1 when a page is missing, stale or orphaned.
// Run after `pnpm turbo run build --filter=@baton/cni --filter=@baton/csi`.

import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { renderNamespaceDocs } from './render-rule-doc.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const SOURCES = {
  cni: { plugin: '@baton/cni', dist: 'packages/cni/dist/index.js', exportName: 'cniRules' },
  csi: { plugin: '@baton/csi', dist: 'packages/csi/dist/index.js', exportName: 'csiRules' },
};

async function main(argv) {
  const check = argv.includes('--check');
  const namespaces = argv.filter((arg) => !arg.startsWith('--'));
  const selected = namespaces.length > 0 ? namespaces : Object.keys(SOURCES);
  const problems = [];
  for (const namespace of selected) {
    const source = SOURCES[namespace];
    if (!source) throw new Error(`unknown namespace "${namespace}" (known: ${Object.keys(SOURCES).join(', ')})`);
    const module = await import(pathToFileURL(join(root, source.dist)).href);
    const files = renderNamespaceDocs(namespace, module[source.exportName], { plugin: source.plugin });
    const dir = join(root, 'docs', 'rules', namespace);
    const existing = await readdir(dir).catch(() => []);
    for (const name of existing.filter((file) => file.endsWith('.md') && !(file in files))) {
      if (check) problems.push(`docs/rules/${namespace}/${name}: no rule has this page`);
      else await rm(join(dir, name));
    }
    for (const [name, content] of Object.entries(files)) {
      const path = join(dir, name);
      const current = await readFile(path, 'utf8').catch(() => undefined);
      if (current === content) continue;
      if (check) problems.push(`docs/rules/${namespace}/${name}: ${current === undefined ? 'missing' : 'out of date'}`);
      else {
        await mkdir(dir, { recursive: true });
        await writeFile(path, content);
        process.stdout.write(`wrote docs/rules/${namespace}/${name}\n`);
      }
    }
  }
  if (problems.length > 0) {
    process.stderr.write(`${problems.join('\n')}\nRun: node tooling/docs/generate-rule-docs.mjs ${selected.join(' ')}\n`);
    process.exitCode = 1;
  }
}

main(process.argv.slice(2)).catch((error) => {
  process.stderr.write(`${error.stack ?? error}\n`);
  process.exitCode = 2;
});
