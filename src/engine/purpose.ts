/**
 * Whether a phrase of folded text stands as what the goods are for rather than what they are: "live culture, for test kit
 * production", "用于试剂盒生产", "キット製造用". An item's `excludedWith` phrase says the goods are not the item ("Ebola
 * virus PCR kit"); for an item marked `excludedWithAsGoodsOnly`, written as their purpose it says nothing of what they are.
 */
// "for" and up to three words of a qualifier ("for fast charger"), a use labelled as such ("end use: military", "purpose:
// army training"), or 用于/供/用途：/용도: and a few characters before the phrase, a list of uses too (用于端铣刀、锯片和钻头)
const FOR_BEFORE =
  /(?:\bfor(?: use (?:in|with))?(?: (?:the|a|an))?(?: (?:making|manufacturing|producing|production of|manufacture of))?(?: [a-z0-9-]+){0,3}|\b(?:end[- ]?use|intended use|purpose|application|usage)\s*[:：]\s*(?:[a-z0-9-]+ ){0,3}|(?:用于|用来|供|用途[:：]\s*|용도\s*[:：]\s*)[^\s,，;；。]{0,12})\s*$/;
// "for" and a list of uses before the phrase: "for end mills, saw blades and drill bits", "for LED chips and GaN
// transistors". A list has "and", "or" or "&" before its last use: after a comma alone, "for fishing rods, 3K twill, 200
// gsm" goes on to say what the goods are
const FOR_LIST = /\bfor((?:(?: |, |,? (?:and|or|&) )[a-z0-9-]+){1,8})(?:,? (?:and|or|&)|,)?\s*$/;
const CONJUNCTION = / (?:and|or|&)(?: |$)/;
/** After a use in the middle of a list, the list goes on to its "and" within a few words: ", saw blades and drill bits". */
const LIST_GOES_ON = /^[a-z0-9-]*(?:,? [a-z0-9-]+){0,4}?,? (?:and|or|&) /;

// 用, 向け or 原料 after the phrase, or after up to four more characters of the same word (试剂盒用, 体温计灌装用, 锡器厂用, 风筝线原料,
// ペルチェ素子メーカー向け; not after a space: "ジルコニウム702 工業用" says what the zirconium is for, not what 702 is);
// not 用于 (试剂盒用于检测: the kit is the goods) nor 用途. A grade named for a use is that use too (饰品级, jewellery grade,
// ジュエリーグレード: tungsten carbide powder of a grade for jewellery is still the powder)
const FOR_AFTER = /^(?:\s*(?:(?:production|manufacturing|manufacture|making|grade)\b|(?:生产|制造|製造|生産)?用(?![于途])|向け|原材?料|[级級]|グレード)|[^\s,，;；。、|/()（）]{1,4}?(?:用(?![于途])|向け|原材?料))/;

function inListOfUses(before: string, after: string): boolean {
  const list = FOR_LIST.exec(before);
  return list !== null && (CONJUNCTION.test(list[0]) || (list[0].includes(',') && LIST_GOES_ON.test(after)));
}

export function standsAsPurpose(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - 60), start);
  return FOR_BEFORE.test(before) || FOR_AFTER.test(text.slice(end, end + 12)) || inListOfUses(before, text.slice(end, end + 60));
}

// after the recipient's name, in the same word (陸上自衛隊第1師団向け; not "陸上自衛隊 迷彩 子供用"): 向け, 納入/納め/納品, 用 (not 用品, 用于), 専用,
// as written or folded (纳入, 专用), and in Korean 납품 (納品, also after a space: "육군 납품") and 용 (用; not 용품, 用品)
const RECIPIENT_MARKERS = '向け|[納纳]入|[納纳]め|[納纳]品|[専专]用|用(?![品于])|납품|용(?!품)';
const RECIPIENT_AFTER = new RegExp(`^[^\\s,，;；。、|/]*?(?:(?:${RECIPIENT_MARKERS})|\\s납품)`, 'u');
/** A recipient marker right where a name ends (海自向け). */
export const RECIPIENT_MARKER = new RegExp(`^(?:${RECIPIENT_MARKERS})`, 'u');

const OPEN_BRACKET_AT_END = /\s*[(（]\s*$/u;

/**
 * Whether a name starting at `start` of a description stands as whom the goods are for: "for JGSDF training",
 * "供日本海上自卫队", "陸上自衛隊向け", "防衛省納入", "陸自演習用", "for NCSIST (National Chung-Shan …)"; not "自衛隊仕様" (a style)
 * or "自衛隊用品" (a shop's goods).
 */
export function standsAsRecipient(text: string, start: number): boolean {
  // a name in brackets after its abbreviation stands where the abbreviation does: "FOR NCSIST (NATIONAL CHUNG-SHAN …)"
  const before = text.slice(Math.max(0, start - 40), start).toLowerCase().replace(OPEN_BRACKET_AT_END, '');
  return FOR_BEFORE.test(before) || RECIPIENT_AFTER.test(text.slice(start, start + 40)) || closesOnPurpose(text, start);
}

/** The name stands in brackets whose last word says what the goods are for: "（水陸機動団 相浦駐屯地 試験用）". */
const BRACKET_OPEN_BEFORE = /[(（][^()（）]{0,24}$/u;
const BRACKET_CLOSE_AFTER_PURPOSE = new RegExp(`^[^()（）]{0,30}?(?:${RECIPIENT_MARKERS})\\s*[)）]`, 'u');

/** The words between the name and the purpose make it a style, a child's size or a model ("（陸上自衛隊 迷彩 子供用）"). */
const NOT_A_RECIPIENT_BETWEEN = /迷彩|[柄款]|仕様|风格|子供|儿童|キッズ|模型|プラモ|レプリカ|模造|\b(?:style|camo|kids?|model|replica)\b/u;

function closesOnPurpose(text: string, start: number): boolean {
  if (!BRACKET_OPEN_BEFORE.test(text.slice(Math.max(0, start - 25), start))) return false;
  const inside = BRACKET_CLOSE_AFTER_PURPOSE.exec(text.slice(start, start + 40));
  return inside !== null && !NOT_A_RECIPIENT_BETWEEN.test(inside[0]);
}
