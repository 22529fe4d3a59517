import { parseCasNumbers, parseControlCodes, parseHsCode } from '../match/codes.js';
import { countryCode } from '../match/countries.js';
import { foldText } from '../match/fold.js';
import type { HsScheme, NormalisedRow, PartyCell, Row, RowValues } from '../model/row.js';

const present = (v: string | undefined): string | undefined => {
  const t = v?.trim();
  return t ? t : undefined;
};

const country = (v: string | undefined): string | undefined => {
  const t = present(v);
  return t === undefined ? undefined : countryCode(t);
};

export function normaliseRow(values: RowValues, hsScheme: HsScheme, moreParties: PartyCell[] = []): NormalisedRow {
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
    moreParties,
  };
}

export function makeRow(input: string, row: number, line: number, values: RowValues, extras: Record<string, string>, hsScheme: HsScheme, moreParties?: PartyCell[]): Row {
  return { input, row, line, values, extras, norm: normaliseRow(values, hsScheme, moreParties) };
}
