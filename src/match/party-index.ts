/** Listed parties indexed by name features, with a cache per distinct name on documents. */
import { detached } from './detach.js';
import type { Confidence } from '../model/verdict.js';
import { foldCjkVariants } from './cjk-variants.js';
import { foldRegionalPhrases } from './regional-phrases.js';
import { countryCode, isListedCountryName } from './countries.js';
import { foldText } from './fold.js';
import { spelledLetters } from './spelled-letters.js';
import { compareNames, foldName, isLatinLegalForm, nameFeatures, type NameAbbreviations, type NameFeatures, type NameScore } from './party-names.js';
import { hanSoundQuery } from './han-sound.js';
import { compareBySound, hasKatakana, soundName, soundQuery, soundsCertain, soundsExact, type SoundName } from './sound.js';
import { kanaReadingKey, latinReadingKey } from './romaji-names.js';
import type { KeywordAutomaton } from './automaton.js';
import { BoundedMemo } from './bounded-memo.js';

/** What the index needs to know of a listed party; the rest of the entry travels with it untouched. */
export interface IndexedRef {
  party: { id: string; list: string; confidence: Confidence; country?: string };
}

/** How a name of a party is written in its pack. */
export interface NameFlags {
  reviewOnly: boolean;
  confidence: Confidence;
  /** The name as the listing announcement printed it. */
  published: boolean;
  /** An abbreviation: it matches only when written as such. */
  abbreviation: boolean;
  /** A name other countries' bodies bear too: it counts only where the row gives the party's country. */
  generic: boolean;
}

interface IndexedName<R extends IndexedRef> {
  ref: R;
  name: string;
  features: NameFeatures;
  /** Matches on this name only ever raise review. */
  reviewOnly: boolean;
  confidence: Confidence;
  generic: boolean;
}

export interface PartyMatch<R extends IndexedRef = IndexedRef> {
  ref: R;
  /** The listed name that matched. */
  name: string;
  score: number;
  basis: NameScore['basis'] | 'sound' | 'romaji';
  /** True when the score cannot block because the name or entry is LOW or review-only. */
  reviewOnly: boolean;
  /** The name or the entry is a LOW-confidence fact. */
  low: boolean;
  /** The name on the document is, letter for letter, a name the announcement printed (and not a LOW fact). */
  published?: boolean;
  /** The matched name is one other countries' bodies bear too (see NameFlags.generic). */
  generic?: boolean;
  /** Matched by an abbreviation (JSDF, DHA), written alone or leading a unit's name. */
  abbreviation?: boolean;
  /**
   * Katakana read by sound as the whole listed name with no edit, where that alone is too little to be sure (one word,
   * common words only): the party for certain on a row whose own country columns give the party's country.
   */
  soundExact?: true;
}

export interface PartyThresholds {
  block: number;
  review: number;
}

export const DEFAULT_PARTY_THRESHOLDS: PartyThresholds = { block: 0.92, review: 0.8 };

const CACHE_LIMIT = 50_000;
const CJK_PAIR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々]{2}$/u;
/**
 * What may follow a Chinese or Japanese abbreviation of a military user for the name to be one of its
 * units: a number, 第 (陸自第1師団), a space or punctuation, の — not more kanji or kana, which would
 * make another word (海自 in 海自動車).
 */
const UNIT_FOLLOWS = /^(?:$|[\s\p{P}\p{N}第の])/u;
/**
 * A base, camp, range, depot, school, hospital or warship written right after a military user's name, with at most a
 * place's few characters or words between (folded text: 陆自东富士演习场, 陆自化学学校, 海自横须贺基地, 在日米海军横须贺基地, 海自护卫舰, "JGSDF Camp
 * Asaka", "JASDF Misawa Air Base", "JMSDF destroyer"): the name names one of the user's facilities or ships, not another
 * word it runs into (陸自OB会, 海自動車).
 */
export const FACILITY_FOLLOWS =
  /^(?:[\p{Script=Han}\p{Script=Katakana}ー]{0,5}?(?:驻屯地|分屯地|基地|演习场|补给处|司令部|飞行场|训练场|学校|病院|医院|护卫舰|潜水舰|扫海艇|补给舰|输送舰)|(?:\s+[a-z][a-z-]*){0,2}?\s+(?:camp|base|air base|air station|depot|garrison|training area|destroyer|frigate|submarine|minesweeper|escort ship)\b)/u;
const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー々]/u;
const HAN = /\p{Script=Han}/u;
/** アンド between katakana: as a lead only, so it counts only where a listed name writes ＆ there. */
const KATAKANA_AND_INSIDE = /(?<=[\p{Script=Katakana}ー])アンド(?=\p{Script=Katakana})/gu;
/**
 * What may follow such an abbreviation for the text to say the goods are for the military user: a short word of up to
 * three kanji and a purpose or delivery marker that ends the word (陸自演習用, 海自訓練用, 陸自駐屯地納入). Not a longer
 * run (陸自動車整備用: 自動車 is another word), nor a marker that runs on into more text (海自然塩用パッケージ).
 */
export const UNIT_PURPOSE_FOLLOWS = /^\p{Script=Han}{1,3}(?:用|向け|[納纳]入|[納纳]品)(?=$|[\s\p{P}])/u;

/**
 * Whether a Chinese or Japanese abbreviation of a military user at text[start, end) stands as a word of its own, or leads
 * a unit's name: not inside another word (海自 in 北海自動車), which kanji or kana on either side would make it, unless
 * what follows is `alsoFollowedBy` (向け in 海自向け).
 */
