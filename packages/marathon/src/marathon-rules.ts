import { defineRule } from '@baton/core';

// Every finding the Marathon reader reports. Tests assert on these ids and message ids, never on prose.

const unknownField = defineRule({
  id: 'marathon/unknown-field',
  description: 'A field Marathon does not define (a typo, a plugin field or a newer Marathon) was set aside.',
  defaultSeverity: 'warning',
  impact: 'review',
  messages: { unknown: '`{{pointer}}` is not a Marathon field Baton knows; it is not migrated.' },
  hint: 'Check the spelling against the Marathon API reference; if the field carried meaning, add it to the output by hand or with an override.',
  docs: 'Marathon ignores or rejects fields it does not define, depending on the version. Baton never fails on them: each unknown field is recorded as unsupported in the coverage ledger with this finding, so a typo such as `"protcol"` or a field from a Marathon plugin is visible in the report instead of silently dropped.',
});

const invalidDefinition = defineRule({
  id: 'marathon/invalid-definition',
  description: 'A value Marathon would reject was read leniently or ignored.',
  defaultSeverity: 'warning',
  impact: 'review',
  messages: {
    coerced: '`{{pointer}}` is {{actual}} where Marathon expects {{expected}}; read as {{value}}.',
    ignored: '`{{pointer}}` is {{actual}} where Marathon expects {{expected}}; the value is ignored.',
    badId: 'The id `{{id}}` is not a valid Marathon path: {{reason}}.',
    skipped: 'The definition at `{{pointer}}` was skipped: {{reason}}.',
    conflict: '`{{pointer}}` contradicts `{{other}}`, which Marathon does not accept as written; {{resolution}}.',
  },
  hint: 'Correct the definition: Marathon answers 422 for it, so the running app may differ from this file.',
  docs: 'Files in repositories are often edited by hand and never submitted, or were accepted by an old Marathon. Baton reads what is recognisable: a number written as a string is read as the number, an unknown enum value or a value of the wrong shape is ignored. Each such value is marked approximated (read) or unsupported (ignored) in the coverage ledger.',
});

const legacyField = defineRule({
  id: 'marathon/legacy-field',
  description: 'A deprecated Marathon field was translated the way Marathon 1.5+ translates it.',
  defaultSeverity: 'info',
  impact: 'info',
  messages: { translated: '`{{pointer}}` is deprecated; it was read as `{{replacement}}`, as Marathon does.' },
  hint: 'Nothing to do for the migration; update the definition if it stays in use on Marathon.',
  docs: 'Marathon 1.5 replaced `ports`, `uris`, `ipAddress`, `container.docker.network` and `container.docker.portMappings` with `portDefinitions`, `fetch`, `networks` and `container.portMappings`, and translates the old fields on input. Baton applies the same translation (reference §6.4) and notes it.',
});

const unsupportedField = defineRule({
  id: 'marathon/unsupported-field',
  description: 'A Marathon field with no place in the migration model was not carried over.',
  defaultSeverity: 'warning',
  impact: 'degraded',
  messages: {
    unsupported: '`{{pointer}}` ({{field}}) is not carried over: {{reason}}.',
  },
  hint: 'Decide whether the behaviour matters on Kubernetes and reproduce it by hand if it does.',
  docs: 'Some Marathon settings have no counterpart in the neutral model: executor resources, registry credentials in the removed `docker.credential` form, `storeUrls`, persistent-volume disk constraints, `ignoreHttp1xx` and IPv6 health checks. They are marked unsupported in the coverage ledger with this finding.',
});

