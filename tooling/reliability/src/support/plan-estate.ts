// Plans one generated input in memory with Baton's own plugins and checks every promise the design
// makes about the result: a coded error or a plan whose objects validate, no silent loss (ledger,
// workloads, unknown fields), valid YAML that reads back as the objects, file paths inside the plan.
import cni, { BUILT_IN_PROFILE_IDS, cniProfiles } from '@baton/cni';
import {
  BatonError,
  GENERIC_TARGET,
  mergeTargetProfile,
  PLAN_SCHEMA,
  planFiles,
  runPipeline,
  type PipelineResult,
  type TargetProfile,
  type TargetProfileLayer,
} from '@baton/core';
import csi, { csiProfiles } from '@baton/csi';
import kubernetes from '@baton/kubernetes';
import { validateObjects } from '@baton/kubernetes/validation';
import marathon, { extractDefinitions } from '@baton/marathon';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parseAllDocuments } from 'yaml';
import type { GeneratedEstate } from '../arbitraries/marathon-estate.js';

/** Input errors a document may legitimately end in: no definition in it, or a lone one without a usable id. */
const INPUT_ERRORS = new Set(['BATON1004', 'BATON1005']);

let validatePlanSchema: ((value: unknown) => boolean) & { errors?: unknown } | undefined;

/** The profiles `--target` offers, built the way the CLI builds them (generic base + CNI half + CSI half). */
export function builtInTargets(): TargetProfile[] {
  return BUILT_IN_PROFILE_IDS.map((id) => builtInTarget(id));
}

export function builtInTarget(id: string): TargetProfile {
  if (id === 'generic') return GENERIC_TARGET;
  const cniHalf = (cniProfiles as Record<string, TargetProfileLayer>)[id];
  const csiHalf = (csiProfiles as Record<string, TargetProfileLayer>)[id];
  if (!cniHalf || !csiHalf) throw new Error(`no built-in profile ${id}`);
  return mergeTargetProfile(GENERIC_TARGET, { ...cniHalf, $source: `@baton/cni:${id}` }, { ...csiHalf, $source: `@baton/csi:${id}` });
}

export const plugins = () => [marathon(), kubernetes(), cni(), csi()];

export type PlanOutcome =
  | { readonly kind: 'plan'; readonly result: PipelineResult }
  | { readonly kind: 'error'; readonly error: BatonError };

