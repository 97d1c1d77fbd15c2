import type { FieldSpec } from './field-spec.js';

/**
 * The field table compiled for lookups while walking a definition: one node per path token,
 * with exact keys first, then key globs (most specific first), then `*`, and `[]` for array items.
 */
export interface FieldNode {
  readonly spec?: FieldSpec;
  readonly keys: ReadonlyMap<string, FieldNode>;
  readonly globs: readonly { readonly pattern: RegExp; readonly node: FieldNode }[];
  readonly anyKey?: FieldNode;
  readonly item?: FieldNode;
}

interface MutableNode {
  spec?: FieldSpec;
  keys: Map<string, MutableNode>;
  globs: { source: string; weight: number; pattern: RegExp; node: MutableNode }[];
  anyKey?: MutableNode;
  item?: MutableNode;
}

const newNode = (): MutableNode => ({ keys: new Map(), globs: [] });

/** `a.b[].c[][]` → ['a', 'b', '[]', 'c', '[]', '[]'] */
export function pathTokens(path: string): string[] {
  const tokens: string[] = [];
  for (const part of path.split('.')) {
    const name = part.replace(/(\[\])+$/, '');
    if (name.length > 0) tokens.push(name);
    for (let rest = part.slice(name.length); rest.startsWith('[]'); rest = rest.slice(2)) tokens.push('[]');
  }
  return tokens;
}

function globPattern(token: string): RegExp {
  const escaped = token
    .split(/(\{n\}|\*)/)
    .map((piece) => (piece === '{n}' ? '\\d+' : piece === '*' ? '.*' : piece.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${escaped}$`);
}

function child(node: MutableNode, token: string): MutableNode {
  if (token === '[]') return (node.item ??= newNode());
  if (token === '*') return (node.anyKey ??= newNode());
  if (token.includes('*') || token.includes('{n}')) {
    let glob = node.globs.find((candidate) => candidate.source === token);
    if (!glob) {
      glob = { source: token, weight: token.replace(/\{n\}|\*/g, '').length, pattern: globPattern(token), node: newNode() };
      node.globs.push(glob);
      // code-point order for ties: localeCompare would load ICU's collator (~25 ms) on every plan's start
      node.globs.sort((a, b) => b.weight - a.weight || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    }
    return glob.node;
  }
  let next = node.keys.get(token);
  if (!next) {
    next = newNode();
    node.keys.set(token, next);
  }
  return next;
}

export function compileFieldTable(specs: readonly FieldSpec[], into: FieldNode = newNode()): FieldNode {
  const root = into as MutableNode;
  for (const spec of specs) {
    let node = root;
    for (const token of pathTokens(spec.path)) node = child(node, token);
    if (node.spec && node.spec.path !== spec.path) throw new Error(`field table: ${spec.path} collides with ${node.spec.path}`);
    node.spec = spec;
  }
  return root;
}

/** The node for an object key: exact, then the most specific glob, then `*`. */
export function keyNode(node: FieldNode, key: string): FieldNode | undefined {
  const exact = node.keys.get(key);
  if (exact) return exact;
  for (const glob of node.globs) if (glob.pattern.test(key)) return glob.node;
  return node.anyKey;
}

/** True when the node describes an object (named fields or a map), not a scalar or a list. */
export function expectsObject(node: FieldNode): boolean {
  return node.keys.size > 0 || node.globs.length > 0 || node.anyKey !== undefined;
}
