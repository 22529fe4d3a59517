/**
 * A Japanese name written in romaji ("Mitsubishi Zosen K.K.", "IHI Earosupesu", "MITSUBISHI ZOUSEN") against the kana
 * of a listed Japanese name (its reading, as a pack gives it: ミツビシゾウセン, IHIエアロスペース). Both are read to one
 * key in which the ways of writing romaji meet: Hepburn and Kunrei (shi and si, tsu and tu, ji and zi, sha and sya),
 * long vowels marked, doubled or left out (Zōsen, Zousen, Zohsen, Zosen), doubled consonants, and n or m before b and p
 * (Shinbashi, Shimbashi). The key collapses what romaji writers disagree on, so names that differ only there meet too:
 * a short key is a possible match only; a long one (a whole name) is certain (party-index.ts).
 */
import { isLatinLegalForm, JAPANESE_LEGAL_FORMS, mergeInitials } from './party-names.js';
import { romaji } from './sound.js';

const SEPARATORS = /[\s・･=\-‐.,&'’]+/gu;
const KANA_NAME = /^(?=.*\p{Script=Katakana})[\p{Script=Katakana}ーa-z0-9]+$/u;
const LATIN_NAME = /^[a-z0-9\s.,&'’()\-]+$/;

/** The key of a listed name written in katakana (and Latin letters or digits), without its legal forms; undefined for any other name. */
export function kanaReadingKey(listed: string): string | undefined {
  const s = listed.normalize('NFKC').replace(JAPANESE_LEGAL_FORMS, '').toLowerCase().replace(SEPARATORS, '');
  return KANA_NAME.test(s) ? romajiSpellingKey(romaji(s)) : undefined;
}

/** The key of a name written in Latin letters, without its legal forms (K.K., Co., Ltd., Kabushiki Kaisha); undefined for any other name. */
export function latinReadingKey(written: string): string | undefined {
  const s = written.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  if (!LATIN_NAME.test(s)) return undefined;
  const words = mergeInitials(s.split(/[^a-z0-9]+/).filter((w) => w !== ''));
  const key = romajiSpellingKey(words.filter((w) => isLatinLegalForm(w) === undefined).join(''));
  return key === '' ? undefined : key;
}

function romajiSpellingKey(r: string): string {
  return r
    .replace(/shi/g, 'si')
    .replace(/chi/g, 'ti')
    .replace(/tsu/g, 'tu')
    .replace(/fu/g, 'hu')
    .replace(/ji/g, 'zi')
    .replace(/sh/g, 'sy')
    .replace(/tch/g, 'tty')
    .replace(/ch/g, 'ty')
    .replace(/j/g, 'zy')
    .replace(/m(?=[bp])/g, 'n')
    .replace(/oh(?![aeiou])/g, 'o')
    .replace(/ou/g, 'o')
    .replace(/([aeiou])\1+/g, '$1')
    .replace(/([b-df-hj-np-tv-z])\1+/g, '$1');
}
