import { afterEach, describe, expect, it } from 'vitest';
import { COMMON_CUSTOM_RESOURCES } from './resource-types.js';
import { startKubernetesApiServer, type KubernetesApiServer, type KubernetesApiServerOptions } from './start-kubernetes-api-server.js';

type Obj = Record<string, any>;

let server: KubernetesApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: KubernetesApiServerOptions = {}): Promise<KubernetesApiServer> {
  server = await startKubernetesApiServer(options);
  return server;
}

/** A raw request with the kubeconfig's token, for what the typed client hides (status codes, headers). */
async function call(s: KubernetesApiServer, method: string, path: string, body?: unknown, query = ''): Promise<{ status: number; body: Obj; headers: Headers }> {
  const response = await fetch(`${s.url}${path}${query}`, {
    method,
    headers: {
      authorization: `Bearer ${s.token}`,
      ...(body !== undefined ? { 'content-type': 'application/apply-patch+yaml' } : {}),
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  return { status: response.status, body: (await response.json()) as Obj, headers: response.headers };
}

const apply = (s: KubernetesApiServer, path: string, body: unknown, query = '?fieldManager=baton&fieldValidation=Strict') => call(s, 'PATCH', path, body, query);

const namespace = (name: string, labels: Record<string, string> = {}) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } });

function deployment(name: string, extra: { replicas?: number; container?: Obj; podSpec?: Obj; labels?: Record<string, string> } = {}): Obj {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'prod', ...(extra.labels ? { labels: extra.labels } : {}) },
    spec: {
      replicas: extra.replicas ?? 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27', ...extra.container }], ...extra.podSpec },
      },
    },
  };
}

const DEPLOYMENTS = '/apis/apps/v1/namespaces/prod/deployments';

