/**
 * Forms of a folded text in which a keyword may stand where the text as written hides it, each with where its
 * characters stand in the text, so a hit found in a form quotes the text as written.
 *
 * A short note in brackets inside a phrase ("isostatic (cold) press", "hot (isostatic) press", "irradiated (spent)
 * fuel", 碳纤维（T800级）预浸料) hides the phrase from a search of the text as written. This gives the two forms a
 * reader sees past it: the text without the notes, and the text with the notes' words but not their brackets (a note
 * that says what the goods are not is left out of both).
 *
 * Latin chemical and trade names are written with their parts run together or apart ("diisopropylamine",
 * "di-isopropyl amine", "di isopropylamine"): the joined form runs every Latin word into the next, and a keyword's
 * joined form found there counts where it starts and ends on words of the text.
 *
 * Trade lines name the controlled metals by their symbols next to a purity or a form ("Ge ingot 5N"): the element form
 * names them.
 */

/**
 * Elements of the controlled metals and rare earths by their symbols, as trade lines write them ("Ge ingot 5N", "Bi
 * 99.99 granules", "W 99.95% rod"): only two-letter symbols and W, written as the periodic table writes them.
 */
const ELEMENT_NAMES: Record<string, string> = {
  Ga: 'gallium', Ge: 'germanium', Sb: 'antimony', Bi: 'bismuth', In: 'indium', Te: 'tellurium', W: 'tungsten',
  Mo: 'molybdenum', Ta: 'tantalum', Nb: 'niobium', Hf: 'hafnium', Zr: 'zirconium', Be: 'beryllium', Li: 'lithium',
  Sc: 'scandium', Re: 'rhenium', La: 'lanthanum', Ce: 'cerium', Pr: 'praseodymium', Nd: 'neodymium', Sm: 'samarium',
  Eu: 'europium', Gd: 'gadolinium', Tb: 'terbium', Dy: 'dysprosium', Ho: 'holmium', Er: 'erbium', Tm: 'thulium',
  Yb: 'ytterbium', Lu: 'lutetium', Pu: 'plutonium', Po: 'polonium',
};
/** The forms metal is traded in, as a symbol's next word ("In" before "stock" is a preposition, before "ingot" indium). */
const METAL_FORMS = 'ingots?|granules?|granulate|shots?|powder|rods?|bars?|plates?|sheets?|wires?|targets?|pellets?|lumps?|foils?|metal|crystals?|pieces|chunks?|beads?|sputtering';
/** A purity: 4N, 5N5, 6N; 99.9 and more nines; a percentage of 90 % or more (rare-earth metals trade at 99.5 %, beryllium at 98.5 %). */
const PURITY = String.raw`(?:\d(?:\.\d)?N|99\.9\d*\s?%?|9\d(?:\.\d+)?\s?%)`;
/** A symbol as written, where a word may start but not after a number (1200 W); what follows it is read in the folded text. */
const ELEMENT_SYMBOL = new RegExp(String.raw`(?<=^|[\s,;|/(:])(?<!\d\s?)(?:${Object.keys(ELEMENT_NAMES).join('|')})(?![\p{L}\p{N}])`, 'gu');
const NEXT_TO_SYMBOL = new RegExp(String.raw`^\s*(?:${PURITY}|(?:${METAL_FORMS})(?![a-z]))`, 'i');
const STATES_PURITY = new RegExp(String.raw`(?<![\w.])${PURITY}(?!\w)`, 'i');

/** A form of a text, and for each of its characters (and its end) the index of that character in the text. */
export interface TextForm {
  text: string;
  at: Int32Array;
}

/** Writes a form character by character, each with the index of the text's character it stands for. */
class FormWriter {
  private readonly chars: string[] = [];
  private readonly at: number[] = [];

  constructor(private readonly text: string) {}

  emit(ch: string, index: number): void {
    this.chars.push(ch);
    this.at.push(index);
  }

  /** The text's characters from `from` up to `to`, as they stand. */
  copy(from: number, to: number): void {
    for (let i = from; i < to; i++) this.emit(this.text[i]!, i);
  }

  /** Takes back the last character written, if it is a space. */
  dropSpace(): void {
    if (!isSpace(this.chars.at(-1))) return;
    this.chars.pop();
    this.at.pop();
  }

  done(): TextForm {
    return { text: this.chars.join(''), at: Int32Array.from([...this.at, this.text.length]) };
  }
}