export function standsAsUnitAbbreviation(text: string, start: number, end: number, alsoFollowedBy?: RegExp): boolean {
  const rest = text.slice(end);
  return !CJK_CHAR.test(text[start - 1] ?? '') && (leadsUnitOrFacility(rest) || (alsoFollowedBy?.test(rest) ?? false));
}
/**
 * An aircraft's, ship's or vehicle's type designation right after the abbreviation, in folded text (陸自UH-2ヘリコプター,
 * 海自P-1哨戒機, 空自F-35A): the user's equipment. Letters and a number; letters alone (陸自OB会) are another word.
 */
const EQUIPMENT_FOLLOWS = /^[a-z]{1,4}-?\d{1,3}[a-z]{0,2}(?![a-z0-9])/;
/** Whether what follows an abbreviation makes it lead one of the user's units, facilities or equipment (陸自第1師団, 陸自演習場, 陸自UH-2). */
const leadsUnitOrFacility = (rest: string): boolean => UNIT_FOLLOWS.test(rest) || FACILITY_FOLLOWS.test(rest) || EQUIPMENT_FOLLOWS.test(rest);
/** Whether a Chinese or Japanese name at text[start] begins a word: no kanji or kana right before it (海自 in 北海自動車 does not). */
export function startsCjkWord(text: string, start: number): boolean {
  return !CJK_CHAR.test(text[start - 1] ?? '');
}
/** Score of a unit named by an abbreviation of a military user ("JGSDF 1st Airborne Brigade", "陸自第1師団"). */
const ABBREVIATED_UNIT = 0.95;
/**
 * Score of a name led by a listed company's abbreviation ("GDLS Sterling Heights", "HII Newport News Shipbuilding"):
 * a possible match, never a certain one, since a business of that name need not be the listed one.
 */
const ABBREVIATION_LEADS = 0.85;
/**
 * The lists whose Latin names are matched by sound against katakana (sound.ts): foreign entities that Japanese paperwork
 * writes in katakana. Not Japanese parties (their katakana is their own name, not a rendering), except on the UEL.
 */
const SOUND_LISTS = new Set(['control', 'unreliable', 'watch']);
/** The lists whose abbreviations are looked for leading a longer name (a watch-list one, such as OTC, is a common word too). */
const LEAD_LISTS = new Set(['control', 'unreliable']);

/**
 * A site, works, office, centre, campus, depot, warehouse, receiving dock, secretariat or department written after a
 * listed name, numbered or not: "… Komaki Works", "GDIT IT depot", "… Dock 4", "… 第266号收货口", "… 3号仓库", "… 荷受場",
 * "…株式会社 小牧工場", "JAXA 相模原キャンパス", "… 事務局", "… 電子工学部", "… 收货部", "… 採購處", "… 調達課", "… 收货组",
 * "… 調達グループ", "… 資材係",
 * "… 采购经理", a contact after a colon ("… 联系人：John", "… 担当：山田"), "… Tsukuba Space Center",
 * "日本宇宙航空研究开发机构 筑波宇宙中心", a building ("… 赤外センサ評価棟", "… 3号館"), an address of prefecture or province and town ("… 兵庫県相生市", "… 陕西省西安市"), and a
 * state as Chinese paperwork writes it after a US company, with its town or not ("美国安杜里尔公司 加州", "… 亚利桑那州", "… 弗吉尼亚州雷斯顿").
 */
const CJK_SITE = String.raw`[^\s]*(?:工場|製作所|事業所|支店|支社|営業所|本社|本店|センター|駐屯地|分屯地|基地|工厂|廠|厂|分公司|研究所|中心|キャンパス|校区|院区|院區|棟|号館|事務局|事務所|造船所|办事处|辦事處|代表处|代表處|部門|部门|部|处|處|課|课|科|组|組|采购|採購|調達|資材|资材|総務|总务|庶務|收货|收貨|收货口|收貨口|卸货口|卸貨口|仓库|倉庫|库房|庫房|荷受場|搬入口|码头|碼頭|门|門|受領|係|グループ|チーム|室|班|经理|經理|ジギョウショ|ジギョウジョ|コウジョウ|セイサクショ|エイギョウショ|ケンキュウショ|シテン|シシャ|ホンシャ|ソウコ|号口|號口|番口|窓口|본사|지사|지점|공장|사업장|사업소|연구소|조선소|센터|사무소|창고|영업소|수령|구매팀|구매부|자재팀|자재부|州[^\s]{0,6}|[都道府県省][^\s]*[市区區町村县縣郡])\d{0,4}`;
const LATIN_SITE = String.raw`(?:[\p{L}\p{N}-]+\s)?(?:(?:space|research|test|flight)\s(?:center|centre)|works|plant|factory|office|branch|campus|center|centre|depot|warehouse|receiving|dock|door|gate|bay|hangar|headquarters|head office|hq)(?:\s(?:no\.?\s?|#)?\d{1,4}[a-z]?)?`;
const CONTACT = String.raw`(?:联系人|聯絡人|联络人|收货人|收件人|电话|電話|担当者?|ご担当者?様?)[:：].*`;
/** A site after a name, after a space or, in Chinese or Japanese, straight after a name in Latin letters ("JAXAバンコク駐在員事務所"). */
const SITE_TAIL = new RegExp(String.raw`(?:\s(?:${CJK_SITE}|${LATIN_SITE}|${CONTACT})|(?<=[A-Za-z])(?=[^\x00-\x7f])${CJK_SITE})$`, 'iu');
/**
 * A US town and state as ledgers write them after a name without a comma before the town ("GA-ASI Poway CA", "… Tucson,
 * AZ 85756"): one capitalised word and the state's postal code in capitals. Not CO or IN, which close company names ("… Trading CO").
 */
