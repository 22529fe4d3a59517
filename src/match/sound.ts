/**
 * Matching by sound: a foreign company's name written in katakana ("インターコースタル・エレクトロニクス社") against the
 * listed Latin name (Inter-Coastal Electronics), for the many listed entities that have no sourced katakana name.
 *
 * Both sides are reduced to a phonetic key per word: a consonant skeleton in which the sounds katakana merges are one
 * class. The katakana is first read as Hepburn romaji with the loanword conventions (ー, ッ, small ァィゥェォャュョ, ヴ,
 * ティ/ディ/トゥ/ドゥ, ファ/フィ/フェ/フォ, ウィ/ウェ/ウォ, シェ/ジェ/チェ; ン before b/p read m); the Latin name is read with a
 * handful of English spelling rules (ph→f, ck/q/hard c→k, soft c and g→s/j, x→ks, -tion/-sion→shon, tech→tek, gh and
 * initial kn/wr/ps silent, doubled letters single, and the r after a vowel that katakana drops: Inter → インター) and two
 * German ones (rh→r, dt→t: Rheinmetall, HENSOLDT). A word may also be written as ex- before a vowel reads egz- (Exelis
 * エグゼリス), and a common word as its singular (Labs ラボ).
 *
 * The key: vowels (and y, and w or h not before a vowel) are left out, a word that begins with a vowel starts with V,
 * and the consonants fall into classes: B (b v), P, F, H, K (k c q), G, S (s z j sh th, soft c and g), T (t ch), D, R
 * (l r), M, N, W; digits stay. Runs of one class are one. So "Intercoastal" and インターコースタル are both VNTKSTR,
 * "Electronics" and エレクトロニクス VRKTRNKS, "Teledyne" and テレダイン TRDN.
 *
 * A match by sound is never certain: it scores in the review band (below 0.92) and the index marks it review-only.
 * Precision comes from the whole name: every word of the listed name must be matched, in order, by words of the
 * document's name and every word of the document's name must match (stopwords and legal forms aside), a word's key
 * exactly or, from five classes up, with one edit; a name made only of common words (Applied Technologies Group)
 * needs every key exact; a one-word listed name (Epirus, Exelis) needs its key exact and the document to write a foreign legal form (エピルス社, エクセリス・インク), so that a bare ordinary word (キュービック, サミット) is no match.
 * A document that writes a foreign legal form may leave out the common words that end the listed name (サロニック社 for
 * Saronic Technologies, Inc.), one edit's score lower; what is left is matched by the same rules.
 * A name written with a Japanese legal form (株式会社, (株), 有限会社, 合同会社) is read by sound only against a listed name
 * whose own legal form Japanese paperwork translates by it (エクスカリバー・アーミー有限会社 for EXCALIBUR ARMY spol. s r.o.,
 * テックインサイツ・コリア株式会社 for TechInsights Korea Co. Ltd.), and then as a whole name, every word's key exactly as
 * the listed word's (no edit, no other key): never by a one-word name, a company's own words or a name a sound off, which
 * Japanese companies have (キュービック株式会社, サロニック株式会社). サミットテクノロジー株式会社 still sounds as Summit
 * Technologies does (a plural s and the j of テクノロジー are one class): a review. Kanji are read only
 * where they are words that translate English words of names (KANJI_WORDS: 航空, 無人, 工業 …); a name with other kanji
 * or with hiragana is not read by sound.
 */
import { editDistance } from './edit-distance.js';
import { foldName, isLatinLegalForm, JAPANESE_LEGAL_FORMS, mergeInitials, withoutKatakanaLegalForms } from './party-names.js';

/** Score of a match by sound with no edit; each edit takes EDIT_COST off, down to the review threshold. */
const SOUND_SCORE = 0.88;
const EDIT_COST = 0.02;
/** A one-word listed name matched by sound: a possible match at the bottom of the review band. */
const ONE_WORD_SCORE = 0.82;
const MIN_SCORE = 0.8;

