/**
 * Clauses that say what the goods will NOT be used for or passed to, as end-user statements and invoices write them:
 * "不用于任何军事用途或军事最终用户", "不用于大规模杀伤性武器及其运载工具的研制、生产或使用", "will not be used for any
 * military end use or transferred to the JSDF", "軍事目的には一切使用しないことを誓約します", "自衛隊への転売は行いません",
 * "軍事用途不使用の誓約". The negation packs list fixed phrases; these are the open-ended ones, whose object can be any
 * words. A Chinese or English negation governs the rest of its clause; a Japanese one, written last, the clause before it. "Other than" turns a
 * negation around (軍事用途以外には使用しません: for military use only), so a clause that says it is left as written.
 * Texts are folded (foldText): simplified characters, lower case.
 */
import { foldText } from '../match/fold.js';

const fold = (words: string[]): string => words.map(foldText).join('|');

/** 不 (or 禁止) before using, passing on or selling: the negation and all after it in the clause. */
const CHINESE = new RegExp(
  `(?:不|禁止|严禁)(?:得|会|将|可|能|允许|准)?(?:直接或间接地?|以任何方式|再)?(?:被)?(?:${fold(['用于', '用作', '用在', '使用', '转让', '转售', '转卖', '转口', '再出口', '出口', '提供', '出售', '销售', '售予', '售给', '卖给', '交付', '供', '向'])})`,
);
const ENGLISH =
  /\b(?:(?:will|shall|must|would|is|are|can|may|do|does)\s+not\s+(?:be\s+)?(?:used|utili[sz]ed|employed|transferred|resold|re\s?exported|exported|supplied|sold|delivered|provided|diverted|incorporated)|not\s+(?:to\s+be\s+)?(?:used|intended|destined)|not\s+for(?!\s+only)|never\s+(?:be\s+)?(?:used|transferred|resold|supplied))\b/;
/** A Japanese verb of using, passing on or selling, negated: the clause up to it. */
const JAPANESE = new RegExp(
  `(?:${fold(['使用', '利用', '用い', '転売', '移転', '譲渡', '販売', '供給', '再輸出', '輸出', '提供', '納入', '転用', '供与', '売却'])})(?:を|は|も|等)?(?:一切)?(?:し|いたし|致し|行い|行わ|され|せ|でき|いたさ|致さ)?(?:ません|ない|ず)|${fold(['不使用', '不転用'])}|では(?:ありません|ない|ございません)`,
  'g',
);
/**
 * Where a clause ends: a full stop (not a decimal point), a semicolon, a line, a comma before Chinese (folding makes ，
 * one), and in English a comma or word that starts another statement.
 */
const CLAUSE_END = /[。；;!?\n]|\.(?!\d)|,(?=\s*\p{Script=Han})|,\s*(?:and|but)\b|\bbut\b|\bhowever\b/gu;
/** "Other than", which makes a negation say what the goods are for. */
const OTHER_THAN = new RegExp(`${fold(['以外'])}|除.{0,20}外|other than|except`);
/** What any negation of the kinds above needs, to skip the regexes on most texts. */
const MAY_NEGATE = /不|禁止|严禁|not|never|ません|ない|ず/;

/** After a fixed phrase that ends in 以外, a negated use turns it around: 軍事用途以外には使用しません (for military use only). */
const NEGATED_USE_AT_START = new RegExp(`^(?:には|に|では|は|で)?(?:${JAPANESE.source})`);
const OTHER_THAN_AT_END = foldText('以外');

/** Whether the negation phrase of a folded text ending at `end` is turned around by what follows it. */
export function negationTurnedAround(folded: string, phrase: string, end: number): boolean {
  return phrase.endsWith(OTHER_THAN_AT_END) && NEGATED_USE_AT_START.test(folded.slice(end, end + 24));
}

/** The [start, end) spans of a folded text that its negated clauses cover. */
export function negatedClauseSpans(folded: string): [number, number][] {
  if (!MAY_NEGATE.test(folded)) return [];
  const spans: [number, number][] = [];
  let start = 0;
  for (const end of [...[...folded.matchAll(CLAUSE_END)].map((m) => m.index), folded.length]) {
    if (end > start) negatedIn(folded, start, end, spans);
    start = end + 1;
  }
  return spans;
}

function negatedIn(folded: string, start: number, end: number, spans: [number, number][]): void {
  const clause = folded.slice(start, end);
  if (OTHER_THAN.test(clause)) return;
  for (const forward of [CHINESE, ENGLISH]) {
    const m = forward.exec(clause);
    if (m) spans.push([start + m.index, end]);
  }
  let last: RegExpExecArray | undefined;
  for (const m of clause.matchAll(JAPANESE)) last = m;
  if (last) spans.push([start, start + last.index + last[0].length]);
}
