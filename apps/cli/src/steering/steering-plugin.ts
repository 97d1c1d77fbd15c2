import { definePlugin, escapePointerToken, PLUGIN_API_VERSION, type MigrationModel, type Plugin, type PluginContext, type Workload, type WorkloadKind } from '@baton/core';
import { CLI_VERSION } from '../version.js';
import { STEERING_RULES } from './steering-rules.js';

export const STEERING_PREFIX = 'baton.io/';
const KINDS: readonly WorkloadKind[] = ['service', 'stateful-service', 'job'];
const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'headless'];
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Steering labels: `baton.io/skip`, `baton.io/kind`, `baton.io/namespace` and
 * `baton.io/service-type` on a source workload steer how it is planned. A transform in the `pre`
 * tier, so later transforms see the steered model. Consumed labels are removed from the workload's
 * labels (they are instructions to Baton, not metadata of the app) and claimed in the ledger.
 */
export function steeringPlugin(): Plugin {
  return definePlugin({
    apiVersion: PLUGIN_API_VERSION,
    meta: { name: '@baton/cli/steering', version: CLI_VERSION, namespace: 'steering' },
    order: 'pre',
    rules: STEERING_RULES,
    transforms: {
      'steering-labels': {
        apiVersion: PLUGIN_API_VERSION,
        description: 'Applies baton.io/skip, baton.io/kind, baton.io/namespace and baton.io/service-type labels of source workloads.',
        order: 'pre',
        transform: (model, ctx) => steer(model, ctx),
      },
    },
  });
}

export function steer(model: MigrationModel, ctx: PluginContext<any>): MigrationModel | undefined {
  if (!model.workloads.some((workload) => Object.keys(workload.labels).some((key) => key.startsWith(STEERING_PREFIX)))) return undefined;
  const workloads: Workload[] = [];
  for (const workload of model.workloads) {
    const keys = Object.keys(workload.labels).filter((key) => key.startsWith(STEERING_PREFIX));
    if (keys.length === 0) {
      workloads.push(workload);
      continue;
    }
    const steered = steerWorkload(workload, keys, ctx);
    if (steered) workloads.push(steered);
  }
  return { ...model, workloads };
}

function steerWorkload(workload: Workload, keys: readonly string[], ctx: PluginContext<any>): Workload | undefined {
  const id = workload.id;
  const pointerOf = (label: string) => `/labels/${escapePointerToken(label)}`;
  const claim = (label: string, to: string) => ctx.ledger.claim(id, pointerOf(label), { disposition: 'mapped', to });
  const invalid = (label: string, value: string, expected: string) => {
    // An ignored label stays an ordinary label: it is copied to the objects like any other.
    labels[label] = value;
    ctx.report({ rule: 'steering/invalid-label', messageId: 'invalid', workload: id, pointer: pointerOf(label), data: { id, label, value, expected } });
  };
  const labels: Record<string, string> = { ...workload.labels };

  const skip = workload.labels['baton.io/skip'];
  if (skip !== undefined) {
    if (skip.toLowerCase() === 'true') {
      ctx.report({ rule: 'steering/skipped', messageId: 'skipped', workload: id, pointer: pointerOf('baton.io/skip'), data: { id } });
      return undefined;
    }
  }

  const hints: Record<string, unknown> = { ...workload.hints };
  const next: Mutable<Workload> = { ...workload };
  for (const label of keys) {
    const value = labels[label]!;
    delete labels[label];
    switch (label) {
      case 'baton.io/skip':
        if (value.toLowerCase() === 'false') claim(label, 'steering: planned');
        else invalid(label, value, 'true or false');
        break;
      case 'baton.io/kind':
        if (!KINDS.includes(value as WorkloadKind)) invalid(label, value, KINDS.join(', '));
        else if (workload.kind === 'pod') invalid(label, value, 'no baton.io/kind on a pod (it keeps all its containers together)');
        else {
          if (value !== workload.kind) ctx.report({ rule: 'steering/applied', messageId: 'kind', workload: id, pointer: pointerOf(label), data: { id, value, was: workload.kind } });
          next.kind = value as WorkloadKind;
          claim(label, 'kind');
        }
        break;
      case 'baton.io/namespace':
        if (!NAMESPACE.test(value)) invalid(label, value, 'a namespace name (lowercase letters, digits and "-", at most 63)');
        else {
          hints.namespace = value;
          ctx.report({ rule: 'steering/applied', messageId: 'namespace', workload: id, pointer: pointerOf(label), data: { id, value } });
          claim(label, 'hints.namespace');
        }
        break;
      case 'baton.io/service-type':
        if (!SERVICE_TYPES.includes(value)) invalid(label, value, SERVICE_TYPES.join(', '));
        else {
          hints.serviceType = value;
          ctx.report({ rule: 'steering/applied', messageId: 'serviceType', workload: id, pointer: pointerOf(label), data: { id, value } });
          claim(label, 'hints.serviceType');
        }
        break;
      default:
        // Not ours to interpret: keep it as an ordinary label.
        labels[label] = value;
        ctx.report({ rule: 'steering/invalid-label', messageId: 'unknown', workload: id, pointer: pointerOf(label), data: { id, label } });
    }
  }
  next.labels = labels;
  next.hints = hints;
  return next;
}
