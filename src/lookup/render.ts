/** A lookup's answer as text for a consultant or as JSON (`dualscreen/lookup@1`), with every date judged on the as-of day. */
import { addDays } from '../calendar.js';
import type { CompiledItem, PartyRef, RuleSet } from '../engine/compile.js';
import { partyStatusOn, statusOn } from '../engine/rule-status.js';
import { english, listName, partyLabel, partyName } from '../i18n/labels.js';
import type { PartyList } from '../rules/schema.js';
import type { HsHeading } from '../match/hs-nomenclature.js';
import type { ItemHit, LookupResult, PartyByName } from './search.js';

export interface LookupAnswer extends LookupResult {
  asOf: string;
  hsHeadings: HsHeading[];
  /** Which lists and countries were searched for a party (listsSearched). */
  listsSearched: string;
}

/** An empty answer is not a clearance: say what was not found, and where else to look. */
const NOTHING = {
  'hs-code': 'No item has a reference HS code equal to, under or covering this code. Goods under it can still be controlled for what they are: look up the description or the control code.',
  'control-code': 'No item is encoded for this control code.',
  cas: 'No item names this CAS number. The substance can still be controlled under a description: look it up by name.',
  text: 'No item keyword or title matches this text.',
} as const;

const KIND_NAMES = { 'hs-code': 'HS code', 'control-code': 'control code', cas: 'CAS number', text: 'text' } as const;

/** "in force since 2025-04-04", "suspended until 2026-11-10 by …", "not yet in force: from …", "ended: …". */
export function itemStatus(ci: CompiledItem, asOf: string, cite: (title: string, url?: string) => string = (title) => title): string {
  const { item } = ci;
  const by = (id: string): string => {
    const source = ci.suspensionSources.get(id);
    return source ? cite(source.title, source.url) : id;
  };
  const status = statusOn(item, asOf);
  switch (status.state) {
    case 'suspended':
      return `suspended until ${status.to} by ${by(status.source)} (since ${status.from})`;
    case 'not-yet':
      return `not yet in force: from ${status.from}`;
    case 'ended':
      return `ended: last day in force ${status.to}`;
    case 'in-force': {
      const until = item.effective.to ? ` until ${item.effective.to}` : '';
      const next = item.suspended.find((s) => s.from > asOf);
      const last = item.suspended.filter((s) => s.to < asOf).sort((a, b) => (a.to < b.to ? -1 : 1)).at(-1);
      const since = last ? `again since ${addDays(last.to, 1)} (suspended ${last.from} to ${last.to} by ${by(last.source)})` : `since ${item.effective.from}`;
      return `in force ${since}${until}${next ? `; to be suspended ${next.from} to ${next.to} by ${by(next.source)}` : ''}`;
    }
  }
}

export function partyStatus(ref: PartyRef, asOf: string): string {
  const { list, listed } = ref.party;
  if (list === 'military-user') return 'military user by definition';
  if (list === 'defence-contractor') return 'prime contractor of a defence ministry (not a listing): dual-use items raise review';
  const status = partyStatusOn(ref.party, asOf);
  const by = (id: string): string => ref.suspensionSources.get(id)?.title ?? id;
  switch (status.state) {
    case 'not-yet':
      return `not yet listed: from ${status.from}`;
    case 'delisted':
      return `delisted on ${status.on}`;
    case 'stopped':
      return `listed ${listed}; measures stopped from ${status.from} (${by(status.source)}): the entity stays named`;
    case 'suspended':
      return `listed ${listed}; measures suspended ${status.from} to ${status.to} (${by(status.source)})`;
    case 'in-force': {
      const next = ref.party.suspended.find((s) => s.from > asOf);
      const extras = [ref.party.tradeBan ? 'bans China-related import and export' : '', ref.party.transferBan ? 'bars transfers from abroad' : ''].filter(Boolean);
      return `listed since ${listed ?? '?'}${extras.length > 0 ? ` (the listing ${extras.join(' and ')})` : ''}${next ? `; to be suspended ${next.from} to ${next.to}` : ''}`;
    }
  }
}

/** Which lists and countries the packs encode: a negative answer is only as wide as this. */
export function listsSearched(rs: RuleSet): string {
  const byList = new Map<PartyList, Map<string, number>>();
  for (const ref of rs.partyRefs) {
    const countries = byList.get(ref.party.list) ?? new Map<string, number>();
    countries.set(ref.party.country, (countries.get(ref.party.country) ?? 0) + 1);
    byList.set(ref.party.list, countries);
  }
  const lists = [...byList].map(([list, countries]) => {
    const parts = [...countries].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c, n]) => `${c} ${n}`);
    return `${english(listName(list))} (${parts.join(', ')})`;
  });
  return `Lists searched, entities by country: ${lists.join('; ')}.`;
}

const hsCodeText = (h: CompiledItem['item']['hsCodes'][number]): string =>
  typeof h === 'string' ? h : `${h.value}${h.confidence ? ` (${h.confidence})` : ''}`;