const US_TOWN_TAIL =
  /\s[A-Z][A-Za-z.'-]+,?\s(?:AL|AK|AZ|AR|CA|CT|DC|DE|FL|GA|HI|IA|ID|IL|KS|KY|LA|MA|MD|ME|MI|MN|MO|MS|MT|NC|ND|NE|NH|NJ|NM|NV|NY|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VA|VT|WA|WI|WV|WY)(?:\s\d{5}(?:-\d{4})?)?$/u;

/** Letters of a folded romaji reading (romaji-names.ts) from which it names one body for certain. */
const CERTAIN_READING = 11;

/** A town written between a name and a site in Latin letters ("JAXA Chofu Aerospace Center"): tried as another reading. */
const TOWN_THEN_SITE = new RegExp(String.raw`\s[\p{L}\p{N}-]+\s${LATIN_SITE}$`, 'iu');
/** The name without the sites written after it: "ジャパン マリンユナイテッド 横浜事業所 磯子工場" → "ジャパン マリンユナイテッド". */
function withoutSites(name: string): string {
  const strip = (n: string): string => n.replace(SITE_TAIL, '').replace(US_TOWN_TAIL, '');
  for (let shorter = strip(name); shorter !== name; shorter = strip(name)) name = shorter;
  return name;
}

/**
 * The country a name writes in brackets ("(China)", "（中国）", "(Japan)"), if one; not a town and its state or country
 * ("(Tucson, AZ)", "(Bethesda, MD)": a site, whose two letters are no country of the company's).
 */
function countryInBrackets(name: string): string | undefined {
  for (const [, inside] of name.matchAll(/[(（]\s*([^()（）,，、]{2,40}?)\s*[)）]/gu)) {
    const code = countryCode(inside!);
    if (code !== undefined) return code;
  }
  return undefined;
}

/** Where one cell names two parties: a dash between spaces or a care-of marker. */
const PARTY_SEPARATOR = /\s+[-–—]\s+|\|/u;

/**
 * The country in brackets of the part of a cell that holds a listed name, where the cell names two parties: a forwarder's
 * country is not the listed company's ("Yusen Logistics (Singapore) Pte. Ltd. – Mitsubishi Electric Engineering Co., Ltd.").
 */
function countryInBracketsBeside(name: string, listed: string): string | undefined {
  const parts = markCareOf(name).split(PARTY_SEPARATOR);
  if (parts.length === 1) return countryInBrackets(name);
  const first = foldText(listed).split(/[\s,.·・]+/u)[0] ?? '';
  const head = /^[a-z0-9]+/.exec(first)?.[0] ?? first.slice(0, 2);
  const holding = parts.find((part) => foldText(part).includes(head));
  return countryInBrackets(holding ?? name);
}

/**
 * A Chinese name without the foreign country written before it, as Chinese paperwork does (美国安杜里尔工业公司,
 * 比利时赫斯塔尔公司, 美國L3哈里斯, Taiwan's 美商 and 德商). Not 日本 or 中国, which begin many names themselves (日本電気,
 * 日本ロッキードマーティン, the unlisted Japanese subsidiary), and only before Chinese characters or Latin letters.
 */
function withoutLeadingCountry(name: string): string | undefined {
  const trimmed = name.trim();
  // 米軍/美军 ("the US forces") before a base's name, as Japanese and Chinese paperwork write it (米軍嘉手納基地, 美军普天间基地)
  const forces = /^(?:米軍|美军|美軍)(?=[\p{Script=Han}\p{Script=Katakana}])/u.exec(trimmed);
  if (forces) return trimmed.slice(forces[0].length);
  // Taiwan's "US firm", "German firm" before a foreign company's name (美商通用動力公司, 德商亨索爾特公司)
  const firm = /^[美德英法日韓韩義义荷比瑞加澳捷波]商(?=[\p{Script=Han}A-Za-z])/u.exec(trimmed);
  if (firm) return trimmed.slice(firm[0].length);
  if (!/^\p{Script=Han}/u.test(trimmed) || /^(?:日本|中国|中國)/u.test(trimmed)) return undefined;
  for (let n = 2; n <= 4 && n + 2 <= trimmed.length; n++) {
    if (!isListedCountryName(trimmed.slice(0, n))) continue;
    // the country may stand apart from the name ("台湾・漢翔航空工業", "美国 安杜里尔工业公司") or before Latin letters (美國L3哈里斯)
    const rest = trimmed.slice(n).replace(/^[・·\s]+/u, '');
    return /^[\p{Script=Han}A-Za-z0-9]/u.test(rest) ? rest : undefined;
  }
  return undefined;
}

/** A care-of or account marker before the party meant ("Nippon Express c/o JGSDF Camp Asaka", "A/C IHI Aerospace"): the name starts after it. */
const CARE_OF = /(?:^|\s)(?:c\/o|a\/c|o\/b\/o|attn\.?|attention|(?:in )?care of|on behalf of|for (?:the )?account of)[\s:]+/giu;
/**
 * The same in Chinese and Japanese: 代 or 转交 standing after a bracket or a space ("嘉里物流（香港）代 IHI宇航"; inside a
 * run of characters 代 is part of a name, 现代), and 気付, the Japanese care-of ("日本通運株式会社気付 防衛装備庁").
 */
const CJK_CARE_OF = /(?<=[)）\s])(?:代|代理|代收|转交|轉交)(?=[\s:：])|気付け?/gu;

