import { parseCasNumbers, parseControlCodes, parseHsCode } from '../match/codes.js';
import { countryCode } from '../match/countries.js';
import { BoundedMemo } from '../match/bounded-memo.js';
import { foldText } from '../match/fold.js';
import { introducedNames } from '../match/party-phrases.js';
import type { HsScheme, NormalisedRow, PartyCell, Row, RowValues } from '../model/row.js';

const present = (v: string | undefined): string | undefined => {
  const t = v?.trim();
  return t ? t : undefined;
};

const country = (v: string | undefined): string | undefined => {
  const t = present(v);
  return t === undefined ? undefined : countryCode(t);
};

/** The countries of a cell that may hold several, joined by semicolons ("日本; 中国香港" from two destination columns). */
const countries = (v: string | undefined): string[] => {
  const whole = country(v);
  if (whole !== undefined || v === undefined) return whole === undefined ? [] : [whole];
  return [...new Set(v.split(/[;；]/).map(country).filter((c) => c !== undefined))];
};

/** Descriptions and end uses repeat down a manifest: each is folded once, and every row gets the same folded string (its hash already worked out for the memos it keys). */
const FOLDED = new BoundedMemo<string>(20_000);
const folded = (text: string | undefined): string => (text === undefined || text === '' ? '' : FOLDED.get(text, () => foldText(text)));

export function normaliseRow(values: RowValues, hsScheme: HsScheme, moreParties: PartyCell[] = [], otherCells: PartyCell[] = []): NormalisedRow {
  const [destinationCountry, ...moreDestinationCountries] = countries(values.destination_country);
  const parties = partyCells(values, moreParties);
  return {
    description: folded(values.description),
    hs: parseHsCode(values.hs_code, hsScheme),
    controlCodes: parseControlCodes(values.control_code),
    // CAS numbers are also written into descriptions ("P507 (CAS 14802-03-0)").
    cas: parseCasNumbers(`${values.cas_number ?? ''} ${values.description ?? ''}`),
    originCountry: country(values.origin_country),
    exportCountry: country(values.export_country),
    destinationCountry,
    ...(moreDestinationCountries.length > 0 ? { moreDestinationCountries } : {}),
    consigneeCountry: country(values.consignee_country),
    endUserCountry: country(values.end_user_country),
    endUse: folded(values.end_use),
    parties: [...parties, ...introducedParties(parties, otherCells, values.description)],
    others: otherTexts(otherCells),
  };
}

/** The other columns' cells that may name a party: trimmed text, not one word with a digit (an order number, a date). */
function otherTexts(cells: PartyCell[]): PartyCell[] {
  const out: PartyCell[] = [];
  for (const { field, value } of cells) {
    const text = value.trim();
    if (text !== '' && (/\s/.test(text) || !/\d/.test(text))) out.push({ field, value: text });
  }
  return out;
}

/** Every party name on the row with its field: the consignee, the end user, then the further party columns. */
function partyCells(values: RowValues, moreParties: PartyCell[]): PartyCell[] {
  const cells: PartyCell[] = [];
  for (const field of ['consignee', 'end_user'] as const) {
    const value = values[field]?.trim();
    if (value) cells.push({ field, value });
  }
  cells.push(...moreParties);
  return cells;
}

/** The names that phrases introduce in the party cells, the other columns and the description, under the column they were read from. */
function introducedParties(parties: PartyCell[], otherCells: PartyCell[], description = ''): PartyCell[] {
  const out: PartyCell[] = [];
  const read = (field: string, value: string): void => {
    for (const { name, phrase } of introducedNames(value)) out.push({ field, value: name, introducedBy: phrase });
  };
  for (const { field, value } of parties) read(field, value);
  for (const { field, value } of otherCells) read(field, value);
  read('description', description);
  return out;
}

export function makeRow(
  input: string,
  row: number,
  line: number,
  values: RowValues,
  extras: Record<string, string>,
  hsScheme: HsScheme,
  moreParties?: PartyCell[],
  otherCells?: PartyCell[],
): Row {
  return { input, row, line, values, extras, norm: normaliseRow(values, hsScheme, moreParties, otherCells) };
}
