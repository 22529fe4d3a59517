/**
 * Whether a keyword of a whole piece of equipment (a drone, a dredger) only says what a part or accessory is for: the part
 * written right after it in the same phrase ("spray drone smart battery", "绞吸式挖泥船备件", "散布ドローン用バッテリー") or
 * before it, with the keyword as its purpose ("battery for spray drone"). The goods are then the part, which the whole
 * item's entry does not name. A part listed with the goods ("spray drone, 40 L, with 2 batteries", "含电池", "バッテリー2本付")
 * or a part noun heading one of the item's parameters ("电池容量 30000mAh", "battery capacity") leaves the hit standing.
 */
import type { PhraseSpans } from './goods-scope.js';

/** How far a part may stand from the keyword: a few words or characters of the same phrase ("smart", "用", "专用"). */
const MAX_GAP = 16;
/** A clause or list ends here: the goods are listed apart, not named by one phrase. */
const SEPARATOR = /[,;:|/()[\]+&，；：、。（）【】＋＆]/;
/** Words that add accessories to the goods instead of naming them: "with", 带, 含, 配, 附, 及, 和, 与, と, 及び, 付. */
const ADDS = /\b(?:with|w\/|and|incl|including|plus|inkl)\b|带|含|配|附|及|和|与|と|及び|付/;
/** After the part: a parameter of the whole item (capacity, power …) or an attachment marker (バッテリー2本付, included). */
const AFTER_PART = /^\s*(?:\d+\s*\S{0,2}\s*)?(?:capacity|power|voltage|life|time|weight|size|included|incl\b|容量|功率|电压|续航|寿命|重量|尺寸|时间|容積|出力|電圧|時間|付|附)/;
/** Before the keyword, after the part: "for" and up to three words ("for agricultural"), 用于 or 供 and a few characters. */
const FOR_BEFORE = /(?:\bfor(?: (?:a|an|the))?(?: [a-z0-9-]+){0,3}|(?:用于|用来|供)[^\s]{0,8})\s*$/;

export function namesPartOf(text: string, spans: PhraseSpans, parts: readonly string[], start: number, end: number): boolean {
  return parts.some((part) =>
    spans.standing(part).some((at) => (at >= end ? partAfter(text, end, at, at + part.length) : at + part.length <= start && partBefore(text, at + part.length, start))),
  );
}

function partAfter(text: string, keywordEnd: number, partStart: number, partEnd: number): boolean {
  const gap = text.slice(keywordEnd, partStart);
  return gap.length <= MAX_GAP && !SEPARATOR.test(gap) && !ADDS.test(gap) && !AFTER_PART.test(text.slice(partEnd, partEnd + 12));
}

function partBefore(text: string, partEnd: number, keywordStart: number): boolean {
  const gap = text.slice(partEnd, keywordStart);
  return gap.length <= MAX_GAP + 8 && !SEPARATOR.test(gap) && FOR_BEFORE.test(gap.trimEnd());
}