function markCareOf(name: string): string {
  return name.replace(CARE_OF, '|').replace(CJK_CARE_OF, '|');
}

/** What separates the parts of a name: a comma, bracket, bar or slash, or a dash between spaces. */
const PART_MARK = /\s*[,，、(（)）[\]|/]\s*|\s+[-–—]\s+/;
const PART_MARKS = new RegExp(PART_MARK.source, 'g');
/** A space between Latin letters and Chinese or Japanese, either way round: where a name written in both scripts turns; or between Chinese or Japanese and a number that starts an address ("安杜里尔公司 1400 Anduril"). */
const SCRIPT_CHANGE = /(?<=[\p{Script=Han}\p{Script=Katakana}ー])\s+(?=[A-Za-z0-9])|(?<=[A-Za-z.])\s+(?=[\p{Script=Han}\p{Script=Katakana}])/u;
/** A street address after a name, from its house number on ("Lockheed Martin Corporation 6801 Rockledge Drive", "… 1400 Anduril"). */
const STREET_NUMBER_TAIL = /\s+\d{1,6}[A-Za-z]?\s+\p{L}.*$/u;
/** A name of more parts than this is an address or a sentence: its runs of parts are not tried. */
const MAX_PARTS_FOR_RUNS = 6;

/** The runs of two or more consecutive parts that are not the whole name, as written: "A, B, C" → "A, B", "B, C". */
function runsOfParts(name: string): string[] {
  const parts: { start: number; end: number }[] = [];
  let at = 0;
  for (const mark of name.matchAll(PART_MARKS)) {
    if (mark.index > at) parts.push({ start: at, end: mark.index });
    at = mark.index + mark[0].length;
  }
  if (at < name.length) parts.push({ start: at, end: name.length });
  if (parts.length < 3 || parts.length > MAX_PARTS_FOR_RUNS) return [];
  const runs: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    for (let j = i + 1; j < parts.length; j++) if (i > 0 || j < parts.length - 1) runs.push(name.slice(parts[i]!.start, parts[j]!.end));
  }
  return runs;
}

/** A Japanese or Chinese legal form with more written after it: the name ends at the legal form. */
const LEGAL_THEN_MORE = /^(.*?(?:株式会社|有限会社|合同会社|\(株\)|\(有\)|有限公司|股份有限公司))\s*\S.*$/u;
/** A foreign company's name in katakana, marked 社, then a space and more (a town: "レイセオン ミサイルシステムズ社 ツーソン"): the name ends at 社. */
const KATAKANA_COMPANY_THEN_MORE = /^(.*[\p{Script=Katakana}ー]社)\s+\S.*$/u;
/**
 * A name in Japanese, Chinese or Korean, then a space and one to six kanji or Hangul syllables (a town or a site:
 * "三菱重工マリンマシナリ 長崎", "NEC航空宇宙システム 府中", "立方全球防务公司 圣迭戈", "美国通用动力陆地系统公司 斯特灵高地",
 * "오셔니어링인터내셔널 휴스턴"): the name ends at the space.
 */
const CJK_NAME_THEN_PLACE = /^(.*[\p{Script=Han}\p{Script=Katakana}\p{Script=Hangul}ー].*\S)\s+[\p{Script=Han}\p{Script=Hangul}]{1,6}$/u;
/**
 * A Japanese or Chinese address written before the name, as Japanese import declarations and Chinese waybills do: a postcode
 * or not, a prefecture, metropolis or province and its town or ward, up to a space ("愛知県小牧市 三菱重工航空エンジン株式会社",
 * "〒504-8710 岐阜県各務原市川崎町1番地 川崎重工業㈱", "陕西省西安市 …"). The name starts after the space.
 */
const LEADING_ADDRESS = /^(?:〒?\s*\d{3}-?\d{4}\s*)?(?:東京都|北海道|京都府|大阪府|\p{Script=Han}{2,3}[県县省])\S*?[市区區町村郡县縣]\S*\s+(?=\S)/u;
/** A Japanese legal form written first, then the name, then a space and more (a site, a town): the name ends at the space. */
const LEGAL_FIRST_THEN_MORE = /^((?:株式会社|有限会社|合同会社|\(株\)|\(有\))\S+)\s+\S.*$/u;

/**
 * A name ending in a Latin legal form, then more words without a comma (a town, a state, a street): "HENSOLDT AG
 * Taufkirchen", "Lockheed Martin Corporation Bethesda MD", "OMNIPOL a.s. Praha". The name ends after the legal form.
 */
function latinLegalThenMore(name: string): string | undefined {
  const words = name.normalize('NFKC').trim().split(/\s+/);
  // "akciová společnost", "Spółka Akcyjna", "АД": the letters of a legal form, without their marks
  const isLegal = (word: string): boolean =>
    isLatinLegalForm(word.normalize('NFD').toLowerCase().replace(/ł/g, 'l').replace(/[^a-z\p{Script=Cyrillic}]/gu, '')) !== undefined;
  for (let i = 1; i < words.length - 1; i++) {
    if (isLegal(words[i]!) && !isLegal(words[i + 1]!) && !isLegal(words[0]!)) return words.slice(0, i + 1).join(' ').replace(/,$/, '');
  }
  return undefined;
}

/** A folded name as published, but for the commas and full stops around its legal form ("BAE Systems Inc." is "BAE Systems, Inc."). */
const publishedKey = (folded: string): string => folded.replace(/[.,]/g, ' ').replace(/\s+/g, ' ').trim();

