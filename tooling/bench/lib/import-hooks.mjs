// Module loader hooks for probe.mjs (they run on the loader thread): record each resolved URL.
import { appendFileSync } from 'node:fs';

const file = process.env.BATON_BENCH_IMPORTS;

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (file) appendFileSync(file, `esm ${result.url}\n`);
  return result;
}
