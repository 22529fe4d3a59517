/** Screens one row against a compiled rule set: pure, no I/O, usable from a worker or a test. */
import { type Evidence, type Finding, type Result } from '../model/result.js';
import type { Row } from '../model/row.js';
import { mostSevere, SEVERITY, type Verdict } from '../model/verdict.js';
import { LIST_NAMES } from '../rules/labels.js';
import type { ItemStrength } from '../rules/schema.js';
import type { CompiledMeasure, RuleSet } from './compile.js';
import { scopeEvidence } from './goods-scope.js';
import { matchItems, type ItemMatch, type ItemMatches } from './items.js';
import { findNexus, militaryEvidence, militaryOnlyReviewOnly, militaryUses, onList, partyEvidence, type InactiveParty, type Nexus, type PartyHit } from './nexus.js';
import { inForce, type Status } from './rule-status.js';

export interface ScreenOptions {
  /** YYYY-MM-DD: the day whose rules apply. */
  asOf: string;
}

const ENGINE_SOURCE = 'dualscreen screening policy (fail closed)';

/**
 * Which measures reach the row. export: exported from China, or no export country given;
 * re-export: exported from another country, of PRC origin; re-export-unknown-origin: exported from
 * another country, origin not given (the transfer clauses reach it only if the goods are of PRC origin).
 */
type Route = 'export' | 're-export' | 're-export-unknown-origin';

export function screen(row: Row, rs: RuleSet, { asOf }: ScreenOptions): Result {
  const { norm } = row;
  const notes: string[] = [];
  const { exportCountry, originCountry } = norm;
  if (exportCountry !== undefined && exportCountry !== 'CN' && originCountry !== undefined && originCountry !== 'CN') {
    notes.push(`outside these PRC measures: exported from ${exportCountry} and of ${originCountry} origin (neither is China)`);
    return { row, verdict: 'clear', findings: [], notes };
  }
  const route: Route = exportCountry === undefined || exportCountry === 'CN' ? 'export' : originCountry === 'CN' ? 're-export' : 're-export-unknown-origin';

  const items = matchItems(row, rs, asOf);
  if (quiet(row, rs, items)) return { row, verdict: 'clear', findings: [], notes };
  const findings: Finding[] = [];
  const nexus = findNexus(row, rs, asOf);
  // described only for rows that get a review finding: most rows never need it
  const context = (() => {
    let text: string | undefined;
    return (): string => (text ??= describeContext(nexus));
  })();

  const itemFindings: Finding[] = [];
  const prefixMatches = items.matches.filter(isHsPrefixMatch);
  const headingMatches = items.matches.filter((m) => m.viaHeading !== undefined);
  for (const m of items.matches) if (!isHsPrefixMatch(m) && m.viaHeading === undefined) itemFindings.push(itemFinding(m, context));
  if (prefixMatches.length > 0) itemFindings.push(hsPrefixFinding(row, prefixMatches, context));
  for (const heading of new Set(headingMatches.map((m) => m.viaHeading!))) {
    itemFindings.push(headingFinding(heading, headingMatches.filter((m) => m.viaHeading === heading), context));
  }
  itemFindings.push(...unencodedFindings(rs, row, items, context));
  if (route === 'export') findings.push(...itemFindings);
  // on a re-export the items' own licence requirements bind exporters in China, not this exporter
  else for (const f of itemFindings) notes.push(`re-export from ${exportCountry}: ${f.message} [${f.ruleId}]; an item's licence requirement applies to exports from China, so only the transfer clauses reach this row`);
  for (const n of items.notInForce) notes.push(notInForceNote(n.item.item.controlCode ?? n.item.item.id, n.item.item.title.en, n.status, n.item.suspensionSources));

  const fired = new Set<string>();
  const listingsUsed = new Set<PartyHit>();
  for (const cm of rs.measures) {
    if (!inForce(cm.measure, asOf)) continue;
    const applied = applyMeasure(cm, row, items.matches, nexus, route);
    if (applied) {
      findings.push(applied.finding);
      fired.add(cm.measure.when.goods);
      for (const p of applied.listings) listingsUsed.add(p);
    }
  }

  const unclassified = norm.hs.kind === 'none' && norm.controlCodes.kind === 'none';
  const hasItem = items.matches.length > 0 || items.unencoded.length > 0;
  findings.push(...partyFindings(nexus, { hasItem, unclassified }, fired.size > 0, listingsUsed, notes));
  for (const p of nexus.inactive) notes.push(inactivePartyNote(p));
  findings.push(...dataFindings(row, nexus, unclassified, hasItem, fired.has('unidentified') || fired.has('any'), notes));

  findings.sort((a, b) => SEVERITY[b.verdict] - SEVERITY[a.verdict]);
  return { row, verdict: mostSevere(findings.map((f) => f.verdict)), findings, notes };
}

