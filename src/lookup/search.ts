/**
 * `dualscreen lookup`: what the rule packs say about an HS code, a control code, a CAS number, a text or
 * a party name. Pure, over a compiled RuleSet; dates are judged when the answer is shown.
 */
import type { CompiledItem, PartyRef, RuleSet } from '../engine/compile.js';
import { hsDigits, normaliseControlCode, parseCasNumbers, parseHsCode } from '../match/codes.js';
import { foldText } from '../match/fold.js';
import type { QuantityCondition } from '../model/quantity.js';
import { keywordWords } from '../rules/all-names.js';

export type QueryKind = 'hs-code' | 'control-code' | 'cas' | 'text';

export interface Query {
  kind: QueryKind;
  raw: string;
  /** The HS digits, the normalised control code, the CAS number or the folded text. */
  key: string;
}

export interface ItemHit {
  item: CompiledItem;
  /** How the query reaches the item, most direct first. */
  how: string[];
  rank: number;
}

export interface PartyByName {
  ref: PartyRef;
  /** The listed name that matched. */
  name: string;
  /** The screening score; none for a name found because it contains the query. */
  score?: number;
  /** Whether `screen` would treat this name as the listed party rather than a possible match. */
  blocking: boolean;
  how: string;
}

export interface LookupResult {
  query: Query;
  items: ItemHit[];
  parties: PartyByName[];
  /** What the packs say about the query itself: an unencoded code's place in the catalogue, a malformed code. */
  notes: string[];
}

const CAS_RE = /^\d{2,7}-\d{2}-\d$/;

export function classifyQuery(raw: string): Query {
  const text = raw.normalize('NFKC').trim();
  if (CAS_RE.test(text)) return { kind: 'cas', raw, key: text };
  const code = normaliseControlCode(text);
  if (code) return { kind: 'control-code', raw, key: code };
  const digits = hsDigits(text);
  if (digits !== undefined && /^\d{2,14}$/.test(digits)) return { kind: 'hs-code', raw, key: digits };
  return { kind: 'text', raw, key: foldText(text) };
}

/** The engine's modules are loaded only by the queries that need them (text, an unencoded code): a code is answered from the indices. */
export async function lookup(raw: string, rs: RuleSet): Promise<LookupResult> {
  const query = classifyQuery(raw);
  const hits = new Map<string, ItemHit>();
  const add = (ci: CompiledItem, how: string, rank: number): void => {
    const hit = hits.get(ci.item.id);
    if (!hit) hits.set(ci.item.id, { item: ci, how: [how], rank });
    else if (!hit.how.includes(how)) {
      hit.how.push(how);
      hit.rank = Math.min(hit.rank, rank);
    }
  };
  const notes: string[] = [];
  let parties: PartyByName[] = [];
  switch (query.kind) {
    case 'control-code':
      await byControlCode(rs, query.key, add, notes);
      break;
    case 'hs-code':
      byHsCode(rs, query.key, add, notes);
      break;
    case 'cas':
      if (parseCasNumbers(query.key).length === 0) notes.push(`${query.key} has a wrong check digit: it is not a valid CAS number`);
      for (const ref of rs.cas.get(query.key) ?? []) add(ref.item, `CAS number ${ref.code}${ref.confidence === 'LOW' ? ' (LOW confidence)' : ''}`, 0);
      break;
    case 'text':
      await byText(rs, query.key, add);
      parties = partiesByName(rs, query.raw);
      break;
  }
  // code-point order: localeCompare would load ICU's collator, ~15 ms of a look-up
  const items = [...hits.values()].sort((a, b) => a.rank - b.rank || (codeOrder(a.item) < codeOrder(b.item) ? -1 : 1));
  return { query, items, parties, notes };
}

const codeOrder = (ci: CompiledItem): string => ci.item.controlCode ?? `~${ci.item.id}`;

type Add = (ci: CompiledItem, how: string, rank: number) => void;

async function byControlCode(rs: RuleSet, code: string, add: Add, notes: string[]): Promise<void> {
  const exact = rs.byControlCode.get(code) ?? [];
  for (const ci of exact) add(ci, `control code ${code}`, 0);
  const parts = code.split('.');
  let parents = 0;
  for (let n = parts.length - 1; n >= 1; n--) {
    const parent = parts.slice(0, n).join('.');
    for (const ci of rs.byControlCode.get(parent) ?? []) {
      add(ci, `parent code ${parent} of ${code}`, 1);
      parents++;
    }
  }
  const subCodes = [...new Set(rs.parentCodes.get(code) ?? [])];
  for (const sub of subCodes) for (const ci of rs.byControlCode.get(sub) ?? []) add(ci, `sub-item ${sub} of ${code}`, 2);
  if (exact.length > 0) return;
  if (subCodes.length > 0) notes.push(`${code} is not encoded itself, but its sub-items are: a declaration should name the sub-item`);
  else if (parents === 0) notes.push(`${code} (${(await import('../engine/screen.js')).explainCode(rs, code)}) is not encoded in these rule packs: review it against the official list`);
}

