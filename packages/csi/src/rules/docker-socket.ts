import { defineChecker } from '@baton/core';
import { absoluteHostVolumes } from '../volume-needs.js';

const DOCKER_SOCKETS = new Set(['/var/run/docker.sock', '/run/docker.sock']);

export const dockerSocket = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'csi/docker-socket',
    description: 'The workload mounts the Docker daemon socket, which Kubernetes nodes running containerd or CRI-O do not have.',
    defaultSeverity: 'error',
    impact: 'blocker',
    messages: {
      dockerSocket: 'Volume {{volume}} mounts {{path}}; Kubernetes nodes run containerd or CRI-O, so there is no Docker daemon behind it.',
    },
    hint: 'Replace Docker API use: build images with Kaniko or BuildKit, read container data through the Kubernetes API, or collect logs and metrics with a node agent made for Kubernetes.',
    docs: `## Marathon

DC/OS agents ran the Docker daemon for the Docker containerizer, and many apps mounted \`/var/run/docker.sock\`: CI runners building images, log and metrics shippers reading container metadata, service registrators watching container events.

## Kubernetes

Kubernetes removed dockershim in 1.24; nodes run containerd or CRI-O and have no Docker daemon (managed offerings such as EKS, GKE and AKS use containerd). The socket path is empty or absent, and the app fails at its first API call. Mounting the node's runtime socket instead is a different API and a privilege escalation that most admission policies reject.

## What to do

- Image builds: Kaniko, BuildKit (rootless) or the CI system's Kubernetes executor.
- Metadata, events and logs: the Kubernetes API, or an agent built for Kubernetes (Fluent Bit, the OpenTelemetry Collector, the vendor's DaemonSet).
- Service registration: Kubernetes Services and DNS replace it.`,
  },
  appliesTo: (workload) => workload.volumes.some((v) => v.kind === 'host'),
  check(ctx) {
    for (const volume of absoluteHostVolumes(ctx.workload)) {
      if (DOCKER_SOCKETS.has(volume.hostPath.replace(/\/+$/, ''))) {
        ctx.report({ messageId: 'dockerSocket', pointer: volume.pointer, data: { volume: volume.name, path: volume.hostPath } });
      }
    }
  },
});