/**
 * Most rows: classified, naming no item, no listed party and no military use. Nothing below could
 * add a finding or a note to them (no measure without an item, a party or a military use, no data
 * finding for a valid HS code), so they skip it.
 */
function quiet(row: Row, rs: RuleSet, items: ItemMatches): boolean {
  const { norm } = row;
  return (
    items.matches.length === 0 &&
    items.unencoded.length === 0 &&
    items.notInForce.length === 0 &&
    norm.hs.kind === 'valid' &&
    norm.controlCodes.kind !== 'invalid' &&
    (norm.consignee === '' || rs.parties.match(norm.consignee).length === 0) &&
    (norm.endUser === '' || rs.parties.match(norm.endUser).length === 0) &&
    militaryUses(row, rs).length === 0
  );
}

/** A declared 4-, 6- or 8-digit code that is the beginning of longer reference codes. */
function isHsPrefixMatch(m: ItemMatch): boolean {
  return m.evidence.kind === 'hs-code' && m.strength === 'possible' && m.evidence.matched.length > m.evidence.value.replace(/\D/g, '').length;
}

const itemTitle = (m: ItemMatch): string => {
  const { item } = m.item;
  return item.controlCode ? `${item.controlCode} ${item.title.en}` : item.title.en;
};

/** One finding for an HS heading that covers several controlled items, rather than one per item. */
function hsPrefixFinding(row: Row, matches: ItemMatch[], context: () => string): Finding {
  const declared = row.values.hs_code?.trim() ?? '';
  const titles = matches.map(itemTitle);
  const shown = titles.length > 5 ? `${titles.slice(0, 5).join('; ')}; and ${titles.length - 5} more` : titles.join('; ');
  const sources = [...new Set(matches.map((m) => m.item.source.title))];
  return {
    ruleId: matches.length === 1 ? matches[0]!.item.item.id : 'dualscreen.hs-code.covers-controlled',
    verdict: 'review',
    message:
      `possible dual-use item: HS ${declared} covers the reference codes of ${matches.length} controlled item${matches.length === 1 ? '' : 's'} (${shown}) among others: ` +
      `give the full 10-digit code or the control code${alsoHas(context())}`,
    source: sources.join('; '),
    sourceUrl: matches.length === 1 ? matches[0]!.item.source.url : undefined,
    evidence: dedupe(matches.map((m) => m.evidence)),
  };
}

/** A declared heading over listed sub-items: one finding naming them, as strong as the strongest. */
function headingFinding(heading: string, matches: ItemMatch[], context: () => string): Finding {
  const titles = matches.map(itemTitle);
  const shown = titles.length > 5 ? `${titles.slice(0, 5).join('; ')}; and ${titles.length - 5} more` : titles.join('; ');
  const listed = matches.some((m) => m.strength !== 'possible');
  return {
    ruleId: matches.length === 1 ? matches[0]!.item.item.id : 'dualscreen.control-code.covers-listed',
    verdict: listed ? 'license' : 'review',
    message:
      `${listed ? 'dual-use item: export licence required' : 'possible dual-use item: check the classification'}: declared control code ${heading} ` +
      `is the heading of ${matches.length} listed item${matches.length === 1 ? '' : 's'} (${shown}); declare the sub-item${listed ? '' : alsoHas(context())}`,
    source: [...new Set(matches.map((m) => m.item.source.title))].join('; '),
    sourceUrl: matches.length === 1 ? matches[0]!.item.source.url : undefined,
    evidence: dedupe(matches.map((m) => m.evidence)),
  };
}

