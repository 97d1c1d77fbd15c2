import { cmp } from '../finding.js';
import type { WorkloadStatus } from '../pipeline.js';
import type { PlanWorkload } from '../plan.js';
import { escapeHtml } from './escape-html.js';

/** What one box of the graph stands for: a workload, the workloads of a namespace in a wave, or a whole wave. */
export type WaveGraphLevel = 'workload' | 'namespace' | 'wave';

export interface WaveGraphLimits {
  /** Draw one box per workload up to this many workloads... */
  readonly workloads: number;
  /** ...and this many boxes in the tallest wave, and this many edges. */
  readonly perWave: number;
  readonly edges: number;
}

// Beyond these a box per workload is unreadable (and the SVG heavy), so boxes become groups.
export const WAVE_GRAPH_LIMITS: WaveGraphLimits = { workloads: 120, perWave: 40, edges: 600 };

export interface WaveGraph {
  readonly svg: string;
  readonly level: WaveGraphLevel;
  readonly nodes: number;
  readonly edges: number;
}

type GraphWorkload = Pick<PlanWorkload, 'id' | 'wave' | 'status' | 'namespace' | 'dependencies'>;

interface Node {
  readonly key: string;
  readonly wave: number;
  readonly label: string;
  readonly title: string;
  readonly href: string;
  readonly counts: Record<WorkloadStatus, number>;
  readonly status?: WorkloadStatus;
}

const NODE_W = 210;
const NODE_H = 26;
const GAP_X = 80;
const GAP_Y = 8;
const PAD = 16;
const HEAD = 40;
const LABEL_CHARS = 30;

/**
 * The apply waves as a layered graph: one column per wave, an edge from each dependency to its
 * dependant. Large estates collapse to one box per namespace and wave, then to one box per wave,
 * so the drawing stays readable (and small) at tens of thousands of workloads.
 */
