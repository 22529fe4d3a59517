/**
 * Military units named by their designation: a number and a unit noun ("374th Airlift Wing", "3d Marine Division",
 * "Seventh Fleet", "XVIII Airborne Corps", "III MEF", "31 FW", "Carrier Air Wing 5", "CVW-5", 第7艦隊, 第七舰队, 第374空輸航空団,
 * 第二步兵师, 제2보병사단, 미8군). A unit is a military body whatever its number, so the number is any number written as
 * each language writes an ordinal; the nouns come from the rule packs (terms.units). A name may also say whose unit it
 * is ("U.S. Seventh Fleet", 米第8軍, 美军第82空降师, 주한미군 제2보병사단): the country's words written in the same name.
 */
import { foldText } from './fold.js';
import { escapeRegExp as escape } from './regexp.js';

/** Words per script, as a rule pack's terms.units gives them. */
export interface UnitWords {
  en?: string[];
  zh?: string[];
  ja?: string[];
  ko?: string[];
}

/** A rule pack's terms.units (the schema's UnitDesignations): matching stays below the rules. */
export interface UnitData {
  after: UnitWords;
  afterAbbreviations: string[];
  before: UnitWords;
  countries: { country: string; words: UnitWords; prefixes: string[]; designations: string[] }[];
}

export interface UnitHit {
  /** The designation as found in the folded text ("374th airlift wing", "第7舰队"). */
  text: string;
  /** The country whose words the name writes with the unit, if any. */
  country?: string;
}

const SPELLED_ORDINALS = [
  'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth',
  'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth',
];
const SPELLED_NUMBERS = [
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen',
  'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty',
];
/** I to XXXIX, as corps and expeditionary forces are numbered (I Corps, III MEF, XVIII Airborne Corps); never empty. */
const ROMAN = 'x{1,3}(?:ix|iv|v?i{0,3})|ix|iv|v?i{1,3}|v';
/** 1st, 2nd, 2d, 3d, 374th (the Army and the Marine Corps write 2d and 3d), Seventh, XVIII. */
const LATIN_ORDINAL = `\\d{1,3}(?:st|nd|rd|th|d)|${SPELLED_ORDINALS.join('|')}|${ROMAN}`;
/** Digits written as such (full-width ones are folded) or in Chinese numerals (七, 二十五). */
const CJK_NUMBER = '\\d{1,4}|[一二三四五六七八九十百〇零两]{1,4}';
const NOT_LATIN_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_LATIN_AFTER = '(?![\\p{L}\\p{N}])';
/**
 * A single-character noun (軍, 군) must not begin a longer word: 军事 "military affairs", 军用, 军工, 军品, 军需, 军方, 军舰,
 * 军队, 军人, 军官, 军医, 军校, 军训, 军区 (folded forms), 군데 "places"; 第8軍司令部 and 미8군 사령부 are the unit's.
 */
const CJK_WORD_GOES_ON = '(?![事用工品需方舰队人官医校训区데])';

/** Alternatives longest first, so that "air refueling wing" is not cut at "air". */
const alternation = (words: readonly string[]): string =>
  [...new Set(words.map((w) => foldText(w).trim()))]
    .filter((w) => w !== '')
    .sort((a, b) => b.length - a.length)
    .map((w) => escape(w).replace(/ /g, '\\s+'))
    .join('|');
const cjkNouns = (words: readonly string[]): string =>
  [...new Set(words.map(foldText))]
    .sort((a, b) => b.length - a.length)
    .map((w) => escape(w) + ([...w].length === 1 ? CJK_WORD_GOES_ON : ''))
    .join('|');

/** Whole words, on word boundaries (a dot may end one: "U.S."). */
const wordsPattern = (words: readonly string[]): RegExp | undefined =>
  words.length > 0 ? new RegExp(`${NOT_LATIN_BEFORE}(?:${words.map(escape).join('|')})${NOT_LATIN_AFTER}`, 'u') : undefined;

interface CountryWords {
  country: string;
  /** Latin words written in capitals, matched in the text as written and only in capitals ("US", "U.S.", "USAF"). */
  capitals: RegExp | undefined;
  /** Other Latin words ("United States"), matched in the folded text. */
  anyCase: RegExp | undefined;
  /** Chinese, Japanese and Korean words, folded, as substrings. */
  cjk: string[];
  prefixes: string[];
  /** The country's own letter designations ("vfa", "mwss"), folded: a unit written with one is the country's. */
  designations: RegExp | undefined;
}

export class UnitDesignations {
  private readonly after = { en: [] as string[], cjk: [] as string[], ko: [] as string[] };
  private readonly afterAbbreviations: string[] = [];
  private readonly before: string[] = [];
  private readonly countryWords: CountryWords[] = [];
  private patterns: { pattern: RegExp; prefixed: boolean }[] | undefined;

