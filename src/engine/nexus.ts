/** The row's ties that measures ask about: countries, listed parties, military users and uses. */
import { countriesNamedIn, isBareAlpha3, nameMentionsCountry, sovereignOf } from '../match/countries.js';
import type { Hit } from '../match/automaton.js';
import { detached } from '../match/detach.js';
import { foldText } from '../match/fold.js';
import { withoutTitles } from '../match/titles.js';
import { FACILITY_FOLLOWS, startsCjkWord, standsAsUnitAbbreviation, UNIT_PURPOSE_FOLLOWS, type PartyMatch } from '../match/party-index.js';
import type { UnitHit } from '../match/unit-designations.js';
import type { Evidence } from '../model/result.js';
import type { PartyCell, Row } from '../model/row.js';
import type { PartyList } from '../rules/schema.js';
import type { PartyRef, RuleSet } from './compile.js';
import { memoOf } from './memo.js';
import { nearbyPlaceSpans, withoutNearbyPlaces } from './nearby-places.js';
import { negatedClauseSpans, negationTurnedAround } from './negated-clauses.js';
import { escapeRegExp } from '../match/regexp.js';
import { RECIPIENT_MARKER, standsAsPurpose, standsAsRecipient } from './purpose.js';
import { partyStatusOn, type PartyStatus } from './rule-status.js';

export interface PartyHit extends PartyMatch<PartyRef> {
  /** consignee, end_user, or the header of a further party column (Sold-to Party). */
  field: string;
  value: string;
  blocking: boolean;
  /** Named at a blocking score, though the name or listing may only raise review (LOW, review-only). */
  named: boolean;
  /** Known only by an address that belongs to it (the pack's label of the address): review only, unless the address is its premises. */
  address?: string;
  /** Named in full in another column (a remark): possibly a party to the shipment, possibly the goods' maker. */
  inOtherColumn?: true;
  /** A military user named in free text, not as whom the goods are for: possibly the recipient, review only. */
  mentioned?: true;
}

/** A listed party whose listing's measures do not apply on the day (stopped or suspended). */
export interface InactiveParty {
  hit: PartyHit;
  status: Extract<PartyStatus, { state: 'stopped' | 'suspended' }>;
}

export interface Nexus {
  /** ISO codes of destination, consignee and end-user countries, and of the parties the row names for certain. */
  countries: Map<string, Evidence>;
  /** Party matches in force on the as-of date, blocking and possible. */
  parties: PartyHit[];
  /** Parties the row names for certain whose listing is stopped or suspended on the as-of date. */
  inactive: InactiveParty[];
  /** Military users the row names (for certain, or by a review-only name: see onlyReviewOnly). */
  militaryUsers: PartyHit[];
  /** Military terms in the end use, and consignees or end users named as military bodies. */
  militaryUses: Evidence[];
  /** The country a military use names as its owner ("Royal Australian Navy", 日本海军): it is that country's military, not the destination's. */
  useOwners: ReadonlyMap<Evidence, string>;
  /**
   * Countries the row has for review only, and why: from a party known by its address (an APO address brings the US),
   * from a military user named by a review-only or LOW name, or as the country a territory on the row belongs to (Guam).
   */
  countriesForReview: Map<string, 'address' | 'review-only name' | 'territory'>;
}

