import type { Disposition, JsonPointer, LedgerClaim, LedgerRecorder, ReportInput } from '@baton/core';
import { deepEqual, isObject, readBoolean, readEnum, readNumber, type JsonObject, type Mutable } from '../normalize/lenient.js';
import { escapeToken } from '../normalize/normalize-shared.js';
import { under, type FieldSpec } from './field-spec.js';
import { MARATHON_FIELD_TABLE } from './field-table.js';
import { compileFieldTable, expectsObject, keyNode, pathTokens, type FieldNode } from './field-trie.js';

export type DefinitionShape = 'app' | 'pod' | 'pod-status';

export interface CoverageContext {
  readonly ledger: LedgerRecorder;
  report(finding: ReportInput): void;
}

let roots: Record<DefinitionShape, FieldNode> | undefined;

function rootFor(shape: DefinitionShape): FieldNode {
  roots ??= {
    app: compileFieldTable(MARATHON_FIELD_TABLE.app),
    pod: compileFieldTable(MARATHON_FIELD_TABLE.pod),
    'pod-status': compileFieldTable([...MARATHON_FIELD_TABLE.podStatus, ...under('spec', MARATHON_FIELD_TABLE.pod)]),
  };
  return roots[shape];
}

/**
 * Claims every leaf of a definition in the coverage ledger from the field table, and reports the
 * findings the table asks for: unknown fields, values of the wrong type, deprecated and unsupported
 * fields. Never throws on any JSON value.
 */
