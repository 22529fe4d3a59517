/** The row's ties that measures ask about: countries, listed parties, military users and uses. */
import type { Row } from '../manifest/row.js';
import type { RuleSet } from '../rules/compile.js';
import type { PartyList } from '../rules/schema.js';
import type { PartyMatch } from './party-index.js';
import type { Evidence } from './types.js';

export interface PartyHit extends PartyMatch {
  field: 'consignee' | 'end_user';
  value: string;
  blocking: boolean;
}

export interface Nexus {
  /** ISO codes of destination, consignee and end-user countries and of blocking listed parties. */
  countries: Map<string, Evidence>;
  /** Party matches in force on the as-of date, blocking and possible. */
  parties: PartyHit[];
  military: Evidence[];
}

const PARTY_FIELDS = ['consignee', 'end_user'] as const;

export function findNexus(row: Row, rs: RuleSet, asOf: string): Nexus {
  const countries = new Map<string, Evidence>();
  const addCountry = (code: string | undefined, field: string): void => {
    if (code && !countries.has(code)) countries.set(code, { field, value: row.values[field as keyof typeof row.values] ?? '', matched: code, kind: 'country' });
  };
  addCountry(row.norm.destinationCountry, 'destination_country');
  addCountry(row.norm.consigneeCountry, 'consignee_country');
  addCountry(row.norm.endUserCountry, 'end_user_country');

  const parties: PartyHit[] = [];
  for (const field of PARTY_FIELDS) {
    const value = field === 'consignee' ? row.norm.consignee : row.norm.endUser;
    if (value === '') continue;
    const matches = rs.parties.match(value);
    if (matches.length === 0) continue; // most names match nothing
    const hits = matches.filter((m) => listedOn(m, asOf)).map((m): PartyHit => ({ ...m, field, value, blocking: rs.parties.isBlocking(m) }));
    // a name that is a listed entry is not also "possibly" its look-alikes
    const identified = hits.some((h) => h.blocking);
    for (const h of hits) {
      const again = parties.some((p) => p.ref.party.id === h.ref.party.id && p.value === value);
      if ((identified && !h.blocking) || again) continue;
      parties.push(h);
    }
  }
  for (const p of parties) {
    // a listed entity brings its country; a military user "by definition" only where the row says so
    if (p.blocking && p.ref.party.list !== 'military-user' && !countries.has(p.ref.party.country)) {
      countries.set(p.ref.party.country, partyEvidence(p));
    }
  }

  const military: Evidence[] = parties.filter((p) => p.blocking && p.ref.party.list === 'military-user').map(partyEvidence);
  military.push(...militaryTerms(row, rs));
  return { countries, parties, military };
}

function listedOn(m: PartyMatch, asOf: string): boolean {
  const { listed, delisted } = m.ref.party;
  if (listed !== undefined && asOf < listed) return false;
  return delisted === undefined || asOf < delisted;
}

export function partyEvidence(p: PartyHit): Evidence {
  return { field: p.field, value: p.value, matched: p.name, kind: 'party', score: p.score };
}

/** Military terms in the end use, after masking negated phrases ("non-military", "民用"). */
function militaryTerms(row: Row, rs: RuleSet): Evidence[] {
  const text = row.norm.endUse;
  if (text === '') return [];
  let terms = rs.termCache.get(text);
  if (!terms) {
    terms = findMilitaryTerms(text, rs);
    if (rs.termCache.size >= 10_000) rs.termCache.clear();
    rs.termCache.set(text, terms);
  }
  return terms.map((matched) => ({ field: 'end_use', value: row.values.end_use ?? '', matched, kind: 'term' }));
}

function findMilitaryTerms(endUse: string, rs: RuleSet): string[] {
  let text = endUse;
  for (const phrase of rs.negations) {
    if (text.includes(phrase)) text = text.split(phrase).join(' '.repeat(phrase.length));
  }
  return [...new Set(rs.militaryTerms.search(text).map((hit) => hit.value))];
}

export function onList(nexus: Nexus, list: PartyList, blocking: boolean): PartyHit[] {
  return nexus.parties.filter((p) => p.ref.party.list === list && p.blocking === blocking);
}
