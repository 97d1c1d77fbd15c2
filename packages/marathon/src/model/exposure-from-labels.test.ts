import type { Port } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { exposureFromLabels } from './exposure-from-labels.js';

const port = (index: number, labels: Record<string, string> = {}): Port => ({ index, containerPort: 80 + index, protocols: ['tcp'], labels, pointer: `/portDefinitions/${index}` });

describe('exposureFromLabels', () => {
  it('reads marathon-lb virtual hosts, paths, TLS and redirects per service port', () => {
    const exposure = exposureFromLabels(
      {
        HAPROXY_GROUP: 'external',
        HAPROXY_0_VHOST: 'a.example.com, b.example.com',
        HAPROXY_0_PATH: '-i /api /v2',
        HAPROXY_0_SSL_CERT: '/etc/ssl/cert.pem',
        HAPROXY_0_REDIRECT_TO_HTTPS: 'true',
        HAPROXY_0_BALANCE: 'leastconn',
        HAPROXY_1_PORT: '10500',
        HAPROXY_2_ENABLED: 'false',
        HAPROXY_DEPLOYMENT_COLOUR: 'blue',
      },
      '/labels',
      [port(0), port(1), port(2)],
    );
    expect(exposure).toEqual([
      {
        kind: 'vhost',
        portIndex: 0,
        hosts: ['a.example.com', 'b.example.com'],
        paths: ['/api', '/v2'],
        group: 'external',
        tls: true,
        redirectToHttps: true,
        options: { DEPLOYMENT_COLOUR: 'blue', BALANCE: 'leastconn' },
        pointer: '/labels/HAPROXY_0_VHOST',
      },
      { kind: 'tcp-lb', portIndex: 1, group: 'external', options: { DEPLOYMENT_COLOUR: 'blue', PORT: '10500' }, pointer: '/labels/HAPROXY_1_PORT' },
    ]);
  });

  it('exposes only labelled ports when the app names no marathon-lb group', () => {
    expect(exposureFromLabels({ HAPROXY_1_MODE: 'http' }, '/labels', [port(0), port(1)]).map((item) => [item.kind, item.portIndex])).toEqual([['vhost', 1]]);
    expect(exposureFromLabels({}, '/labels', [port(0)])).toEqual([]);
  });

  it('reads DC/OS VIP port labels and Admin Router service labels', () => {
    const exposure = exposureFromLabels({ DCOS_SERVICE_NAME: 'grafana', DCOS_SERVICE_PORT_INDEX: '1', DCOS_SERVICE_SCHEME: 'http' }, '/spec/labels', [port(0, { VIP_0: '/grafana:3000', VIP_1: '10.0.0.9:80' }), port(1)]);
    expect(exposure).toEqual([
      { kind: 'vip', portIndex: 0, vip: '/grafana:3000', options: {}, pointer: '/portDefinitions/0/labels/VIP_0' },
      { kind: 'vip', portIndex: 0, vip: '10.0.0.9:80', options: {}, pointer: '/portDefinitions/0/labels/VIP_1' },
      { kind: 'admin-router', portIndex: 1, paths: ['/service/grafana'], options: { PORT_INDEX: '1', SCHEME: 'http' }, pointer: '/spec/labels/DCOS_SERVICE_NAME' },
    ]);
  });
});
