/**
 * JSON text as a sequence of chunks, so a plan of 10,000 workloads (plan.json ~100 MB, report.sarif
 * ~130 MB) never exists as one string: each chunk is written as soon as it is made and dropped.
 */

/** An array whose items are made while they are serialized (e.g. one SARIF result per finding). */
export class LazyJsonArray {
  constructor(readonly items: () => Iterable<unknown>) {}
}

/**
 * A value already rendered as compact JSON text (one SARIF result built as a string, without an
 * object per field). As an item of a `oneLineItemsOf` array its text is used as is; anywhere else
 * it serializes as the value it parses to.
 */
export class CompactJson {
  constructor(readonly text: string) {}
  toJSON(): unknown {
    return JSON.parse(this.text);
  }
}

export interface JsonChunksOptions {
  /** Spaces per level, as JSON.stringify's third argument (default 2). */
  readonly indent?: number;
  /**
   * Containers down to this depth are walked member by member; deeper values are stringified
   * whole by JSON.stringify (fewer, bigger calls are faster). An `oneLineItemsOf` array is walked
   * even just below it (its holder must be within it); a `LazyJsonArray` must be one of them or sit
   * above it. Default 4.
   */
  readonly depth?: number;
  /**
   * Members of containers down to this depth are chunks of their own; below it, a member is
   * serialized into one string (one workload, one SARIF result). Default 2.
   */
  readonly chunkDepth?: number;
  /**
   * Arrays under these property names have one compact JSON value per line instead of indented
   * values (plan.json's coverage ledger: one line per leaf). Without it the text is exactly
   * `JSON.stringify(value, null, indent)`.
   */
  readonly oneLineItemsOf?: ReadonlySet<string>;
}

interface Walk {
  readonly gap: string;
  readonly oneLine: ReadonlySet<string> | undefined;
}

/**
 * `JSON.stringify(value, null, indent)` (plus the `oneLineItemsOf` exception), in chunks. The
 * concatenation is byte-identical to JSON.stringify for JSON data (plain objects, arrays, strings,
 * numbers, booleans, null; `toJSON` is honoured; undefined, functions and symbols are left out of
 * objects and become null in arrays, as JSON.stringify does). `LazyJsonArray` serializes as an array.
 */
export function* jsonChunks(value: unknown, options: JsonChunksOptions = {}): Generator<string> {
  const walk: Walk = { gap: ' '.repeat(options.indent ?? 2), oneLine: options.oneLineItemsOf };
  const resolved = toJsonValue(value, '');
  if (resolved === undefined) return;
  yield* chunksOf(resolved, '', options.depth ?? 4, options.chunkDepth ?? 2, walk, false);
}

/** Walks containers down to `chunkDepth`, yielding a chunk per member; below, members are one string each. */
function* chunksOf(value: unknown, indent: string, depth: number, chunkDepth: number, walk: Walk, compactItems: boolean): Generator<string> {
  if (chunkDepth <= 0 || (depth <= 0 && !compactItems) || value === null || typeof value !== 'object' || value instanceof CompactJson) {
    const parts: string[] = [];
    append(parts, value, indent, depth, walk, compactItems);
    yield parts.length === 1 ? parts[0]! : parts.join('');
    return;
  }
  const inner = indent + walk.gap;
  if (value instanceof LazyJsonArray || Array.isArray(value)) {
    let index = 0;
    for (const item of value instanceof LazyJsonArray ? value.items() : value) {
      const element = toJsonValue(item, String(index));
      const prefix = `${index === 0 ? '[\n' : ',\n'}${inner}`;
      if (element === undefined) yield `${prefix}null`;
      else if (compactItems) yield prefix + compact(element);
      else {
        yield prefix;
        yield* chunksOf(element, inner, depth - 1, chunkDepth - 1, walk, false);
      }
      index++;
    }
    yield index === 0 ? '[]' : `\n${indent}]`;
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const member = toJsonValue((value as Record<string, unknown>)[key], key);
    if (member === undefined) continue;
    yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* chunksOf(member, inner, depth - 1, chunkDepth - 1, walk, isOneLine(walk, key, member));
  }
  yield first ? '{}' : `\n${indent}}`;
}

/** The same serialization as `chunksOf`, appended to `parts`. */
function append(parts: string[], value: unknown, indent: string, depth: number, walk: Walk, compactItems: boolean): void {
  if ((depth <= 0 && !compactItems) || value === null || typeof value !== 'object' || value instanceof CompactJson) {
    parts.push(value instanceof LazyJsonArray ? stringifyAt([...value.items()], indent, walk.gap) : stringifyAt(value, indent, walk.gap));
    return;
  }
  const inner = indent + walk.gap;
  if (value instanceof LazyJsonArray || Array.isArray(value)) {
    let index = 0;
    for (const item of value instanceof LazyJsonArray ? value.items() : value) {
      const element = toJsonValue(item, String(index));
      parts.push(index === 0 ? '[\n' : ',\n', inner);
      if (element === undefined) parts.push('null');
      else if (compactItems) parts.push(compact(element));
      else append(parts, element, inner, depth - 1, walk, false);
      index++;
    }
    parts.push(index === 0 ? '[]' : `\n${indent}]`);
    return;
  }
  let first = true;
  for (const key of Object.keys(value)) {
    const member = toJsonValue((value as Record<string, unknown>)[key], key);
    if (member === undefined) continue;
    parts.push(first ? '{\n' : ',\n', inner, JSON.stringify(key), ': ');
    first = false;
    append(parts, member, inner, depth - 1, walk, isOneLine(walk, key, member));
  }
  parts.push(first ? '{}' : `\n${indent}}`);
}

function isOneLine(walk: Walk, key: string, member: unknown): boolean {
  return walk.oneLine !== undefined && walk.oneLine.has(key) && (Array.isArray(member) || member instanceof LazyJsonArray);
}

// The coverage ledger shares one frozen entry per pointer and claim across workloads: ~400,000
// one-line items of a 10,000-app plan.json are a few thousand distinct objects, each stringified once.
const compactTexts = new WeakMap<object, string>();

/** One item's compact JSON. A frozen item is taken as unchanging (frozen all the way down, as ledger entries are). */
function compact(element: unknown): string {
  if (element instanceof CompactJson) return element.text;
  if (element instanceof LazyJsonArray) return JSON.stringify([...element.items()]);
  if (element !== null && typeof element === 'object' && Object.isFrozen(element)) {
    let text = compactTexts.get(element);
    if (text === undefined) {
      text = JSON.stringify(element);
      compactTexts.set(element, text);
    }
    return text;
  }
  return JSON.stringify(element);
}

/** What JSON.stringify would serialize for `holder[key]`: undefined when it leaves the member out. */
function toJsonValue(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && !(value instanceof LazyJsonArray) && !(value instanceof CompactJson) && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: (key: string) => unknown }).toJSON(key);
  }
  return value === undefined || typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
}

/** JSON.stringify of a value nested at `indent`: its own line breaks get the enclosing indentation. */
function stringifyAt(value: unknown, indent: string, gap: string): string {
  const text = JSON.stringify(value, null, gap) ?? 'null';
  // JSON text has no raw line breaks inside strings: every '\n' is indentation.
  return indent === '' || !text.includes('\n') ? text : text.replaceAll('\n', `\n${indent}`);
}

/** Joins chunks into one string (small plans, tests, `--format json` on stdout). */
export function joinChunks(chunks: Iterable<string>): string {
  let text = '';
  for (const chunk of chunks) text += chunk;
  return text;
}
