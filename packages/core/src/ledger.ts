import type { JsonPointer } from './model.js';

/**
 * mapped: expressed in the output; default: equal to the source default, nothing to do;
 * runtime: status-only (tasksRunning, version); approximated / unsupported: with a finding.
 */
export type Disposition = 'mapped' | 'default' | 'runtime' | 'approximated' | 'unsupported';

export const DISPOSITIONS: readonly Disposition[] = ['mapped', 'default', 'runtime', 'approximated', 'unsupported'];

export interface LedgerClaim {
  readonly disposition: Disposition;
  /** Where it went: an output field (`Deployment.spec.replicas`) or a model field. */
  readonly to?: string;
  /** The finding's rule for approximated and unsupported leaves. */
  readonly ruleId?: string;
  /** The claim covers every leaf below the pointer (e.g. all labels). */
  readonly subtree?: boolean;
}

export interface LedgerEntry {
  readonly pointer: JsonPointer;
  readonly disposition: Disposition;
  readonly to?: string;
  readonly ruleId?: string;
}

// When two plugins claim one leaf, the more cautious word wins: a writer that could only
// approximate overrides a reader that mapped the field into the model.
const RANK: Record<Disposition, number> = { default: 1, runtime: 2, mapped: 3, approximated: 4, unsupported: 5 };

/** Records, per workload, what happened to each part of its source definition. */
export class CoverageLedger {
  private readonly claims = new Map<string, Map<JsonPointer, LedgerClaim>>();
  // readers claim the leaves of one workload after another: remember the last workload's map
  private lastWorkload: string | undefined;
  private lastClaims: Map<JsonPointer, LedgerClaim> | undefined;
  // every workload's definition has mostly the same pointers: settle makes each once per ledger
  private readonly pointers: PointerNode = { pointer: '', parent: undefined };

  claim(workload: string, pointer: JsonPointer, claim: LedgerClaim): void {
    let byPointer = workload === this.lastWorkload ? this.lastClaims : this.claims.get(workload);
    if (!byPointer) {
      byPointer = new Map();
      this.claims.set(workload, byPointer);
    }
    this.lastWorkload = workload;
    this.lastClaims = byPointer;
    const previous = byPointer.get(pointer);
    if (!previous || RANK[claim.disposition] >= RANK[previous.disposition]) {
      // a copy only when a subtree flag must be carried over (claims are read-only: no copy otherwise)
      const subtree = claim.subtree ?? previous?.subtree;
      byPointer.set(pointer, subtree === claim.subtree ? claim : { ...claim, subtree });
    }
  }

  /** The claim governing a leaf: its own, or the nearest ancestor's subtree claim. */
  resolve(workload: string, pointer: JsonPointer): LedgerClaim | undefined {
    const byPointer = this.claims.get(workload);
    return byPointer && resolveIn(byPointer, pointer);
  }

  /**
   * One entry per leaf of `definition`. Leaves nobody claimed are returned in `unclaimed`
   * so the engine can turn them into `unsupported` entries with a finding: no silent loss.
   */
  settle(workload: string, definition: unknown): { entries: LedgerEntry[]; unclaimed: JsonPointer[] } {
    const entries: LedgerEntry[] = [];
    const unclaimed: JsonPointer[] = [];
    const byPointer = this.claims.get(workload);
    walkLeafNodes(definition, this.pointers, (node) => {
      const claim = byPointer && resolveNode(byPointer, node);
      if (!claim) {
        unclaimed.push(node.pointer);
        return;
      }
      entries.push(entryFor(node, claim));
    });
    return { entries, unclaimed };
  }
}

/**
 * A JSON pointer met while settling, with its parent. Made once per ledger and shared by every
 * workload's entries: building and hashing a new pointer string per leaf, and one per ancestor
 * when looking for a subtree claim, was most of settle's time, and the copies stayed in the plan.
 */
interface PointerNode {
  readonly pointer: JsonPointer;
  readonly parent: PointerNode | undefined;
  keys?: Map<string, PointerNode>;
  items?: PointerNode[];
  /** The entry of this pointer under each frozen claim, shared by every workload that settles it so. */
  entries?: Map<LedgerClaim, LedgerEntry>;
}