  get size(): number {
    return this.after.en.length + this.after.cjk.length + this.after.ko.length + this.afterAbbreviations.length + this.before.length;
  }

  add(data: UnitData): void {
    if (this.patterns) throw new Error('unit designations already built');
    this.after.en.push(...(data.after.en ?? []));
    this.after.cjk.push(...(data.after.zh ?? []), ...(data.after.ja ?? []));
    this.after.ko.push(...(data.after.ko ?? []));
    this.afterAbbreviations.push(...data.afterAbbreviations);
    this.before.push(...(data.before.en ?? []));
    for (const c of data.countries) {
      const latin = c.words.en ?? [];
      const capitals = latin.filter((w) => w === w.toUpperCase());
      const anyCase = latin.filter((w) => w !== w.toUpperCase()).map(foldText);
      this.countryWords.push({
        country: c.country,
        capitals: wordsPattern(capitals),
        anyCase: wordsPattern(anyCase),
        cjk: [...(c.words.zh ?? []), ...(c.words.ja ?? []), ...(c.words.ko ?? [])].map(foldText),
        prefixes: c.prefixes.map(foldText),
        designations: wordsPattern(c.designations.map(foldText)),
      });
    }
  }

  /** No more nouns: the patterns are built from those given. */
  build(): this {
    const prefixes = [...new Set(this.countryWords.flatMap((c) => c.prefixes))].map(escape).join('');
    const prefix = prefixes ? `(?<prefix>[${prefixes}])?` : '';
    const patterns: { pattern: RegExp; prefixed: boolean }[] = [];
    const add = (source: string, prefixed = false): void => {
      patterns.push({ pattern: new RegExp(source, 'gu'), prefixed });
    };
    if (this.after.en.length > 0) add(`${NOT_LATIN_BEFORE}(?:${LATIN_ORDINAL})\\s+(?:${alternation(this.after.en)})${NOT_LATIN_AFTER}`);
    if (this.afterAbbreviations.length > 0) {
      add(`${NOT_LATIN_BEFORE}(?:\\d{1,3}(?:st|nd|rd|th|d)?\\s?|(?:${SPELLED_ORDINALS.join('|')}|${ROMAN})\\s)(?:${alternation(this.afterAbbreviations)})${NOT_LATIN_AFTER}`);
    }
    if (this.before.length > 0) add(`${NOT_LATIN_BEFORE}(?:${alternation(this.before)})\\s?(?:\\d{1,3}|${SPELLED_NUMBERS.join('|')})${NOT_LATIN_AFTER}`);
    // 第7艦隊, 第374空輸航空団 (a run of up to eight characters between the number and the noun: 空輸, 特殊作戦, 海军陆战队远征), 第8軍
    if (this.after.cjk.length > 0) add(`${prefix}第(?:${CJK_NUMBER})(?:[\\p{Script=Han}]{0,8}?(?:${cjkNouns(this.after.cjk)}))`, prefix !== '');
    // 제2보병사단, 제51전투비행단, and with a country's prefix 미8군, 미 7공군
    if (this.after.ko.length > 0) {
      const ko = `\\d{1,3}\\s?[\\p{Script=Hangul}]{0,6}?(?:${cjkNouns(this.after.ko)})`;
      add(prefix ? `(?:${prefix.slice(0, -1)}\\s?(?:제\\s?)?|제\\s?)${ko}` : `제\\s?${ko}`, prefix !== '');
    }
    this.patterns = patterns;
    return this;
  }

  /**
   * The units a name or an end use designates. `folded`: the text folded (foldText), with negated phrases masked;
   * `written`: the text as written, where a country's words written in capitals are looked for.
   */
  find(folded: string, written: string): UnitHit[] {
    if (!this.patterns) throw new Error('unit designations not built');
    const hits: UnitHit[] = [];
    let named: string | undefined;
    let namedLooked = false;
    for (const { pattern, prefixed } of this.patterns) {
      for (const m of folded.matchAll(pattern)) {
        const prefix = prefixed ? m.groups?.prefix : undefined;
        const text = (prefix ? m[0].slice(prefix.length) : m[0]).trim();
        let country = prefix ? this.countryWords.find((c) => c.prefixes.includes(prefix))?.country : this.countryWords.find((c) => c.designations?.test(text))?.country;
        if (!country) {
          if (!namedLooked) {
            named = this.countryWords.find((c) => c.capitals?.test(written) || c.anyCase?.test(folded) || c.cjk.some((w) => folded.includes(w)))?.country;
            namedLooked = true;
          }
          country = named;
        }
        if (!hits.some((h) => h.text === text)) hits.push(country ? { text, country } : { text });
      }
    }
    // a prefix says whose the name's other units are too: 미 7공군 제51전투비행단 is one US formation
    const byPrefix = hits.find((h) => h.country)?.country;
    return byPrefix ? hits.map((h) => (h.country ? h : { ...h, country: byPrefix })) : hits;
  }
}
