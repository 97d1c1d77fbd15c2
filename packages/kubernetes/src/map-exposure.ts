// marathon-lb (`HAPROXY_*`) and Admin Router (`DCOS_SERVICE_*`) exposures of one workload →
// Ingresses (or Gateway API HTTPRoutes) and a LoadBalancer Service for TCP ports. VIPs are
// estate-wide and live in map-vips.ts. Every setting is either expressed, or reported with the
// label it came from, so the coverage ledger stays honest.
import type { Exposure } from '@baton/core';
import type { MapContext } from './context.js';
import type { K8sObject, StringMap } from './k8s-types.js';
import type { ServicePlan, ServicePortInfo } from './map-ports.js';
import { ANNOTATION, HAPROXY_TEMPLATE_ANNOTATION_PREFIX, objectMetadata, selectorLabels } from './metadata.js';
import { childName } from './names.js';
import { freePort } from './free-port.js';
import type { SecretChecklistEntry } from './secrets.js';

export const INGRESS_API = 'networking.k8s.io/v1';
export const GATEWAY_API = 'gateway.networking.k8s.io/v1';
const NGINX = 'nginx.ingress.kubernetes.io/';
/** HTTPRoute limits of the Gateway API v1 CRD. */
const MAX_ROUTE_HOSTNAMES = 16;

/** marathon-lb's per-app overridable templates (Longhelp.md): raw HAProxy configuration. */
export const HAPROXY_TEMPLATES: ReadonlySet<string> = new Set([
  'BACKEND_HEAD', 'BACKEND_HSTS_OPTIONS', 'BACKEND_HTTP_HEALTHCHECK_OPTIONS', 'BACKEND_HTTP_OPTIONS', 'BACKEND_REDIRECT_HTTP_TO_HTTPS',
  'BACKEND_REDIRECT_HTTP_TO_HTTPS_WITH_PATH', 'BACKEND_SERVER_HTTP_HEALTHCHECK_OPTIONS', 'BACKEND_SERVER_OPTIONS', 'BACKEND_SERVER_TCP_HEALTHCHECK_OPTIONS',
  'BACKEND_STICKY_OPTIONS', 'BACKEND_TCP_HEALTHCHECK_OPTIONS', 'FRONTEND_BACKEND_GLUE', 'FRONTEND_HEAD', 'HTTPS_FRONTEND_ACL', 'HTTPS_FRONTEND_ACL_ONLY_WITH_PATH',
  'HTTPS_FRONTEND_ACL_WITH_AUTH', 'HTTPS_FRONTEND_ACL_WITH_AUTH_AND_PATH', 'HTTPS_FRONTEND_ACL_WITH_PATH', 'HTTPS_FRONTEND_AUTH_ACL_ONLY', 'HTTPS_FRONTEND_AUTH_REQUEST_ONLY',
  'HTTPS_FRONTEND_ROUTING_ONLY_WITH_PATH_AND_AUTH', 'HTTP_BACKEND_NETWORK_ALLOWED_ACL', 'HTTP_BACKEND_PROXYPASS_GLUE', 'HTTP_BACKEND_REDIR', 'HTTP_BACKEND_REVPROXY_GLUE',
  'HTTP_FRONTEND_ACL', 'HTTP_FRONTEND_ACL_ONLY', 'HTTP_FRONTEND_ACL_ONLY_WITH_PATH', 'HTTP_FRONTEND_ACL_ONLY_WITH_PATH_AND_AUTH', 'HTTP_FRONTEND_ACL_WITH_AUTH',
  'HTTP_FRONTEND_ACL_WITH_AUTH_AND_PATH', 'HTTP_FRONTEND_ACL_WITH_PATH', 'HTTP_FRONTEND_APPID_ACL', 'HTTP_FRONTEND_ROUTING_ONLY', 'HTTP_FRONTEND_ROUTING_ONLY_WITH_AUTH',
  'HTTP_FRONTEND_ROUTING_ONLY_WITH_PATH', 'HTTP_FRONTEND_ROUTING_ONLY_WITH_PATH_AND_AUTH', 'MAP_HTTPS_FRONTEND_ACL', 'MAP_HTTP_FRONTEND_ACL', 'MAP_HTTP_FRONTEND_ACL_ONLY',
  'MAP_HTTP_FRONTEND_APPID_ACL', 'TCP_BACKEND_NETWORK_ALLOWED_ACL', 'USERLIST_HEAD',
]);

/** Settings the model already expresses (kind, hosts, paths, TLS, redirect, group) or that only choose the port. */
const STRUCTURAL = new Set(['MODE', 'PORT', 'VHOST', 'PATH', 'GROUP', 'SSL_CERT', 'REDIRECT_TO_HTTPS', 'ENABLED']);
/** Settings of the marathon-lb process or its bind, not of the route. */
const CONTROLLER_SETTINGS: Readonly<Record<string, string>> = { BIND_ADDR: 'bind address', BIND_OPTIONS: 'bind options' };
/** marathon-lb's zero-downtime deployment bookkeeping (zdd.py) and its app id override. */
const BLUE_GREEN = new Set(['DEPLOYMENT_GROUP', 'DEPLOYMENT_ALT_PORT', 'DEPLOYMENT_COLOUR', 'DEPLOYMENT_STARTED_AT', 'DEPLOYMENT_TARGET_INSTANCES', 'APP_ID']);