/** Words many listed and unlisted companies share: a name made only of them needs every word exact. */
const COMMON_WORDS = new Set(
  (
    'systems system technologies technology tech international aerospace defense defence group solutions industries industrial ' +
    'electronics engineering services global applied research laboratories laboratory labs lab operations analytics ' +
    'communications materials management security science institute development photonics robotics drones drone unmanned ' +
    'aerial tactical maritime america usa europe national advanced integration missile missiles ventures market consulting ' +
    'shipbuilding trucks army federal enterprises intelligence video info pacific general dynamics partnership limited'
  ).split(' '),
);
const LATIN_STOPWORDS = new Set(['of', 'and', 'the', 'for', 'by', 'de', 'd']);
const KATAKANA_STOPWORDS = new Set(['オブ', 'アンド', 'ザ', 'フォー', 'バイ', 'ドゥ', 'デ']);

/** English words whose letters say little of their sound. */
const LATIN_EXCEPTIONS = new Map([['iron', 'aian']]);

export interface SoundWord {
  key: string;
  /** Other keys katakana writes the word with (latinAlternatives). */
  alternatives: string[];
  stop: boolean;
  common: boolean;
}

/** A listed Latin name as keys, computed once when the index is built. */
export interface SoundName {
  words: SoundWord[];
  /** The kinds of its legal forms (isLatinLegalForm: kk, corp, ltd, sro …), which a Japanese legal form may translate. */
  forms: Set<string>;
  /** A Japanese company's Latin name (IHI Jet Service Co., Ltd.): a Japanese legal form is its own. */
  japanese: boolean;
}

type JapaneseForm = 'kk' | 'yk' | 'gk';

/**
 * The foreign legal forms Japanese paperwork translates by each Japanese one: 株式会社 for a company limited by shares
 * (Inc., Corp., Co. Ltd., AG, a.s., S.A., S.p.A., plc, JSC), 有限会社 for a limited liability company (GmbH, s.r.o.,
 * S.r.l., SARL, sp. z o.o., Ltd.), 合同会社 for an LLC. A listed KK is its own Japanese form whatever is written.
 */
const TRANSLATED_FORMS: Record<JapaneseForm, Set<string>> = {
  kk: new Set(['kk', 'corp', 'inc', 'ltd', 'ag', 'as', 'sa', 'spa', 'plc', 'jsc', 'jsco', 'sas']),
  yk: new Set(['kk', 'ltd', 'gmbh', 'llc', 'sro', 'spol', 'srl', 'sarl', 'zoo', 'sp']),
  gk: new Set(['kk', 'llc']),
};
const YUGEN = /有限|\(有\)|ユウゲン|^\s*\(?ユ\)|\(ユ\)?\s*$/u;
const GODO = /合同|ゴウドウ|^\s*\(?ド\)|\(ド\)?\s*$/u;
const japaneseForm = (written: string): JapaneseForm => (YUGEN.test(written) ? 'yk' : GODO.test(written) ? 'gk' : 'kk');

export interface SoundToken {
  key: string;
  /** Other keys: the other English words a kanji word of the name translates (航空: aeronautical, aerial, aviation …). */
  alternatives: string[];
  stop: boolean;
  reading: string;
}

/** A name on a document that has katakana, as keys. */
export interface SoundQuery {
  tokens: SoundToken[];
  /** The document writes a foreign legal form (社, インク, コーポレーション, LLC ...). */
  legal: boolean;
  /** The document's name calls itself a holding company (ホールディングス): not the company named by its trade alone. */
  holding: boolean;
  /** The Japanese legal form the document writes (株式会社 kk, 有限会社 yk, 合同会社 gk), if any. */
  japaneseLegal?: JapaneseForm;
  /** The name as read, in romaji (pinyin for Chinese characters): for the finding. */
  reading: string;
  /**
   * Read from Chinese characters (han-sound.ts), where 公司 is every company's word: the company's own words alone are not
   * read as a listed name that ends in common words.
   */
  chinese?: boolean;
}

