/**
 * Whether a folded description says its goods are ordinary ones (household, toy, 歯科用): one of the civil-goods
 * words standing in it (as exclusions do) and not negated in its clause, as tariff wording often has it ("parts
 * thereof, other than furniture", "for other than medical, surgical, dental or veterinary uses", 非家用, 家庭用以外).
 */
import type { PhraseSpans } from './goods-scope.js';

/** A clause ends at ; : ( ) [ ]; commas stay inside it ("other than medical, surgical, dental"). */
const CLAUSE_END = /[;:()[\]（）；：]/;
const NEGATED_BEFORE = /\b(?:other than|excluding|except|not|non)\b|非|除了|不含|不包括|不用于/;
const NEGATED_AFTER = /以外|を除く/;

export function saysCivilGoods(text: string, spans: PhraseSpans, words: readonly string[]): boolean {
  return words.some((word) => spans.standing(word).some((at) => !negated(text, at, at + word.length)));
}

function negated(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && !CLAUSE_END.test(text[from - 1]!)) from--;
  let to = end;
  while (to < text.length && !CLAUSE_END.test(text[to]!)) to++;
  return NEGATED_BEFORE.test(text.slice(from, start)) || NEGATED_AFTER.test(text.slice(end, to));
}
