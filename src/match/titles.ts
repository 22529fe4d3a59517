/**
 * Titles of works in Japanese and Chinese prose: 『自衛隊装備年鑑』 (a book), 《日本自卫队》 (a book, film or document). A
 * name or word inside such brackets names the work, not the party the goods are for, so an end use that prints paper for
 * 『自衛隊装備年鑑』 is no military use. Only the title brackets: 「」 also quotes names (「陸上自衛隊」向け) and stays read.
 */
const TITLE = /『[^『』]*』|《[^《》]*》/gu;

/** The text with every title, brackets and all, blanked out (same length, so positions in it still hold). */
export function withoutTitles(text: string): string {
  return text.includes('『') || text.includes('《') ? text.replace(TITLE, (title) => ' '.repeat(title.length)) : text;
}
