import { defineChecker, type TargetProfile } from '@baton/core';
import { absoluteHostVolumes, mountedReadOnly } from '../volume-needs.js';

/** The admission gate that rejects hostPath volumes on the target, if any (Autopilot is handled apart). */
function hostPathGate(target: TargetProfile): string | undefined {
  const { admission } = target;
  if (admission.openshiftScc === 'restricted-v2' || admission.openshiftScc === 'restricted') {
    return `OpenShift SCC ${admission.openshiftScc} (allowHostDirVolumePlugin: false)`;
  }
  if (admission.podSecurity === 'baseline' || admission.podSecurity === 'restricted') return `Pod Security Admission "${admission.podSecurity}"`;
  return undefined;
}

export const hostPathRestricted = defineChecker({
  apiVersion: 1,
  meta: {
    id: 'csi/host-path-restricted',
    description: 'An absolute host path volume is forbidden by the target\'s admission (PSA baseline/restricted, OpenShift SCC, GKE Autopilot).',
    defaultSeverity: 'error',
    impact: 'blocker',
    messages: {
      forbidden: 'Host path {{path}} (volume {{volume}}) would be a hostPath volume, which {{policy}} rejects.',
      autopilotPrefix: 'Host path {{path}} (volume {{volume}}) is outside {{allowed}}, the only host paths GKE Autopilot allows.',
      autopilotWritable: 'Host path {{path}} (volume {{volume}}) is mounted read-write; GKE Autopilot allows {{allowed}} read-only only (autogke-no-write-mode-hostpath).',
    },
    hint: 'Replace the host path with a ConfigMap, Secret, emptyDir or a PersistentVolumeClaim; keep hostPath only for node agents, in a namespace whose policy admits it.',
    docs: `## Marathon

A host volume (\`container.volumes[]\` with \`hostPath\`, or a pod volume with \`host\`) bind-mounts a directory of the agent into the task: configuration under \`/etc\`, certificates, log directories, shared scratch space, or agent sockets. Relative paths are sandbox directories and are not host paths.

## Kubernetes

\`hostPath\` volumes exist but are gated by admission: Pod Security Admission \`baseline\` and \`restricted\` forbid them ("HostPath volumes must be forbidden"); OpenShift SCC \`restricted-v2\` has \`allowHostDirVolumePlugin: false\` and only admits configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes; GKE Autopilot admits only \`/var/log/\`, read-only (Warden \`autogke-no-write-mode-hostpath\`). On other targets hostPath works but ties the pod to whatever the node has at that path.

## What to do

- Configuration and certificates: ConfigMap or Secret volumes.
- Scratch space: emptyDir. Data: a PersistentVolumeClaim.
- Logs: write to stdout, or use the platform's log agent.
- Genuine node agents: a DaemonSet in a namespace labelled \`pod-security.kubernetes.io/enforce: privileged\` (on OpenShift, an SCC granted to its service account; on Autopilot, a WorkloadAllowlist where offered).`,
  },
  appliesTo: (workload) => workload.volumes.some((v) => v.kind === 'host'),
  check(ctx) {
    const { admission } = ctx.target;
    const gate = hostPathGate(ctx.target);
    for (const volume of absoluteHostVolumes(ctx.workload)) {
      const data = { path: volume.hostPath, volume: volume.name };
      if (admission.autopilot) {
        const allowed = admission.allowedHostPathPrefixes ?? [];
        const label = allowed.join(', ') || 'no host path';
        if (!allowed.some((prefix) => `${volume.hostPath}/`.startsWith(prefix))) {
          ctx.report({ messageId: 'autopilotPrefix', pointer: volume.pointer, data: { ...data, allowed: label } });
        } else if (!mountedReadOnly(ctx.workload, volume.name)) {
          ctx.report({ messageId: 'autopilotWritable', pointer: volume.pointer, data: { ...data, allowed: label } });
        }
      } else if (gate) {
        ctx.report({ messageId: 'forbidden', pointer: volume.pointer, data: { ...data, policy: gate } });
      }
    }
  },
});
