/** The goods a catch-all measure reaches whatever their specification (any drone, 2024 No. 31): HS headings and words. */
import { KeywordAutomaton, onWordBoundary } from '../match/automaton.js';
import { foldText } from '../match/fold.js';
import type { Evidence } from '../model/result.js';
import type { Row } from '../model/row.js';
import type { GoodsScope } from '../rules/schema.js';
import { keywordWords } from '../rules/all-names.js';
import { standsAsPurpose } from './purpose.js';

export interface CompiledScope {
  hs: string[];
  excludedHs: string[];
  keywords: KeywordAutomaton<string>;
  /** Folded phrases in which a keyword does not count ("toy drone"). */
  exclusions: string[];
}

export function compileScope(scope: GoodsScope): CompiledScope {
  const keywords = new KeywordAutomaton<string>();
  for (const k of keywordWords(scope.keywords)) keywords.add(foldText(k), k);
  return { hs: scope.hs, excludedHs: scope.excludedHs, keywords: keywords.build(), exclusions: scope.exclusions.map(foldText) };
}

/**
 * What puts the row's goods within the scope: its HS heading or a word of its description, where the word names the goods
 * and not what they are for ("propellers and arms for agricultural drone", "ドローン用バッテリー": parts, not a drone).
 */
export function scopeEvidence(row: Row, scope: CompiledScope): Evidence | undefined {
  const { norm, values } = row;
  const hs = norm.hs.kind === 'valid' ? norm.hs.digits : undefined;
  if (hs !== undefined && scope.excludedHs.some((h) => hs.startsWith(h))) return undefined;
  const heading = hs === undefined ? undefined : scope.hs.find((h) => hs.startsWith(h));
  if (heading !== undefined) return { field: 'hs_code', value: values.hs_code ?? '', matched: heading, kind: 'hs-code' };
  const spans = new PhraseSpans(norm.description);
  for (const hit of norm.description === '' ? [] : scope.keywords.search(norm.description)) {
    if (!spans.covers(scope.exclusions, hit.start, hit.end) && !standsAsPurpose(norm.description, hit.start, hit.end)) {
      return { field: 'description', value: values.description ?? '', matched: hit.value, kind: 'keyword' };
    }
  }
  return undefined;
}

/**
 * Where exclusion phrases occur in one text, found once per phrase: a hit lies inside a phrase when
 * the last occurrence starting at or before it reaches past its end. A cell repeating a keyword
 * thousands of times costs a binary search per hit, not a scan of the text.
 */
export class PhraseSpans {
  private readonly starts = new Map<string, number[]>();

  constructor(private readonly text: string) {}

  covers(phrases: readonly string[], start: number, end: number): boolean {
    for (const phrase of phrases) {
      const at = this.occurrences(phrase);
      let lo = 0;
      let hi = at.length - 1;
      let last = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (at[mid]! <= start) {
          last = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (last !== -1 && at[last]! + phrase.length >= end) return true;
    }
    return false;
  }

  /** The phrase stands in the text: as a word of its own where it has Latin letters or digits ("rc" is not in "aircraft"). */
  has(phrase: string): boolean {
    return this.standing(phrase).length > 0;
  }

  /** Where the phrase stands and its clause does not negate it: "parts thereof, other than furniture", 非家用, 家庭用以外. */
  affirmed(phrase: string): number[] {
    return this.standing(phrase).filter((at) => !negatedInClause(this.text, at, at + phrase.length));
  }

  /** Where the phrase stands without a negation right before it: 电火花成形机（非线切割）, "not wire-cut". */
  unnegated(phrase: string): number[] {
    return this.standing(phrase).filter((at) => !NEGATION_RIGHT_BEFORE.test(this.text.slice(Math.max(0, at - 14), at)));
  }

  /** Where the phrase stands in the text, as `has` counts it. */
  standing(phrase: string): number[] {
    const latin = /[a-z0-9]/.test(phrase);
    return latin ? this.occurrences(phrase).filter((at) => onWordBoundary(this.text, at, at + phrase.length)) : this.occurrences(phrase);
  }

  private occurrences(phrase: string): number[] {
    let at = this.starts.get(phrase);
    if (!at) {
      at = [];
      for (let i = this.text.indexOf(phrase); i !== -1; i = this.text.indexOf(phrase, i + 1)) at.push(i);
      this.starts.set(phrase, at);
    }
    return at;
  }
}

/** A clause ends at ; : ( ) [ ]; commas stay inside it ("other than medical, surgical, dental"). */
const CLAUSE_END = /[;:()[\]（）；：]/;
// 非 not of 非洲 (Africa: 非洲猪瘟病毒)
const NEGATED_BEFORE = /\b(?:other than|excluding|except|not|non)\b|非(?!洲)|除了|不含|不包括|不用于/;
const NEGATION_RIGHT_BEFORE = /(?:(?:^|[^a-z])(?:other than|excluding|except|not|non|without)[\s-]?|非|不含|不包括)$/;
const NEGATED_AFTER = /以外|を除く/;

function negatedInClause(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && !CLAUSE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !CLAUSE_END.test(text[to]!)) to++;
  return NEGATED_BEFORE.test(text.slice(from, start)) || NEGATED_AFTER.test(text.slice(end, to));
}
