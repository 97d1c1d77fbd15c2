import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { namespaceMapOf, parseNamespaceMap, readNamespaceMap } from './namespace-map.js';
import { placeInNamespace } from './namespaces.js';
import { resolveOptions } from './options.js';

describe('options of Writer II', () => {
  it('has the documented defaults', () => {
    const { options, problems } = resolveOptions({});
    expect(problems).toEqual([]);
    expect(options).toMatchObject({ serviceType: 'ClusterIP', ingress: 'ingress', ingressClassMapping: {}, layout: 'files', chartName: 'baton-migration', clusterDomain: 'cluster.local' });
    expect(options.gateway).toBeUndefined();
  });

  it('reports every problem with its path', () => {
    const { problems } = resolveOptions({
      serviceType: 'External',
      ingress: 'gateway',
      ingressClassMapping: { internal: 'Not A Class' },
      layout: 'terraform',
      chartName: 'My Chart',
      clusterDomain: 'bad domain',
      namespaces: 'map',
      namespaceMap: { 'prod': 'prod', '/staging': 'Staging' },
    });
    expect(problems).toEqual([
      'namespaceMap.prod: expected an absolute group path such as "/prod/payments" (or "/")',
      'namespaceMap./staging: expected a namespace name (DNS-1123 label), got "Staging"',
      'ingressClassMapping.internal: expected an IngressClass name (DNS-1123 subdomain), got "Not A Class"',
      'gateway: required with ingress: "gateway" ({ name, namespace?, sectionName? } of the Gateway the HTTPRoutes attach to)',
      'chartName: expected a chart name (lower-case letters, digits and -, at most 63 characters)',
      'clusterDomain: expected a DNS domain such as "cluster.local"',
      'serviceType: expected one of "ClusterIP", "NodePort", "LoadBalancer", "headless"',
      'layout: expected one of "files", "kustomize", "helm"',
    ]);
  });

  it('checks the gateway field by field', () => {
    expect(resolveOptions({ gateway: { name: 'Edge', namespace: 'Gateway_System', port: 443 } }).problems).toEqual([
      'gateway.name: expected a Gateway name (DNS-1123 subdomain)',
      'gateway.namespace: expected a namespace name (DNS-1123 label)',
      'gateway.port: unknown field',
    ]);
    expect(resolveOptions({ ingress: 'gateway', gateway: { name: 'edge', namespace: 'gw', sectionName: 'https' } }).options.gateway).toEqual({ name: 'edge', namespace: 'gw', sectionName: 'https' });
  });

  it('asks callers to read map files themselves', () => {
    expect(resolveOptions({ namespaces: 'map:ns.yaml' }).problems).toEqual([
      'namespaces: "map:ns.yaml" names a file; read it with readNamespaceMap() and pass namespaces: "map" with namespaceMap',
    ]);
    expect(resolveOptions({ namespaces: 'map' }).problems).toEqual(['namespaceMap: required with namespaces: "map" (group prefix → namespace)']);
  });

  it('places ids by the longest namespaceMap prefix, segment by segment', () => {
    const { options } = resolveOptions({ namespaces: 'map', namespaceMap: { '/': 'misc', '/prod': 'prod', '/prod/payments/': 'payments' } });
    expect(placeInNamespace('/prod/payments/api', options)).toEqual({ namespace: { name: 'payments', adjustments: [] }, group: '/prod/payments', nameSegments: ['api'], via: 'map' });
    expect(placeInNamespace('/prod/payments-v2/api', options)).toMatchObject({ namespace: { name: 'prod' }, nameSegments: ['payments-v2', 'api'] });
    expect(placeInNamespace('/tool', options)).toMatchObject({ namespace: { name: 'misc' }, group: '/', nameSegments: ['tool'], via: 'map' });
    const noCatchAll = resolveOptions({ namespaces: 'map', namespaceMap: { '/prod': 'prod' }, namespace: 'rest' }).options;
    expect(placeInNamespace('/staging/web', noCatchAll)).toMatchObject({ namespace: { name: 'rest' }, via: 'unmapped', nameSegments: ['staging', 'web'] });
  });
});

describe('namespace map files', () => {
  it('reads YAML and JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-nsmap-'));
    writeFileSync(join(dir, 'map.yaml'), '/prod/payments: payments\n/prod: prod\n');
    writeFileSync(join(dir, 'map.json'), '{"/": "misc"}');
    expect(await readNamespaceMap(join(dir, 'map.yaml'))).toEqual({ '/prod/payments': 'payments', '/prod': 'prod' });
    expect(await readNamespaceMap(join(dir, 'map.json'))).toEqual({ '/': 'misc' });
  });

  it('rejects what is not a mapping of strings', async () => {
    await expect(parseNamespaceMap('- /prod', 'ns.yaml')).rejects.toThrow('ns.yaml: expected a mapping of group prefix → namespace');
    await expect(parseNamespaceMap('/prod: 3', 'ns.yaml')).rejects.toThrow('ns.yaml: the namespace of "/prod" must be a string');
    await expect(parseNamespaceMap('a: [', 'ns.yaml')).rejects.toThrow(/ns\.yaml: not valid YAML or JSON/);
    expect(() => namespaceMapOf(['/prod'], 'ns.json')).toThrow(TypeError);
    expect(namespaceMapOf({ '/': 'misc' })).toEqual({ '/': 'misc' });
  });

  it('loads yaml only when a map is read (every plan imports the module)', () => {
    const source = readFileSync(new URL('./namespace-map.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/^import[^;]*from 'yaml'/m);
  });
});
