/**
 * A message as data: a catalogue id (src/i18n) and its parameters, which findings and notes carry so that
 * reports can render them in any language. Only the shapes live here, in the vocabulary; src/i18n renders them.
 */

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

