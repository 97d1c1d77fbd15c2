import type { StatusCause } from './kubernetes-status.js';

// A few of the API server's validation rules (k8s.io/kubernetes/pkg/apis/*/validation), enough to
// produce real-shaped 422 Invalid responses with `details.causes[].field` in the server's notation.

type Obj = Record<string, any>;
type Cause = Required<StatusCause>;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

const SUBDOMAIN_MESSAGE =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const LABEL_MESSAGE =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const DNS1035_MESSAGE =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";

export function validateObject(kind: string, object: Obj): Cause[] {
  const causes: Cause[] = [];
  const name: string = object.metadata?.name ?? '';
  if (kind === 'Namespace') {
    if (!DNS1123_LABEL.test(name) || name.length > 63) causes.push(invalidValue('metadata.name', JSON.stringify(name), LABEL_MESSAGE));
  } else if (kind === 'Service') {
    if (!DNS1035_LABEL.test(name) || name.length > 63) causes.push(invalidValue('metadata.name', JSON.stringify(name), DNS1035_MESSAGE));
  } else if (!DNS1123_SUBDOMAIN.test(name) || name.length > 253) {
    causes.push(invalidValue('metadata.name', JSON.stringify(name), SUBDOMAIN_MESSAGE));
  }
  switch (kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
      validateController(object, causes);
      break;
    case 'Job':
      validatePodSpec(object.spec?.template?.spec, 'spec.template.spec', causes);
      break;
    case 'CronJob':
      validatePodSpec(object.spec?.jobTemplate?.spec?.template?.spec, 'spec.jobTemplate.spec.template.spec', causes);
      break;
    case 'Pod':
      validatePodSpec(object.spec, 'spec', causes);
      break;
    case 'Service':
      (object.spec?.ports ?? []).forEach((port: Obj, i: number) => {
        if (!Number.isInteger(port.port) || port.port < 1 || port.port > 65535) {
          causes.push(invalidValue(`spec.ports[${i}].port`, String(port.port ?? 0), 'must be between 1 and 65535, inclusive'));
        }
      });
      break;
  }
  return causes;
}

function validateController(object: Obj, causes: Cause[]): void {
  const spec = object.spec ?? {};
  if (typeof spec.replicas === 'number' && spec.replicas < 0) {
    causes.push(invalidValue('spec.replicas', String(spec.replicas), 'must be greater than or equal to 0'));
  }
  const selector = spec.selector?.matchLabels as Record<string, string> | undefined;
  if (!spec.selector) causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' });
  const labels = (spec.template?.metadata?.labels ?? {}) as Record<string, string>;
  if (selector && !Object.entries(selector).every(([key, value]) => labels[key] === value)) {
    const shown = `map[string]string{${Object.entries(labels)
      .map(([k, v]) => `"${k}":"${v}"`)
      .join(', ')}}`;
    causes.push(invalidValue('spec.template.metadata.labels', shown, '`selector` does not match template `labels`'));
  }
  validatePodSpec(spec.template?.spec, 'spec.template.spec', causes);
}

function validatePodSpec(spec: Obj | undefined, at: string, causes: Cause[]): void {
  const containers: Obj[] = spec?.containers ?? [];
  if (containers.length === 0) causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `${at}.containers` });
  containers.forEach((container, i) => {
    if (!container.name) causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `${at}.containers[${i}].name` });
    else if (!DNS1123_LABEL.test(container.name)) causes.push(invalidValue(`${at}.containers[${i}].name`, JSON.stringify(container.name), LABEL_MESSAGE));
    if (!container.image) causes.push({ reason: 'FieldValueRequired', message: 'Required value', field: `${at}.containers[${i}].image` });
  });
}

function invalidValue(field: string, shown: string, detail: string): Cause {
  return { reason: 'FieldValueInvalid', message: `Invalid value: ${shown}: ${detail}`, field };
}