/** A note: brackets with up to 24 characters and no brackets inside (folded text: NFKC made （） round brackets). */
const NOTE = /[([]([^()[\]]{1,24})[)\]]/g;
const LATIN_OR_DIGIT = /[a-z0-9\u00c0-\u024f]/;
const LETTER = /[a-z\u00c0-\u024f]/;
/** A note that says what the goods are not ("hot (not isostatic) press"): its words are no part of the phrase. */
const NEGATING = /^\s*(?:(?:not|non|no|without|excluding|except)(?![a-z])|[非不无無])/;
const isSpace = (ch: string | undefined): boolean => ch === ' ' || ch === '\t';

/** The text without its bracket notes and the text with their words bare; none when it has no note. */
export function bracketNoteForms(text: string): TextForm[] {
  if (!text.includes('(') && !text.includes('[')) return [];
  const notes = [...text.matchAll(NOTE)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (notes.length === 0) return [];
  return [form(text, notes, false), form(text, notes, true)];
}

/** A span of the text as it stands in the form, or undefined when its first or last character was left out of the form. */
export function spanInForm(f: TextForm, start: number, end: number): { start: number; end: number } | undefined {
  const first = indexInForm(f, start);
  const last = indexInForm(f, end - 1);
  return first < 0 || last < 0 ? undefined : { start: first, end: last + 1 };
}

/** Where the text's character stands in the form (a note form's `at` rises strictly), or -1. */
function indexInForm({ at }: TextForm, index: number): number {
  let lo = 0;
  let hi = at.length - 2;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (at[mid]! === index) return mid;
    if (at[mid]! < index) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A hit's span in a form, as a span of the text: from its first character to just past its last. */
export function spanInText(f: TextForm, start: number, end: number): { start: number; end: number } {
  return { start: f.at[start]!, end: f.at[end - 1]! + 1 };
}

/** The text with the spaces (and folded hyphens) between Latin letters taken out; none when it has no Latin letter. */
export function joinedWordsForm(text: string): TextForm | undefined {
  if (!LETTER.test(text)) return undefined;
  const out = new FormWriter(text);
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== ' ' || !LETTER.test(text[i - 1] ?? '') || !LETTER.test(text[i + 1] ?? '')) out.emit(text[i]!, i);
  }
  return out.done();
}

/** The spaces between two Chinese or Japanese characters. */
const CJK_SPACES = /(?<=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]) (?=[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々])/gu;

/**
 * The text with the spaces between Chinese or Japanese characters taken out ("クロスフロー ろ過カセット", "五轴 加工中心",
 * "ネオジム 磁石"): such writing spaces a name's parts as Latin writing spaces words, and a keyword is written whole. None
 * when there is no such space.
 */
export function cjkJoinedForm(text: string): TextForm | undefined {
  const spaces = new Set([...text.matchAll(CJK_SPACES)].map((m) => m.index));
  if (spaces.size === 0) return undefined;
  const out = new FormWriter(text);
  for (let i = 0; i < text.length; i++) if (!spaces.has(i)) out.emit(text[i]!, i);
  return out.done();
}

/**
 * The folded text with the element symbols of its written form named ("ge ingot 5n" as "germanium ingot 5n"), where a
 * symbol stands before a purity or a form of metal and the text states a purity; none when it has no such symbol.
 * `written`: the text as written, where the symbols' capitals are read; its positions must be the folded text's.
 */
export function elementSymbolForm(folded: string, written: string): TextForm | undefined {
  if (written.length !== folded.length || !STATES_PURITY.test(folded)) return undefined;
  const symbols = [...written.matchAll(ELEMENT_SYMBOL)].filter((m) => NEXT_TO_SYMBOL.test(folded.slice(m.index + m[0].length)));
  return writtenOver(folded, symbols.map((m) => ({ at: m.index, length: m[0].length, words: ELEMENT_NAMES[m[0]]! })));
}

/**
 * The text with words written over some of its spans, or none when there are none; the words' letters stand for the
 * span's: the first at its start, the others at its end.
 */
function writtenOver(text: string, spans: { at: number; length: number; words: string }[]): TextForm | undefined {
  if (spans.length === 0) return undefined;
  const out = new FormWriter(text);
  let i = 0;
  for (const { at, length, words } of spans) {
    out.copy(i, at);
    for (let k = 0; k < words.length; k++) out.emit(words[k]!, k === 0 ? at : at + length - 1);
    i = at + length;
  }
  out.copy(i, text.length);
  return out.done();
}

