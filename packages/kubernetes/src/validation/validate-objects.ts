import type { PlannedObject } from '@baton/core';
import { checkName } from './check-name.js';
import { checkPodSpec } from './check-pod-spec.js';
import { fieldTable } from './field-table.js';
import { findUnknownFields } from './find-unknown-fields.js';
import { objectMeta, validators } from './generated/schema-validators.js';
import { kubernetesMinor } from './kubernetes-minor.js';
import { reportSchemaErrors } from './schema-problems.js';
import { isBuiltInGroup, notServedReason } from './served-apis.js';
import type { ManifestProblem, Report, ValidateOptions } from './types.js';

/** CRDs whose own schema leaves metadata free-form: checked as metav1.ObjectMeta. */
const FREE_FORM_METADATA = new Set(['k8s.cni.cncf.io/v1/NetworkAttachmentDefinition']);

/**
 * Validates planned objects offline against the Kubernetes minor they target: schema (types,
 * required fields, enums, quantities, CRD patterns), unknown fields at any depth, fields and
 * APIs the minor does not serve, metadata.name rules and pod specs without containers. Returns every problem found; an empty
 * list means valid. Throws a RangeError for a minor outside SUPPORTED_KUBERNETES_VERSIONS.
 */
export function validateObjects(objects: readonly PlannedObject[], options: ValidateOptions): ManifestProblem[] {
  const minor = kubernetesMinor(options.kubernetesVersion);
  const table = fieldTable();
  const problems: ManifestProblem[] = [];

  for (let index = 0; index < objects.length; index++) {
    const object: unknown = objects[index];
    const o = (object !== null && typeof object === 'object' && !Array.isArray(object) ? object : {}) as Record<string, unknown>;
    const apiVersion = typeof o.apiVersion === 'string' ? o.apiVersion : '';
    const kind = typeof o.kind === 'string' ? o.kind : '';
    const meta = o.metadata as { name?: unknown } | undefined;
    const name = meta !== null && typeof meta === 'object' && typeof meta.name === 'string' ? meta.name : '';
    const report: Report = (pointer, problem, message) => {
      problems.push({ index, apiVersion, kind, name, pointer, message, problem });
    };

    if (o !== object) {
      report('', 'schema', 'must be an object');
      continue;
    }
    if (!apiVersion || !kind) {
      if (!apiVersion) report('/apiVersion', 'schema', 'required field "apiVersion" is missing');
      if (!kind) report('/kind', 'schema', 'required field "kind" is missing');
      continue;
    }
    const gvk = `${apiVersion}/${kind}`;
    if (isBuiltInGroup(apiVersion)) {
      const reason = notServedReason(apiVersion, kind, minor);
      if (reason !== null) {
        report('/apiVersion', 'api-not-served', reason);
        continue;
      }
    }
    const validate = validators[gvk];
    const root = table.roots.get(gvk);
    if (validate === undefined || root === undefined) {
      report('/kind', 'schema', `no schema for ${apiVersion} ${kind} in Baton's validator: it cannot be checked offline`);
      continue;
    }
    reportSchemaErrors(validate, o, '', report);
    if (FREE_FORM_METADATA.has(gvk) && o.metadata !== null && typeof o.metadata === 'object') {
      reportSchemaErrors(objectMeta, o.metadata, '/metadata', report);
    }
    checkName(o.metadata, kind, report);
    checkPodSpec(o, kind, report);
    findUnknownFields(o, root, minor, report);
  }
  return problems;
}
