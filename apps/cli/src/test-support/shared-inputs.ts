import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** ../shared beside the checkout: real Marathon inputs read in place. */
export const SHARED_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../shared');
export const REPO_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

export function realInputFiles(): string[] {
  const dirs = [path.join(SHARED_DIR, 'corpus'), path.join(SHARED_DIR, 'fixtures/marathon-docs')];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.json')) files.push(full);
    }
  };
  for (const dir of dirs) if (existsSync(dir)) walk(dir);
  return files.sort();
}

/** The same classification as ../shared/checks/check-corpus.mjs: malformed JSON, a definition, or other. */
export function classify(text: string): 'malformed' | 'definition' | 'other' {
  let d: any;
  try {
    d = JSON.parse(text);
  } catch {
    return 'malformed';
  }
  const isApp = (x: any) =>
    x && typeof x === 'object' && !Array.isArray(x) && typeof x.id === 'string' && ('cmd' in x || 'container' in x || 'args' in x || 'instances' in x || 'cpus' in x || 'mem' in x);
  const isPod = (x: any) => x && typeof x === 'object' && typeof x.id === 'string' && Array.isArray(x.containers);
  const isGroup = (x: any) => x && typeof x === 'object' && typeof x.id === 'string' && (Array.isArray(x.apps) || Array.isArray(x.groups) || Array.isArray(x.pods));
  if (Array.isArray(d)) return d.length && d.every((x) => isApp(x) || isPod(x)) ? 'definition' : 'other';
  if (isPod(d) || isApp(d) || isGroup(d) || (d && Array.isArray(d.apps) && d.apps.every(isApp)) || (d && isApp(d.app))) return 'definition';
  return 'other';
}
