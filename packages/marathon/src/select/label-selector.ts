import { BatonError } from '@baton/core';

// Marathon's label selector (GET /v2/apps?label=…, LabelSelectorParsers): selectors joined by
// commas must all match; a term is [-A-Za-z0-9_.] or any backslash-escaped character.

export type LabelSelector =
  | { readonly key: string; readonly op: 'exists' }
  | { readonly key: string; readonly op: '==' | '!='; readonly value: string }
  | { readonly key: string; readonly op: 'in' | 'notin'; readonly values: readonly string[] };

const TERM = /^(?:\\.|[-A-Za-z0-9_.])+/;

/** Parses `a in (t1, t2), b notin (t1), c, d == x`; throws BATON1001 on a syntax error. */
export function parseLabelSelector(text: string): LabelSelector[] {
  let rest = text;
  const fail = (what: string): never => {
    throw new BatonError('BATON1001', { detail: `invalid label selector ${JSON.stringify(text)}: ${what} at "${rest.slice(0, 20)}"`, command: 'plan' });
  };
  const skip = () => {
    rest = rest.replace(/^\s+/, '');
  };
  const term = (): string => {
    skip();
    const match = TERM.exec(rest);
    if (!match) return fail('expected a label or value');
    rest = rest.slice(match[0].length);
    return match[0].replace(/\\(.)/g, '$1');
  };
  const literal = (token: string): boolean => {
    skip();
    if (!rest.startsWith(token)) return false;
    rest = rest.slice(token.length);
    return true;
  };

  const selectors: LabelSelector[] = [];
  do {
    const key = term();
    skip();
    const equality = /^(==|!=)/.exec(rest)?.[1] as '==' | '!=' | undefined;
    if (equality) {
      rest = rest.slice(2);
      selectors.push({ key, op: equality, value: term() });
    } else if (/^(notin|in)\s*\(/.test(rest)) {
      const op = rest.startsWith('notin') ? 'notin' : 'in';
      rest = rest.slice(op.length);
      literal('(');
      const values: string[] = [];
      if (!literal(')')) {
        do values.push(term());
        while (literal(','));
        if (!literal(')')) fail('expected ")"');
      }
      selectors.push({ key, op, values });
    } else selectors.push({ key, op: 'exists' });
    skip();
  } while (literal(','));
  if (rest.length > 0) fail('unexpected text');
  return selectors;
}

/** Every selector must match; as in Marathon, `!=` and `notin` also require the label to exist. */
export function matchesLabelSelector(selectors: readonly LabelSelector[], labels: Readonly<Record<string, string>>): boolean {
  return selectors.every((selector) => {
    const value = labels[selector.key];
    if (value === undefined) return false;
    switch (selector.op) {
      case 'exists':
        return true;
      case '==':
        return value === selector.value;
      case '!=':
        return value !== selector.value;
      case 'in':
        return selector.values.includes(value);
      case 'notin':
        return !selector.values.includes(value);
    }
  });
}