export function findNexus(row: Row, rs: RuleSet, asOf: string): Nexus {
  const countries = new Map<string, Evidence>();
  const addCountry = (code: string | undefined, field: string): void => {
    if (code && !countries.has(code)) countries.set(code, { field, value: row.values[field as keyof typeof row.values] ?? '', matched: code, kind: 'country' });
  };
  addCountry(row.norm.destinationCountry, 'destination_country');
  for (const code of row.norm.moreDestinationCountries ?? []) addCountry(code, 'destination_country');
  addCountry(row.norm.consigneeCountry, 'consignee_country');
  addCountry(row.norm.endUserCountry, 'end_user_country');

  const parties: PartyHit[] = [];
  const inactive: InactiveParty[] = [];
  for (const cell of partyTexts(row)) {
    const { value, introducedBy } = cell;
    for (const found of partyHits(rs, cell)) {
      const h = certainInItsCountry(found, countries);
      // a name a phrase introduced counts once per party (the whole cell may have named it already)
      if (introducedBy === undefined ? parties.some((p) => p.ref.party.id === h.ref.party.id && p.value === value) : !addsToParties(parties, h)) continue;
      // "Ministry of Defence" on a British row is Britain's, not Japan's, unless the name says whose it is
      if (h.generic && !countries.has(h.ref.party.country) && !nameMentionsCountry(value, h.ref.party.country)) continue;
      const status = partyStatusOn(h.ref.party, asOf);
      if (status.state === 'in-force') {
        if (introducedBy === undefined) parties.push(h);
        else keepParty(parties, h);
      } else if (h.blocking && (status.state === 'stopped' || status.state === 'suspended') && !(introducedBy !== undefined && inactive.some((i) => i.hit.ref.party.id === h.ref.party.id))) {
        inactive.push({ hit: h, status });
      }
    }
  }
  for (const { field, value } of row.norm.others) {
    for (const h of otherCellHits(rs, field, value)) {
      if (parties.some((p) => p.ref.party.id === h.ref.party.id)) continue;
      if (h.generic && !countries.has(h.ref.party.country) && !nameMentionsCountry(value, h.ref.party.country)) continue;
      if (partyStatusOn(h.ref.party, asOf).state === 'in-force') parties.push(h);
    }
  }
  for (const h of recipientsInProse(rs, row)) if (addsToParties(parties, h) && partyStatusOn(h.ref.party, asOf).state === 'in-force') keepParty(parties, h);
  // a party not named, whose address the row gives: its premises (市谷本村町5-1) name it, a postal form ("PSC 473 Box 1,
  // FPO AP 96349") raises review only
  for (const { field, value } of partyTexts(row)) {
    for (const h of addressHits(rs, field, value)) {
      if (parties.some((p) => p.ref.party.id === h.ref.party.id)) continue;
      if (partyStatusOn(h.ref.party, asOf).state === 'in-force') parties.push(h);
    }
  }
  makeSitesBesideTheirUsersCertain(parties);
  // a party named for certain brings its country: a Self-Defense Forces unit abroad is Japan's military; one known by
  // its address brings it too, for review only (an APO address in Germany is the US military's)
  const countriesForReview: Nexus['countriesForReview'] = new Map();
  for (const p of parties) {
    if ((p.blocking || p.address !== undefined) && !countries.has(p.ref.party.country)) {
      countries.set(p.ref.party.country, partyEvidence(p));
      if (!p.blocking) countriesForReview.set(p.ref.party.country, 'address');
    }
  }
  // a military user named by a name that may only raise review (驻日美军 at LOW, a base the US shares) brings its country
  // for review only, as an address does: a LOW fact raises review, never nothing. Not an abbreviation, whose letters name
  // others too (DLA, NSA), nor a generic name, which needs the country already.
  for (const p of parties) {
    if (p.ref.party.list !== 'military-user' || p.blocking || !p.named || p.address !== undefined || p.abbreviation || p.generic) continue;
    if (countries.has(p.ref.party.country)) continue;
    countries.set(p.ref.party.country, partyEvidence(p));
    countriesForReview.set(p.ref.party.country, 'review-only name');
  }
  // a unit whose name says whose it is brings that country, for certain also where a base it shares with its host only
  // raised review: "U.S. Seventh Fleet" in Yokosuka, 주한미군 제2보병사단, "380th Air Expeditionary Wing, Al Dhafra AB"
  const units = unitsNamed(row, rs);
  for (const { field, value, unit } of units) {
    if (!unit.country) continue;
    if (!countries.has(unit.country)) countries.set(unit.country, { field, value, matched: unit.country, kind: 'country' });
    else countriesForReview.delete(unit.country);
  }
  // a unit that names no country, written in one cell with a base or a military post address that alone only raises
  // review ("35th ADA BDE, Osan AB", "31 CONS/LGCA, Aviano AB, APO AE"), is the unit of the base's or the address's
  // forces: the two together leave no doubt, unless the cell names another country ("ROKA 2nd Infantry Division") or
  // the review-only name is the unit itself ("8th Fighter Wing": the ROK Air Force has one too)
  for (const [code, why] of [...countriesForReview]) {
    if (why === 'territory') continue;
    const { field, matched } = countries.get(code)!;
    const signal = foldText(matched);
    const beside = (u: (typeof units)[number]): boolean =>
      !u.unit.country && u.field === field && !u.unit.text.includes(signal) && !signal.includes(u.unit.text) && [...countriesNamedIn(u.value)].every((c) => c === code);
    if (units.some(beside)) countriesForReview.delete(code);
  }
  // a base that alone only raises review (a host nation's) and a military post address of the same forces, in one cell
  // ("NAS Sigonella, FPO AE 09627", "Osan AB 51 MXG, APO AP 96278"), leave no doubt together, as a unit beside either does
  for (const code of [...countriesForReview.keys()]) {
    const ofForces = (p: PartyHit): boolean => p.ref.party.country === code && p.ref.party.list === 'military-user';
    const addressed = new Set(parties.filter((p) => ofForces(p) && p.address !== undefined).map((p) => p.field));
    const beside = (p: PartyHit): boolean => ofForces(p) && addressed.has(p.field) && p.address === undefined && !(p.blocking && p.named) && !p.abbreviation && !p.generic;
    if (!parties.some(beside)) continue;
    // the hits are shared by every row naming the same cell: the certain ones are copies
    parties.forEach((p, i) => beside(p) && (parties[i] = { ...p, blocking: true, named: true, reviewOnly: false }));
    countriesForReview.delete(code);
  }
  // a territory brings the country it belongs to, for review only: a base on Guam is the US military's
  for (const [code, evidence] of [...countries]) {
    const sovereign = sovereignOf(code);
    if (sovereign === undefined || countries.has(sovereign)) continue;
    countries.set(sovereign, { ...evidence, matched: sovereign });
    countriesForReview.set(sovereign, 'territory');
  }

  // a military body or use whose own words say whose it is brings that country, as a unit's name does: "Japanese Navy"
  // or 日本海军 as the consignee, "for the Japanese military" as the end use (2026 No. 1 reaches Japan's military wherever
  // the goods are sent); only the word right before the term counts ("Japanese-made military-grade" names no owner)
  const uses = militaryUses(row, rs);
  const useOwners = new Map<Evidence, string>();
  for (const use of uses) {
    const { field, value, matched } = use;
    const code = memoOf<string | null>(rs, 'owners of military words', 10_000).get(`${matched}\u0000${value}`, () => ownerCountry(foldText(value), matched) ?? null) ?? undefined;
    if (code === undefined) continue;
    useOwners.set(use, code);
    if (!countries.has(code)) countries.set(code, { field, value, matched: code, kind: 'country' });
  }
  const militaryUsers = parties.filter((p) => p.named && p.ref.party.list === 'military-user');
  return { countries, parties, inactive, militaryUsers, militaryUses: uses, useOwners, countriesForReview };
}