export function claimCoverage(workload: string, definition: unknown, shape: DefinitionShape, ctx: CoverageContext): void {
  // nodes[d] holds the JSON pointer at depth d, shared by every workload claimed into this ledger
  const nodes: PointerNode[] = [pointerRoot(ctx.ledger, shape)];
  const legacyReported = new Set<string>();

  const pointerAt = (depth = nodes.length - 1): JsonPointer => nodes[depth]!.pointer;

  const claim = (pointer: JsonPointer, disposition: Disposition, spec: FieldSpec | undefined, subtree = false, ruleId?: string) => {
    const plain = plainClaim(spec, disposition);
    if (!subtree && ruleId === undefined) {
      ctx.ledger.claim(workload, pointer, plain);
      return;
    }
    const entry: Mutable<LedgerClaim> = { ...plain };
    if (ruleId !== undefined) entry.ruleId = ruleId;
    if (subtree) entry.subtree = true;
    ctx.ledger.claim(workload, pointer, entry);
  };

  const report = (rule: string, messageId: string, pointer: JsonPointer, data: Record<string, unknown>, disposition?: 'approximated' | 'unsupported', subtree = false) =>
    ctx.report({ rule, messageId, workload, pointer, data: { pointer, ...data }, ...(disposition ? { disposition, subtree } : {}) });

  const invalid = (pointer: JsonPointer, value: unknown, expected: string, subtree: boolean) => {
    report('marathon/invalid-definition', 'ignored', pointer, { actual: describe(value), expected }, 'unsupported', subtree);
    claim(pointer, 'unsupported', undefined, subtree, 'marathon/invalid-definition');
  };

  const noteLegacy = (spec: FieldSpec) => {
    if (!spec.legacy) return;
    const root = pointerAt(Math.min(nodes.length - 1, legacyDepth(spec.legacy.root)));
    if (legacyReported.has(root)) return;
    legacyReported.add(root);
    report('marathon/legacy-field', 'translated', root, { replacement: spec.legacy.replacement });
  };

  const settle = (spec: FieldSpec, value: unknown, disposition: Disposition, subtree: boolean) => {
    const pointer = pointerAt();
    noteLegacy(spec);
    if ((disposition === 'approximated' || disposition === 'unsupported') && spec.finding) {
      report(spec.finding.rule, spec.finding.messageId, pointer, { field: spec.path, reason: spec.note, value: display(value) }, disposition, subtree);
      claim(pointer, disposition, spec, subtree, spec.finding.rule);
      return;
    }
    claim(pointer, disposition, spec, subtree);
  };

  const leaf = (node: FieldNode, value: unknown) => {
    const spec = node.spec;
    const pointer = pointerAt();
    if (value === null) {
      // null is absent (§1: ≤1.4 serializes `"ipAddress": null` on every app): nothing was translated
      claim(pointer, 'default', spec);
      return;
    }
    if (typeof value === 'object') {
      // an empty list or map: "nothing", unless the field is a scalar (then the shape is wrong)
      if (spec?.type) invalid(pointer, value, expectedOf(spec), false);
      else if (spec) settle(spec, value, isDefault(spec, value) ? 'default' : spec.disposition, false);
      else claim(pointer, 'default', undefined);
      return;
    }
    if (!spec) {
      invalid(pointer, value, expectsObject(node) ? 'an object' : 'a list', false);
      return;
    }
    const checked = check(spec, value);
    if (checked === INVALID) {
      noteLegacy(spec);
      invalid(pointer, value, expectedOf(spec), false);
      return;
    }
    if (checked !== VALID) {
      noteLegacy(spec);
      report('marathon/invalid-definition', 'coerced', pointer, { actual: describe(value), expected: expectedOf(spec), value: JSON.stringify(checked.coerced) }, 'approximated');
      claim(pointer, 'approximated', spec, false, 'marathon/invalid-definition');
      return;
    }
    settle(spec, value, isDefault(spec, value) ? 'default' : spec.disposition, false);
  };

  const visit = (node: FieldNode, value: unknown) => {
    if (node.spec?.subtree) {
      const empty = value === null || isEmptyContainer(value);
      settle(node.spec, value, empty || isDefault(node.spec, value) ? 'default' : node.spec.disposition, true);
      return;
    }
    if (Array.isArray(value) && value.length > 0) {
      const item = node.item;
      if (!item) return invalid(pointerAt(), value, node.spec ? expectedOf(node.spec) : 'an object', true);
      const top = nodes[nodes.length - 1]!;
      for (let index = 0; index < value.length; index++) descend(item, childPointer(top, index), value[index]);
      return;
    }
    const keys = isObject(value) ? Object.keys(value) : undefined;
    if (keys !== undefined && keys.length > 0) {
      if (!expectsObject(node)) return invalid(pointerAt(), value, node.spec ? expectedOf(node.spec) : 'a list', true);
      const top = nodes[nodes.length - 1]!;
      for (const key of keys) {
        const pointer = childPointer(top, key);
        // the field of a pointer is the same in every definition of this shape: looked up once
        let next = pointer.field;
        if (next === undefined) pointer.field = next = keyNode(node, key) ?? null;
        if (next) descend(next, pointer, (value as JsonObject)[key]);
        else unknown(pointer.pointer);
      }
      return;
    }
    leaf(node, value);
  };

  const descend = (node: FieldNode, pointer: PointerNode, value: unknown) => {
    nodes.push(pointer);
    visit(node, value);
    nodes.pop();
  };

  const unknown = (pointer: JsonPointer) => {
    report('marathon/unknown-field', 'unknown', pointer, {}, 'unsupported', true);
    claim(pointer, 'unsupported', undefined, true, 'marathon/unknown-field');
  };

  visit(rootFor(shape), definition);
}

/**
 * A JSON pointer of a definition. Most pointers recur in every workload (`/container/docker/image`):
 * each is built once per ledger and shared, instead of a new string per leaf that the ledger then
 * hashes and keeps until it settles.
 */
interface PointerNode {
  readonly pointer: JsonPointer;
  keys?: Map<string, PointerNode>;
  items?: PointerNode[];
  /** The field table's node for this key (null: unknown field); the same for every definition of the shape. */
  field?: FieldNode | null;
}

// per ledger, so that the pointers live as long as the claims keyed by them; per shape, for `field`
const pointerRoots = new WeakMap<LedgerRecorder, Partial<Record<DefinitionShape, PointerNode>>>();

function pointerRoot(ledger: LedgerRecorder, shape: DefinitionShape): PointerNode {
  let roots = pointerRoots.get(ledger);
  if (roots === undefined) pointerRoots.set(ledger, (roots = {}));
  return (roots[shape] ??= { pointer: '' });
}

