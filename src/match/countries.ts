/** Country names as written in manifests → ISO 3166-1 alpha-2, from rules/reference/countries.json. */
import { readReference } from './reference.js';
import { BoundedMemo } from './bounded-memo.js';
import { mendSlips } from './text-slips.js';

export interface CountryEntry {
  code: string;
  alpha3: string;
  /** The English short name, used in reports. */
  name: string;
  aliases: string[];
  note?: string;
  /** The country a territory with a code of its own belongs to (Guam: US). */
  sovereign?: string;
  /** Words for the country's people and things ("Japanese"): they name it inside a name ("Japanese Navy"), never as a country cell. */
  demonyms?: string[];
}

let entries: readonly CountryEntry[] | undefined;

/** The countries of rules/reference/countries.json, read once, when first needed. */
export function countryEntries(): readonly CountryEntry[] {
  return (entries ??= readReference<{ countries: CountryEntry[] }>('countries.json').countries);
}

const CJK = /\s*([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー])\s*/gu;

function countryKey(value: string): string {
  return value
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1') // Türkiye = Turkiye, Côte = Cote; kana keep their dakuten
    .normalize('NFC')
    .replace(/&/g, ' and ')
    .replace(/[.'’‘ʼ`]/g, '') // U.S.A. = USA, People's = Peoples
    .replace(/[\p{P}\p{S}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(CJK, '$1') // 中国 台湾 = 中国台湾
    .replace(/^the /, '')
    .replace(/^st /, 'saint ');
}

let listedKeys: Map<string, string> | undefined;
let allKeys: Map<string, string> | undefined;

/** The spellings countries.json gives (code, alpha-3, name, aliases): most manifests write one of these. */
function listed(): Map<string, string> {
  if (listedKeys) return listedKeys;
  const map = new Map<string, string>();
  for (const { code: alpha2, alpha3, name, aliases } of countryEntries()) {
    for (const written of [alpha2, alpha3, name, ...aliases]) {
      const key = countryKey(written);
      const prev = map.get(key);
      if (!key || (prev && prev !== alpha2)) throw new Error(`countries: "${written}" is ${prev ?? 'empty'} and ${alpha2}`);
      map.set(key, alpha2);
    }
  }
  return (listedKeys = map);
}

let sovereigns: Map<string, string> | undefined;

/** The country a territory belongs to (GU → US), from countries.json; undefined for a country of its own. */
export function sovereignOf(code: string): string | undefined {
  sovereigns ??= new Map(countryEntries().flatMap((e) => (e.sovereign ? [[e.code, e.sovereign] as [string, string]] : [])));
  return sovereigns.get(code);
}

let bareAlpha3: Set<string> | undefined;

/** Whether the word is only a country's ISO alpha-3 code, no name or alias of one: "and", "can", "per" in prose are words. */
export function isBareAlpha3(word: string): boolean {
  bareAlpha3 ??= (() => {
    const named = new Set(countryEntries().flatMap(({ name, aliases }) => [name, ...aliases].map(countryKey)));
    return new Set(countryEntries().map(({ alpha3 }) => countryKey(alpha3)).filter((key) => !named.has(key)));
  })();
  return bareAlpha3.has(countryKey(word));
}

/** Whether the text is one of countries.json's spellings of a country ("Taiwan", "USA"), ICU's names aside. */
export function isListedCountryName(value: string): boolean {
  return listed().has(countryKey(value));
}

/**
 * Whether a name's own words name the country, by one of countries.json's spellings of it:
 * "Ministry of Defense, Japan", "Ministry of Defence of Japan". Two-letter codes do not count here
 * (the words "in", "us" and "it" are also India, the US and Italy).
 */
export function nameMentionsCountry(name: string, code: string): boolean {
  return countriesNamedIn(name).has(code);
}

/**
 * The countries a name mentions in a phrase of up to three words ("Royal Thai Army", "Polish Land Forces"), or, written
 * in Chinese characters without spaces, by a listed Han name of two or more characters within it (澳大利亚皇家空军, 英国陸軍).
 * Not a kana name inside a longer word (インド in ウインドウ, タイ in タイヤ).
 */
export function countriesNamedIn(name: string): Set<string> {
  const found = new Set<string>();
  const words = name.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
  for (let n = 1; n <= 3; n++) {
    for (let i = 0; i + n <= words.length; i++) {
      const phrase = words.slice(i, i + n).join(' ');
      const key = countryKey(phrase);
      const code = phrase.length > 2 ? (listed().get(key) ?? demonymKeys().get(key)) : undefined;
      if (code) found.add(code);
    }
  }
  const written = name.normalize('NFKC');
  for (const [han, code] of hanNames()) if (written.includes(han)) found.add(code);
  return found;
}

let demonymMap: Map<string, string> | undefined;

/** countries.json's demonyms, by their key. */
function demonymKeys(): Map<string, string> {
  return (demonymMap ??= new Map(countryEntries().flatMap(({ code, demonyms = [] }) => demonyms.map((d): [string, string] => [countryKey(d), code]))));
}

let hanNameList: [string, string][] | undefined;

/** countries.json's spellings written in Chinese characters only, of two or more: 日本, 美国, 英國, 大韩民国. */
function hanNames(): [string, string][] {
  return (hanNameList ??= countryEntries().flatMap(({ code, aliases }) =>
    aliases.filter((a) => /^\p{Script=Han}{2,}$/u.test(a)).map((a): [string, string] => [a, code]),
  ));
}

/**
 * The languages whose country names ICU (CLDR) adds: those of the lists (English, Chinese, Japanese), then those of the
 * trading partners whose paperwork passes China-origin goods on (Korean 중국, Vietnamese Trung Quốc, Thai จีน, Indonesian
 * Tiongkok, Malay) and of the European and Middle-Eastern forwarders (German, French, Dutch, Spanish, Italian, Portuguese,
 * Russian, Turkish, Arabic).
 * A name two countries bear in some language names neither.
 */
const ICU_LOCALES = ['en', 'zh-Hans', 'zh-Hant', 'zh-Hant-HK', 'ja', 'ko', 'vi', 'th', 'id', 'ms', 'de', 'fr', 'nl', 'es', 'it', 'pt', 'ru', 'tr', 'ar'];

/**
 * The listed spellings and ICU's names in the languages above, which only add spellings the list lacks.
 * Built when a spelling is not listed: ICU's names take ~40 ms, which `--version`, `lookup` and
 * rows that write "JP" or "Japan" should not pay.
 */
function index(): Map<string, string> {
  if (allKeys) return allKeys;
  const map = new Map(listed());
  // a name ICU gives two countries across its languages names neither; so does "Congo", which Spanish gives the Republic
  // alone but English writes before both
  const ambiguous = new Set<string>(['congo', 'kongo']);
  for (const locale of ICU_LOCALES) {
    for (const style of ['long', 'short'] as const) {
      const names = new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'none' });
      for (const { code: alpha2 } of countryEntries()) {
        const key = countryKey(names.of(alpha2) ?? '');
        if (!key || listedKeys?.has(key)) continue;
        const prev = map.get(key);
        if (prev === undefined && !ambiguous.has(key)) map.set(key, alpha2);
        else if (prev !== undefined && prev !== alpha2) {
          ambiguous.add(key);
          map.delete(key);
        }
      }
    }
  }
  return (allKeys = map);
}

/** "Republic of …", "Kingdom of the …": tried only when the whole name is not known. */
const GOVERNMENT_FORM =
  /^(?:(?:arab|bolivarian|democratic|eastern|federal|federative|grand|hashemite|independent|islamic|peoples|plurinational|socialist|united)\s)*(?:republic|kingdom|state|commonwealth|principality|duchy|sultanate|union|confederation)\sof\s(?:the\s)?/;
/** …but never to pick between the two Chinas or the two Koreas ("People's Republic of Korea"). */
const DIVIDED = new Set(['CN', 'TW', 'KR', 'KP']);

function lookup(written: string): string | undefined {
  const comma = written.indexOf(',');
  // ISO's inverted forms: "Korea, Republic of" → "Republic of Korea"
  const swapped = comma > 0 ? `${written.slice(comma + 1)} ${written.slice(0, comma)}` : undefined;
  for (const candidate of swapped === undefined ? [written] : [written, swapped]) {
    const key = countryKey(candidate);
    const listedCode = listed().get(key);
    if (listedCode) return listedCode;
    const keys = index();
    const code = keys.get(key) ?? keys.get(key.replace(GOVERNMENT_FORM, ''));
    if (code && (keys.has(key) || !DIVIDED.has(code))) return code;
  }
  return undefined;
}

/** Manifests repeat a handful of country spellings: remember each one's answer (null: not a country). */
const MEMO = new BoundedMemo<string | null>(10_000);

/** The ISO 3166-1 alpha-2 code of a country as written in a manifest, or undefined if not recognised. */
export function countryCode(value: string): string | undefined {
  return MEMO.get(value, () => recognise(value) ?? null) ?? undefined;
}

/**
 * How an origin cell says what it holds: "Made in China", "Origin: China", "Orig. China", "COO: CN" (country of origin),
 * "PRC origin", "原产地：中国", "原産国 中国", "中国产".
 */
const ORIGIN_WORDS =
  /^(?:(?:made in|product of|origin(?:ating)? (?:in|from))\s+|(?:(?:country of )?origin|orig\.?|c\.?o\.?o\.?)\s*[:：]?\s+|(?:原産国|原产国|原產國|原産地|原产地|原產地|产地|產地)\s*[:：]?\s*)|\s+(?:origin|made)$|(?<=\p{Script=Han})(?:产|產|製|原产|原產)$/iu;
/** "Chinese origin", "of Chinese origin": the one adjective an origin cell is written with that decides scope (the PRC's). */
const CHINESE_ORIGIN = /^(?:of\s+)?chinese\s+(?:origin|make)$/i;

function recognise(value: string): string | undefined {
  if (CHINESE_ORIGIN.test(value.trim())) return 'CN';
  const written = mendSlips(value.normalize('NFKC')).trim().replace(ORIGIN_WORDS, '');
  if (/^n\s*[/.]\s*a\.?$/i.test(written)) return undefined; // "N/A", "n.a.": not Namibia (plain "NA" is)
  const code = lookup(written);
  if (code) return code;
  // "Taiwan (ROC)", "DE - Germany", "CN | China": both halves must name the same country.
  const parts = written.split(/\s*[()[\]|/:]\s*|\s+[-–—]\s+/).filter((p) => p !== '');
  if (parts.length === 2) {
    const [a, b] = parts.map(lookup);
    return a === b ? a : undefined;
  }
  // an address: "Yokohama, Japan", "Los Angeles, CA, USA" — the country comes last
  const comma = written.lastIndexOf(',');
  return comma > 0 && parts.length === 1 ? lookup(written.slice(comma + 1)) : undefined;
}
