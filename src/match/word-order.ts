/**
 * Keywords of several words found with their words in another order: invoices put the noun first
 * ("Graphite, nuclear grade", "Capacitor pulse discharge", "Biosafety cabinet class III") where the
 * rule packs write "nuclear grade graphite". The keyword's words must stand side by side, each a whole
 * word (a plural allowed), in one part of the description: a comma may come between them (the
 * inverted "noun, modifier" of item masters), a ; : / | or bracket may not. No other word may come
 * between them: "cerium oxide polishing powder" is not "cerium powder".
 * Latin-script keywords only: Chinese and Japanese keep their order.
 */
import type { Hit } from './automaton.js';

const WORD = /[a-z0-9\u00c0-\u024f]+/g;
const PART_END = /[;:/|()[\]{}]/;

interface Phrase<T> {
  words: string[];
  value: T;
}

interface Token {
  start: number;
  end: number;
  part: number;
}

export class AnyOrderKeywords<T> {
  private readonly phrases: Phrase<T>[] = [];
  /** Phrase indices by each of their words. */
  private readonly byWord = new Map<string, number[]>();

  get size(): number {
    return this.phrases.length;
  }

  /** Adds a keyword, already folded; one of a single word, or with other than Latin words, is left out. */
  add(keyword: string, value: T): void {
    const words = keyword.split(' ').filter((w) => w !== '');
    if (words.length < 2 || words.some((w) => w.match(WORD)?.[0] !== w) || new Set(words).size !== words.length) return;
    const index = this.phrases.length;
    this.phrases.push({ words, value });
    for (const w of words) {
      const list = this.byWord.get(w);
      if (list) list.push(index);
      else this.byWord.set(w, [index]);
    }
  }

  /** Every keyword whose words all stand side by side in one part of the folded text, in whatever order. */
  search(text: string): Hit<T>[] {
    if (this.phrases.length === 0) return [];
    const tokens: Token[] = [];
    /** Token positions of each phrase word seen: phrase index → word → token indices. */
    const seen = new Map<number, Map<string, number[]>>();
    let part = 0;
    let from = 0;
    for (const m of text.matchAll(WORD)) {
      if (PART_END.test(text.slice(from, m.index))) part++;
      from = m.index + m[0].length;
      const t = tokens.length;
      tokens.push({ start: m.index, end: from, part });
      for (const word of singulars(m[0])) {
        for (const p of this.byWord.get(word) ?? []) {
          let byWord = seen.get(p);
          if (!byWord) seen.set(p, (byWord = new Map()));
          const at = byWord.get(word);
          if (at) at.push(t);
          else byWord.set(word, [t]);
        }
      }
    }
    const hits: Hit<T>[] = [];
    for (const [p, byWord] of seen) {
      const phrase = this.phrases[p]!;
      if (byWord.size !== phrase.words.length) continue;
      const span = closestSpan(phrase.words.map((w) => byWord.get(w)!), tokens);
      if (span && span.last - span.first + 1 === phrase.words.length) {
        hits.push({ start: tokens[span.first]!.start, end: tokens[span.last]!.end, value: phrase.value });
      }
    }
    return hits.sort((a, b) => a.end - b.end || a.start - b.start);
  }
}

/** The word as written and without a plural ending: tubes → tube, presses → press. */
function singulars(word: string): string[] {
  const out = [word];
  if (word.length > 3 && word.endsWith('s')) out.push(word.slice(0, -1));
  if (word.length > 4 && word.endsWith('es')) out.push(word.slice(0, -2));
  return out;
}

/** The narrowest run of tokens, within one part, holding one occurrence of every word. */
function closestSpan(occurrences: number[][], tokens: Token[]): { first: number; last: number } | undefined {
  let best: { first: number; last: number } | undefined;
  // anchored at each occurrence of the first word, take every other word's nearest occurrence in the same part
  for (const anchor of occurrences[0]!) {
    let first = anchor;
    let last = anchor;
    let ok = true;
    for (const list of occurrences.slice(1)) {
      let nearest = -1;
      for (const t of list) {
        if (tokens[t]!.part !== tokens[anchor]!.part) continue;
        if (nearest === -1 || Math.abs(t - anchor) < Math.abs(nearest - anchor)) nearest = t;
      }
      if (nearest === -1) {
        ok = false;
        break;
      }
      first = Math.min(first, nearest);
      last = Math.max(last, nearest);
    }
    if (ok && (!best || last - first < best.last - best.first)) best = { first, last };
  }
  return best;
}
