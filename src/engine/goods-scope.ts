/** The goods a catch-all measure reaches whatever their specification (any drone, 2024 No. 31): HS headings and words. */
import type { Row } from '../manifest/row.js';
import { foldText } from '../manifest/normalise.js';
import type { GoodsScope } from '../rules/schema.js';
import { KeywordAutomaton } from './automaton.js';
import type { Evidence } from './types.js';

export interface CompiledScope {
  hs: string[];
  excludedHs: string[];
  keywords: KeywordAutomaton<string>;
  /** Folded phrases in which a keyword does not count ("toy drone"). */
  exclusions: string[];
}

export function compileScope(scope: GoodsScope): CompiledScope {
  const keywords = new KeywordAutomaton<string>();
  for (const k of [...(scope.keywords.en ?? []), ...(scope.keywords.zh ?? []), ...(scope.keywords.ja ?? [])]) keywords.add(foldText(k), k);
  return { hs: scope.hs, excludedHs: scope.excludedHs, keywords: keywords.build(), exclusions: scope.exclusions.map(foldText) };
}

/** What puts the row's goods within the scope: its HS heading or a word of its description. */
export function scopeEvidence(row: Row, scope: CompiledScope): Evidence | undefined {
  const { norm, values } = row;
  const hs = norm.hs.kind === 'valid' ? norm.hs.digits : undefined;
  if (hs !== undefined && scope.excludedHs.some((h) => hs.startsWith(h))) return undefined;
  const heading = hs === undefined ? undefined : scope.hs.find((h) => hs.startsWith(h));
  if (heading !== undefined) return { field: 'hs_code', value: values.hs_code ?? '', matched: heading, kind: 'hs-code' };
  for (const hit of norm.description === '' ? [] : scope.keywords.search(norm.description)) {
    if (!insidePhrase(norm.description, scope.exclusions, hit.start, hit.end)) {
      return { field: 'description', value: values.description ?? '', matched: hit.value, kind: 'keyword' };
    }
  }
  return undefined;
}

/** Whether the span [start, end) of the text lies inside one of the phrases ("dysprosium-free", "toy drone"). */
export function insidePhrase(text: string, phrases: readonly string[], start: number, end: number): boolean {
  for (const phrase of phrases) {
    for (let at = text.indexOf(phrase); at !== -1; at = text.indexOf(phrase, at + 1)) {
      if (at <= start && end <= at + phrase.length) return true;
    }
  }
  return false;
}
