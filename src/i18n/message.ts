/**
 * Messages as data: an id in the catalogues (src/i18n/en.ts, zh.ts, ja.ts) and its parameters. The engine
 * builds every finding and note as a Msg and renders its English `message` from the English catalogue, so the
 * two never disagree; reporters render the same Msg in the language the user asked for.
 *
 * Parameters are plain text and numbers (codes, dates, the row's own values), a Localized text from the rule
 * packs (an item's title, a party's name, a measure's message in English, Chinese and Japanese), a nested Msg,
 * or a list of these (joined by the separator the template names).
 */
export const LANGS = ['en', 'zh', 'ja'] as const;
export type Lang = (typeof LANGS)[number];

/** Text the rule packs give in several languages; English always. */
export interface Localized {
  en: string;
  zh?: string;
  ja?: string;
}

export type Param = string | number | boolean | Localized | Msg | Param[];

export interface Msg {
  id: string;
  params?: Record<string, Param | undefined>;
}

export const isMsg = (p: unknown): p is Msg => typeof p === 'object' && p !== null && 'id' in p && typeof (p as Msg).id === 'string';
export const isLocalized = (p: unknown): p is Localized => typeof p === 'object' && p !== null && !Array.isArray(p) && 'en' in p && !('id' in p);

export function parseLang(value: string, option = '--lang'): Lang {
  const lang = value.toLowerCase().replace(/[-_].*$/, '');
  if (!(LANGS as readonly string[]).includes(lang)) throw new RangeError(`${option}: unknown language "${value}" (use ${LANGS.join(', ')})`);
  return lang as Lang;
}

/** A message of the catalogues; its id is checked against the English catalogue. */
export function msg(id: import('./en.js').MessageId, params?: Msg['params']): Msg {
  return params ? { id, params } : { id };
}