export function renderWaveGraph(
  workloads: readonly GraphWorkload[],
  anchorOf: (id: string) => string,
  limits: WaveGraphLimits = WAVE_GRAPH_LIMITS,
): WaveGraph {
  const waveOf = new Map(workloads.map((w) => [w.id, w.wave]));
  const tallest = (keyOf: (w: GraphWorkload) => string) => {
    const perWave = new Map<number, Set<string>>();
    for (const w of workloads) {
      const set = perWave.get(w.wave) ?? new Set<string>();
      set.add(keyOf(w));
      perWave.set(w.wave, set);
    }
    return Math.max(0, ...[...perWave.values()].map((set) => set.size));
  };
  // Only edges into a later wave are drawn; members of a dependency cycle share a wave.
  const forward =
    workloads.length <= limits.workloads && tallest((w) => w.id) <= limits.perWave
      ? dependencyLinks(workloads).filter(([from, to]) => waveOf.get(from)! < waveOf.get(to)!)
      : undefined;

  let level: WaveGraphLevel;
  if (forward !== undefined && forward.length <= limits.edges) level = 'workload';
  else if (tallest((w) => `${w.wave}\u0000${w.namespace}`) <= limits.perWave) level = 'namespace';
  else level = 'wave';

  const keyOf = (w: GraphWorkload) => (level === 'workload' ? `w\u0000${w.id}` : level === 'namespace' ? `n\u0000${w.wave}\u0000${w.namespace}` : `v\u0000${w.wave}`);
  const nodes = new Map<string, Node>();
  const members = new Map<string, number>();
  for (const w of workloads) {
    const key = keyOf(w);
    let node = nodes.get(key);
    if (!node) {
      node =
        level === 'workload'
          ? { key, wave: w.wave, label: shorten(w.id), title: `${w.id}: ${w.status}`, href: `#${anchorOf(w.id)}`, counts: { ready: 0, degraded: 0, blocked: 0 }, status: w.status }
          : level === 'namespace'
            ? { key, wave: w.wave, label: w.namespace || '(no namespace)', title: '', href: '#workloads', counts: { ready: 0, degraded: 0, blocked: 0 } }
            : { key, wave: w.wave, label: `Wave ${w.wave}`, title: '', href: '#workloads', counts: { ready: 0, degraded: 0, blocked: 0 } };
      nodes.set(key, node);
    }
    node.counts[w.status]++;
    members.set(key, (members.get(key) ?? 0) + 1);
  }

  // Edges between boxes, with how many workload dependencies each stands for.
  const edgeCounts = level === 'workload' ? workloadEdges(forward!, keyOf, workloads) : groupEdges(workloads, keyOf, nodes);

  // Columns; the first sorted by label, later ones by the mean row of their predecessors
  // (one barycentre pass: fewer crossings, still deterministic).
  const waves = [...new Set([...nodes.values()].map((node) => node.wave))].sort((a, b) => a - b);
  const predecessors = new Map<string, string[]>();
  for (const id of [...edgeCounts.keys()].sort(cmp)) {
    const [from, to] = id.split('\u0001') as [string, string];
    predecessors.set(to, [...(predecessors.get(to) ?? []), from]);
  }
  const row = new Map<string, number>();
  const columns = waves.map((wave) => {
    const column = [...nodes.values()].filter((node) => node.wave === wave);
    const weight = (node: Node) => {
      const rows = (predecessors.get(node.key) ?? []).map((key) => row.get(key)).filter((r): r is number => r !== undefined);
      return rows.length === 0 ? Number.POSITIVE_INFINITY : rows.reduce((sum, r) => sum + r, 0) / rows.length;
    };
    const weights = new Map(column.map((node) => [node.key, weight(node)]));
    column.sort((a, b) => weights.get(a.key)! - weights.get(b.key)! || cmp(a.label, b.label) || cmp(a.key, b.key));
    column.forEach((node, index) => row.set(node.key, index));
    return { wave, column };
  });

  const nodeH = level === 'wave' ? NODE_H * 2 : NODE_H;
  const x = (wave: number) => PAD + waves.indexOf(wave) * (NODE_W + GAP_X);
  const y = (key: string) => HEAD + row.get(key)! * (nodeH + GAP_Y);
  const rows = Math.max(1, ...columns.map(({ column }) => column.length));
  const width = Math.max(PAD * 2 + waves.length * (NODE_W + GAP_X) - GAP_X, 320);
  const height = HEAD + rows * (nodeH + GAP_Y) - GAP_Y + PAD;

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="wave-graph" data-level="${level}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="wave-graph-title">`,
    `<title id="wave-graph-title">Apply waves: ${waves.length} waves, ${nodes.size} ${level === 'workload' ? 'workloads' : 'groups'}, ${edgeCounts.size} dependency edges</title>`,
    '<defs><marker id="arrow" viewBox="0 0 8 8" refX="8" refY="4" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" class="arrow"/></marker></defs>',
  );
  for (const { wave, column } of columns) {
    const total = column.reduce((sum, node) => sum + members.get(node.key)!, 0);
    out.push(`<text class="wave-head" x="${x(wave)}" y="${HEAD - 14}">Wave ${wave} · ${total} workload${total === 1 ? '' : 's'}</text>`);
  }
  out.push('<g class="edges">');
  for (const [id, count] of [...edgeCounts.entries()].sort((a, b) => cmp(a[0], b[0]))) {
    const [from, to] = id.split('\u0001') as [string, string];
    const fromNode = nodes.get(from)!;
    const toNode = nodes.get(to)!;
    const x1 = x(fromNode.wave) + NODE_W;
    const y1 = y(from) + nodeH / 2;
    const x2 = x(toNode.wave) - 2;
    const y2 = y(to) + nodeH / 2;
    const bend = Math.max(24, (x2 - x1) / 2);
    // Thicker for more dependencies, but capped: a group edge may stand for thousands.
    const stroke = count > 1 ? ` stroke-width="${Math.min(6, 1.2 + Math.log2(count) / 2).toFixed(1)}"` : '';
    out.push(
      `<path class="edge" d="M${x1} ${y1} C${x1 + bend} ${y1} ${x2 - bend} ${y2} ${x2} ${y2}"${stroke} marker-end="url(#arrow)"><title>${escapeHtml(
        `${fromNode.label} → ${toNode.label}${count > 1 ? ` (${count} dependencies)` : ''}`,
      )}</title></path>`,
    );
  }
  out.push('</g><g class="nodes">');
  for (const { wave, column } of columns) {
    for (const node of column) {
      const nx = x(wave);
      const ny = y(node.key);
      const total = members.get(node.key)!;
      const title = node.status
        ? node.title
        : `${node.label}, wave ${wave}: ${total} workloads (${node.counts.ready} ready, ${node.counts.degraded} degraded, ${node.counts.blocked} blocked)`;
      out.push(`<a href="${escapeHtml(node.href)}" class="node${node.status ? ` s-${node.status}` : ' group'}" data-wave="${wave}">`);
      out.push(`<title>${escapeHtml(title)}</title>`);
      out.push(`<rect x="${nx}" y="${ny}" width="${NODE_W}" height="${nodeH}" rx="5"/>`);
      if (node.status) {
        out.push(`<text x="${nx + 10}" y="${ny + nodeH / 2 + 4}">${escapeHtml(node.label)}</text>`);
      } else {
        // A group box: label and count, then a bar with its ready / degraded / blocked shares.
        const label = level === 'wave' ? `${total} workload${total === 1 ? '' : 's'}` : `${shorten(node.label, LABEL_CHARS - 8)} (${total})`;
        out.push(`<text x="${nx + 10}" y="${ny + (level === 'wave' ? 20 : nodeH / 2 + 1)}">${escapeHtml(label)}</text>`);
        let offset = 0;
        const barY = ny + nodeH - 6;
        for (const status of ['ready', 'degraded', 'blocked'] as const) {
          const share = node.counts[status] / total;
          if (share === 0) continue;
          const w = (NODE_W - 12) * share;
          out.push(`<rect class="bar b-${status}" x="${(nx + 6 + offset).toFixed(1)}" y="${barY}" width="${w.toFixed(1)}" height="3"/>`);
          offset += w;
        }
      }
      out.push('</a>');
    }
  }
  out.push('</g></svg>');
  return { svg: out.join(''), level, nodes: nodes.size, edges: edgeCounts.size };
}