const KATAKANA = /\p{Script=Katakana}/u;
const HAN_OR_HIRAGANA = /[\p{Script=Han}\p{Script=Hiragana}々〆]/u;
/** What parts the words of a name, in katakana or in Chinese (han-sound.ts). */
export const SEPARATORS = /[\s・･·=＝\-‐‑–—,、.。()（）&＆/／+'’"]+/u;
const TOKEN = /[\p{Script=Katakana}ー]+|[a-z0-9]+|⟦[^⟧]+⟧/gu;
/** A remark in brackets after a name, which is not part of it (レッドキャット・ホールディングス社（プエルトリコ）). */
export const TRAILING_REMARK = /(?<=\S)\s*\([^()]*\)\s*$/u;

export function hasKatakana(s: string): boolean {
  return KATAKANA.test(s);
}

// ------------------------------------------------------------------------------------------------ katakana → romaji

const BASE: Record<string, string> = {
  ア: 'a', イ: 'i', ウ: 'u', エ: 'e', オ: 'o', カ: 'ka', キ: 'ki', ク: 'ku', ケ: 'ke', コ: 'ko', ガ: 'ga', ギ: 'gi', グ: 'gu', ゲ: 'ge', ゴ: 'go',
  サ: 'sa', シ: 'shi', ス: 'su', セ: 'se', ソ: 'so', ザ: 'za', ジ: 'ji', ズ: 'zu', ゼ: 'ze', ゾ: 'zo', タ: 'ta', チ: 'chi', ツ: 'tsu', テ: 'te',
  ト: 'to', ダ: 'da', ヂ: 'ji', ヅ: 'zu', デ: 'de', ド: 'do', ナ: 'na', ニ: 'ni', ヌ: 'nu', ネ: 'ne', ノ: 'no', ハ: 'ha', ヒ: 'hi', フ: 'fu',
  ヘ: 'he', ホ: 'ho', バ: 'ba', ビ: 'bi', ブ: 'bu', ベ: 'be', ボ: 'bo', パ: 'pa', ピ: 'pi', プ: 'pu', ペ: 'pe', ポ: 'po', マ: 'ma', ミ: 'mi',
  ム: 'mu', メ: 'me', モ: 'mo', ヤ: 'ya', ユ: 'yu', ヨ: 'yo', ラ: 'ra', リ: 'ri', ル: 'ru', レ: 're', ロ: 'ro', ワ: 'wa', ヰ: 'i', ヱ: 'e',
  ヲ: 'o', ン: 'n', ヴ: 'vu', ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o', ャ: 'ya', ュ: 'yu', ョ: 'yo', ヮ: 'wa', ヵ: 'ka', ヶ: 'ke',
};
/** Two-kana sounds, the loanword ones included. */
const PAIRS: Record<string, string> = {
  ティ: 'ti', ディ: 'di', トゥ: 'tu', ドゥ: 'du', テュ: 'tyu', デュ: 'dyu', ファ: 'fa', フィ: 'fi', フェ: 'fe', フォ: 'fo', フュ: 'fyu',
  ウィ: 'wi', ウェ: 'we', ウォ: 'wo', シェ: 'she', ジェ: 'je', チェ: 'che', ヴァ: 'va', ヴィ: 'vi', ヴェ: 've', ヴォ: 'vo', ヴュ: 'vyu',
  ツァ: 'tsa', ツィ: 'tsi', ツェ: 'tse', ツォ: 'tso', スィ: 'si', ズィ: 'zi', クァ: 'kwa', クィ: 'kwi', クェ: 'kwe', クォ: 'kwo', グァ: 'gwa',
  イェ: 'ye', キャ: 'kya', キュ: 'kyu', キョ: 'kyo', ギャ: 'gya', ギュ: 'gyu', ギョ: 'gyo', シャ: 'sha', シュ: 'shu', ショ: 'sho',
  ジャ: 'ja', ジュ: 'ju', ジョ: 'jo', チャ: 'cha', チュ: 'chu', チョ: 'cho', ニャ: 'nya', ニュ: 'nyu', ニョ: 'nyo', ヒャ: 'hya', ヒュ: 'hyu',
  ヒョ: 'hyo', ビャ: 'bya', ビュ: 'byu', ビョ: 'byo', ピャ: 'pya', ピュ: 'pyu', ピョ: 'pyo', ミャ: 'mya', ミュ: 'myu', ミョ: 'myo',
  リャ: 'rya', リュ: 'ryu', リョ: 'ryo',
};

/** Katakana read as Hepburn romaji with the loanword conventions; ー doubles the vowel before it, ッ the consonant after. */
export function romaji(katakana: string): string {
  const s = katakana.normalize('NFKC');
  let out = '';
  let geminate = false;
  for (let i = 0; i < s.length; ) {
    const c = s[i]!;
    if (c === 'ッ') {
      geminate = true;
      i++;
      continue;
    }
    if (c === 'ー') {
      const vowel = /[aeiou]$/.exec(out)?.[0];
      if (vowel) out += vowel;
      i++;
      continue;
    }
    let syllable = PAIRS[s.slice(i, i + 2)];
    let len = 2;
    if (syllable === undefined) {
      syllable = BASE[c];
      len = 1;
    }
    if (syllable === undefined) {
      // not katakana: kept as written (a Latin letter or a digit inside a word)
      out += c.toLowerCase();
      i++;
      continue;
    }
    if (c === 'ン' && /^[バビブベボパピプペポ]/u.test(s[i + 1] ?? '')) syllable = 'm';
    if (geminate) {
      out += syllable.startsWith('ch') ? 't' : /^[a-z]/.test(syllable) && !/^[aeiou]/.test(syllable) ? syllable[0] : '';
      geminate = false;
    }
    out += syllable;
    i += len;
  }
  return out;
}

// ------------------------------------------------------------------------------------------------ keys

const VOWEL = /[aeiouy]/;

/**
 * The key of romaji or of a phonetically spelt word: classes of consonants, vowels left out, V for a vowel that begins
 * the word. `s` is lower-case letters and digits, with sh, ch, th, ph already written so.
 */
function skeleton(s: string): string {
  let out = /^[aeiou]/.test(s) || /^y[aeiou]/.test(s) ? 'V' : '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const next = s[i + 1] ?? '';
    const two = c + next;
    let cls = '';
    if (two === 'sh' || two === 'th') {
      cls = 'S';
      i++;
    } else if (two === 'ch') {
      cls = 'T';
      i++;
    } else if (two === 'ph') {
      cls = 'F';
      i++;
    } else if (VOWEL.test(c)) {
      continue;
    } else if (c === 'w' || c === 'h') {
      if (!/[aeiou]/.test(next)) continue;
      cls = c.toUpperCase();
    } else {
      cls = CLASSES[c] ?? (/[0-9]/.test(c) ? c : '');
    }
    if (cls !== '' && !out.endsWith(cls)) out += cls;
  }
  return out;
}
const CLASSES: Record<string, string> = {
  b: 'B', v: 'B', p: 'P', f: 'F', k: 'K', c: 'K', q: 'K', g: 'G', s: 'S', z: 'S', j: 'S', x: 'KS', t: 'T', d: 'D', l: 'R', r: 'R', m: 'M', n: 'N',
};

