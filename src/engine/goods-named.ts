/**
 * Whether a description says its goods are something other than the items an HS code covers (848180 over the
 * reference code 8481804010 of valves with a leak-detection port). A description says so when it says what the goods
 * are and, beyond the words of the nomenclature's own text of the code, has none of the item's titles, keywords and
 * terms ("stainless steel ball valve DN25" under 848180: "valve" is the tariff's word). One that says nothing of the
 * goods (no description, "spare parts", "其他", "部品", the tariff's own wording) or adds a word of the item ("rare earth
 * oxide" beside samarium oxide, "mass spectrometer, on-line sampling") leaves the code to say the goods may be the item.
 * The same question is asked of an item's own 10-digit reference code (`itemsOwnCode`), where only goods named in
 * English nomenclature words of their own tell ("cotton T-shirts" under the samarium-oxide line).
 */
import { characterPairs } from '../match/char-pairs.js';
import { hsHeadings, hsTexts } from '../match/hs-nomenclature.js';
import { isListedCountryName } from '../match/countries.js';
import { foldText } from '../match/fold.js';
import { readReference } from '../match/reference.js';
import type { CompiledItem } from './compile.js';
import { standsAsPurpose } from './purpose.js';
import { hasKeywordWords, keywordWords } from '../rules/all-names.js';

const GENERIC = readReference<{ latin: string[]; cjk: string[]; titleWords: string[] }>('generic-goods-words.json');
// the words that every title writes and that name no goods ("specially designed", "用于", "以下"), besides the generic ones
const LATIN_STOP = new Set([...GENERIC.latin, ...GENERIC.titleWords.filter((w) => /^[a-z]/.test(w))].map(foldText));
// longest first, so 零部件 is taken out before 部件
const GENERIC_CJK = GENERIC.cjk.map(foldText).sort((a, b) => b.length - a.length);
const CJK_STOP = new Set([...GENERIC.cjk, ...GENERIC.titleWords.filter((w) => !/^[a-z]/.test(w))].map(foldText).flatMap(characterPairs));
const LATIN_WORD = /[a-z][a-z0-9]{2,}/g;
// a katakana run is one loanword ("ドローン"): its pairs ("ドロ", "ロー") would be in a great many others; Chinese and
// Japanese kanji run words together, so their pairs are compared
const KATAKANA_RUN = /[\p{Script=Katakana}ー]+/gu;
const HAN_RUN = /\p{Script=Han}+/gu;
const HAN_PAIR = /^\p{Script=Han}{2}$/u;
// units beside numbers ("1.7 MHz", "400 MPa") are no words of the goods
const UNIT = /^[kmgtµunp]?(?:hz|pa|w|wh|v|va|a|ah|mah|j|n|nm|m|l|bar|psi|rpm|db|dbm|ohm|gy|sv|ci|bq|sccm|slm)$/;
const CJK_LETTER = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * A predicate telling the items a description says its goods are not, or none when the description does not say what
 * they are. An item the packs give no keyword or term is told apart only as under its own reference code (below): by
 * goods named in two or more English nomenclature words, none a word of its title; an entry whose title names no goods
 * (a nuclear-list row the extraction lost) never is.
 */
export function otherGoodsThan(
  folded: string,
  hs: string,
  { itemsOwnCode = false, twinsOf = () => [] }: { itemsOwnCode?: boolean; twinsOf?: (ci: CompiledItem) => CompiledItem[] } = {},
): ((ci: CompiledItem) => boolean) | undefined {
  if (!namesMoreThanGenericWords(folded)) return undefined;
  const tariff = tariffWords(hs);
  if (itemsOwnCode) return otherGoodsInEnglish(folded, tariff, true);
  const added = new Set([...wordsOf([folded])].filter((w) => !tariff.has(w)));
  if (added.size === 0) return undefined;
  // under a heading its words are every item's of it ("mould" under 848071): only the words beyond them tell
  const byTitle = otherGoodsInEnglish(folded, tariff, false);
  const namesNone = (items: CompiledItem[]): boolean => items.every((t) => !shares(added, itemWords(t)));
  return (ci) => {
    if (hasTerms(ci)) return namesNone([ci]);
    // an entry whose goods an announcement item describes (twinsOf) is told apart by that item's words, and its own title's
    const twins = twinsOf(ci).filter(hasTerms);
    if (twins.length > 0) return namesNone([ci, ...twins]);
    return byTitle !== undefined && !ci.item.tags.includes(TITLE_NAMES_NO_GOODS) && byTitle(ci);
  };
}

/** The tag of an entry whose title says only where it stands in the catalogue, not what its goods are. */
const TITLE_NAMES_NO_GOODS = 'nuclear-unplaced';

let nomenclatureWords: Set<string> | undefined;

/**
 * The English nomenclature's words, less the names of countries: "china" (porcelain) and "turkey" (the bird) name goods
 * in the tariff, but "Herkunft: VR China" beside a German item name is where the goods come from.
 */
function nomenclatureGoodsWords(): Set<string> {
  return (nomenclatureWords ??= new Set([...wordsOf([...hsTexts()].map(foldText), { han: false })].filter((w) => !isListedCountryName(w))));
}

