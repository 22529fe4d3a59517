/** Country names as reports show them: the English short name of rules/reference/countries.json. */
import { countryEntries } from '../match/countries.js';

let names: Map<string, string> | undefined;

/** English short name of an alpha-2 code; the code itself when unknown. */
export function countryName(code: string): string {
  names ??= new Map(countryEntries().map(({ code: c, name }) => [c, name]));
  return names.get(code.trim().toUpperCase()) ?? code;
}