/** A term that says it is the US forces' (美军基地, 米軍基地, "us forces", folded). */
const US_TERM = /^(?:美[军軍]|米[军軍]|u\.?\s?s\.?\s)/u;
/**
 * The United States written right before a military term by its short forms: "US military base", "U.S. Navy", 美海军, 米空軍
 * (not South or North America's: 南美, 北米, 欧米, 中南米; not China and the US together: 中美; not the metre of 155毫米,
 * 10米, 平方米, nor rice and maize, 大米, 玉米; not 完美, 精美, 优美).
 */
const US_BEFORE = /(?:^|[^\p{L}\p{N}])u\.?\s?s\.?\s*$|(?<![南北中欧歐拉亚亞毫厘千分微纳納奈方大玉糯完精优優\d])[美米]$/u;
/**
 * The one country named right before a military term in a folded text: the word before it ("japanese navy", "the
 * japanese military", "japan's army") or, in Chinese or Japanese, the characters before it (日本海军, 用于日本军方).
 */
function ownerCountry(folded: string, term: string): string | undefined {
  if (US_TERM.test(term)) return 'US';
  for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
    const before = folded.slice(Math.max(0, at - 24), at);
    if (US_BEFORE.test(before)) return 'US';
    const words = before.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '' && w !== 's');
    const last = words.at(-1) ?? '';
    const named = isBareAlpha3(last) ? new Set<string>() : countriesNamedIn(last);
    if (named.size === 1) return [...named][0];
  }
  return undefined;
}

/** Whether a hit names a party the row does not name yet, or names for certain one that only a possible match named so far. */
function addsToParties(parties: PartyHit[], h: PartyHit): boolean {
  const same = parties.find((p) => p.ref.party.id === h.ref.party.id);
  return same === undefined || (h.blocking && !same.blocking);
}

/**
 * A katakana name read by sound as the whole listed name, with no edit, on a row whose destination, consignee or end-user
 * country is the party's (エクセリス・インク to the US): the name written as that country's company, so the party for certain.
 */
function certainInItsCountry(h: PartyHit, countries: ReadonlyMap<string, Evidence>): PartyHit {
  if (h.soundExact !== true || h.blocking || h.generic || !countries.has(h.ref.party.country)) return h;
  return { ...h, score: 1, reviewOnly: false, blocking: true, named: true, name: `${h.name}, a company of ${h.ref.party.country} on a row bound there` };
}

/** The hit among the row's parties, in place of a possible match of the same party that it names for certain. */
function keepParty(parties: PartyHit[], h: PartyHit): void {
  const possible = h.blocking ? parties.findIndex((p) => p.ref.party.id === h.ref.party.id && !p.blocking) : -1;
  if (possible >= 0) parties[possible] = h;
  else parties.push(h);
}

/** The parties whose addresses a cell gives (certain where the address is the party's premises); worked out once per field and text. */
function addressHits(rs: RuleSet, field: string, value: string): readonly PartyHit[] {
  if (rs.partyAddresses.size === 0) return [];
  return memoOf<readonly PartyHit[]>(rs, 'address hits', 10_000, field).get(value, () => {
    value = detached(value);
    const hits: PartyHit[] = [];
    for (const { entry, matched } of rs.partyAddresses.find(value)) {
      if (hits.some((h) => h.ref.party.id === entry.ref.party.id)) continue;
      const name = `${entry.label}: ${matched}`;
      hits.push({ ref: entry.ref, name, score: 1, basis: 'exact', reviewOnly: !entry.premises, low: false, field, value, blocking: entry.premises, named: true, address: entry.label });
    }
    return hits;
  });
}

/** Whether a party cell or the end use gives an address of a party. */
function namesPartyAddress(row: Row, rs: RuleSet): boolean {
  return rs.partyAddresses.size > 0 && partyTexts(row).some(({ field, value }) => addressHits(rs, field, value).length > 0);
}

/**
 * The cells that may name a party: the party columns, and the end use ("for JSDF radar", "自衛隊向け",
 * "parts for Lockheed Martin"), which names the user the goods are for as often as the use.
 */
function partyTexts(row: Row): PartyCell[] {
  const endUse = row.values.end_use?.trim();
  return endUse ? [...row.norm.parties, { field: 'end_use', value: endUse }] : row.norm.parties;
}

/** Whether a party column names a listed party, a military user or one of its ships. */
function partyCellsNameParty(row: Row, rs: RuleSet): boolean {
  return row.norm.parties.some((cell) => partyHits(rs, cell).length > 0);
}

/** Whether another column's cell names a party. */
function otherCellsNameParty(row: Row, rs: RuleSet): boolean {
  return row.norm.others.some(({ field, value }) => otherCellHits(rs, field, value).length > 0);
}

/** Military terms in the end use, military bodies named as parties, and either named in the description as what or whom the goods are for. */
export function militaryUses(row: Row, rs: RuleSet): Evidence[] {
  return [...militaryTerms(row, rs), ...militaryNames(row, rs), ...militaryPurposes(row, rs)];
}

/**
 * A military word that the words after it make a quality, a look or a place ("military grade", "mil-spec", 军工级, 军规,
 * 米軍仕様, 军迷风格, "navy-town homeware shop") or a replica of it ("decal sheet for F-35 model kit", 战斗机模型).
 */