export class PartyIndex<R extends IndexedRef = IndexedRef> {
  private readonly names: IndexedName<R>[] = [];
  private readonly byFeature = new Map<string, number[]>();
  /** Published names by their folded text: a document that writes one exactly names the party. */
  private readonly published = new Map<string, number[]>();
  /** Abbreviations by their compact key: never compared fuzzily. */
  private readonly abbreviations = new Map<string, number[]>();
  /** Chinese and Japanese abbreviations of military users by their folded text, to find them leading a unit's name. */
  private readonly unitPrefixes = new Map<string, number[]>();
  /** Latin abbreviations of control-list and UEL companies, to find them leading a longer name. */
  private readonly leadingAbbreviations = new Map<string, number[]>();
  private readonly cache = new BoundedMemo<PartyMatch<R>[]>(CACHE_LIMIT);
  /** Matches without the misspelling fallback (prose), by name. */
  private readonly exactCache = new BoundedMemo<PartyMatch<R>[]>(CACHE_LIMIT);
  /** Words by whether a listed name may start with them. */
  private readonly startWords = new BoundedMemo<boolean>(CACHE_LIMIT);
  /** The first two characters of every Chinese or Japanese name, folded: where such a name may start in prose. */
  private readonly cjkFirstPairs = new Set<string>();
  /** Latin names of foreign listed entities, to be matched by sound against katakana. */
  private readonly soundNames: { id: number; name: string }[] = [];
  /** Their keys of sound, computed when the first katakana name is read (most runs read none). */
  private sounds: { id: number; sound: SoundName }[] | undefined;
  /** Listed Japanese names written in kana (readings: ミツビシゾウセン), by the key of their romaji (romaji-names.ts). */
  private readonly readingKeys = new Map<string, number[]>();

  constructor(
    readonly thresholds: PartyThresholds = DEFAULT_PARTY_THRESHOLDS,
    private readonly expansions: NameAbbreviations = new Map(),
    /** Words of a civil body of another kind (Terms.civilBodies): beside a listed name held in a longer one, a namesake. */
    private readonly civilBodies?: KeywordAutomaton<string>,
  ) {}

  get size(): number {
    return this.names.length;
  }

  add(ref: R, name: string, flags: NameFlags): void {
    // "CSBC Corporation,Taiwan": documents write the name without the country the listing appended
    // (the packs write countries as countries.json spells them)
    const tail = /^(.+?),\s*([^,]+)$/.exec(name);
    if (tail && isListedCountryName(tail[2]!) && this.features(tail[1]!).key !== '') this.add(ref, tail[1]!, { ...flags, published: false });
    const features = this.features(name);
    const id = this.names.length;
    const folded = foldName(name);
    if (CJK_PAIR.test(folded.slice(0, 2))) this.cjkFirstPairs.add(folded.slice(0, 2));
    this.names.push({ ref, name, features, reviewOnly: flags.reviewOnly || flags.confidence === 'LOW', confidence: flags.confidence, generic: flags.generic });
    if (flags.published) push(this.published, publishedKey(folded), id);
    if (flags.abbreviation) {
      // a published abbreviation (KGM株式会社) counts only written exactly so, legal form and all
      if (flags.published) return;
      push(this.abbreviations, features.compact, id);
      if (ref.party.list === 'military-user') push(this.unitPrefixes, /^[a-z0-9]+$/.test(features.compact) ? features.compact : foldName(name), id);
      else if (LEAD_LISTS.has(ref.party.list) && /^[a-z0-9]+$/.test(features.compact)) push(this.leadingAbbreviations, features.compact, id);
      return;
    }
    for (const f of features.weights.keys()) if (!f.startsWith('§')) push(this.byFeature, f, id);
    if (SOUND_LISTS.has(ref.party.list)) this.soundNames.push({ id, name });
    const reading = ref.party.country === 'JP' ? kanaReadingKey(name) : undefined;
    if (reading !== undefined) push(this.readingKeys, reading, id);
  }

  /**
   * Where a Chinese or Japanese listed name may start in prose, which runs on without spaces
   * ("用于三菱重工航空发动机株式会社F-2维修", "最終納入先株式会社IHIエアロスペース").
   */
  cjkNameStarts(text: string): number[] {
    const starts: number[] = [];
    for (let i = 0; i + 1 < text.length; i++) if (this.cjkFirstPairs.has(foldName(text.slice(i, i + 2)))) starts.push(i);
    return starts;
  }

  /**
   * The best match per party at or above the review threshold, strongest first. `misspelt`: a name that shares no
   * word with any listed name is also compared with every one of them (a party cell); not in prose, where most
   * stretches of text are no name and the comparison with every name costs milliseconds.
   */
  match(raw: string, misspelt = true): PartyMatch<R>[] {
    const name = raw.trim();
    if (name === '') return [];
    // computed on a copy: the matches quote the name, which must not keep the manifest's block alive
    return (misspelt ? this.cache : this.exactCache).get(name, () => this.compute(detached(name), misspelt));
  }

  /** Whether a listed name may start with this word: one of the names' words, or an abbreviation of one. */
  mayStartWith(word: string): boolean {
    return this.startWords.get(word, () => {
      const features = this.features(word);
      return [...features.weights.keys()].some((f) => this.byFeature.has(f)) || this.abbreviations.has(features.compact) || this.unitPrefixes.has(features.compact);
    });
  }

