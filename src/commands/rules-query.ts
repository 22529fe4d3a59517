/**
 * `dualscreen rules list` and `rules show`: what the packs encode, for people (text) and machines (JSON).
 * `show` takes a pack, item, measure or party id, a control code, or the id of one of dualscreen's own
 * rules (dualscreen.data.unclassified-sensitive); `list` filters by pack, kind, category and text.
 */
import { stringify } from 'yaml';
import { statusOn } from '../engine/rule-status.js';
import { UserError } from '../errors.js';
import { normaliseControlCode } from '../match/codes.js';
import { BUILTIN_RULES, BUILTIN_SOURCE } from '../rules/builtin-rules.js';
import { partyName } from '../rules/labels.js';
import { loadRulePacks, type LoadedPack } from '../rules/load.js';
import type { Item, Measure, Party, RulePack, Source } from '../rules/schema.js';

const KINDS = ['items', 'measures', 'parties'] as const;
type Kind = (typeof KINDS)[number];
type Entry = Item | Measure | Party;

export interface QueryOptions {
  rules?: string[];
  asOf: string;
  format: 'text' | 'json';
  write: (text: string) => void;
}

export interface ListFilters {
  /** Pack ids, exactly or as a prefix (cn-catalogue). */
  pack?: string;
  kind?: Kind;
  /** A category of the control list (0 to 9, the code's first digit), a family tag (rare-earth) or a party list (watch). */
  category?: string;
  /** Words that must all appear in the id, control code, titles, names or keywords (any case). */
  text?: string;
}

/** What an entry is, on one line: code or list, status, title or name. */
function summary(kind: Kind, e: Entry, asOf: string): { id: string; code: string; status: string; title: string } {
  if (kind === 'items') {
    const i = e as Item;
    return { id: i.id, code: i.controlCode ?? '-', status: statusOn(i, asOf).state, title: i.title.en };
  }
  if (kind === 'measures') {
    const m = e as Measure;
    return { id: m.id, code: m.verdict, status: statusOn(m, asOf).state, title: m.title };
  }
  const p = e as Party;
  return { id: p.id, code: p.list, status: p.listed ? `listed ${p.listed}` : '', title: partyName(p) };
}

/** Every text of an entry a search may meet. */
function searchable(e: Entry): string {
  return JSON.stringify(e).normalize('NFKC').toLowerCase();
}

function matches(kind: Kind, e: Entry, f: ListFilters): boolean {
  if (f.kind && f.kind !== kind) return false;
  if (f.category !== undefined) {
    const c = f.category.toLowerCase();
    const inCategory =
      kind === 'items'
        ? /^\d$/.test(c)
          ? (e as Item).controlCode?.startsWith(c) === true
          : (e as Item).tags.includes(c)
        : kind === 'parties'
          ? (e as Party).list === c
          : kind === 'measures' && ((e as Measure).when.itemTags ?? []).includes(c);
    if (!inCategory) return false;
  }
  if (f.text) {
    const hay = searchable(e);
    if (!f.text.normalize('NFKC').toLowerCase().split(/\s+/).every((w) => w === '' || hay.includes(w))) return false;
  }
  return true;
}

const packMatches = (pack: RulePack, f: ListFilters): boolean => !f.pack || pack.id === f.pack || pack.id.startsWith(f.pack);

export function listRules(o: QueryOptions, f: ListFilters = {}): number {
  const loaded = loadRulePacks(o.rules);
  const filtered = f.kind !== undefined || f.category !== undefined || f.text !== undefined;
  const packs = loaded
    .filter((lp) => packMatches(lp.pack, f))
    .map((lp) => ({
      lp,
      entries: Object.fromEntries(KINDS.map((k) => [k, (lp.pack[k] as Entry[]).filter((e) => matches(k, e, f)).map((e) => summary(k, e, o.asOf))])) as Record<
        Kind,
        ReturnType<typeof summary>[]
      >,
    }))
    .filter((p) => !filtered || KINDS.some((k) => p.entries[k].length > 0));
  if (f.pack && packs.length === 0 && !loaded.some((lp) => packMatches(lp.pack, f))) {
    throw new UserError(`rules list: no pack "${f.pack}" (packs: ${loaded.map((lp) => lp.pack.id).join(', ')})`);
  }
  if (o.format === 'json') {
    const doc = {
      schema: 'dualscreen/rules-list@1',
      asOf: o.asOf,
      filters: f,
      packs: packs.map(({ lp, entries }) => ({ id: lp.pack.id, version: lp.pack.version, dataAsOf: lp.pack.dataAsOf, title: lp.pack.title, path: lp.path, sha256: lp.sha256, ...entries })),
    };
    o.write(`${JSON.stringify(doc, null, 2)}\n`);
    return 0;
  }
  const lines: string[] = [];
  for (const { lp, entries } of packs) {
    const { pack } = lp;
    lines.push(`${pack.id} ${pack.version} (data as of ${pack.dataAsOf}) — ${pack.title}  [${lp.path}]`);
    lines.push(`  ${pack.items.length} items, ${pack.measures.length} measures, ${pack.parties.length} parties; sources: ${pack.sources.map((s) => s.id).join(', ')}`);
    for (const k of KINDS) for (const e of entries[k]) lines.push(`    ${e.id.padEnd(34)} ${e.code.padEnd(10)} ${e.status.padEnd(9)} ${e.title}`);
  }
  const count = packs.reduce((n, p) => n + KINDS.reduce((m, k) => m + p.entries[k].length, 0), 0);
  if (filtered) lines.push(`${count} entr${count === 1 ? 'y' : 'ies'} in ${packs.length} pack${packs.length === 1 ? '' : 's'}`);
  o.write(`${lines.join('\n')}\n`);
  return 0;
}

