import type { Container } from '@baton/core';
import type { MapContext } from './context.js';
import type { StringMap } from './k8s-types.js';

/** CPU cores as a canonical quantity: whole cores as `1`, `2`; fractions in millicores, rounded up: `100m`, `1500m`. */
export function cpuQuantity(cpus: number): string | undefined {
  if (!(cpus > 0)) return undefined;
  // Round away float noise (0.1 * 1000 = 100.00000000000001) before rounding up.
  const millicores = Math.max(1, Math.ceil(Math.round(cpus * 1e6) / 1000));
  return millicores % 1000 === 0 ? String(millicores / 1000) : `${millicores}m`;
}

/** MiB rounded up to a whole MiB: `128Mi`. */
export function mebibyteQuantity(mib: number): string | undefined {
  if (!(mib > 0)) return undefined;
  return `${Math.max(1, Math.ceil(Math.round(mib * 1000) / 1000))}Mi`;
}

/**
 * requests = what Marathon reserved; limits = Marathon's explicit limits, else the request
 * (Mesos enforced cpus with CFS quota and mem as a hard limit); `unlimited` leaves the limit out.
 */
export function mapResources(ctx: MapContext, container: Container): { requests?: StringMap; limits?: StringMap } | undefined {
  const { resources } = container;
  const requests: StringMap = {};
  const limits: StringMap = {};
  const cpu = cpuQuantity(resources.cpus);
  const memory = mebibyteQuantity(resources.memMiB);
  const disk = mebibyteQuantity(resources.diskMiB);
  if (cpu) requests.cpu = cpu;
  if (memory) requests.memory = memory;
  if (disk) requests['ephemeral-storage'] = disk;

  const cpuLimit = resources.limits?.cpus;
  if (cpuLimit !== 'unlimited') {
    const value = typeof cpuLimit === 'number' ? cpuQuantity(Math.max(cpuLimit, resources.cpus)) : cpu;
    if (value) limits.cpu = value;
  }
  const memLimit = resources.limits?.memMiB;
  if (memLimit !== 'unlimited') {
    const value = typeof memLimit === 'number' ? mebibyteQuantity(Math.max(memLimit, resources.memMiB)) : memory;
    if (value) limits.memory = value;
  }
  if (resources.gpus > 0) {
    // Extended resources are set as a limit; the request defaults to it.
    limits['nvidia.com/gpu'] = String(Math.ceil(resources.gpus));
    ctx.report('kubernetes/gpu-resource', 'nvidia', { pointer: container.pointer, data: { container: container.name, gpus: resources.gpus } });
  }
  const result: { requests?: StringMap; limits?: StringMap } = {};
  if (Object.keys(requests).length > 0) result.requests = requests;
  if (Object.keys(limits).length > 0) result.limits = limits;
  return Object.keys(result).length > 0 ? result : undefined;
}