  /**
   * "JAXA, Tsukuba Space Center", "KHI Aerospace Systems Company (Gifu Works)", "…株式会社 小牧工場",
   * "株式会社トーキン 白石": each part between commas, brackets or dashes, the name before a site written
   * last, the name up to a Japanese or Chinese legal form, and one after a legal form up to a space are
   * scored too, so a site or department after a listed name, or
   * a forwarder or unit before it, does not hide it.
   */
  private compute(name: string, misspelt: boolean): PartyMatch<R>[] {
    const best = new Map<string, PartyMatch<R>>();
    // per party a match that may block, else the strongest, where one not review-only, or a review-only name written
    // exactly (座間キャンプ), counts a quarter more than a review-only name's weaker match; a name written in several scripts
    // folds to one. A name held inside a longer one (not an abbreviation leading it) counts by its score alone: a reading of
    // the whole name (比利时FN赫斯塔尔公司 read by sound as FN Herstal) tells more than a part of it.
    const held = (m: PartyMatch<R>): boolean => m.basis === 'contains' && m.abbreviation !== true;
    const rank = (m: PartyMatch<R>): number =>
      (this.isBlocking(m) ? 8 : 0) + m.score * 4 + (held(m) ? 0 : (m.published ? 2 : 0) + (!m.reviewOnly || m.score >= 1 ? 1 : 0));
    // and, at equal rank, the listed name as the document writes it (防衛装備庁 in Japanese, not its simplified form)
    const written = name.normalize('NFKC').toLowerCase();
    const asWritten = (m: PartyMatch<R>): boolean => m.name.normalize('NFKC').toLowerCase() === written;
    const keep = (m: PartyMatch<R>): void => {
      // a part held inside a longer name whose other words make it another body, though the part read alone does not
      // ("민간자위대 협회" read without its last word, as a place)
      if (held(m) && this.namesAnotherBody(name, m.name)) return;
      const prev = best.get(m.ref.party.id);
      if (!prev || rank(m) > rank(prev) || (rank(m) === rank(prev) && asWritten(m) && !asWritten(prev))) best.set(m.ref.party.id, m);
    };
    const leads = this.leads(name);
    const matchesOf = (candidate: string): PartyMatch<R>[] => [
      // a published name written whole before a site or a remark ("BAE Systems, Inc., Falls Church VA") names the party
      ...this.publishedMatches(candidate),
      ...this.abbreviationMatches(candidate),
      ...this.score(candidate, misspelt),
    ];
    for (const candidate of leads) matchesOf(candidate).forEach(keep);
    // Japan written before a Japanese body in Chinese text (日本陆自第1空降团, 日本海自, 日本IHI原动机株式会社): only a Japanese
    // party counts after it, since 日本洛克希德马丁公司 and 日本ロッキードマーティン株式会社 are the unlisted Japanese subsidiaries
    const afterJapan = /^\s*日本[・·\s]*(\S.*)$/u.exec(name)?.[1];
    if (afterJapan !== undefined) for (const m of matchesOf(afterJapan)) if (m.ref.party.country === 'JP') keep(m);
    // a party cell that names no one for certain is also read by sound or as romaji, which never block
    const unnamed = misspelt && ![...best.values()].some((m) => this.isBlocking(m));
    // katakana, or Chinese characters of transliteration, by sound against the listed Latin names
    if (unnamed && this.soundNames.length > 0 && (hasKatakana(name) || HAN.test(name))) {
      // a form a pack gives as LOW (IHIマスターメタル) stays a possible match, though it reads as the listed Latin name
      const lowForms = new Set([...best.values()].filter((m) => m.low).map((m) => m.ref.party.id));
      for (const candidate of leads) this.soundMatches(candidate, lowForms).forEach(keep);
    }
    // romaji against the listed Japanese names' kana
    if (unnamed && this.readingKeys.size > 0) {
      for (const candidate of leads) this.romajiMatches(candidate).forEach(keep);
    }
    // "Lockheed Martin (China) Co., Ltd.", "洛克希德·马丁（中国）有限公司": a listed name with another country in brackets is
    // that country's company, which the listing does not name: a possible match, never a certain one. Not a military user
    // by a name of its own: "陸上自衛隊（南スーダン）" is the JGSDF deployed there (policy: military users carry their country)
    if (countryInBrackets(name) !== undefined) {
      for (const [id, m] of best) {
        const bracketed = countryInBracketsBeside(name, m.name);
        const country = m.ref.party.country;
        const carriesItsCountry = m.ref.party.list === 'military-user' && m.generic !== true;
        if (bracketed !== undefined && country !== undefined && country !== bracketed && !carriesItsCountry && this.isBlocking(m)) best.set(id, { ...m, score: Math.min(m.score, this.thresholds.block - 0.01), published: false });
      }
    }
    return [...best.values()].sort((a, b) => b.score - a.score);
  }

