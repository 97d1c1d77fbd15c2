#!/usr/bin/env node
// Generates the offline manifest validator data of @baton/kubernetes from npm registry packages:
//   packages/kubernetes/src/validation/generated/schema-validators.js (+ .d.ts)
//     kubernetes-models' precompiled ajv validators for the kinds Baton emits (the same schemas
//     CI's independent check runs: types, required fields, enums, quantity/int/byte formats,
//     CRD patterns), bundled with esbuild so the package has no runtime dependency for them.
//   packages/kubernetes/src/validation/generated/field-table.json
//     every known field of those kinds, and in which Kubernetes minors it exists, taken from
//     @kubernetes/client-node's model attribute maps, one client release per Kubernetes minor
//     (CRDs: from the kubernetes-models .d.ts through the TypeScript compiler).
// Usage: node tooling/schemas/generate-validators.mjs   (needs npm and the registry; ~1 min)
// The outputs are committed: CI and consumers never run this.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUILT_IN_KINDS, CLIENT_NODE_BY_MINOR, CRD_KINDS, FEATURE_GATES, SUPPORTED_MINORS, TOOLS } from './sources.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const outDir = path.join(repo, 'packages/kubernetes/src/validation/generated');
const work = process.env.BATON_SCHEMA_WORK || path.join(process.env.TMPDIR || '/tmp', 'baton-schema-sources');

function sh(cmd, args, cwd) {
  return execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
}

// ---------------------------------------------------------------- sources
function prepare() {
  fs.mkdirSync(work, { recursive: true });
  const tools = path.join(work, 'tools');
  const stamp = path.join(tools, '.installed');
  const want = JSON.stringify(TOOLS);
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, 'utf8') !== want) {
    fs.mkdirSync(tools, { recursive: true });
    fs.writeFileSync(path.join(tools, 'package.json'), '{"name":"baton-schema-tools","private":true,"type":"module"}\n');
    sh('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--engine-strict=false', ...Object.entries(TOOLS).map(([n, v]) => `${n}@${v}`)], tools);
    fs.writeFileSync(stamp, want);
  }
  const clients = {};
  for (const [minor, version] of Object.entries(CLIENT_NODE_BY_MINOR)) {
    const dir = path.join(work, `client-node-${version}`);
    if (!fs.existsSync(path.join(dir, 'package/package.json'))) {
      fs.mkdirSync(dir, { recursive: true });
      const tgz = sh('npm', ['pack', '--silent', `@kubernetes/client-node@${version}`, '--pack-destination', dir], dir).trim().split('\n').pop();
      sh('tar', ['xzf', tgz], dir);
      fs.rmSync(path.join(dir, tgz));
    }
    clients[minor] = path.join(dir, 'package');
  }
  return { tools, clients };
}

// ---------------------------------------------------------------- client-node attribute maps
/** Type map loader for one client-node release (0.x: CJS `model/v1Foo.js`, 1.x+: ESM `models/V1Foo.js`). */
async function clientModels(dir) {
  const cache = new Map();
  const req = createRequire(path.join(dir, 'package.json'));
  return async (name) => {
    if (cache.has(name)) return cache.get(name);
    let map = null;
    const esm = path.join(dir, 'dist/gen/models', `${name}.js`);
    const cjs = path.join(dir, 'dist/gen/model', `${name[0].toLowerCase()}${name.slice(1)}.js`);
    if (fs.existsSync(esm)) map = (await import(pathToFileURL(esm).href))[name]?.getAttributeTypeMap();
    else if (fs.existsSync(cjs)) map = req(cjs)[name]?.getAttributeTypeMap();
    const props = map ? new Map(map.map((a) => [a.baseName, a.type])) : null;
    cache.set(name, props);
    return props;
  };
}

