/** Every name a party is written by, and every word of a keyword list: a module of its own, so that the compiled rule set loads without zod (schema.ts). */
import type { Keywords, Party } from './schema.js';

export const partyNames = (party: Party): Party['names']['en'] => [...party.names.en, ...party.names.zh, ...party.names.ja, ...(party.names.ko ?? [])];

/** The words of a keyword list in every language (not its case-sensitive abbreviations). */
export const keywordWords = (k: Keywords | undefined): string[] => [...(k?.en ?? []), ...(k?.zh ?? []), ...(k?.ja ?? []), ...(k?.ko ?? [])];