function itemFinding(m: ItemMatch, context: () => string): Finding {
  const title = itemTitle(m);
  const { item } = m.item;
  const how = {
    'control-code': `declared control code ${m.evidence.matched}`,
    'hs-code': `HS code matches reference code ${m.evidence.matched}`,
    cas: `CAS number ${m.evidence.matched}`,
    keyword: `description mentions "${m.evidence.matched}"`,
  }[m.evidence.kind as 'control-code' | 'hs-code' | 'cas' | 'keyword'];
  const shared = m.sharedWith.length > 0 ? `; the code is shared with ${m.sharedWith.join(', ')}` : '';
  const qualifier = m.qualifier ? `; ${m.qualifier}` : '';
  const verdict = m.strength === 'possible' ? 'review' : 'license';
  const decides = verdict === 'review' && item.decidedBy ? `; decided by ${item.decidedBy}` : '';
  const lead = verdict === 'license' ? 'dual-use item: export licence required' : 'possible dual-use item: check the classification';
  const ctx = verdict === 'review' ? alsoHas(context()) : '';
  return {
    ruleId: item.id,
    verdict,
    message: `${lead}: ${title} (${how}${shared}${qualifier}${decides})${ctx}`,
    source: m.item.source.title,
    sourceUrl: m.item.source.url,
    evidence: [m.evidence],
  };
}

function unencodedFindings(rs: RuleSet, row: Row, items: ItemMatches, context: () => string): Finding[] {
  return items.unencoded.map(({ code, subItems, from }) => {
    const explanation = from
      ? `${code} is encoded only from ${from}, after the as-of date: on that date it is not explained by these rule packs; review it against the list then in force`
      : subItems.length > 0
        ? `${code} is not encoded itself, but its sub-items ${subItems.slice(0, 6).join(', ')}${subItems.length > 6 ? ' …' : ''} are: declare the sub-item`
        : `${code} (${explainCode(rs, code)}) is not encoded in these rule packs: review it against the official list`;
    return {
      ruleId: 'dualscreen.control-code.not-encoded',
      verdict: 'review',
      message: `${explanation}${alsoHas(context())}`,
      source: rs.structureSource?.title ?? 'MOFCOM/MIIT/GACC/SCA 2024 No. 51 (code format)',
      sourceUrl: rs.structureSource?.url,
      evidence: [{ field: 'control_code', value: row.values.control_code ?? '', matched: code, kind: 'control-code' }],
    } satisfies Finding;
  });
}

/** "category 1 special materials …, type C materials". */
export function explainCode(rs: RuleSet, code: string): string {
  const category = rs.categories.get(code[0] ?? '');
  const type = rs.itemTypes.get(code[1] ?? '');
  const parts = [
    category ? `category ${code[0]} ${category.en}` : `category ${code[0]}`,
    type ? `type ${code[1]} ${type.en}` : `type ${code[1]}`,
  ];
  return parts.join(', ');
}

function notInForceNote(label: string, title: string, status: Status, sources: Map<string, { title: string }>): string {
  switch (status.state) {
    case 'suspended':
      return `${label} ${title} is suspended from ${status.from} to ${status.to} by ${sources.get(status.source)?.title ?? status.source}: not counted`;
    case 'not-yet':
      return `${label} ${title} is controlled only from ${status.from}: not counted`;
    case 'ended':
      return `${label} ${title} was controlled until ${status.to}: not counted`;
    default:
      return `${label} ${title}`;
  }
}

function inactivePartyNote({ hit, status }: InactiveParty): string {
  const who = `${hit.field} "${hit.value}" is ${nameOf(hit)} on ${LIST_NAMES[hit.ref.party.list]} (listed ${hit.ref.party.listed ?? '?'}, ${hit.ref.source})`;
  const by = hit.ref.suspensionSources.get(status.source)?.title ?? status.source;
  const why =
    status.state === 'stopped'
      ? `its measures stopped from ${status.from} (${by}); the entity stays named, so dual-use items to it still need the ordinary licence`
      : `its measures are suspended from ${status.from} to ${status.to} (${by}): not counted on this date`;
  return `${who}: ${why}`;
}

/**
 * A measure's finding when its conditions hold on the row: the goods (identified dual-use items, goods
 * not identified, any goods, or goods within a catch-all's scope), the country, the military use and
 * the listed parties. On a re-export only measures whose clauses reach transfers apply, and a listing
 * only through parties whose listing bars transfers; with the origin unknown they raise review only.
 */
