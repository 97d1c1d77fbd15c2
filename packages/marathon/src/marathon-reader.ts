import { existsSync } from 'node:fs';
import { PLUGIN_API_VERSION, type Reader, type SourceInput } from '@baton/core';
import { looksLikeJson } from './input/read-input-file.js';
import { readMarathonSource } from './read-marathon-source.js';
import { mergeReaderOptions, type MarathonReaderOptions } from './reader-options.js';

/**
 * Claims `http(s)://` URLs, stdin and files that are JSON (by extension or first character);
 * a file that does not exist is claimed too, so the user gets "not found" rather than "no reader".
 */
export async function detectMarathonInput(input: SourceInput): Promise<boolean> {
  if (input.kind === 'url') return /^https?:\/\//i.test(input.location);
  if (input.kind === 'stdin') return true;
  if (/\.json$/i.test(input.location) || !existsSync(input.location)) return true;
  return looksLikeJson(input.location);
}

export function createMarathonReader(defaults: MarathonReaderOptions = {}): Reader<Record<string, unknown>> {
  return {
    apiVersion: PLUGIN_API_VERSION,
    description: 'Marathon and DC/OS: a live API (http/https URL), a Baton snapshot, or app, pod and group JSON files.',
    detect: (input) => detectMarathonInput(input),
    read: (input, ctx) => readMarathonSource(input, mergeReaderOptions(defaults, ctx.options), ctx),
  };
}