/** Every element symbol: a chemical formula is written in nothing else ("NaYF4:Yb,Er"; "SN74HC595" is one, "BY255" too). */
const ALL_SYMBOLS = new Set(
  ('H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc ' +
    'Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi ' +
    'Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr').split(' '),
);
// yttrium's one-letter symbol is no symbol of ELEMENT_NAMES (a lone "Y" is seldom the metal), but stands in formulas
const RARE_EARTHS: Record<string, string> = Object.fromEntries(
  ['Sc', 'Y', 'La', 'Ce', 'Pr', 'Nd', 'Sm', 'Eu', 'Gd', 'Tb', 'Dy', 'Ho', 'Er', 'Tm', 'Yb', 'Lu'].map((s) => [s, ELEMENT_NAMES[s] ?? 'yttrium']),
);
/** The non-metals a compound's formula holds beside its metals: a part number (BY255, SN74HC595) seldom names a rare earth with one. */
const COMPOUND_PARTNERS = new Set(['O', 'F', 'Cl', 'Br', 'I', 'S', 'Se', 'N', 'P', 'C', 'Si']);
/** A formula as written: symbols, counts and brackets, then dopants after a colon ("Gd2O2S:Tb", "Y3Al5O12:Ce"). */
const FORMULA = /(?<![\p{L}\p{N}])[A-Z][A-Za-z0-9().]*(?::[A-Z][a-z]?(?:,[A-Z][a-z]?)*)?(?![\p{L}\p{N}])/gu;
const FORMULA_PART = /[A-Z][a-z]?|\d+(?:\.\d+)?|[().]/g;

/**
 * The rare earths a formula's host names, or none when the token is no compound's formula. A dopant after the colon
 * (SrAl2O4:Eu,Dy, a glow pigment) is a trace, not the compound. Only formulas written in mixed case count: in capitals a
 * model number reads as one (KYN28), and the capital formulas of the rare earths' own compounds (Y2O3, Tb4O7) are keywords.
 */
function rareEarthsOfFormula(token: string): string[] {
  const [main = '', dopants = ''] = token.split(':');
  if (!/[a-z]/.test(main)) return [];
  const parts = main.match(FORMULA_PART) ?? [];
  if (parts.join('') !== main) return [];
  const symbols = parts.filter((p) => /^[A-Z]/.test(p));
  if (!symbols.every((p) => ALL_SYMBOLS.has(p)) || new Set(symbols).size < 2) return [];
  if (!parts.some((p) => /^\d/.test(p)) && dopants === '') return [];
  if (!symbols.some((p) => COMPOUND_PARTNERS.has(p))) return [];
  if (dopants !== '' && !dopants.split(',').every((p) => ALL_SYMBOLS.has(p))) return [];
  return [...new Set(symbols.filter((p) => p in RARE_EARTHS))];
}

/**
 * The folded text with each chemical formula whose host names a rare earth written as that element's compound
 * ("NaYF4:Yb,Er" as "yttrium compound"); none when it has no such formula. `written`: the text as
 * written, whose capitals tell the symbols; its positions must be the folded text's.
 */
export function rareEarthFormulaForm(folded: string, written: string): TextForm | undefined {
  if (written.length !== folded.length) return undefined;
  const spans = [...written.matchAll(FORMULA)].map((m) => ({ at: m.index, length: m[0].length, names: rareEarthsOfFormula(m[0]) }));
  return writtenOver(
    folded,
    spans.filter((f) => f.names.length > 0).map(({ at, length, names }) => ({ at, length, words: names.map((s) => `${RARE_EARTHS[s]} compound`).join(' ') })),
  );
}

/** A keyword as the joined form writes it: its Latin words run together. */
export const joinedWords = (keyword: string): string => keyword.replace(/(?<=[a-z\u00c0-\u024f]) (?=[a-z\u00c0-\u024f])/g, '');


function form(text: string, notes: { start: number; end: number }[], keepWords: boolean): TextForm {
  const out = new FormWriter(text);
  let i = 0;
  for (const note of notes) {
    out.copy(i, note.start);
    if (keepWords && !NEGATING.test(text.slice(note.start + 1, note.end - 1))) {
      // a note run into a word ("fuel(spent)") is a word of its own
      if (LATIN_OR_DIGIT.test(text[note.start - 1] ?? '')) out.emit(' ', note.start);
      out.copy(note.start + 1, note.end - 1);
      if (LATIN_OR_DIGIT.test(text[note.end] ?? '')) out.emit(' ', note.end - 1);
    } else if (isSpace(text[note.end])) {
      // "isostatic (cold) press": one space is left between the words
      out.dropSpace();
    }
    i = note.end;
  }
  out.copy(i, text.length);
  return out.done();
}