/** A key as Chinese transliteration writes it: b and p are one class (波 writes both: 波兰 Poland, 奥姆尼波尔 OMNIPOL). */
export function chineseKey(key: string): string {
  return key.replace(/P/g, 'B').replace(/B+/g, 'B');
}

/** The key of romaji read from katakana. */
export function romajiKey(r: string): string {
  return skeleton(r);
}

/** The key of an English (or other Latin) word, as katakana would render its sound. */
export function latinKey(word: string): string {
  let w = word.toLowerCase();
  w = LATIN_EXCEPTIONS.get(w) ?? w;
  w = w
    .replace(/([a-z])\1+/g, '$1')
    .replace(/^kn/, 'n')
    .replace(/^wr/, 'r')
    .replace(/^ps/, 's')
    // Rheinmetall ラインメタル, Rhodes ローズ; HENSOLDT ヘンソルト, Stadt シュタット
    .replace(/rh/g, 'r')
    .replace(/dt/g, 't')
    .replace(/gn$/, 'n')
    .replace(/mb$/, 'm')
    .replace(/tech/g, 'tek')
    .replace(/echo/g, 'eko')
    .replace(/chem/g, 'kem')
    .replace(/chr/g, 'kr')
    .replace(/sch/g, 'sh')
    .replace(/[st]ion/g, 'shon')
    .replace(/ck/g, 'k')
    .replace(/qu/g, 'k')
    .replace(/dg(?=[eiy])/g, 'j')
    .replace(/gh/g, '')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/g(?=[eiy])/g, 'j')
    // the r after a vowel that katakana writes as ー: Inter → インター, Clear → クリア
    .replace(/(?<=[aeiouy])r(?![aeiouy])/g, '');
  return skeleton(w);
}

/**
 * Other keys katakana writes a Latin word with: ex- before a vowel as egz- (Exelis エグゼリス, Exon エグゾン) as well as
 * eks- (エクセリス), and a common word's plural without its s (Labs ラボ, Systems システム).
 */
function latinAlternatives(word: string, key: string, common: boolean): string[] {
  const out = new Set<string>();
  if (/^ex[aeiou]/.test(word)) out.add(latinKey(`egz${word.slice(2)}`));
  if (common && /[^s]s$/.test(word)) out.add(latinKey(word.slice(0, -1)));
  out.delete(key);
  return [...out];
}

