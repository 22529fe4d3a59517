/**
 * Party-name matching. Names are reduced to weighted features: Latin tokens (numbers kept),
 * bigrams of Chinese/Japanese runs, and one shared feature for any legal form (Co., Ltd., KK,
 * 株式会社, 有限公司 ...), which is down-weighted rather than deleted. Chinese simplified,
 * traditional and Japanese forms of a character are folded to one (三菱电机 = 三菱電機), Taiwanese and
 * Hong Kong words of listed names to the mainland ones (飛彈 = 导弹, 資訊科技 = 信息技术), and a
 * space or hyphen inside a Chinese or Japanese name does not split it. Two names are compared
 * with a weighted Dice coefficient in which Latin tokens may match fuzzily (Jaro-Winkler).
 * A name that is a strict subset of a listed name (a parent or sister company) is capped
 * below the review threshold; a listed name contained in a longer one (a site, a division)
 * stays in the review band unless the entry says units of it count (military users).
 */
import { editDistance } from './edit-distance.js';
import { foldCjkVariants } from './cjk-variants.js';
import { foldRegionalPhrases } from './regional-phrases.js';
import { mendSlips } from './text-slips.js';

const LEGAL = '§legal';
const LEGAL_WEIGHT = 0.15;
/** Similarity credited to a word written as the start of a listed word ("ind" for "industries"). */
const ABBREVIATED = 0.92;
const STOPWORD_WEIGHT = 0.3;

/** Latin legal forms by kind: "Co., Ltd." and "Corporation" both render 株式会社, but "Inc." is not "Corporation". */
const LATIN_LEGAL_FORMS = new Map<string, string>([
  ...['co', 'ltd', 'limited', 'company'].map((w): [string, string] => [w, 'ltd']),
  ...['corp', 'corporation'].map((w): [string, string] => [w, 'corp']),
  ...['inc', 'incorporated'].map((w): [string, string] => [w, 'inc']),
  ...['kk', 'kabushiki', 'kaisha', 'yk', 'gk'].map((w): [string, string] => [w, 'kk']),
  ...['llc', 'plc', 'gmbh', 'ag', 'sa', 'bv', 'nv', 'pte', 'pty'].map((w): [string, string] => [w, w]),
  ...['holdings', 'holding'].map((w): [string, string] => [w, 'holdings']),
  // the European forms of the listed EU entities, as their letters run together: a.s., s.r.o. and spol. s r.o.
  // (Czech), S.p.A. and S.r.l. (Italian), UAB (Lithuanian), sp. z o.o. (Polish)
  ...['as', 'sro', 'spol', 'spa', 'srl', 'uab', 'sp', 'zoo'].map((w): [string, string] => [w, w]),
  // the same forms spelled out or in the letters of their own country, as ISO 20275's Entity Legal Forms list gives
  // them (GLEIF): Aktiengesellschaft (AG), akciová společnost (a.s.), spółka akcyjna (S.A.), société par actions
  // simplifiée (SAS), société à responsabilité limitée (SARL), groupement d'intérêt économique (GIE), акционерно
  // дружество (АД, Bulgarian), and the JSC of Eastern European companies' English names
  ['aktiengesellschaft', 'ag'],
  ...['akciova', 'spolecnost'].map((w): [string, string] => [w, 'as']),
  ...['spolka', 'akcyjna'].map((w): [string, string] => [w, 'sa']),
  ...['sas', 'sarl', 'gie', 'jsc', 'jsco', 'ад', 'еад'].map((w): [string, string] => [w, w]),
]);
/**
 * Words that business names write short ("Oceaneering Int'l Inc"): read as the word, on both sides. Name-matching
 * tools fold them the same way; the packs' nameAbbreviations add those of particular names (MHI).
 */
