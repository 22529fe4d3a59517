import { createHash } from 'node:crypto';
import { parseCasNumbers, parseControlCodes, parseHsCode } from '../match/codes.js';
import { countryCode } from '../match/countries.js';
import { foldText } from '../match/fold.js';
import type { HsScheme, NormalisedRow, Row, RowValues } from '../model/row.js';
import { headerKey } from './columns.js';

const present = (v: string | undefined): string | undefined => {
  const t = v?.trim();
  return t ? t : undefined;
};

const country = (v: string | undefined): string | undefined => {
  const t = present(v);
  return t === undefined ? undefined : countryCode(t);
};

export function normaliseRow(values: RowValues, hsScheme: HsScheme): NormalisedRow {
  return {
    description: foldText(values.description ?? ''),
    hs: parseHsCode(values.hs_code, hsScheme),
    controlCodes: parseControlCodes(values.control_code),
    // CAS numbers are also written into descriptions ("P507 (CAS 14802-03-0)").
    cas: parseCasNumbers(`${values.cas_number ?? ''} ${values.description ?? ''}`),
    originCountry: country(values.origin_country),
    exportCountry: country(values.export_country),
    destinationCountry: country(values.destination_country),
    consigneeCountry: country(values.consignee_country),
    endUserCountry: country(values.end_user_country),
    consignee: values.consignee?.trim() ?? '',
    endUser: values.end_user?.trim() ?? '',
    endUse: foldText(values.end_use ?? ''),
  };
}

/**
 * A row's identity for baselines and waivers: a hash of all its values, canonical and other columns
 * (an order number, a date), normalised, so the same line keeps its fingerprint when the file is
 * re-ordered or re-exported with other spacing, and December's order of the same goods is another
 * row. Other columns are keyed `column:NAME`; a row without any hashes as before they counted.
 */
export function rowFingerprint(row: Pick<Row, 'values'> & Partial<Pick<Row, 'extras'>>): string {
  const entries = [...Object.entries(row.values), ...Object.entries(row.extras ?? {}).map(([k, v]): [string, string] => [`column:${headerKey(k) || k}`, v])];
  const canonical = entries
    // NFKC and case only, not foldText: a fingerprint must not change when matching learns to fold more
    .map(([k, v]): [string, string] => [k, (v ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()])
    .filter(([, v]) => v !== '')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 16);
}

export function makeRow(input: string, row: number, line: number, values: RowValues, extras: Record<string, string>, hsScheme: HsScheme): Row {
  return { input, row, line, values, extras, norm: normaliseRow(values, hsScheme) };
}
