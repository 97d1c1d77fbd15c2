import { isObject } from '../normalize/lenient.js';

const SECRET_KEY = /pass(word)?|secret|credential|token|keystore/i;
const URL_USER_INFO = /([a-z][a-z0-9+.-]*:\/\/)[^/@\s]+@/gi;

/**
 * `/v2/info` without anything secret (§2.1: zk URLs may carry credentials): values of
 * password-like keys become `***` and `user:password@` is cut out of every URL.
 */
export function redactInfo(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactInfo);
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, SECRET_KEY.test(key) && item !== null && typeof item !== 'boolean' ? '***' : redactInfo(item)]),
    );
  }
  return typeof value === 'string' ? value.replace(URL_USER_INFO, '$1') : value;
}