const WORD_ABBREVIATIONS: NameAbbreviations = new Map([
  ['intl', ['international']],
  ['labs', ['laboratories']],
  ['lab', ['laboratory']],
  ['ops', ['operations']],
  ['mfg', ['manufacturing']],
  ['mgmt', ['management']],
  ['natl', ['national']],
  ['govt', ['government']],
  ['dept', ['department']],
  ['univ', ['university']],
  ['inst', ['institute']],
  ['jv', ['joint', 'venture']],
]);
/** A number from one to ten written as a word of its own between spaces (Red 6 Solutions, Red Six Solutions), not in L-3 or 3M. */
const NUMBER_WORD = /(?<=\s)(?:[1-9]|10)(?=\s|$)/g;
const NUMBER_WORDS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
/** "Int'l", "Nat'l", "Gov't": the apostrophe would split them into two words. */
const APOSTROPHE_ABBREVIATION = /\b(?:int['’]l|nat['’]l|gov['’]t)\b/g;
const LATIN_STOPWORDS = new Set(['the', 'of', 'and', 'for']);
/**
 * Words that say what kind of business a name is, not which: paperwork leaves one out ("Huntington Ingalls" for Huntington
 * Ingalls Industries, "Saronic" for Saronic Technologies, "Edge Autonomy" for Edge Autonomy Operations LLC). Not the words
 * that tell a listed unit from its unlisted parent (Systems, Aerospace, Defense, Missiles).
 */
const BUSINESS_WORDS = new Set(['technologies', 'technology', 'industries', 'international', 'operations', 'holdings', 'group', 'enterprises', 'solutions']);
/** Score of a listed name written without one of its business words: a possible match, never a certain one. */
const BUSINESS_WORD_LEFT_OUT = 0.84;
/** The kind of Latin legal form a word is ("corp", "inc", "kk" ...), if it is one. */
export const isLatinLegalForm = (word: string): string | undefined => LATIN_LEGAL_FORMS.get(word);

/**
 * Longest first, so 股份有限公司 is taken before 有限公司. 分公司 (a branch, no person of its own in law) is the company's
 * name: MOFCOM prints Elbit Systems of America, LLC as 埃比特系统美国分公司, the press 埃尔比特系统美国公司.
 */
const CJK_LEGAL_FORMS = [
  '国立研究開発法人', '独立行政法人', '国立大学法人', '股份有限公司', '有限责任公司', '有限責任公司', '株式会社',
  // 株式会社 cut at an EDI or ERP name field's length ("三菱重工航空エンジン株式会")
  '株式会', '有限会社', '合同会社', '有限公司', '(株)', '(有)', '集团', '分公司', '公司',
];

/**
 * Japanese legal forms in kana, as a name is written (after NFKC): the readings of 株式会社, 有限会社, 合同会社,
 * 国立研究開発法人 and 独立行政法人 with small or large kana (カブシキガイシャ, ｶﾌﾞｼｷｶﾞｲｼﾔ), and the 全銀 marks of bank and
 * accounting systems, カ) or (カ) before the name and (カ after it for 株式会社, likewise ユ for 有限会社 and ド for 合同会社
 * (ｶ)ﾐﾂﾋﾞｼｿﾞｳｾﾝ, ﾐﾂﾋﾞｼｿﾞｳｾﾝ(ｶ), and カブ (株) after it, as legacy systems shorten it (ｼﾞｬﾊﾟﾝﾏﾘﾝﾕﾅｲﾃｯﾄﾞｶﾌﾞ).
 */
const KANA_LEGAL =
  '(?:カブシキ|ユウゲン|ゴウドウ)[ガカ]イシ[ャヤ]|コクリツケンキ[ュユ]ウカイハツホウジン|ドクリツギ[ョヨ]ウセイホウジン|^\\s*\\(?[カユド]\\)\\s*|\\s*\\([カユド]\\)?\\s*$|\\s*\\(?カブ\\)?\\s*$';
const KANA_LEGAL_FORMS = new RegExp(KANA_LEGAL, 'gu');
/** Japanese legal forms in kanji and in kana: a name written with one is a Japanese company's. */
export const JAPANESE_LEGAL_FORMS = new RegExp(`株式会社|有限会社|合同会社|\\(株\\)|\\(有\\)|${KANA_LEGAL}`, 'gu');

/**
 * Abbreviations that stand for words of listed names (MHI Aero Engines = Mitsubishi Heavy
 * Industries Aero Engines), from the packs' `nameAbbreviations`: lower-case abbreviation → words.
 * Expanded on both sides, so they compare as the full words.
 */
export type NameAbbreviations = ReadonlyMap<string, readonly string[]>;
const NO_ABBREVIATIONS: NameAbbreviations = new Map();

// Hangul with them: Korean paperwork spaces the words of a company's name as it likes (미쓰비시 중공업 항공엔진)
const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}ー々〆';

/**
 * Legal forms as Japanese paperwork writes foreign companies' names in katakana, by kind ("ロッキード・マーティン・
 * コーポレーション", "L3ハリス・テクノロジーズ・インク", "VSEコーポレーション"): only as words of their own, after a middle
 * dot, a space, a Latin name or the start, and before a mark or the end (インクジェット is no インク).
 */
const KATAKANA_LEGAL_FORMS = new Map<string, string>([
  ...['インコーポレイテッド', 'インコーポレーテッド', 'インク'].map((w): [string, string] => [w, 'inc']),
  ...['コーポレーション', 'コーポレイション', 'コープ'].map((w): [string, string] => [w, 'corp']),
  ...['カンパニー', 'リミテッド'].map((w): [string, string] => [w, 'ltd']),
  ['エルエルシー', 'llc'],
  ['ホールディングス', 'holdings'],
  // European forms read out as their letters, in German (AG アーゲー, GmbH ゲーエムベーハー) or English (S.r.l.)
  ['アーゲー', 'ag'],
  ['ゲーエムベーハー', 'gmbh'],
  ...['エスアールエル', 'エス・アール・エル'].map((w): [string, string] => [w, 'srl']),
]);
const WORD_EDGE = '\\s・･=＝\\-‐,、.()（）';
// a form may run on into 社 (ホールディングス社)
const KATAKANA_LEGAL = new RegExp(`(?<=^|[${WORD_EDGE}A-Za-z0-9])(${[...KATAKANA_LEGAL_FORMS.keys()].join('|')})社?(?=$|[${WORD_EDGE}])`, 'gu');
/** 社 ("company") after a foreign name in katakana or Latin letters: ロッキード・マーチン社, VSE社 (not 商社, 神社). */
const TRAILING_SHA = /(?<=[\p{Script=Katakana}ー\p{Script=Latin}\p{N}])社(?=$|[\s・,、()（）])/gu;

/**
 * A foreign name as Japanese paperwork writes it, without its katakana legal forms and a trailing 社: the kinds of the
 * forms taken out, and whether any legal form was (社 says "company" and no kind of one).
 */
export function withoutKatakanaLegalForms(written: string): { text: string; kinds: Set<string>; legal: boolean } {
  const kinds = new Set<string>();
  let sha = false;
  const text = written
    .replace(KATAKANA_LEGAL, (_: string, form: string) => {
      kinds.add(KATAKANA_LEGAL_FORMS.get(form)!);
      return ' ';
    })
    .replace(TRAILING_SHA, () => {
      sha = true;
      return ' ';
    });
  return { text, kinds, legal: sha || kinds.size > 0 };
}

/**
 * Katakana spellings of one foreign name folded together, on listed names and documents alike: ヴァ and バ, ティ and
 * チ (マーティン, マーチン), ジェ and ゼ (ジェネラル, ゼネラル), a long vowel written ー or イ after an e-sound
 * (コーポレイション, コーポレーション), and ッ and ー left out (ダイナミックス, ダイナミクス), with a large ツ before an unvoiced
 * consonant, and small kana written large, as systems without small kana write them (ﾆﾂﾎﾟﾝﾋｺｳｷ, ｼﾞﾕｳｺｳｷﾞﾖｳ).
 */
function foldKatakanaSpelling(s: string): string {
  return s
    .replace(/ヴ([ァィェォ])/gu, (_, small: string) => ({ ァ: 'バ', ィ: 'ビ', ェ: 'ベ', ォ: 'ボ' })[small]!)
    .replace(/ヴ/gu, 'ブ')
    .replace(/ティ/gu, 'チ')
    .replace(/ジェ/gu, 'ゼ')
    .replace(/(?<=[エケセテネヘメレゲゼデベペ])イ/gu, 'ー')
    // a ツ before an unvoiced consonant is most likely a ッ that a system without small kana wrote large (ﾆﾂﾎﾟﾝ, ﾆﾂﾄｳ)
    .replace(/ツ(?=[カキクケコサシスセソタチテトパピプペポ])/gu, '')
    // the kanji 一 between katakana is a long-vowel mark a scanner or an IME misread (IHIエアロスペ一ス)
    .replace(/(?<=\p{Script=Katakana})一(?=\p{Script=Katakana})/gu, 'ー')
    .replace(/[ッー]/gu, '')
    .replace(/[ァィゥェォャュョヮ]/gu, (small) => LARGE_KANA[small]!);
}

/**
 * Small kana written large, as bank and accounting systems write names in kana (全銀 characters have no small kana:
 * ミツビシジユウコウギヨウ for ミツビシジュウコウギョウ), and as companies write their own (キヤノン, not キャノン).
 */
const LARGE_KANA: Record<string, string> = { ァ: 'ア', ィ: 'イ', ゥ: 'ウ', ェ: 'エ', ォ: 'オ', ャ: 'ヤ', ュ: 'ユ', ョ: 'ヨ', ヮ: 'ワ' };

const CJK_RUN = new RegExp(`[${CJK}]+`, 'gu');
/** Spaces, hyphens and middle dots between two Chinese or Japanese characters: "三菱 電機", "防衛・装備庁". */
const CJK_GAP = new RegExp(`(?<=[${CJK}])[\\s\\-‐・·]+(?=[${CJK}])`, 'gu');
const LATIN_RUN = /[\p{L}\p{N}]+/gu;

export interface NameFeatures {
  /** Feature → weight. */
  weights: Map<string, number>;
  total: number;
  /** The name without legal forms and punctuation, words spaced: equal keys are the same name. */
  key: string;
  /** The key without spaces: "Lock heed Martin", "L3 Harris" and "三菱 電機" are the name written apart. */
  compact: string;
  /** Kinds of Latin legal form written in the name ("corp", "inc", "ltd" ...). */
  legalKinds: Set<string>;
}

/**
 * Case, width and kanji variants folded, and Taiwanese and Hong Kong words of names written as the mainland
 * ones (雷神飛彈系統公司 is 雷神导弹系统公司), as names are compared: also the key of published names.
 */
export function foldName(raw: string): string {
  return foldConjunctions(foldRegionalPhrases(foldNameCharacters(raw)));
}

/**
 * "And" between Chinese words of a name: MOFCOM writes 与, the press 和, 及 or 以及, a form & (暨 is a regional word). Only
 * after two characters: in 豊和工業 and 光和兴业 和 is part of the first word, and a name's first two characters are the
 * key by which prose is searched for it (party-index.ts).
 */
const HAN_AND = /(?<=\p{Script=Han}{2})\s*(?:以及|和|及|&)\s*(?=\p{Script=Han})/gu;

/**
 * One "and" for a Chinese rendering of a foreign name: 雷神导弹和防务公司 is 雷神导弹与防务公司. (科技 and 技术 stay
 * apart: two Chinese companies may differ by them, see regional-phrases.ts.)
 */
function foldConjunctions(folded: string): string {
  return folded.replace(HAN_AND, '与');
}

/** foldName without the regional words (scanning slips mended): the fold the regional-phrase table is written in. */
export function foldNameCharacters(raw: string): string {
  return foldCjkVariants(withoutDiacritics(mendSlips(raw.normalize('NFKC')).toLowerCase())).replace(CJK_GAP, '').replace(/\s+/g, ' ').trim();
}

/** "odštěpný závod" is "odstepny zavod", "Wrocław" "Wroclaw": accents on Latin letters dropped (kana voicing marks kept). */
function withoutDiacritics(s: string): string {
  if (!/[\u00c0-\u024f]/.test(s)) return s;
  return s
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/[łøđßæœı]/g, (c) => UNDECOMPOSED[c]!);
}

