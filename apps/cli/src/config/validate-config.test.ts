import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { OVERRIDE_MATCH_KEYS, OVERRIDE_RULE_KEYS, OVERRIDE_TARGET_KEYS } from '../overrides/override-rule.js';
import { CONFIG_KEYS, IMAGES_KEYS, PLUGIN_ENTRY_KEYS } from './baton-config.js';
import { validateConfig } from './validate-config.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/baton.config.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const schemaValid = ajv.compile(schema);
const example = (name: string) => {
  const text = readFileSync(new URL(`../../schema/examples/${name}`, import.meta.url), 'utf8');
  return name.endsWith('.json') ? JSON.parse(text) : parse(text);
};

describe('validateConfig', () => {
  it.each(['baton.config.yaml', 'baton.config.json'])('accepts the example %s, as does the published JSON Schema', (name) => {
    const config = example(name);
    expect(validateConfig(config).problems).toEqual([]);
    expect(schemaValid(config), JSON.stringify(schemaValid.errors)).toBe(true);
  });

  it('names the path of every bad key, all at once', () => {
    const { problems } = validateConfig({
      storageClasMapping: {},
      plugins: ['ok', { package: 'x', options: [] }, 42],
      rules: { 'kubernetes/host-port': 'fatal', NotARule: 'off' },
      storageClassMapping: { rexray: 7 },
      namespaces: 'depth:0',
      images: { registries: { 'docker.io': 'has space' }, mirrors: {} },
      overrides: [{ match: { id: 'prod/**' }, patch: {}, jsonPatch: [] }, { match: {}, jsonPatch: [{ op: 'replace', path: 'spec' }] }],
      checkerTimeoutMs: -1,
    });
    const paths = problems.map((problem) => problem.slice(0, problem.indexOf(':')));
    expect(paths).toEqual([
      'storageClasMapping',
      'plugins[1].options',
      'plugins[2]',
      'rules["kubernetes/host-port"]',
      'rules["NotARule"]',
      'namespaces',
      'images.mirrors',
      'images.registries["docker.io"]',
      'storageClassMapping["rexray"]',
      'overrides[0].match.id',
      'overrides[0]',
      'overrides[0].jsonPatch',
      'overrides[1].match',
      'overrides[1].jsonPatch[0].path',
      'overrides[1].jsonPatch[0].value',
      'checkerTimeoutMs',
    ]);
    expect(problems[0]).toContain('did you mean "storageClassMapping"');
    expect(problems).toContain('storageClassMapping["rexray"]: expected a string, received number 7');
  });

  it('rejects what the JSON Schema rejects', () => {
    const bad = [
      { unknownKey: 1 },
      { rules: { 'csi/x': 'fatal' } },
      { namespaces: 'group' },
      { storageClassMapping: { a: 'Not_A_Class' } },
      { overrides: [{ match: { id: '/x' } }] },
      { overrides: [{ match: { id: '/x' }, jsonPatch: [{ op: 'move', path: '/a' }] }] },
      { plugins: [{ options: {} }] },
      { checkerTimeoutMs: 1.5 },
    ];
    for (const config of bad) {
      expect(validateConfig(config).problems.length, JSON.stringify(config)).toBeGreaterThan(0);
      expect(schemaValid(config), JSON.stringify(config)).toBe(false);
    }
  });

  it('accepts exactly the keys the JSON Schema declares, at every level', () => {
    const keys = (node: { properties?: object }) => Object.keys(node.properties ?? {}).sort();
    expect([...CONFIG_KEYS].sort()).toEqual(keys(schema));
    expect([...IMAGES_KEYS].sort()).toEqual(keys(schema.properties.images));
    expect([...PLUGIN_ENTRY_KEYS].sort()).toEqual(keys(schema.properties.plugins.items.oneOf[1]));
    expect([...OVERRIDE_RULE_KEYS].sort()).toEqual(keys(schema.$defs.overrideRule));
    expect([...OVERRIDE_MATCH_KEYS].sort()).toEqual(keys(schema.$defs.overrideRule.properties.match));
    expect([...OVERRIDE_TARGET_KEYS].sort()).toEqual(keys(schema.$defs.overrideRule.properties.target));
  });
});
