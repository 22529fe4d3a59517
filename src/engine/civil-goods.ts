/**
 * Whether a folded description says its goods are ordinary ones (household, toy, 歯科用): one of the civil-goods
 * words standing in it (as exclusions do) and not negated in its clause, as tariff wording often has it ("parts
 * thereof, other than furniture", "for other than medical, surgical, dental or veterinary uses", 非家用, 家庭用以外).
 */
import type { PhraseSpans } from './goods-scope.js';

export function saysCivilGoods(spans: PhraseSpans, words: readonly string[]): boolean {
  return words.some((word) => spans.affirmed(word).length > 0);
}
