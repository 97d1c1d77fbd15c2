/**
 * JSON text as a sequence of chunks, so a plan of 10,000 workloads (plan.json ~100 MB, report.sarif
 * ~130 MB) never exists as one string: each chunk is written as soon as it is made and dropped.
 */

/** An array whose items are made while they are serialized (e.g. one SARIF result per finding). */
export class LazyJsonArray {
  constructor(readonly items: () => Iterable<unknown>) {}
}

export interface JsonChunksOptions {
  /** Spaces per level, as JSON.stringify's third argument (default 2). */
  readonly indent?: number;
  /**
   * Containers down to this depth are walked member by member (one chunk per member); deeper
   * values are stringified whole. Default 4.
   */
  readonly depth?: number;
  /**
   * Arrays under these property names have one compact JSON value per line instead of indented
   * values (plan.json's coverage ledger: one line per leaf). Without it the text is exactly
   * `JSON.stringify(value, null, indent)`.
   */
  readonly oneLineItemsOf?: ReadonlySet<string>;
}

/**
 * `JSON.stringify(value, null, indent)` (plus the `oneLineItemsOf` exception), in chunks. The
 * concatenation is byte-identical to JSON.stringify for JSON data (plain objects, arrays, strings,
 * numbers, booleans, null; `toJSON` is honoured; undefined, functions and symbols are left out of
 * objects and become null in arrays, as JSON.stringify does). `LazyJsonArray` serializes as an array.
 */
export function* jsonChunks(value: unknown, options: JsonChunksOptions = {}): Generator<string> {
  const gap = ' '.repeat(options.indent ?? 2);
  const resolved = toJsonValue(value, '');
  if (resolved === undefined) return;
  yield* walk(resolved, '', options.depth ?? 4, gap, options.oneLineItemsOf, false);
}

function* walk(value: unknown, indent: string, depth: number, gap: string, oneLine: ReadonlySet<string> | undefined, compactItems: boolean): Generator<string> {
  if (value instanceof LazyJsonArray) {
    yield* walkArray(value.items(), indent, depth, gap, oneLine, compactItems);
    return;
  }
  if (depth <= 0 || value === null || typeof value !== 'object') {
    yield stringifyAt(value, indent, gap);
    return;
  }
  if (Array.isArray(value)) {
    yield* walkArray(value, indent, depth, gap, oneLine, compactItems);
    return;
  }
  const inner = indent + gap;
  let first = true;
  for (const key of Object.keys(value)) {
    const member = toJsonValue((value as Record<string, unknown>)[key], key);
    if (member === undefined) continue;
    yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* walk(member, inner, depth - 1, gap, oneLine, oneLine?.has(key) === true && (Array.isArray(member) || member instanceof LazyJsonArray));
  }
  yield first ? '{}' : `\n${indent}}`;
}

function* walkArray(items: Iterable<unknown>, indent: string, depth: number, gap: string, oneLine: ReadonlySet<string> | undefined, compactItems: boolean): Generator<string> {
  const inner = indent + gap;
  let index = 0;
  for (const item of items) {
    const element = toJsonValue(item, String(index));
    const prefix = `${index === 0 ? '[\n' : ',\n'}${inner}`;
    if (element === undefined) yield `${prefix}null`;
    else if (compactItems) yield prefix + (element instanceof LazyJsonArray ? JSON.stringify([...element.items()]) : JSON.stringify(element));
    else {
      yield prefix;
      yield* walk(element, inner, depth - 1, gap, oneLine, false);
    }
    index++;
  }
  yield index === 0 ? '[]' : `\n${indent}]`;
}

/** What JSON.stringify would serialize for `holder[key]`: undefined when it leaves the member out. */
function toJsonValue(value: unknown, key: string): unknown {
  if (value !== null && typeof value === 'object' && !(value instanceof LazyJsonArray) && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
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