function applyMeasure(cm: CompiledMeasure, row: Row, items: ItemMatch[], nexus: Nexus, route: Route): { finding: Finding; listings: PartyHit[] } | undefined {
  const { measure } = cm;
  const when = measure.when;
  if (route !== 'export' && measure.reach !== 'transfer') return undefined;
  if (when.route === 're-export' && route === 'export') return undefined;
  // who and where first: they are cheap, and most rows fail them before the goods are looked at
  const country = when.nexus ? nexus.countries.get(when.nexus) : undefined;
  if (when.nexus && !country) return undefined;
  const military = when.military ? militaryEvidence(nexus, when.nexus) : [];
  if (when.military && military.length === 0) return undefined;
  const listings = when.partyList
    ? onList(nexus, when.partyList).filter(
        (p) =>
          (when.partyTradeBan === undefined || p.ref.party.tradeBan === when.partyTradeBan) &&
          (route === 'export' || when.partyList !== 'control' || p.ref.party.transferBan),
      )
    : [];
  if (when.partyList && listings.length === 0) return undefined;

  const evidence: Evidence[] = [];
  let itemsText = '';
  switch (when.goods) {
    case 'identified':
    case 'unidentified': {
      const allowed = new Set<ItemStrength>(when.itemStrength);
      const identified = items.filter((m) => allowed.has(m.strength) && (!when.itemTags || m.item.item.tags.some((t) => when.itemTags!.includes(t))));
      if ((when.goods === 'identified') !== identified.length > 0) return undefined;
      evidence.push(...identified.map((m) => m.evidence));
      if (identified.length > 0) itemsText = `items: ${[...new Set(identified.map((m) => m.item.item.controlCode ?? m.item.item.title.en))].join(', ')}`;
      break;
    }
    case 'scope': {
      const e = cm.scope && scopeEvidence(row, cm.scope);
      if (!e) return undefined;
      evidence.push(e);
      itemsText = `goods: ${e.field} "${e.value}" → ${e.matched}`;
      break;
    }
    case 'any':
      break;
  }
  const goodsEvidence = evidence.length;
  if (country) evidence.push(country);
  evidence.push(...military, ...listings.map(partyEvidence));
  // a listing or military user named only by a LOW or review-only fact raises review, however severe the measure
  const reviewOnlyListing =
    (listings.length > 0 && listings.every((p) => !p.blocking)) || (when.military === true && militaryOnlyReviewOnly(nexus, when.nexus));
  const lowered = (route === 're-export-unknown-origin' || reviewOnlyListing) && SEVERITY[measure.verdict] > SEVERITY.review;
  const verdict: Verdict = lowered ? 'review' : measure.verdict;
  const capped = reviewOnlyListing && lowered ? ' (the listing or the name is a LOW-confidence or review-only fact: review only)' : '';
  const onRoute =
    route === 're-export'
      ? `re-export of PRC-origin goods from ${row.norm.exportCountry}: the transfer clause applies; `
      : route === 're-export-unknown-origin'
        ? `exported from ${row.norm.exportCountry}, origin not given: if the goods are of PRC origin, `
        : '';
  const details = [itemsText, ...evidence.slice(goodsEvidence).map(describeOne)].filter(Boolean).join('; ');
  const transfers = listings.some((p) => p.ref.party.transferBan)
    ? '; the listing also bars anyone abroad from transferring PRC-origin dual-use items to the entity'
    : '';
  // a listing's own announcement is the source a reader needs; the measure's general basis otherwise
  const listing = listings[0]?.ref;
  const finding: Finding = {
    ruleId: measure.id,
    verdict,
    message: `${onRoute}${measure.message}${transfers}${capped}${details ? ` (${details})` : ''}`,
    source: listing ? [...new Set(listings.map((p) => p.ref.source))].join('; ') : cm.source.title,
    sourceUrl: listing ? listing.sourceUrl : cm.source.url,
    evidence: dedupe(evidence),
  };
  return { finding, listings };
}

const describeOne = (e: Evidence): string => `${e.field} "${e.value}" → ${e.matched}${e.score !== undefined && e.score < 1 ? ` (${e.score})` : ''}`;

