import { BatonError } from '@baton/core';

/** JSON.parse with a coded error (BATON1003) naming the file and the parser's complaint. */
export function parseJsonDocument(text: string, path: string): unknown {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new BatonError('BATON1003', { path, reason: 'the file is empty' });
  try {
    return JSON.parse(body);
  } catch (error) {
    throw new BatonError('BATON1003', { path, reason: (error as Error).message.replace(/\.$/, '') });
  }
}
