import type { Container } from '@baton/core';
import type { MapContext } from './context.js';
import type { K8sContainer, K8sObject, K8sPodSpec, K8sVolume, StringMap } from './k8s-types.js';
import { buildFetchContainer, FETCH_CONTAINER } from './map-artifacts.js';
import { mapContainer } from './map-container.js';
import { jobPolicyFields, scheduleJob } from './map-job.js';
import { referencedVariables } from './map-env.js';
import { mapPlacement } from './map-placement.js';
import { mapExposure, type MarathonLbPort } from './map-exposure.js';
import { buildServices, planPorts, type PortPlan, type ServicePlan } from './map-ports.js';
import { mapRollout } from './map-rollout.js';
import { emptyPodAdditions } from './map-runtime-parameters.js';
import { planVolumes, SANDBOX_VOLUME } from './map-volumes.js';
import { ANNOTATION, objectMetadata, selectorLabels, sortedJsonRecord, sortedRecord, splitSourceLabels, standardLabels } from './metadata.js';
import { planSecrets, type SecretChecklistEntry } from './secrets.js';

export type WorkloadObjectKind = 'Deployment' | 'StatefulSet' | 'Job';

export interface BuiltWorkload {
  /** In apply order: Secrets (or ExternalSecrets), PersistentVolumes and claims, Services, the workload, Ingresses or routes. */
  readonly objects: K8sObject[];
  readonly kind: WorkloadObjectKind;
  readonly checklist: readonly SecretChecklistEntry[];
  /** The Deployment, StatefulSet, Job or CronJob. */
  readonly main: K8sObject;
  /** Labels of the pod template (estate-wide passes add to them, e.g. shared VIP selectors). */
  readonly podLabels: StringMap;
  readonly ports: PortPlan;
  readonly servicePlan: ServicePlan;
  readonly marathonLbPorts: readonly MarathonLbPort[];
  /** Every Kubernetes container of the pod with the model container it came from (none for the fetch container). */
  readonly containers: readonly { readonly container: K8sContainer; readonly source?: Container }[];
}

/** Jobs run to completion; resident (persistent-volume) workloads need StatefulSets; the rest are Deployments. */
export function objectKindOf(ctx: MapContext): WorkloadObjectKind {
  const { workload } = ctx;
  if (workload.kind === 'job') return 'Job';
  if (workload.kind === 'stateful-service' || workload.volumes.some((volume) => volume.kind === 'persistent')) return 'StatefulSet';
  return 'Deployment';
}

