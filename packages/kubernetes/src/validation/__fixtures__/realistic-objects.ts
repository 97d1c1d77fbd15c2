// Objects shaped like what the writer emits for a Marathon app, one of each kind Baton emits.
// Shared by the validator tests and the validator/YAML benchmarks.
import type { PlannedObject } from '@baton/core';

export function deployment(i = 0): PlannedObject {
  const name = `app-${i}`;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name,
      namespace: 'prod',
      labels: { 'app.kubernetes.io/name': name, 'app.kubernetes.io/managed-by': 'baton' },
      annotations: { 'baton.io/source-id': `/prod/${name}` },
    },
    spec: {
      replicas: 3,
      revisionHistoryLimit: 5,
      selector: { matchLabels: { 'app.kubernetes.io/name': name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      template: {
        metadata: { labels: { 'app.kubernetes.io/name': name } },
        spec: {
          terminationGracePeriodSeconds: 30,
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['a', 'b'] }] }],
              },
            },
          },
          tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }],
          containers: [
            {
              name: 'main',
              image: 'registry.example.com/team/app:1.2.3',
              imagePullPolicy: 'IfNotPresent',
              command: ['/bin/sh', '-c'],
              args: ['exec ./server --port $PORT0'],
              ports: [
                { name: 'http', containerPort: 8080, protocol: 'TCP' },
                { name: 'admin', containerPort: 9090 },
              ],
              env: [
                ...Array.from({ length: 10 }, (_, k) => ({ name: `ENV_${k}`, value: `value-${k}` })),
                { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
              ],
              resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
              livenessProbe: {
                httpGet: { path: '/health', port: 'http', scheme: 'HTTP' },
                initialDelaySeconds: 10,
                periodSeconds: 10,
                timeoutSeconds: 2,
                failureThreshold: 3,
              },
              readinessProbe: { tcpSocket: { port: 8080 }, periodSeconds: 5 },
              volumeMounts: [
                { name: 'data', mountPath: '/data' },
                { name: 'config', mountPath: '/etc/app', readOnly: true },
              ],
            },
          ],
          volumes: [
            { name: 'data', persistentVolumeClaim: { claimName: `${name}-data` } },
            { name: 'config', configMap: { name } },
          ],
        },
      },
    },
  };
}

export function statefulSet(i = 0): PlannedObject {
  const name = `db-${i}`;
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name, namespace: 'prod' },
    spec: {
      serviceName: name,
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      selector: { matchLabels: { app: name } },
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            {
              name: 'postgres',
              image: 'postgres:16',
              ports: [{ containerPort: 5432, name: 'pg' }],
              volumeMounts: [{ name: 'data', mountPath: '/var/lib/postgresql/data' }],
            },
          ],
        },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } }, storageClassName: 'gp3' },
        },
      ],
    },
  };
}

export function service(i = 0): PlannedObject {
  const name = `app-${i}`;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: 'prod', labels: { 'app.kubernetes.io/name': name } },
    spec: {
      type: 'ClusterIP',
      selector: { 'app.kubernetes.io/name': name },
      ports: [{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' }],
    },
  };
}

export function configMap(i = 0): PlannedObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `app-${i}`, namespace: 'prod' },
    data: { 'app.conf': 'listen = 8080\nworkers = 4\n', LOG_LEVEL: 'info' },
  };
}

export function persistentVolumeClaim(i = 0): PlannedObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: `app-${i}-data`, namespace: 'prod' },
    spec: { accessModes: ['ReadWriteOnce'], storageClassName: 'standard', resources: { requests: { storage: '5Gi' } } },
  };
}

export function secret(i = 0): PlannedObject {
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: `app-${i}-creds`, namespace: 'prod' },
    type: 'Opaque',
    data: { password: 'c2VjcmV0' },
    stringData: { username: 'app' },
  };
}

export function ingress(i = 0): PlannedObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: `app-${i}`, namespace: 'prod' },
    spec: {
      ingressClassName: 'nginx',
      tls: [{ hosts: ['app.example.com'], secretName: 'app-tls' }],
      rules: [
        {
          host: 'app.example.com',
          http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: `app-${i}`, port: { name: 'http' } } } }] },
        },
      ],
    },
  };
}

export function httpRoute(i = 0): PlannedObject {
  return {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: `app-${i}`, namespace: 'prod' },
    spec: {
      parentRefs: [{ name: 'public', namespace: 'gateway' }],
      hostnames: ['app.example.com'],
      rules: [
        {
          matches: [{ path: { type: 'PathPrefix', value: '/' } }],
          backendRefs: [{ name: `app-${i}`, port: 80 }],
        },
      ],
    },
  };
}

export function externalSecret(i = 0): PlannedObject {
  return {
    apiVersion: 'external-secrets.io/v1',
    kind: 'ExternalSecret',
    metadata: { name: `app-${i}-db`, namespace: 'prod' },
    spec: {
      refreshInterval: '1h',
      secretStoreRef: { kind: 'ClusterSecretStore', name: 'vault' },
      target: { name: `app-${i}-db`, creationPolicy: 'Owner' },
      data: [{ secretKey: 'password', remoteRef: { key: 'prod/app/db', property: 'password' } }],
    },
  };
}

/** One valid object of every kind the validator covers. */
export function everyKind(): PlannedObject[] {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod', labels: { 'pod-security.kubernetes.io/enforce': 'baseline' } } },
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'app', namespace: 'prod' }, automountServiceAccountToken: false },
    {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'nfs-share' },
      spec: {
        capacity: { storage: '100Gi' },
        accessModes: ['ReadWriteMany'],
        persistentVolumeReclaimPolicy: 'Retain',
        nfs: { server: 'nfs.example.com', path: '/exports/share' },
      },
    },
    deployment(),
    statefulSet(),
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'prod' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: { metadata: { labels: { app: 'agent' } }, spec: { hostNetwork: true, containers: [{ name: 'agent', image: 'agent:1' }] } },
      },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: { name: 'migrate', namespace: 'prod' },
      spec: {
        backoffLimit: 2,
        template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image: 'app:1', args: ['migrate'] }] } },
      },
    },
    {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name: 'nightly', namespace: 'prod' },
      spec: {
        schedule: '0 3 * * *',
        concurrencyPolicy: 'Forbid',
        jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'job', image: 'app:1' }] } } } },
      },
    },
    service(),
    configMap(),
    secret(),
    persistentVolumeClaim(),
    ingress(),
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'nginx' },
      spec: { controller: 'k8s.io/ingress-nginx' },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'app', namespace: 'prod' },
      spec: {
        podSelector: { matchLabels: { app: 'app' } },
        policyTypes: ['Ingress'],
        ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: 'web' } } }], ports: [{ protocol: 'TCP', port: 8080 }] }],
      },
    },
    {
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'app', namespace: 'prod' },
      spec: { minAvailable: 1, selector: { matchLabels: { app: 'app' } } },
    },
    {
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'app', namespace: 'prod' },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'app-0' },
        minReplicas: 2,
        maxReplicas: 10,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
      },
    },
    httpRoute(),
    externalSecret(),
    {
      apiVersion: 'k8s.cni.cncf.io/v1',
      kind: 'NetworkAttachmentDefinition',
      metadata: { name: 'macvlan', namespace: 'prod' },
      spec: { config: '{"cniVersion":"0.3.1","type":"macvlan","master":"eth0","mode":"bridge"}' },
    },
  ];
}
