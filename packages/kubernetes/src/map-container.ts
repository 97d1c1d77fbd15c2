import type { Container } from '@baton/core';
import type { MapContext } from './context.js';
import type { K8sContainer, K8sSecurityContext, K8sVolumeMount } from './k8s-types.js';
import { escapeExpansion, mapEnv, SANDBOX_PATH } from './map-env.js';
import { containerPortsFor, type PortPlan } from './map-ports.js';
import { mapProbes } from './map-probes.js';
import { mapResources } from './map-resources.js';
import { mapRuntimeParameters, type PodAdditions } from './map-runtime-parameters.js';
import { SANDBOX_VOLUME, type VolumePlan } from './map-volumes.js';
import { shortHash, toDnsLabel } from './names.js';
import type { SecretRef } from './secrets.js';

export interface ContainerInputs {
  readonly ports: PortPlan;
  readonly volumes: VolumePlan;
  readonly secrets: ReadonlyMap<string, SecretRef>;
  /** The workload emulates the Mesos sandbox (emptyDir at /mnt/mesos/sandbox). */
  readonly sandbox: boolean;
  readonly pod: PodAdditions;
  readonly init: boolean;
  /** Container names already used in the pod; extended with this one. */
  readonly usedNames: Set<string>;
}

export interface MappedContainer {
  readonly container: K8sContainer;
  /** Kubernetes Secret name for `imagePullSecrets`. */
  readonly pullSecret?: string;
}

export function mapContainer(ctx: MapContext, container: Container, inputs: ContainerInputs): MappedContainer {
  const { options, report } = ctx;
  const name = containerName(ctx, container, inputs.usedNames);
  const parameters = mapRuntimeParameters(ctx, container, inputs.pod, container.command !== undefined);

  let image = container.image?.ref;
  if (!image) {
    image = options.baseImage;
    report('kubernetes/base-image-required', 'baseImage', { pointer: container.pointer, data: { container: container.name, image } });
  }
  const env = mapEnv(ctx, container, { ports: inputs.ports, sandbox: inputs.sandbox, secrets: inputs.secrets, parameterEnv: parameters.env });
  let defined: Set<string> | undefined;
  const escape = (text: string) => (text.includes('$') ? escapeExpansion(text, (defined ??= new Set(env.map((variable) => variable.name)))) : text);

  let command: string[] | undefined = parameters.command;
  if (container.command) command = 'shell' in container.command ? ['/bin/sh', '-c', container.command.shell] : [...container.command.argv];
  const workingDir = parameters.workingDir ?? (container.image ? undefined : SANDBOX_PATH);

  // The sandbox first: volumes mounted inside it must come after it.
  const own = inputs.volumes.mountsFor(container);
  const mounts: K8sVolumeMount[] = inputs.sandbox && !own.some((mount) => mount.mountPath === SANDBOX_PATH) ? [{ name: SANDBOX_VOLUME, mountPath: SANDBOX_PATH }] : [];
  const addMount = (mount: K8sVolumeMount) => {
    if (!mounts.some((existing) => existing.mountPath === mount.mountPath)) mounts.push(mount);
  };
  own.forEach(addMount);
  parameters.mounts.forEach(addMount);

  const result: K8sContainer = { name, image, imagePullPolicy: container.image?.forcePull ? 'Always' : 'IfNotPresent' };
  if (command) result.command = command.map(escape);
  if (container.args && container.args.length > 0) result.args = container.args.map(escape);
  if (workingDir) result.workingDir = workingDir;
  const ports = inputs.init ? [] : containerPortsFor(ctx, inputs.ports, container.name);
  if (ports.length > 0) result.ports = ports;
  if (env.length > 0) result.env = env;
  const resources = mapResources(ctx, container);
  if (resources) result.resources = resources;
  if (mounts.length > 0) result.volumeMounts = mounts;
  Object.assign(result, mapProbes(ctx, container, inputs.ports, inputs.init));
  const securityContext = securityContextOf(ctx, container, parameters.securityContext);
  if (securityContext) result.securityContext = securityContext;
  if (container.tty || parameters.tty || parameters.stdin) result.stdin = true;
  if (container.tty || parameters.tty) result.tty = true;

  let pullSecret: string | undefined;
  if (container.image?.pullSecret) {
    const ref = inputs.secrets.get(container.image.pullSecret);
    if (ref) pullSecret = ref.secretName;
    else {
      report('kubernetes/secret-undeclared', 'undeclared', {
        pointer: container.image.pointer,
        data: { container: container.name, secret: container.image.pullSecret, usage: 'image pull secret' },
      });
    }
  }
  return { container: result, ...(pullSecret ? { pullSecret } : {}) };
}

function containerName(ctx: MapContext, container: Container, used: Set<string>): string {
  const derived = toDnsLabel(container.name, { prefix: 'container', hashSource: `${ctx.workload.id}#${container.name}` });
  let name = derived.name;
  const duplicate = used.has(name);
  if (duplicate) name = toDnsLabel(`${name.slice(0, 54)}-${shortHash(container.name)}`).name;
  used.add(name);
  if (name !== container.name) {
    ctx.report('kubernetes/name-adjusted', duplicate ? 'duplicate' : derived.adjustments.includes('truncated') ? 'truncated' : 'sanitized', {
      pointer: container.pointer,
      data: { what: 'container name', source: container.name, name, max: 63 },
    });
  }
  return name;
}

/** Marathon user and privileged flag, then docker parameters on top (they are more specific). */
function securityContextOf(ctx: MapContext, container: Container, fromParameters: K8sSecurityContext): K8sSecurityContext | undefined {
  const context: K8sSecurityContext = {};
  const user = container.user;
  if (user !== undefined && fromParameters.runAsUser === undefined) {
    if (user === 'root') context.runAsUser = 0;
    else if (/^\d+$/.test(user)) context.runAsUser = Number(user);
    else if (user === 'nobody') {
      context.runAsUser = 65534;
      ctx.report('kubernetes/user-not-numeric', 'nobody', { pointer: container.pointer, data: { container: container.name, user } });
    } else ctx.report('kubernetes/user-not-numeric', 'name', { pointer: container.pointer, data: { container: container.name, user } });
  }
  Object.assign(context, fromParameters);
  if (container.privileged) context.privileged = true;
  if (context.privileged) {
    // The API server rejects privileged together with allowPrivilegeEscalation: false; privileged wins.
    delete context.allowPrivilegeEscalation;
    const level = ctx.target.admission.podSecurity;
    ctx.report('kubernetes/privileged-container', level === 'privileged' ? 'privileged' : 'blocked', { pointer: container.pointer, data: { container: container.name, level } });
  }
  const ordered: K8sSecurityContext = {};
  for (const key of ['runAsUser', 'runAsGroup', 'privileged', 'allowPrivilegeEscalation', 'readOnlyRootFilesystem', 'capabilities', 'seccompProfile', 'appArmorProfile'] as const) {
    if (context[key] !== undefined) (ordered as Record<string, unknown>)[key] = context[key];
  }
  return Object.keys(ordered).length > 0 ? ordered : undefined;
}