/** `Array<V1Container>` → { shape: '[]', name }, `{ [key: string]: V1Foo; }` → '{}', scalars → null. */
function parseClientType(t) {
  let shape = '';
  let m;
  if ((m = /^Array<(.+)>$/.exec(t))) { shape = '[]'; t = m[1]; }
  else if ((m = /^\{ \[key: string\]: (.+); \}$/.exec(t))) { shape = '{}'; t = m[1]; }
  if (/^(string|number|boolean|any|object|Date|IntOrString|RuntimeRawExtension)$/.test(t) || /^(Array<|\{)/.test(t)) return null;
  return { shape, name: t };
}

/**
 * Walks every client release from the same roots at once, so a type renamed between releases
 * still lines up, and records per field the minors whose release has it.
 */
async function builtInTable(clients) {
  const minors = Object.keys(clients).map((m) => Number(m.split('.')[1])).sort((a, b) => a - b);
  const loaders = Object.fromEntries(await Promise.all(Object.entries(clients).map(async ([m, d]) => [Number(m.split('.')[1]), await clientModels(d)])));
  const newest = minors[minors.length - 1];
  const types = {};
  const present = {}; // type -> field -> Set(minor)

  async function visit(canonical, namesByMinor) {
    if (types[canonical]) return;
    types[canonical] = {};
    present[canonical] = {};
    const fields = new Map(); // field -> { ref, namesByMinor }
    for (const minor of minors) {
      const name = namesByMinor[minor];
      if (!name) continue;
      const props = await loaders[minor](name);
      if (!props) continue;
      for (const [field, t] of props) {
        (present[canonical][field] ??= new Set()).add(minor);
        const ref = parseClientType(t);
        let f = fields.get(field);
        if (!f) fields.set(field, (f = { ref: null, names: {} }));
        if (ref) {
          // the newest release decides the type; older ones only map their own names.
          if (!f.ref || minor >= f.refMinor) { f.ref = ref; f.refMinor = minor; }
          f.names[minor] = ref.name;
        }
      }
    }
    for (const [field, f] of [...fields].sort(([a], [b]) => (a < b ? -1 : 1))) {
      types[canonical][field] = f.ref ? f.ref.shape + f.ref.name : '';
    }
    for (const [, f] of fields) if (f.ref) await visit(f.ref.name, f.names);
  }

  const roots = {};
  for (const k of BUILT_IN_KINDS) {
    roots[`${k.apiVersion}/${k.kind}`] = k.clientType;
    await visit(k.clientType, Object.fromEntries(minors.map((m) => [m, k.clientType])));
  }
  // Availability per supported minor: a field counts in minor m only if the releases on both
  // sides of m have it (no release exists for some minors: 1.31, 1.35), so gaps err strict.
  const supported = SUPPORTED_MINORS.map((m) => Number(m.split('.')[1]));
  const masks = {};
  for (const [type, fields] of Object.entries(present)) {
    for (const [field, set] of Object.entries(fields)) {
      let mask = 0;
      supported.forEach((m, bit) => {
        const below = [...minors].reverse().find((x) => x <= m);
        const above = minors.find((x) => x >= m) ?? newest;
        if (below !== undefined && set.has(below) && set.has(above)) mask |= 1 << bit;
      });
      if (mask !== (1 << supported.length) - 1) (masks[type] ??= {})[field] = mask;
    }
  }
  return { roots, types, masks, supported, sources: CLIENT_NODE_BY_MINOR };
}

// ---------------------------------------------------------------- CRDs from .d.ts
function crdTable(tools) {
  const req = createRequire(path.join(tools, 'package.json'));
  const ts = req('typescript');
  const files = CRD_KINDS.filter((k) => k.dts).map((k) => path.join(tools, 'node_modules', `${k.dts}.d.ts`));
  const program = ts.createProgram(files, { strict: false, noEmit: true, skipLibCheck: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext });
  const checker = program.getTypeChecker();
  const types = {};
  const roots = {};

  function typeKey(type) {
    const decl = type.symbol?.declarations?.[0];
    const file = decl?.getSourceFile().fileName ?? '';
    // `…/node_modules/@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute.d.ts` → `gateway.networking.k8s.io.v1.HTTPRoute`
    const rel = file.replace(/^.*node_modules\/(?:@[^/]+\/)?[^/]+\//, '').replace(/\.d\.ts$/, '');
    return rel.replace(/\//g, '.');
  }
  function classify(type) {
    if (checker.isArrayType(type)) {
      const el = classify(checker.getTypeArguments(type)[0]);
      return el && !el.startsWith('[') && !el.startsWith('{') ? '[]' + el : '';
    }
    if (!(type.flags & ts.TypeFlags.Object) || type.isUnion()) return '';
    const decl = type.symbol?.declarations?.[0];
    if (decl && /ObjectMeta\.d\.ts$/.test(decl.getSourceFile().fileName)) return 'V1ObjectMeta';
    const props = checker.getPropertiesOfType(type);
    const index = checker.getIndexInfosOfType(type)[0];
    if (props.length === 0 && index) {
      const v = classify(index.type);
      return v && !v.startsWith('[') && !v.startsWith('{') ? '{}' + v : '';
    }
    if (props.length === 0) return ''; // `object`, `{}`: free-form
    const key = typeKey(type);
    if (!types[key]) {
      types[key] = {};
      for (const p of [...props].sort((a, b) => (a.name < b.name ? -1 : 1))) {
        types[key][p.name] = ''; // placeholder breaks recursion
        types[key][p.name] = classify(checker.getTypeOfSymbolAtLocation(p, p.declarations[0]));
      }
    }
    return key;
  }
  for (const k of CRD_KINDS) {
    if (!k.dts) {
      Object.assign(types, k.table);
      roots[`${k.apiVersion}/${k.kind}`] = k.tableRoot;
      continue;
    }
    const sf = program.getSourceFile(files[CRD_KINDS.filter((c) => c.dts).indexOf(k)]);
    const iface = sf.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === `I${k.kind}`);
    roots[`${k.apiVersion}/${k.kind}`] = classify(checker.getTypeAtLocation(iface.name));
  }
  return { roots, types };
}

// ---------------------------------------------------------------- schema validators bundle
async function schemaBundle(tools) {
  const req = createRequire(path.join(tools, 'package.json'));
  const esbuild = req('esbuild');
  const Ajv = req('ajv').default;
  const standalone = req('ajv/dist/standalone').default;
  // kubernetes-models' export maps only have an `import` condition: address files directly.
  const file = (spec) => path.join(tools, 'node_modules', spec);
  const lines = [];
  const gen = path.join(work, 'entry');
  fs.mkdirSync(gen, { recursive: true });
  for (const k of [...BUILT_IN_KINDS, ...CRD_KINDS]) {
    const id = `${k.apiVersion}/${k.kind}`;
    if (k.schema) {
      // A hand-written CRD schema compiled the same way kubernetes-models compiles theirs.
      const ajv = new Ajv({ allErrors: true, strict: true, code: { source: true, esm: true } });
      const out = path.join(gen, `${k.kind}.mjs`);
      fs.writeFileSync(out, standalone(ajv, ajv.compile(k.schema)));
      lines.push(`import v${lines.length} from ${JSON.stringify(out)};`);
    } else {
      lines.push(`import { validate as v${lines.length} } from ${JSON.stringify(file(`${k.kmSchema}.js`))};`);
    }
    lines[lines.length - 1] += ` // ${id}`;
  }
  const ids = [...BUILT_IN_KINDS, ...CRD_KINDS].map((k) => `${k.apiVersion}/${k.kind}`);
  lines.push(`import { validate as objectMeta } from ${JSON.stringify(file('@kubernetes-models/apimachinery/_schemas/IoK8sApimachineryPkgApisMetaV1ObjectMeta.js'))};`);
  lines.push(`export const validators = {\n${ids.map((id, i) => `  ${JSON.stringify(id)}: v${i},`).join('\n')}\n};`);
  lines.push('export { objectMeta };');
  const entry = path.join(gen, 'entry.mjs');
  fs.writeFileSync(entry, lines.join('\n') + '\n');
  const shim = path.join(here, 'km-validate-formats.mjs');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    write: false,
    nodePaths: [path.join(tools, 'node_modules')],
    mainFields: ['module', 'main'],
    plugins: [{
      // kubernetes-models' format table pulls in every ajv-formats format plus is-cidr and RE2;
      // these validators use six formats, provided by a shim with the same definitions.
      name: 'km-validate-shim',
      setup(b) {
        b.onResolve({ filter: /^@kubernetes-models\/validate$/ }, () => ({ path: shim }));
        b.onResolve({ filter: /^ajv-formats\/dist\/formats\.js$/ }, () => ({ path: file('ajv-formats/dist/formats.js') }));
      },
    }],
  });
  const v = (n) => JSON.parse(fs.readFileSync(file(`${n}/package.json`), 'utf8')).version;
  const banner = `// GENERATED by tooling/schemas/generate-validators.mjs. Do not edit.
// Precompiled ajv validators from kubernetes-models ${v('kubernetes-models')}, @kubernetes-models/apimachinery ${v('@kubernetes-models/apimachinery')},
// @kubernetes-models/gateway-api ${v('@kubernetes-models/gateway-api')}, @kubernetes-models/external-secrets ${v('@kubernetes-models/external-secrets')}
// (MIT, Copyright (c) Tommy Chen), and ajv ${v('ajv')} runtime helpers (MIT, Copyright (c) Evgeny Poberezkin).
`;
  return banner + result.outputFiles[0].text;
}

