// Preloaded (`node --import`) into each measured child: at exit it writes the process's peak RSS
// (getrusage maxRSS, the figure `/usr/bin/time -v` prints), CPU time and uptime to
// $BATON_BENCH_PROBE. With $BATON_BENCH_IMPORTS it also lists every module the process loaded:
// ESM through a resolve hook, CommonJS from require.cache.
import { appendFileSync, writeFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const probe = process.env.BATON_BENCH_PROBE;
const imports = process.env.BATON_BENCH_IMPORTS;

if (imports) register('./import-hooks.mjs', import.meta.url);

process.on('exit', (code) => {
  const usage = process.resourceUsage();
  if (probe) {
    writeFileSync(
      probe,
      JSON.stringify({
        code,
        maxRssMB: usage.maxRSS / 1024,
        cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
        uptimeMs: performance.now(),
      }),
    );
  }
  if (imports) {
    const cjs = Object.keys(createRequire(import.meta.url).cache).map((file) => `cjs ${file}`);
    if (cjs.length > 0) appendFileSync(imports, `${cjs.join('\n')}\n`);
  }
});