/** Sources are listed once at the end and cited by number: many items share one announcement. */
export class SourceList {
  private readonly numbers = new Map<string, number>();
  cite(title: string, url: string | undefined): string {
    const key = `${title}${url ? ` ${url}` : ''}`;
    let n = this.numbers.get(key);
    if (n === undefined) this.numbers.set(key, (n = this.numbers.size + 1));
    return `[${n}]`;
  }
  lines(): string[] {
    return this.numbers.size === 0 ? [] : ['', 'Sources:', ...[...this.numbers].map(([text, n]) => `  [${n}] ${text}`)];
  }
}

export function lookupText(a: LookupAnswer): string {
  const sources = new SourceList();
  const out = [`lookup "${a.query.raw}" (${KIND_NAMES[a.query.kind]}) as of ${a.asOf}`];
  for (const h of a.hsHeadings) out.push(`  HS ${h.code.padEnd(6)}  ${h.description}`);
  for (const n of a.notes) out.push(`  note: ${n}`);
  out.push('');
  if (a.items.length === 0) out.push(NOTHING[a.query.kind]);
  else out.push(`${a.items.length} item${a.items.length === 1 ? '' : 's'}:`);
  for (const hit of a.items) out.push(...itemBlock(hit, a.asOf, sources));
  if (a.parties.length > 0) {
    out.push('', `${a.parties.length} listed part${a.parties.length === 1 ? 'y' : 'ies'}:`);
    for (const p of a.parties) out.push(...partyBlock(p, a.asOf, sources));
  } else if (a.query.kind === 'text') {
    out.push('No listed party has this name, a name that scores as a possible match, or a name containing it.');
  }
  if (a.query.kind === 'text') out.push(a.listsSearched);
  out.push(...sources.lines());
  return `${out.join('\n')}\n`;
}

function itemBlock({ item: ci, how }: ItemHit, asOf: string, sources: SourceList): string[] {
  const { item } = ci;
  const titles = [item.title.en, item.title.zh, item.title.ja].filter((t) => t !== undefined).join(' · ');
  const lines = [`  ${item.id}  ${item.controlCode ?? '-'}  ${titles}`, `    matched   ${how.join('; ')}`, `    status    ${itemStatus(ci, asOf, (title, url) => sources.cite(title, url))}`];
  if (item.hsCodes.length > 0) lines.push(`    HS codes  ${item.hsCodes.map(hsCodeText).join(', ')}`);
  if (item.cas.length > 0) lines.push(`    CAS       ${item.cas.map((c) => (typeof c === 'string' ? c : c.value)).join(', ')}`);
  if (item.confidence !== 'HIGH') lines.push(`    confidence ${item.confidence}`);
  const suspensions = item.suspended.map((s) => {
    const src = ci.suspensionSources.get(s.source);
    return `; suspended ${s.from} to ${s.to} by ${sources.cite(src?.title ?? s.source, src?.url)}`;
  });
  lines.push(`    source    ${sources.cite(ci.source.title, ci.source.url)}${suspensions.join('')} (pack ${ci.packId})`);
  return lines;
}

export function partyBlock(p: PartyByName, asOf: string, sources: SourceList): string[] {
  const { party } = p.ref;
  const verdict = p.score === undefined ? '' : p.blocking ? '; screen: the listed party' : '; screen: a possible match (review)';
  return [
    `  ${party.id}  ${partyLabel(party)}`,
    `    matched   "${p.name}": ${p.how}${verdict}`,
    `    status    ${partyStatus(p.ref, asOf)}`,
    `    source    ${sources.cite(p.ref.source, p.ref.sourceUrl)}`,
  ];
}

export function lookupJson(a: LookupAnswer): string {
  const doc = {
    schema: 'dualscreen/lookup@1',
    query: a.query.raw,
    kind: a.query.kind,
    normalised: a.query.key,
    asOf: a.asOf,
    hsHeadings: a.hsHeadings,
    notes: a.notes,
    listsSearched: a.listsSearched,
    items: a.items.map(({ item: ci, how }) => ({
      id: ci.item.id,
      pack: ci.packId,
      controlCode: ci.item.controlCode ?? null,
      title: ci.item.title,
      matched: how,
      status: { ...statusOn(ci.item, a.asOf), text: itemStatus(ci, a.asOf) },
      effective: ci.item.effective,
      suspended: ci.item.suspended.map((s) => ({ ...s, sourceTitle: ci.suspensionSources.get(s.source)?.title, sourceUrl: ci.suspensionSources.get(s.source)?.url })),
      hsCodes: ci.item.hsCodes,
      cas: ci.item.cas,
      confidence: ci.item.confidence,
      tags: ci.item.tags,
      source: ci.source,
    })),
    parties: a.parties.map((p) => ({
      id: p.ref.party.id,
      list: p.ref.party.list,
      country: p.ref.party.country,
      name: partyName(p.ref.party),
      matchedName: p.name,
      score: p.score ?? null,
      blocking: p.blocking,
      matched: p.how,
      status: partyStatus(p.ref, a.asOf),
      listed: p.ref.party.listed ?? null,
      delisted: p.ref.party.delisted ?? null,
      source: { title: p.ref.source, url: p.ref.sourceUrl },
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
