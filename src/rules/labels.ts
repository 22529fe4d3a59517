/** One-line names for rule entries, as listings, look-ups and diffs show them. */
import { text } from '../i18n/format.js';
import type { Item, Measure, Party, PartyList } from './schema.js';

const PARTY_LISTS: PartyList[] = ['control', 'watch', 'military-user', 'unreliable', 'defence-contractor'];

/** The first English name, else the first Chinese or Japanese one. */
export function partyName(party: Party): string {
  const n = party.names.en[0] ?? party.names.zh[0] ?? party.names.ja[0];
  return typeof n === 'string' ? n : (n?.name ?? party.id);
}

/** The list a party is on, as findings name it (the English catalogue's words, as --lang translates them). */
export const LIST_NAMES = Object.fromEntries(PARTY_LISTS.map((l) => [l, text('en', `list.${l}`)])) as Record<PartyList, string>;

/** The same, short, for one-line labels: the catalogue's nexus words where the name has a longer form. */
const LIST_TITLES: Record<PartyList, string> = { ...LIST_NAMES, control: text('en', 'nexus.control'), watch: text('en', 'nexus.watch'), unreliable: text('en', 'nexus.unreliable') };

export function partyLabel(party: Party): string {
  return `${partyName(party)} (${party.country}, ${LIST_TITLES[party.list]}${party.listed ? `, listed ${party.listed}` : ''})`;
}

export function itemLabel(item: Item): string {
  return `${item.controlCode ?? '-'}  ${item.title.en}`;
}

export function measureLabel(measure: Measure): string {
  return `${measure.verdict}  ${measure.title}`;
}
