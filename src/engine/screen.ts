/** Screens one row against a compiled rule set: pure, no I/O, usable from a worker or a test. */
import { english, field, itemLabelled, itemTitle as titleOf, listName, measureMessage, partyNames } from '../i18n/labels.js';
import { msg } from '../i18n/message.js';
import { countriesNamedIn } from '../match/countries.js';
import { type Msg, type Param } from '../model/message.js';
import { type Evidence, type Finding, type Result, type RowNexus } from '../model/result.js';
import type { Row } from '../model/row.js';
import { mostSevere, SEVERITY, type Verdict } from '../model/verdict.js';
import type { ItemStrength } from '../rules/schema.js';
import type { CompiledItem, CompiledMeasure, RuleSet } from './compile.js';
import { scopeEvidence } from './goods-scope.js';
import { isReferenceCode, matchItems, type ItemMatch, type ItemMatches } from './items.js';
import { findNexus, militaryEvidence, militaryOnlyReviewOnly, militaryUsesOf, namesNoParty, onList, partyEvidence, type InactiveParty, type Nexus, type PartyHit } from './nexus.js';
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

export function screen(written: Row, rs: RuleSet, { asOf }: ScreenOptions): Result {
  const notes: string[] = [];
  const noteText: Msg[] = [];
  const note = (m: Msg): void => {
    notes.push(english(m));
    noteText.push(m);
  };
  const row = asChineseReferenceCode(underOneHsCode(written, rs, note), rs, note);
  const { norm } = row;
  if (norm.hs.kind === 'valid' && norm.hs.zeroRestored) note(msg('note.hs-zero-restored', { declared: norm.hs.raw, digits: norm.hs.digits }));
  if (norm.controlCodes.kind === 'foreign') note(msg('note.foreign-control-code', { declared: norm.controlCodes.raw, scheme: norm.controlCodes.scheme }));
  const { exportCountry, originCountry } = norm;
  if (exportCountry !== undefined && exportCountry !== 'CN' && originCountry !== undefined && originCountry !== 'CN') {
    note(msg('note.outside', { exportCountry, originCountry }));
    return { row, verdict: 'clear', findings: [], notes, noteText };
  }
  const route: Route = exportCountry === undefined || exportCountry === 'CN' ? 'export' : originCountry === 'CN' ? 're-export' : 're-export-unknown-origin';

  const matched = matchItems(row, rs, asOf);
  if (quiet(row, rs, matched)) return { row, verdict: 'clear', findings: [], notes, noteText };
  const findings: Finding[] = [];
  const nexus = findNexus(row, rs, asOf);
  const items = withoutCoveredOnly(row, matched, nexus, note);
  // described only for rows that get a review finding: most rows never need it
  const context = (() => {
    let text: Msg | undefined | null;
    return (): Msg | undefined => (text === undefined ? (text = describeContext(nexus) ?? null) : text) ?? undefined;
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
  else for (const f of itemFindings) note(msg('note.re-export', { country: exportCountry, finding: f.text, ruleId: f.ruleId }));
  for (const n of items.notInForce) note(notInForceNote(n.item, n.status, n.item.suspensionSources));

  const fired = new Set<string>();
  const listingsUsed = new Set<PartyHit>();
  const measuresFired: string[] = [];
  for (const cm of rs.measures) {
    if (!inForce(cm.measure, asOf)) continue;
    const applied = applyMeasure(cm, row, items.matches, nexus, route);
    if (applied) {
      findings.push(applied.finding);
      measuresFired.push(cm.measure.id);
      fired.add(cm.measure.when.goods);
      for (const p of applied.listings) listingsUsed.add(p);
    }
  }

  const unclassified = norm.hs.kind === 'none' && (norm.controlCodes.kind === 'none' || norm.controlCodes.kind === 'foreign');
  const hasItem = items.matches.length > 0 || items.unencoded.length > 0;
  findings.push(...partyFindings(nexus, { hasItem, unclassified }, fired.size > 0, listingsUsed, note));
  for (const p of nexus.inactive) note(inactivePartyNote(p));
  findings.push(...dataFindings(row, nexus, unclassified, hasItem, fired.has('unidentified') || fired.has('any'), note));

  findings.sort((a, b) => SEVERITY[b.verdict] - SEVERITY[a.verdict]);
  const refs = { items: items.matches.map((m) => m.item.item.id), measures: measuresFired, parties: [...new Set(nexus.parties.map((p) => p.ref.party.id))] };
  return { row, verdict: mostSevere(findings.map((f) => f.verdict)), findings, notes, noteText, nexus: rowNexus(nexus), refs };
}

const LIST_ORDER = ['control', 'unreliable', 'watch', 'defence-contractor'] as const;

/** The row's military or listed-party nexus: parties it names (not merely possible matches) and military users or uses. */
function rowNexus(nexus: Nexus): RowNexus {
  const named = nexus.parties.filter((p) => p.blocking || p.named);
  return {
    military: militaryEvidence(nexus).length > 0,
    listedParty: LIST_ORDER.find((list) => named.some((p) => p.ref.party.list === list)) ?? null,
  };
}

/**
 * Most rows: classified, naming no item, no listed party and no military use. Nothing below could
 * add a finding or a note to them (no measure without an item, a party or a military use, no data
 * finding for a valid HS code, control code or CAS number), so they skip it.
 */
function quiet(row: Row, rs: RuleSet, items: ItemMatches): boolean {
  const { norm } = row;
  return (
    items.matches.length === 0 &&
    items.unencoded.length === 0 &&
    items.notInForce.length === 0 &&
    norm.hs.kind === 'valid' &&
    norm.controlCodes.kind !== 'invalid' &&
    norm.casUnreadable === undefined &&
    namesNoParty(row, rs)
  );
}

/**
 * A cell that lists several HS codes (a bill of lading's line of several goods) is screened under the one that says most:
 * a reference code or a line of one, then a heading over reference codes, else the first; the description still names
 * every good, and the note says which code was taken.
 */
function underOneHsCode(row: Row, rs: RuleSet, note: (m: Msg) => void): Row {
  const { hs } = row.norm;
  if (hs.kind !== 'valid' || hs.listed === undefined) return row;
  const codes = hs.listed;
  const reference = codes.find((d) => isReferenceCode(rs, d));
  const heading = reference === undefined ? codes.find((d) => rs.hsPrefixes.has(d)) : undefined;
  const taken = reference ?? heading ?? hs.digits;
  note(msg('note.hs-several', { declared: hs.raw, count: codes.length, taken, why: reference ? 'reference' : heading ? 'heading' : 'first' }));
  return { ...row, norm: { ...row.norm, hs: { kind: 'valid', raw: hs.raw, digits: taken, listed: codes } } };
}

/**
 * A 10-digit code under another country's tariff column ("統計品目番号", "Zolltarifnummer") that is one of the Chinese
 * reference codes exactly: the writer copied the Chinese code (Japan's statistical codes have 9 digits), and the row is
 * judged by it, not by its first 6 digits; the note says so. Not an 8-digit line's prefix: a foreign code shares those.
 */
function asChineseReferenceCode(row: Row, rs: RuleSet, note: (m: Msg) => void): Row {
  const { hs } = row.norm;
  if (hs.kind !== 'valid' || hs.national?.length !== 10 || !rs.hsExact.has(hs.national)) return row;
  note(msg('note.hs-chinese-reference', { declared: hs.raw, digits: hs.national }));
  return { ...row, norm: { ...row.norm, hs: { kind: 'valid', raw: hs.raw, digits: hs.national } } };
}

/**
 * An HS code that only covers reference codes, or an 8-digit tariff line, beside a description of other goods, counts
 * where the row also names a party, a military user or use, or a military address (fail closed: such a row is reviewed
 * on less); otherwise the row is judged by its description and the code is a note. A watch-list party does not count:
 * its listing asks a licence for dual-use items only, and the description says the goods are other ones.
 */
function withoutCoveredOnly(row: Row, items: ItemMatches, nexus: Nexus, note: (m: Msg) => void): ItemMatches {
  const coveredOnly = items.matches.filter((m) => m.coveredOnly || m.madeOf);
  if (coveredOnly.length === 0 || namesSomeone(nexus)) return items;
  const declared = row.values.hs_code?.trim() ?? '';
  const madeOf = coveredOnly.filter((m) => m.madeOf);
  const headings = coveredOnly.filter((m) => m.coveredOnly && isHsPrefixMatch(m));
  const lines = coveredOnly.filter((m) => m.coveredOnly && !isHsPrefixMatch(m));
  if (madeOf.length > 0) note(msg('note.made-of-material', { declared, count: madeOf.length, ...fiveTitles(madeOf) }));
  if (headings.length > 0) note(msg('note.hs-covers-unnamed', { declared, count: headings.length, ...fiveTitles(headings) }));
  if (lines.length > 0) note(msg('note.hs-line-unnamed', { declared, count: lines.length, ...fiveTitles(lines) }));
  return { ...items, matches: items.matches.filter((m) => !m.coveredOnly && !m.madeOf) };
}

const namesSomeone = (nexus: Nexus): boolean =>
  nexus.parties.some((p) => p.ref.party.list !== 'watch') || nexus.inactive.length > 0 || nexus.militaryUsers.length > 0 || nexus.militaryUses.length > 0 || nexus.countriesForReview.size > 0;

/** A declared 4-, 6- or 8-digit code that is the beginning of longer reference codes. */
function isHsPrefixMatch(m: ItemMatch): boolean {
  return m.evidence.kind === 'hs-code' && m.strength === 'possible' && m.evidence.matched.length > m.evidence.value.replace(/\D/g, '').length;
}

const itemTitle = (m: ItemMatch): Param => titleOf(m.item.item);

/** At most five titles, and how many more. */
const fiveTitles = (matches: ItemMatch[]): { titles: Param[]; more: number } => ({ titles: matches.slice(0, 5).map(itemTitle), more: Math.max(0, matches.length - 5) });

const finding = (f: Omit<Finding, 'message'> & { text: Msg }): Finding => ({ ruleId: f.ruleId, verdict: f.verdict, message: english(f.text), text: f.text, ...rest(f) });
const rest = ({ source, sourceUrl, evidence }: Omit<Finding, 'message'>): Pick<Finding, 'source' | 'sourceUrl' | 'evidence'> => ({ source, sourceUrl, evidence });

/** One finding for an HS heading that covers several controlled items, rather than one per item. */
function hsPrefixFinding(row: Row, matches: ItemMatch[], context: () => Msg | undefined): Finding {
  const declared = row.values.hs_code?.trim() ?? '';
  const sources = [...new Set(matches.map((m) => m.item.source.title))];
  return finding({
    ruleId: matches.length === 1 ? matches[0]!.item.item.id : 'dualscreen.hs-code.covers-controlled',
    verdict: 'review',
    text: msg('finding.hs-prefix', { declared, count: matches.length, ...fiveTitles(matches), context: alsoHas(context()) }),
    source: sources.join('; '),
    sourceUrl: matches.length === 1 ? matches[0]!.item.source.url : undefined,
    evidence: dedupe(matches.map((m) => m.evidence)),
  });
}

/** A declared heading over listed sub-items: one finding naming them, as strong as the strongest. */
function headingFinding(heading: string, matches: ItemMatch[], context: () => Msg | undefined): Finding {
  const listed = matches.some((m) => m.strength !== 'possible');
  return finding({
    ruleId: matches.length === 1 ? matches[0]!.item.item.id : 'dualscreen.control-code.covers-listed',
    verdict: listed ? 'license' : 'review',
    text: msg('finding.heading', {
      lead: msg(listed ? 'lead.license' : 'lead.review'),
      quoted: matches.every((m) => m.strength === 'possible' && m.evidence.kind === 'control-code' && m.evidence.field === 'description'),
      heading,
      count: matches.length,
      ...fiveTitles(matches),
      context: listed ? undefined : alsoHas(context()),
    }),
    source: [...new Set(matches.map((m) => m.item.source.title))].join('; '),
    sourceUrl: matches.length === 1 ? matches[0]!.item.source.url : undefined,
    evidence: dedupe(matches.map((m) => m.evidence)),
  });
}

/**
 * How a control code was found outside the control-code column: declared in the announcements' words
 * ("属于两用物项 1C117.d", a listed match) or only quoted in the description.
 */
function codeOutsideColumn(m: ItemMatch): Msg | undefined {
  const { kind, field, matched } = m.evidence;
  if (kind !== 'control-code' || field === 'control_code') return undefined;
  if (m.strength === 'listed') return msg('how.code-declared-in-words', { field, code: matched });
  return field === 'description' ? msg('how.code-in-description', { code: matched }) : undefined;
}

function itemFinding(m: ItemMatch, context: () => Msg | undefined): Finding {
  const title = itemTitle(m);
  const { item } = m.item;
  const how = codeOutsideColumn(m) ?? msg(`how.${m.evidence.kind as 'control-code' | 'hs-code' | 'cas' | 'keyword'}`, { code: m.evidence.matched });
  const shared = m.sharedWith.length > 0 ? msg('item.shared', { items: m.sharedWith }) : undefined;
  const qualifier = m.qualifier ? msg('item.qualifier', { qualifier: m.qualifier }) : undefined;
  const verdict = m.strength === 'possible' ? 'review' : 'license';
  const decides = verdict === 'review' && item.decidedBy ? msg('item.decided-by', { text: item.decidedBy }) : undefined;
  const lead = msg(verdict === 'license' ? 'lead.license' : 'lead.review');
  const ctx = verdict === 'review' ? alsoHas(context()) : undefined;
  return finding({
    ruleId: item.id,
    verdict,
    text: msg('finding.item', { lead, title, how, shared, qualifier, decides, context: ctx }),
    source: m.item.source.title,
    sourceUrl: m.item.source.url,
    evidence: [m.evidence],
  });
}

function unencodedFindings(rs: RuleSet, row: Row, items: ItemMatches, context: () => Msg | undefined): Finding[] {
  return items.unencoded.map(({ code, from }) => {
    const ctx = alsoHas(context());
    const text = from
      ? msg('finding.not-encoded.later', { code, from, context: ctx })
      : msg('finding.not-encoded', { code, explain: explainCodeText(rs, code), context: ctx });
    return finding({
      ruleId: 'dualscreen.control-code.not-encoded',
      verdict: 'review',
      text,
      source: rs.structureSource?.title ?? 'MOFCOM/MIIT/GACC/SCA 2024 No. 51 (code format)',
      sourceUrl: rs.structureSource?.url,
      evidence: [{ field: 'control_code', value: row.values.control_code ?? '', matched: code, kind: 'control-code' }],
    });
  });
}

/** explainCode as a message, with the category and type names in each language the structure pack gives. */
function explainCodeText(rs: RuleSet, code: string): Msg {
  const category = rs.categories.get(code[0] ?? '');
  const type = rs.itemTypes.get(code[1] ?? '');
  const name = (n: { en: string; zh?: string }): Param => (n.zh ? { en: n.en, zh: n.zh } : n.en);
  return msg('code.explain', {
    category: category ? msg('code.category', { digit: code[0], name: name(category) }) : msg('code.category.bare', { digit: code[0] }),
    type: type ? msg('code.type', { letter: code[1], name: name(type) }) : msg('code.type.bare', { letter: code[1] }),
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

function notInForceNote(ci: CompiledItem, status: Status, sources: Map<string, { title: string }>): Msg {
  const item = itemLabelled(ci.item);
  switch (status.state) {
    case 'suspended':
      return msg('note.item.suspended', { item, from: status.from, to: status.to, source: sources.get(status.source)?.title ?? status.source });
    case 'not-yet':
      return msg('note.item.not-yet', { item, from: status.from });
    case 'ended':
      return msg('note.item.ended', { item, to: status.to });
    default:
      return msg('note.item', { item });
  }
}

function inactivePartyNote({ hit, status }: InactiveParty): Msg {
  const by = hit.ref.suspensionSources.get(status.source)?.title ?? status.source;
  const why =
    status.state === 'stopped' ? msg('why.stopped', { from: status.from, by }) : msg('why.suspended', { from: status.from, to: status.to, by });
  return msg('note.party.inactive', {
    field: field(hit.field),
    value: hit.value,
    party: nameOf(hit),
    list: listName(hit.ref.party.list),
    listed: hit.ref.party.listed ?? '?',
    source: hit.ref.source,
    why,
  });
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
  let itemsText: Msg | undefined;
  switch (when.goods) {
    case 'identified':
    case 'unidentified': {
      const allowed = new Set<ItemStrength>(when.itemStrength);
      const identified = items.filter((m) => allowed.has(m.strength) && (!when.itemTags || m.item.item.tags.some((t) => when.itemTags!.includes(t))));
      if ((when.goods === 'identified') !== identified.length > 0) return undefined;
      evidence.push(...identified.map((m) => m.evidence));
      if (identified.length > 0) itemsText = msg('details.items', { items: itemLabels(identified) });
      break;
    }
    case 'scope': {
      const e = cm.scope && scopeEvidence(row, cm.scope);
      if (!e) return undefined;
      evidence.push(e);
      itemsText = msg('details.goods', { field: field(e.field), value: e.value, matched: e.matched });
      break;
    }
    case 'any':
      break;
  }
  const goodsEvidence = evidence.length;
  if (country) evidence.push(country);
  evidence.push(...military, ...listings.map(partyEvidence));
  // a listing or military user named only by a LOW or review-only fact raises review, however severe the measure,
  // and so does a country the row has only for review (from an address, a review-only name or a territory)
  const countryForReview = when.nexus === undefined ? undefined : nexus.countriesForReview.get(when.nexus);
  const reviewOnlyListing =
    (listings.length > 0 && listings.every((p) => !p.blocking)) || (when.military === true && militaryOnlyReviewOnly(nexus, when.nexus)) || countryForReview !== undefined;
  const lowered = (route === 're-export-unknown-origin' || reviewOnlyListing) && SEVERITY[measure.verdict] > SEVERITY.review;
  const verdict: Verdict = lowered ? 'review' : measure.verdict;
  const namedParty = [...military.filter((e) => e.kind === 'party'), ...listings.map(partyEvidence)].length > 0;
  const partiesKnownOnly = (how: (p: PartyHit) => boolean): boolean => namedParty && measurePartiesAll(nexus, listings, when.military === true, when.nexus, how);
  const cappedWhy =
    partiesKnownOnly((p) => p.address !== undefined) || countryForReview === 'address'
      ? 'measure.capped.address'
      : countryForReview === 'territory'
        ? 'measure.capped.territory'
        : partiesKnownOnly((p) => p.mentioned === true)
          ? 'measure.capped.mentioned'
          : 'measure.capped';
  const capped = reviewOnlyListing && lowered ? msg(cappedWhy) : undefined;
  const onRoute =
    route === 're-export'
      ? msg('route.re-export', { country: row.norm.exportCountry })
      : route === 're-export-unknown-origin'
        ? msg('route.unknown-origin', { country: row.norm.exportCountry })
        : undefined;
  const details = [...(itemsText ? [itemsText] : []), ...dedupe(evidence.slice(goodsEvidence)).map(describeOne)];
  const transfers = listings.some((p) => p.ref.party.transferBan) ? msg('measure.transfer-ban') : undefined;
  // a listing's own announcement is the source a reader needs; the measure's general basis otherwise
  const listing = listings[0]?.ref;
  const message = measureMessage(measure);
  const made = finding({
    ruleId: measure.id,
    verdict,
    text: msg('finding.measure', { route: onRoute, message, transfers, capped, details: details.length > 0 ? msg('measure.details', { parts: details }) : undefined }),
    source: listing ? [...new Set(listings.map((p) => p.ref.source))].join('; ') : cm.source.title,
    sourceUrl: listing ? listing.sourceUrl : cm.source.url,
    evidence: dedupe(evidence),
  });
  return { finding: made, listings };
}

/**
 * Whether every party the measure rests on is known only one way (by an address that belongs to it, by a mention in the
 * description), with no military term beside them.
 */
function measurePartiesAll(nexus: Nexus, listings: PartyHit[], military: boolean, country: string | undefined, how: (p: PartyHit) => boolean): boolean {
  const parties = [...listings, ...(military ? nexus.militaryUsers.filter((p) => country === undefined || p.ref.party.country === country) : [])];
  return parties.length > 0 && parties.every(how) && (!military || militaryUsesOf(nexus, country).length === 0);
}

const describeOne = (e: Evidence): Msg =>
  msg('evidence', { field: field(e.field), value: e.value, matched: e.matched, score: e.score !== undefined && e.score < 1 ? e.score : undefined });

/** The items' codes (their titles where they have none), once each. */
function itemLabels(matches: ItemMatch[]): Param[] {
  const seen = new Map<string, Param>();
  for (const m of matches) {
    const { item } = m.item;
    const label = item.controlCode ?? item.title.en;
    if (!seen.has(label)) seen.set(label, item.controlCode ?? { en: item.title.en, ...(item.title.zh ? { zh: item.title.zh } : {}), ...(item.title.ja ? { ja: item.title.ja } : {}) });
  }
  return [...seen.values()];
}

/** Evidence once per cell and match: one cell can be the country, the military user and a military term at once ("for JSDF"). */
function dedupe(evidence: Evidence[]): Evidence[] {
  const seen = new Set<string>();
  return evidence.filter((e) => {
    const key = `${e.field}\u0000${e.value}\u0000${e.matched}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Possible party matches raise review where an item is involved or the row is unclassified (for a
 * defence contractor, which is no listing, only where an item is involved), or where a military user or a
 * control-list party is named in full in another column (a remark); otherwise a note. A party
 * named for certain that no measure took up (a watch-list party buying goods that are not dual-use)
 * gets a note.
 */
function partyFindings(
  nexus: Nexus,
  row: { hasItem: boolean; unclassified: boolean },
  measureFired: boolean,
  listingsUsed: Set<PartyHit>,
  note: (m: Msg) => void,
): Finding[] {
  const findings: Finding[] = [];
  for (const p of nexus.parties) {
    if (listingsUsed.has(p) && !p.blocking) continue; // a measure's finding already says it, at review
    if (p.address !== undefined && measureFired) continue; // the measure's finding names the address and whose it is
    // a listing that bans trade whatever the goods makes even a possible match worth a look; so does a military user or a
    // control-list party named in full in a remark, whose measures reach ordinary goods if it is the recipient (fail closed)
    const relevant =
      row.hasItem ||
      p.ref.party.tradeBan ||
      (row.unclassified && p.ref.party.list !== 'defence-contractor') ||
      (p.inOtherColumn === true && (p.ref.party.list === 'military-user' || p.ref.party.list === 'control')) ||
      (p.ref.party.list === 'control' && mayNameTheParty(p));
    const who = { field: field(p.field), value: p.value, party: nameOf(p), list: listName(p.ref.party.list), listed: p.ref.party.listed };
    if (p.blocking) {
      if (!relevant && !measureFired) note(msg('note.party.not-dual-use', who));
      continue;
    }
    const why = p.basis === 'sound' ? msg('why.sound', { score: p.score }) : p.basis === 'romaji' ? msg('why.romaji') : p.mentioned ? msg('why.mentioned') : p.reviewOnly ? msg('why.review-only') : msg('why.score', { score: p.score });
    const text = msg('party.possible', { ...who, why, name: p.name });
    if (!relevant) {
      note(msg('note.party.possible', { text }));
      continue;
    }
    findings.push(
      finding({
        ruleId: 'dualscreen.party.possible-match',
        verdict: 'review',
        text: msg('finding.party.possible', { text }),
        source: p.ref.source,
        sourceUrl: p.ref.sourceUrl,
        evidence: [partyEvidence(p)],
      }),
    );
  }
  return findings;
}

/**
 * A party cell written as a listed name in other letters or another spelling (read by sound from katakana, from romaji, a
 * transliteration one character apart), or as the listed company's own abbreviation before one of its sites or divisions
 * ("JMU Yokohama Shipyard", "HII Newport News Shipbuilding"): the recipient may be the control-list party itself, whose
 * listing reaches ordinary goods (fail closed). Not a longer name holding a listed one (HENSOLDT Sensors GmbH,
 * 通用动力机械有限公司, a pharmacy or a salon of the same name): a subsidiary or a namesake, which the listing does not name.
 */
function mayNameTheParty(p: PartyHit): boolean {
  if (p.mentioned) return false;
  if (p.abbreviation === true) return p.basis === 'contains';
  return p.basis === 'sound' || p.basis === 'romaji' || p.basis === 'similar';
}

function nameOf(p: PartyHit): Param {
  return partyNames(p.ref.party, p.name);
}

function dataFindings(row: Row, nexus: Nexus, unclassified: boolean, hasItem: boolean, failClosedFired: boolean, note: (m: Msg) => void): Finding[] {
  const { norm } = row;
  const findings: Finding[] = [];
  const data = (ruleId: string, text: Msg, evidence: Evidence[]): Finding =>
    finding({
      ruleId,
      verdict: 'review',
      text,
      source: ENGINE_SOURCE,
      evidence,
    });
  if (norm.description === '' && unclassified) {
    findings.push(data('dualscreen.data.unidentified', msg('data.unidentified'), []));
    return findings;
  }
  if (norm.hs.kind === 'invalid') {
    findings.push(
      data('dualscreen.data.invalid-hs-code', msg('data.invalid-hs-code', { raw: norm.hs.raw, reason: norm.hs.reason }), [
        { field: 'hs_code', value: row.values.hs_code ?? '', matched: '', kind: 'data' },
      ]),
    );
  }
  if (norm.controlCodes.kind === 'invalid') {
    findings.push(
      data('dualscreen.data.invalid-control-code', msg('data.invalid-control-code', { codes: norm.controlCodes.unreadable }), [
        { field: 'control_code', value: row.values.control_code ?? '', matched: '', kind: 'data' },
      ]),
    );
  }
  if (norm.casUnreadable !== undefined) {
    findings.push(
      data('dualscreen.data.invalid-cas-number', msg('data.invalid-cas-number', { raw: norm.casUnreadable }), [
        { field: 'cas_number', value: norm.casUnreadable, matched: '', kind: 'data' },
      ]),
    );
  }
  if (unclassified) {
    // a defence contractor is not a listed entity: naming one does not make an unclassified row sensitive
    const listed = nexus.parties.filter((p) => p.ref.party.list !== 'military-user' && p.ref.party.list !== 'defence-contractor');
    // another country's forces named as such ("ROK Army 2nd Infantry Division") leave unclassified goods to the drone
    // catch-all, which reads the description: only Japan's and the United States' military users are banned every item
    const sensitive = [...militaryEvidence(nexus).filter((e) => mayBeJapansOrUs(e.value)), ...listed.map(partyEvidence)];
    if (sensitive.length > 0 && !failClosedFired) {
      findings.push(
        data(
          'dualscreen.data.unclassified-sensitive',
          msg('data.unclassified-sensitive', { context: describeContext(nexus) }),
          dedupe(sensitive),
        ),
      );
    } else if (sensitive.length === 0 && !hasItem) {
      note(msg('note.description-only'));
    }
  } else if (!hasItem && !failClosedFired && nexus.countries.size === 0) {
    // whose military it is decides: Japan's and the United States' are banned every dual-use item
    const military = militaryEvidence(nexus).filter((e) => mayBeJapansOrUs(e.value));
    if (military.length > 0) findings.push(data('dualscreen.data.military-no-country', msg('data.military-no-country', { context: describeContext(nexus) }), dedupe(military)));
  }
  return findings;
}

/** A military body or use whose text names only other countries ("Republic of Korea Army") is not Japan's or the United States'. */
function mayBeJapansOrUs(text: string): boolean {
  const named = countriesNamedIn(text);
  return named.size === 0 || named.has('JP') || named.has('US');
}

const alsoHas = (context: Msg | undefined): Msg | undefined => (context ? msg('context.also', { context }) : undefined);

/** "JP nexus (destination_country), a military nexus ("defense"), China's export control list party X"; undefined: nothing. */
function describeContext(nexus: Nexus): Msg | undefined {
  const parts: Msg[] = [];
  for (const [code, e] of nexus.countries) if (code === 'JP' || code === 'US') parts.push(msg('context.country', { code, field: field(e.field) }));
  const military = militaryEvidence(nexus);
  if (military.length > 0) parts.push(msg('context.military', { terms: [...new Set(military.map((e) => e.matched))].map((text) => msg('quoted', { text })) }));
  for (const p of nexus.parties) {
    if (p.ref.party.list === 'military-user') continue;
    parts.push(msg(p.blocking ? 'context.party' : 'context.party.possible', { list: listName(p.ref.party.list), party: nameOf(p) }));
  }
  return parts.length > 0 ? msg('context', { parts }) : undefined;
}