  private leads(name: string): string[] {
    const out = [name];
    const whole = this.features(name).compact;
    const add = (lead: string | undefined): void => {
      const t = lead?.trim();
      if (!t || out.includes(t)) return;
      const features = this.features(t);
      // "Nippi, Inc.": what follows is only a legal form, which the whole name already weighs
      if (features.key !== '' && features.compact !== whole) out.push(t);
    };
    // each part between commas, brackets or dashes: "JS Izumo (DDH-183), JMSDF Escort Flotilla 1", "JMU - Japan Marine United Corp.";
    // and each run of parts, for a listed name that holds such a mark itself, written before a town or after a forwarder
    // ("Boeing Defense, Space & Security, Arlington VA", "Raytheon/Lockheed Martin Javelin Joint Venture, Tucson AZ")
    const marked = markCareOf(name);
    // and each script of a name written twice, in Latin letters and in Chinese or Japanese ("Dedrone by Axon 反无人机技术公司")
    const widthFoldedName = name.normalize('NFKC');
    const addressed = LEADING_ADDRESS.exec(widthFoldedName);
    const afterAddress = addressed ? [widthFoldedName.slice(addressed[0].length)] : [];
    for (const part of [name, ...marked.split(PART_MARK), ...runsOfParts(marked), ...marked.split(SCRIPT_CHANGE), ...afterAddress]) {
      add(part);
      const siteless = withoutSites(part);
      add(siteless);
      add(part.replace(TOWN_THEN_SITE, ''));
      add(part.replace(STREET_NUMBER_TAIL, ''));
      add(withoutLeadingCountry(siteless));
      // an acronym spelt out in katakana (ブイエスイー・コーポレーション): its letters
      add(spelledLetters(siteless));
      // ＆ read out inside a katakana name (富士通ディフェンスアンドナショナルセキュリティ), as party-names folds ・アンド・
      add(siteless.replace(KATAKANA_AND_INSIDE, '&'));
      const widthFolded = part.normalize('NFKC');
      // a site in half-width kana, as bank and ERP systems print it ("ｶ)IHIｴｱﾛｽﾍﾟｰｽ ﾄﾐｵｶｼﾞｷﾞｮｳｼｮ")
      add(withoutSites(widthFolded));
      add(LEGAL_THEN_MORE.exec(widthFolded)?.[1]);
      add(LEGAL_FIRST_THEN_MORE.exec(widthFolded)?.[1]);
      add(KATAKANA_COMPANY_THEN_MORE.exec(widthFolded)?.[1]);
      const placeless = CJK_NAME_THEN_PLACE.exec(widthFolded)?.[1];
      add(placeless);
      // a site or desk before a town ("… 調達部 筑波"), a town before a site or desk ("BRINC无人机公司 西雅图 收货")
      if (placeless !== undefined) add(withoutSites(placeless));
      add(CJK_NAME_THEN_PLACE.exec(siteless.normalize('NFKC'))?.[1]);
      // not where the words after it make it another body ("Lockheed Martin Corporation Employees Credit Union")
      const latin = latinLegalThenMore(part);
      if (latin !== undefined && !this.namesAnotherBody(part, latin)) add(latin);
    }
    return out;
  }

  private publishedMatches(name: string): PartyMatch<R>[] {
    return (this.published.get(publishedKey(foldName(name))) ?? []).map((id) => this.matchOf(id, 1, 'exact', true));
  }

  /**
   * An abbreviation written as the whole name; for a military user, leading the name of one of its units; for a
   * listed company, leading a longer name (a possible match).
   */
  private abbreviationMatches(name: string): PartyMatch<R>[] {
    if (this.abbreviations.size === 0) return [];
    const query = this.features(name);
    const out = (this.abbreviations.get(query.compact) ?? []).map((id) => ({ ...this.matchOf(id, 1, 'exact'), abbreviation: true }));
    const firstWord = /^[a-z0-9]+/.exec(query.key)?.[0];
    // the abbreviation as a word of its own, then a space: "GDLS-C" (another company) is one word
    const leading = /^(\S+)\s+\S/u.exec(name.normalize('NFKC').trim())?.[1];
    // a hyphenated abbreviation leads a unit's name as one word: "CJTF-HOA J4", "USAREUR-AF G-4"
    const leadingWord = leading === undefined ? undefined : this.features(leading).compact;
    // spaces kept: "海自 横須賀地方総監部" is a unit, "海自動車" another word
    const folded = foldRegionalPhrases(foldCjkVariants(name.normalize('NFKC').toLowerCase())).trim();
    // a place written before a Latin abbreviation ("Kure JMSDF", "Yokosuka JMSDF Base", "Misawa JASDF"); a Chinese or
    // Japanese one keeps to UNIT_FOLLOWS (陸自OB会 is no unit)
    const laterWords = new Set(query.key.split(' ').slice(1).filter((w) => /^[a-z0-9]+$/.test(w)));
    for (const [prefix, ids] of this.unitPrefixes) {
      if (prefix === query.compact) continue;
      const rest = folded.slice(prefix.length);
      if (prefix === firstWord || prefix === leadingWord || (!/^[a-z0-9]+$/.test(prefix) && folded.startsWith(prefix) && (leadsUnitOrFacility(rest) || UNIT_PURPOSE_FOLLOWS.test(rest)))) {
        // an abbreviation the pack calls review-only names others too (DLA Piper): a name it leads is only possibly a unit
        for (const id of ids) out.push({ ...this.matchOf(id, this.names[id]!.reviewOnly ? ABBREVIATION_LEADS : ABBREVIATED_UNIT, 'contains'), abbreviation: true });
      } else if (laterWords.has(prefix)) {
        // later in the name, only an abbreviation that names no one else
        for (const id of ids) if (!this.names[id]!.reviewOnly) out.push({ ...this.matchOf(id, ABBREVIATED_UNIT, 'contains'), abbreviation: true });
      }
    }
    if (leadingWord !== undefined) {
      for (const id of this.leadingAbbreviations.get(leadingWord) ?? []) out.push({ ...this.matchOf(id, ABBREVIATION_LEADS, 'contains'), abbreviation: true });
    }
    return out;
  }

