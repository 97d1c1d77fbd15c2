import { GENERIC_TARGET, type Exposure, type TargetProfile } from '@baton/core';
import { describe, expect, it } from 'vitest';
import { findingKeys, runWriter, type WorkloadInput } from './__fixtures__/builders.js';
import { controllerOf } from './map-exposure.js';
import { validateObjects } from './validation/index.js';

const http = { index: 0, name: 'http', containerPort: 8080, servicePort: 10080, protocols: ['tcp' as const], labels: {}, pointer: '/container/portMappings/0' };
const vhost = (hosts: string[], extra: Partial<Exposure> = {}): Exposure => ({ kind: 'vhost', portIndex: 0, hosts, group: 'external', options: {}, pointer: '/labels/HAPROXY_0_VHOST', ...extra });
const app = (exposure: Exposure[], labels: Record<string, string> = {}, extra: WorkloadInput = {}): WorkloadInput => ({
  id: '/prod/web',
  labels: { HAPROXY_GROUP: 'external', HAPROXY_0_VHOST: 'x', ...labels },
  exposure,
  containers: [{ ports: [http] }],
  ...extra,
});
const nginx: TargetProfile = { ...GENERIC_TARGET, ingress: { classes: ['nginx'], defaultClass: 'nginx', gatewayClasses: [] } };

