import type { JsonPointer, Workload } from '@baton/core';

/** Labels DC/OS (Cosmos, the SDK migration API) puts on framework schedulers (reference §11.1). */
const FRAMEWORK_LABELS = ['DCOS_PACKAGE_FRAMEWORK_NAME', 'DCOS_PACKAGE_IS_FRAMEWORK', 'DCOS_MIGRATION_API_VERSION', 'DCOS_MIGRATION_API_PATH'];

/**
 * What replaces a DC/OS framework on Kubernetes, by package (`DCOS_PACKAGE_NAME`, else the framework
 * name). Only well-known packages; the rest get the general advice.
 */
const ALTERNATIVES: readonly (readonly [RegExp, string])[] = [
  [/kafka/, 'a Kafka operator (Strimzi, or Confluent for Kubernetes)'],
  [/^confluent|schema-registry|rest-proxy|control-center|^connect$|replicator/, 'Confluent for Kubernetes (or Strimzi for Kafka Connect)'],
  [/cassandra|datastax|^dse/, 'K8ssandra (cass-operator)'],
  [/elastic|kibana/, 'ECK (Elastic Cloud on Kubernetes)'],
  [/spark/, 'spark-submit to Kubernetes or the Kubeflow Spark operator'],
  [/jenkins/, 'the Jenkins Helm chart, with the Kubernetes plugin for agents'],
  [/hdfs/, 'an HDFS Helm chart or operator'],
  [/chronos|metronome/, 'Kubernetes CronJobs and Jobs'],
  [/mongo/, 'a MongoDB operator (MongoDB Community or Percona)'],
];

const GENERAL = 'the Kubernetes operator or Helm chart of the same software';

export type FrameworkFinding =
  | { readonly messageId: 'framework'; readonly pointer: JsonPointer; readonly data: { id: string; framework: string; label: string; instead: string } }
  | { readonly messageId: 'nestedMarathon'; readonly pointer: JsonPointer; readonly data: { id: string; service: string } };

/** The marathon/framework-app finding of a workload, if it is a framework scheduler. */
export function frameworkFinding(workload: Workload, labelsPointer: JsonPointer): FrameworkFinding | undefined {
  const labels = workload.labels;
  const label = FRAMEWORK_LABELS.find((key) => key in labels && (key !== 'DCOS_PACKAGE_IS_FRAMEWORK' || labels[key]?.toLowerCase() === 'true'));
  const image = workload.containers.find((container) => isMarathonImage(container.image?.ref));
  // Marathon on Marathon (§2: `<dcos-url>/service/<name>`): its apps are in its own tree, not in this one
  if (labels.DCOS_PACKAGE_NAME === 'marathon' || image) {
    const service = labels.DCOS_SERVICE_NAME ?? labels.DCOS_PACKAGE_FRAMEWORK_NAME ?? workload.id.split('/').filter(Boolean).join('-');
    const pointer = label ? `${labelsPointer}/${label}` : 'DCOS_PACKAGE_NAME' in labels ? `${labelsPointer}/DCOS_PACKAGE_NAME` : (image?.image?.pointer ?? '');
    return { messageId: 'nestedMarathon', pointer, data: { id: workload.id, service } };
  }
  if (!label) return undefined;
  const framework = labels.DCOS_PACKAGE_FRAMEWORK_NAME ?? labels.DCOS_PACKAGE_NAME ?? workload.id;
  const packageName = (labels.DCOS_PACKAGE_NAME ?? framework).toLowerCase();
  const instead = ALTERNATIVES.find(([pattern]) => pattern.test(packageName))?.[1] ?? GENERAL;
  return { messageId: 'framework', pointer: `${labelsPointer}/${label}`, data: { id: workload.id, framework, label, instead } };
}

/** `mesosphere/marathon`, any registry, tag or digest; not `mesosphere/marathon-lb`. */
function isMarathonImage(ref: string | undefined): boolean {
  // nearly no image is one: skip the two rewrites for them
  if (!ref || !ref.includes('mesosphere/marathon')) return false;
  const repository = ref.replace(/@.*$/, '').replace(/:[^/]*$/, '');
  return /(^|\/)mesosphere\/marathon$/.test(repository);
}
