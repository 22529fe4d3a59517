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

interface Trie {
  next: Map<number, number>[];
  fail: number[];
  out: number[][];
}

export class KeywordAutomaton<T> {
  private readonly patterns: Pattern<T>[] = [];
  private trie: Trie | undefined;
  private searches = 0;
  private sealed = false;

  get size(): number {
    return this.patterns.length;
  }

  /** Adds a pattern, already folded (see foldText). */
  add(pattern: string, value: T): void {
    if (this.sealed) throw new Error('automaton already built');
    if (pattern.length === 0) return;
    this.patterns.push({ text: pattern, bounded: /[a-z0-9]/.test(pattern), value });
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
    const trie: Trie = { next: [new Map()], fail: [0], out: [[]] };
    this.patterns.forEach((p, index) => {
      let state = 0;
      for (let i = 0; i < p.text.length; i++) {
        const c = p.text.charCodeAt(i);
        let to = trie.next[state]!.get(c);
        if (to === undefined) {
          to = trie.next.length;
          trie.next.push(new Map());
          trie.fail.push(0);
          trie.out.push([]);
          trie.next[state]!.set(c, to);
        }
        state = to;
      }
      trie.out[state]!.push(index);
    });
    const queue: number[] = [];
    for (const to of trie.next[0]!.values()) queue.push(to);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [c, to] of trie.next[state]!) {
        queue.push(to);
        let f = trie.fail[state]!;
        while (f !== 0 && !trie.next[f]!.has(c)) f = trie.fail[f]!;
        const target = trie.next[f]!.get(c);
        trie.fail[to] = target !== undefined && target !== to ? target : 0;
        trie.out[to]!.push(...trie.out[trie.fail[to]!]!);
      }
    }
    return trie;
  }

  private walk(text: string, { next, fail, out }: Trie): Hit<T>[] {
    const hits: Hit<T>[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      while (state !== 0 && !next[state]!.has(c)) state = fail[state]!;
      state = next[state]!.get(c) ?? 0;
      const outs = out[state]!;
      for (let k = 0; k < outs.length; k++) {
        const p = this.patterns[outs[k]!]!;
        const start = i + 1 - p.text.length;
        const end = i + 1;
        if (p.bounded && !onWordBoundary(text, start, end)) continue;
        hits.push({ start, end, value: p.value });
      }
    }
    return hits;
  }
}

/** Whether text[start, end) stands as a word of its own (a plural allowed after it), as Latin patterns must. */
export function onWordBoundary(text: string, start: number, end: number): boolean {
  if (isLatin(text[start - 1])) return false;
  if (!isLatin(text[end])) return true;
  // simple plurals and inflections: oxide → oxides, alloy → alloys, press → presses
  for (const suffix of ['s', 'es']) {
    if (text.startsWith(suffix, end) && !isLatin(text[end + suffix.length])) return true;
  }
  return false;
}
