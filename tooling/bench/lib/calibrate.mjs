// Child: a fixed CPU workload (object churn, JSON round trip) whose time shows how fast this
// machine is right now. Bench results from a busy machine are slower across the board; compare
// runs by this figure too. Prints {wallMs, cpuMs} on stdout.
const cpu0 = process.cpuUsage();
const started = performance.now();
let sink = 0;
const objects = [];
for (let index = 0; index < 2_000_000; index++) {
  objects.push({ index, key: `k${index % 1000}` });
  if (objects.length > 100_000) objects.length = 0;
  sink += index % 7;
}
const text = JSON.stringify(Array.from({ length: 200_000 }, (_, index) => ({ a: index, b: `x${index}`, c: [index, null, true] })));
sink += JSON.parse(text).length;
const cpu = process.cpuUsage(cpu0);
process.stdout.write(JSON.stringify({ wallMs: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000, sink }));
