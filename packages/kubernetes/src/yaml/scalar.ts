// How one string becomes a YAML scalar. The rules are deliberately conservative: a string is
// written plain only when no YAML 1.1 or 1.2 reader (kubectl's go-yaml, the `yaml` package,
// PyYAML) can read it as anything but that same string. Everything else is double-quoted, or a
// literal block when it is multi-line text (config files, scripts) that people will review.

/** Characters a plain scalar may hold: printable ASCII without quotes, `#`, flow or tag indicators. */
const PLAIN = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_./:@=+~,;$%()- ') PLAIN[c.charCodeAt(0)] = 1;
/** First characters that are YAML indicators, signs, digits or spaces (numbers, `- x`, `&a`, `!t`…). */
const UNSAFE_FIRST = new Uint8Array(128);
for (const c of '-?:,[]{}#&*!|>\'"%@`<=+.0123456789~\\ ') UNSAFE_FIRST[c.charCodeAt(0)] = 1;
/** Words that YAML 1.1 or 1.2 read as booleans or null, in any case. */
const RESERVED = new Set(['y', 'n', 'yes', 'no', 'on', 'off', 'true', 'false', 'null', '~']);
/** `e9` is a float to YAML 1.1 readers that make the mantissa optional (the `yaml` package does). */
const LOOSE_EXPONENT = /^[eE][-+]?[0-9]+$/;

/** Printable characters a literal block or a double-quoted scalar may hold raw. */
const NEEDS_ESCAPE = /[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff"\\]/;

export function isPlainSafe(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  const c0 = s.charCodeAt(0);
  if (c0 >= 128 || PLAIN[c0] !== 1 || UNSAFE_FIRST[c0] === 1) return false;
  let prev = c0;
  for (let i = 1; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || PLAIN[c] !== 1) return false;
    // `: ` is structure; runs of spaces are kept out to keep the rule simple.
    if (c === 0x20 && (prev === 0x3a || prev === 0x20)) return false;
    prev = c;
  }
  // A trailing space would be trimmed, a trailing `:` would start a mapping.
  if (prev === 0x20 || prev === 0x3a) return false;
  if (n <= 5 && RESERVED.has(s.toLowerCase())) return false;
  if ((c0 === 0x65 || c0 === 0x45) && LOOSE_EXPONENT.test(s)) return false;
  return true;
}

/** JSON-style escapes are valid YAML double-quoted escapes; add the ones JSON leaves raw. */
export function doubleQuoted(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return `"${s}"`;
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s[i]! + s[i + 1]!; // a well-formed pair is printable
        i++;
        continue;
      }
    }
    if (c === 0x22) out += '\\"';
    else if (c === 0x5c) out += '\\\\';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0xd800 && c <= 0xdfff) || c === 0xfffe || c === 0xffff) {
      out += '\\u' + c.toString(16).padStart(4, '0');
    } else out += s[i];
  }
  return out + '"';
}

/**
 * Multi-line text as a literal block (`|`, `|-`, `|+`), or null when a block could not hold it
 * exactly: escapes needed, tabs or carriage returns, blank-looking lines made of spaces, or a
 * first non-empty line starting with a space (it would set the indentation).
 */
export function literalBlock(s: string, indent: string): string | null {
  if (!s.includes('\n') || NEEDS_ESCAPE_IN_BLOCK.test(s)) return null;
  const body = s.replace(/\n+$/, '');
  if (body.length === 0) return null;
  const trailing = s.length - body.length;
  const lines = body.split('\n');
  // The first non-empty line sets the block's indentation: it must not start with a space.
  if (lines.find((l) => l.length > 0)!.startsWith(' ')) return null;
  for (const line of lines) if (line.length > 0 && line.trim().length === 0) return null;
  const header = trailing === 0 ? '|-' : trailing === 1 ? '|' : '|+';
  let out = header;
  for (const line of lines) out += line.length === 0 ? '\n' : `\n${indent}${line}`;
  // keep-chomping: the extra final newlines are the empty lines of the scalar itself.
  for (let i = 1; i < trailing; i++) out += '\n';
  return out;
}

const NEEDS_ESCAPE_IN_BLOCK = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff\ufffe\uffff]/;

export function stringScalar(s: string): string {
  return isPlainSafe(s) ? s : doubleQuoted(s);
}

export function numberScalar(n: number): string {
  if (Number.isNaN(n)) return '.nan';
  if (n === Infinity) return '.inf';
  if (n === -Infinity) return '-.inf';
  if (Object.is(n, -0)) return '-0';
  const s = String(n);
  // YAML 1.1 floats need a dot: `1e+21` would be a string there, `1.0e+21` is a float in both.
  return s.includes('e') && !s.includes('.') ? s.replace('e', '.0e') : s;
}
