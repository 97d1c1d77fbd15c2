// A small semver range matcher for `compatibility.core`: `^1.2.3`, `~1.2.3`, `>=1.2.3 <2`, `1.2.3`,
// `1.x`, `1.2.*`, `*`, and `||` between alternatives. Pre-release tags are compared as equal to
// their release (plugins declare ranges of released cores).

type Version = [number, number, number];

/** `true`/`false`, or `undefined` when `range` is not a range this matcher understands. */
export function satisfiesRange(version: string, range: string): boolean | undefined {
  const parsed = parseVersion(version);
  if (!parsed) return undefined;
  const alternatives = range.split('||').map((part) => part.trim());
  let any = false;
  for (const alternative of alternatives) {
    const comparators = alternative === '' ? ['*'] : alternative.split(/\s+/);
    let all = true;
    for (const comparator of comparators) {
      const result = testComparator(parsed, comparator);
      if (result === undefined) return undefined;
      all &&= result;
    }
    any ||= all;
  }
  return any;
}

function parseVersion(text: string): Version | undefined {
  const match = /^v?(\d+)\.(\d+)\.(\d+)(?:[-+].*)?$/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

/** `1`, `1.2`, `1.x`, `1.2.*`: the given parts, wildcards and missing parts as undefined. */
function parsePartial(text: string): (number | undefined)[] | undefined {
  const match = /^v?(\d+|[xX*])(?:\.(\d+|[xX*]))?(?:\.(\d+|[xX*]))?(?:[-+].*)?$/.exec(text);
  if (!match) return undefined;
  return [match[1], match[2], match[3]].map((part) => (part === undefined || /^[xX*]$/.test(part) ? undefined : Number(part)));
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function testComparator(version: Version, comparator: string): boolean | undefined {
  if (comparator === '*' || comparator === 'x' || comparator === 'X') return true;
  const match = /^(\^|~|>=|<=|>|<|=)?(.+)$/.exec(comparator);
  if (!match) return undefined;
  const operator = match[1] ?? '=';
  const parts = parsePartial(match[2]!);
  if (!parts) return undefined;
  const [major, minor, patch] = parts;
  const floor: Version = [major ?? 0, minor ?? 0, patch ?? 0];
  if (major === undefined) return operator === '=' || operator === '>=' || operator === '<=' ? true : undefined;
  switch (operator) {
    case '=':
      return version[0] === major && (minor === undefined || version[1] === minor) && (patch === undefined || version[2] === patch);
    case '>=':
      return compare(version, floor) >= 0;
    case '>':
      return minor === undefined ? version[0] > major : patch === undefined ? compare(version, [major, minor, Number.MAX_SAFE_INTEGER]) > 0 : compare(version, floor) > 0;
    case '<':
      return compare(version, floor) < 0;
    case '<=':
      return minor === undefined ? version[0] <= major : patch === undefined ? version[0] < major || (version[0] === major && version[1] <= minor) : compare(version, floor) <= 0;
    case '~': {
      const ceiling: Version = minor === undefined ? [major + 1, 0, 0] : [major, minor + 1, 0];
      return compare(version, floor) >= 0 && compare(version, ceiling) < 0;
    }
    case '^': {
      // The left-most non-zero part may not change: ^1.2.3 < 2.0.0, ^0.2.3 < 0.3.0, ^0.0.3 < 0.0.4.
      const ceiling: Version =
        major > 0 || minor === undefined ? [major + 1, 0, 0] : minor > 0 || patch === undefined ? [0, minor + 1, 0] : [0, 0, patch + 1];
      return compare(version, floor) >= 0 && compare(version, ceiling) < 0;
    }
    default:
      return undefined;
  }
}
