import { describe, expect, it } from 'vitest';
import { findingKeys, runWriter } from './__fixtures__/builders.js';
import { mesosTaskName } from './dns-rewrites.js';

const port = (servicePort: number) => ({ index: 0, name: 'http', containerPort: 8080, servicePort, protocols: ['tcp' as const], labels: {}, pointer: '/container/portMappings/0' });

describe('the service discovery rewrite', () => {
  it('names Mesos-DNS tasks by the reversed path', () => {
    expect(mesosTaskName('/prod/web/fe')).toBe('fe-web-prod');
    expect(mesosTaskName('/prod/web/fe', '.')).toBe('fe.web.prod');
    expect(mesosTaskName('/tool')).toBe('tool');
  });

  it('rewrites every occurrence in commands, arguments and env values, keeping the rest of the text', async () => {
    const lb = { kind: 'tcp-lb' as const, portIndex: 0, group: 'internal', options: {}, pointer: '/labels/HAPROXY_GROUP' };
    const { podSpec, findings, result } = await runWriter([
      { id: '/shop/catalog', exposure: [lb], containers: [{ ports: [port(10211)] }] },
      {
        id: '/shop/frontend',
        containers: [
          {
            command: { shell: 'curl -s http://CATALOG-SHOP.marathon.mesos:8080/x && curl http://marathon-lb-internal.marathon.mesos:10211/' },
            args: ['--peer=catalog-shop.marathon.autoip.dcos.thisdcos.directory', 'catalog.shop.marathon.mesos:8080'],
            env: [{ name: 'URLS', value: 'catalog-shop.marathon.mesos,catalog-shop.marathon.mesos:10211,leader.mesos:5050', pointer: '/env/URLS' }],
          },
        ],
      },
    ]);
    const container = podSpec('/shop/frontend').containers[0];
    expect(container.command).toEqual([
      '/bin/sh',
      '-c',
      'curl -s http://catalog.shop.svc.cluster.local:10211/x && curl http://catalog.shop.svc.cluster.local:10211/',
    ]);
    expect(container.args).toEqual(['--peer=catalog.shop.svc.cluster.local', 'catalog.shop.svc.cluster.local:10211']);
    expect(container.env.find((variable: { name: string }) => variable.name === 'URLS').value).toBe(
      'catalog.shop.svc.cluster.local,catalog.shop.svc.cluster.local:10211,leader.mesos:5050',
    );
    expect(findingKeys(findings, '/shop/frontend')).toEqual([
      'kubernetes/dns-rewritten#args@',
      'kubernetes/dns-rewritten#args@',
      'kubernetes/dns-rewritten#command@',
      'kubernetes/dns-rewritten#command@',
      'kubernetes/dns-rewritten#env@/env/URLS',
      'kubernetes/dns-rewritten#env@/env/URLS',
    ]);
    const table = JSON.parse(result.files.find((file) => file.path === 'dns-rewrites.json')!.content);
    expect(table.entries.filter((entry: { workload: string }) => entry.workload === '/shop/catalog').map((entry: { kind: string; old: string; new: string }) => [entry.kind, entry.old, entry.new])).toEqual([
      ['dcos-dns', 'catalog-shop.marathon.containerip.dcos.thisdcos.directory', 'catalog.shop.svc.cluster.local'],
      ['marathon-lb', 'marathon-lb.marathon.mesos:10211', 'catalog.shop.svc.cluster.local:10211'],
      ['mesos-dns', 'catalog-shop.marathon.mesos', 'catalog.shop.svc.cluster.local'],
      ['mesos-dns', 'catalog.shop.marathon.mesos', 'catalog.shop.svc.cluster.local'],
      ['mesos-dns-srv', '_catalog-shop._tcp.marathon.mesos', '_http._tcp.catalog.shop.svc.cluster.local'],
    ]);
    expect(table.rewrites).toHaveLength(6);
    expect(result.files.find((file) => file.path === 'dns-rewrites.md')!.content).toContain('| `/shop/frontend` | main | args | `catalog-shop.marathon.autoip.dcos.thisdcos.directory` | `catalog.shop.svc.cluster.local` |');
  });

  it('leaves names alone that are not Marathon service discovery names', async () => {
    const { podSpec, findings } = await runWriter([{ id: '/a', containers: [{ env: [{ name: 'X', value: 'marathon.mesos:8080 master.mesos leader.mesos', pointer: '/env/X' }] }] }]);
    expect(podSpec('/a').containers[0].env.find((variable: { name: string }) => variable.name === 'X').value).toBe('marathon.mesos:8080 master.mesos leader.mesos');
    expect(findings.filter((finding) => finding.rule.startsWith('kubernetes/dns'))).toEqual([]);
  });
});
