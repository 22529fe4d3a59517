/**
 * Party names in waivers and licences. Only the same name counts (case, width, punctuation, spacing and
 * the spelling of the legal form aside: "Co., Ltd." = "Co Ltd", "Nippi, Inc." ≠ "NIPPI Corporation"),
 * never a similar one: a waiver or a licence names one company, and a fuzzy match would stretch it to a
 * sister company or a namesake. A name that does not match costs a reviewable finding, not a violation.
 */
import { compareNames, nameFeatures, type NameFeatures } from '../match/party-names.js';

const CACHE_LIMIT = 10_000;
const cache = new Map<string, NameFeatures>();

export function featuresOf(name: string): NameFeatures {
  let f = cache.get(name);
  if (!f) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    f = nameFeatures(name);
    cache.set(name, f);
  }
  return f;
}

export function sameName(a: NameFeatures, b: NameFeatures): boolean {
  return a.key !== '' && compareNames(a, b, false).basis === 'exact';
}
