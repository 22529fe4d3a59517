/**
 * The layers point one way: the import graph between src/ folders has no cycle, the vocabulary
 * (model) and the matching primitives (match) import nothing above them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '../../src');
/** A file's layer: its folder under src/, or the file itself for those at the top (cli.ts, errors.ts …). */
const layerOf = (file: string): string => {
  const parts = relative(SRC, file).split(sep);
  return parts.length > 1 ? parts[0]! : parts[0]!.replace(/\.[jt]s$/, '');
};

/** Folder → folders it imports (static and dynamic imports of our own modules). */
function folderGraph(): Map<string, Map<string, string[]>> {
  const graph = new Map<string, Map<string, string[]>>();
  const files = readdirSync(SRC, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const f of files) {
    const file = join(SRC, f);
    const from = layerOf(file);
    const edges = graph.get(from) ?? new Map<string, string[]>();
    graph.set(from, edges);
    for (const m of readFileSync(file, 'utf8').matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const to = layerOf(normalize(join(dirname(file), m[1]!)));
      if (to !== from) edges.set(to, [...(edges.get(to) ?? []), `${f} imports ${m[1]}`]);
    }
  }
  return graph;
}

/** The cycles of a directed graph, as the folders of each strongly connected component (Tarjan). */
function cycles(graph: Map<string, Map<string, string[]>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const importsOf = (graph: Map<string, Map<string, string[]>>, folder: string): string[] => [...(graph.get(folder)?.keys() ?? [])].sort();

describe('the import graph between src/ folders', () => {
  const graph = folderGraph();

  it('has no cycle', () => {
    const found = cycles(graph).map((c) => `${c.join(' ⇄ ')}: ${c.flatMap((a) => c.flatMap((b) => graph.get(a)?.get(b) ?? [])).join('; ')}`);
    expect(found).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself can fail)', () => {
    const made = new Map([
      ['a', new Map([['b', ['a.ts imports ../b/x.js']]])],
      ['b', new Map([['a', ['b.ts imports ../a/y.js']]])],
      ['c', new Map([['a', ['c.ts imports ../a/z.js']]])],
    ]);
    expect(cycles(made)).toEqual([['a', 'b']]);
  });

  it('keeps the vocabulary a leaf and matching below rules and the engine', () => {
    expect(importsOf(graph, 'model')).toEqual([]);
    expect(importsOf(graph, 'match')).toEqual(['model']);
  });
});
