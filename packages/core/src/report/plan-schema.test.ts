import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { PLAN_VERSION } from '../plan.js';
import { PLAN_SCHEMA, PLAN_SCHEMA_ID } from './plan-schema.js';
import { finding, fixturePlan, HOSTILE } from './report-fixtures.js';

const validate = new Ajv2020({ strict: true, allErrors: true }).compile(PLAN_SCHEMA);
const errorsOf = (value: unknown) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`));

describe('PLAN_SCHEMA', () => {
  it('is a strict draft 2020-12 schema published under its $id for this plan version', () => {
    expect(PLAN_SCHEMA.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(PLAN_SCHEMA.$id).toBe(PLAN_SCHEMA_ID);
    expect((PLAN_SCHEMA.properties as any).planVersion.const).toBe(PLAN_VERSION);
  });

  it('accepts plans built by buildPlan, with workload and estate-wide findings and hostile text', () => {
    const plan = fixturePlan(
      [
        { id: '/a', status: 'blocked', dependencies: ['/b'] },
        { id: `/b/${HOSTILE}`, wave: 1 },
      ],
      [finding('demo/blocker', '/a', '/container/volumes/0'), finding('other/note', '*')],
    );
    expect(plan.findings).toHaveLength(1);
    expect(errorsOf(JSON.parse(JSON.stringify(plan)))).toEqual([]);
  });

  it('accepts pointers into keys with line breaks (labels, env names: any text)', () => {
    const pointer = '/labels/line\nbreak\u2028key';
    const plan = JSON.parse(JSON.stringify(fixturePlan([{ id: '/a' }], [finding('demo/blocker', '/a', pointer)])));
    plan.workloads[0].coverage = [{ pointer, disposition: 'mapped' }];
    expect(errorsOf(plan)).toEqual([]);
    plan.workloads[0].coverage[0].pointer = 'labels/no-leading-slash';
    expect(errorsOf(plan)).toContain('/workloads/0/coverage/0/pointer pattern');
  });

  it('rejects what plan.json must never hold: unknown fields, unknown statuses, a workload field inside a workload finding', () => {
    const plan = JSON.parse(JSON.stringify(fixturePlan([{ id: '/a' }], [finding('demo/blocker', '/a')])));
    expect(errorsOf({ ...plan, extra: 1 })).toContain(' additionalProperties');
    plan.workloads[0].status = 'maybe';
    expect(errorsOf(plan)).toContain('/workloads/0/status enum');
    plan.workloads[0].status = 'ready';
    plan.workloads[0].findings[0].workload = '/a';
    expect(errorsOf(plan).length).toBeGreaterThan(0);
  });

  it('is the file shipped as @baton/core/plan.schema.json', () => {
    const file = JSON.parse(readFileSync(new URL('../../plan.schema.json', import.meta.url), 'utf8'));
    expect(file).toEqual(PLAN_SCHEMA);
  });
});