export type IngressController = 'ingress-nginx' | 'traefik' | 'other';

/** The controller family of an IngressClass name, for class-specific annotations. Unknown or absent classes get none. */
export function controllerOf(className: string | undefined): IngressController {
  if (className === undefined) return 'other';
  if (className.includes('nginx')) return 'ingress-nginx';
  if (className.includes('traefik')) return 'traefik';
  return 'other';
}

/** A marathon-lb port served by the load balancer: for the DNS rewrite table. */
export interface MarathonLbPort {
  readonly index: number;
  /** Port marathon-lb bound (`HAPROXY_{n}_PORT`, else the Marathon service port). */
  readonly lbPort: number;
  /** Port of the workload's Service that now serves it. */
  readonly servicePort: number;
}

export interface ExposurePlan {
  /** `<name>-lb` LoadBalancer/NodePort Service for TCP ports (goes with the Services). */
  readonly services: readonly K8sObject[];
  /** Basic-auth Secret skeletons (go with the Secrets). */
  readonly secrets: readonly K8sObject[];
  /** Ingresses or HTTPRoutes (after the workload). */
  readonly routes: readonly K8sObject[];
  readonly checklist: readonly SecretChecklistEntry[];
  /** Annotations for the workload's own Service (templates of ports exposed by nothing else). */
  readonly serviceAnnotations: StringMap;
  readonly marathonLbPorts: readonly MarathonLbPort[];
}

interface HttpRoute {
  readonly exposure: Exposure;
  readonly port: ServicePortInfo;
  readonly key: string;
  readonly hosts: readonly string[];
  readonly paths: readonly string[];
  readonly className?: string;
  readonly annotations: StringMap;
  readonly tls: boolean;
  /** Strip this prefix before forwarding (Admin Router, marathon-lb proxypass). */
  readonly stripPrefix?: string;
  readonly adminRouter: boolean;
  readonly source: string;
  /** Findings to report once the object's name is known. */
  readonly after: ((name: string, kind: string) => void)[];
}

interface TcpPort {
  readonly exposure: Exposure;
  readonly port: ServicePortInfo;
  readonly lbPort: number;
  readonly annotations: StringMap;
  readonly after: ((name: string, kind: string) => void)[];
}

const EMPTY: ExposurePlan = { services: [], secrets: [], routes: [], checklist: [], serviceAnnotations: {}, marathonLbPorts: [] };

export function mapExposure(ctx: MapContext, servicePlan: ServicePlan): ExposurePlan {
  const { workload, options } = ctx;
  const exposures = workload.exposure.filter((exposure) => exposure.kind !== 'vip');
  if (exposures.length === 0) return EMPTY;
  const reported = new Set<string>();
  /** Reports a finding about one label at most once (app-level labels apply to every port). */
  const once = (pointer: string, report: () => void) => {
    if (reported.has(pointer)) return;
    reported.add(pointer);
    report();
  };
  const http: HttpRoute[] = [];
  const tcp: TcpPort[] = [];
  const marathonLbPorts: MarathonLbPort[] = [];
  const serviceAnnotations: StringMap = {};
  const gateway = options.ingress === 'gateway';

  for (const exposure of exposures) {
    const labels = labelAccess(ctx, exposure);
    const port = servicePlan.ports.find((candidate) => candidate.index === exposure.portIndex && candidate.protocol === 'TCP');
    if (!port) {
      ctx.report('kubernetes/exposure-not-mapped', servicePlan.ports.length === 0 ? 'noService' : 'noPort', {
        pointer: exposure.pointer,
        data: { kind: exposure.kind, portIndex: exposure.portIndex, detail: describe(exposure) },
        disposition: 'unsupported',
        subtree: true,
      });
      continue;
    }
    if (exposure.kind === 'admin-router') {
      const route = adminRouterRoute(ctx, exposure, port, labels, once);
      if (options.ingress === 'none') disabled(ctx, exposure, servicePlan);
      else http.push(route);
      continue;
    }

    const lbPort = numberOption(exposure.options.PORT) ?? port.servicePort ?? port.port;
    marathonLbPorts.push({ index: exposure.portIndex, lbPort, servicePort: port.port });
    const hosts = exposure.kind === 'vhost' ? validHosts(ctx, exposure, labels, gateway ? 'HTTPRoute' : 'Ingress') : [];
    const isHttp = exposure.kind === 'vhost' && hosts.length > 0;
    if (exposure.kind === 'vhost' && !isHttp) {
      if (exposure.hosts && exposure.hosts.length > 0) {
        ctx.report('kubernetes/exposure-not-mapped', 'noHost', {
          pointer: exposure.pointer,
          data: { kind: exposure.kind, portIndex: exposure.portIndex, detail: describe(exposure), service: servicePlan.service?.metadata.name ?? ctx.names.name },
          disposition: 'approximated',
        });
      } else {
        const label = labels.name('MODE') ?? 'HAPROXY_GROUP';
        ctx.report('kubernetes/ingress-approximated', 'httpWithoutHost', { pointer: labels.pointer('MODE') ?? exposure.pointer, data: { portIndex: exposure.portIndex, label }, disposition: 'approximated' });
      }
    }

    if (isHttp && options.ingress === 'none') {
      disabled(ctx, exposure, servicePlan);
      continue;
    }
    if (isHttp) {
      http.push(vhostRoute(ctx, exposure, port, hosts, labels));
    } else {
      const annotations: StringMap = {};
      const after: TcpPort['after'] = [];
      for (const key of Object.keys(exposure.options).sort()) {
        const pointer = labels.pointer(key);
        const label = labels.name(key) ?? `HAPROXY_${key}`;
        if (STRUCTURAL.has(key)) continue;
        if (templateSetting(ctx, exposure, key, label, pointer, annotations, after, once)) continue;
        if (commonSetting(ctx, exposure, key, label, pointer, once)) continue;
        once(pointer ?? label, () =>
          ctx.report('kubernetes/ingress-setting-unsupported', 'tcp', { pointer, data: { label, setting: settingName(key), portIndex: exposure.portIndex }, disposition: 'unsupported' }),
        );
      }
      tcp.push({ exposure, port, lbPort, annotations, after });
    }
  }

  const checklist: SecretChecklistEntry[] = [];
  const secrets: K8sObject[] = [];
  const routes = buildRoutes(ctx, servicePlan, http, checklist, secrets, once);
  const services = buildLoadBalancer(ctx, servicePlan, tcp, serviceAnnotations);
  return { services, secrets, routes, checklist, serviceAnnotations, marathonLbPorts };
}