function workloadEdges(forward: readonly [string, string][], keyOf: (w: GraphWorkload) => string, workloads: readonly GraphWorkload[]): Map<string, number> {
  const keyById = new Map(workloads.map((w) => [w.id, keyOf(w)]));
  const counts = new Map<string, number>();
  for (const [from, to] of forward) {
    const id = `${keyById.get(from)}\u0001${keyById.get(to)}`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * Edges between group boxes without listing every workload pair: a group dependency of thousands
 * of dependants on thousands of members would be millions of pairs. Each dependency's members are
 * counted per box once (memoised), then added to every dependant's box.
 */
function groupEdges(workloads: readonly GraphWorkload[], keyOf: (w: GraphWorkload) => string, nodes: ReadonlyMap<string, Node>): Map<string, number> {
  const sorted = [...workloads].sort((a, b) => cmp(a.id, b.id));
  const ids = sorted.map((w) => w.id);
  const membersOf = new Map<string, Map<string, number>>();
  const boxesOf = (dependency: string): Map<string, number> => {
    let boxes = membersOf.get(dependency);
    if (boxes) return boxes;
    boxes = new Map();
    const exact = binarySearch(ids, dependency);
    const hits = exact < ids.length && ids[exact] === dependency ? [exact] : [];
    if (hits.length === 0) {
      const prefix = dependency.endsWith('/') ? dependency : `${dependency}/`;
      for (let i = binarySearch(ids, prefix); i < ids.length && ids[i]!.startsWith(prefix); i++) hits.push(i);
    }
    for (const index of hits) {
      const key = keyOf(sorted[index]!);
      boxes.set(key, (boxes.get(key) ?? 0) + 1);
    }
    membersOf.set(dependency, boxes);
    return boxes;
  };
  const counts = new Map<string, number>();
  for (const workload of workloads) {
    const to = keyOf(workload);
    for (const dependency of workload.dependencies) {
      for (const [from, count] of boxesOf(dependency)) {
        if (nodes.get(from)!.wave >= workload.wave) continue;
        const id = `${from}\u0001${to}`;
        counts.set(id, (counts.get(id) ?? 0) + count);
      }
    }
  }
  return counts;
}

/** First index whose id is not below `value`. */
function binarySearch(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Each dependency as (from, to) workload ids. A dependency on a group means every workload below
 * it (Marathon semantics); ids that match nothing are dropped (the writer reports them).
 */
export function dependencyLinks(workloads: readonly Pick<PlanWorkload, 'id' | 'dependencies'>[]): [string, string][] {
  const ids = workloads.map((w) => w.id).sort(cmp);
  const exact = new Set(ids);
  const below = (group: string): string[] => {
    // ids are sorted, so the members of a group are one contiguous run starting at the prefix.
    const prefix = group.endsWith('/') ? group : `${group}/`;
    const out: string[] = [];
    for (let i = binarySearch(ids, prefix); i < ids.length && ids[i]!.startsWith(prefix); i++) out.push(ids[i]!);
    return out;
  };
  const links: [string, string][] = [];
  for (const workload of workloads) {
    const targets = new Set<string>();
    for (const dependency of workload.dependencies) {
      for (const id of exact.has(dependency) ? [dependency] : below(dependency)) if (id !== workload.id) targets.add(id);
    }
    for (const id of [...targets].sort(cmp)) links.push([id, workload.id]);
  }
  return links;
}

/** Keeps the end of a long id: `/prod/payments/api` matters more than its first folders. */
function shorten(text: string, max = LABEL_CHARS): string {
  return text.length <= max ? text : `…${text.slice(text.length - max + 1)}`;
}
