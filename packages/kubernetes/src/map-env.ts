import type { Container } from '@baton/core';
import type { MapContext } from './context.js';
import type { K8sEnvVar } from './k8s-types.js';
import type { PortPlan } from './map-ports.js';
import type { SecretRef } from './secrets.js';

export const SANDBOX_PATH = '/mnt/mesos/sandbox';

export interface EnvInputs {
  readonly ports: PortPlan;
  readonly sandbox: boolean;
  readonly secrets: ReadonlyMap<string, SecretRef>;
  /** `-e KEY=VALUE` docker parameters, before the definition's own env. */
  readonly parameterEnv: readonly { readonly name: string; readonly value: string }[];
}

const REFERENCE = /\$\{?([A-Za-z_][A-Za-z0-9_]*)/g;
/** Variables Mesos set that the writer cannot reproduce unless the definition sets them itself. */
const MESOS_PROVIDED = /^(MESOS_|LIBPROCESS_|MARATHON_)/;

/** Every `$NAME` / `${NAME}` the container's command, args, env values or exec checks mention. */
export function referencedVariables(container: Container): Set<string> {
  const texts: string[] = [];
  if (container.command) texts.push(...('shell' in container.command ? [container.command.shell] : container.command.argv));
  if (container.args) texts.push(...container.args);
  for (const variable of container.env) if ('value' in variable) texts.push(variable.value);
  for (const parameter of container.runtimeParameters) texts.push(parameter.value);
  for (const probe of container.probes) {
    if (probe.action.type === 'exec') texts.push(...('shell' in probe.action.command ? [probe.action.command.shell] : probe.action.command.argv));
  }
  const names = new Set<string>();
  // most texts mention no variable: skip them before the regex (and its match objects)
  for (const text of texts) {
    if (!text.includes('$')) continue;
    REFERENCE.lastIndex = 0;
    for (let match = REFERENCE.exec(text); match !== null; match = REFERENCE.exec(text)) names.add(match[1]!);
  }
  return names;
}

/**
 * The container's environment, in a fixed order: synthesized Marathon variables, then docker `-e`
 * parameters, then the definition's env in source order (later entries win on equal names).
 * Port variables (apps: PORT, PORTS, PORT<n>, PORT_<NAME>, PORT_<number>; pods: ENDPOINT_<NAME>) and
 * HOST are always set; the other Marathon variables only when referenced, or with `syntheticEnv: all`.
 */
export function mapEnv(ctx: MapContext, container: Container, inputs: EnvInputs): K8sEnvVar[] {
  const { workload, options } = ctx;
  const referenced = referencedVariables(container);
  const all = options.syntheticEnv === 'all';
  const prefix = typeof workload.hints.envVarsPrefix === 'string' ? workload.hints.envVarsPrefix : '';
  const isPod = workload.sourceKind === 'pod' || workload.kind === 'pod';
  const synthesized: K8sEnvVar[] = [];
  const literal = (name: string, value: string) => synthesized.push({ name, value });
  const field = (name: string, fieldPath: string) => synthesized.push({ name, valueFrom: { fieldRef: { fieldPath } } });
  const wanted = (name: string) => all || referenced.has(name);

  field(`${prefix}HOST`, options.hostEnv === 'pod-ip' ? 'status.podIP' : 'spec.nodeName');
  if (!isPod) {
    const ports = inputs.ports.byContainer.get(container.name) ?? [];
    if (ports.length > 0) {
      literal(`${prefix}PORT`, String(ports[0]!.containerPort));
      literal(`${prefix}PORTS`, ports.map((port) => port.containerPort).join(','));
      for (const port of ports) literal(`${prefix}PORT${port.index}`, String(port.containerPort));
      const numbered = new Set<number>();
      for (const port of ports) {
        const number = port.requested > 0 ? port.requested : port.containerPort;
        if (numbered.has(number)) continue;
        numbered.add(number);
        literal(`${prefix}PORT_${number}`, String(port.containerPort));
      }
      for (const port of ports) if (port.sourceName) literal(`${prefix}PORT_${port.sourceName.toUpperCase()}`, String(port.containerPort));
    }
  } else {
    for (const port of inputs.ports.all) {
      if (!port.sourceName) continue;
      const name = endpointVariable(port.sourceName);
      literal(`${prefix}ENDPOINT_${name}`, String(port.containerPort));
      if (wanted(`${prefix}EP_HOST_${name}`)) literal(`${prefix}EP_HOST_${name}`, String(port.fixedHostPort ?? port.containerPort));
      if (wanted(`${prefix}EP_CONTAINER_${name}`)) literal(`${prefix}EP_CONTAINER_${name}`, String(port.containerPort));
    }
  }

  if (wanted('MARATHON_APP_ID')) literal('MARATHON_APP_ID', workload.id);
  if (workload.version !== undefined && wanted('MARATHON_APP_VERSION')) literal('MARATHON_APP_VERSION', workload.version);
  if (!isPod) {
    if (container.image && wanted('MARATHON_APP_DOCKER_IMAGE')) literal('MARATHON_APP_DOCKER_IMAGE', container.image.ref);
    addResourceVariables('MARATHON_APP_RESOURCE_', container, wanted, literal);
    const labels = labelVariables(workload.labels);
    if (labels.length > 0 && (wanted('MARATHON_APP_LABELS') || labels.some(([name]) => wanted(name)))) {
      literal('MARATHON_APP_LABELS', labels.map(([name]) => name.slice('MARATHON_APP_LABEL_'.length)).join(' '));
      for (const [name, value] of labels) if (wanted(name) || all) literal(name, value);
    }
  } else {
    if (wanted('MARATHON_CONTAINER_ID')) literal('MARATHON_CONTAINER_ID', container.name);
    addResourceVariables('MARATHON_CONTAINER_RESOURCE_', container, wanted, literal);
    if (wanted('MESOS_EXECUTOR_ID')) field('MESOS_EXECUTOR_ID', 'metadata.name');
  }
  if (wanted('MESOS_TASK_ID')) field('MESOS_TASK_ID', 'metadata.name');
  for (const name of ['MESOS_CONTAINER_IP', 'LIBPROCESS_IP']) if (referenced.has(name)) field(name, 'status.podIP');
  if (inputs.sandbox || referenced.has('MESOS_SANDBOX')) literal('MESOS_SANDBOX', SANDBOX_PATH);

  const own: K8sEnvVar[] = [];
  for (const variable of container.env) {
    if ('value' in variable) own.push({ name: variable.name, value: variable.value });
    else {
      const ref = inputs.secrets.get(variable.secret);
      if (!ref) {
        ctx.report('kubernetes/secret-undeclared', 'undeclared', {
          pointer: variable.pointer,
          data: { container: container.name, secret: variable.secret, usage: `env ${variable.name}` },
          disposition: 'unsupported',
          subtree: true,
        });
        continue;
      }
      own.push({ name: variable.name, valueFrom: { secretKeyRef: { name: ref.secretName, key: ref.key } } });
    }
  }
  const ownNames = new Set(own.map((variable) => variable.name));
  const parameters = inputs.parameterEnv.filter((variable) => !ownNames.has(variable.name)).map(({ name, value }) => ({ name, value }));
  const explicit = new Set([...ownNames, ...parameters.map((variable) => variable.name)]);
  const env = [...synthesized.filter((variable) => !explicit.has(variable.name)), ...parameters, ...own];

  // built when needed: most containers reference no variable and have no `$` in their values
  let defined: Set<string> | undefined;
  const definedNames = () => (defined ??= new Set(env.map((variable) => variable.name)));
  if (referenced.size > 0) {
    for (const name of [...referenced].sort()) {
      if (MESOS_PROVIDED.test(name) && !definedNames().has(name)) {
        ctx.report('kubernetes/env-reference-unresolved', 'unresolved', { pointer: container.pointer, data: { container: container.name, name } });
      }
    }
  }
  // every variable here was made by this function: change the value in place, no copy per variable
  const valid = validEnv(ctx, container, env);
  for (const variable of valid) if (variable.value !== undefined && variable.value.includes('$')) variable.value = escapeExpansion(variable.value, definedNames());
  return valid;
}

function validEnv(ctx: MapContext, container: Container, env: K8sEnvVar[]): K8sEnvVar[] {
  // Relaxed names (any printable ASCII but `=`) are on by default from 1.32.
  const valid = ctx.minor >= 32 ? /^[\x20-\x3c\x3e-\x7e]+$/ : /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
  return env.filter((variable) => {
    if (valid.test(variable.name)) return true;
    const source = container.env.find((candidate) => candidate.name === variable.name);
    ctx.report('kubernetes/env-name-invalid', 'invalid', {
      pointer: source?.pointer ?? container.pointer,
      data: { name: variable.name, container: container.name, version: ctx.target.kubernetesVersion },
      ...(source ? { disposition: 'unsupported' as const } : {}),
    });
    return false;
  });
}

function addResourceVariables(prefix: string, container: Container, wanted: (name: string) => boolean, literal: (name: string, value: string) => void): void {
  const { resources } = container;
  const values: [string, number][] = [
    ['CPUS', resources.cpus],
    ['MEM', resources.memMiB],
    ['DISK', resources.diskMiB],
    ['GPUS', resources.gpus],
  ];
  for (const [suffix, value] of values) {
    // GPUS is an integer in Marathon; the others are Scala doubles (`1.0`).
    if (wanted(`${prefix}${suffix}`)) literal(`${prefix}${suffix}`, suffix === 'GPUS' ? String(value) : scalaDouble(value));
  }
}

/** `MARATHON_APP_LABEL_<KEY>` pairs as Marathon builds them: key runs of `[^a-zA-Z0-9_]` → `_`, upper-cased. */
function labelVariables(labels: Readonly<Record<string, string>>): [string, string][] {
  return Object.keys(labels)
    .sort()
    .filter((key) => key.length < 512 - 'MARATHON_APP_LABEL_'.length && (labels[key] ?? '').length < 512)
    .map((key) => [`MARATHON_APP_LABEL_${key.replace(/[^a-zA-Z0-9_]+/g, '_').toUpperCase()}`, labels[key] ?? '']);
}

/** Endpoint names in `ENDPOINT_<NAME>`: upper-cased, other characters as `_` [Marathon's exact escaping unverified]. */
function endpointVariable(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}

function scalaDouble(value: number): string {
  return Number.isInteger(value) ? `${value}.0` : String(value);
}

/**
 * Kubernetes expands `$(NAME)` of defined variables and turns `$$` into `$` in command, args and
 * env values; Marathon did neither. Doubling exactly those `$` keeps the source text literal.
 */
export function escapeExpansion(text: string, defined: ReadonlySet<string>): string {
  let index = text.indexOf('$');
  if (index === -1) return text;
  // the text between two `$` is copied in one slice (appending it a character at a time made a string per character)
  let result = '';
  let from = 0;
  for (; index !== -1; index = text.indexOf('$', index + 1)) {
    const next = text[index + 1];
    let doubled = next === '$';
    if (next === '(') {
      const close = text.indexOf(')', index + 2);
      doubled = close !== -1 && defined.has(text.slice(index + 2, close));
    }
    result += text.slice(from, index + 1);
    if (doubled) result += '$';
    from = index + 1;
  }
  return result + text.slice(from);
}