export function buildWorkload(ctx: MapContext, secretsVia: 'skeleton' | 'external-secrets'): BuiltWorkload {
  const { workload, names, report } = ctx;
  const kind = objectKindOf(ctx);
  const secrets = planSecrets(ctx, secretsVia);
  const ports = planPorts(ctx);
  const volumes = planVolumes(ctx, secrets.refs);
  const allContainers = [...(workload.initContainers ?? []), ...workload.containers];
  const hasArtifacts = allContainers.some((container) => container.artifacts.length > 0);
  const sandbox =
    volumes.usesSandbox ||
    hasArtifacts ||
    workload.containers.some((container) => container.image === undefined) ||
    allContainers.some((container) => referencedVariables(container).has('MESOS_SANDBOX'));

  const pod = emptyPodAdditions();
  const usedNames = new Set<string>(hasArtifacts ? [FETCH_CONTAINER] : []);
  const pullSecrets = new Set<string>();
  const initContainers: K8sContainer[] = [];
  const fetch = buildFetchContainer(ctx, allContainers, secrets.refs);
  if (fetch) initContainers.push(fetch);
  const containerLabels: [string, StringMap][] = [];
  const sources: { container: K8sContainer; source?: Container }[] = fetch ? [{ container: fetch }] : [];
  const mapAll = (list: typeof workload.containers, init: boolean) =>
    list.map((container) => {
      const mapped = mapContainer(ctx, container, { ports, volumes, secrets: secrets.refs, sandbox, pod, init, usedNames });
      if (mapped.pullSecret) pullSecrets.add(mapped.pullSecret);
      if (Object.keys(container.labels).length > 0) containerLabels.push([mapped.container.name, sortedRecord(container.labels)]);
      sources.push({ container: mapped.container, source: container });
      return mapped.container;
    });
  initContainers.push(...mapAll(workload.initContainers ?? [], true));
  const containers = mapAll(workload.containers, false);

  reportNetwork(ctx);
  if (workload.replicas === 0 && kind !== 'Job') report('kubernetes/replicas-zero', 'suspended', { data: { id: workload.id, kind } });

  const placement = mapPlacement(ctx);
  const rollout = mapRollout(ctx, kind, volumes.singleNodeClaim);
  const terminationGracePeriodSeconds = gracePeriod(ctx, pod.terminationGracePeriodSeconds);

  const sourceLabels = splitSourceLabels(workload.labels);
  const templateAnnotations: StringMap = { ...sourceLabels.annotations };
  if (containerLabels.length > 0) templateAnnotations[ANNOTATION.containerLabels] = sortedJsonRecord(containerLabels);

  const podVolumes: K8sVolume[] = [...volumes.volumes];
  if (sandbox) podVolumes.push({ name: SANDBOX_VOLUME, emptyDir: {} });
  podVolumes.push(...pod.volumes);

  // Built key by key: the insertion order is the order of the manifest.
  const spec = {} as K8sPodSpec;
  if (pod.hostname) spec.hostname = pod.hostname;
  if (pod.hostIPC) spec.hostIPC = true;
  if (pod.hostPID) spec.hostPID = true;
  // Marathon never injected Docker-link style `<SERVICE>_PORT` variables; they could shadow the app's own.
  spec.enableServiceLinks = false;
  const podSecurity: NonNullable<K8sPodSpec['securityContext']> = {};
  if (pod.sysctls.size > 0) podSecurity.sysctls = [...pod.sysctls].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, value]) => ({ name, value }));
  if (pod.supplementalGroups.size > 0) podSecurity.supplementalGroups = [...pod.supplementalGroups].sort((a, b) => a - b);
  if (Object.keys(podSecurity).length > 0) spec.securityContext = podSecurity;
  if (pullSecrets.size > 0) spec.imagePullSecrets = [...pullSecrets].sort().map((name) => ({ name }));
  if (initContainers.length > 0) spec.initContainers = initContainers;
  spec.containers = containers;
  if (podVolumes.length > 0) spec.volumes = podVolumes;
  if (kind === 'Job') spec.restartPolicy = 'Never';
  if (terminationGracePeriodSeconds !== undefined) spec.terminationGracePeriodSeconds = terminationGracePeriodSeconds;
  if (placement.nodeSelector) spec.nodeSelector = placement.nodeSelector;
  if (placement.affinity) spec.affinity = placement.affinity;
  if (placement.topologySpreadConstraints) spec.topologySpreadConstraints = placement.topologySpreadConstraints;
  const tolerations = [...placement.tolerations, ...rollout.tolerations];
  if (tolerations.length > 0) spec.tolerations = tolerations;
  if (pod.hostAliases.size > 0) spec.hostAliases = [...pod.hostAliases].sort(([a], [b]) => (a < b ? -1 : 1)).map(([ip, hostnames]) => ({ ip, hostnames }));
  const dnsConfig: NonNullable<K8sPodSpec['dnsConfig']> = {};
  if (pod.nameservers.length > 0) dnsConfig.nameservers = pod.nameservers;
  if (pod.searches.length > 0) dnsConfig.searches = pod.searches;
  if (pod.dnsOptions.size > 0) dnsConfig.options = [...pod.dnsOptions].map(([name, value]) => (value === undefined ? { name } : { name, value }));
  if (Object.keys(dnsConfig).length > 0) spec.dnsConfig = dnsConfig;

  const podLabels: StringMap = { ...standardLabels(names), ...sourceLabels.labels, ...pod.labels, ...selectorLabels(names) };
  const template = {
    metadata: {
      labels: podLabels,
      ...(Object.keys(templateAnnotations).length > 0 ? { annotations: templateAnnotations } : {}),
    },
    spec,
  };
  const metadata = objectMetadata(workload, names, names.name, { labels: sourceLabels.labels, annotations: sourceLabels.annotations });
  const servicePlan = buildServices(ctx, ports, kind === 'StatefulSet');
  const { headlessName } = servicePlan;
  const exposure = mapExposure(ctx, servicePlan);
  if (servicePlan.service && Object.keys(exposure.serviceAnnotations).length > 0) {
    const annotations = servicePlan.service.metadata.annotations ?? {};
    servicePlan.service.metadata.annotations = { ...annotations, ...sortedRecord(exposure.serviceAnnotations) };
  }
  const selector = { matchLabels: selectorLabels(names) };

  let main: K8sObject;
  if (kind === 'Deployment') {
    main = { apiVersion: 'apps/v1', kind, metadata, spec: { replicas: workload.replicas, selector, strategy: rollout.strategy, template } };
  } else if (kind === 'StatefulSet') {
    main = {
      apiVersion: 'apps/v1',
      kind,
      metadata,
      spec: {
        serviceName: headlessName,
        replicas: workload.replicas,
        // Marathon launched all instances at once, not one after the other.
        podManagementPolicy: 'Parallel',
        selector,
        updateStrategy: rollout.updateStrategy,
        template,
        ...(volumes.claimTemplates.length > 0 ? { volumeClaimTemplates: volumes.claimTemplates } : {}),
      },
    };
  } else {
    main = { apiVersion: 'batch/v1', kind, metadata, spec: { ...(workload.replicas > 1 ? { parallelism: workload.replicas } : {}), ...jobPolicyFields(ctx), template } };
    main = scheduleJob(ctx, main);
  }
  return {
    objects: [...secrets.objects, ...exposure.secrets, ...volumes.objects, ...servicePlan.services, ...exposure.services, main, ...exposure.routes],
    kind,
    checklist: [...secrets.checklist, ...exposure.checklist],
    main,
    podLabels,
    ports,
    servicePlan,
    marathonLbPorts: exposure.marathonLbPorts,
    containers: sources,
  };
}