/**
 * The ledger entry of a leaf. A frozen claim never changes (readers share one per field and
 * disposition), so its entry for a pointer is made once and shared, frozen as well: the same
 * leaf settled the same way in 11,000 workloads was 11,000 equal objects kept until the plan is written.
 */
function entryFor(node: PointerNode, claim: LedgerClaim): LedgerEntry {
  const shared = Object.isFrozen(claim);
  if (shared) {
    const known = node.entries?.get(claim);
    if (known !== undefined) return known;
  }
  const entry: { pointer: string; disposition: Disposition; to?: string; ruleId?: string } = {
    pointer: node.pointer,
    disposition: claim.disposition,
  };
  if (claim.to !== undefined) entry.to = claim.to;
  if (claim.ruleId !== undefined) entry.ruleId = claim.ruleId;
  if (!shared) return entry;
  Object.freeze(entry);
  (node.entries ??= new Map()).set(claim, entry);
  return entry;
}

function keyNode(node: PointerNode, key: string): PointerNode {
  let next = (node.keys ??= new Map()).get(key);
  if (next === undefined) {
    next = { pointer: `${node.pointer}/${escapePointerToken(key)}`, parent: node };
    node.keys.set(key, next);
  }
  return next;
}

function itemNode(node: PointerNode, index: number): PointerNode {
  const items = (node.items ??= []);
  return (items[index] ??= { pointer: `${node.pointer}/${index}`, parent: node });
}

/** `walkLeaves` over pointer nodes: the same leaves in the same order. */
function walkLeafNodes(value: unknown, node: PointerNode, visit: (node: PointerNode) => void): void {
  if (Array.isArray(value)) {
    if (value.length === 0) visit(node);
    else for (let index = 0; index < value.length; index++) walkLeafNodes(value[index], itemNode(node, index), visit);
    return;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) visit(node);
    else for (const key of keys) walkLeafNodes((value as Record<string, unknown>)[key], keyNode(node, key), visit);
    return;
  }
  visit(node);
}

/** `resolveIn` for a pointer node: its own claim, or the nearest ancestor's subtree claim. */
function resolveNode(byPointer: ReadonlyMap<JsonPointer, LedgerClaim>, node: PointerNode): LedgerClaim | undefined {
  const own = byPointer.get(node.pointer);
  if (own) return own;
  for (let at = node.parent; at !== undefined; at = at.parent) {
    const claim = byPointer.get(at.pointer);
    if (claim?.subtree) return claim;
  }
  return undefined;
}

function resolveIn(byPointer: ReadonlyMap<JsonPointer, LedgerClaim>, pointer: JsonPointer): LedgerClaim | undefined {
  const own = byPointer.get(pointer);
  if (own) return own;
  let at = pointer;
  while (at.length > 0) {
    at = at.slice(0, at.lastIndexOf('/'));
    const claim = byPointer.get(at);
    if (claim?.subtree) return claim;
  }
  return undefined;
}

/** Calls `visit` for every leaf: scalars, null, and empty arrays or objects. */
export function walkLeaves(value: unknown, pointer: JsonPointer, visit: (pointer: JsonPointer, value: unknown) => void): void {
  if (Array.isArray(value)) {
    if (value.length === 0) visit(pointer, value);
    else for (let index = 0; index < value.length; index++) walkLeaves(value[index], `${pointer}/${index}`, visit);
    return;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 0) visit(pointer, value);
    else for (const key of keys) walkLeaves((value as Record<string, unknown>)[key], `${pointer}/${escapePointerToken(key)}`, visit);
    return;
  }
  visit(pointer, value);
}

export function escapePointerToken(token: string): string {
  return token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token;
}

/** The decoded tokens of a JSON pointer (`/a~1b/0` → `['a/b', '0']`; `''` → `[]`). */
export function pointerTokens(pointer: JsonPointer): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((token) => (token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token));
}

/** The value at a JSON pointer of a document, or undefined when the path does not exist. */
export function valueAtPointer(document: unknown, pointer: JsonPointer): unknown {
  let current = document;
  for (const token of pointerTokens(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

export function pointerOf(...tokens: readonly (string | number)[]): JsonPointer {
  return tokens.map((token) => `/${escapePointerToken(String(token))}`).join('');
}