describe('marathon-lb and Admin Router exposures', () => {
  it('recognises ingress controllers by class name', () => {
    expect(controllerOf('nginx')).toBe('ingress-nginx');
    expect(controllerOf('nginx-internal')).toBe('ingress-nginx');
    expect(controllerOf('traefik')).toBe('traefik');
    expect(controllerOf('haproxy')).toBe('other');
    expect(controllerOf(undefined)).toBe('other');
  });

  it('writes no Ingress with ingress: none, and says the port is only reachable through its Service', async () => {
    const run = await runWriter([app([vhost(['a.example.com'])])], { ingress: 'none' });
    expect(run.objectsOf('/prod/web').map((object) => object.kind)).toEqual(['Service', 'Deployment']);
    expect(run.findings.map((finding) => [finding.rule, finding.messageId, finding.disposition])).toEqual([['kubernetes/exposure-not-mapped', 'disabled', 'unsupported']]);
  });

  it('exposes TCP ports on a NodePort Service when the target has no load balancers', async () => {
    const tcp: Exposure = { kind: 'tcp-lb', portIndex: 0, group: 'external', options: { PORT: '5432' }, pointer: '/labels/HAPROXY_0_PORT' };
    const run = await runWriter([app([tcp], { HAPROXY_0_PORT: '5432' })], {}, { ...GENERIC_TARGET, loadBalancer: 'no' });
    const lb = run.objectsOf('/prod/web').find((object) => object.metadata.name === 'web-lb') as any;
    expect(lb.spec).toEqual({ type: 'NodePort', selector: { 'app.kubernetes.io/name': 'web' }, ports: [{ name: 'http', port: 5432, targetPort: 'http', protocol: 'TCP' }] });
    expect(findingKeys(run.findings)).toEqual(['kubernetes/tcp-load-balancer#nodePort@/labels/HAPROXY_0_PORT']);
  });

  it('takes the Service type from the option, and a workload hint over it', async () => {
    const run = await runWriter(
      [
        { id: '/a', containers: [{ ports: [http] }] },
        { id: '/b', hints: { serviceType: 'ClusterIP' }, containers: [{ ports: [http] }] },
        { id: '/c', hints: { serviceType: 'headless' }, containers: [{ ports: [http] }] },
      ],
      { serviceType: 'LoadBalancer' },
    );
    expect(run.find('/a', 'Service').spec.type).toBe('LoadBalancer');
    expect(run.find('/b', 'Service').spec.type).toBe('ClusterIP');
    expect(run.find('/c', 'Service').spec).toMatchObject({ type: 'ClusterIP', clusterIP: 'None' });
  });

  it('requires a Gateway with ingress: gateway, and falls back to Ingresses when the target does not serve HTTPRoute', async () => {
    await expect(runWriter([app([vhost(['a.example.com'])])], { ingress: 'gateway' })).rejects.toThrow(/BATON4001.*gateway: required/);
    const target = { ...GENERIC_TARGET, servedApis: ['apps/v1/Deployment', 'v1/Service', 'networking.k8s.io/v1/Ingress'] };
    const run = await runWriter([app([vhost(['a.example.com'])])], { ingress: 'gateway', gateway: { name: 'public' } }, target);
    expect(run.objectsOf('/prod/web').map((object) => object.kind)).toEqual(['Service', 'Deployment', 'Ingress']);
    expect(findingKeys(run.findings, '*')).toEqual(['kubernetes/api-not-served#httpRoute@']);
  });

  it('splits more than 16 virtual hosts over several HTTPRoutes in the route\'s namespace-local Gateway', async () => {
    const hosts = Array.from({ length: 20 }, (_, i) => `h${i}.example.com`);
    const run = await runWriter([app([vhost(hosts)])], { ingress: 'gateway', gateway: { name: 'edge' } });
    const routes = run.objectsOf('/prod/web').filter((object) => object.kind === 'HTTPRoute') as any[];
    expect(routes.map((route) => [route.metadata.name, route.spec.hostnames.length])).toEqual([
      ['web', 16],
      ['web-2', 4],
    ]);
    expect(routes[0].spec.parentRefs).toEqual([{ name: 'edge' }]);
    expect(validateObjects(routes, { kubernetesVersion: '1.34' })).toEqual([]);
  });

  it('never copies the basic-auth password hash into any file', async () => {
    const hash = '$apr1$abc$SECRETHASH';
    const auth: Exposure = vhost(['a.example.com'], { options: { AUTH: `realm:user:${hash}` } });
    const run = await runWriter([app([auth], { HAPROXY_0_AUTH: `realm:user:${hash}` })], {}, nginx);
    for (const file of run.result.files) expect(file.content, file.path).not.toContain('SECRETHASH');
    expect(JSON.stringify(run.result.workloads)).not.toContain('SECRETHASH');
    const secrets = run.result.files.find((file) => file.path === 'secrets.md')!.content;
    expect(secrets).toContain(`kubectl -n prod patch secret web-basic-auth --type merge -p '{"stringData":{"auth":"<value of label_HAPROXY_0_AUTH>"}}'`);
    expect(findingKeys(run.findings)).toEqual(['kubernetes/secret-value-required#basicAuth@/labels/HAPROXY_0_AUTH']);
  });

  it('lists TLS certificates in secrets.md with the command that creates them', async () => {
    const tls = vhost(['a.example.com'], { tls: true });
    const run = await runWriter([app([tls], { HAPROXY_0_SSL_CERT: '/etc/ssl/a.pem' })], {}, nginx);
    const secrets = run.result.files.find((file) => file.path === 'secrets.md')!.content;
    expect(secrets).toContain('kubectl -n prod create secret tls web-tls --cert=<certificate from /etc/ssl/a.pem> --key=<key from /etc/ssl/a.pem>');
    expect(run.find('/prod/web', 'Ingress').spec.tls).toEqual([{ hosts: ['a.example.com'], secretName: 'web-tls' }]);
  });

  it('reports an exposure on a port the workload does not have', async () => {
    const run = await runWriter([app([vhost(['a.example.com'], { portIndex: 3 })])]);
    expect(findingKeys(run.findings)).toEqual(['kubernetes/exposure-not-mapped#noPort@/labels/HAPROXY_0_VHOST']);
    expect(run.objectsOf('/prod/web').some((object) => object.kind === 'Ingress')).toBe(false);
  });

  it('gives each Ingress of a workload its own name and reports settings once per label', async () => {
    const admin = { ...http, index: 1, name: 'admin', containerPort: 9090, servicePort: 10081, pointer: '/container/portMappings/1' };
    const run = await runWriter(
      [
        app(
          [
            vhost(['a.example.com'], { options: { DEPLOYMENT_GROUP: 'web' } }),
            { kind: 'vhost', portIndex: 1, hosts: ['admin.example.com'], group: 'external', options: { DEPLOYMENT_GROUP: 'web' }, pointer: '/labels/HAPROXY_1_VHOST' },
          ],
          { HAPROXY_DEPLOYMENT_GROUP: 'web', HAPROXY_1_VHOST: 'admin.example.com' },
          { containers: [{ ports: [http, admin] }] },
        ),
      ],
      {},
      nginx,
    );
    expect(run.objectsOf('/prod/web').filter((object) => object.kind === 'Ingress').map((object) => object.metadata.name)).toEqual(['web-http', 'web-admin']);
    expect(findingKeys(run.findings)).toEqual(['kubernetes/ingress-approximated#blueGreen@/labels/HAPROXY_DEPLOYMENT_GROUP']);
  });
});