function disabled(ctx: MapContext, exposure: Exposure, servicePlan: ServicePlan): void {
  ctx.report('kubernetes/exposure-not-mapped', 'disabled', {
    pointer: exposure.pointer,
    data: { kind: exposure.kind, portIndex: exposure.portIndex, detail: describe(exposure), service: servicePlan.service?.metadata.name ?? ctx.names.name },
    disposition: 'unsupported',
    subtree: true,
  });
}

interface LabelAccess {
  /** The label a setting came from (`HAPROXY_0_STICKY`, else app-level `HAPROXY_STICKY`), when present. */
  name(key: string): string | undefined;
  pointer(key: string): string | undefined;
  raw(key: string): string | undefined;
}

/** Finds the source label of an exposure setting: per-port first, then app-level. */
function labelAccess(ctx: MapContext, exposure: Exposure): LabelAccess {
  const base = exposure.pointer.slice(0, exposure.pointer.lastIndexOf('/'));
  const labels = ctx.workload.labels;
  const prefix = exposure.kind === 'admin-router' ? 'DCOS_SERVICE_' : 'HAPROXY_';
  const name = (key: string): string | undefined => {
    if (exposure.kind !== 'admin-router' && labels[`HAPROXY_${exposure.portIndex}_${key}`] !== undefined) return `HAPROXY_${exposure.portIndex}_${key}`;
    if (labels[`${prefix}${key}`] !== undefined) return `${prefix}${key}`;
    return undefined;
  };
  return {
    name,
    pointer: (key) => {
      const label = name(key);
      return label === undefined ? undefined : `${base}/${label.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    },
    raw: (key) => {
      const label = name(key);
      return label === undefined ? undefined : labels[label];
    },
  };
}

function describe(exposure: Exposure): string {
  const parts = [
    exposure.hosts?.length ? `hosts ${exposure.hosts.join(', ')}` : '',
    exposure.paths?.length ? `paths ${exposure.paths.join(' ')}` : '',
    exposure.vip ? `VIP ${exposure.vip}` : '',
    exposure.group ? `group ${exposure.group}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join('; ') : 'no details';
}

const HOST = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;

/** Virtual hosts as Ingress/HTTPRoute host names: lower-cased, without a trailing dot; invalid ones reported. */
function validHosts(ctx: MapContext, exposure: Exposure, labels: LabelAccess, kind: string): string[] {
  const hosts: string[] = [];
  for (const raw of exposure.hosts ?? []) {
    const host = raw.toLowerCase().replace(/\.$/, '');
    if (host.length <= 253 && HOST.test(host) && !IPV4.test(host) && host.split('.').every((label) => label.length <= 63)) {
      if (!hosts.includes(host)) hosts.push(host);
    } else {
      ctx.report('kubernetes/exposure-not-mapped', 'invalidHost', {
        pointer: labels.pointer('VHOST') ?? exposure.pointer,
        data: { host: raw, portIndex: exposure.portIndex, kind },
        disposition: 'approximated',
      });
    }
  }
  return hosts;
}

function numberOption(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+$/.test(value.trim())) return undefined;
  const number = Number(value);
  return number >= 1 && number <= 65535 ? number : undefined;
}

function settingName(key: string): string {
  return key.toLowerCase().replace(/_/g, ' ');
}

/** Raw template overrides: copied verbatim to `baton.dev/haproxy-<n>-<template>` and reported. */
function templateSetting(
  ctx: MapContext,
  exposure: Exposure,
  key: string,
  label: string,
  pointer: string | undefined,
  annotations: StringMap,
  after: ((name: string, kind: string) => void)[],
  once: (pointer: string, report: () => void) => void,
): boolean {
  if (!HAPROXY_TEMPLATES.has(key)) return false;
  const annotation = `${HAPROXY_TEMPLATE_ANNOTATION_PREFIX}${exposure.portIndex}-${key.toLowerCase().replace(/_/g, '-')}`;
  annotations[annotation] = exposure.options[key]!;
  after.push((name, kind) =>
    once(`${pointer ?? label}#${name}`, () =>
      ctx.report('kubernetes/haproxy-template', 'copied', { pointer, data: { label, annotation, kind, name }, disposition: 'unsupported' }),
    ),
  );
  return true;
}

/** Settings that mean the same on any exposure: controller process settings, blue/green bookkeeping, ordering and health-check hints. */
function commonSetting(ctx: MapContext, exposure: Exposure, key: string, label: string, pointer: string | undefined, once: (pointer: string, report: () => void) => void): boolean {
  const at = pointer ?? label;
  if (CONTROLLER_SETTINGS[key]) {
    once(at, () => ctx.report('kubernetes/ingress-setting-unsupported', 'controller', { pointer, data: { label, setting: CONTROLLER_SETTINGS[key]! }, disposition: 'unsupported' }));
    return true;
  }
  if (BLUE_GREEN.has(key)) {
    once(at, () => ctx.report('kubernetes/ingress-approximated', 'blueGreen', { pointer, data: { label }, disposition: 'approximated' }));
    return true;
  }
  if (key === 'BACKEND_WEIGHT') {
    once(at, () => ctx.report('kubernetes/ingress-approximated', 'backendWeight', { pointer, data: { label }, disposition: 'approximated' }));
    return true;
  }
  if (key === 'BACKEND_HEALTHCHECK_PORT_INDEX') {
    once(at, () => ctx.report('kubernetes/ingress-approximated', 'healthCheckPort', { pointer, data: { label }, disposition: 'approximated' }));
    return true;
  }
  if (!/^[A-Z0-9_]+$/.test(key) || !KNOWN_HTTP_SETTINGS.has(key)) {
    once(at, () => ctx.report('kubernetes/ingress-setting-unsupported', 'unknown', { pointer, data: { label }, disposition: 'unsupported' }));
    return true;
  }
  return false;
}

/** HTTP-only settings handled per class in vhostRoute. */
const KNOWN_HTTP_SETTINGS = new Set([
  'STICKY',
  'BALANCE',
  'AUTH',
  'USE_HSTS',
  'BACKEND_NETWORK_ALLOWED_ACL',
  'HTTP_BACKEND_PROXYPASS_PATH',
  'HTTP_BACKEND_REVPROXY_PATH',
]);

interface ClassChoice {
  readonly className?: string;
  readonly group?: string;
}

/**
 * IngressClasses for an exposure's marathon-lb group(s): `ingressClassMapping[group]`; `external`,
 * `*` and no group → the target's default class (absent: the cluster default); a group that is
 * itself one of the target's classes → that class; anything else → the default class, reported.
 */
function classesFor(ctx: MapContext, exposure: Exposure): (ClassChoice & { readonly reports: ((name: string) => void)[] })[] {
  const { options, target } = ctx;
  const groups = exposure.group === undefined ? [undefined] : exposure.group.split(',').map((group) => group.trim()).filter((group) => group.length > 0);
  const defaultClass = target.ingress.defaultClass;
  const choices: (ClassChoice & { reports: ((name: string) => void)[] })[] = [];
  for (const group of groups.length > 0 ? groups : [undefined]) {
    const reports: ((name: string) => void)[] = [];
    let className: string | undefined;
    if (group === undefined || group === '*') className = defaultClass;
    else if (options.ingressClassMapping[group] !== undefined) className = options.ingressClassMapping[group];
    else if (group === 'external') className = defaultClass;
    else if (target.ingress.classes.includes(group)) className = group;
    else {
      className = defaultClass;
      const described = className ? `the default class \`${className}\`` : "the cluster's default class";
      reports.push((name) =>
        ctx.report('kubernetes/ingress-class-unmapped', 'unmapped', { pointer: exposure.pointer, data: { group, portIndex: exposure.portIndex, name, className: described } }),
      );
    }
    if (className !== undefined && target.ingress.classes.length > 0 && !target.ingress.classes.includes(className)) {
      const known = className;
      reports.push((name) =>
        ctx.report('kubernetes/ingress-class-unmapped', 'unknownClass', {
          pointer: exposure.pointer,
          data: { group: group ?? '(none)', name, className: known, classes: target.ingress.classes.map((c) => `\`${c}\``).join(', ') },
        }),
      );
    }
    const existing = choices.find((choice) => choice.className === className);
    if (existing) existing.reports.push(...reports);
    else choices.push({ ...(className !== undefined ? { className } : {}), ...(group !== undefined ? { group } : {}), reports });
  }
  return choices;
}

function vhostRoute(ctx: MapContext, exposure: Exposure, port: ServicePortInfo, hosts: readonly string[], labels: LabelAccess): HttpRoute {
  const paths = (exposure.paths ?? []).map((path) => (path.startsWith('/') ? path : `/${path}`));
  const rawPath = labels.raw('PATH');
  if (rawPath !== undefined && rawPath.split(/\s+/).includes('-i')) {
    ctx.report('kubernetes/ingress-approximated', 'pathCaseInsensitive', { pointer: labels.pointer('PATH'), data: { portIndex: exposure.portIndex, label: labels.name('PATH')! }, disposition: 'approximated' });
  }
  const annotations: StringMap = {};
  const after: HttpRoute['after'] = [];
  const route: { -readonly [K in keyof HttpRoute]: HttpRoute[K] } = {
    exposure,
    port,
    key: port.name,
    hosts,
    paths: paths.length > 0 ? [...new Set(paths)] : ['/'],
    annotations,
    tls: exposure.tls === true,
    adminRouter: false,
    source: [labels.name('VHOST'), labels.name('PATH')].filter(Boolean).join(', '),
    after,
  };
  const proxyPass = exposure.options.HTTP_BACKEND_PROXYPASS_PATH;
  if (proxyPass !== undefined && ctx.options.ingress === 'gateway') {
    const prefix = proxyPass.startsWith('/') ? proxyPass.replace(/\/+$/, '') || '/' : `/${proxyPass}`;
    if (paths.length === 0) route.paths = [prefix];
    if (route.paths.every((path) => path === prefix)) route.stripPrefix = prefix;
    else {
      ctx.report('kubernetes/ingress-approximated', 'proxyPassPartial', {
        pointer: labels.pointer('HTTP_BACKEND_PROXYPASS_PATH'),
        data: { label: labels.name('HTTP_BACKEND_PROXYPASS_PATH')!, path: prefix, paths: route.paths.join(' ') },
        disposition: 'approximated',
      });
      route.stripPrefix = undefined;
    }
  }
  // Class-dependent settings are resolved in buildRoutes, once per class.
  return route;
}

function adminRouterRoute(ctx: MapContext, exposure: Exposure, port: ServicePortInfo, labels: LabelAccess, once: (pointer: string, report: () => void) => void): HttpRoute {
  const path = (exposure.paths?.[0] ?? '/service').replace(/\/+$/, '');
  const rewrite = (exposure.options.REWRITE_REQUEST_URLS ?? 'true').toLowerCase() !== 'false';
  for (const key of Object.keys(exposure.options).sort()) {
    if (key === 'PORT_INDEX' || key === 'SCHEME' || key === 'REWRITE_REQUEST_URLS') continue;
    const pointer = labels.pointer(key);
    const label = labels.name(key) ?? `DCOS_SERVICE_${key}`;
    once(pointer ?? label, () => ctx.report('kubernetes/ingress-setting-unsupported', 'unknown', { pointer, data: { label }, disposition: 'unsupported' }));
  }
  return {
    exposure,
    port,
    key: 'dcos-service',
    hosts: [],
    paths: [path],
    annotations: {},
    tls: false,
    ...(rewrite ? { stripPrefix: path } : {}),
    adminRouter: true,
    source: 'DCOS_SERVICE_NAME',
    after: [],
  };
}

/** Turns HTTP routes into Ingresses or HTTPRoutes: one object per exposure and IngressClass, named after the workload. */
function buildRoutes(
  ctx: MapContext,
  servicePlan: ServicePlan,
  routes: readonly HttpRoute[],
  checklist: SecretChecklistEntry[],
  secrets: K8sObject[],
  once: (key: string, report: () => void) => void,
): K8sObject[] {
  if (routes.length === 0 || !servicePlan.service) return [];
  const { workload, names, options } = ctx;
  const gateway = options.ingress === 'gateway';
  const service = servicePlan.service.metadata.name;
  // Decide every object name first: a single route keeps the workload's name.
  const planned: { route: HttpRoute; choice: ClassChoice & { reports: ((name: string) => void)[] }; key: string }[] = [];
  for (const route of routes) {
    const choices = gateway ? [{ reports: [] }] : route.adminRouter ? [{ ...defaultChoice(ctx), reports: [] }] : classesFor(ctx, route.exposure);
    for (const choice of choices) planned.push({ route, choice, key: choices.length > 1 ? `${route.key}-${choice.className ?? 'default'}` : route.key });
  }
  const taken = new Set<string>();
  const objects: K8sObject[] = [];
  for (const { route, choice, key } of planned) {
    let name = planned.length === 1 ? names.name : childName(names.name, key);
    for (let attempt = 2; taken.has(name); attempt++) name = childName(names.name, `${key}-${attempt}`);
    taken.add(name);
    for (const report of choice.reports) report(name);
    const labels = labelAccess(ctx, route.exposure);
    const annotations: StringMap = { [ANNOTATION.exposureSource]: route.source };
    const after = [...route.after];
    const stripPrefix = route.stripPrefix;
    let stripped = false;
    // Settings whose expression depends on the class (or the Gateway).
    const controller = gateway ? 'gateway' : controllerOf(choice.className);
    const classLabel = choice.className ? `\`${choice.className}\`` : '(cluster default)';
    const unsupported = (key: string, reason: string, value?: string) => {
      const pointer = labels.pointer(key);
      const label = labels.name(key) ?? `HAPROXY_${key}`;
      once(`${pointer ?? label}#${choice.className ?? ''}`, () => {
        if (gateway) ctx.report('kubernetes/ingress-setting-unsupported', 'gateway', { pointer, data: { label, setting: settingName(key), reason }, disposition: 'unsupported' });
        else if (value !== undefined) {
          ctx.report('kubernetes/ingress-setting-unsupported', 'unsupportedValue', { pointer, data: { label, value, setting: settingName(key), className: classLabel, reason }, disposition: 'unsupported' });
        } else ctx.report('kubernetes/ingress-setting-unsupported', 'classSpecific', { pointer, data: { label, setting: settingName(key), className: classLabel }, disposition: 'unsupported' });
      });
    };
    const settings = route.exposure.options;
    if (!route.adminRouter) {
      for (const key of Object.keys(settings).sort()) {
        const label = labels.name(key) ?? `HAPROXY_${key}`;
        const pointer = labels.pointer(key);
        if (STRUCTURAL.has(key)) continue;
        if (templateSetting(ctx, route.exposure, key, label, pointer, annotations, after, once)) continue;
        if (commonSetting(ctx, route.exposure, key, label, pointer, once)) continue;
        const value = settings[key]!;
        switch (key) {
          case 'STICKY':
            if (value.toLowerCase() !== 'true') break;
            if (controller === 'ingress-nginx') annotations[`${NGINX}affinity`] = 'cookie';
            else if (gateway) unsupported(key, 'session persistence is not in the standard Gateway API channel');
            else unsupported(key, '');
            break;
          case 'BALANCE':
            if (value.toLowerCase() === 'roundrobin') break;
            if (gateway) unsupported(key, 'the load-balancing algorithm is the Gateway implementation\'s choice');
            else unsupported(key, controller === 'ingress-nginx' ? 'ingress-nginx balances round_robin or ewma only' : 'no known annotation', value);
            break;
          case 'AUTH': {
            if (controller !== 'ingress-nginx') {
              unsupported(key, gateway ? 'HTTPRoute has no authentication; use your Gateway implementation\'s auth policy' : '');
              break;
            }
            const secret = childName(name, 'basic-auth');
            const realm = value.split(':')[0] ?? '';
            annotations[`${NGINX}auth-type`] = 'basic';
            annotations[`${NGINX}auth-secret`] = secret;
            if (realm) annotations[`${NGINX}auth-realm`] = realm;
            secrets.push({ apiVersion: 'v1', kind: 'Secret', metadata: objectMetadata(workload, names, secret, { annotations: { [ANNOTATION.secretSource]: `label ${label}` } }), type: 'Opaque' });
            checklist.push({ namespace: names.namespace, secret, key: 'auth', type: 'Opaque', source: `label ${label}`, workload: workload.id, usage: [`basic auth of Ingress ${name}`], via: 'skeleton' });
            ctx.report('kubernetes/secret-value-required', 'basicAuth', {
              pointer,
              data: { namespace: names.namespace, secret, key: 'auth', ingress: name, source: label, createKind: 'generic' },
              disposition: 'approximated',
            });
            break;
          }
          case 'BACKEND_NETWORK_ALLOWED_ACL': {
            const ranges = value.split(/[\s,]+/).filter(Boolean);
            if (controller === 'ingress-nginx' && ranges.length > 0) annotations[`${NGINX}whitelist-source-range`] = ranges.join(',');
            else unsupported(key, gateway ? 'HTTPRoute has no source address filter; use a NetworkPolicy or your implementation\'s policy' : '');
            break;
          }
          case 'USE_HSTS':
            if (value.toLowerCase() !== 'true') break;
            if (gateway) unsupported(key, 'add the Strict-Transport-Security header with a ResponseHeaderModifier filter on the HTTPS listener\'s route');
            else unsupported(key, controller === 'ingress-nginx' ? 'HSTS is a setting of the ingress-nginx ConfigMap (`hsts`), not of an Ingress' : 'no known annotation', value);
            break;
          case 'HTTP_BACKEND_PROXYPASS_PATH':
            if (gateway) break; // URLRewrite filter, or proxyPassPartial reported in vhostRoute.
            unsupported(key, controller === 'ingress-nginx' ? 'Baton does not write regex rewrites (`rewrite-target`), which apply to every Ingress of the host' : 'no known annotation', value);
            break;
          case 'HTTP_BACKEND_REVPROXY_PATH':
            if (gateway) unsupported(key, 'Location headers of responses cannot be rewritten');
            else unsupported(key, 'Location headers of responses are not rewritten by an Ingress', value);
            break;
        }
      }
      if (route.exposure.redirectToHttps) {
        const key = 'REDIRECT_TO_HTTPS';
        if (controller === 'ingress-nginx') annotations[route.tls ? `${NGINX}ssl-redirect` : `${NGINX}force-ssl-redirect`] = 'true';
        else if (gateway) unsupported(key, 'attach an HTTPRoute with a RequestRedirect filter (scheme https) to the Gateway\'s HTTP listener');
        else if (controller === 'traefik') unsupported(key, 'Traefik needs a Middleware with `redirectScheme: https`, referenced by the `traefik.ingress.kubernetes.io/router.middlewares` annotation', 'true');
        else unsupported(key, '');
      }
    } else {
      const scheme = (settings.SCHEME ?? 'http').toLowerCase();
      if (scheme === 'https') {
        if (controller === 'ingress-nginx') annotations[`${NGINX}backend-protocol`] = 'HTTPS';
        else {
          const pointer = labels.pointer('SCHEME');
          const label = labels.name('SCHEME') ?? 'DCOS_SERVICE_SCHEME';
          if (gateway) ctx.report('kubernetes/ingress-setting-unsupported', 'gateway', { pointer, data: { label, setting: 'backend scheme https', reason: 'HTTPS to the backend needs a BackendTLSPolicy, which Baton does not write' }, disposition: 'unsupported' });
          else ctx.report('kubernetes/ingress-setting-unsupported', 'classSpecific', { pointer, data: { label, setting: 'backend scheme https', className: classLabel }, disposition: 'unsupported' });
        }
      }
    }

    const backend = { name: service, port: route.port.port };
    if (gateway) {
      const hostChunks = route.hosts.length === 0 ? [[] as string[]] : chunk(route.hosts, MAX_ROUTE_HOSTNAMES);
      hostChunks.forEach((hosts, position) => {
        const routeName = position === 0 ? name : childName(name, String(position + 1));
        if (position > 0) taken.add(routeName);
        const rule: Record<string, unknown> = { matches: route.paths.map((path) => ({ path: { type: 'PathPrefix', value: path } })) };
        if (stripPrefix !== undefined && route.paths.every((path) => path === stripPrefix) && stripPrefix !== '/') {
          rule.filters = [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }];
          stripped = true;
        }
        rule.backendRefs = [backend];
        objects.push({
          apiVersion: GATEWAY_API,
          kind: 'HTTPRoute',
          metadata: objectMetadata(workload, names, routeName, { annotations: { ...annotations } }),
          spec: { parentRefs: [parentRef(ctx)], ...(hosts.length > 0 ? { hostnames: hosts } : {}), rules: [rule] },
        });
      });
      if (route.tls) {
        const secret = childName(name, 'tls');
        const namespace = options.gateway?.namespace ?? names.namespace;
        checklist.push({ namespace, secret, key: 'tls.crt, tls.key', type: 'kubernetes.io/tls', source: certificateOf(route, labels), workload: workload.id, usage: [`TLS of ${route.hosts.join(', ')} (Gateway ${options.gateway?.name ?? ''})`], via: 'skeleton' });
        ctx.report('kubernetes/tls-certificate-required', 'gateway', {
          pointer: labels.pointer('SSL_CERT') ?? route.exposure.pointer,
          data: { portIndex: route.exposure.portIndex, certificate: certificateOf(route, labels), gateway: gatewayLabel(ctx), hosts: route.hosts.join(', '), namespace, secret },
          disposition: 'approximated',
        });
      }
    } else {
      const paths = (rulePaths: readonly string[]) => rulePaths.map((path) => ({ path, pathType: 'Prefix', backend: { service: { name: backend.name, port: { number: backend.port } } } }));
      const spec: Record<string, unknown> = {};
      if (choice.className !== undefined) spec.ingressClassName = choice.className;
      if (route.tls) {
        const secret = childName(name, 'tls');
        spec.tls = [{ hosts: [...route.hosts], secretName: secret }];
        checklist.push({ namespace: names.namespace, secret, key: 'tls.crt, tls.key', type: 'kubernetes.io/tls', source: certificateOf(route, labels), workload: workload.id, usage: [`TLS of Ingress ${name}`], via: 'skeleton' });
        ctx.report('kubernetes/tls-certificate-required', 'ingress', {
          pointer: labels.pointer('SSL_CERT') ?? route.exposure.pointer,
          data: { portIndex: route.exposure.portIndex, certificate: certificateOf(route, labels), name, namespace: names.namespace, secret },
          disposition: 'approximated',
        });
      }
      spec.rules = route.hosts.length > 0 ? route.hosts.map((host) => ({ host, http: { paths: paths(route.paths) } })) : [{ http: { paths: paths(route.paths) } }];
      objects.push({ apiVersion: INGRESS_API, kind: 'Ingress', metadata: objectMetadata(workload, names, name, { annotations: sortedAnnotations(annotations) }), spec });
    }
    if (route.adminRouter) {
      const path = route.paths[0]!;
      ctx.report('kubernetes/admin-router-path', gateway ? 'gateway' : 'ingress', {
        pointer: route.exposure.pointer,
        data: {
          portIndex: route.exposure.portIndex,
          path,
          name,
          stripped: gateway ? (stripped ? ' (prefix stripped)' : '') : stripPrefix !== undefined ? ', which stripped the prefix' : '',
        },
        disposition: 'approximated',
        subtree: true,
      });
    }
    for (const report of after) report(name, gateway ? 'HTTPRoute' : 'Ingress');
  }
  return objects;
}

