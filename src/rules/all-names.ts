/** Every name a party is written by, and every word of a keyword list: a module of its own, so that the compiled rule set loads without zod (schema.ts). */
import type { Keywords, Party } from './schema.js';

export const partyNames = (party: Party): Party['names']['en'] => [...party.names.en, ...party.names.zh, ...party.names.ja, ...(party.names.ko ?? [])];

const KEYWORD_LANGUAGES = ['en', 'zh', 'ja', 'ko', 'de', 'fr', 'es', 'it'] as const;

/** The words of a keyword list in every language (not its case-sensitive abbreviations). */
export const keywordWords = (k: Keywords | undefined): string[] => KEYWORD_LANGUAGES.flatMap((lang) => k?.[lang] ?? []);

/** Whether a keyword list has a word in any language, without gathering them. */
export const hasKeywordWords = (k: Keywords | undefined): boolean => KEYWORD_LANGUAGES.some((lang) => (k?.[lang]?.length ?? 0) > 0);
