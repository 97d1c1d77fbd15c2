import { readFile } from 'node:fs/promises';
import { MODEL_VERSION, PLUGIN_API_VERSION, redactLocation, type PluginContext, type Reader, type SourceInput } from '@baton/core';
import { jobToWorkload, workloadIdOf, type MetronomeJob } from './job-to-workload.js';

export interface MetronomeOptions {
  /** DC/OS token, sent as `Authorization: token=<token>`. */
  readonly token?: string;
  /** Also claim plain `http(s)://` URLs (they are Marathon's otherwise); `metronome+http(s)://` always works. */
  readonly claimUrls?: boolean;
  /** Per-request time limit in ms (default 30000). */
  readonly timeoutMs?: number;
}

const SCHEME = /^metronome\+(https?:\/\/.*)$/i;
export const JOBS_PATH = '/v1/jobs?embed=activeRuns&embed=schedules';

/** A Metronome job list (`GET /v1/jobs`) or one job: objects with a string `id` and a `run` object. */
export function isMetronomeDocument(value: unknown): value is MetronomeJob | MetronomeJob[] {
  const isJob = (item: unknown) => typeof item === 'object' && item !== null && typeof (item as MetronomeJob).id === 'string' && typeof (item as MetronomeJob).run === 'object' && (item as MetronomeJob).run !== null;
  return Array.isArray(value) ? value.length > 0 && value.every(isJob) : isJob(value);
}

/**
 * Reads Metronome jobs from a saved `/v1/jobs?embed=activeRuns&embed=schedules` response (a file or
 * stdin) or a live Metronome (`metronome+https://<dcos>/service/metronome`). Detection is narrow
 * (only documents whose items all have `id` and `run`), because readers are asked in order and a
 * Metronome file is also valid JSON.
 */
export function metronomeReader(defaults: MetronomeOptions = {}): Reader<any> {
  const parsed = new Map<string, unknown>();
  const options = (ctx: PluginContext<any>): MetronomeOptions => ({ ...defaults, ...(ctx.options as MetronomeOptions) });
  const parseFile = async (location: string): Promise<unknown> => {
    if (!parsed.has(location)) {
      try {
        parsed.set(location, JSON.parse(await readFile(location, 'utf8')));
      } catch {
        parsed.set(location, undefined);
      }
    }
    return parsed.get(location);
  };
  return {
    apiVersion: PLUGIN_API_VERSION,
    description: 'Metronome jobs with their schedules: a saved /v1/jobs response, or a live Metronome (metronome+https:// URL).',
    async detect(input: SourceInput, ctx) {
      if (input.kind === 'url') return SCHEME.test(input.location) || (options(ctx).claimUrls === true && /^https?:\/\//i.test(input.location));
      if (input.kind === 'stdin') return isMetronomeDocument(safeParse(input.text ?? ''));
      return isMetronomeDocument(await parseFile(input.location));
    },
    async read(input, ctx) {
      let document: unknown;
      let location = input.location;
      if (input.kind === 'url') {
        const base = (SCHEME.exec(input.location)?.[1] ?? input.location).replace(/\/+$/, '');
        location = redactLocation(base);
        document = await fetchJobs(base, options(ctx), ctx);
      } else if (input.kind === 'stdin') {
        document = safeParse(input.text ?? '');
        location = '-';
      } else document = await parseFile(input.location);
      if (!isMetronomeDocument(document)) ctx.fail('BATON1003', { path: location, reason: 'expected a Metronome job list (GET /v1/jobs) or one job' });
      const jobs = Array.isArray(document) ? document : [document];
      const workloads = jobs.map((job, index) => jobToWorkload(job, location, index, ctx));
      return {
        model: { modelVersion: MODEL_VERSION, source: { reader: 'metronome', location, via: input.kind, facts: {} }, workloads, groups: [] },
        definitions: new Map(jobs.map((job) => [workloadIdOf(job.id), job])),
      };
    },
  };
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

async function fetchJobs(base: string, options: MetronomeOptions, ctx: PluginContext<any>): Promise<unknown> {
  const url = `${base}${JOBS_PATH}`;
  const shown = redactLocation(base);
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { accept: 'application/json', ...(options.token ? { authorization: `token=${options.token}` } : {}) },
      signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(options.timeoutMs ?? 30_000)]),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return ctx.fail('BATON2008', { source: 'Metronome', url: shown, reason: cause?.code ?? cause?.message ?? (error as Error).message }, error);
  }
  const text = await response.text();
  if (!response.ok) {
    const reason = safeParse(text) as { message?: string } | undefined;
    return ctx.fail('BATON2009', { source: 'Metronome', url: shown, status: response.status, path: '/v1/jobs', reason: reason?.message ?? response.statusText });
  }
  const document = safeParse(text);
  if (document === undefined) return ctx.fail('BATON2009', { source: 'Metronome', url: shown, status: response.status, path: '/v1/jobs', reason: 'the body is not JSON' });
  return document;
}
