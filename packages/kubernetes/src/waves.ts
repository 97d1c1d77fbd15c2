export interface WaveInput {
  readonly id: string;
  /** Absolute ids of workloads or groups this one must start after. */
  readonly dependencies: readonly string[];
}

export interface WavePlan {
  /** Apply wave per workload id (0 first). */
  readonly waves: ReadonlyMap<string, number>;
  /** Dependency cycles, each sorted, in order of their smallest id. */
  readonly cycles: readonly (readonly string[])[];
  /** Dependencies that name nothing in the plan, per workload id. */
  readonly unknown: ReadonlyMap<string, readonly string[]>;
}

/**
 * Topological layering: a workload's wave is one more than the highest wave of what it depends on.
 * A dependency on a group means every workload below it. Members of a cycle (a strongly connected
 * component) share one wave. Nodes are integers so that group dependencies fanning out to
 * thousands of workloads stay cheap.
 */
export function computeWaves(workloads: readonly WaveInput[]): WavePlan {
  const sorted = [...workloads].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = sorted.map((workload) => workload.id);
  // Every id and every group above it → the workloads it covers, so lookups are O(1).
  const covered = new Map<string, number[]>();
  ids.forEach((id, node) => {
    let path = '';
    for (const segment of id.split('/')) {
      if (segment === '') continue;
      path += `/${segment}`;
      const list = covered.get(path);
      if (list) list.push(node);
      else covered.set(path, [node]);
    }
  });

  const edges: number[][] = [];
  const unknown = new Map<string, string[]>();
  const seen = new Int32Array(ids.length).fill(-1);
  sorted.forEach((workload, node) => {
    const targets: number[] = [];
    for (const dependency of workload.dependencies) {
      const matches = covered.get(`/${dependency.split('/').filter(Boolean).join('/')}`);
      if (!matches) {
        const list = unknown.get(workload.id);
        if (list) list.push(dependency);
        else unknown.set(workload.id, [dependency]);
        continue;
      }
      for (const target of matches) {
        if (target === node || seen[target] === node) continue;
        seen[target] = node;
        targets.push(target);
      }
    }
    edges.push(targets.sort((a, b) => a - b));
  });

  const components = stronglyConnectedComponents(ids.length, edges);
  const componentOf = new Int32Array(ids.length);
  components.forEach((members, index) => members.forEach((node) => (componentOf[node] = index)));
  // Tarjan emits a component only after every component it reaches, so dependencies come first.
  const componentWave = new Int32Array(components.length);
  components.forEach((members, index) => {
    let wave = 0;
    for (const node of members) {
      for (const target of edges[node]!) {
        const other = componentOf[target]!;
        if (other !== index) wave = Math.max(wave, componentWave[other]! + 1);
      }
    }
    componentWave[index] = wave;
  });

  const waves = new Map<string, number>();
  ids.forEach((id, node) => waves.set(id, componentWave[componentOf[node]!]!));
  const cycles = components
    .filter((members) => members.length > 1)
    .map((members) => members.sort((a, b) => a - b).map((node) => ids[node]!))
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  return { waves, cycles, unknown };
}

/** Iterative Tarjan, so long dependency chains cannot overflow the stack. */
function stronglyConnectedComponents(count: number, edges: readonly (readonly number[])[]): number[][] {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const work: { node: number; next: number }[] = [{ node: root, next: 0 }];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = edges[frame.node]!;
      if (frame.next < targets.length) {
        const target = targets[frame.next++]!;
        if (index[target] === -1) {
          index[target] = low[target] = counter++;
          stack.push(target);
          onStack[target] = 1;
          work.push({ node: target, next: 0 });
        } else if (onStack[target]) {
          low[frame.node] = Math.min(low[frame.node]!, index[target]!);
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low[parent.node] = Math.min(low[parent.node]!, low[frame.node]!);
      if (low[frame.node] === index[frame.node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop()!;
          onStack[member] = 0;
          component.push(member);
        } while (member !== frame.node);
        components.push(component);
      }
    }
  }
  return components;
}