const frameworkApp = defineRule({
  id: 'marathon/framework-app',
  description: 'The app is a Mesos framework scheduler (a DC/OS package), which cannot run on Kubernetes.',
  defaultSeverity: 'error',
  impact: 'blocker',
  messages: {
    framework: '`{{id}}` is the scheduler of the Mesos framework `{{framework}}` (label `{{label}}`); its tasks run outside Marathon and cannot be migrated. Use {{instead}} instead.',
    nestedMarathon: '`{{id}}` is a Marathon running on Marathon (`{{service}}`); the apps it runs are in its own tree, not in this one, and are not planned here. Plan them from its own API: `--from <dcos-url>/service/{{service}}` on DC/OS, or its host and port.',
  },
  hint: 'Replace it with the Kubernetes operator or Helm chart of the same software, and migrate its data with that tool; for a Marathon on Marathon, plan its own apps from its URL.',
  docs: 'DC/OS packages such as Kafka, Cassandra, Elastic or Spark install a Marathon app that is only the scheduler: it launches its own Mesos tasks, invisible to Marathon. Moving the scheduler to Kubernetes would run nothing. Baton detects them by the `DCOS_PACKAGE_FRAMEWORK_NAME`, `DCOS_PACKAGE_IS_FRAMEWORK` and `DCOS_MIGRATION_API_*` labels, and names the Kubernetes replacement of well-known packages (Kafka: Strimzi or Confluent for Kubernetes; Cassandra/DSE: K8ssandra; Elastic: ECK; Spark: spark-submit to Kubernetes or the Spark operator; Jenkins: its Helm chart; Chronos/Metronome: CronJobs). A Marathon on Marathon (`DCOS_PACKAGE_NAME=marathon` or the `mesosphere/marathon` image) is a framework too: its apps live in its own tree, reached at `<dcos-url>/service/<name>`, and must be planned from there.',
});

const customExecutor = defineRule({
  id: 'marathon/custom-executor',
  description: 'The app runs under a custom Mesos executor, whose behaviour cannot be reproduced.',
  defaultSeverity: 'error',
  impact: 'blocker',
  messages: { executor: "The app runs under the custom executor `{{value}}`." },
  hint: 'Find out what the executor does (it wraps the command) and build it into the image, then remove the executor.',
  docs: 'Marathon starts a custom executor as `chmod ug+rx <path> && exec <path> <cmd>`; the executor then decides how the task runs. Kubernetes has no executors: the behaviour must move into the container image.',
});

const suspendedApp = defineRule({
  id: 'marathon/suspended-app',
  description: 'The workload is suspended (0 instances).',
  defaultSeverity: 'info',
  impact: 'info',
  messages: { suspended: '`{{id}}` has 0 instances; it is planned with 0 replicas.' },
  hint: 'Decide whether to migrate it at all; scale it up after the move if it is still needed.',
  docs: 'Suspending a Marathon app sets its instances to 0 but keeps the definition (and, for resident apps, the reservations). Baton plans it with 0 replicas so nothing starts.',
});

const deploymentInFlight = defineRule({
  id: 'marathon/deployment-in-flight',
  description: 'A Marathon deployment was running when the source was read.',
  defaultSeverity: 'warning',
  impact: 'review',
  messages: {
    inFlight: 'Deployment `{{deployment}}` was in progress ({{action}}, step {{step}} of {{steps}}); the plan reflects the target definition, not what runs.',
  },
  hint: 'Wait until `GET /v2/deployments` is empty and plan again, or review the workload after the deployment finishes.',
  docs: 'While a deployment runs, the definition Marathon returns is the target, and tasks of the old version may still run. Planning mid-rollout is allowed but the plan may not match the live state.',
});

const queuedApp = defineRule({
  id: 'marathon/queued-app',
  description: 'Marathon was waiting to launch tasks of this workload (queued or backed off).',
  defaultSeverity: 'warning',
  impact: 'review',
  messages: {
    queued: '{{count}} instance(s) were waiting to launch{{delay}}; offers were declined for: {{reasons}}.',
  },
  hint: 'The workload was not fully running on Mesos. Check that its constraints, roles and resources can be satisfied on Kubernetes before relying on the plan.',
  docs: 'Items in `GET /v2/queue` are instances Marathon cannot place. The reject reasons (for example `UnfulfilledConstraint`, `InsufficientMemory`, `UnfulfilledRole`) usually point at placement rules that will fail on Kubernetes too.',
});

const partialTree = defineRule({
  id: 'marathon/partial-tree',
  description: 'Marathon may have hidden apps the credentials are not allowed to see.',
  defaultSeverity: 'info',
  impact: 'info',
  messages: {
    token: 'Marathon was read with a DC/OS token; DC/OS hides apps, pods and groups the identity may not view, so the estate may be incomplete.',
    infoForbidden: 'The identity may not read /v2/info, so it is not a superuser; DC/OS hides apps, pods and groups it may not view, so the estate may be incomplete.',
  },
  hint: 'Plan with a service account that has `dcos:service:marathon:marathon:services:/` read permission to see the whole tree.',
  docs: 'DC/OS Enterprise filters list responses by permission without saying so. A plan made with a narrow token silently lacks the workloads it could not see.',
});

