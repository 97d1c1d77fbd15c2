import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BatonError } from '@baton/core';
import { COMMON_CUSTOM_RESOURCES, startKubernetesApiServer, type KubernetesApiServer, type KubernetesApiServerOptions } from '@baton/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { readClusterFacts } from './read-cluster-facts.js';

let server: KubernetesApiServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const K3S_CLUSTER: NonNullable<KubernetesApiServerOptions['resources']> = [
  {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: 'k3s-server-0',
      labels: { 'kubernetes.io/arch': 'amd64', 'node-role.kubernetes.io/control-plane': 'true' },
      annotations: { 'flannel.alpha.coreos.com/backend-type': 'vxlan', 'k3s.io/node-args': '["server"]', 'node.alpha.kubernetes.io/ttl': '0' },
    },
    spec: { podCIDR: '10.42.0.0/24', podCIDRs: ['10.42.0.0/24', 'fd00:42::/64'], providerID: 'k3s://k3s-server-0' },
    status: { nodeInfo: { kubeletVersion: 'v1.34.2+k3s1', osImage: 'Ubuntu 24.04', containerRuntimeVersion: 'containerd://2.0.5-k3s1', architecture: 'amd64' } },
  },
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-system' } },
  {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'aws-node', namespace: 'kube-system', labels: { 'k8s-app': 'aws-node' } },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'aws-node' } },
      template: {
        metadata: { labels: { 'k8s-app': 'aws-node' } },
        spec: {
          containers: [
            {
              name: 'aws-node',
              image: '602401143452.dkr.ecr.us-west-2.amazonaws.com/amazon-k8s-cni:v1.19.0',
              env: [
                { name: 'ENABLE_IPv6', value: 'false' },
                { name: 'ENABLE_POD_ENI', value: 'true' },
                { name: 'PROXY_PASSWORD', value: 'hunter2' },
              ],
            },
            { name: 'aws-eks-nodeagent', image: 'amazon/aws-network-policy-agent:v1.1.0', args: ['--enable-network-policy=false', '--metrics-bind-addr=:8162'] },
          ],
        },
      },
    },
    status: { desiredNumberScheduled: 3, numberReady: 3 },
  },
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'cilium-config', namespace: 'kube-system' },
    data: { 'enable-ipv6': 'true', 'kube-proxy-replacement': 'true', 'cluster-name': 'prod-eu', 'custom-secret-ish': 'x' },
  },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-settings', namespace: 'kube-system' }, data: { password: 'not-for-baton' } },
  {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'local-path', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  },
  {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'ebs-gp3' },
    provisioner: 'ebs.csi.aws.com',
    allowVolumeExpansion: true,
    parameters: { type: 'gp3' },
  },
  { apiVersion: 'storage.k8s.io/v1', kind: 'CSIDriver', metadata: { name: 'ebs.csi.aws.com' }, spec: { attachRequired: true, fsGroupPolicy: 'File', volumeLifecycleModes: ['Persistent'] } },
  {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'CSINode',
    metadata: { name: 'k3s-server-0' },
    spec: { drivers: [{ name: 'ebs.csi.aws.com', nodeID: 'i-0abc', topologyKeys: ['topology.ebs.csi.aws.com/zone'], allocatable: { count: 25 } }] },
  },
  {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: 'traefik', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
    spec: { controller: 'traefik.io/ingress-controller' },
  },
  { apiVersion: 'snapshot.storage.k8s.io/v1', kind: 'VolumeSnapshotClass', metadata: { name: 'ebs-snap' }, driver: 'ebs.csi.aws.com', deletionPolicy: 'Delete' },
  { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'traefik' }, spec: { controllerName: 'traefik.io/gateway-controller' } },
];

const CRDS = [COMMON_CUSTOM_RESOURCES.volumeSnapshotClass, COMMON_CUSTOM_RESOURCES.gatewayClass];