const PRODUCT_WORD_AFTER = /^[\s-]*(?:1[/:]\d{2,3}\s*)?(?:grade|spec|style|standard|look|type|town|city|model|kit|replica|scale|toy|poster|decal)\b|^\s*(?:[级級规規]|グレード|仕様|规格|規格|风格|風格|款|同款|模型|プラモ)/u;

/**
 * A military word right before the unmanned aircraft it qualifies ("military drone", "army UAV", 군용 드론): the drone is
 * for that use, which 2024 No. 31's catch-all names (军用无人机 says so by its 用 already).
 */
const UAV_AFTER = /^[\s-]*(?:drones?|uavs?|uas|unmanned (?:aerial|aircraft)|quadcopters?|multicopters?|multi-?rotors?)\b|^\s*(?:无人机|無人機|ドローン|드론)/u;

/**
 * A site whose bare name only raises review (岐阜試験場: another organisation may have one) written in one cell with the name
 * or abbreviation of a military user of the same country ("ATLA Gifu Test Site (岐阜試験場)") is that user's site: certain.
 */
function makeSitesBesideTheirUsersCertain(parties: PartyHit[]): void {
  const bareSite = (p: PartyHit): boolean =>
    p.ref.party.list === 'military-user' && p.reviewOnly && p.named && p.score >= 1 && !p.blocking && !p.abbreviation && !p.generic && p.address === undefined && p.mentioned === undefined;
  const leadsSite = (site: PartyHit): boolean =>
    parties.some(
      (p) =>
        p.field === site.field &&
        p.ref.party.list === 'military-user' &&
        p.ref.party.country === site.ref.party.country &&
        p.ref.party.id !== site.ref.party.id &&
        (p.basis === 'exact' || p.basis === 'contains') &&
        p.address === undefined &&
        p.mentioned === undefined &&
        !site.name.includes(p.name),
    );
  // the hits are shared by every row naming the same cell: the certain ones are copies
  parties.forEach((p, i) => bareSite(p) && leadsSite(p) && (parties[i] = { ...p, blocking: true, reviewOnly: false }));
}

/**
 * Military terms and bodies a description names as what the goods are for or whom they are for, as a trading company
 * writes the end use into the goods' line: "for missile guidance housings", "用途：弹药生产", "用于军用雷达",
 * "美军驻日横田基地宿舍用", "for Yokota AB". Not the goods' own words ("military-grade", "army green", "navy blue"), nor a
 * negated use; worked out once per distinct description.
 */
function militaryPurposes(row: Row, rs: RuleSet): Evidence[] {
  const text = row.norm.description;
  if (text === '') return [];
  const terms = row.norm.descriptionFacts.derive(rs, 'military purposes', () => {
    if (namesCivilAgency(rs, text)) return [];
    const masked = withoutNegations(text, rs.negations);
    const bodies = organisationWords(rs, masked, civilBodyWords(rs, masked));
    const uses = rs.militaryTerms.size === 0 ? [] : rs.militaryTerms.search(masked);
    const stated = [...uses, ...bodies].filter(
      (hit) =>
        !PRODUCT_WORD_AFTER.test(masked.slice(hit.end, hit.end + 12)) &&
        (standsAsPurpose(masked, hit.start, hit.end) || standsAsRecipient(masked, hit.start) || UAV_AFTER.test(masked.slice(hit.end, hit.end + 20))),
    );
    return [...new Set(stated.map((hit) => hit.value))];
  });
  const written = row.values.description ?? '';
  return terms.map((matched) => ({ field: 'description', value: written, matched, kind: 'term' }));
}

/**
 * Parties whose name makes them a military body ("Royal Thai Army", "美国海军", "374th Airlift Wing"); see bodiesNamed for the
 * civil agencies and civil bodies that are not.
 */
function militaryNames(row: Row, rs: RuleSet): Evidence[] {
  const out: Evidence[] = [];
  for (const { field, value } of row.norm.parties) {
    const { words, units } = bodiesNamed(rs, value);
    for (const matched of [...words, ...units.map((u) => u.text)]) out.push({ field, value, matched, kind: 'term' });
  }
  return out;
}

const NO_BODIES: { words: string[]; units: UnitHit[] } = { words: [], units: [] };

/**
 * The military bodies a name is, worked out once per name after masking the negated phrases: by its organisation words
 * (army, 陆军), those that no civil body's word follows ("Army Navy Surplus Store", 自衛隊家族会: `civilBodies`), and by its
 * units' designations ("374th Airlift Wing"), none where a civil body's word stands anywhere in the name ("2nd Infantry
 * Division Association"); none at all where it names a civil agency whose own units carry such words (海上保安庁
 * 羽田航空基地: `civilAgencies`).
 */
function bodiesNamed(rs: RuleSet, value: string): { words: string[]; units: UnitHit[] } {
  return memoOf<{ words: string[]; units: UnitHit[] }>(rs, 'military bodies in names', 10_000).get(value, () => {
    const folded = foldText(value);
    if (namesCivilAgency(rs, folded)) return NO_BODIES;
    const masked = withoutNegations(folded, rs.negations);
    const civil = civilBodyWords(rs, masked);
    const words = organisationWords(rs, masked, civil).map((hit) => hit.value);
    const usBase = civil.length > 0 ? null : US_FORCES_BASE.exec(masked);
    if (usBase) words.push(usBase[1]!);
    return { words: [...new Set(words)], units: civil.length > 0 ? [] : unitsIn(rs, masked, value) };
  });
}

