/**
 * Parties that free text introduces: "END USER: JASDF 2nd Air Depot", "for onward delivery to IHI Aerospace", "最终用户为日本防卫省",
 * "海自呉地方総監部向け", "日本通運 気付 陸上自衛隊 関東補給処". The phrases are reference data (rules/reference/party-phrases.json);
 * what they introduce is read as a further party cell of the row, so a name written there is named as in a party column.
 */
import { KeywordAutomaton } from './automaton.js';
import { BoundedMemo } from './bounded-memo.js';
import { detached } from './detach.js';
import { foldText } from './fold.js';
import { readReference } from './reference.js';

interface PartyPhrases {
  labels: string[];
  before: string[];
  after: string[];
  between: string[];
  around: [string, string][];
}

/** label: a role that a colon must follow (END USER:); before, after, between: where the party stands beside the phrase. */
type Kind = 'label' | 'before' | 'after' | 'between';

const PHRASES = readReference<PartyPhrases>('party-phrases.json');
const KINDS = ['label', 'before', 'after', 'between'] as const;
const AUTOMATON = new KeywordAutomaton<Kind>();
for (const kind of KINDS) for (const phrase of PHRASES[kind === 'label' ? 'labels' : kind]) AUTOMATON.add(foldText(phrase), kind);
AUTOMATON.build();
const AROUND = PHRASES.around.map(([open, close]) => ({ open, close, phrase: `${open}…${close}` }));

/** Where a clause ends: a line, a semicolon, a full stop, a Chinese comma, a bar. Not a Latin comma, which names hold. */
const CLAUSE = /[\r\n;；。，|]+/u;
/** Punctuation and spaces around an introduced name. */
const EDGES = /^[\s:：,，、.\-–—/]+|[\s:：,，、\-–—/]+$/gu;
const COLON_NEXT = /^\s*[:：]/u;
/** A Chinese or Japanese label is also followed by a space alone ("納入先 航空自衛隊", "最终用户 日本防卫省"); a Latin one needs its colon (end user licence). */
const SPACE_NEXT = /^\s+(?=\S)/u;
const LATIN_LETTER = /[a-z]/;
/** An article before "care of" makes it a noun of the sentence: "for the care of the skin" is no c/o. */
const ARTICLE_BEFORE = /(?:^|[^a-z])(?:the|a|an)\s$/;

export interface IntroducedName {
  /** The name as the text writes it (NFKC), without the phrase. */
  name: string;
  /** The phrase that introduced it. */
  phrase: string;
}

/** Remarks repeat down a manifest: each is read once. */
const READ = new BoundedMemo<readonly IntroducedName[]>(10_000);

/**
 * A phrase has a letter at least (宛) and a listed name two (陸自, IHI): a cell with fewer letters (an order number, a date)
 * introduces no one.
 */
const THREE_LETTERS = /(?:\p{L}[^\p{L}]*){3}/u;

/** The names that phrases of the text introduce, in order, each once. */
export function introducedNames(text: string): readonly IntroducedName[] {
  if (fewAsciiLetters(text)) return NO_NAMES;
  // the names are cut from a copy of the text, not from the manifest's block the cell is a slice of
  return READ.get(text, () => (THREE_LETTERS.test(text) ? read(detached(text)) : NO_NAMES));
}

const NO_NAMES: readonly IntroducedName[] = Object.freeze([]);

/** THREE_LETTERS's answer without a look-up or a regex for the commonest cell with fewer: ASCII codes and numbers (PO-818913). */
function fewAsciiLetters(text: string): boolean {
  let letters = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return false;
    const lower = code | 0x20;
    if (lower >= 0x61 && lower <= 0x7a && ++letters === 3) return false;
  }
  return true;
}

interface Mark {
  start: number;
  end: number;
  kind: Exclude<Kind, 'label'>;
}

/** The phrases of a clause, leftmost and longest first, not overlapping; a label counts only with its colon (or, in Chinese or Japanese, a space), which it takes. */
function marks(clause: string): Mark[] {
  // folding keeps positions (a character for a character); where it would not, the clause lower-cased is searched
  const fold = foldText(clause);
  const folded = fold.length === clause.length ? fold : clause.toLowerCase();
  const found: Mark[] = [];
  for (const hit of AUTOMATON.search(folded)) {
    if (hit.value === 'between' && ARTICLE_BEFORE.test(folded.slice(Math.max(0, hit.start - 4), hit.start))) continue;
    if (hit.value !== 'label') found.push({ start: hit.start, end: hit.end, kind: hit.value });
    else {
      const rest = folded.slice(hit.end);
      const colon = COLON_NEXT.exec(rest) ?? (LATIN_LETTER.test(folded.slice(hit.start, hit.end)) ? null : SPACE_NEXT.exec(rest));
      if (colon) found.push({ start: hit.start, end: hit.end + colon[0].length, kind: 'before' });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mark[] = [];
  for (const m of found) if (kept.length === 0 || m.start >= kept.at(-1)!.end) kept.push(m);
  return kept;
}

function read(text: string): IntroducedName[] {
  const out: IntroducedName[] = [];
  const add = (name: string, phrase: string): void => {
    const trimmed = name.replace(EDGES, '');
    if ([...trimmed].length >= 2 && !out.some((n) => n.name === trimmed)) out.push({ name: trimmed, phrase });
  };
  const nfkc = text.normalize('NFKC');
  // most cells hold no phrase at all: one pass over the whole text tells
  const anyAround = AROUND.some(({ open, close }) => nfkc.includes(open) && nfkc.includes(close));
  if (!anyAround && AUTOMATON.search(foldText(nfkc)).length === 0) return out;
  // split before NFKC, which makes a Chinese comma a Latin one
  for (const clause of text.split(CLAUSE).map((c) => c.normalize('NFKC'))) {
    if (clause.trim() === '') continue;
    const found = marks(clause);
    found.forEach((m, i) => {
      const phrase = clause.slice(m.start, m.end);
      if (m.kind !== 'before') add(clause.slice(i === 0 ? 0 : found[i - 1]!.end, m.start), phrase);
      if (m.kind !== 'after') add(clause.slice(m.end, found[i + 1]?.start ?? clause.length), phrase);
    });
    for (const { open, close, phrase } of AROUND) {
      for (let at = clause.indexOf(open); at >= 0; at = clause.indexOf(open, at + 1)) {
        const shut = clause.indexOf(close, at + open.length);
        if (shut < 0) break;
        add(clause.slice(at + open.length, shut), phrase);
      }
    }
  }
  return out;
}
