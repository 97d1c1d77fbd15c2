import type { Artifact, EnvVar, Placement, PortProtocol, Resources, Rollout, SecretDeclaration } from '@baton/core';
import { setDefined, type Mutable } from '../normalize/lenient.js';
import type {
  KillSelection,
  NormalizedArtifact,
  NormalizedBackoff,
  NormalizedConstraint,
  NormalizedEnvVar,
  NormalizedResources,
  NormalizedSecret,
  NormalizedUpgrade,
  UnreachableStrategy,
} from '../normalize/normalized-types.js';

/** Where Mesos puts the sandbox inside container images (§6.7): relative paths resolve here. */
export const MESOS_SANDBOX = '/mnt/mesos/sandbox';

export function sandboxPath(path: string): string {
  if (path.startsWith('/')) return path;
  const relative = path.replace(/^\.\//, '').replace(/\/+$/, '');
  return relative === '' || relative === '.' ? MESOS_SANDBOX : `${MESOS_SANDBOX}/${relative}`;
}

const PLAIN: ReadonlySet<string> = new Set(['tcp', 'udp', 'sctp']);

/** `udp,tcp` is one Marathon port serving two protocols; pods list them; http/https ride on TCP. */
export function portProtocols(protocols: readonly string[]): { protocols: PortProtocol[]; appProtocol?: string } {
  // the usual port: one plain protocol, nothing to split or compare
  if (protocols.length === 1 && PLAIN.has(protocols[0]!)) return { protocols: [protocols[0] as PortProtocol] };
  const result: PortProtocol[] = [];
  let appProtocol: string | undefined;
  for (const entry of protocols.flatMap((protocol) => protocol.split(','))) {
    const protocol = entry.trim().toLowerCase();
    const mapped: PortProtocol = protocol === 'udp' ? 'udp' : protocol === 'sctp' ? 'sctp' : 'tcp';
    if (protocol !== 'tcp' && protocol !== 'udp' && protocol !== 'sctp' && protocol !== '') appProtocol ??= protocol;
    if (!result.includes(mapped)) result.push(mapped);
  }
  return { protocols: result.length > 0 ? result : ['tcp'], ...(appProtocol !== undefined ? { appProtocol } : {}) };
}

export function toResources(resources: NormalizedResources): Resources {
  const limits = resources.limits;
  return {
    cpus: resources.cpus,
    memMiB: resources.mem,
    diskMiB: resources.disk,
    gpus: resources.gpus,
    ...(limits
      ? { limits: { ...(limits.cpus !== undefined ? { cpus: limits.cpus } : {}), ...(limits.mem !== undefined ? { memMiB: limits.mem } : {}) } }
      : {}),
  };
}

export const toEnv = (env: readonly NormalizedEnvVar[]): EnvVar[] => env.map((variable) => ({ ...variable }));

export const toArtifacts = (artifacts: readonly NormalizedArtifact[]): Artifact[] => artifacts.map((artifact) => ({ ...artifact }));

export const toSecrets = (secrets: readonly NormalizedSecret[]): SecretDeclaration[] => secrets.map((secret) => ({ ...secret }));

export function toRollout(
  upgrade: NormalizedUpgrade,
  backoff: NormalizedBackoff,
  killSelection: KillSelection,
  unreachable: UnreachableStrategy,
  killGracePeriodSeconds: number | undefined,
): Rollout {
  return {
    minimumHealthCapacity: upgrade.minimumHealthCapacity,
    maximumOverCapacity: upgrade.maximumOverCapacity,
    ...(killGracePeriodSeconds !== undefined ? { killGracePeriodSeconds } : {}),
    killSelection,
    unreachable: unreachable === 'disabled' ? 'disabled' : { ...unreachable },
    backoff: { ...backoff },
  };
}

/** Volume names from paths: lower-case DNS labels, unique within the workload. */
export function uniqueNamer(): (wanted: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    const base =
      wanted
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 55) || 'volume';
    let name = base;
    for (let suffix = 2; used.has(name); suffix += 1) name = `${base}-${suffix}`;
    used.add(name);
    return name;
  };
}

export function toPlacement(constraints: readonly NormalizedConstraint[], acceptedResourceRoles: readonly string[] | undefined, role: string | undefined): Placement {
  const placement: Mutable<Placement> = { constraints: constraints.map((constraint) => ({ ...constraint })) };
  setDefined(placement, 'acceptedResourceRoles', acceptedResourceRoles);
  setDefined(placement, 'role', role);
  return placement;
}