// ------------------------------------------------------------------------------------------------ names

/**
 * Kanji words that Japanese paperwork writes for the English words of a foreign company's name, beside its katakana
 * (クラトス無人航空システムズ for Kratos Unmanned Aerial Systems, ハンチントン・インガルス工業): each with the English words it
 * translates, as a dictionary gives them. A name with other kanji is not read by sound.
 */
const KANJI_WORDS: [string, string[]][] = [
  ['航空宇宙', ['aerospace']],
  ['航空', ['aeronautical', 'aeronautics', 'aerial', 'aviation', 'aero', 'air']],
  ['宇宙', ['space', 'aerospace']],
  ['無人', ['unmanned']],
  ['防衛', ['defense']],
  ['国防', ['defense']],
  ['技術', ['technology', 'technologies', 'tech']],
  ['先端', ['advanced']],
  ['先進', ['advanced']],
  ['研究所', ['laboratories', 'laboratory', 'labs', 'institute']],
  ['研究', ['research']],
  ['工業', ['industries', 'industrial']],
  ['電子', ['electronics']],
  ['造船', ['shipbuilding']],
  ['国際', ['international']],
  ['応用', ['applied']],
  ['海洋', ['maritime', 'marine', 'ocean', 'oceanic']],
  ['戦術', ['tactical']],
  ['通信', ['communications']],
  ['情報', ['information', 'intelligence']],
  ['統合', ['integrated', 'integration']],
  ['製造', ['manufacturing']],
  ['飛行', ['flight']],
];
const KANJI_WORD = new RegExp(KANJI_WORDS.map(([kanji]) => kanji).join('|'), 'gu');
const KANJI_WORD_KEYS = new Map(KANJI_WORDS.map(([kanji, english]) => [kanji, { english, keys: english.map(latinKey) }]));
/** A kanji word's place in the name, as it is read (see KANJI_WORDS). */
const KANJI_MARK = /^⟦(.+)⟧$/u;

/** A listed Latin name as keys; undefined for a name with Chinese or Japanese characters, or without words. */
export function soundName(listed: string, japanese = false): SoundName | undefined {
  const folded = foldName(listed);
  if (HAN_OR_HIRAGANA.test(folded) || KATAKANA.test(folded)) return undefined;
  const forms = new Set<string>();
  const words: SoundWord[] = [];
  for (const token of mergeInitials([...folded.matchAll(/[a-z0-9]+/g)].map((m) => m[0]))) {
    const legal = isLatinLegalForm(token);
    if (legal) {
      forms.add(legal);
      continue;
    }
    const stop = LATIN_STOPWORDS.has(token);
    const key = latinKey(token);
    if (key === '' || key === 'V') continue;
    const common = !stop && COMMON_WORDS.has(token);
    words.push({ key, alternatives: latinAlternatives(token, key, common), stop, common });
  }
  if (words.every((w) => w.stop)) return undefined;
  return { words, forms, japanese };
}

/** A name on a document as keys, where it has katakana and no kanji or hiragana (legal forms aside); else undefined. */
export function soundQuery(raw: string): SoundQuery | undefined {
  // a remark in brackets after the name is not the name: レッドキャット・ホールディングス社（プエルトリコ）
  let s = raw.normalize('NFKC').replace(TRAILING_REMARK, ' ');
  if (!KATAKANA.test(s)) return undefined;
  let japaneseLegal: JapaneseForm | undefined;
  const foreign = withoutKatakanaLegalForms(
    s.replace(JAPANESE_LEGAL_FORMS, (form) => {
      japaneseLegal = japaneseForm(form);
      return ' ';
    }),
  );
  s = foreign.text.replace(KANJI_WORD, (kanji) => ` ⟦${kanji}⟧ `);
  let legal = foreign.legal;
  let holding = foreign.kinds.has('holdings');
  if (HAN_OR_HIRAGANA.test(s.replace(/⟦[^⟧]+⟧/gu, ''))) return undefined;
  const tokens: SoundToken[] = [];
  const latin: string[] = [];
  for (const part of s.toLowerCase().split(SEPARATORS)) {
    for (const m of part.matchAll(TOKEN)) latin.push(m[0]);
  }
  for (const t of mergeInitials(latin)) {
    const kanji = KANJI_WORD_KEYS.get(KANJI_MARK.exec(t)?.[1] ?? '');
    if (kanji) {
      tokens.push({ key: kanji.keys[0]!, alternatives: kanji.keys.slice(1), stop: false, reading: kanji.english[0]! });
      continue;
    }
    if (/^[a-z0-9]+$/.test(t)) {
      const form = isLatinLegalForm(t);
      if (form) {
        legal = true;
        holding ||= form === 'holdings';
        continue;
      }
      const key = latinKey(t);
      if (key !== '') tokens.push({ key, alternatives: [], stop: LATIN_STOPWORDS.has(t), reading: t });
      continue;
    }
    const reading = romaji(t);
    const key = romajiKey(reading);
    if (key !== '') tokens.push({ key, alternatives: [], stop: KATAKANA_STOPWORDS.has(t), reading });
  }
  if (tokens.length === 0 || !tokens.some((t) => !t.stop)) return undefined;
  return { tokens, legal, holding, japaneseLegal, reading: tokens.map((t) => t.reading).join(' ') };
}

