/**
 * The pieces the engine's messages are built from: rule-pack names in every language the pack gives,
 * and column names as the catalogues translate them. The words themselves are in src/i18n.
 */
import { format } from '../i18n/format.js';
import { msg, type Localized, type Msg, type Param } from '../i18n/message.js';
import { CANONICAL_COLUMNS } from '../model/row.js';
import type { Party, PartyList } from '../rules/schema.js';
import type { CompiledItem } from './compile.js';

/** The English message of a Msg: what `Finding.message` and `Result.notes` hold. */
export const english = (m: Msg): string => format(m, 'en');

/** "1C902.b Samarium oxide …" (the code, when there is one, and the title) in each language the pack gives. */
export function itemTitle(ci: CompiledItem): Localized {
  const { controlCode, title } = ci.item;
  const withCode = (t: string | undefined): string | undefined => (t === undefined ? undefined : controlCode ? `${controlCode} ${t}` : t);
  return localized(withCode(title.en)!, withCode(title.zh), withCode(title.ja));
}

/** "1C902.b Samarium oxide …", or the item id and its title where it has no code. */
export function itemLabelled(ci: CompiledItem): Localized {
  const { title } = ci.item;
  const label = ci.item.controlCode ?? ci.item.id;
  return localized(`${label} ${title.en}`, title.zh && `${label} ${title.zh}`, title.ja && `${label} ${title.ja}`);
}

const nameText = (n: Party['names']['en'][number] | undefined): string | undefined => (typeof n === 'string' ? n : n?.name);

/** The party's first English name (else its first Chinese or Japanese), with its first Chinese and Japanese names. */
export function partyNames(party: Party, fallback: string): Localized {
  const { en, zh, ja } = party.names;
  return localized(nameText(en[0]) ?? nameText(zh[0]) ?? nameText(ja[0]) ?? fallback, nameText(zh[0]), nameText(ja[0]));
}

export const listName = (list: PartyList): Msg => msg(`list.${list}`);

const COLUMNS = new Set<string>(CANONICAL_COLUMNS);

/** A column name as the catalogues write it (`consignee`, 收货人); other names as they are. */
export const field = (name: string): Param => (COLUMNS.has(name) ? msg(`field.${name}` as `field.${(typeof CANONICAL_COLUMNS)[number]}`) : name);

function localized(en: string, zh: string | undefined, ja: string | undefined): Localized {
  return { en, ...(zh ? { zh } : {}), ...(ja ? { ja } : {}) };
}
