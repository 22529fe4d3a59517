/**
 * Slips that scanning (OCR), retyping and ERP exports leave in names, mended as names and countries are compared (the
 * evidence still quotes the cell as written):
 * - a small l among a word's capitals is an I (LOCKHEED MARTlN, FLlR, CHlNA, lNC);
 * - "ln" opening a word is "In" (lnc., lnstitute, lngalls): no English word starts so;
 * - a 1 beside a word's small letters is an l (Nationa1, Anduri1, P1atforms, Te11urium);
 * - a 0 between a word's letters is an O (C0RPORATION, L0ckheed);
 * - an HTML entity an export left in the text is its character (ENGINE &amp; TURBOCHARGER).
 * Only in words of three letters or more, so a code (L3, A1, F-16, 3M, Model10) keeps its digits.
 */
const WORD = /(?<![A-Za-z01])[A-Za-z01]{3,}(?![A-Za-z01])/g;
const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', '#38': '&', '#39': "'", '#x26': '&' };
const ENTITY = /&(amp|quot|apos|lt|gt|#38|#39|#x26);/gi;

export function mendSlips(text: string): string {
  // party-index folds every two characters of prose to find where a name may start: nothing that short has a slip
  if (text.length < 3) return text;
  const decoded = text.includes('&') ? text.replace(ENTITY, (_, name: string) => ENTITIES[name.toLowerCase()]!) : text;
  return decoded.replace(WORD, mendWord);
}

function mendWord(word: string): string {
  const letters = word.replace(/[01]/g, '');
  if (letters.length < 3) return word;
  if (/^[A-Zl]+$/.test(word) && word.includes('l') && letters.replace(/l/g, '').length >= 2) return word.replace(/l/g, 'I');
  if (/^ln[a-z]/.test(word)) return `In${word.slice(2)}`;
  let mended = word;
  // every run of ones touches a small letter and no other digit (Model10 is a model number)
  if (mended.includes('1') && [...mended.matchAll(/1+/g)].every((m) => isSmallLetterBeside(mended, m.index, m.index + m[0].length))) {
    mended = mended.replace(/1/g, 'l');
  }
  if (mended.includes('0') && /^(?:[A-Za-z]+0+)+[A-Za-z]+$/.test(mended)) mended = mended.replace(/0+/g, (zeros, at: number) => (/[a-z]/.test(mended[at - 1]!) ? 'o' : 'O').repeat(zeros.length));
  return mended;
}

function isSmallLetterBeside(word: string, start: number, end: number): boolean {
  const beside = `${word[start - 1] ?? ''}${word[end] ?? ''}`;
  return /[a-z]/.test(beside) && !/0/.test(beside);
}
