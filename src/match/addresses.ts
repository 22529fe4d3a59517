/**
 * Addresses that belong to a party (a military post office's APO/FPO form, a headquarters' street address), found in a
 * party cell or an end use. Literal addresses are compared folded: width and case, spaces and punctuation, the
 * Japanese 番地/番/丁目 (and の, ノ: 2の9の54) between numbers written as a hyphen and 号 after one dropped, ヶ/ケ inside
 * a place name (市ヶ谷本村町 = 市谷本村町), simplified and traditional characters as one; a literal address never counts
 * inside a longer number (5-1 is not 15-1 nor 5-10). Patterns are tried on the text folded for width and case only.
 */
import { foldCjkVariants } from './cjk-variants.js';

export interface AddressEntry<R> {
  ref: R;
  label: string;
  /** The literal address, folded (see foldAddress); absent for a pattern. */
  folded?: string;
  pattern?: RegExp;
  /** The address as the pack writes it (text or pattern). */
  written: string;
  /** The party's own compound: the address names the party for certain. */
  premises: boolean;
}

export interface AddressHit<R> {
  entry: AddressEntry<R>;
  /** The text of the cell that matched. */
  matched: string;
}

const HAN = '\\p{Script=Han}';
/** A Japanese or Chinese address, a romanised one, any: what is left to compare. */
export function foldAddress(raw: string): string {
  return foldCjkVariants(raw.normalize('NFKC').toLowerCase())
    .replace(/[‐‑‒–—―−ｰー－]/gu, '-')
    .replace(new RegExp(`(?<=${HAN})[ヶケヵが](?=${HAN})`, 'gu'), '')
    .replace(/(?<=\d)\s*(?:丁目|番地|番|の|ノ)\s*(?=\d)/gu, '-')
    .replace(/(?<=\d)\s*(?:号|番地|番)/gu, '')
    // two numbers apart stay apart ("125-7 2便" is no 125-72)
    .replace(/(?<=\d)[^\p{L}\p{N}-]+(?=\d)/gu, '|')
    .replace(/[^\p{L}\p{N}|-]+/gu, '')
    .replace(/-+/g, '-')
    // a hyphen counts only between numbers: "Ichigaya-Honmuracho" is "Ichigaya Honmuracho", "5-1" stays
    .replace(/(?<!\d)-|-(?!\d)/g, '');
}

/** The text as patterns see it: width and case folded, spaces collapsed. */
export function foldForPattern(raw: string): string {
  return raw.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export class AddressIndex<R> {
  private readonly entries: AddressEntry<R>[] = [];

  get size(): number {
    return this.entries.length;
  }

  add(ref: R, address: { text?: string; pattern?: string; label: string; premises?: true }): void {
    const premises = address.premises === true;
    if (address.text !== undefined) {
      const folded = foldAddress(address.text);
      if (folded !== '') this.entries.push({ ref, label: address.label, folded, written: address.text, premises });
    } else if (address.pattern !== undefined) {
      this.entries.push({ ref, label: address.label, pattern: new RegExp(address.pattern, 'iu'), written: address.pattern, premises });
    }
  }

  /** The addresses a text gives, each entry once. */
  find(text: string): AddressHit<R>[] {
    if (this.entries.length === 0 || text.trim() === '') return [];
    const folded = foldAddress(text);
    const plain = foldForPattern(text);
    const hits: AddressHit<R>[] = [];
    for (const entry of this.entries) {
      if (entry.folded !== undefined) {
        if (containsAlone(folded, entry.folded)) hits.push({ entry, matched: entry.written });
      } else {
        const m = entry.pattern!.exec(plain);
        if (m) hits.push({ entry, matched: m[0] });
      }
    }
    return hits;
  }
}

/** Whether `needle` stands in `hay` with no digit joined to either end (5-1 in "5-1a", not in "15-1" or "5-10"). */
function containsAlone(hay: string, needle: string): boolean {
  for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
    const before = hay[at - 1] ?? '';
    const after = hay[at + needle.length] ?? '';
    const digitEdge = (edge: string, inner: string | undefined): boolean => /\d/.test(edge) && /\d/.test(inner ?? '');
    // a hyphen joins a number to the address too ("2-5-1" holds "5-1" after "2-")
    const joined = (before === '-' && /\d/.test(hay[at - 2] ?? '') && /\d/.test(needle[0] ?? '')) || (after === '-' && /\d/.test(hay[at + needle.length + 1] ?? '') && /\d/.test(needle.at(-1) ?? ''));
    if (!digitEdge(before, needle[0]) && !digitEdge(after, needle.at(-1)) && !joined) return true;
  }
  return false;
}
