/** `dualscreen lookup QUERY`: is this code, substance, text or party in the rule packs, and in force on the day? */
import { hsHeadings } from '../match/hs-nomenclature.js';
import { listsSearched, lookupJson, lookupText } from '../lookup/render.js';
import { lookup } from '../lookup/search.js';
import { UserError } from '../model/errors.js';
import { ruleSetFor } from '../engine/resident.js';

export interface LookupCommandOptions {
  query: string;
  asOf: string;
  rules?: string[];
  format: 'text' | 'json';
  write: (text: string) => void;
}

export async function runLookup(o: LookupCommandOptions): Promise<number> {
  if (o.query.trim() === '') throw new UserError('lookup: give an HS code, control code, CAS number, text or name to look up');
  const rs = await ruleSetFor(o.rules);
  const result = await lookup(o.query, rs);
  const answer = { ...result, asOf: o.asOf, hsHeadings: result.query.kind === 'hs-code' ? hsHeadings(result.query.key) : [], listsSearched: listsSearched(rs) };
  o.write(o.format === 'json' ? lookupJson(answer) : lookupText(answer));
  return 0;
}
