/**
 * Acronyms spelt out in katakana, as Japanese invoices write a foreign company's letters: ブイエスイー・コーポレーション is
 * VSE Corporation, エルスリーハリス・テクノロジーズ L3ハリス・テクノロジーズ (rules/reference/katakana-letter-names.json).
 */
import { readReference } from './reference.js';

interface LetterNames {
  letters: Record<string, string[]>;
  digits: Record<string, string[]>;
}

const NAMES = readReference<LetterNames>('katakana-letter-names.json');
const toReading = (table: Record<string, string[]>, isLetter: boolean) =>
  Object.entries(table).flatMap(([latin, readings]) => readings.map((reading) => ({ reading, latin, isLetter })));
// the longest reading first at each place: エイチ (H) before エイ (A), ダブリュー before ダブリュ
const READINGS = [...toReading(NAMES.letters, true), ...toReading(NAMES.digits, false)].sort((a, b) => b.reading.length - a.reading.length);
const KATAKANA_WORD = /[\p{Script=Katakana}ー]+/gu;

/**
 * The name with each katakana word that begins with two spelt characters or more, the first a letter (エスケー is SK,
 * エルスリー L3), written in Latin letters up to where the spelling stops; undefined when no word does. A word that
 * begins with a digit's name (ワンピース is no "1") or spells one letter only (アイテム) is left alone.
 */
export function spelledLetters(name: string): string | undefined {
  let changed = false;
  const out = name.replace(KATAKANA_WORD, (word) => {
    let at = 0;
    let latin = '';
    for (;;) {
      // a digit only after a letter
      const next = READINGS.find((r) => word.startsWith(r.reading, at) && (r.isLetter || latin !== ''));
      if (!next) break;
      latin += next.latin;
      at += next.reading.length;
    }
    if (latin.length < 2) return word;
    changed = true;
    return latin + word.slice(at);
  });
  return changed ? out : undefined;
}
