// Reads a V8 .cpuprofile (`node --cpu-prof`) and ranks functions and packages by self time.
import { readFileSync } from 'node:fs';

/** @returns {{ totalMs: number, functions: {name: string, where: string, ms: number}[], packages: {name: string, ms: number}[], urls: string[] }} */
export function summarizeProfile(file, root) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let index = 0; index < samples.length; index += 1) {
    const delta = timeDeltas[index + 1] ?? 0;
    self.set(samples[index], (self.get(samples[index]) ?? 0) + delta / 1000);
  }
  const functions = new Map();
  const packages = new Map();
  const urls = new Set();
  let totalMs = 0;
  for (const [id, ms] of self) {
    const { callFrame } = byId.get(id);
    totalMs += ms;
    if (callFrame.url) urls.add(callFrame.url);
    const where = shorten(callFrame.url, root);
    const name = callFrame.functionName || '(anonymous)';
    const key = `${name} ${where}:${callFrame.lineNumber + 1}`;
    const entry = functions.get(key) ?? { name, where: `${where}:${callFrame.lineNumber + 1}`, ms: 0 };
    entry.ms += ms;
    functions.set(key, entry);
    const owner = packageOf(callFrame.url, name);
    packages.set(owner, (packages.get(owner) ?? 0) + ms);
  }
  // inclusive (self + callees) per function, counting a recursive function once per stack
  const inclusiveOf = new Map();
  const nodeTotal = (node) => {
    let total = self.get(node.id) ?? 0;
    for (const id of node.children ?? []) total += nodeTotal(byId.get(id));
    inclusiveOf.set(node.id, total);
    return total;
  };
  const rootNode = profile.nodes[0];
  nodeTotal(rootNode);
  const inclusive = new Map();
  const walk = (node, onStack) => {
    const { callFrame } = node;
    const name = callFrame.functionName || '(anonymous)';
    const key = `${name} ${shorten(callFrame.url, root)}:${callFrame.lineNumber + 1}`;
    const fresh = !onStack.has(key);
    if (fresh) {
      const entry = inclusive.get(key) ?? { name, where: `${shorten(callFrame.url, root)}:${callFrame.lineNumber + 1}`, ms: 0 };
      entry.ms += inclusiveOf.get(node.id);
      inclusive.set(key, entry);
      onStack.add(key);
    }
    for (const id of node.children ?? []) walk(byId.get(id), onStack);
    if (fresh) onStack.delete(key);
  };
  walk(rootNode, new Set());
  return {
    totalMs,
    inclusive: [...inclusive.values()].filter((entry) => entry.where !== '(native):1').sort((a, b) => b.ms - a.ms),
    functions: [...functions.values()].sort((a, b) => b.ms - a.ms),
    packages: [...packages.entries()].map(([name, ms]) => ({ name, ms })).sort((a, b) => b.ms - a.ms),
    urls: [...urls],
  };
}

function shorten(url, root) {
  if (!url) return '(native)';
  const text = url.replace(/^file:\/\//, '');
  return text.startsWith(root) ? text.slice(root.length + 1) : text;
}

function packageOf(url, name) {
  if (!url) return name.startsWith('(') ? name : '(native)';
  if (url.startsWith('node:')) return 'node:*';
  const workspace = /\/(packages|apps)\/([^/]+)\/dist\//.exec(url);
  if (workspace) return `@baton/${workspace[2]}`;
  const dependency = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  return dependency ? dependency[1] : url;
}
