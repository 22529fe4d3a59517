/**
 * Regional vocabulary of party names folded to the mainland word: MOFCOM publishes 雷神导弹系统公司 and
 * 通用动力信息技术公司, a Taipei broker writes 雷神飛彈系統公司 and 通用動力資訊科技公司. The character fold
 * (cjk-variants) makes 導彈 导弹, but 飛彈 is another word. Applied to names only (listed names and the
 * names on documents alike, in foldName), never to descriptions, and only for the words that listed
 * names hold, so the table stays small: rules/reference/regional-phrases.json, written by
 * `npm run regional` from OpenCC's Taiwan and Hong Kong phrase tables and a short supplement with
 * its sources; a test keeps it equal to what the installed opencc-js and the packs give.
 */
import { readReference } from './reference.js';
import { escapeRegExp } from './regexp.js';

export const REGIONAL_PHRASES_FILE = 'regional-phrases.json';

export interface RegionalPhraseSupplement {
  /** The word as Taiwan or Hong Kong writes it. */
  regional: string;
  /** The mainland word listed names use. */
  mainland: string;
  source: string;
}

export interface RegionalPhraseTable {
  source: string;
  /** Pairs not in OpenCC, each with its public source. */
  supplement: RegionalPhraseSupplement[];
  /** Regional words left out, and why (a mainland word that stands in a listed name only inside a transliteration). */
  excluded: { regional: string; reason: string }[];
  /** [regional, mainland] in folded form (characters folded as names are), longest regional word first. */
  pairs: [string, string][];
}

interface Compiled {
  pattern: RegExp;
  mainland: Map<string, string>;
}

let compiled: Compiled | null | undefined;

function compile(): Compiled | null {
  const { pairs } = readReference<RegionalPhraseTable>(REGIONAL_PHRASES_FILE);
  if (pairs.length === 0) return null;
  const mainland = new Map(pairs);
  // longest first, so 資訊科技 is taken before 資訊, 航空太空 before 太空
  const words = [...mainland.keys()].sort((a, b) => b.length - a.length);
  return { pattern: new RegExp(words.map(escapeRegExp).join('|'), 'gu'), mainland };
}

/** Text already folded as names are (NFKC, lower case, character variants): regional words replaced by the mainland ones. */
export function foldRegionalPhrases(folded: string): string {
  if (compiled === undefined) compiled = compile();
  if (compiled === null) return folded;
  const { pattern, mainland } = compiled;
  return folded.replace(pattern, (w) => mainland.get(w)!);
}

export interface RegionalPhraseSources {
  /** OpenCC phrase dictionaries from mainland to a region, as opencc-js ships them ("信息 資訊|软件 軟體 ..."). */
  dictionaries: string[];
  supplement: readonly RegionalPhraseSupplement[];
  excluded: readonly { regional: string }[];
  /** The Chinese and Japanese names of the party packs. */
  listedNames: readonly string[];
  /** The character fold names get (foldName without this table). */
  fold: (s: string) => string;
}

/**
 * The pairs the table holds: every OpenCC regional phrase and supplement pair whose mainland word occurs
 * in a listed name, both sides folded, where the regional word is not the same once folded and is no
 * mainland word of another pair (no chains), is given one mainland word only and is not excluded.
 */
export function regionalPhrasePairs(sources: RegionalPhraseSources): [string, string][] {
  const listed = sources.listedNames.map(sources.fold);
  const han = /^[\p{Script=Han}]+$/u;
  const excluded = new Set(sources.excluded.map((e) => sources.fold(e.regional)));
  const candidates: [string, string][] = [];
  const consider = (mainlandRaw: string, regionalRaw: string): void => {
    const mainland = sources.fold(mainlandRaw);
    const regional = sources.fold(regionalRaw);
    if (mainland === regional || !han.test(mainland) || !han.test(regional) || excluded.has(regional)) return;
    if (listed.some((name) => name.includes(mainland))) candidates.push([regional, mainland]);
  };
  for (const dictionary of sources.dictionaries) {
    for (const entry of dictionary.split('|')) {
      const [from, ...tos] = entry.split(' ');
      if (from) for (const to of tos) consider(from, to);
    }
  }
  for (const s of sources.supplement) consider(s.mainland, s.regional);
  const targets = new Map<string, Set<string>>();
  for (const [regional, mainland] of candidates) targets.set(regional, (targets.get(regional) ?? new Set()).add(mainland));
  const mainlandWords = new Set(candidates.map(([, m]) => m));
  const pairs = [...targets]
    .filter(([regional, m]) => m.size === 1 && !mainlandWords.has(regional))
    .map(([regional, m]): [string, string] => [regional, [...m][0]!]);
  const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return pairs.sort((a, b) => b[0].length - a[0].length || byCodePoint(a[0], b[0]));
}
