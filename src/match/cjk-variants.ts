/**
 * Chinese simplified, traditional and Japanese kanji forms of one character folded to one form, so
 * that 三菱电机, 三菱電機 and 三菱電機 compare equal. The table is derived from OpenCC's character
 * dictionaries (opencc-js) by `npm run variants` and committed as rules/reference/cjk-variants.json;
 * a test keeps it equal to what the installed opencc-js gives.
 */
import { readReference, REFERENCE_DIR } from './reference.js';

export const VARIANTS_FILE = new URL('cjk-variants.json', REFERENCE_DIR);

export interface VariantTable {
  source: string;
  /** Each string is one class of variant characters; its first character is the folded form. */
  classes: string[];
}

let folded: Map<string, string> | undefined;

function table(): Map<string, string> {
  if (folded) return folded;
  const { classes } = readReference<VariantTable>('cjk-variants.json');
  folded = new Map();
  // by index, not by spreading each class into characters: every command that folds Chinese or Japanese builds
  // this table, and the spread took three times as long (issue 11)
  for (const cls of classes) {
    const canonical = cls.slice(0, charLength(cls, 0));
    for (let i = canonical.length; i < cls.length; ) {
      const n = charLength(cls, i);
      folded.set(cls.slice(i, i + n), canonical);
      i += n;
    }
  }
  return folded;
}

/** The UTF-16 length of the character at `i`: 2 for one beyond the Basic Multilingual Plane (𠀀). */
const charLength = (text: string, i: number): number => (text.codePointAt(i)! > 0xffff ? 2 : 1);

/** CJK ideographs start at U+2E80; text without them is returned as it is. */
const HAS_IDEOGRAPH = /[\u2e80-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;

export function foldCjkVariants(text: string): string {
  if (!HAS_IDEOGRAPH.test(text)) return text;
  const map = table();
  let out = '';
  for (const ch of text) out += map.get(ch) ?? ch;
  return out;
}

/**
 * The variant classes in OpenCC's character dictionaries (opencc-js's `Locale`): every one-character-
 * to-one-character pair of every conversion (simplified, traditional, Taiwan, Hong Kong, Japanese
 * shinjitai, both ways) joins two characters into a class. Phrase dictionaries are skipped: matching
 * needs characters only. A class leads with its simplified Chinese form (a character the
 * simplified-to-traditional dictionary converts from, or the traditional-to-simplified one converts
 * to), else its lowest code point; the rest follow
 * by code point, so the folded form does not depend on dictionary order.
 */
export function variantClasses(dictionaries: { from: Record<string, unknown>; to: Record<string, unknown> }): string[] {
  const parent = new Map<string, string>();
  const find = (c: string): string => {
    let root = c;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(c, root);
    return root;
  };
  const union = (a: string, b: string): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb, ra);
  };
  const visit = (d: unknown): void => {
    if (Array.isArray(d)) return d.forEach(visit);
    if (d !== null && typeof d === 'object') return Object.values(d).forEach(visit);
    if (typeof d !== 'string') return;
    const entries = d.split('|');
    if ([...(entries[0]?.split(' ')[0] ?? '')].length !== 1) return; // a phrase dictionary
    for (const entry of entries) {
      const [from, ...tos] = entry.split(' ');
      if (!from || [...from].length !== 1) continue;
      for (const to of tos) if ([...to].length === 1 && to !== from) union(from, to);
    }
  };
  visit(dictionaries);
  const simplified = new Set<string>();
  const collect = (d: unknown, side: 'from' | 'to'): void => {
    if (Array.isArray(d)) return d.forEach((x) => collect(x, side));
    if (typeof d !== 'string') return;
    for (const entry of d.split('|')) {
      const [from = '', ...tos] = entry.split(' ');
      if ([...from].length !== 1) continue;
      if (side === 'from') simplified.add(from);
      else for (const to of tos) if ([...to].length === 1) simplified.add(to);
    }
  };
  collect(dictionaries.from['cn'], 'from');
  collect(dictionaries.to['cn'], 'to');
  const classes = new Map<string, string[]>();
  for (const ch of parent.keys()) {
    const root = find(ch);
    const members = classes.get(root) ?? [];
    members.push(ch);
    classes.set(root, members);
  }
  const byCodePoint = (a: string, b: string): number => a.codePointAt(0)! - b.codePointAt(0)!;
  const lead = (members: string[]): string[] => {
    members.sort(byCodePoint);
    const first = members.find((c) => simplified.has(c)) ?? members[0]!;
    return [first, ...members.filter((c) => c !== first)];
  };
  return [...classes.values()]
    .filter((members) => members.length > 1)
    .map((members) => lead(members).join(''))
    .sort(byCodePoint);
}
