/** Text folded for matching: one form per character, case and kanji variant. */
import { foldCjkVariants } from './cjk-variants.js';

/**
 * Text as keywords, terms and exclusions are compared: NFKC, lower case, one form per kanji (see
 * cjk-variants), hyphens as spaces; NFKC also folds full-width letters and digits and half-width katakana.
 */
export function foldText(value: string): string {
  // printable ASCII is already in NFKC form and has no kanji; skip the costly steps for it
  const folded = PRINTABLE_ASCII.test(value) ? value.toLowerCase() : foldCjkVariants(value.normalize('NFKC').toLowerCase());
  // "flight-test" is "flight test" (the same length, so positions in the text stay where they were)
  return folded.includes('-') ? folded.replace(/-/g, ' ') : folded;
}

/** foldText without the lower-casing, for words that count only in capitals (HMX): the same positions in practice. */
export function foldWidth(value: string): string {
  return PRINTABLE_ASCII.test(value) ? value : foldCjkVariants(value.normalize('NFKC'));
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
