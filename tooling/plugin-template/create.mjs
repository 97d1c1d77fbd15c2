#!/usr/bin/env node
// Creates a Baton plugin package from ./template:
//   node tooling/plugin-template/create.mjs <dir> --name baton-plugin-acme --namespace acme [--description "..."]
// The package has a checker with a RuleTester test, a pipeline test, a README, a tsup config
// (ESM + CJS + .d.ts) and @baton/core as a peer dependency.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const TEMPLATE = fileURLToPath(new URL('./template/', import.meta.url));
const RENAMES = { '_package.json': 'package.json', _gitignore: '.gitignore' };

/** Writes the package into `directory` and returns the files written (relative paths). */
export function createPlugin({ directory, name, namespace, description }) {
  const problems = [];
  if (!/^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/.test(name ?? '')) problems.push(`--name: expected an npm package name such as baton-plugin-acme, received ${JSON.stringify(name)}`);
  if (!/^[a-z][a-z0-9-]*$/.test(namespace ?? '')) problems.push(`--namespace: expected a kebab-case word such as acme (it prefixes every rule id), received ${JSON.stringify(namespace)}`);
  if (!directory) problems.push('<dir>: expected the directory to create the package in');
  else if (existsSync(directory) && readdirSync(directory).length > 0) problems.push(`<dir>: ${directory} exists and is not empty`);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const values = {
    __NAME__: name,
    __NAMESPACE__: namespace,
    __DESCRIPTION__: description ?? `Baton plugin ${name}.`,
    __OPTIONS_TYPE__: `${namespace.replace(/(^|-)([a-z0-9])/g, (_, __, c) => c.toUpperCase())}Options`,
  };
  const written = [];
  const copy = (from, to) => {
    for (const entry of readdirSync(from)) {
      const source = path.join(from, entry);
      const target = path.join(to, RENAMES[entry] ?? entry);
      if (statSync(source).isDirectory()) {
        mkdirSync(target, { recursive: true });
        copy(source, target);
        continue;
      }
      let text = readFileSync(source, 'utf8');
      for (const [key, value] of Object.entries(values)) text = text.split(key).join(value);
      writeFileSync(target, text);
      written.push(path.relative(directory, target).split(path.sep).join('/'));
    }
  };
  mkdirSync(directory, { recursive: true });
  copy(TEMPLATE, directory);
  return written.sort();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  try {
    const { values, positionals } = parseArgs({ options: { name: { type: 'string' }, namespace: { type: 'string' }, description: { type: 'string' } }, allowPositionals: true });
    const directory = positionals[0] ? path.resolve(positionals[0]) : undefined;
    const files = createPlugin({ directory, name: values.name, namespace: values.namespace, description: values.description });
    process.stdout.write(`created ${values.name} in ${directory}:\n${files.map((file) => `  ${file}`).join('\n')}\nnext: cd ${positionals[0]} && npm install && npm test\n`);
  } catch (error) {
    process.stderr.write(`create-baton-plugin: ${error.message}\nusage: node create.mjs <dir> --name baton-plugin-x --namespace x [--description "..."]\n`);
    process.exitCode = 2;
  }
}
