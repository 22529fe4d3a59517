/**
 * Aho-Corasick over case-folded text: every occurrence of every pattern in one pass, so the
 * cost per row does not grow with the number of keywords. Patterns containing Latin letters
 * or digits only count on word boundaries (with a plural "s"/"es" allowed after them);
 * Chinese and Japanese patterns count as substrings.
 */

export interface Hit<T> {
  start: number;
  end: number;
  value: T;
}

interface Pattern<T> {
  length: number;
  bounded: boolean;
  value: T;
}

const LATIN = /[a-z0-9\u00c0-\u024f]/;
const isLatin = (ch: string | undefined): boolean => ch !== undefined && LATIN.test(ch);

export class KeywordAutomaton<T> {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private readonly out: number[][] = [[]];
  private readonly patterns: Pattern<T>[] = [];
  private built = false;

  get size(): number {
    return this.patterns.length;
  }

  /** Adds a pattern, already folded (see foldText). */
  add(pattern: string, value: T): void {
    if (this.built) throw new Error('automaton already built');
    if (pattern.length === 0) return;
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      let to = this.next[state]!.get(c);
      if (to === undefined) {
        to = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push([]);
        this.next[state]!.set(c, to);
      }
      state = to;
    }
    this.out[state]!.push(this.patterns.length);
    this.patterns.push({ length: pattern.length, bounded: /[a-z0-9]/.test(pattern), value });
  }

  build(): this {
    const queue: number[] = [];
    for (const to of this.next[0]!.values()) queue.push(to);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [c, to] of this.next[state]!) {
        queue.push(to);
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(c)) f = this.fail[f]!;
        const target = this.next[f]!.get(c);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        this.out[to]!.push(...this.out[this.fail[to]!]!);
      }
    }
    this.built = true;
    return this;
  }

  search(text: string): Hit<T>[] {
    if (!this.built) throw new Error('automaton not built');
    const hits: Hit<T>[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      while (state !== 0 && !this.next[state]!.has(c)) state = this.fail[state]!;
      state = this.next[state]!.get(c) ?? 0;
      const outs = this.out[state]!;
      for (let k = 0; k < outs.length; k++) {
        const p = this.patterns[outs[k]!]!;
        const start = i + 1 - p.length;
        const end = i + 1;
        if (p.bounded && !onWordBoundary(text, start, end)) continue;
        hits.push({ start, end, value: p.value });
      }
    }
    return hits;
  }
}

function onWordBoundary(text: string, start: number, end: number): boolean {
  if (isLatin(text[start - 1])) return false;
  if (!isLatin(text[end])) return true;
  // simple plurals and inflections: oxide → oxides, alloy → alloys, press → presses
  for (const suffix of ['s', 'es']) {
    if (text.startsWith(suffix, end) && !isLatin(text[end + suffix.length])) return true;
  }
  return false;
}
