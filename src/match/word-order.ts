/**
 * Keywords of several words found with their words in another order: invoices put the noun first
 * ("Graphite, nuclear grade", "Capacitor pulse discharge", "Biosafety cabinet class III") where the
 * rule packs write "nuclear grade graphite". The keyword's words must stand side by side, each a whole
 * word (a plural allowed), in one part of the description: a comma may come between them (the
 * inverted "noun, modifier" of item masters), a ; : / | or bracket may not. No other word may come
 * between them: "cerium oxide polishing powder" is not "cerium powder". Keywords may pass over "for"
 * ("Autopilot for UAV" is a UAV autopilot); exclusions may not ("for nuclear reactor" would become
 * "nuclear reactor"). "of" is never passed over: "fibres, of aramids" (HS 550311) names staple
 * fibres, not the aramid fibre of 1C210.
 * Latin-script keywords only: Chinese and Japanese keep their order.
 */
import { LATIN_WORD_CHARS, type Hit } from './automaton.js';

/** Words as the keyword automaton bounds them. */
const WORD = new RegExp(`[${LATIN_WORD_CHARS}]+`, 'g');
const WHOLE_WORD = new RegExp(`^[${LATIN_WORD_CHARS}]+$`);
const PART_END = new Set([...';:/|()[]{}'].map((c) => c.charCodeAt(0)));
/** A word that joins a noun to what it is for: "X for Y" is a "Y X". */
const FOR = 'for';

interface Word {
  word: string;
  start: number;
  end: number;
}

export class AnyOrderKeywords<T> {
  /** Keywords by their words in sorted order: "grade graphite nuclear" → nuclear grade graphite. */
  private readonly bySortedWords = new Map<string, T[]>();
  private readonly known = new Set<string>();
  private longest = 0;
  private count = 0;

  /** @param passOverFor "for" stands in neither the keywords nor the text: "X for Y" is a "Y X". */
  constructor(private readonly passOverFor = false) {}

  get size(): number {
    return this.count;
  }

  /** Adds a keyword, already folded; one of a single word, or with other than Latin words, is left out. */
  add(keyword: string, value: T): void {
    if (!keyword.includes(' ')) return;
    const words: string[] = [];
    const split = keyword.split(' ');
    for (let i = 0; i < split.length; i++) {
      const w = split[i]!;
      if (w === '' || (this.passOverFor && w === FOR)) continue;
      if (!WHOLE_WORD.test(w) || words.includes(w)) return;
      words.push(w);
    }
    if (words.length < 2) return;
    const key = sortedKey(words);
    const list = this.bySortedWords.get(key);
    if (list) list.push(value);
    else this.bySortedWords.set(key, [value]);
    for (const w of words) this.known.add(w);
    this.longest = Math.max(this.longest, words.length);
    this.count++;
  }

  /** Every keyword whose words all stand side by side in one part of the folded text, in whatever order. */
  search(text: string): Hit<T>[] {
    if (this.count === 0) return [];
    const hits: Hit<T>[] = [];
    const found = new Set<T>();
    // runs of keyword words side by side: only a run of two or more can hold a keyword
    let run: Word[] = [];
    const endRun = (): void => {
      if (run.length >= 2) this.inRun(run, hits, found);
      run = [];
    };
    let from = 0;
    for (const m of text.matchAll(WORD)) {
      if (partEnds(text, from, m.index)) endRun();
      from = m.index + m[0].length;
      if (this.passOverFor && m[0] === FOR) continue;
      const word = this.knownForm(m[0]);
      if (word === undefined) endRun();
      else run.push({ word, start: m.index, end: from });
    }
    endRun();
    return hits.sort((a, b) => a.end - b.end || a.start - b.start);
  }

  /** The word as a keyword has it: as written, or without a plural ending (tubes → tube, presses → press). */
  private knownForm(word: string): string | undefined {
    if (this.known.has(word)) return word;
    if (word.length > 3 && word.endsWith('s') && this.known.has(word.slice(0, -1))) return word.slice(0, -1);
    if (word.length > 4 && word.endsWith('es') && this.known.has(word.slice(0, -2))) return word.slice(0, -2);
    return undefined;
  }

  /** The keywords made of the words of some stretch of the run. */
  private inRun(run: Word[], hits: Hit<T>[], found: Set<T>): void {
    for (let k = 2; k <= Math.min(this.longest, run.length); k++) {
      for (let i = 0; i + k <= run.length; i++) {
        const stretch = run.slice(i, i + k);
        for (const value of this.bySortedWords.get(sortedKey(stretch.map((w) => w.word))) ?? []) {
          if (found.has(value)) continue;
          found.add(value);
          hits.push({ start: stretch[0]!.start, end: stretch[k - 1]!.end, value });
        }
      }
    }
  }
}

/**
 * The words in code-unit order, joined by spaces: the order Array.prototype.sort gives strings without a comparator,
 * which is several times slower on the ~4,000 keywords of several words that compiling the rules sorts (issue 11).
 */
function sortedKey(words: string[]): string {
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!;
    let j = i;
    for (; j > 0 && words[j - 1]! > word; j--) words[j] = words[j - 1]!;
    words[j] = word;
  }
  let key = words[0]!;
  for (let i = 1; i < words.length; i++) key += ` ${words[i]}`;
  return key;
}

/** Whether the text between two words holds a ; : / | or bracket. */
function partEnds(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (PART_END.has(text.charCodeAt(i))) return true;
  return false;
}