/**
 * A base, camp or airfield of the US forces named in Chinese or Japanese by 美军/米軍 and its place (folded: 美军拉姆施泰因基地,
 * 美军吉布提莱蒙尼尔营地, 米军嘉手纳基地): the forces' own words make it theirs, whether or not the base is listed. 美军 alone
 * in a name is no body (美军同款 outdoor shops, 米軍ハウス cafes).
 */
const US_FORCES_BASE = /(?:^|[^\p{Script=Han}])((?:美|米)军[\p{Script=Han}\p{Script=Katakana}ー·・]{0,12}?(?:基地|营地|兵营|军营|机场|飞行场))/u;

/** The organisation words of a masked folded text that no civil body's word follows ("Army Navy Surplus Store"). */
function organisationWords(rs: RuleSet, masked: string, civil: { start: number }[]): Hit<string>[] {
  return rs.militaryOrganisations.size === 0 ? [] : rs.militaryOrganisations.search(masked).filter((hit) => !civil.some((c) => c.start >= hit.end));
}

/** Whether a folded text names a civil agency whose own units carry military words (海上保安庁 羽田航空基地). */
const namesCivilAgency = (rs: RuleSet, folded: string): boolean => rs.civilAgencies.size > 0 && rs.civilAgencies.search(folded).length > 0;

const civilBodyWords = (rs: RuleSet, folded: string): { start: number }[] => (rs.civilBodies.size === 0 ? [] : rs.civilBodies.search(folded));

/** Units an end use names ("for 82nd Airborne Division training", 第31海兵遠征部隊の訓練用); `folded`: the end use folded. */
function unitsInUse(rs: RuleSet, folded: string, written: string): UnitHit[] {
  return memoOf<UnitHit[]>(rs, 'units in end uses', 10_000).get(folded, () =>
    civilBodyWords(rs, folded).length > 0 ? [] : unitsIn(rs, withoutNegations(folded, rs.negations), written),
  );
}

const unitsIn = (rs: RuleSet, masked: string, written: string): UnitHit[] => (rs.militaryUnits.size === 0 ? [] : rs.militaryUnits.find(masked, written));

/** The units the party cells and the end use name, with where. */
function unitsNamed(row: Row, rs: RuleSet): { field: string; value: string; unit: UnitHit }[] {
  const out = row.norm.parties.flatMap(({ field, value }) => bodiesNamed(rs, value).units.map((unit) => ({ field, value, unit })));
  const endUse = row.values.end_use ?? '';
  const folded = withoutTitles(row.norm.endUse);
  if (folded !== '') out.push(...unitsInUse(rs, folded, endUse).map((unit) => ({ field: 'end_use', value: endUse, unit })));
  return out;
}

/**
 * The row's military users and uses; with a country, only that country's military users count (a US
 * unit in Tokyo is a US military user, not a Japanese one), while a military use counts for any.
 */
export function militaryEvidence(nexus: Nexus, country?: string): Evidence[] {
  return [...militaryUsersOf(nexus, country).map(partyEvidence), ...militaryUsesOf(nexus, country)];
}

const militaryUsersOf = (nexus: Nexus, country?: string): PartyHit[] =>
  nexus.militaryUsers.filter((p) => country === undefined || p.ref.party.country === country);

/** The military uses that may be the country's: those that name no owner, or name it ("Royal Canadian Navy" is no US military use). */
export const militaryUsesOf = (nexus: Nexus, country?: string): Evidence[] =>
  country === undefined ? nexus.militaryUses : nexus.militaryUses.filter((u) => (nexus.useOwners.get(u) ?? country) === country);

/** The military nexus rests only on names that may only raise review ("DLA", 美国陆军 at LOW). */
export function militaryOnlyReviewOnly(nexus: Nexus, country?: string): boolean {
  const users = militaryUsersOf(nexus, country);
  return militaryUsesOf(nexus, country).length === 0 && users.length > 0 && users.every((p) => !p.blocking);
}

/**
 * The parties a name on a row can be, worked out once per field and name (names repeat down a manifest).
 * A name that is an entry of a list is not also "possibly" its look-alikes on that list, nor possibly a
 * defence contractor (its parent): a listed division of KHI still shows beside KHI the contractor. A name
 * a phrase introduced in free text is compared as written, without the fallback for misspellings: the
 * text around a phrase is not always a name.
 */
function partyHits(rs: RuleSet, { field, value, introducedBy }: PartyCell): readonly PartyHit[] {
  return memoOf<readonly PartyHit[]>(rs, introducedBy === undefined ? 'party hits' : 'party hits introduced', 10_000, field).get(value, () => {
    value = detached(value);
    // an end use is prose: a name inside a work's title (『自衛隊装備年鑑』 印刷用紙) names the work, not the recipient
    const matches =
      field === 'end_use' && introducedBy === undefined ? matchesInProse(rs, withoutNegatedNames(withoutTitles(value), rs.negations), true) : rs.parties.match(withoutNearbyPlaces(value), introducedBy === undefined);
    const hits = identified(rs, field, value, matches);
    return [...hits, ...shipHits(rs, field, value).filter((s) => !hits.some((h) => h.blocking && h.ref === s.ref))];
  });
}

/** Warships the cell names by prefix ("USS Blue Ridge (LCC-19)"): with a hull number the navy for certain, else as a review-only name. */
function shipHits(rs: RuleSet, field: string, value: string): PartyHit[] {
  // "USS Missouri Memorial Association": without a hull number, a civil body's word after the ship's name names that body
  const otherBody = (ship: string): boolean => rs.civilBodies.size > 0 && rs.civilBodies.search(foldText(ship)).length > 0;
  return rs.ships.find(value, otherBody).map(({ ref, text, certain }) => ({
    ref,
    name: text,
    score: 1,
    basis: 'exact',
    reviewOnly: !certain,
    low: false,
    field,
    value,
    blocking: certain,
    named: true,
  }));
}

