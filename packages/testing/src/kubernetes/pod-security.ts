// A subset of the Pod Security Standards checks (k8s.io/pod-security-admission/policy), worded like the
// real admission messages: `violates PodSecurity "restricted:latest": host namespaces (hostNetwork=true), ...`.

export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';

export const ENFORCE_LABEL = 'pod-security.kubernetes.io/enforce';
export const WARN_LABEL = 'pod-security.kubernetes.io/warn';
export const AUDIT_LABEL = 'pod-security.kubernetes.io/audit';

type Obj = Record<string, any>;

/** The failed checks of `pod` (a PodSpec plus its metadata) at `level`; empty when allowed. */
export function podSecurityViolations(spec: Obj | undefined, level: PodSecurityLevel): string[] {
  if (!spec || level === 'privileged') return [];
  const containers: Obj[] = [...(spec.initContainers ?? []), ...(spec.containers ?? []), ...(spec.ephemeralContainers ?? [])];
  const out: string[] = [];
  const hostNs = ['hostNetwork', 'hostPID', 'hostIPC'].filter((key) => spec[key] === true);
  if (hostNs.length > 0) out.push(`host namespaces (${hostNs.map((key) => `${key}=true`).join(', ')})`);
  const privileged = containers.filter((c) => c.securityContext?.privileged === true).map((c) => `"${c.name}"`);
  if (privileged.length > 0) out.push(`privileged (${plural('container', privileged)} ${privileged.join(', ')} must not set securityContext.privileged=true)`);
  const added = containers.filter((c) => (c.securityContext?.capabilities?.add ?? []).some((cap: string) => !BASELINE_CAPABILITIES.has(cap)));
  if (added.length > 0) out.push(`non-default capabilities (${plural('container', added)} ${added.map((c) => `"${c.name}"`).join(', ')} must not include ${added.flatMap((c) => c.securityContext.capabilities.add).filter((cap: string) => !BASELINE_CAPABILITIES.has(cap)).map((cap: string) => `"${cap}"`).join(', ')} in securityContext.capabilities.add)`);
  const hostPath = (spec.volumes ?? []).filter((v: Obj) => v.hostPath).map((v: Obj) => `"${v.name}"`);
  if (hostPath.length > 0) out.push(`hostPath volumes (${plural('volume', hostPath)} ${hostPath.join(', ')})`);
  const hostPorts = containers.flatMap((c) => (c.ports ?? []).filter((p: Obj) => p.hostPort).map((p: Obj) => ({ c: c.name as string, port: p.hostPort as number })));
  if (hostPorts.length > 0) {
    const byContainer = [...new Set(hostPorts.map((h) => h.c))];
    out.push(`hostPort (${plural('container', byContainer)} ${byContainer.map((n) => `"${n}"`).join(', ')} ${hostPorts.length === 1 ? 'uses hostPort' : 'use hostPorts'} ${hostPorts.map((h) => h.port).join(', ')})`);
  }
  if (level === 'baseline') return out;

  const escalating = containers.filter((c) => c.securityContext?.allowPrivilegeEscalation !== false).map((c) => `"${c.name}"`);
  if (escalating.length > 0) out.push(`allowPrivilegeEscalation != false (${plural('container', escalating)} ${escalating.join(', ')} must set securityContext.allowPrivilegeEscalation=false)`);
  const undropped = containers.filter((c) => !(c.securityContext?.capabilities?.drop ?? []).includes('ALL')).map((c) => `"${c.name}"`);
  if (undropped.length > 0) out.push(`unrestricted capabilities (${plural('container', undropped)} ${undropped.join(', ')} must set securityContext.capabilities.drop=["ALL"])`);
  const podNonRoot = spec.securityContext?.runAsNonRoot === true;
  const rootable = containers.filter((c) => (c.securityContext?.runAsNonRoot ?? (podNonRoot ? true : undefined)) !== true).map((c) => `"${c.name}"`);
  if (rootable.length > 0) out.push(`runAsNonRoot != true (pod or ${plural('container', rootable)} ${rootable.join(', ')} must set securityContext.runAsNonRoot=true)`);
  const podSeccomp = spec.securityContext?.seccompProfile?.type;
  const noSeccomp = containers.filter((c) => !['RuntimeDefault', 'Localhost'].includes(c.securityContext?.seccompProfile?.type ?? podSeccomp)).map((c) => `"${c.name}"`);
  if (noSeccomp.length > 0) out.push(`seccompProfile (pod or ${plural('container', noSeccomp)} ${noSeccomp.join(', ')} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")`);
  return out;
}

const BASELINE_CAPABILITIES = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

function plural(word: string, items: readonly unknown[]): string {
  return items.length === 1 ? word : `${word}s`;
}

export function levelOf(labels: Record<string, string> | undefined, label: string, fallback: PodSecurityLevel): PodSecurityLevel {
  const value = labels?.[label];
  return value === 'privileged' || value === 'baseline' || value === 'restricted' ? value : fallback;
}

/** Pod template of the workload kinds PSA evaluates as pod controllers. */
export function podTemplateOf(kind: string, object: Obj): { metadata?: Obj; spec?: Obj } | undefined {
  switch (kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
    case 'ReplicationController':
      return object.spec?.template;
    case 'CronJob':
      return object.spec?.jobTemplate?.spec?.template;
    default:
      return undefined;
  }
}
