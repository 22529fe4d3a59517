/**
 * Every label of a rule entry (item, measure, party, list) and of a manifest column, in each language
 * the packs and the catalogues give: what findings, look-ups, listings and diffs call things.
 */
import type { Localized, Msg, Param } from '../model/message.js';
import { CANONICAL_COLUMNS } from '../model/row.js';
import type { PartyList } from '../model/verdict.js';
import type { Item, Measure, Party } from '../rules/schema.js';
import { format } from './format.js';
import { msg } from './message.js';

/** The English message of a Msg: what `Finding.message` and `Result.notes` hold. */
export const english = (m: Msg): string => format(m, 'en');

function localized(en: string, zh: string | undefined, ja: string | undefined): Localized {
  return { en, ...(zh ? { zh } : {}), ...(ja ? { ja } : {}) };
}

/** "1C902.b Samarium oxide …" (the code, when there is one, and the title) in each language the pack gives. */
export function itemTitle(item: Item): Localized {
  return once(titles, item, () => {
    const { controlCode, title } = item;
    const withCode = (t: string | undefined): string | undefined => (t === undefined ? undefined : controlCode ? `${controlCode} ${t}` : t);
    return localized(withCode(title.en)!, withCode(title.zh), withCode(title.ja));
  });
}

/** "1C902.b Samarium oxide …", or the item id and its title where it has no code. */
export function itemLabelled(item: Item): Localized {
  return once(labels, item, () => {
    const { title } = item;
    const label = item.controlCode ?? item.id;
    return localized(`${label} ${title.en}`, title.zh && `${label} ${title.zh}`, title.ja && `${label} ${title.ja}`);
  });
}

/**
 * An item's titles are made once and the same object shared by every finding that names the item: fewer
 * objects per row, and a worker's reply carries each title once however many rows name it.
 */
const titles = new WeakMap<Item, Localized>();
const labels = new WeakMap<Item, Localized>();
function once<K extends object>(made: WeakMap<K, Localized>, entry: K, make: () => Localized): Localized {
  let text = made.get(entry);
  if (!text) made.set(entry, (text = Object.freeze(make())));
  return text;
}

/** A measure's message in each language its pack gives, shared as item titles are. */
export function measureMessage(measure: Measure): Localized {
  return once(messages, measure, () => ({ en: measure.message, ...measure.messageI18n }));
}
const messages = new WeakMap<Measure, Localized>();

const nameText = (n: Party['names']['en'][number] | undefined): string | undefined => (typeof n === 'string' ? n : n?.name);

/** The party's first English name (else its first Chinese or Japanese), with its first Chinese and Japanese names. */
export function partyNames(party: Party, fallback: string = party.id): Localized {
  const { en, zh, ja } = party.names;
  const first = nameText(en[0]) ?? nameText(zh[0]) ?? nameText(ja[0]);
  // shared as item titles are, except where the name falls back to what the row wrote
  return first === undefined ? localized(fallback, undefined, undefined) : once(names, party, () => localized(first, nameText(zh[0]), nameText(ja[0])));
}
const names = new WeakMap<Party, Localized>();

/** The party's first English name, else its first Chinese or Japanese one, else its id. */
export const partyName = (party: Party): string => partyNames(party).en;

/** The list a party is on, as findings name it ("China's export control list"). */
export const listName = (list: PartyList): Msg => msg(`list.${list}`);

/** The same, short, for one-line labels (English-only listings and diffs). */
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

const COLUMNS = new Set<string>(CANONICAL_COLUMNS);

/** Whether a field is a canonical column, which the catalogues name in every language. */
export const isColumn = (name: string): boolean => COLUMNS.has(name);

/** A column name as the catalogues write it (`consignee`, 收货人); other names as they are. */
export const field = (name: string): Param => (isColumn(name) ? msg(`field.${name}` as `field.${(typeof CANONICAL_COLUMNS)[number]}`) : name);