describe('startKubernetesApiServer', () => {
  it('serves discovery and version to @kubernetes/client-node through the kubeconfig it writes', async () => {
    const s = await start({ version: 'v1.34.2+k3s1', customResources: [COMMON_CUSTOM_RESOURCES.externalSecret] });
    const k8s = await import('@kubernetes/client-node');
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(s.kubeconfigPath);
    expect(kc.getCurrentContext()).toBe('baton-fake');
    const version = await kc.makeApiClient(k8s.VersionApi).getCode();
    expect(version.gitVersion).toBe('v1.34.2+k3s1');
    expect(version.minor).toBe('34');
    const groups = await kc.makeApiClient(k8s.ApisApi).getAPIVersions();
    expect(groups.groups.map((g) => g.name)).toContain('external-secrets.io');
    const core = await call(s, 'GET', '/api/v1');
    expect(core.body.kind).toBe('APIResourceList');
    expect(core.body.resources.find((r: Obj) => r.name === 'namespaces')).toMatchObject({ kind: 'Namespace', namespaced: false });
    const apps = await call(s, 'GET', '/apis/apps/v1');
    expect(apps.body.resources.map((r: Obj) => r.name)).toEqual(expect.arrayContaining(['deployments', 'deployments/status', 'deployments/scale', 'statefulsets']));
  });

  it('rejects requests without the kubeconfig token with a 401 Status', async () => {
    const s = await start();
    const response = await fetch(`${s.url}/version`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Unauthorized', code: 401 });
  });

  it('creates with server-side apply (201), then answers an identical apply without a new resourceVersion or generation', async () => {
    const s = await start({ resources: [namespace('prod')] });
    const k8s = await import('@kubernetes/client-node');
    const kc = new k8s.KubeConfig();
    kc.loadFromFile(s.kubeconfigPath);
    const appsApi = kc.makeApiClient(k8s.AppsV1Api);
    const ssa = k8s.setHeaderOptions('Content-Type', k8s.PatchStrategy.ServerSideApply);
    const first = await appsApi.patchNamespacedDeploymentWithHttpInfo({ name: 'web', namespace: 'prod', body: deployment('web'), fieldManager: 'baton', fieldValidation: 'Strict' }, ssa);
    expect(first.httpStatusCode).toBe(201);
    expect(first.data.metadata?.generation).toBe(1);
    const again = await appsApi.patchNamespacedDeploymentWithHttpInfo({ name: 'web', namespace: 'prod', body: deployment('web'), fieldManager: 'baton', fieldValidation: 'Strict' }, ssa);
    expect(again.httpStatusCode).toBe(200);
    expect(again.data.metadata?.resourceVersion).toBe(first.data.metadata?.resourceVersion);
    expect(again.data.metadata?.generation).toBe(1);
    const changed = await appsApi.patchNamespacedDeployment({ name: 'web', namespace: 'prod', body: deployment('web', { replicas: 3 }), fieldManager: 'baton' }, ssa);
    expect(changed.metadata?.generation).toBe(2);
    const patch = s.requests.find((r) => r.method === 'PATCH')!;
    expect(patch.contentType).toBe('application/apply-patch+yaml');
    expect(patch.query).toMatchObject({ fieldManager: 'baton', fieldValidation: 'Strict' });
  });

  it('runs dry-run applies through validation without storing anything', async () => {
    const s = await start({ resources: [namespace('prod')] });
    const response = await apply(s, `${DEPLOYMENTS}/web`, deployment('web'), '?fieldManager=baton&dryRun=All');
    expect(response.status).toBe(201);
    expect(response.body.metadata.uid).toBeTruthy();
    expect(s.object('Deployment', 'web', 'prod')).toBeUndefined();
  });

  it('fails an apply with an undeclared field the way the API server does (500 from typed conversion), or 400 when configured', async () => {
    const s = await start({ resources: [namespace('prod')] });
    const body = deployment('web', { container: { futureField: true } });
    const response = await apply(s, `${DEPLOYMENTS}/web`, body);
    expect(response.status).toBe(500);
    expect(response.body).toMatchObject({ kind: 'Status', status: 'Failure', code: 500 });
    expect(response.body.reason).toBeUndefined();
    expect(response.body.message).toContain('.spec.template.spec.containers[name="web"].futureField: field not declared in schema');
    await s.close();

    const fixed = await start({ resources: [namespace('prod')], schemaErrors: 'bad-request' });
    const rejected = await apply(fixed, `${DEPLOYMENTS}/web`, body);
    expect(rejected.status).toBe(400);
    expect(rejected.body.reason).toBe('BadRequest');
  });

  it('rejects duplicate fields only under fieldValidation=Strict', async () => {
    const s = await start({ resources: [namespace('prod')] });
    const yaml = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n  namespace: prod\ndata:\n  a: "1"\n  a: "2"\n';
    const strict = await apply(s, '/api/v1/namespaces/prod/configmaps/cfg', yaml);
    expect(strict.status).toBe(400);
    expect(strict.body.reason).toBe('BadRequest');
    const lenient = await apply(s, '/api/v1/namespaces/prod/configmaps/cfg', yaml, '?fieldManager=baton&fieldValidation=Ignore');
    expect(lenient.status).toBe(201);
    expect(lenient.body.data).toEqual({ a: '2' });
  });

  it('requires a field manager for apply patches (422 on PatchOptions)', async () => {
    const s = await start({ resources: [namespace('prod')] });
    const response = await apply(s, `${DEPLOYMENTS}/web`, deployment('web'), '');
    expect(response.status).toBe(422);
    expect(response.body.details.causes[0].field).toBe('fieldManager');
  });

  it('answers invalid objects with 422 Invalid and one cause per field', async () => {
    const s = await start({ resources: [namespace('prod')] });
    const body = deployment('web');
    body.spec.template.metadata.labels = { app: 'other' };
    delete body.spec.template.spec.containers[0].image;
    const response = await apply(s, `${DEPLOYMENTS}/web`, body);
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ kind: 'Status', reason: 'Invalid', code: 422, details: { name: 'web', group: 'apps', kind: 'Deployment' } });
    expect(response.body.details.causes.map((c: Obj) => c.field).sort()).toEqual(['spec.template.metadata.labels', 'spec.template.spec.containers[0].image']);
  });

  it('reports field-manager conflicts as 409 Conflict, and lets force take the field over', async () => {
    const s = await start({ resources: [namespace('prod')] });
    expect((await apply(s, `${DEPLOYMENTS}/web`, deployment('web', { replicas: 2 }))).status).toBe(201);
    s.update('kubectl-edit', deployment('web', { replicas: 5 }));
    const conflict = await apply(s, `${DEPLOYMENTS}/web`, deployment('web', { replicas: 3 }));
    expect(conflict.status).toBe(409);
    expect(conflict.body).toMatchObject({ reason: 'Conflict', code: 409 });
    expect(conflict.body.details.causes).toEqual([{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-edit" using apps/v1', field: '.spec.replicas' }]);
    // Applying the value the other manager set is not a conflict (shared ownership).
    expect((await apply(s, `${DEPLOYMENTS}/web`, deployment('web', { replicas: 5 }))).status).toBe(200);
    s.update('kubectl-edit', deployment('web', { replicas: 6 }));
    const forced = await apply(s, `${DEPLOYMENTS}/web`, deployment('web', { replicas: 3 }), '?fieldManager=baton&force=true');
    expect(forced.status).toBe(200);
    expect(s.object('Deployment', 'web', 'prod')!.spec.replicas).toBe(3);
    const managers = s.object('Deployment', 'web', 'prod')!.metadata.managedFields.map((m: Obj) => m.manager);
    expect(managers).toContain('baton');
  });

  it('removes fields a manager stops applying', async () => {
    const s = await start({ resources: [namespace('prod')] });
    await apply(s, `${DEPLOYMENTS}/web`, deployment('web', { labels: { team: 'a', tier: 'web' } }));
    await apply(s, `${DEPLOYMENTS}/web`, deployment('web', { labels: { team: 'a' } }));
    expect(s.object('Deployment', 'web', 'prod')!.metadata.labels).toEqual({ team: 'a' });
  });

  it('enforces Pod Security on Pods (403) and only warns on pod controllers, from the namespace labels', async () => {
    const s = await start({
      resources: [namespace('prod', { 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/warn': 'baseline' })],
    });
    const hostNet = deployment('edge', { podSpec: { hostNetwork: true } });
    const controller = await apply(s, `${DEPLOYMENTS}/edge`, hostNet, '?fieldManager=baton&dryRun=All');
    expect(controller.status).toBe(201);
    expect(controller.headers.get('warning')).toContain('would violate PodSecurity \\"baseline:latest\\": host namespaces (hostNetwork=true)');
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'edge', namespace: 'prod' }, spec: hostNet.spec.template.spec };
    const rejected = await apply(s, '/api/v1/namespaces/prod/pods/edge', pod, '?fieldManager=baton&dryRun=All');
    expect(rejected.status).toBe(403);
    expect(rejected.body).toMatchObject({ kind: 'Status', reason: 'Forbidden', code: 403, details: { name: 'edge', kind: 'pods' } });
    expect(rejected.body.message).toMatch(/^pods "edge" is forbidden: violates PodSecurity "baseline:latest": host namespaces \(hostNetwork=true\)/);
  });

  it('refuses what RBAC forbids with 403 Forbidden', async () => {
    const s = await start({ resources: [namespace('prod')], forbid: [{ verb: 'list', resource: 'nodes' }, { verb: 'patch', resource: 'deployments', namespace: 'prod' }] });
    const nodes = await call(s, 'GET', '/api/v1/nodes');
    expect(nodes.status).toBe(403);
    expect(nodes.body.message).toBe('nodes is forbidden: User "baton-test" cannot list resource "nodes" in API group "" at the cluster scope');
    const patch = await apply(s, `${DEPLOYMENTS}/web`, deployment('web'));
    expect(patch.status).toBe(403);
    expect(patch.body.details).toEqual({ name: 'web', group: 'apps', kind: 'deployments' });
  });

  it('passes creates and updates through a validating webhook', async () => {
    const s = await start({
      resources: [namespace('prod')],
      admission: (attempt) => (attempt.kind === 'Deployment' && !attempt.object.metadata.labels?.team ? { deny: 'label "team" is required', webhook: 'validation.gatekeeper.sh', code: 403, reason: 'Forbidden' } : undefined),
    });
    const denied = await apply(s, `${DEPLOYMENTS}/web`, deployment('web'), '?fieldManager=baton&dryRun=All');
    expect(denied.status).toBe(403);
    expect(denied.body.message).toBe('admission webhook "validation.gatekeeper.sh" denied the request: label "team" is required');
    expect((await apply(s, `${DEPLOYMENTS}/web`, deployment('web', { labels: { team: 'pay' } }))).status).toBe(201);
  });

  it('answers 404 NotFound for missing objects and for applies into a missing namespace', async () => {
    const s = await start();
    const missing = await call(s, 'GET', `${DEPLOYMENTS}/nope`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ reason: 'NotFound', details: { name: 'nope', group: 'apps', kind: 'deployments' } });
    const noNamespace = await apply(s, `${DEPLOYMENTS}/web`, deployment('web'));
    expect(noNamespace.status).toBe(404);
    expect(noNamespace.body.message).toBe('namespaces "prod" not found');
  });

  it('lists built-in kinds without per-item kind, custom resources with it, and filters by label', async () => {
    const s = await start({
      customResources: [COMMON_CUSTOM_RESOURCES.gatewayClass],
      resources: [
        { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1', labels: { role: 'a' } } },
        { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n2', labels: { role: 'b' } } },
        { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'cilium' }, spec: { controllerName: 'io.cilium/gateway-controller' } },
      ],
    });
    const nodes = await call(s, 'GET', '/api/v1/nodes', undefined, '?labelSelector=role%3Db');
    expect(nodes.body).toMatchObject({ kind: 'NodeList', apiVersion: 'v1' });
    expect(nodes.body.items.map((n: Obj) => n.metadata.name)).toEqual(['n2']);
    expect(nodes.body.items[0].kind).toBeUndefined();
    const classes = await call(s, 'GET', '/apis/gateway.networking.k8s.io/v1/gatewayclasses');
    expect(classes.body.items[0]).toMatchObject({ kind: 'GatewayClass', apiVersion: 'gateway.networking.k8s.io/v1' });
  });

  it('keeps rollouts unavailable until a test drives them, and completes them at once in auto-ready mode', async () => {
    const s = await start({ resources: [namespace('prod')] });
    await apply(s, `${DEPLOYMENTS}/web`, deployment('web', { replicas: 2 }));
    const pending = s.object('Deployment', 'web', 'prod')!.status;
    expect(pending.availableReplicas).toBeUndefined();
    expect(pending.conditions.find((c: Obj) => c.type === 'Available').status).toBe('False');
    s.setRolloutProgress('prod', 'web', { availableReplicas: 2 });
    const done = (await call(s, 'GET', `${DEPLOYMENTS}/web`)).body.status;
    expect(done).toMatchObject({ observedGeneration: 1, availableReplicas: 2, updatedReplicas: 2 });
    expect(done.conditions.find((c: Obj) => c.type === 'Available').status).toBe('True');
    await s.close();

    const auto = await start({ resources: [namespace('prod')], autoReady: true });
    const sts = { ...deployment('db', { replicas: 3 }), kind: 'StatefulSet' };
    await apply(auto, '/apis/apps/v1/namespaces/prod/statefulsets/db', sts);
    const status = auto.object('StatefulSet', 'db', 'prod')!.status;
    expect(status.readyReplicas).toBe(3);
    expect(status.currentRevision).toBe(status.updateRevision);
  });

  it('keeps a Deployment unavailable with a FailedCreate condition when Pod Security rejects its pods', async () => {
    const s = await start({ resources: [namespace('prod', { 'pod-security.kubernetes.io/enforce': 'restricted' })], autoReady: true });
    await apply(s, `${DEPLOYMENTS}/web`, deployment('web', { container: { securityContext: { privileged: true } } }));
    const status = s.object('Deployment', 'web', 'prod')!.status;
    expect(status.availableReplicas).toBeUndefined();
    expect(status.conditions.find((c: Obj) => c.type === 'ReplicaFailure')).toMatchObject({ status: 'True', reason: 'FailedCreate' });
  });
});