function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.field}\u0000${e.matched}\u0000${e.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Possible party matches raise review where an item is involved or the row is unclassified (for a
 * defence contractor, which is no listing, only where an item is involved); otherwise a note. A party
 * named for certain that no measure took up (a watch-list party buying goods that are not dual-use)
 * gets a note.
 */
function partyFindings(
  nexus: Nexus,
  row: { hasItem: boolean; unclassified: boolean },
  measureFired: boolean,
  listingsUsed: Set<PartyHit>,
  notes: string[],
): Finding[] {
  const findings: Finding[] = [];
  for (const p of nexus.parties) {
    if (listingsUsed.has(p) && !p.blocking) continue; // a measure's finding already says it, at review
    // a listing that bans trade whatever the goods makes even a possible match worth a look
    const relevant = row.hasItem || p.ref.party.tradeBan || (row.unclassified && p.ref.party.list !== 'defence-contractor');
    const listName = LIST_NAMES[p.ref.party.list];
    const listed = p.ref.party.listed ? `, listed ${p.ref.party.listed}` : '';
    if (p.blocking) {
      if (!relevant && !measureFired) notes.push(`${p.field} "${p.value}" is ${nameOf(p)} on ${listName}${listed}; the item was not identified as dual-use`);
      continue;
    }
    const why = p.reviewOnly ? 'a name that only flags for review' : `score ${p.score}`;
    const text = `${p.field} "${p.value}" may be ${nameOf(p)} on ${listName}${listed} (${why}: matched "${p.name}")`;
    if (!relevant) {
      notes.push(text);
      continue;
    }
    findings.push({
      ruleId: 'dualscreen.party.possible-match',
      verdict: 'review',
      message: `possible party match: ${text}`,
      source: p.ref.source,
      sourceUrl: p.ref.sourceUrl,
      evidence: [partyEvidence(p)],
    });
  }
  return findings;
}

function nameOf(p: PartyHit): string {
  const first = p.ref.party.names.en[0] ?? p.ref.party.names.zh[0] ?? p.ref.party.names.ja[0];
  return typeof first === 'string' ? first : (first?.name ?? p.name);
}

function dataFindings(row: Row, nexus: Nexus, unclassified: boolean, hasItem: boolean, failClosedFired: boolean, notes: string[]): Finding[] {
  const { norm } = row;
  const findings: Finding[] = [];
  const data = (ruleId: string, message: string, evidence: Evidence[]): Finding => ({
    ruleId,
    verdict: 'review',
    message,
    source: ENGINE_SOURCE,
    evidence,
  });
  if (norm.description === '' && unclassified) {
    findings.push(data('dualscreen.data.unidentified', 'no description, HS code or control code: the row cannot be judged', []));
    return findings;
  }
  if (norm.hs.kind === 'invalid') {
    findings.push(
      data('dualscreen.data.invalid-hs-code', `HS code "${norm.hs.raw}" is not a valid code: it ${norm.hs.reason}`, [
        { field: 'hs_code', value: row.values.hs_code ?? '', matched: '', kind: 'data' },
      ]),
    );
  }
  if (norm.controlCodes.kind === 'invalid') {
    findings.push(
      data('dualscreen.data.invalid-control-code', `control code "${norm.controlCodes.unreadable.join(' ')}" cannot be read (expected a code such as 1C902.a)`, [
        { field: 'control_code', value: row.values.control_code ?? '', matched: '', kind: 'data' },
      ]),
    );
  }
  if (unclassified) {
    // a defence contractor is not a listed entity: naming one does not make an unclassified row sensitive
    const listed = nexus.parties.filter((p) => p.ref.party.list !== 'military-user' && p.ref.party.list !== 'defence-contractor');
    const sensitive = [...militaryEvidence(nexus), ...listed.map(partyEvidence)];
    if (sensitive.length > 0 && !failClosedFired) {
      findings.push(
        data(
          'dualscreen.data.unclassified-sensitive',
          `no HS code or control code, and the row points to ${describeContext(nexus)}: it cannot be cleared unclassified`,
          dedupe(sensitive),
        ),
      );
    } else if (sensitive.length === 0 && !hasItem) {
      notes.push('no HS code or control code: judged on the description alone');
    }
  }
  return findings;
}

const alsoHas = (context: string): string => (context ? `; the row also has ${context}` : '');

/** "Japan (destination_country), military end use ("defense"), control-list party X". */
function describeContext(nexus: Nexus): string {
  const parts: string[] = [];
  for (const [code, e] of nexus.countries) if (code === 'JP' || code === 'US') parts.push(`${code} nexus (${e.field})`);
  const military = militaryEvidence(nexus);
  if (military.length > 0) parts.push(`a military nexus (${[...new Set(military.map((e) => `"${e.matched}"`))].join(', ')})`);
  for (const p of nexus.parties) {
    if (p.ref.party.list === 'military-user') continue;
    parts.push(`${p.blocking ? '' : 'possibly '}${LIST_NAMES[p.ref.party.list]} party ${nameOf(p)}`);
  }
  return parts.join(', ');
}