  private score(name: string, misspelt: boolean): PartyMatch<R>[] {
    const query = this.features(name);
    const candidates = new Set<number>();
    for (const f of query.weights.keys()) for (const id of this.byFeature.get(f) ?? []) candidates.add(id);
    if (candidates.size === 0 && misspelt) this.addFuzzyCandidates(query, candidates);
    const out: PartyMatch<R>[] = [];
    for (const id of candidates) {
      const n = this.names[id]!;
      // units of a military user count as it, but not a longer name holding a review-only one ("Pentagon Federal Credit Union")
      const { score, basis } = compareNames(query, n.features, n.ref.party.list === 'military-user' && !n.reviewOnly);
      if (score < this.thresholds.review || (basis === 'contains' && this.namesAnotherBody(name, n.name))) continue;
      out.push(this.matchOf(id, score, basis));
    }
    return out;
  }

  /**
   * Whether a name that holds a listed one says it is a civil body of another kind, by a word the listed name does not
   * have: "Epirus Olive Oil Cooperative" is not Epirus, Inc., "自衛隊家族会" (the families' association) not the
   * Self-Defense Forces, "Navy Memorial Foundation" not the Navy.
   */
  private namesAnotherBody(written: string, listed: string): boolean {
    if (this.civilBodies === undefined || this.civilBodies.size === 0) return false;
    const own = new Set(this.civilBodies.search(foldText(listed)).map((hit) => hit.value));
    return this.civilBodies.search(foldText(written)).some((hit) => !own.has(hit.value));
  }

  /**
   * Listed Latin names the katakana name, or the Chinese transliteration (han-sound.ts), sounds like (sound.ts): possible
   * matches, review-only, named so that the finding says the name was read by sound; a whole katakana name that reads
   * as the listed one word for word (soundsCertain) names it.
   */
  private soundMatches(name: string, lowForms: ReadonlySet<string>): PartyMatch<R>[] {
    const query = soundQuery(name) ?? hanSoundQuery(name);
    if (!query) return [];
    const script = query.chinese ? 'Chinese characters, in pinyin' : 'katakana';
    const out: PartyMatch<R>[] = [];
    this.sounds ??= this.soundNames.flatMap(({ id, name: listed }) => {
      const sound = soundName(listed, this.names[id]!.ref.party.country === 'JP');
      return sound ? [{ id, sound }] : [];
    });
    for (const { id, sound } of this.sounds) {
      const score = compareBySound(query, sound);
      if (score === undefined || score < this.thresholds.review) continue;
      if (!lowForms.has(this.names[id]!.ref.party.id) && soundsCertain(query, sound, score)) {
        const m = this.matchOf(id, 1, 'sound');
        out.push({ ...m, name: `${m.name} (read by sound from ${script} "${query.reading}", word for word)` });
        continue;
      }
      const m = this.matchOf(id, Math.min(score, this.thresholds.block - 0.01), 'sound');
      const exact = !lowForms.has(this.names[id]!.ref.party.id) && soundsExact(query, sound, score);
      out.push({ ...m, name: `${m.name} (read by sound from ${script} "${query.reading}")`, reviewOnly: true, ...(exact ? { soundExact: true as const } : {}) });
    }
    return out;
  }

  /**
   * Listed Japanese names whose kana the romaji name writes (romaji-names.ts): a whole name of CERTAIN_READING letters or
   * more (Uchu Koku Kenkyu Kaihatsu Kiko, Kaijo Jieitai) names its body, as no other body's name reads the same after the
   * spellings are folded; a shorter one (Boeisho) is a possible match, review-only.
   */
  private romajiMatches(name: string): PartyMatch<R>[] {
    const key = latinReadingKey(name);
    return (key === undefined ? [] : (this.readingKeys.get(key) ?? [])).map((id) => {
      const whole = key!.length >= CERTAIN_READING;
      const m = this.matchOf(id, whole ? 1 : this.thresholds.block - 0.01, 'romaji');
      return { ...m, name: `${m.name} (its reading, in romaji)`, reviewOnly: m.reviewOnly || !whole };
    });
  }

  private matchOf(id: number, score: number, basis: PartyMatch['basis'], published = false): PartyMatch<R> {
    const n = this.names[id]!;
    const low = n.confidence === 'LOW' || n.ref.party.confidence === 'LOW';
    const reviewOnly = n.reviewOnly || low;
    return { ref: n.ref, name: n.name, score: round(score), basis, reviewOnly, low, ...(published && !low ? { published } : {}), ...(n.generic ? { generic: true } : {}) };
  }

  /** A misspelt name may share no exact feature: fall back to comparing it with every name. */
  private addFuzzyCandidates(query: NameFeatures, candidates: Set<number>): void {
    if (!/[a-z]{5}/.test(query.key)) return;
    this.names.forEach((n, id) => {
      if (!this.isAbbreviation(id)) candidates.add(id);
    });
  }

  private isAbbreviation(id: number): boolean {
    return this.abbreviations.get(this.names[id]!.features.compact)?.includes(id) ?? false;
  }

  private features(name: string): NameFeatures {
    return nameFeatures(name, this.expansions);
  }

  /** Parties one of whose names contains the text, case- and width-folded: look-ups by part of a name ("Mitsubishi"). */
  containing(text: string): { ref: R; name: string }[] {
    const needle = foldText(text).trim();
    const found = new Map<string, { ref: R; name: string }>();
    if (needle === '') return [];
    for (const n of this.names) {
      if (!found.has(n.ref.party.id) && foldText(n.name).includes(needle)) found.set(n.ref.party.id, { ref: n.ref, name: n.name });
    }
    return [...found.values()];
  }

  /**
   * A match that names the party: the published name written exactly (unless the fact is LOW), or
   * a score at the blocking threshold on a name that may block.
   */
  isBlocking(m: PartyMatch<R>): boolean {
    return m.published === true || (!m.reviewOnly && m.score >= this.thresholds.block);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const round = (x: number): number => Math.round(x * 100) / 100;
