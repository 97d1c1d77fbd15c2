// Child: what offline validation of a written plan costs. `migrate plan` does not call the
// validator today (the writer renders without validating), so this measures, apart, what it
// would add: every manifest of <plan-dir> is parsed (not timed) and validateObjects runs over all
// objects for the plan's target minor (timed). The validator is not exported by
// @baton/kubernetes, so its sources are bundled with esbuild (a tsup dependency) first.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, resolveFrom } from './workspace.mjs';

const [planDir, bundleDir, out] = process.argv.slice(2);

export async function bundleValidator(into) {
  const esbuild = createRequire(resolveFrom('packages/kubernetes', 'tsup'))('esbuild');
  const outfile = path.join(into, 'validator.mjs');
  await esbuild.build({
    entryPoints: [path.join(ROOT, 'packages/kubernetes/src/validation/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

if (planDir) {
  const { parseAllDocuments } = await import(pathToFileURL(resolveFrom('packages/kubernetes', 'yaml')).href);
  const validator = await import(pathToFileURL(await bundleValidator(bundleDir)).href);
  const plan = JSON.parse(readFileSync(path.join(planDir, 'plan.json'), 'utf8'));
  const objects = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.yaml') && entry.name !== 'kustomization.yaml') {
        for (const document of parseAllDocuments(readFileSync(file, 'utf8'))) objects.push(document.toJS());
      }
    }
  };
  walk(path.join(planDir, 'manifests'));
  const kubernetesVersion = plan.target.kubernetesVersion;
  const started = performance.now();
  const problems = validator.validateObjects(objects, { kubernetesVersion });
  const ms = performance.now() - started;
  writeFileSync(out, JSON.stringify({ ms, objects: objects.length, problems: problems.length, kubernetesVersion }));
}