const duplicateId = defineRule({
  id: 'marathon/duplicate-id',
  description: 'The input defines the same id more than once; the first definition was kept.',
  defaultSeverity: 'warning',
  impact: 'review',
  messages: { duplicate: 'The id `{{id}}` is defined again at `{{pointer}}` in {{origin}}; only the first definition (at `{{first}}`) was planned.' },
  hint: 'Remove or rename the duplicate definition; Marathon ids are unique across the whole tree.',
  docs: 'Marathon keeps one definition per id. Files that list the same id twice (often a copy-paste) are planned with the first definition so the rest of the estate still plans.',
});

const plaintextSecret = defineRule({
  id: 'marathon/plaintext-secret',
  description: 'An environment variable, label or artifact URI holds a credential in plain text.',
  defaultSeverity: 'warning',
  impact: 'review',
  messages: {
    env: 'The environment variable `{{name}}` holds a literal value that looks like a credential; it is not copied: the manifest reads it from a Secret you fill (see secrets.md).',
    label: 'The label `{{name}}` holds a literal value that looks like a credential; it is left out of the manifest metadata.',
    uri: 'The artifact URI at `{{pointer}}` carries a password; the password is not copied: the init container reads the whole URI from a Secret you fill (see secrets.md).',
  },
  hint: 'Fill the Secret from the value in Marathon (secrets.md has the command), or move the value into a Marathon `secrets` entry before planning again; rotate it if the definition was ever shared.',
  docs: 'Marathon only keeps secret values out of definitions when they are declared in `secrets` and referenced (`{"secret": "name"}`); anything else is plain text that every reader of the definition sees. Baton never copies such a value into a file: a variable whose name contains PASSWORD, PASSWD, PASS, SECRET, TOKEN, API_KEY, PRIVATE_KEY or CREDENTIAL (unless another word of the name marks a setting about credentials, such as NUM, ALLOW, FILE, PATH, PROVIDER or TTL, or the value is a yes/no flag), or whose value is a URL with a password, becomes a `secretKeyRef` to a Secret skeleton listed in secrets.md; an artifact URI with a password is read by the init container from such a Secret; a credential label is left out of the metadata. Snapshots written by `migrate capture` carry REDACTED-BY-BATON in place of these values (and of marathon-lb auth hashes), so a replay plans the same. The finding never repeats the value.',
});

const podWithoutContainers = defineRule({
  id: 'marathon/pod-without-containers',
  description: 'A pod has no container Marathon would run; Marathon rejects such a pod.',
  defaultSeverity: 'error',
  impact: 'blocker',
  messages: {
    empty: 'The pod `{{id}}` has no containers (`{{pointer}}` is empty); Marathon rejects it and there is nothing to run.',
    unusable: 'None of the {{count}} entries of `{{pointer}}` in the pod `{{id}}` is a container Marathon accepts; there is nothing to run.',
  },
  hint: 'Take the pod\'s definition from the live Marathon (`GET /v2/pods/<id>`) or write its containers by hand; the workload stays blocked until it has one.',
  docs: 'Marathon validates that a pod lists at least one container (PodsValidation: `pod.containers is notEmpty`) and answers 422 otherwise, so such a definition never ran as written: the file was edited by hand or cut short. Baton still plans the rest of the estate; the workload is blocked, since a Kubernetes pod needs at least one container and there is nothing to carry over.',
});

export const MARATHON_RULES = {
  'marathon/unknown-field': unknownField,
  'marathon/invalid-definition': invalidDefinition,
  'marathon/legacy-field': legacyField,
  'marathon/unsupported-field': unsupportedField,
  'marathon/framework-app': frameworkApp,
  'marathon/custom-executor': customExecutor,
  'marathon/suspended-app': suspendedApp,
  'marathon/deployment-in-flight': deploymentInFlight,
  'marathon/queued-app': queuedApp,
  'marathon/partial-tree': partialTree,
  'marathon/duplicate-id': duplicateId,
  'marathon/plaintext-secret': plaintextSecret,
  'marathon/pod-without-containers': podWithoutContainers,
} as const;

export type MarathonRuleId = keyof typeof MARATHON_RULES;
