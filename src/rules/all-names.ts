/** Every name a party is written by: a module of its own, so that the compiled rule set loads without zod (schema.ts). */
import type { Party } from './schema.js';

export const partyNames = (party: Party): Party['names']['en'] => [...party.names.en, ...party.names.zh, ...party.names.ja, ...(party.names.ko ?? [])];