interface Found {
  kind: 'pack' | 'item' | 'measure' | 'party' | 'builtin';
  id: string;
  pack?: string;
  defined?: string;
  status?: string;
  entry: Record<string, unknown>;
  sources: Source[];
}

const SINGULAR = { items: 'item', measures: 'measure', parties: 'party' } as const;

function sourcesOf(pack: RulePack, e: Entry): Source[] {
  const ids = new Set<string>([e.source, ...('suspended' in e ? e.suspended.map((s) => s.source) : []), ...('stopped' in e && e.stopped ? [e.stopped.source] : [])]);
  return pack.sources.filter((s) => ids.has(s.id));
}

/** Everything a query names: an id, or the items of a control code (and of its sub-items when the code is a heading). */
function find(loaded: LoadedPack[], query: string, asOf: string): Found[] {
  const q = query.trim();
  const builtin = BUILTIN_RULES.find((r) => r.id === q);
  if (builtin) return [{ kind: 'builtin', id: builtin.id, status: 'raised by dualscreen itself', entry: { ...builtin }, sources: [] }];
  const code = normaliseControlCode(q);
  const out: Found[] = [];
  for (const lp of loaded) {
    const { pack } = lp;
    if (pack.id === q) {
      const { items, measures, parties, ...rest } = pack;
      out.push({
        kind: 'pack',
        id: pack.id,
        defined: lp.path,
        entry: { ...rest, items: items.map((i) => i.id), measures: measures.map((m) => m.id), parties: parties.map((p) => p.id), sha256: lp.sha256 },
        sources: [],
      });
      continue;
    }
    for (const k of KINDS) {
      (pack[k] as Entry[]).forEach((e, index) => {
        const byCode = k === 'items' && code !== undefined && ((e as Item).controlCode === code || (e as Item).controlCode?.startsWith(`${code}.`));
        if (e.id !== q && !byCode) return;
        const status = k === 'parties' ? ((e as Party).listed ? `listed ${(e as Party).listed}` : undefined) : statusOn(e as Item | Measure, asOf).state;
        out.push({ kind: SINGULAR[k], id: e.id, pack: pack.id, defined: lp.locate([k, index]), ...(status ? { status } : {}), entry: { ...e }, sources: sourcesOf(pack, e) });
      });
    }
  }
  return out;
}

const isEmpty = (v: unknown): boolean => (Array.isArray(v) ? v.length === 0 : v !== null && typeof v === 'object' && Object.keys(v).length === 0);

/** For people: the fields that say something (an item's empty keyword and exclusion lists left out; JSON keeps them). */
const withoutEmpty = (body: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(body).filter(([, v]) => !isEmpty(v)));

export function showRule(o: QueryOptions, query: string): number {
  const found = find(loadRulePacks(o.rules), query, o.asOf);
  if (found.length === 0) {
    throw new UserError(
      `rules show: no pack, item, measure, party, control code or rule "${query}" (see dualscreen rules list --text WORD; dualscreen's own rules: ${BUILTIN_RULES.map((r) => r.id).join(', ')})`,
    );
  }
  if (o.format === 'json') {
    o.write(`${JSON.stringify({ schema: 'dualscreen/rules-show@1', query, asOf: o.asOf, found }, null, 2)}\n`);
    return 0;
  }
  const blocks = found.map((f) => {
    const head = `${f.id}  (${f.kind === 'builtin' ? "dualscreen's own rule" : f.kind}${f.pack ? `, pack ${f.pack}` : ''}${f.defined ? `, ${f.defined}` : ''})`;
    const status = f.status ? [`status on ${o.asOf}: ${f.status}`] : [];
    const { id: _id, source: _source, ...body } = f.entry;
    const sources =
      f.kind === 'builtin'
        ? [`source: ${BUILTIN_SOURCE}`]
        : f.sources.length
          ? ['sources:', ...f.sources.map((s) => `  ${s.id}: ${s.title}${s.issuer ? `, ${s.issuer}` : ''}${s.date ? `, ${s.date}` : ''}${s.url ? `\n    ${s.url}` : ''}${s.confidence && s.confidence !== 'HIGH' ? `\n    confidence ${s.confidence}` : ''}`)]
          : [];
    return [head, ...status, stringify(withoutEmpty(body), { lineWidth: 110 }).trimEnd(), ...sources].join('\n');
  });
  o.write(`${blocks.join('\n\n')}\n`);
  return 0;
}