describe('readClusterFacts', () => {
  it('reads version, discovery, nodes, DaemonSets, CNI ConfigMaps and storage/ingress classes into a snapshot', async () => {
    server = await startKubernetesApiServer({ version: 'v1.34.2+k3s1', resources: K3S_CLUSTER, customResources: CRDS });
    const snapshot = await readClusterFacts({ kubeconfig: server.kubeconfigPath });

    expect(snapshot.snapshotVersion).toBe('baton.dev/cluster-snapshot/v1');
    expect(snapshot.context).toBe('baton-fake');
    expect(snapshot.version).toEqual({ major: '1', minor: '34', gitVersion: 'v1.34.2+k3s1', platform: 'linux/amd64' });
    const appsV1 = snapshot.apis.find((gv) => gv.groupVersion === 'apps/v1');
    expect(appsV1?.resources).toContainEqual({ name: 'deployments', kind: 'Deployment', namespaced: true });
    expect(appsV1?.resources.some((r) => r.name.includes('/'))).toBe(false);
    expect(snapshot.apis.map((gv) => gv.groupVersion)).toContain('snapshot.storage.k8s.io/v1');

    expect(snapshot.nodes).toEqual([
      {
        name: 'k3s-server-0',
        labels: { 'kubernetes.io/arch': 'amd64', 'node-role.kubernetes.io/control-plane': 'true' },
        annotations: { 'flannel.alpha.coreos.com/backend-type': 'vxlan' },
        providerID: 'k3s://k3s-server-0',
        podCIDRs: ['10.42.0.0/24', 'fd00:42::/64'],
        kubeletVersion: 'v1.34.2+k3s1',
        osImage: 'Ubuntu 24.04',
        containerRuntimeVersion: 'containerd://2.0.5-k3s1',
        architecture: 'amd64',
      },
    ]);
    const awsNode = snapshot.daemonSets.find((ds) => ds.name === 'aws-node')!;
    expect(awsNode.containers[0]!.env).toEqual({ ENABLE_IPv6: 'false', ENABLE_POD_ENI: 'true' });
    expect(awsNode.containers[1]!.args).toEqual(['--enable-network-policy=false']);
    expect(awsNode.desiredNumberScheduled).toBe(3);
    expect(JSON.stringify(snapshot)).not.toContain('hunter2');

    expect(snapshot.configMaps).toEqual([
      { namespace: 'kube-system', name: 'app-settings', data: {} },
      { namespace: 'kube-system', name: 'cilium-config', data: { 'enable-ipv6': 'true', 'kube-proxy-replacement': 'true' } },
    ]);
    expect(snapshot.storageClasses.map((sc) => [sc.name, sc.isDefault, sc.allowVolumeExpansion])).toEqual([
      ['ebs-gp3', false, true],
      ['local-path', true, false],
    ]);
    expect(snapshot.csiDrivers).toEqual([{ name: 'ebs.csi.aws.com', attachRequired: true, fsGroupPolicy: 'File', volumeLifecycleModes: ['Persistent'], labels: {} }]);
    expect(snapshot.csiNodes[0]!.drivers).toEqual([{ name: 'ebs.csi.aws.com', nodeID: 'i-0abc', topologyKeys: ['topology.ebs.csi.aws.com/zone'], allocatableCount: 25 }]);
    expect(snapshot.volumeSnapshotClasses).toEqual([{ name: 'ebs-snap', driver: 'ebs.csi.aws.com', deletionPolicy: 'Delete', isDefault: false }]);
    expect(snapshot.ingressClasses).toEqual([{ name: 'traefik', controller: 'traefik.io/ingress-controller', isDefault: true }]);
    expect(snapshot.gatewayClasses).toEqual([{ name: 'traefik', controllerName: 'traefik.io/gateway-controller' }]);
    expect(snapshot.forbidden).toEqual([]);
  });

  it('is deterministic and reads nothing but GETs', async () => {
    server = await startKubernetesApiServer({ resources: K3S_CLUSTER, customResources: CRDS });
    const first = await readClusterFacts({ kubeconfig: server.kubeconfigPath });
    const second = await readClusterFacts({ kubeconfig: server.kubeconfigPath });
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(server.requests.every((r) => r.method === 'GET')).toBe(true);
  });

  it('leaves CRD-backed lists empty without requesting them when their group is not served', async () => {
    server = await startKubernetesApiServer({ resources: K3S_CLUSTER.filter((r) => !String(r.apiVersion).includes('snapshot') && !String(r.apiVersion).includes('gateway')) });
    const snapshot = await readClusterFacts({ kubeconfig: server.kubeconfigPath });
    expect(snapshot.volumeSnapshotClasses).toEqual([]);
    expect(snapshot.gatewayClasses).toEqual([]);
    expect(server.requests.some((r) => r.path.includes('volumesnapshotclasses'))).toBe(false);
  });

  it('records lists RBAC refuses as forbidden instead of failing', async () => {
    server = await startKubernetesApiServer({ resources: K3S_CLUSTER, customResources: CRDS, forbid: [{ verb: 'list', resource: 'nodes' }, { verb: 'list', resource: 'configmaps' }] });
    const snapshot = await readClusterFacts({ kubeconfig: server.kubeconfigPath });
    expect(snapshot.forbidden).toEqual(['configmaps', 'nodes']);
    expect(snapshot.nodes).toEqual([]);
    expect(snapshot.daemonSets.length).toBe(1);
  });

  it('fails with BATON3001 when the API server does not answer', async () => {
    server = await startKubernetesApiServer();
    const kubeconfig = server.kubeconfigPath;
    const dir = await mkdtemp(path.join(os.tmpdir(), 'baton-closed-'));
    const copy = path.join(dir, 'kubeconfig.yaml');
    await writeFile(copy, await readFile(kubeconfig, 'utf8'));
    await server.close();
    server = undefined;
    const error = await readClusterFacts({ kubeconfig: copy }).catch((e: unknown) => e);
    await rm(dir, { recursive: true, force: true });
    expect(BatonError.isInstance(error) && error.code).toBe('BATON3001');
    expect((error as BatonError).message).toContain('ECONNREFUSED');
  });

  it('fails with BATON3001 when the API server rejects the credentials', async () => {
    server = await startKubernetesApiServer();
    const wrong = path.join(path.dirname(server.kubeconfigPath), 'wrong-token.yaml');
    await writeFile(wrong, (await readFile(server.kubeconfigPath, 'utf8')).replace(server.token, 'expired-token'));
    const error = await readClusterFacts({ kubeconfig: wrong }).catch((e: unknown) => e);
    expect(BatonError.isInstance(error) && error.code).toBe('BATON3001');
    expect(String((error as BatonError).message)).toContain('401');
  });

  it('fails with BATON3003 for a missing kubeconfig file or an unknown context', async () => {
    server = await startKubernetesApiServer();
    const missing = await readClusterFacts({ kubeconfig: '/nonexistent/kubeconfig' }).catch((e: unknown) => e);
    expect(BatonError.isInstance(missing) && missing.code).toBe('BATON3003');
    const context = await readClusterFacts({ kubeconfig: server.kubeconfigPath, context: 'prod-eu' }).catch((e: unknown) => e);
    expect(BatonError.isInstance(context) && context.code).toBe('BATON3003');
    expect(server.requests).toEqual([]);
  });
});