/** Runs the pipeline on the text like `migrate plan --from -` does. Unexpected throws propagate. */
export async function planText(text: string, target: TargetProfile = GENERIC_TARGET): Promise<PlanOutcome> {
  try {
    const result = await runPipeline({ plugins: plugins(), input: { kind: 'stdin', location: '-', text }, target });
    return { kind: 'plan', result };
  } catch (error) {
    if (BatonError.isInstance(error)) return { kind: 'error', error };
    throw error;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isPrefix = (prefix: string, pointer: string) => pointer === prefix || pointer.startsWith(`${prefix}/`);

/**
 * Every broken promise for one generated input, as readable lines (empty: all kept).
 * `outcome` is what `planText` gave for `estate.text`. `yaml: false` skips reading the manifests
 * back (the slowest check: about 1 ms per object).
 */
export function checkOutcome(estate: GeneratedEstate, outcome: PlanOutcome, target: TargetProfile, options: { readonly yaml?: boolean } = {}): string[] {
  const checkYaml = options.yaml ?? true;
  const problems: string[] = [];
  if (outcome.kind === 'error') {
    const { error } = outcome;
    // 4xxx means a plugin threw: Baton crashed on this input.
    if (!INPUT_ERRORS.has(error.code)) return [`unexpected ${error.code}: ${error.message} ${causeOf(error)}`];
    if (error.code === 'BATON1004' && estate.shape === 'groups') problems.push(`a group tree was refused with BATON1004: ${error.message}`);
    return problems;
  }
  const { result } = outcome;
  const findings = result.findings;
  const byRule = (rule: string) => findings.filter((finding) => finding.ruleId === rule);

  // 1. No workload is lost: every element of an apps/pods list is a workload, a duplicate or a skipped item.
  const workloads = result.model.workloads.length;
  const duplicates = byRule('marathon/duplicate-id').length;
  const skipped = findings.filter((finding) => finding.ruleId === 'marathon/invalid-definition' && finding.workload === '*').length;
  if (workloads + duplicates + skipped !== estate.items.length + estate.junkGroups) {
    problems.push(
      `lost definitions: ${estate.items.length} items + ${estate.junkGroups} junk groups, but ${workloads} workloads + ${duplicates} duplicates + ${skipped} skipped`,
    );
  }

  // 2. Every workload has objects, or is blocked with an error finding that says why.
  const outputs = new Map(result.output.workloads.map((output) => [output.workload, output]));
  for (const workload of result.model.workloads) {
    const output = outputs.get(workload.id);
    const blocked = result.status.get(workload.id) === 'blocked' && findings.some((f) => f.workload === workload.id && f.severity === 'error');
    if ((!output || output.objects.length === 0) && !blocked) problems.push(`${workload.id}: no objects and not blocked`);
  }

  // 3. Objects validate for the target minor. From valid input, always; otherwise an invalid object
  //    must block its workload with kubernetes/invalid-object (the writer's own check), never pass silently.
  const owners: string[] = [];
  const objects: Record<string, any>[] = [];
  for (const output of result.output.workloads) {
    for (const object of output.objects) {
      objects.push(object as never);
      owners.push(output.workload);
    }
  }
  for (const object of result.output.shared) {
    objects.push(object as never);
    owners.push('*');
  }
  for (const problem of validateObjects(objects as never, { kubernetesVersion: target.kubernetesVersion })) {
    const owner = owners[problem.index]!;
    const flagged =
      !estate.strict &&
      owner !== '*' &&
      result.status.get(owner) === 'blocked' &&
      findings.some((f) => f.workload === owner && f.ruleId === 'kubernetes/invalid-object');
    if (!flagged) problems.push(`invalid ${problem.kind} ${JSON.stringify(problem.name)} of ${owner} at ${problem.pointer} (${problem.problem}): ${problem.message}`);
  }
  if (estate.strict) for (const finding of byRule('kubernetes/invalid-object')) problems.push(`valid input, invalid object: ${finding.workload} ${finding.message}`);
  const names = new Map<string, number>();
  for (const object of objects) {
    const key = `${object.apiVersion}/${object.kind} ${object.metadata?.namespace ?? ''}/${object.metadata?.name}`;
    names.set(key, (names.get(key) ?? 0) + 1);
  }
  for (const [key, count] of names) if (count > 1) problems.push(`${count} objects named ${key}: one would overwrite the other`);

  // 4. The ledger: nothing unaccounted; every approximated or unsupported leaf has its finding.
  for (const finding of byRule('core/unaccounted-field')) problems.push(`unaccounted field ${finding.workload} ${finding.pointer}`);
  for (const workload of result.model.workloads) {
    const entries = result.ledger.get(workload.id);
    if (!entries || entries.length === 0) {
      problems.push(`${workload.id}: empty coverage ledger`);
      continue;
    }
    const own = findings.filter((finding) => finding.workload === workload.id);
    for (const entry of entries) {
      if (entry.disposition !== 'approximated' && entry.disposition !== 'unsupported') continue;
      if (!entry.ruleId) problems.push(`${workload.id} ${entry.pointer}: ${entry.disposition} without a rule`);
      else if (!own.some((finding) => finding.ruleId === entry.ruleId && isPrefix(finding.pointer, entry.pointer))) {
        problems.push(`${workload.id} ${entry.pointer}: ${entry.disposition} by ${entry.ruleId} without a finding at or above it`);
      }
    }
  }

  // 5. Unknown fields are findings: each injected field of a planned definition is unsupported with a
  //    rule; each unknown group key is an estate-wide marathon/unknown-field.
  problems.push(...checkUnknownFields(estate, result));
  for (const pointer of estate.groupUnknown ?? []) {
    if (!findings.some((finding) => finding.workload === '*' && finding.ruleId === 'marathon/unknown-field' && finding.pointer === pointer)) {
      problems.push(`unknown group field ${pointer} has no finding`);
    }
  }

  // 6. Files: paths stay inside the plan, YAML parses and reads back as the objects, plan.json is schema-valid.
  let files: { path: string; content: string }[];
  try {
    files = planFiles(result, { name: 'baton-reliability', version: '0.0.0' }).files;
  } catch (error) {
    return [...problems, `planFiles threw: ${(error as Error).stack}`];
  }
  const paths = new Set<string>();
  const parsedYaml = new Map<string, unknown[]>();
  for (const file of files) {
    const problem = pathProblem(file.path);
    if (problem) problems.push(`file ${JSON.stringify(file.path)}: ${problem}`);
    if (paths.has(file.path)) problems.push(`file ${file.path} emitted twice`);
    paths.add(file.path);
    if (checkYaml && file.path.endsWith('.yaml')) {
      const documents = parseAllDocuments(file.content);
      const list = Array.isArray(documents) ? documents : [documents];
      const errors = list.flatMap((document) => document.errors.map((error) => error.message));
      if (errors.length > 0) problems.push(`${file.path}: YAML does not parse: ${errors[0]}`);
      else parsedYaml.set(file.path, list.map((document) => document.toJS()));
    }
  }
  const byPath = new Map(files.map((file) => [file.path, file.content]));
  for (const output of checkYaml ? result.output.workloads : []) {
    if (output.objects.length === 0) continue;
    const read = parsedYaml.get(output.file);
    if (read === undefined) {
      if (!byPath.has(output.file)) problems.push(`${output.workload}: manifest ${output.file} not emitted`);
      continue;
    }
    const missing = output.objects.filter((object) => !read.some((document) => deepEqual(object, document)));
    if (missing.length > 0) problems.push(`${output.file}: ${missing.length} object(s) do not read back from the YAML as written`);
  }
  const planJson = byPath.get('plan.json');
  if (planJson === undefined) problems.push('no plan.json');
  else {
    validatePlanSchema ??= new Ajv2020({ strict: false, allErrors: false }).compile(PLAN_SCHEMA as object) as never;
    const plan = JSON.parse(planJson);
    if (!validatePlanSchema!(plan)) problems.push(`plan.json breaks its schema: ${JSON.stringify(validatePlanSchema!.errors).slice(0, 400)}`);
    if (plan.workloads.length !== result.model.workloads.length) problems.push('plan.json lists another number of workloads than the model');
  }
  return problems;
}

/** The reader's own extraction of the same text tells which item became which workload. */
function checkUnknownFields(estate: GeneratedEstate, result: PipelineResult): string[] {
  const problems: string[] = [];
  const withUnknown = estate.items.filter((item) => item.unknown.length > 0);
  if (withUnknown.length === 0) return problems;
  let document: unknown = JSON.parse(estate.text);
  let prefix = '';
  if (isObject(document) && typeof document.snapshotVersion === 'string') {
    document = (document.marathon as Record<string, unknown>).groups;
    prefix = '/marathon/groups';
  }
  let entries: ReturnType<typeof extractDefinitions>['entries'];
  try {
    entries = extractDefinitions(document, '-').entries;
  } catch {
    return problems; // the pipeline planned it, so this does not happen; the count check covers it
  }
  const kept = new Map<string, (typeof entries)[number]>();
  for (const entry of entries) if (!kept.has(entry.id)) kept.set(entry.id, entry);
  for (const item of withUnknown) {
    const entry = [...kept.values()].find((candidate) => `${prefix}${candidate.originPointer}` === item.pointer);
    if (!entry) continue; // a duplicate or skipped item: counted above
    const ledger = result.ledger.get(entry.id) ?? [];
    for (const pointer of item.unknown) {
      const leaves = ledger.filter((leaf) => isPrefix(pointer, leaf.pointer));
      if (leaves.length === 0) problems.push(`${entry.id}: unknown field ${pointer} is not in the ledger`);
      for (const leaf of leaves) {
        // unsupported by marathon/unknown-field, or set aside with the finding of an enclosing invalid value
        if ((leaf.disposition !== 'unsupported' && leaf.disposition !== 'approximated') || !leaf.ruleId) {
          problems.push(`${entry.id}: unknown field leaf ${leaf.pointer} is ${leaf.disposition}${leaf.ruleId ? ` (${leaf.ruleId})` : ''}, not unsupported with a finding`);
        }
      }
      const reported = result.findings.some(
        (finding) => finding.workload === entry.id && ['marathon/unknown-field', 'marathon/invalid-definition'].includes(finding.ruleId) && isPrefix(finding.pointer, pointer),
      );
      if (!reported) problems.push(`${entry.id}: unknown field ${pointer} has no finding`);
    }
  }
  return problems;
}

/** Why a writer-supplied path could leave the plan directory or not be writable, or undefined. */
export function pathProblem(path: string): string | undefined {
  if (path.length === 0) return 'empty';
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'absolute';
  if (path.includes('\\')) return 'backslash';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(path)) return 'control character';
  const segments = path.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.' || segment === '')) return 'dot or empty segment';
  if (segments.some((segment) => Buffer.byteLength(segment) > 255)) return 'a name longer than 255 bytes (ENAMETOOLONG)';
  if (Buffer.byteLength(path) > 1024) return 'longer than 1024 bytes';
  return undefined;
}

/** `written` as the emitter sees it (undefined properties are skipped, as JSON.stringify does) equals `read`. */
function deepEqual(written: unknown, read: unknown): boolean {
  if (Object.is(written, read)) return true;
  if (typeof written === 'number' && typeof read === 'number') return written === read; // 0 and -0
  if (Array.isArray(written)) return Array.isArray(read) && written.length === read.length && written.every((item, index) => deepEqual(item, read[index]));
  if (isObject(written) && isObject(read)) {
    const keys = Object.keys(written).filter((key) => written[key] !== undefined);
    return keys.length === Object.keys(read).length && keys.every((key) => Object.prototype.hasOwnProperty.call(read, key) && deepEqual(written[key], read[key]));
  }
  return false;
}

function causeOf(error: BatonError): string {
  const cause = error.cause;
  return cause instanceof Error ? (cause.stack ?? cause.message) : '';
}
