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
  it('reads version, discovery, nodes, DaemonSets, CNI ConfigMaps and storage/ingress classes into core\'s ClusterSnapshot', async () => {
    server = await startKubernetesApiServer({ version: 'v1.34.2+k3s1', resources: K3S_CLUSTER, customResources: CRDS });
    const snapshot = await readClusterFacts({ kubeconfig: server.kubeconfigPath });

    expect(snapshot.snapshotVersion).toBe(1);
    expect(snapshot.context).toBe('baton-fake');
    expect(snapshot.version).toEqual({ gitVersion: 'v1.34.2+k3s1', major: '1', minor: '34' });
    expect(snapshot.apiGroups).toEqual(expect.arrayContaining(['apps', 'gateway.networking.k8s.io', 'snapshot.storage.k8s.io', 'storage.k8s.io']));
    expect(snapshot.apiGroups).toEqual([...snapshot.apiGroups!].sort());
    expect(snapshot.servedApis).toEqual(expect.arrayContaining(['apps/v1/Deployment', 'v1/Service', 'snapshot.storage.k8s.io/v1/VolumeSnapshotClass']));
    expect(snapshot.servedApis.some((api) => api.includes('Scale') || api.split('/').length > 3)).toBe(false);

    expect(snapshot.nodes).toEqual([
      {
        metadata: {
          name: 'k3s-server-0',
          labels: { 'kubernetes.io/arch': 'amd64', 'node-role.kubernetes.io/control-plane': 'true' },
          annotations: { 'flannel.alpha.coreos.com/backend-type': 'vxlan' },
        },
        spec: { providerID: 'k3s://k3s-server-0', podCIDRs: ['10.42.0.0/24', 'fd00:42::/64'], podCIDR: '10.42.0.0/24' },
        status: { nodeInfo: { kubeletVersion: 'v1.34.2+k3s1', containerRuntimeVersion: 'containerd://2.0.5-k3s1' } },
      },
    ]);
    const awsNode = snapshot.daemonSets!.find((ds) => ds.metadata.name === 'aws-node')!;
    expect(awsNode.metadata).toEqual({ name: 'aws-node', namespace: 'kube-system', labels: { 'k8s-app': 'aws-node' } });
    const containers = awsNode.spec!.template!.spec!.containers!;
    expect(containers[0]!.env).toEqual([{ name: 'ENABLE_IPv6', value: 'false' }, { name: 'ENABLE_POD_ENI', value: 'true' }, { name: 'PROXY_PASSWORD' }]);
    expect(containers[1]!.args).toEqual(['--enable-network-policy=false', '--metrics-bind-addr=:8162']);
    expect(JSON.stringify(snapshot)).not.toContain('hunter2');
    expect(JSON.stringify(snapshot)).not.toContain('not-for-baton');

    expect(snapshot.configMaps).toEqual([{ metadata: { name: 'cilium-config', namespace: 'kube-system' }, data: { 'enable-ipv6': 'true', 'kube-proxy-replacement': 'true' } }]);
    expect(snapshot.storageClasses!.map((sc) => [sc.metadata.name, sc.provisioner, sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'], sc.allowVolumeExpansion])).toEqual([
      ['ebs-gp3', 'ebs.csi.aws.com', undefined, true],
      ['local-path', 'rancher.io/local-path', 'true', undefined],
    ]);
    expect(snapshot.csiDrivers).toEqual([{ metadata: { name: 'ebs.csi.aws.com' }, spec: { attachRequired: true, volumeLifecycleModes: ['Persistent'], fsGroupPolicy: 'File' } }]);
    expect(snapshot.csiNodes![0]!.spec.drivers).toEqual([{ name: 'ebs.csi.aws.com', nodeID: 'i-0abc', topologyKeys: ['topology.ebs.csi.aws.com/zone'], allocatable: { count: 25 } }]);
    expect(snapshot.volumeSnapshotClasses).toEqual([{ metadata: { name: 'ebs-snap' }, driver: 'ebs.csi.aws.com', deletionPolicy: 'Delete' }]);
    expect(snapshot.ingressClasses).toEqual([
      { metadata: { name: 'traefik', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } }, spec: { controller: 'traefik.io/ingress-controller' } },
    ]);
    expect(snapshot.customResources).toEqual([
      { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'GatewayClass', metadata: { name: 'traefik' }, spec: { controllerName: 'traefik.io/gateway-controller' } },
    ]);
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
    expect(snapshot.customResources).toEqual([]);
    expect(server.requests.some((r) => r.path.includes('volumesnapshotclasses') || r.path.includes('gatewayclasses'))).toBe(false);
  });

  it('leaves out the lists RBAC refuses instead of failing', async () => {
    server = await startKubernetesApiServer({ resources: K3S_CLUSTER, customResources: CRDS, forbid: [{ verb: 'list', resource: 'nodes' }, { verb: 'list', resource: 'configmaps' }] });
    const snapshot = await readClusterFacts({ kubeconfig: server.kubeconfigPath });
    expect('nodes' in snapshot).toBe(false);
    expect('configMaps' in snapshot).toBe(false);
    expect(snapshot.daemonSets!.length).toBe(1);
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