/** The longest of the Marathon kill grace periods (app, containers, `stop-timeout`); undefined keeps Kubernetes' 30 s. */
function gracePeriod(ctx: MapContext, fromParameters: number | undefined): number | undefined {
  const { workload } = ctx;
  const perContainer = workload.containers.map((container) => container.killGracePeriodSeconds).filter((value): value is number => value !== undefined);
  const candidates = [workload.rollout.killGracePeriodSeconds, ...perContainer, fromParameters].filter((value): value is number => value !== undefined);
  if (candidates.length === 0) return undefined;
  const seconds = Math.max(...candidates.map((value) => Math.ceil(value)));
  if (new Set(perContainer).size > 1) ctx.report('kubernetes/rollout-approximated', 'gracePeriod', { data: { periods: perContainer.join(', '), seconds } });
  return seconds;
}

function reportNetwork(ctx: MapContext): void {
  const { network } = ctx.workload;
  if (network.mode === 'container') {
    for (const item of network.networks) {
      if (!item.name) continue;
      ctx.report('kubernetes/network-not-mapped', 'namedNetwork', { pointer: item.pointer, data: { network: item.name }, disposition: 'approximated', subtree: true });
    }
  }
  if (network.securityGroups && network.securityGroups.length > 0) {
    ctx.report('kubernetes/network-not-mapped', 'securityGroups', { data: { groups: network.securityGroups.join(', ') } });
  }
}