/** The matches of a name as hits, without the look-alikes of an entry the name is (see partyHits). */
function identified(rs: RuleSet, field: string, value: string, matches: PartyMatch<PartyRef>[]): PartyHit[] {
  const all = matches.map((m): PartyHit => ({ ...m, field, value, blocking: rs.parties.isBlocking(m), named: m.score >= rs.parties.thresholds.block }));
  const identifiedOn = new Set(all.filter((h) => h.blocking).map((h) => h.ref.party.list));
  return all.filter((h) => h.blocking || !(identifiedOn.has(h.ref.party.list) || (h.ref.party.list === 'defence-contractor' && identifiedOn.size > 0)));
}

/**
 * The parties another column's cell names, read as prose: names written as the lists give them, not names that only
 * resemble one ("epi wafer" is not Epirus). Only possible matches (review): the column may name a party to the
 * shipment, or one that is not (the goods' maker, a previous owner).
 */
function otherCellHits(rs: RuleSet, field: string, value: string): readonly PartyHit[] {
  return memoOf<readonly PartyHit[]>(rs, 'party hits in other columns', 10_000, field).get(value, () => {
    value = detached(value);
    return identified(rs, field, value, matchesInProse(rs, value, false))
      .filter((h) => h.named)
      .map((h) => ({ ...h, blocking: false, named: false, inOtherColumn: true as const }));
  });
}

/**
 * Words an end use may put before a name: "spares for JSDF radar" is tried from each of its first words, and
 * Chinese or Japanese prose from each of its first places where a listed name's first two characters stand.
 */