function byHsCode(rs: RuleSet, digits: string, add: Add, notes: string[]): void {
  const parsed = parseHsCode(digits, 'cn');
  if (parsed.kind === 'invalid') notes.push(`HS ${digits} ${parsed.reason}`);
  // the codes of one item under one relation, so that a heading reads as one line, not one per code
  const groups = new Map<string, { ci: CompiledItem; rank: number; codes: string[] }>();
  for (const [code, refs] of rs.hsExact) {
    const rank = code === digits ? 0 : digits.startsWith(code) ? 1 : code.startsWith(digits) ? 2 : -1;
    if (rank < 0) continue;
    for (const ref of refs) {
      const key = `${ref.item.item.id}\u0000${rank}`;
      const group = groups.get(key) ?? { ci: ref.item, rank, codes: [] };
      group.codes.push(`${code}${ref.confidence === 'LOW' ? ' (LOW: review only)' : ''}`);
      groups.set(key, group);
    }
  }
  for (const { ci, rank, codes } of groups.values()) {
    const list = codes.join(', ');
    const how = [`reference code ${list}`, `reference line ${list} covers ${digits}`, `reference code${codes.length > 1 ? 's' : ''} ${list} under ${digits}`][rank]!;
    add(ci, how, rank);
  }
}

/** How a keyword stood in the text when not as written. */
const FORM_NOTES = { reordered: ' (its words in another order)', apart: ' (other words between its halves)', bracketed: ' (a note in brackets inside it)', joined: ' (its words run together or apart)', symbol: ' (written as its element symbol)', formula: ' (in a chemical formula naming the element)', together: ' (its terms in different places)' } as const;

/** Keywords found in the text (as `screen` finds them in a description), and titles or keywords containing it. */
async function byText(rs: RuleSet, folded: string, add: Add): Promise<void> {
  const { findKeywords } = await import('../engine/items.js');
  for (const hit of findKeywords(rs, folded)) add(hit.value.item, `keyword "${hit.value.keyword}"${hit.form ? FORM_NOTES[hit.form] : ''}`, 0);
  if (folded.length < 2 && !/[^\p{Script=Latin}\d\s]/u.test(folded)) return;
  for (const ci of rs.items) {
    const { title, keywords } = ci.item;
    if ([title.en, title.zh, title.ja].some((t) => t !== undefined && foldText(t).includes(folded))) add(ci, 'title', 1);
    for (const kw of keywordWords(keywords)) {
      if (foldText(kw).includes(folded)) add(ci, `keyword "${kw}"`, 1);
    }
    for (const groups of ci.item.together) {
      const terms = groups.filter((g) => Array.isArray(g));
      if (terms.some((g) => g.some((t) => foldText(t).includes(folded)))) add(ci, `together with other terms: ${groups.map(togetherGroupText).join(' + ')}`, 1);
    }
  }
}

const sideText = (c: QuantityCondition): string =>
  c.atLeast !== undefined ? `at least ${c.atLeast}` : c.above !== undefined ? `above ${c.above}` : c.below !== undefined ? `below ${c.below}` : `at most ${c.atMost}`;

const togetherGroupText = (g: string[] | QuantityCondition): string =>
  Array.isArray(g) ? g.join(' | ') : `${sideText(g)} ${g.quantity}`;

/** Scored as `screen` scores consignees and end users (names, ships, addresses), plus names that contain the text. */
export function partiesByName(rs: RuleSet, raw: string): PartyByName[] {
  const found = new Map<string, PartyByName>();
  for (const m of rs.parties.match(raw)) {
    const blocking = rs.parties.isBlocking(m);
    found.set(m.ref.party.id, { ref: m.ref, name: m.name, score: m.score, blocking, how: `name score ${m.score.toFixed(2)}${m.reviewOnly ? ' (review-only name)' : ''}` });
  }
  for (const { ref, text, certain } of rs.ships.find(raw)) {
    if (found.has(ref.party.id)) continue;
    const how = certain ? 'a ship of it: its prefix and a hull number' : 'its ship prefix without a hull number (review-only)';
    found.set(ref.party.id, { ref, name: text, score: 1, blocking: certain, how });
  }
  for (const { entry, matched } of rs.partyAddresses.find(raw)) {
    if (found.has(entry.ref.party.id)) continue;
    found.set(entry.ref.party.id, { ref: entry.ref, name: matched, score: 1, blocking: false, how: `an address of it (${entry.label}): review only` });
  }
  if (foldText(raw).trim().length >= 3) {
    for (const { ref, name } of rs.parties.containing(raw)) {
      if (!found.has(ref.party.id)) found.set(ref.party.id, { ref, name, blocking: false, how: 'a listed name contains the text' });
    }
  }
  return [...found.values()];
}
