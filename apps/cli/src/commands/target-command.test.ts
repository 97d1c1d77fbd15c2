import { startKubernetesApiServer } from '@baton/testing';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../run-cli.js';
import { memoryIo } from '../test-support/memory-io.js';
import { REPO_DIR } from '../test-support/shared-inputs.js';

// A kind-like cluster: kindnet DaemonSet and the local-path default StorageClass.
const kindResources = [
  {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kindnet', namespace: 'kube-system', labels: { app: 'kindnet' } },
    spec: { selector: { matchLabels: { app: 'kindnet' } }, template: { metadata: { labels: { app: 'kindnet' } }, spec: { containers: [{ name: 'kindnet-cni', image: 'docker.io/kindest/kindnetd:v20250512' }] } } },
  },
  {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'standard', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'rancher.io/local-path',
    volumeBindingMode: 'WaitForFirstConsumer',
    reclaimPolicy: 'Delete',
  },
];

describe('migrate target', () => {
  it('lists and shows the built-in profiles', async () => {
    const list = memoryIo();
    expect(await runCli(['target', 'list', '--format', 'json'], list)).toBe(0);
    const ids = JSON.parse(list.out()).map((p: { id: string }) => p.id);
    for (const id of ['generic', 'kind', 'k3s', 'kubeadm-calico', 'kubeadm-flannel', 'eks', 'eks-netpol', 'gke', 'gke-autopilot', 'aks', 'openshift']) {
      expect(ids).toContain(id);
    }
    const show = memoryIo();
    expect(await runCli(['target', 'show', 'openshift'], show)).toBe(0);
    expect(JSON.parse(show.out()).admission.openshiftScc).toBe('restricted-v2');
    expect(await runCli(['target', 'show', 'nope'], memoryIo())).toBe(2);
  });

  it('captures a live cluster to a facts file that plan --facts and plan --context both use', async () => {
    const server = await startKubernetesApiServer({ resources: kindResources });
    try {
      const capture = memoryIo();
      expect(await runCli(['target', 'capture', '--kubeconfig', server.kubeconfigPath], capture), capture.err()).toBe(0);
      const facts = JSON.parse(capture.out());
      expect(facts.factsVersion).toBe('baton.dev/target-facts/v1');
      expect(facts.detected.cni.plugin).toBe('kindnet');
      expect(facts.profile.storage.defaultClass).toBe('standard');

      const work = mkdtempSync(path.join(os.tmpdir(), 'baton-target-'));
      const factsFile = path.join(work, 'facts.json');
      writeFileSync(factsFile, capture.out());
      const from = path.join(REPO_DIR, 'examples/estate/groups.json');
      for (const [name, flags] of [
        ['facts', ['--facts', factsFile]],
        ['context', ['--kubeconfig', server.kubeconfigPath]],
      ] as const) {
        const io = memoryIo();
        expect(await runCli(['plan', '--from', from, '--out', path.join(work, name), '--fail-on', 'never', ...flags], io), io.err()).toBe(0);
        const plan = JSON.parse(readFileSync(path.join(work, name, 'plan.json'), 'utf8'));
        expect(plan.target.id).toBe(facts.profile.id);
      }
    } finally {
      await server.close();
    }
  });
});