function defaultChoice(ctx: MapContext): ClassChoice {
  const className = ctx.target.ingress.defaultClass;
  return className !== undefined ? { className } : {};
}

function parentRef(ctx: MapContext): Record<string, string> {
  const gateway = ctx.options.gateway!;
  return { name: gateway.name, ...(gateway.namespace !== undefined ? { namespace: gateway.namespace } : {}), ...(gateway.sectionName !== undefined ? { sectionName: gateway.sectionName } : {}) };
}

function gatewayLabel(ctx: MapContext): string {
  const gateway = ctx.options.gateway!;
  return `${gateway.namespace ?? ctx.names.namespace}/${gateway.name}`;
}

function certificateOf(route: HttpRoute, labels: LabelAccess): string {
  return labels.raw('SSL_CERT') ?? 'the certificate of marathon-lb';
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

function sortedAnnotations(annotations: StringMap): StringMap {
  const [first, ...rest] = Object.keys(annotations);
  const sorted: StringMap = {};
  if (first !== undefined) sorted[first] = annotations[first]!;
  for (const key of rest.sort()) sorted[key] = annotations[key]!;
  return sorted;
}

/**
 * One `<name>-lb` Service for the ports marathon-lb served in TCP mode (or HTTP without a host):
 * LoadBalancer, or NodePort when the target has no load balancers. A workload whose own Service is
 * already LoadBalancer or NodePort needs none.
 */
function buildLoadBalancer(ctx: MapContext, servicePlan: ServicePlan, ports: readonly TcpPort[], serviceAnnotations: StringMap): K8sObject[] {
  if (ports.length === 0 || !servicePlan.service) return [];
  const { workload, names } = ctx;
  const own = servicePlan.service.metadata.name;
  if (servicePlan.type === 'LoadBalancer' || servicePlan.type === 'NodePort') {
    for (const entry of ports) {
      Object.assign(serviceAnnotations, entry.annotations);
      ctx.report('kubernetes/tcp-load-balancer', 'covered', {
        pointer: entry.exposure.pointer,
        data: { portIndex: entry.exposure.portIndex, lbPort: entry.lbPort, serviceType: servicePlan.type, service: own, port: entry.port.port },
        disposition: 'approximated',
      });
      for (const report of entry.after) report(own, 'Service');
    }
    return [];
  }
  const name = childName(names.name, 'lb');
  const type = ctx.target.loadBalancer === 'no' ? 'NodePort' : 'LoadBalancer';
  const taken = new Set<number>();
  const servicePorts: Record<string, unknown>[] = [];
  const annotations: StringMap = { [ANNOTATION.exposureSource]: 'marathon-lb' };
  for (const entry of ports) {
    if (servicePorts.some((port) => port.name === entry.port.name)) continue;
    const number = freePort((candidate) => taken.has(candidate), entry.lbPort) ?? entry.lbPort;
    if (number !== entry.lbPort) {
      ctx.report('kubernetes/service-port-changed', 'conflict', { pointer: entry.exposure.pointer, data: { servicePort: entry.lbPort, portName: entry.port.name, port: number } });
    }
    taken.add(number);
    servicePorts.push({ name: entry.port.name, port: number, targetPort: entry.port.targetPort, protocol: 'TCP' });
    Object.assign(annotations, entry.annotations);
    ctx.report('kubernetes/tcp-load-balancer', type === 'NodePort' ? 'nodePort' : 'loadBalancer', {
      pointer: entry.exposure.pointer,
      data: { portIndex: entry.exposure.portIndex, lbPort: number, service: name },
      disposition: 'approximated',
    });
    for (const report of entry.after) report(name, 'Service');
  }
  return [
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: objectMetadata(workload, names, name, { annotations: sortedAnnotations(annotations) }),
      spec: { type, selector: selectorLabels(names), ports: servicePorts },
    },
  ];
}