// ---------------------------------------------------------------- main
const { tools, clients } = prepare();
const builtIn = await builtInTable(clients);
const crds = crdTable(tools);
// Fields behind a feature gate exist in the OpenAPI before the gate is on by default; count
// them from that minor (the API server drops fields of disabled gates).
for (const [field, { since }] of Object.entries(FEATURE_GATES)) {
  const [type, name] = field.split('.');
  if (!builtIn.types[type] || !(name in builtIn.types[type])) throw new Error(`feature gate overlay: no field ${field}`);
  const from = Number(since.split('.')[1]);
  const full = (1 << builtIn.supported.length) - 1;
  const gateMask = builtIn.supported.reduce((m, minor, bit) => (minor >= from ? m | (1 << bit) : m), 0);
  const mask = (builtIn.masks[type]?.[name] ?? full) & gateMask;
  if (mask !== full) (builtIn.masks[type] ??= {})[name] = mask;
}
const table = {
  $comment: 'GENERATED by tooling/schemas/generate-validators.mjs from @kubernetes/client-node attribute maps (built-in kinds) and kubernetes-models .d.ts (CRDs). Do not edit.',
  sources: builtIn.sources,
  minors: builtIn.supported,
  roots: { ...builtIn.roots, ...crds.roots },
  types: { ...builtIn.types, ...crds.types },
  // bit i set = the field exists in minor minors[i]; fields that exist in every minor are absent.
  masks: builtIn.masks,
  featureGates: FEATURE_GATES,
};
fs.mkdirSync(outDir, { recursive: true });
fs.writeFileSync(path.join(outDir, 'field-table.json'), JSON.stringify(table) + '\n');
fs.writeFileSync(path.join(outDir, 'schema-validators.js'), await schemaBundle(tools));
fs.copyFileSync(path.join(here, 'schema-validators.d.ts'), path.join(outDir, 'schema-validators.d.ts'));
const size = (f) => `${(fs.statSync(path.join(outDir, f)).size / 1024).toFixed(0)} KB`;
console.log(`field-table.json ${size('field-table.json')} (${Object.keys(table.types).length} types), schema-validators.js ${size('schema-validators.js')}`);
