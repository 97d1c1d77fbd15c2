import { renderTemplate } from '../finding.js';
import { ERROR_CATALOG, type ErrorCode } from './catalog.js';

const BRAND = Symbol.for('baton.error');

/**
 * A tool failure with a permanent code from the catalog. Checked with `BatonError.isInstance`,
 * never `instanceof`: a plugin may load its own copy of @baton/core.
 */
export class BatonError extends Error {
  readonly [BRAND] = true;
  readonly code: ErrorCode;
  readonly data: Readonly<Record<string, string | number>>;
  readonly exitCode: 2 | 3 | 4;
  readonly why: string;
  readonly fix: string;

  constructor(code: ErrorCode, data: Readonly<Record<string, string | number>> = {}, options: { cause?: unknown } = {}) {
    const def = ERROR_CATALOG[code];
    super(renderTemplate(def.what, data), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BatonError';
    this.code = code;
    this.data = data;
    this.exitCode = def.exitCode;
    this.why = renderTemplate(def.why, data);
    this.fix = renderTemplate(def.fix, data);
  }

  static isInstance(value: unknown): value is BatonError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  /** "what happened, why, what to do" on three lines, for people. */
  describe(): string {
    return `${this.code} ${this.message}\n  why: ${this.why}\n  fix: ${this.fix}`;
  }

  toJSON(): { code: string; message: string; why: string; fix: string } {
    return { code: this.code, message: this.message, why: this.why, fix: this.fix };
  }
}
