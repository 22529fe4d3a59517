/**
 * Phrases that place a civil user beside a military site rather than name it: "pipe-fittings maker near Sasebo naval
 * port", "city hall (next to Camp Lejeune)", "咖啡馆（百里基地附近）", "沖縄市役所（嘉手納基地隣接）". The site is where the
 * user is near, not whom the goods are for. Texts are folded (foldText): simplified characters, lower case.
 */
import { foldText } from '../match/fold.js';

/**
 * English: the word of nearness (not near-infrared, near-net) and the place after it, up to a bracket, a comma, "for" or
 * "to" (who the goods are for may follow).
 */
const NEAR_BEFORE = /\b(?:near(?:by)?|next to|close to|adjacent to|beside|opposite)\s+(?!infra|ir\b|field|net\b|real|term|future|zero|perfect|full|total|miss|mint|new)((?:(?!\bfor\b|\bto\b)[^,;()（）。；\n])+)/g;
/** Chinese and Japanese: the place written before its word of nearness, back to a bracket, a comma or a space. */
const NEAR_AFTER = new RegExp(`([^\\s,，;；。、()（）]{2,16})(?:${['附近', '旁边', '隔壁', '近旁', '隣接', 'の近く', 'のそば'].map(foldText).join('|')})`, 'gu');
const MAY_BE_NEAR = new RegExp(`near|next to|close to|adjacent|beside|opposite|${['附近', '旁边', '隔壁', '近旁', '隣接', '近く', 'そば'].map(foldText).join('|')}`);

/** The [start, end) spans of a folded text that name a place only as where the user is near. */
export function nearbyPlaceSpans(folded: string): [number, number][] {
  if (!MAY_BE_NEAR.test(folded)) return [];
  const spans: [number, number][] = [];
  for (const m of folded.matchAll(NEAR_BEFORE)) spans.push([m.index + m[0].length - m[1]!.length, m.index + m[0].length]);
  for (const m of folded.matchAll(NEAR_AFTER)) spans.push([m.index, m.index + m[1]!.length]);
  return spans;
}

/** A cell as written (NFKC) with the places it names only as nearby blanked, where folding keeps its positions. */
export function withoutNearbyPlaces(written: string): string {
  const text = written.normalize('NFKC');
  const folded = foldText(text);
  const spans = folded.length === text.length ? nearbyPlaceSpans(folded) : [];
  if (spans.length === 0) return written;
  const masked = text.split('');
  for (const [start, end] of spans) masked.fill(' ', start, end);
  return masked.join('');
}