/**
 * Whether a description names other goods than an item in words the nomenclature names goods in: two such words beyond
 * the code's own texts ("Cotton T-shirts"; one may only paraphrase the tariff, "microbial culture"), none of them a word
 * of the item (its title's too). Under the item's own reference code the tariff's words name the item as well
 * (`tariffNamesItem`: "tellurium" under 2804500001). Words the English nomenclature does not hold are not weighed:
 * "Tellur, ingoty" and a Chinese description may name the item in a language its words are not in.
 */
function otherGoodsInEnglish(folded: string, tariff: Set<string>, tariffNamesItem: boolean): ((ci: CompiledItem) => boolean) | undefined {
  const goodsWords = nomenclatureGoodsWords();
  const written = wordsOf([folded], { han: false });
  const added = new Set([...written].filter((w) => !tariff.has(w)));
  let goods = 0;
  for (const w of added) if (goodsWords.has(w)) goods++;
  if (goods < 2) return undefined;
  const told = tariffNamesItem ? written : added;
  return (ci) => !shares(told, itemWords(ci));
}

/**
 * Whether a description names goods beside an item's keyword (at start-end): two words of the English nomenclature
 * outside it, not in a purpose, and no other word of the item's. "Prism pole 2.5 m, carbon fibre, with circular bubble"
 * names a prism pole; "Carbon fibre T800 12K, for aircraft parts" names none, whatever its HS code says.
 */
export function namesGoodsBeside(folded: string, start: number, end: number, ci: CompiledItem): boolean {
  const goodsWords = nomenclatureGoodsWords();
  const own = itemWords(ci);
  let goods = 0;
  for (const m of folded.matchAll(LATIN_WORD)) {
    const [word] = m;
    const at = m.index;
    if (at < end && at + word.length > start) continue;
    const w = singular(word);
    if (LATIN_STOP.has(word) || UNIT.test(word)) continue;
    // another word of the item's names its goods ("SmCo magnet … arc segment": magnets are 1C902.a's goods)
    if (own.has(w)) return false;
    if (goodsWords.has(w) && !standsAsPurpose(folded, at, at + word.length)) goods++;
  }
  return goods >= 2;
}

const hasTerms = ({ item }: CompiledItem): boolean =>
  item.together.length > 0 || hasKeywordWords(item.keywords) || (item.keywords.abbr?.length ?? 0) > 0;

function namesMoreThanGenericWords(folded: string): boolean {
  let rest = folded;
  for (const word of GENERIC_CJK) if (rest.includes(word)) rest = rest.replaceAll(word, ' ');
  for (const word of rest.split(/[^\p{L}]+/u)) {
    if (CJK_LETTER.test(word) || (word.length > 1 && !LATIN_STOP.has(word))) return true;
  }
  return false;
}

/** Whether every word of a description is a word of the nomenclature's texts of the code: it says no more than the code. */
export function saysOnlyTariffWords(folded: string, hs: string): boolean {
  const tariff = tariffWords(hs);
  return [...wordsOf([folded])].every((w) => tariff.has(w));
}

/** The words of the nomenclature's texts of the code and of the headings above it (a description in them says no more than the code). */
const tariffWords = (hs: string): Set<string> => wordsOf(hsHeadings(hs).map((h) => foldText(h.description)));

const itemWordSets = new WeakMap<CompiledItem, Set<string>>();

/** The words of an item's English title, its keywords in every language, its Japanese title and its `together` terms. */
function itemWords(ci: CompiledItem): Set<string> {
  let words = itemWordSets.get(ci);
  if (!words) {
    const { title, keywords, together } = ci.item;
    const texts = [title.en, title.ja ?? '', ...keywordWords(keywords), ...(keywords.abbr ?? [])];
    for (const groups of together) for (const group of groups) if (Array.isArray(group)) texts.push(...group);
    itemWordSets.set(ci, (words = wordsOf(texts.map(foldText))));
  }
  return words;
}

/** Latin words of three letters or more (a plural as its singular), and each two characters running together in Chinese or Japanese. */
function wordsOf(folded: string[], { han = true } = {}): Set<string> {
  const out = new Set<string>();
  for (const text of folded) {
    for (const [w] of text.matchAll(LATIN_WORD)) if (!LATIN_STOP.has(w) && !UNIT.test(w)) out.add(singular(w));
    for (const [run] of text.matchAll(KATAKANA_RUN)) if (run.length > 1) out.add(run.replace(/ー$/u, ''));
    if (han) for (const [run] of text.matchAll(HAN_RUN)) for (const pair of characterPairs(run)) if (!CJK_STOP.has(pair)) out.add(pair);
  }
  return out;
}

/** "valves" as "valve", but not "press" as "pres". */
const singular = (w: string): string => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/**
 * Whether the description's words name the item: one Latin or katakana word in common, or two pairs of kanji (one pair
 * such as 压力 or 循环 is in too many goods' names to say which).
 */
function shares(a: Set<string>, b: Set<string>): boolean {
  let kanjiPairs = 0;
  for (const w of a) {
    if (!b.has(w)) continue;
    if (!HAN_PAIR.test(w) || ++kanjiPairs >= 2) return true;
  }
  return false;
}
