// Golden cases: __fixtures__/<case>/model.json (hand-made model input, groups, options, target) →
// expected.yaml (every emitted YAML and JSON file) and findings.json (rule, message id, pointer, disposition).
// UPDATE_GOLDEN=1 rewrites the expectations; review the diff before committing.
import { GENERIC_TARGET, renderTemplate, type TargetProfile, type WorkloadGroup } from '@baton/core';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { runWriter, type WorkloadInput } from './__fixtures__/builders.js';
import { KUBERNETES_RULES } from './rules.js';
import { findDanglingReferences } from './references.js';
import { validateObjects } from './validation/index.js';

/** Prerequisites a plan declares outside its manifests: Secrets in secrets.md, the Gateway option. */
function prerequisitesOf(run: { result: { files: readonly { path: string; content: string }[] }; options: Record<string, unknown> }) {
  const checklist = run.result.files.find((file) => file.path === 'secrets.md')?.content ?? '';
  const secrets = [...checklist.matchAll(/^\| `[^`]*` \| ([a-z0-9-]+) \| ([a-z0-9.-]+) \|/gm)].map((match) => `${match[1]}/${match[2]}`);
  const gateway = run.options.gateway as { name: string; namespace?: string } | undefined;
  return { secrets, ...(gateway ? { gateway } : {}) };
}

const fixtures = fileURLToPath(new URL('./__fixtures__/', import.meta.url));
const cases = readdirSync(fixtures, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(fixtures, entry.name, 'model.json')))
  .map((entry) => entry.name)
  .sort();

/** JSON has no `undefined`: `null` in a fixture means "absent" (e.g. a container without image), overriding builder defaults. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, item === null ? undefined : withoutNulls(item)]));
  }
  return value;
}

function undefinedPaths(value: unknown, at: string): string[] {
  if (value === undefined) return [at];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, item]) => undefinedPaths(item, `${at}/${key}`));
}

async function render(name: string, kubernetesVersion?: `1.${number}`) {
  const input = withoutNulls(JSON.parse(readFileSync(join(fixtures, name, 'model.json'), 'utf8'))) as {
    workloads: WorkloadInput[];
    groups?: WorkloadGroup[];
    options?: Record<string, unknown>;
    target?: Partial<TargetProfile>;
  };
  const target = { ...GENERIC_TARGET, ...input.target, admission: { ...GENERIC_TARGET.admission, ...input.target?.admission }, ...(kubernetesVersion ? { kubernetesVersion } : {}) } as TargetProfile;
  const run = await runWriter(input.workloads, input.options ?? {}, target, input.groups ?? []);
  const manifests = run.result.files
    .filter((file) => file.path.endsWith('.yaml') || file.path.endsWith('.json'))
    .map((file) => `# ${file.path}\n${file.content}`)
    .join('---\n');
  const findings = run.findings
    .map((finding) => `${finding.workload} ${finding.rule}#${finding.messageId} @${finding.pointer ?? ''}${finding.disposition ? ` ${finding.disposition}${finding.subtree ? '/subtree' : ''}` : ''}`)
    .sort();
  return { manifests, findings, run: { ...run, target, options: input.options ?? {} } };
}

describe('golden cases', () => {
  it('has cases', () => expect(cases.length).toBeGreaterThanOrEqual(6));

  for (const name of cases) {
    it(name, async () => {
      const { manifests, findings, run } = await render(name);
      const expectedYaml = join(fixtures, name, 'expected.yaml');
      const expectedFindings = join(fixtures, name, 'findings.json');
      if (process.env.UPDATE_GOLDEN || !existsSync(expectedYaml)) {
        writeFileSync(expectedYaml, manifests);
        writeFileSync(expectedFindings, `${JSON.stringify(findings, null, 2)}\n`);
      }
      expect(parseAllDocuments(manifests).flatMap((document) => document.errors)).toEqual([]);
      // Every object must pass the offline validator for the target minor (schemas, unknown fields, served APIs),
      // every reference must resolve, and the plan-time checks must have found nothing.
      const objects = [...run.result.shared, ...run.result.workloads.flatMap((output) => output.objects)];
      expect(validateObjects(objects, { kubernetesVersion: run.target.kubernetesVersion })).toEqual([]);
      expect(findDanglingReferences(objects, prerequisitesOf(run))).toEqual([]);
      expect(findings.filter((finding) => /invalid-object|reference-missing/.test(finding))).toEqual([]);
      // plan.json gets the objects as they are: no key may hold `undefined`.
      expect(undefinedPaths(objects, '')).toEqual([]);
      expect(manifests).toBe(readFileSync(expectedYaml, 'utf8'));
      expect(findings).toEqual(JSON.parse(readFileSync(expectedFindings, 'utf8')));
    });
  }

  it('fills every placeholder of the messages and hints it reports', async () => {
    const rules = KUBERNETES_RULES as Record<string, { messages: Record<string, string>; hint: string }>;
    for (const name of cases) {
      const { run } = await render(name);
      for (const finding of run.findings) {
        const rule = rules[finding.rule]!;
        for (const template of [rule.messages[finding.messageId]!, rule.hint]) {
          expect(renderTemplate(template, finding.data), `${finding.rule}#${finding.messageId}`).not.toMatch(/\{\{/);
        }
      }
    }
  });

  it('plans every case into objects valid for the oldest and newest supported minors', async () => {
    for (const name of cases) {
      for (const version of ['1.29', '1.36'] as const) {
        const { run } = await render(name, version);
        const objects = [...run.result.shared, ...run.result.workloads.flatMap((output) => output.objects)];
        expect(validateObjects(objects, { kubernetesVersion: version }), `${name} on ${version}`).toEqual([]);
        expect(findDanglingReferences(objects, prerequisitesOf(run)), `${name} on ${version}`).toEqual([]);
      }
    }
  });

  it('renders every case byte-identically twice', async () => {
    for (const name of cases) {
      const [first, second] = [await render(name), await render(name)];
      expect(second.run.result.files).toEqual(first.run.result.files);
      expect(second.findings).toEqual(first.findings);
    }
  });
});
