/** One-line names for rule entries, as listings, look-ups and diffs show them. */
import type { Item, Measure, Party, PartyList } from './schema.js';

/** The first English name, else the first Chinese or Japanese one. */
export function partyName(party: Party): string {
  const n = party.names.en[0] ?? party.names.zh[0] ?? party.names.ja[0];
  return typeof n === 'string' ? n : (n?.name ?? party.id);
}

/** The list a party is on, as findings name it. */
export const LIST_NAMES: Record<PartyList, string> = {
  control: "China's export control list",
  watch: "China's watch list",
  'military-user': 'military users',
  unreliable: "China's Unreliable Entity List",
  'defence-contractor': 'defence prime contractors',
};

/** The same, short, for one-line labels. */
const LIST_TITLES: Record<PartyList, string> = {
  control: 'export control list',
  watch: 'watch list',
  'military-user': 'military users',
  unreliable: 'Unreliable Entity List',
  'defence-contractor': 'defence prime contractors',
};

export function partyLabel(party: Party): string {
  return `${partyName(party)} (${party.country}, ${LIST_TITLES[party.list]}${party.listed ? `, listed ${party.listed}` : ''})`;
}

export function itemLabel(item: Item): string {
  return `${item.controlCode ?? '-'}  ${item.title.en}`;
}

export function measureLabel(measure: Measure): string {
  return `${measure.verdict}  ${measure.title}`;
}