/** Edits allowed between two keys: none below five classes, one from five up (one per word when words are joined). */
function tolerance(key: string, words: number): number {
  const len = key.replace(/^V/, '').length;
  return len < 5 ? 0 : Math.min(words, Math.floor(len / 5));
}

/**
 * Keys of words written together: "アイアン・マウンテン" is IronMountain, "テックインサイツ" is Tech Insights. A class that ends
 * one key and begins the next is one, as it is inside a word (クリアアライン, one word, is Clear Align).
 */
const joined = (keys: string[]): string =>
  keys.reduce((out, k, i) => {
    const tail = i === 0 ? k : k.replace(/^V/, '');
    return out !== '' && out.at(-1) === tail[0] ? out + tail.slice(1) : out + tail;
  }, '');

/** A word's or a token's keys: its own and its alternatives. */
const keysOf = (w: SoundWord | SoundToken): string[] => [w.key, ...w.alternatives];

/**
 * The score of a name on a document read by sound against a listed name, in the review band; undefined where it is no
 * match by sound (see the module's comment for the rules).
 */
export function compareBySound(q: SoundQuery, e: SoundName): number | undefined {
  const japanese = q.japaneseLegal;
  if (japanese && ![...e.forms].some((f) => TRANSLATED_FORMS[japanese].has(f))) return undefined;
  const whole = compareWords(q, e.words, e.japanese);
  if (whole !== undefined || !q.legal || q.holding || q.chinese) return whole;
  // Japanese paperwork writes a foreign company by its own words and 社: サロニック社 for Saronic Technologies, Inc.
  // (インガルス・ホールディングス is another company than Ingalls Industries; in Chinese, 埃尔比特公司 is the parent of Elbit
  // Systems of America)
  const own = withoutTrailingCommonWords(e.words);
  const score = own === undefined ? undefined : compareWords(q, own, e.japanese);
  return score === undefined ? undefined : Math.round((score - EDIT_COST) * 100) / 100;
}

/** Consonant classes the content words of a name read by sound must hold, at the least, for the match to be certain. */
const CERTAIN_CLASSES = 7;

/**
 * Whether a katakana name read by sound (`score`: compareBySound's) names the listed one for certain: the whole listed
 * name, every word's key exact, in two words or more of which one is the company's own (not a common word) of three
 * classes or more, seven classes in all ("エルビット・システムズ・オブ・アメリカ社", "エイベックス・エアロスペース・インク"): read so, no other company's name
 * sounds the same, as a romaji reading of eleven letters names its body (party-index.ts). A one-word name (エピラス社), a
 * name written with a Japanese legal form the listed company does not have (サミットテクノロジー株式会社: Japanese
 * companies take such names), a holding company, a name shortened to its own words (サロニック社) or one a sound off
 * stays a possible match; Chinese characters read by sound (han-sound.ts) merge more sounds, and never name a party
 * for certain.
 */
export function soundsCertain(q: SoundQuery, e: SoundName, score: number): boolean {
  // compareBySound scores SOUND_SCORE only the whole name of two words or more, matched with no edit
  if (score !== SOUND_SCORE || !soundsExact(q, e, score)) return false;
  const content = e.words.filter((w) => !w.stop);
  const classes = (w: SoundWord): number => w.key.replace(/^V/, '').length;
  return content.some((w) => !w.common && classes(w) >= 3) && content.reduce((sum, w) => sum + classes(w), 0) >= CERTAIN_CLASSES;
}