/** Latin letters that carry their mark in the letter itself, so NFD does not separate it (text is lower case here). */
const UNDECOMPOSED: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ß: 'ss', æ: 'ae', œ: 'oe', ı: 'i' };

/** アンド written as a word of a katakana name ("ミサイルズ・アンド・ファイアコントロール"), as ＆ is: not the start of アンドゥリル. */
const KATAKANA_AND = /[・･\s]アンド(?=[・･\s])/gu;

export function nameFeatures(raw: string, abbreviations: NameAbbreviations = NO_ABBREVIATIONS): NameFeatures {
  let kana = false;
  const written = raw.normalize('NFKC').replace(KATAKANA_AND, '&').replace(KANA_LEGAL_FORMS, () => {
    kana = true;
    return ' ';
  });
  const katakanaForms = withoutKatakanaLegalForms(written);
  const legalKinds = katakanaForms.kinds;
  let legal = katakanaForms.legal || kana;
  let s = foldKatakanaSpelling(foldName(katakanaForms.text)).replace(APOSTROPHE_ABBREVIATION, (word) => word.replace(/['’]/, '')).replace(NUMBER_WORD, (d) => NUMBER_WORDS[Number(d) - 1]!);
  for (const form of CJK_LEGAL_FORMS) {
    if (s.includes(form)) {
      legal = true;
      s = s.split(form).join(' ');
    }
  }
  const weights = new Map<string, number>();
  const keyParts: string[] = [];
  const cjkRuns: string[] = [];
  s = s.replace(CJK_RUN, (run) => {
    cjkRuns.push(run);
    return ' ';
  });
  for (const token of mergeInitials([...s.matchAll(LATIN_RUN)].map((m) => m[0]))) {
    const kind = LATIN_LEGAL_FORMS.get(token);
    if (kind) {
      legal = true;
      legalKinds.add(kind);
      continue;
    }
    for (const t of abbreviations.get(token) ?? WORD_ABBREVIATIONS.get(token) ?? [token]) {
      weights.set(t, LATIN_STOPWORDS.has(t) ? STOPWORD_WEIGHT : 1);
      if (!LATIN_STOPWORDS.has(t)) keyParts.push(t);
    }
  }
  for (const run of cjkRuns) {
    keyParts.push(run);
    if (run.length === 1) weights.set(run, 1);
    for (let i = 0; i + 1 < run.length; i++) weights.set(run.slice(i, i + 2), 1);
  }
  if (legal) weights.set(LEGAL, LEGAL_WEIGHT);
  let total = 0;
  for (const w of weights.values()) total += w;
  return { weights, total, key: keyParts.join(' '), compact: keyParts.join(''), legalKinds };
}

/** Runs of single letters are one word: "I.H.I." is "ihi", "U.S." is "us", "K.K." is "kk". */
export function mergeInitials(tokens: string[]): string[] {
  const out: string[] = [];
  let initials = '';
  for (const t of tokens) {
    if (t.length === 1 && /\p{L}/u.test(t)) {
      initials += t;
      continue;
    }
    if (initials) out.push(initials);
    initials = '';
    out.push(t);
  }
  if (initials) out.push(initials);
  return out;
}

/** "Nippi, Inc." is not "NIPPI Corporation": a one-word name is told apart by its legal form. */
function conflictingLegalForms(a: NameFeatures, b: NameFeatures): boolean {
  if (a.legalKinds.size === 0 || b.legalKinds.size === 0 || a.legalKinds.has('kk') || b.legalKinds.has('kk')) return false;
  return ![...a.legalKinds].some((k) => b.legalKinds.has(k));
}

/**
 * "Universal Logistics Co., Ltd." is not "Universal Logistics Holdings, Inc.": an American form (Inc.,
 * LLC) against a "Co., Ltd." tells namesakes apart whatever the name's length. "Corporation" is not
 * such a sign (株式会社 is rendered both "Co., Ltd." and "Corporation").
 */
function namesakeLegalForms(a: NameFeatures, b: NameFeatures): boolean {
  const american = (f: NameFeatures): boolean => f.legalKinds.has('inc') || f.legalKinds.has('llc');
  const limited = (f: NameFeatures): boolean => f.legalKinds.has('ltd') && !american(f);
  return (american(a) && limited(b)) || (limited(a) && american(b));
}

export interface NameScore {
  score: number;
  /** How the score came about; namesake: the same words, told apart by the legal form ("Nippi Inc." and NIPPI Corporation). */
  basis: 'exact' | 'similar' | 'namesake' | 'contains' | 'broader';
}

/** Similarity of a name on a document (query) to a listed name (entry), 0..1. */
export function compareNames(query: NameFeatures, entry: NameFeatures, unitsCount: boolean): NameScore {
  if (query.compact !== '' && query.compact === entry.compact) {
    const oneWord = !query.key.includes(' ') && /^[a-z0-9]+$/.test(query.key);
    const namesake = (oneWord && conflictingLegalForms(query, entry)) || namesakeLegalForms(query, entry);
    return namesake ? { score: 0.88, basis: 'namesake' } : { score: 1, basis: 'exact' };
  }
  let common = 0;
  let entryCovered = 0;
  /** Entry weight covered by words written as the entry writes them (not a shortened or misspelt word). */
  let entryExact = 0;
  let queryCovered = 0;
  const usedEntry = new Set<string>();
  let reworded = false;
  let slippedEarly = false;
  for (const [f, wq] of query.weights) {
    const we = entry.weights.get(f);
    if (we !== undefined) {
      common += Math.min(wq, we);
      usedEntry.add(f);
      queryCovered += wq;
      entryCovered += we;
      if (f !== LEGAL) entryExact += we;
      continue;
    }
    // "for" is not "Forces" shortened: a stopword is never a listed word written short
    if (f.length < 3 || !/^[a-z]+$/.test(f) || LATIN_STOPWORDS.has(f)) continue;
    // a misspelt or shortened word ("Ind." for Industries): the best unused entry word like it
    let best = 0;
    let bestFeature = '';
    for (const [g] of entry.weights) {
      if (usedEntry.has(g) || !/^[a-z]+$/.test(g)) continue;
      const sim = g.length > f.length && g.startsWith(f) ? ABBREVIATED : f.length >= 5 && g.length >= 5 ? jaroWinkler(f, g) : 0;
      if (sim > best) {
        best = sim;
        bestFeature = g;
      }
    }
    // a slip of one letter near the word's start ("Mnistry" for Ministry, "Defnse" for Defense), which Jaro-Winkler scores
    // below a word written short, counts as one, but leaves the name only a possible match ("Boyer" is one letter from Bayer)
    if (best < ABBREVIATED && best >= ONE_SLIP_FLOOR && oneSlip(f, bestFeature)) {
      best = ABBREVIATED;
      slippedEarly = true;
    }
    if (best >= ABBREVIATED) {
      // more than a slip of one letter ("Exelixis" for Exelis) may be another word, not the listed one mistyped
      if (!bestFeature.startsWith(f) && !oneSlip(f, bestFeature)) reworded = true;
      common += best;
      usedEntry.add(bestFeature);
      queryCovered += wq;
      entryCovered += entry.weights.get(bestFeature)!;
    }
  }
  const dice = (2 * common) / (query.total + entry.total);
  // no word of the listed name written as listed, and one more than mistyped ("Exelixis" for Exelis): another company may
  // bear it; so may one with a word slipped near its start
  if ((entryExact === 0 && reworded) || slippedEarly) return { score: Math.min(dice, SPELT_OTHERWISE), basis: 'similar' };
  // a legal form the listed name does not write is not a part of the name left uncovered
  const queryLegalOnly = query.weights.has(LEGAL) && !entry.weights.has(LEGAL) ? LEGAL_WEIGHT : 0;
  const queryAllCovered = queryCovered >= query.total - queryLegalOnly - 1e-9;
  const entryAllCovered = entryCovered >= entry.total - LEGAL_WEIGHT - 1e-9;
  // a name that leaves out a real part of a listed name is a parent or a sister, not the entry;
  // one that leaves out a sliver (川崎重工 for 川崎重工業) is the same name written short
  const entryShare = entryCovered / Math.max(entry.total - (entry.weights.has(LEGAL) ? LEGAL_WEIGHT : 0), 1e-9);
  if (queryAllCovered && !entryAllCovered && entryShare < 0.85) {
    const leftOut = [...entry.weights.keys()].filter((f) => f !== LEGAL && !usedEntry.has(f) && !LATIN_STOPWORDS.has(f));
    // "Komatsu Ltd." is not Komatsu Industries Corporation: a legal form of another kind makes it the parent or a sister
    const sameCompany = !conflictingLegalForms(query, entry) && !namesakeLegalForms(query, entry);
    const oneBusinessWord =
      sameCompany && leftOut.length === 1 && BUSINESS_WORDS.has(leftOut[0]!) && [...usedEntry].some((f) => f !== LEGAL && !LATIN_STOPWORDS.has(f) && !BUSINESS_WORDS.has(f));
    return oneBusinessWord ? { score: Math.max(dice, BUSINESS_WORD_LEFT_OUT), basis: 'similar' } : { score: Math.min(dice, 0.7), basis: 'broader' };
  }
  // a listed name held in a longer one ("… Fort Worth", a site, a unit): only where it is mostly written out as listed; a
  // word that merely begins like a listed word ("Rhein" of Rheinmetall) before other words is another name
  const entryNameWeight = entry.total - (entry.weights.has(LEGAL) ? LEGAL_WEIGHT : 0);
  if (entryAllCovered && !queryAllCovered && entry.key.length >= 3 && entryExact >= entryNameWeight / 2) {
    const at = latinWordsAt(query.key, entry.key);
    // "2000 Fort Campbell Blvd", "Fort Bragg Rd": a street named after the listed name, not the body
    if (at !== undefined && STREET_TYPES.has(query.key.split(' ')[at] ?? '')) return { score: Math.min(dice, 0.7), basis: 'similar' };
    // a unit writes the military user's name as one run of words ("U.S. Army DEVCOM"); words of a Latin name strewn
    // through a longer one ("Liberty Building Products, Fort Worth" against Fort Liberty) are only a possible match
    const asRun = at !== undefined || !/^[a-z0-9]+(?: [a-z0-9]+)+$/.test(entry.key);
    return { score: unitsCount && asRun ? 0.95 : Math.max(dice, 0.85), basis: 'contains' };
  }
  return { score: Math.max(dice, hanSpellingScore(query.compact, entry.compact)), basis: 'similar' };
}

/**
 * A Chinese or Japanese name of six characters or more written one character apart from a listed one, or a Chinese one
 * of eight or more two apart: a regional or press transliteration or wording (雷聲 for 雷神, 埃爾比特 for 埃比特, 馬汀 for 马丁, 地面系统 for
 * 陆地系统, 威胁降低局 for 威胁减少局), or a kana or kanji a scan slipped (三菱重工航空エンシン for エンジン, its voicing mark
 * lost), which no source may print and bigrams score low (a character changed costs two of them). Only a possible match:
 * the characters may make it another company.
 */
const HAN_SPELLING = 0.85;
const HAN_SPELLING_TWO = 0.82;
const HAN_ONLY = /^\p{Script=Han}{6,}$/u;
const CJK_ONLY = /^[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}ー]{6,}$/u;

function hanSpellingScore(a: string, b: string): number {
  if (!CJK_ONLY.test(a) || !CJK_ONLY.test(b)) return 0;
  const d = editDistance(a, b, 2);
  // two kana apart is another name as often as not (サロン for サロニック, 経済 for 工科 beside ヴロツワフ)
  return d <= 1 ? HAN_SPELLING : d === 2 && Math.min(a.length, b.length) >= 8 && HAN_ONLY.test(a) && HAN_ONLY.test(b) ? HAN_SPELLING_TWO : 0;
}

/** Street types written after a name ("Fort Campbell Blvd", "Fort Bragg Road"): the street bears the name, not the body. */
const STREET_TYPES = new Set([
  'blvd', 'boulevard', 'rd', 'road', 'st', 'street', 'ave', 'avenue', 'hwy', 'highway', 'pkwy', 'parkway', 'dr', 'drive',
  'ln', 'lane', 'pike', 'expressway', 'expy', 'fwy', 'freeway', 'ct', 'court', 'cir', 'circle', 'trl', 'trail',
]);

/**
 * Where a Latin listed name (its key, words spaced) stands in a name's key as one run of words, each written as listed or
 * shortened (a word the listed one begins with): the index of the word after the run, or undefined.
 */
function latinWordsAt(queryKey: string, entryKey: string): number | undefined {
  const q = queryKey.split(' ');
  const e = entryKey.split(' ');
  for (let i = 0; i + e.length <= q.length; i++) {
    if (e.every((w, j) => q[i + j] === w || (q[i + j]!.length >= 2 && w.startsWith(q[i + j]!)))) return i + e.length;
  }
  return undefined;
}

/** One letter slipped in a word of five letters or more scores at least 0.86 ("Bayer" for Mayer): below, no edit distance is worth computing. */
const ONE_SLIP_FLOOR = 0.85;

/** One letter added, dropped or changed, or two side by side swapped ("Skydoi" for Skydio): a word mistyped. */
function oneSlip(a: string, b: string): boolean {
  if (editDistance(a, b, 1) <= 1) return true;
  if (a.length !== b.length) return false;
  const at = [...a].findIndex((c, i) => c !== b[i]);
  return a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}

/** The most a name scores whose words are only like the listed ones, one of them by more than a letter: below blocking, a possible match. */
const SPELT_OTHERWISE = 0.88;

/** Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4). Pinned here so scores never change under us. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatch = new Array<boolean>(a.length).fill(false);
  const bMatch = new Array<boolean>(b.length).fill(false);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(b.length - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!bMatch[j] && a[i] === b[j]) {
        aMatch[i] = bMatch[j] = true;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const jaro = (matches / a.length + matches / b.length + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}