function childPointer(node: PointerNode, token: string | number): PointerNode {
  if (typeof token === 'number') {
    const items = (node.items ??= []);
    return (items[token] ??= { pointer: `${node.pointer}/${token}` });
  }
  let next = (node.keys ??= new Map()).get(token);
  if (next === undefined) {
    next = { pointer: `${node.pointer}/${escapeToken(token)}` };
    node.keys.set(token, next);
  }
  return next;
}

// Nearly every leaf gets a plain claim (a disposition of its field, no rule, no subtree): made once per
// field and disposition and shared by every workload, instead of one object per leaf kept alive until
// the ledger settles. Frozen: the ledger copies a claim to change it, and nothing may change a shared one.
const plainClaims = new Map<FieldSpec | undefined, Partial<Record<Disposition, LedgerClaim>>>();

function plainClaim(spec: FieldSpec | undefined, disposition: Disposition): LedgerClaim {
  let byDisposition = plainClaims.get(spec);
  if (byDisposition === undefined) plainClaims.set(spec, (byDisposition = {}));
  let shared = byDisposition[disposition];
  if (shared === undefined) {
    const entry: Mutable<LedgerClaim> = { disposition };
    if (spec?.to !== undefined && disposition !== 'unsupported') entry.to = spec.to;
    shared = Object.freeze(entry);
    byDisposition[disposition] = shared;
  }
  return shared;
}

const legacyDepths = new Map<string, number>();

/** Depth of a legacy field's root (`container.docker.network` → 3), computed once per field. */
function legacyDepth(root: string): number {
  let depth = legacyDepths.get(root);
  if (depth === undefined) {
    depth = pathTokens(root).length;
    legacyDepths.set(root, depth);
  }
  return depth;
}

// the usual answers need no object: check runs once per leaf (337,000 at 10,000 apps)
const VALID = Symbol('valid');
const INVALID = Symbol('invalid');
type Checked = typeof VALID | typeof INVALID | { readonly coerced: unknown };

/** Same leniency as the normalizer's readers: what is "coerced" here is what was read there. */
function check(spec: FieldSpec, value: unknown): Checked {
  switch (spec.type) {
    case 'string': {
      if (typeof value !== 'string') return { coerced: String(value) };
      if (spec.enum && readEnum(value, spec.enum) === undefined) return INVALID;
      return VALID;
    }
    case 'number': {
      if (typeof value === 'number') return VALID;
      const number = readNumber(value);
      return number === undefined ? INVALID : { coerced: number };
    }
    case 'number-or-unlimited': {
      if (typeof value === 'number' || value === 'unlimited') return VALID;
      const number = readNumber(value);
      return number === undefined ? INVALID : { coerced: number };
    }
    case 'boolean': {
      if (typeof value === 'boolean') return VALID;
      const flag = readBoolean(value);
      return flag === undefined ? INVALID : { coerced: flag };
    }
    default:
      return VALID;
  }
}

function isDefault(spec: FieldSpec, value: unknown): boolean {
  if (!spec.defaults) return false;
  const canonical = spec.enum && typeof value === 'string' ? (readEnum(value, spec.enum) ?? value) : value;
  for (const candidate of spec.defaults) if (deepEqual(candidate, canonical)) return true;
  return false;
}

function isEmptyContainer(value: unknown): boolean {
  return (Array.isArray(value) && value.length === 0) || (isObject(value) && Object.keys(value).length === 0);
}

function expectedOf(spec: FieldSpec): string {
  if (spec.enum) return `one of ${spec.enum.join(', ')}`;
  switch (spec.type) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'number-or-unlimited':
      return 'a number or "unlimited"';
    default:
      return 'a list or an object';
  }
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return `the ${typeof value} ${display(value)}`;
}

/** A short rendering of a value for messages (never the whole subtree). */
function display(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : Array.isArray(value) ? '[…]' : isObject(value) ? '{…}' : String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}
