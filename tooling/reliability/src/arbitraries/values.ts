import fc from 'fast-check';
import { hostileString } from './strings.js';

/** A value of the wrong shape for any field: what hand-edited files and old Marathons hold. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 5 }),
  fc.double({ noNaN: true }),
  hostileString,
  fc.constant([]),
  fc.constant({}),
  fc.jsonValue({ maxDepth: 2 }),
);

/**
 * How field values are drawn. `strict`: only values Marathon accepts (the catalog's types, ranges
 * and enums; free text stays hostile, since Marathon takes any string there). Otherwise: usually
 * valid, sometimes an edge case (numbers as strings, legacy spellings, out of range), now and then
 * a value of the wrong type.
 */
export interface Kit {
  readonly strict: boolean;
  field<T>(valid: fc.Arbitrary<T>, ...edges: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown>;
  /** A number in Marathon's range; in loose mode also as a string, negative, fractional or huge. */
  numeric(min: number, max: number, integer?: boolean): fc.Arbitrary<unknown>;
  readonly bool: fc.Arbitrary<unknown>;
  /** An enum value in Marathon's spelling; loose: also lower case or unknown. */
  enumValue(values: readonly string[], ...extra: string[]): fc.Arbitrary<unknown>;
}

export function createKit(strict: boolean): Kit {
  const field = <T>(valid: fc.Arbitrary<T>, ...edges: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown> =>
    strict
      ? (valid as fc.Arbitrary<unknown>)
      : fc.oneof({ weight: 20, arbitrary: valid as fc.Arbitrary<unknown> }, ...edges.map((edge) => ({ weight: 3, arbitrary: edge })), { weight: 1, arbitrary: wrongValue });
  const numeric = (min: number, max: number, integer = false): fc.Arbitrary<unknown> => {
    const inRange = integer ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    // boundaries are valid too, and the places where off-by-one bugs live
    const valid = fc.oneof({ weight: 6, arbitrary: inRange }, { weight: 1, arbitrary: fc.constantFrom(min, max) });
    return field(valid, valid.map((value) => String(value)), fc.constantFrom(-1, -0.5, 0.5, 2 ** 31, 2 ** 53, 1e308, 1e-300));
  };
  return {
    strict,
    field,
    numeric,
    bool: field(fc.boolean(), fc.constantFrom('true', 'false', 1, 0)),
    enumValue: (values, ...extra) =>
      field(fc.constantFrom(...values), fc.constantFrom(...values).map((value) => value.toLowerCase()), fc.constantFrom('UNKNOWN_VALUE', '', ...extra)),
  };
}

/** An object whose every key is optional (Marathon's fields all are, but `id`). */
export function optionalRecord<T extends Record<string, fc.Arbitrary<unknown>>>(model: T): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(model, { requiredKeys: [] }) as fc.Arbitrary<Record<string, unknown>>;
}

export const smallList = <T>(item: fc.Arbitrary<T>, maxLength = 3) => fc.array(item, { maxLength });
