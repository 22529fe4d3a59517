/**
 * What changed between two sets of rule packs, by id: packs (versions, dates, sources, terms), items,
 * measures and parties, down to single HS codes, keywords, names and dates. Pure.
 */
import type { LoadedPack } from './load.js';
import type { Item, Measure, Party, RulePack } from './schema.js';

export type Section = 'packs' | 'items' | 'measures' | 'parties';
export const SECTIONS: readonly Section[] = ['packs', 'items', 'measures', 'parties'];

/** One difference inside an entry: `hsCodes` + "2846901999", `suspended[2025-11-07].to` "2026-11-10" → "2027-11-10". */
export interface FieldChange {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  old?: unknown;
  new?: unknown;
}

export interface EntryDiff {
  section: Section;
  id: string;
  status: 'added' | 'removed' | 'changed';
  /** The entry as it is in NEW (as it was in OLD when removed). */
  entry: RulePack | Item | Measure | Party;
  pack: string;
  changes: FieldChange[];
}

export interface RuleDiff {
  entries: EntryDiff[];
  counts: Record<Section, { added: number; removed: number; changed: number }>;
}

interface Entry {
  section: Section;
  pack: string;
  value: RulePack | Item | Measure | Party;
}

/** Pack fields that describe the pack rather than hold its rules; the rules are compared entry by entry. */
const PACK_FIELDS = ['version', 'dataAsOf', 'title', 'sources', 'terms', 'structure'] as const;

function entries(packs: LoadedPack[]): Map<string, Entry> {
  const out = new Map<string, Entry>();
  for (const { pack } of packs) {
    const head = Object.fromEntries(PACK_FIELDS.map((k) => [k, pack[k]])) as unknown as RulePack;
    out.set(`packs\u0000${pack.id}`, { section: 'packs', pack: pack.id, value: head });
    for (const section of ['items', 'measures', 'parties'] as const) {
      for (const value of pack[section]) out.set(`${section}\u0000${value.id}`, { section, pack: pack.id, value });
    }
  }
  return out;
}

export function diffRulePacks(oldPacks: LoadedPack[], newPacks: LoadedPack[]): RuleDiff {
  const before = entries(oldPacks);
  const after = entries(newPacks);
  const out: EntryDiff[] = [];
  const idOf = (key: string): string => key.slice(key.indexOf('\u0000') + 1);
  for (const [key, a] of before) {
    const b = after.get(key);
    if (!b) {
      out.push({ section: a.section, id: idOf(key), status: 'removed', entry: a.value, pack: a.pack, changes: [] });
      continue;
    }
    const changes: FieldChange[] = [];
    compare('', a.value, b.value, changes);
    if (a.pack !== b.pack) changes.push({ path: 'pack', kind: 'changed', old: a.pack, new: b.pack });
    if (changes.length > 0) out.push({ section: a.section, id: idOf(key), status: 'changed', entry: b.value, pack: b.pack, changes });
  }
  for (const [key, b] of after) {
    if (!before.has(key)) out.push({ section: b.section, id: idOf(key), status: 'added', entry: b.value, pack: b.pack, changes: [] });
  }
  const order = { added: 0, removed: 1, changed: 2 };
  out.sort((x, y) => SECTIONS.indexOf(x.section) - SECTIONS.indexOf(y.section) || order[x.status] - order[y.status] || x.id.localeCompare(y.id));
  const counts = Object.fromEntries(SECTIONS.map((s) => [s, { added: 0, removed: 0, changed: 0 }])) as RuleDiff['counts'];
  for (const e of out) counts[e.section][e.status]++;
  return { entries: out, counts };
}

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Array elements are matched by what identifies them: an id, a code's value, a name, a window's start. */
function keyOf(v: unknown): string {
  if (!isPlain(v)) return String(v);
  for (const k of ['id', 'value', 'name', 'from', 'digit', 'letter']) if (typeof v[k] === 'string') return v[k] as string;
  return JSON.stringify(v);
}

function compare(path: string, a: unknown, b: unknown, out: FieldChange[]): void {
  if (same(a, b)) return;
  const at = (k: string): string => (path ? `${path}.${k}` : k);
  if (Array.isArray(a) && Array.isArray(b)) {
    const before = new Map(a.map((v) => [keyOf(v), v]));
    const after = new Map(b.map((v) => [keyOf(v), v]));
    for (const [k, v] of before) {
      const w = after.get(k);
      if (w === undefined) out.push({ path, kind: 'removed', old: v });
      else if (isPlain(v) && isPlain(w)) compare(`${path}[${k}]`, v, w, out);
      else if (!same(v, w)) out.push({ path: `${path}[${k}]`, kind: 'changed', old: v, new: w });
    }
    for (const [k, w] of after) if (!before.has(k)) out.push({ path, kind: 'added', new: w });
    return;
  }
  if (isPlain(a) && isPlain(b)) {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      // a missing list is an empty one: a new `ja` keyword list shows its keywords as added
      const x = a[k] ?? (Array.isArray(b[k]) ? [] : undefined);
      const y = b[k] ?? (Array.isArray(a[k]) ? [] : undefined);
      if (x === undefined) out.push({ path: at(k), kind: 'added', new: y });
      else if (y === undefined) out.push({ path: at(k), kind: 'removed', old: x });
      else compare(at(k), x, y, out);
    }
    return;
  }
  out.push({ path, kind: 'changed', old: a, new: b });
}
