/**
 * Aho-Corasick over case-folded text: every occurrence of every pattern in one pass, so the
 * cost per row does not grow with the number of keywords. Patterns containing Latin letters
 * or digits only count on word boundaries (with a plural "s"/"es" allowed after them);
 * Chinese and Japanese patterns count as substrings.
 *
 * The trie is built on demand: a command that searches a handful of texts (`check`, a rule-pack
 * self-test row) scans the patterns one by one instead, which costs less than building a trie
 * of thousands of keywords. Both ways give the same hits in the same order.
 */

export interface Hit<T> {
  start: number;
  end: number;
  value: T;
}

interface Pattern<T> {
  text: string;
  bounded: boolean;
  value: T;
}

/** The characters of a Latin word in folded text: a keyword's word ends where they end. */
export const LATIN_WORD_CHARS = 'a-z0-9\\u00c0-\\u024f';
const LATIN = new RegExp(`[${LATIN_WORD_CHARS}]`);
const isLatin = (ch: string | undefined): boolean => ch !== undefined && LATIN.test(ch);

/** Searches answered by scanning before the trie is built. */
const SCANS_BEFORE_TRIE = 16;

/**
 * The built automaton in flat arrays, a few MB where a Map per state took about 25 MB for the item keywords: state s has
 * the edges edgeChar/edgeTo[edgeStart[s], edgeStart[s + 1]), sorted by character, and reports the patterns
 * outPattern[outStart[s], outStart[s + 1]).
 */
interface Trie {
  edgeStart: Int32Array;
  edgeChar: Uint16Array;
  edgeTo: Int32Array;
  fail: Int32Array;
  outStart: Int32Array;
  outPattern: Int32Array;
}

/** The state the edge for character `c` leads to from `state`, or -1. */
function follow({ edgeStart, edgeChar, edgeTo }: Trie, state: number, c: number): number {
  let lo = edgeStart[state]!;
  let hi = edgeStart[state + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = edgeChar[mid]!;
    if (at === c) return edgeTo[mid]!;
    if (at < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export class KeywordAutomaton<T> {
  private readonly patterns: Pattern<T>[] = [];
  private trie: Trie | undefined;
  private searches = 0;
  private sealed = false;

  get size(): number {
    return this.patterns.length;
  }

  /** Adds a pattern, already folded (see foldText); `anywhere`: it counts inside words too (the caller checks where). */
  add(pattern: string, value: T, anywhere = false): void {
    if (this.sealed) throw new Error('automaton already built');
    if (pattern.length === 0) return;
    this.patterns.push({ text: pattern, bounded: !anywhere && /[a-z0-9]/.test(pattern), value });
  }

  /** No more patterns: the automaton may be searched from now on. */
  build(): this {
    this.sealed = true;
    return this;
  }

  search(text: string): Hit<T>[] {
    if (!this.sealed) throw new Error('automaton not built');
    if (this.trie === undefined && ++this.searches <= SCANS_BEFORE_TRIE) return this.scan(text);
    return this.walk(text, (this.trie ??= this.buildTrie()));
  }

  /** Every pattern by indexOf, in the order the trie reports them: by end, longer first, then by pattern. */
  private scan(text: string): Hit<T>[] {
    const found: { hit: Hit<T>; index: number }[] = [];
    this.patterns.forEach((p, index) => {
      for (let at = text.indexOf(p.text); at !== -1; at = text.indexOf(p.text, at + 1)) {
        const end = at + p.text.length;
        if (!p.bounded || onWordBoundary(text, at, end)) found.push({ hit: { start: at, end, value: p.value }, index });
      }
    });
    found.sort((a, b) => a.hit.end - b.hit.end || b.hit.end - b.hit.start - (a.hit.end - a.hit.start) || a.index - b.index);
    return found.map((f) => f.hit);
  }

  private buildTrie(): Trie {
    const next: Map<number, number>[] = [new Map()];
    const ends: number[][] = [[]];
    this.patterns.forEach((p, index) => {
      let state = 0;
      for (let i = 0; i < p.text.length; i++) {
        const c = p.text.charCodeAt(i);
        let to = next[state]!.get(c);
        if (to === undefined) {
          to = next.length;
          next.push(new Map());
          ends.push([]);
          next[state]!.set(c, to);
        }
        state = to;
      }
      ends[state]!.push(index);
    });
    const fail = new Int32Array(next.length);
    const out: number[][] = ends;
    const queue: number[] = [...next[0]!.values()];
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [c, to] of next[state]!) {
        queue.push(to);
        let f = fail[state]!;
        while (f !== 0 && !next[f]!.has(c)) f = fail[f]!;
        const target = next[f]!.get(c);
        fail[to] = target !== undefined && target !== to ? target : 0;
        out[to] = [...out[to]!, ...out[fail[to]!]!];
      }
    }
    return flatTrie(next, fail, out);
  }

  private walk(text: string, trie: Trie): Hit<T>[] {
    const { fail, outStart, outPattern } = trie;
    const hits: Hit<T>[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to = follow(trie, state, c);
      while (to === -1 && state !== 0) {
        state = fail[state]!;
        to = follow(trie, state, c);
      }
      state = to === -1 ? 0 : to;
      for (let k = outStart[state]!; k < outStart[state + 1]!; k++) {
        const p = this.patterns[outPattern[k]!]!;
        const start = i + 1 - p.text.length;
        const end = i + 1;
        if (p.bounded && !onWordBoundary(text, start, end)) continue;
        hits.push({ start, end, value: p.value });
      }
    }
    return hits;
  }
}

/** The trie built with a Map per state, flattened (see Trie). */
function flatTrie(next: Map<number, number>[], fail: Int32Array, out: number[][]): Trie {
  const states = next.length;
  const edgeStart = new Int32Array(states + 1);
  const outStart = new Int32Array(states + 1);
  for (let s = 0; s < states; s++) {
    edgeStart[s + 1] = edgeStart[s]! + next[s]!.size;
    outStart[s + 1] = outStart[s]! + out[s]!.length;
  }
  const edgeChar = new Uint16Array(edgeStart[states]!);
  const edgeTo = new Int32Array(edgeStart[states]!);
  const outPattern = new Int32Array(outStart[states]!);
  for (let s = 0; s < states; s++) {
    let at = edgeStart[s]!;
    for (const [c, to] of [...next[s]!].sort((a, b) => a[0] - b[0])) {
      edgeChar[at] = c;
      edgeTo[at++] = to;
    }
    outPattern.set(out[s]!, outStart[s]!);
  }
  return { edgeStart, edgeChar, edgeTo, fail, outStart, outPattern };
}

/**
 * Whether text[start, end) stands as a word of its own (a plural allowed after it), as Latin patterns must. A pattern's
 * Chinese or Japanese end is a word's end already: 5軸 stands in 5軸CNC.
 */
export function onWordBoundary(text: string, start: number, end: number): boolean {
  if (isLatin(text[start]) && isLatin(text[start - 1])) return false;
  if (!isLatin(text[end - 1]) || !isLatin(text[end])) return true;
  // simple plurals and inflections: oxide → oxides, alloy → alloys, press → presses
  for (const suffix of ['s', 'es']) {
    if (text.startsWith(suffix, end) && !isLatin(text[end + suffix.length])) return true;
  }
  return false;
}