/**
 * Whether katakana reads as the whole listed name with no edit (two words or more; or one word, written with a legal form),
 * not as a Japanese company's own name, nor a holding's: not certain alone where soundsCertain says no, but the name
 * written as the party's country's paperwork would write it.
 */
export function soundsExact(q: SoundQuery, e: SoundName, score: number): boolean {
  return (score === SOUND_SCORE || score === ONE_WORD_SCORE) && !q.chinese && !(q.japaneseLegal !== undefined && !e.japanese) && !q.holding;
}

/** The listed words without the common words that end them, where that leaves a word of the name's own. */
function withoutTrailingCommonWords(words: SoundWord[]): SoundWord[] | undefined {
  let end = words.length;
  while (end > 0 && (words[end - 1]!.common || words[end - 1]!.stop)) end--;
  return end === words.length || end === 0 ? undefined : words.slice(0, end);
}

function compareWords(q: SoundQuery, ew: SoundWord[], japaneseName: boolean): number | undefined {
  const qt = q.tokens;
  // a Japanese legal form: most such names are Japanese companies', so every word's key is written exactly
  const strict = q.japaneseLegal !== undefined;
  const content = ew.filter((w) => !w.stop);
  if (content.length === 1) {
    // one word: written alone, as a foreign company, with the same key
    const word = content[0]!;
    // from Chinese, four classes: three make ordinary names (斯柯达, Skoda, is SKD as Skydio is)
    // (a Japanese company written with its own legal form: フォーチュニオ株式会社 for Fortunio Co., Ltd.)
    const formWritten = q.legal || (japaneseName && q.japaneseLegal !== undefined);
    if (!formWritten || word.key.replace(/^V/, '').length < (q.chinese ? 4 : 3)) return undefined;
    // exact: one edit makes other names (Exelis and エクセル, TechInsights and テック・インサイト)
    const written = qt.filter((t) => !t.stop);
    const writtenKeys = written.length === 1 ? keysOf(written[0]!) : [joined(written.map((t) => t.key))];
    return keysOf(word).some((k) => writtenKeys.includes(q.chinese ? chineseKey(k) : k)) ? ONE_WORD_SCORE : undefined;
  }
  const m = qt.length;
  const n = ew.length;
  const INF = 1e9;
  // best[i][j]: fewest edits matching the first i tokens of the document with the first j words of the listed name
  const best: number[][] = Array.from({ length: m + 1 }, () => new Array<number>(n + 1).fill(INF));
  best[0]![0] = 0;
  for (let i = 0; i <= m; i++) {
    for (let j = 0; j <= n; j++) {
      const here = best[i]![j]!;
      if (here >= INF) continue;
      if (i < m && qt[i]!.stop && here < best[i + 1]![j]!) best[i + 1]![j] = here;
      if (j < n && ew[j]!.stop && here < best[i]![j + 1]!) best[i]![j + 1] = here;
      for (let a = 1; a <= 3 && i + a <= m; a++) {
        for (let b = 1; b <= 4 && j + b <= n; b++) {
          if (a > 1 && b > 1) break;
          // other keys count where a word or token is matched alone
          const qks = a === 1 ? keysOf(qt[i]!) : [joined(qt.slice(i, i + a).map((t) => t.key))];
          // with a Japanese legal form, only the listed words' own keys
          const listed = b === 1 && !strict ? keysOf(ew[j]!) : [joined(ew.slice(j, j + b).map((w) => w.key))];
          const eks = q.chinese ? listed.map(chineseKey) : listed;
          const ek = eks[0]!;
          const d = Math.min(...qks.flatMap((qk) => eks.map((k) => editDistance(qk, k, 3))));
          if (d > (strict ? 0 : tolerance(ek, b))) continue;
          if (here + d < best[i + a]![j + b]!) best[i + a]![j + b] = here + d;
        }
      }
    }
  }
  const edits = best[m]![n]!;
  if (edits >= INF || (content.every((w) => w.common) && edits > 0)) return undefined;
  const score = Math.round((SOUND_SCORE - EDIT_COST * edits) * 100) / 100;
  return score >= MIN_SCORE ? score : undefined;
}
