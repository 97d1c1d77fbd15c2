// metadata.name rules the API server enforces on create (apimachinery validation), which the
// OpenAPI schemas do not carry. Names derived from Marathon ids (`/prod/my_app`) trip them.
import type { Report } from './types.js';

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** Kinds whose names are stricter than a DNS subdomain, with the rule and the maximum length. */
const STRICTER: Readonly<Record<string, readonly [RegExp, number, string]>> = {
  Service: [DNS1035_LABEL, 63, 'an RFC 1035 label (lower-case letters, digits, "-", starting with a letter)'],
  Namespace: [DNS1123_LABEL, 63, 'an RFC 1123 label (lower-case letters, digits, "-")'],
  // The controller appends an 11-character suffix to name the Jobs it creates.
  CronJob: [DNS1123_SUBDOMAIN, 52, 'a DNS subdomain of at most 52 characters'],
};

export function checkName(metadata: unknown, kind: string, report: Report): void {
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    if (metadata === undefined) report('/metadata', 'schema', 'required field "metadata" is missing');
    return; // a non-object metadata is the schema pass's to report
  }
  const { name, generateName } = metadata as { name?: unknown; generateName?: unknown };
  if (name === undefined || name === '') {
    if (typeof generateName !== 'string' || generateName === '') report('/metadata/name', 'schema', 'required field "name" is missing');
    return;
  }
  if (typeof name !== 'string') return;
  const [rule, max, what] = STRICTER[kind] ?? [DNS1123_SUBDOMAIN, 253, 'a DNS subdomain (lower-case letters, digits, "-" and ".")'];
  if (name.length > max || !rule.test(name)) report('/metadata/name', 'schema', `name ${JSON.stringify(name)} must be ${what} of at most ${max} characters`);
}