const PROSE_WORD_STARTS = 12;
const CJK_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々]+$/u;
/** A name run into the marker of whom the goods are for (三菱重工航空エンジン向け, 防卫装备厅纳入): the name is read without it too. */
const NAME_BEFORE_MARKER = /^[^\s,，;；。、|/]{2,}?(?=向け|[納纳][入め品])/u;
/** After a space or a mark, half- or full-width, a word starts. */
const WORD_START = /(?<=[\s,;:(（/：、，；「『【])\S/gu;
const WORD_AT = /[^\s,;:(（/：、，；「『【)）]+/y;

/** The word that starts at `at`. */
function firstWord(text: string, at: number): string {
  WORD_AT.lastIndex = at;
  return WORD_AT.exec(text)?.[0] ?? '';
}

/** Where a name in prose ends at the latest: no listed name holds a semicolon, a bar or a line end. */
const CLAUSE_END = /[;；|\r\n]/;
/** The tariff's "not elsewhere classified" and "not otherwise specified" (n.e.c., n.e.s., n.o.s.): no company NEC. */
const TARIFF_ABBREVIATION = /(?<![\p{L}\p{N}])n\.\s?[eo]\.\s?[cs]\.?(?![\p{L}\p{N}])/giu;
/** The text with those blanked out, the same length so that positions in it still hold. */
const withoutTariffAbbreviations = (text: string): string => (text.includes('.') ? text.replace(TARIFF_ABBREVIATION, (m) => ' '.repeat(m.length)) : text);

/**
 * The parties a sentence names anywhere in it. The index matches a name written first, with what may
 * follow it (a site, a programme); prose puts the name after other words, so each word start where a
 * listed name may start is tried, and each party keeps its best match. An abbreviation counts in prose
 * only where the military terms call it military too (JSDF): "DHA supplement production" and "DIA 10 mm"
 * are not US military users. `misspelt`: the whole text is also compared with every name when it shares
 * no word with any (an end use that is only a name); never a stretch of it. `startsHere`: which starts to try (a
 * description's: only where a name would stand as whom the goods are for).
 */
function matchesInProse(rs: RuleSet, written: string, misspelt: boolean, startsHere: (at: number) => boolean = () => true): PartyMatch<PartyRef>[] {
  const best = new Map<string, PartyMatch<PartyRef>>();
  const text = withoutTariffAbbreviations(written);
  const wordStarts = [0, ...[...text.matchAll(WORD_START)].map((m) => m.index)]
    .filter((at) => rs.parties.mayStartWith(firstWord(text, at)) && startsHere(at))
    .slice(0, PROSE_WORD_STARTS);
  const cjkStarts = rs.parties.cjkNameStarts(text).filter(startsHere).slice(0, PROSE_WORD_STARTS);
  const starts = new Set([...(misspelt ? [0] : []), ...wordStarts, ...cjkStarts]);
  if (starts.size === 0) return [];
  const terms = new Set(militaryTermsIn(rs, foldText(text)).map(foldText));
  for (const start of starts) {
    const clauseEnd = text.slice(start).search(CLAUSE_END);
    const from = clauseEnd < 0 ? text.slice(start) : text.slice(start, start + clauseEnd);
    const beforeMarker = NAME_BEFORE_MARKER.exec(from)?.[0];
    const matches = rs.parties.match(from, misspelt && start === 0);
    for (const m of beforeMarker === undefined ? matches : [...matches, ...rs.parties.match(beforeMarker, false)]) {
      // a Chinese or Japanese abbreviation (陸自) names no one else: it counts where it begins a word (陸自演習用, not 北海自動車)
      const cjkAbbreviation = CJK_NAME.test(m.name) && startsCjkWord(text, start);
      if (m.abbreviation && !terms.has(foldText(m.name)) && !cjkAbbreviation && !writtenAsInitials(text, m)) continue;
      const kept = best.get(m.ref.party.id);
      if (!kept || m.score > kept.score) best.set(m.ref.party.id, m);
    }
  }
  return [...best.values()];
}

/**
 * An abbreviation of four letters or more, written in capitals as a word of its own ("hangar lights for JBER",
 * "spares for USFJ"): initials that short prose uses for nothing else. Shorter ones (DIA, AMC, NSA) and those the
 * packs call review-only are other things too.
 */
function writtenAsInitials(text: string, m: PartyMatch<PartyRef>): boolean {
  if (m.reviewOnly || !/^[A-Z0-9-]+$/.test(m.name) || m.name.replace(/-/g, '').length < 4) return false;
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(m.name)}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/**
 * Military users the description or another text column names, as the packs write them, as whom the goods are for
 * ("spares for JGSDF training", "陸上自衛隊向け", "供日本海上自卫队", a remark "for USAF 18th Wing"): an end use written
 * into free text. A name there that is not the goods' recipient ("自衛隊仕様", replica "JGSDF camouflage") says nothing of
 * the shipment.
 */
function recipientsInProse(rs: RuleSet, row: Row): PartyHit[] {
  return [...recipientsInDescription(rs, row), ...row.norm.others.flatMap(({ field, value }) => recipientsIn(rs, field, value))];
}

/** The military users and the listed parties the description names as whom the goods are for, kept with its other facts. */
const recipientsInDescription = (rs: RuleSet, row: Row): readonly PartyHit[] =>
  row.norm.descriptionFacts.derive(rs, 'parties named as recipients', () => {
    const description = row.values.description ?? '';
    return [...recipients(rs, 'description', description), ...listedRecipients(rs, description)];
  });

/** Words without which no name in a description stands as the recipient (see standsAsRecipient): most descriptions lack them. */
const RECIPIENT_CUE = /\bfor\b|用|供|向け|[納纳][入め品]|납품|용/i;

/**
 * Listed parties the description names as whom the goods are for, as an end use would ("Samarium oxide for IHI Aerospace",
 * "复印纸 供洛克希德·马丁公司", "六角ボルト 三菱重工航空エンジン向け"); military users: recipients.
 */
function listedRecipients(rs: RuleSet, written: string): PartyHit[] {
  if (!RECIPIENT_CUE.test(written)) return [];
  const text = withoutTitles(written);
  const matches = matchesInProse(rs, text, false, (at) => standsAsRecipient(text, at)).filter((m) => m.ref.party.list !== 'military-user');
  return matches.length === 0 ? [] : identified(rs, 'description', detached(written), matches);
}

function recipientsIn(rs: RuleSet, field: string, written: string): readonly PartyHit[] {
  // kept by the text as written: the evidence quotes it
  return memoOf<readonly PartyHit[]>(rs, 'military users named as recipients', 10_000, field).get(written, () => recipients(rs, field, written));
}

/**
 * A military user's full name standing as a word of its own in the description, not as whom the goods are for
 * ("空撮ドローン 陸上自衛隊 災害派遣用", "Copy paper A4 Japan Ground Self-Defense Force"), may still be the recipient: review
 * only (a name in a remark is read as a party already). Not an abbreviation (JGSDF camouflage) or a name that runs on into a
 * word (自衛隊仕様, 自衛隊モデル), unless a base or camp of the user follows (陸自朝霞駐屯地, 在日米海軍横須賀基地, "JGSDF Camp
 * Asaka"); not a name that runs into a style (陸上自衛隊 迷彩柄), one inside a work's title, or the subject of a scale model.
 */
const RUNS_ON = /^[\p{L}\p{N}]/u;
/** The next word makes the name a style: "陸上自衛隊 迷彩柄 Tシャツ", "JGSDF camo pattern", "自卫队 款式" (folded, as the text is). */
const STYLE_WORDS = ['迷彩', '柄', '款', '仕様', '风格', '式样', '型', 'タイプ', 'モデル', 'スタイル', 'レプリカ', 'camo', 'camouflage', 'pattern', 'style', 'replica', 'type', 'model'];
const STYLE_FOLLOWS = new RegExp(`^[\\s\\-/・]*(?:${STYLE_WORDS.map(foldText).join('|')})`, 'u');
/** A scale model or kit of the forces' ships and aircraft names them as its subject: "海上自卫队 护卫舰 塑料拼装模型 1/700". */
const SCALE_MODEL = new RegExp(`${['模型', '拼装', 'プラモ'].map(foldText).join('|')}|\\b(?:model kit|scale model|die ?cast)\\b|(?<!\\d)1\\s?[/:]\\s?(?:35|48|72|100|144|200|350|400|700)(?!\\d)`, 'u');

function recipients(rs: RuleSet, field: string, written: string): PartyHit[] {
  if (written.trim() === '' || rs.militaryUserNames.size === 0) return [];
  const text = foldText(written);
  const untitled = withoutTitles(text);
  const value = detached(written);
  const hits: PartyHit[] = [];
  for (const { start, end, value: user } of rs.militaryUserNames.search(text)) {
    if (user.abbreviation && !standsAsUnitAbbreviation(text, start, end, RECIPIENT_MARKER) && !standsAsUnitAbbreviation(text, start, end, UNIT_PURPOSE_FOLLOWS)) continue;
    const recipient = standsAsRecipient(text, start);
    const atFacility = FACILITY_FOLLOWS.test(text.slice(end, end + 24));
    const standsAlone = atFacility || (!user.abbreviation && !RUNS_ON.test(text.slice(end, end + 1)));
    if (!recipient && (field !== 'description' || !standsAlone || STYLE_FOLLOWS.test(text.slice(end, end + 16)) || SCALE_MODEL.test(text) || untitled.slice(start, end) !== text.slice(start, end))) continue;
    const kept = hits.findIndex((h) => h.ref.party.id === user.ref.party.id);
    if (kept >= 0 && (!recipient || hits[kept]!.blocking)) continue;
    const hit: PartyHit = { ref: user.ref, name: user.name, score: 1, basis: 'exact', reviewOnly: !recipient, low: false, field, value, blocking: recipient, named: true };
    if (!recipient) hit.mentioned = true;
    if (kept >= 0) hits[kept] = hit;
    else hits.push(hit);
  }
  return hits;
}

/** Whether the end use or another column names a party (the description: see namesNoParty). */
function proseNamesParty(row: Row, rs: RuleSet): boolean {
  const endUse = row.values.end_use?.trim();
  return (endUse !== undefined && endUse !== '' && partyHits(rs, { field: 'end_use', value: endUse }).length > 0) || row.norm.others.some(({ field, value }) => recipientsIn(rs, field, value).length > 0);
}

/**
 * Whether the row names no party, military body, military use or party's address anywhere (screen.ts: such a row may be
 * quiet). Rows repeat their parties, end use and remarks far more than their goods: the answer for those cells is kept
 * per distinct set of them, and the description, read for military users written as the recipient, apart.
 */
export function namesNoParty(row: Row, rs: RuleSet): boolean {
  const quietCells = memoOf<boolean>(rs, 'party cells that name no one', 10_000).get(partyCellsKey(row), () =>
    !partyCellsNameParty(row, rs) && militaryUses(row, rs).length === 0 && !otherCellsNameParty(row, rs) && !proseNamesParty(row, rs) && !namesPartyAddress(row, rs),
  );
  return quietCells && recipientsInDescription(rs, row).length === 0;
}

/** Every cell namesNoParty reads but the description, with its column and the phrase that introduced it. */
function partyCellsKey({ norm, values }: Row): string {
  let key = values.end_use ?? '';
  for (const { field, value, introducedBy } of norm.parties) key += `\u0000${field}\u0001${value}\u0001${introducedBy ?? ''}`;
  key += '\u0002';
  for (const { field, value } of norm.others) key += `\u0000${field}\u0001${value}`;
  return key;
}

export function partyEvidence(p: PartyHit): Evidence {
  return { field: p.field, value: p.value, matched: p.name, kind: 'party', score: p.score };
}

/** Military terms and units in the end use, after masking negated phrases ("non-military", "民用") and the titles of works (『…』, 《…》). */
function militaryTerms(row: Row, rs: RuleSet): Evidence[] {
  const text = withoutTitles(row.norm.endUse);
  if (text === '') return [];
  const written = row.values.end_use ?? '';
  const matched = [...militaryTermsIn(rs, text), ...unitsInUse(rs, text, written).map((u) => u.text)];
  return matched.map((m) => ({ field: 'end_use', value: written, matched: m, kind: 'term' }));
}

/** The military terms of a folded text, after masking the negations; cached by the text. */
function militaryTermsIn(rs: RuleSet, text: string): string[] {
  if (rs.militaryTerms.size === 0) return [];
  return memoOf<string[]>(rs, 'terms in end uses', 10_000).get(text, () => {
    return [...new Set(rs.militaryTerms.search(withoutNegations(text, rs.negations)).map((hit) => hit.value))];
  });
}

/**
 * The text with every negation phrase blanked out, each found in the text as written, so that phrases
 * that overlap are all masked ("army & navy surplus": both "army & navy" and "navy surplus"), and every negated clause
 * ("不用于任何军事用途", "will not be transferred to the JSDF": negated-clauses.ts) and every place named only as where the user
 * is near ("near Sasebo naval port": nearby-places.ts). A phrase ending in 以外 stays when a negated use turns it around.
 */
function withoutNegations(text: string, negations: string[], foundIn = text): string {
  const masked = text.split('');
  for (const phrase of negations) {
    for (let at = foundIn.indexOf(phrase); at >= 0; at = foundIn.indexOf(phrase, at + 1)) {
      if (!negationTurnedAround(foundIn, phrase, at + phrase.length)) masked.fill(' ', at, at + phrase.length);
    }
  }
  for (const [start, end] of [...negatedClauseSpans(foundIn), ...nearbyPlaceSpans(foundIn)]) masked.fill(' ', start, end);
  return masked.join('');
}

/**
 * An end use as written (its capitals kept: "spares for JBER"), with its negated phrases blanked: a name inside one
 * ("最终用户保证不用于日本自卫队", "自衛隊向けではありません", "在日米軍とは無関係") is not whom the goods are for.
 */
function withoutNegatedNames(written: string, negations: string[]): string {
  const text = written.normalize('NFKC');
  // the negations are folded (case, width, character variants): found in the folded text where it keeps the positions
  const folded = foldText(text);
  return folded.length === text.length ? withoutNegations(text, negations, folded) : text;
}

/**
 * Parties on the list that the row names: for certain, or by a name that scores as the entry but may
 * only raise review (a LOW fact, the legal entity of a listed division): a measure on those raises review.
 */
export function onList(nexus: Nexus, list: PartyList): PartyHit[] {
  return nexus.parties.filter((p) => p.ref.party.list === list && (p.blocking || p.named));
}
