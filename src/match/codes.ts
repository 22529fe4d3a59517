/** The one reading of HS codes, control codes and CAS numbers, for manifests, licences, waivers and look-ups. */
import type { ControlCodes, HsCode, HsScheme } from '../model/row.js';
import { hsHeadings } from './hs-nomenclature.js';
import { readReference } from './reference.js';

const HS_SEPARATORS = /[\s.\-_/,'·]/g;
/** A label written into the cell: "HS 7324.10", "HTS: 8471.30", "税号 2846901940". */
const HS_LABEL = /^(?:hs\s*code|hts|hs|h\.s\.|税号|税則番号|hsコード)\s*[:：#]?\s*/i;
const CN_LENGTHS = new Set([4, 6, 8, 10]);
/** A check or NACCS character after the digits, as some declaration systems print a code: "2841801000A", "8542.31-000 X". */
const CHECK_LETTER = /(?<=\d)\s?[A-Za-z]$/;
/**
 * An 8- or 10-digit code that went through a spreadsheet as a number: "8112929000.0", "2846901940.00". Not "28469019.00",
 * which is how a 10-digit code is written (8 digits, a dot, 2 more).
 */
const SPREADSHEET_FLOAT = /^(\d{8}|\d{10})\.0$|^(\d{10})\.0+$/;
/** A note in brackets after the code: "2846901940 (samarium oxide)", "8803.30（部品）". */
const BRACKETED_NOTE = /(?<=\d)\s*[(（][^()（）]*[)）]$/u;
const PLAIN_DIGITS = /^[0-9]+$/;

/**
 * The digits of an HS code as written ("HS 2846.90.19.40", "2846 90 19 40", "税号 2846901940", "2846901940A",
 * "2846901940.00", "2846901940 (samarium oxide)"), or
 * undefined when the text is not one: the one reading of HS codes for manifests, waivers, licences
 * and lookup, so that a code written one way in a row and another in a licence still meets.
 */
export function hsDigits(value: string | undefined): string | undefined {
  // most cells are the bare digits, which every step below leaves as they are
  if (value !== undefined && PLAIN_DIGITS.test(value)) return value;
  const digits = (value ?? '').normalize('NFKC').trim().replace(HS_LABEL, '').replace(BRACKETED_NOTE, '').replace(CHECK_LETTER, '').replace(SPREADSHEET_FLOAT, '$1$2').replace(HS_SEPARATORS, '');
  return /^\d+$/.test(digits) ? digits : undefined;
}

/**
 * An HS code as declared. Under `cn` a code must have 4, 6, 8 or 10 digits (the Chinese tariff);
 * under `intl` any code of 6 to 14 digits is accepted and only its first 6 digits are compared.
 */
export function parseHsCode(value: string | undefined, scheme: HsScheme): HsCode {
  const raw = value !== undefined && PLAIN_DIGITS.test(value) ? value : (value ?? '').normalize('NFKC').trim();
  if (raw === '' || isNoneValue(raw)) return { kind: 'none' };
  const one = parseOneHsCode(raw, scheme);
  if (one.kind !== 'invalid' || !CODE_LIST.test(raw)) return one;
  // a bill of lading's cell for several goods: "871200 / 650610 / 830120", "640399/640419", "8539.50; 8112.92"
  const codes = raw.split(CODE_LIST).map((part) => parseOneHsCode(part.trim(), scheme));
  if (codes.length < 2 || codes.some((c) => c.kind !== 'valid')) return one;
  const listed = codes.map((c) => (c as { digits: string }).digits);
  return { kind: 'valid', raw, digits: listed[0]!, listed };
}

/** What separates the codes of a cell that lists several: a slash, semicolon, comma or vertical bar (not a space or dot). */
const CODE_LIST = /\s*[/;,、，；|]\s*/;

function parseOneHsCode(raw: string, scheme: HsScheme): HsCode {
  const digits = hsDigits(raw);
  if (digits === undefined) return { kind: 'invalid', raw, reason: 'contains characters other than digits and separators' };
  if (scheme === 'intl') {
    if (digits.length === 4) return { kind: 'valid', raw, digits };
    if (digits.length < 6 || digits.length > 14) return { kind: 'invalid', raw, reason: `has ${digits.length} digits` };
    return digits.length > 6 ? { kind: 'valid', raw, digits: digits.slice(0, 6), national: digits } : { kind: 'valid', raw, digits };
  }
  if (!CN_LENGTHS.has(digits.length)) {
    const restored = PLAIN_DIGITS.test(raw) ? withLostZero(digits) : undefined;
    if (restored !== undefined) return { kind: 'valid', raw, digits: restored, zeroRestored: true };
    return {
      kind: 'invalid',
      raw,
      reason: `has ${digits.length} digits; a Chinese code has 4, 6, 8 or 10 (another country's code? try --hs-scheme intl)`,
    };
  }
  return { kind: 'valid', raw, digits };
}

/**
 * A code of chapters 01 to 09 (food, plants, animals) that a spreadsheet kept as a number, so that it lost its leading zero
 * ("30617" for 030617): the code with its zero, where the nomenclature has its heading and, from 6 digits, its subheading.
 * Only digits alone: a code written with a dot and cut short ("8112.0") is no number a spreadsheet kept.
 */
function withLostZero(digits: string): string | undefined {
  if (!CN_LENGTHS.has(digits.length + 1) || digits.startsWith('0')) return undefined;
  const code = `0${digits}`;
  return hsHeadings(code).length === (code.length >= 6 ? 3 : 2) ? code : undefined;
}

const CONTROL_CODE_RE = /^([0-9])([A-Ea-e])([0-9]{3})((?:\.[A-Za-z0-9]+)*)$/;
/**
 * The forms paperwork writes a code in besides the catalogue's: the sub-items without dots or after a hyphen ("1C902a",
 * "1c902-a", "1C117D", "2B350f1"), a hyphen or space inside the heading ("1C-907.a", "1C 905.b"). Each letter of a
 * sub-item stands alone (no catalogue sub-item is two letters), so "1C902ab" is no code.
 */
const WRITTEN_CODE_RE = /^([0-9])\s?-?\s?([A-Ea-e])\s?-?\s?([0-9]{3})((?:[.-]?[A-Za-z](?![A-Za-z])|(?:[.-]|(?<=[A-Za-z]))[0-9]+)*)$/;

/** `1c902.A` → `1C902.a`, `1C902a` → `1C902.a`; undefined when the text is not a control code. */
export function normaliseControlCode(value: string): string | undefined {
  const text = value.normalize('NFKC').trim();
  const m = CONTROL_CODE_RE.exec(text);
  if (m) return `${m[1]}${m[2]!.toUpperCase()}${m[3]}${m[4]!.toLowerCase()}`;
  const written = WRITTEN_CODE_RE.exec(text);
  if (!written) return undefined;
  const subItems = written[4]!.match(/[A-Za-z]|[0-9]+/g) ?? [];
  return `${written[1]}${written[2]!.toUpperCase()}${written[3]}${subItems.map((p) => `.${p.toLowerCase()}`).join('')}`;
}

/**
 * The remark MOFCOM's 2025 item announcements (Nos. 55-58) require on the export declaration of a controlled item: "属于两用物项"
 * with its dual-use code (REGULATIONS §5.10). 不属于两用物项 says the opposite. Matched in folded text (兩用物項 folds to it).
 */
const DECLARED_DUAL_USE = new RegExp(
  [
    '(?<!不)属于两用物项',
    // a remark in another language says the same ("Dual-use item, China control code 1C117.d", "Article à double usage –
    // code de contrôle chinois 3C002.a"), unless it says the goods are not ("non-dual-use", "pas à double usage") or names the
    // EU's or the US's list, whose numbers mean other goods
    String.raw`(?<![\p{L}])(?<!\b(?:not|no|kein|keine)\s(?:an?\s)?)(?<!\bnon[-\s]?)(?<!\b(?:eu|us)\s?)dual[-\s]?use(?![\p{L}])`,
    String.raw`(?<!\b(?:pas|non|sans)\s(?:à\s|a\s)?)(?<!\b(?:eu|ue)\s)double usage`,
    String.raw`(?<!\b(?:no|sin)\s(?:es\s)?(?:de\s)?)doble uso`,
    String.raw`(?<!\bnon\s(?:è\s)?(?:a\s)?)duplice uso`,
    '(?<!비)이중용도',
  ].join('|'),
  'u',
);

/** Whether a cell speaks of dual-use items at all, in any of the languages DECLARED_DUAL_USE reads. */
export const mentionsDualUse = (text: string): boolean => /[两兩]用物[项項]|dual[-\s]?use|double usage|doble uso|duplice uso|이중용도/i.test(text);

/** The control codes a folded text declares in the announcements' own words ("属于两用物项 1c117.d") or a remark's: none without them. */
export function declaredControlCodes(folded: string): string[] {
  return DECLARED_DUAL_USE.test(folded) ? controlCodesIn(folded) : [];
}

/**
 * Control codes written in folded text ("管制编码2b350.g.1 反应釜", "carbon fibre per 1c210.a"), normalised. A code
 * after "ECCN" is the US list's, whose numbers mean other goods (its 3A001 is electronics, China's lithium cells).
 */
export function controlCodesIn(folded: string): string[] {
  if (!CODE_IN_TEXT.test(folded)) return [];
  const found = new Set<string>();
  for (const m of folded.matchAll(CODES_IN_TEXT)) {
    const code = normaliseControlCode(m[2]!);
    if (code && m[1] === undefined && !SAID_NOT_MET.test(folded.slice(m.index + m[0].length, m.index + m[0].length + 20))) found.add(code);
  }
  return [...found];
}

const CODE_IN_TEXT = /\d[a-e]\d{3}/;
/** A code quoted only to say the goods are not under it: "(3A225 not met)", "4A003 非該当", "6A202 不适用". */
const SAID_NOT_MET = /^\s*[:：]?\s*(?:not (?:met|applicable|controlled|listed)|n\/a\b|非該当|非该当|不适用|不適用|不属于|不屬於|対象外)/;
/** What, written before a list's label, makes it China's ("CN ECCN", 中国ECCN). */
const CHINA_LABEL = 'cn|china|prc|中国|中國';
/** "ECCN" as the US list's label, not China's. */
const FOREIGN_ECCN = new RegExp(`(?<!(?:${CHINA_LABEL})\\s?)eccn`);

// not inside a part number: no letter or digit may touch the code ("2a104j" is a capacitor marking); after a foreign
// list's label (ECCN, EU DU, Annex I) a code is that list's
const CODES_IN_TEXT = new RegExp(`(${FOREIGN_ECCN.source}\\W{0,3}|eu\\s?du\\W{0,3}|annex\\s?i\\W{0,3})?(?<![a-z0-9])(\\d[a-e]\\d{3}(?:\\.[a-z0-9]{1,3})*)(?![a-z0-9])`, 'g');

/**
 * The label of another country's control list before a code or a result ("ECCN 3A001.a.2.c", "EU DU: n/a", "美方ECCN
 * 4A003", "10の項 非該当", "비전략물자"): those lists number other goods alike (the US 3A001 is electronics, China's lithium
 * cells), so such a cell declares nothing of China's list. "CN ECCN" or 中国 before the label keeps the code China's.
 */
const FOREIGN_SCHEME = new RegExp(
  String.raw`^(?!(?:${CHINA_LABEL})\b)(?:(?:us|u\.s\.|美方|美国|美國|米国)\s*)?(eccn|ear\b|usml|itar|eu\s*(?:du|dual[- ]?use|annex\s*i)\b|annex\s*i\b|[0-9]{1,2}の項|該非|該当|項番|輸出令|(?:비)?전략물자)`,
  'iu',
);

/** The foreign list's label in brackets after the code or result: "3A001.a.2 (EAR)", "3A001（美国EAR）", "Not listed (JP)". */
const FOREIGN_SCHEME_AFTER = /[(（]\s*(?:us|u\.s\.|美国|美國|米国)?\s*(eccn|ear|usml|itar|eu\s*du|jp|japan|日本|eu|de|uk|kr)\s*[)）]\s*$/iu;

/** The China control codes a control-code cell declares: none where it is empty or another country's classification. */
export const chinaCodesDeclared = (cc: ControlCodes): string[] => (cc.kind === 'valid' || cc.kind === 'invalid' ? cc.codes : []);

/** A cell that says its code is China's: "CN 1C902.a", "中国 3C001.a". */
const CHINA_LABELLED = new RegExp(`^(?:${CHINA_LABEL})(?![a-z])`, 'iu');

/**
 * A control-code cell: one or several codes separated by commas, semicolons, slashes or spaces. `foreignScheme`: the
 * column's header, where it names another country's classification (ECCN): its cells are that list's unless labelled China's.
 */
export function parseControlCodes(value: string | undefined, foreignScheme?: string): ControlCodes {
  const raw = (value ?? '').normalize('NFKC').trim();
  if (raw === '' || isNoneValue(raw)) return { kind: 'none' };
  if (foreignScheme !== undefined && !CHINA_LABELLED.test(raw)) return { kind: 'foreign', raw, scheme: foreignScheme };
  const foreign = FOREIGN_SCHEME.exec(raw) ?? FOREIGN_SCHEME_AFTER.exec(raw);
  if (foreign) return { kind: 'foreign', raw, scheme: foreign[1]! };
  // a space inside a heading ("1C 905.b") joins it before the cell is cut at spaces
  const parts = raw
    .replace(/(?<![0-9A-Za-z])([0-9])\s?-?\s?([A-Ea-e])\s+(?=[0-9]{3}(?![0-9]))/g, '$1$2')
    .split(/[\s,;/、，；]+/)
    .filter((p) => p !== '');
  const codes: string[] = [];
  const unreadable: string[] = [];
  for (const part of parts) {
    const code = normaliseControlCode(part);
    if (code) codes.push(code);
    else unreadable.push(part);
  }
  if (unreadable.length > 0) return codesAmongWords(raw) ?? { kind: 'invalid', raw, codes, unreadable };
  return { kind: 'valid', raw, codes };
}

/** A cell that says a code is not dual-use or not controlled: its code is no declaration. */
const NOT_DECLARED = /(?:不属于|不屬於|不是|非)[两兩]用|not\s+(?:a\s+)?(?:dual|controlled|listed)/i;

/**
 * A cell that writes its codes among words, as declarations' remarks do ("两用物项 管制编码7A101", "备注栏：属于两用物项，管制编码3A228",
 * "Control code: 1C117.d"): its codes, when every other part is words without digits. Not a US ECCN ("ECCN 3A001": the
 * US list's numbers mean other goods) nor a cell that says the goods are not dual-use.
 */
function codesAmongWords(raw: string): ControlCodes | undefined {
  const folded = raw.toLowerCase();
  const codes = controlCodesIn(folded);
  if (codes.length === 0 || FOREIGN_ECCN.test(folded) || NOT_DECLARED.test(raw)) return undefined;
  const rest = folded.replace(CODES_IN_TEXT, ' ');
  return /\d/.test(rest) ? undefined : { kind: 'valid', raw, codes };
}

/** Cell values that say "nothing declared" rather than being a code (rules/reference/nothing-declared.json). */
const NONE_VALUES = new Set(readReference<{ values: string[] }>('nothing-declared.json').values.map((v) => v.normalize('NFKC').toLowerCase()));

function isNoneValue(value: string): boolean {
  return NONE_VALUES.has(value.toLowerCase());
}

/**
 * The CAS numbers of a CAS column: as written with hyphens, or a cell of digits alone ("111488", as a spreadsheet keeps
 * 111-48-8) read as one number with its check digit last, where that digit checks.
 */
export function parseCasColumn(value: string | undefined): string[] {
  const written = parseCasNumbers(value);
  if (written.length > 0 || value === undefined) return written;
  // a number whose hyphens were lost or written as spaces or dots ("7664393", "102 71 6"): its check digit must still check
  const parts = /^\s*(\d{2,7})[\s.]*(\d{2})[\s.]*(\d)\s*$/.exec(value.normalize('NFKC'));
  return parts ? parseCasNumbers(`${parts[1]}-${parts[2]}-${parts[3]}`) : [];
}

/** A CAS registry number with a valid check digit, or undefined. */
export function parseCasNumbers(value: string | undefined): string[] {
  if (!value || !/\d-\d|\uff0d|\u2010|\u2011/.test(value)) return [];
  const raw = value.normalize('NFKC');
  const found: string[] = [];
  // on a word boundary, or straight after the word CAS ("CAS10025-87-3")
  for (const m of raw.matchAll(/(?:\b|(?<=CAS)|(?<=cas))(\d{2,7})-(\d{2})-(\d)\b/g)) {
    const digits = `${m[1]}${m[2]}`;
    let sum = 0;
    for (let i = 0; i < digits.length; i++) sum += Number(digits[digits.length - 1 - i]) * (i + 1);
    if (sum % 10 === Number(m[3])) found.push(`${m[1]}-${m[2]}-${m[3]}`);
  }
  return found;
}
