/**
 * --licenses: the export licences a company holds, as YAML (`licences:` list) or CSV (one licence a
 * line, the same field names as headers). Both pass through one zod schema.
 */
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { decodeText, readUserFile, refOf, type FileRef } from '../files/file.js';
import { describeIssues, failWith, parseYaml, validateYaml } from '../files/yaml.js';
import { headerKey } from '../manifest/columns.js';
import { detectDelimiter } from '../manifest/read.js';
import type { NameFeatures } from '../match/party-names.js';
import { parseAmount } from './amounts.js';
import { ControlCodeField, CountryField, HsCodeField, IsoDate, Label, oneOrMany, Text } from './fields.js';
import { featuresOf } from './names.js';

export const Licence = z
  .object({
    number: Label,
    control_codes: oneOrMany(ControlCodeField).optional(),
    hs_codes: oneOrMany(HsCodeField).optional(),
    destination: CountryField,
    end_user: oneOrMany(Text),
    valid_from: IsoDate,
    valid_to: IsoDate,
    quantity: z.number().positive().optional(),
    unit: Text.optional(),
    value: z.number().positive().optional(),
    currency: z.string().trim().regex(/^[A-Za-z]{3}$/, 'expected a currency code such as USD').transform((c) => c.toUpperCase()).optional(),
    note: Text.optional(),
  })
  .strict()
  .superRefine((l, ctx) => {
    const fail = (message: string, path: string[] = []): void => ctx.addIssue({ code: 'custom', message, path });
    if (!l.control_codes?.length && !l.hs_codes?.length) fail('a licence names its goods by control_codes or hs_codes (or both)');
    if (l.quantity === undefined && l.value === undefined) fail('a licence states a quantity (with unit) or a value (with currency), or both');
    if (l.quantity !== undefined && l.unit === undefined) fail('a quantity needs its unit', ['unit']);
    if (l.value !== undefined && l.currency === undefined) fail('a value needs its currency', ['currency']);
    if (l.valid_to < l.valid_from) fail(`valid_to ${l.valid_to} is before valid_from ${l.valid_from}`, ['valid_to']);
  });
export type Licence = z.infer<typeof Licence>;

const FIELDS = ['number', 'control_codes', 'hs_codes', 'destination', 'end_user', 'valid_from', 'valid_to', 'quantity', 'unit', 'value', 'currency', 'note'] as const;
type Field = (typeof FIELDS)[number];

export interface LoadedLicence extends Omit<Licence, 'control_codes' | 'hs_codes'> {
  control_codes: string[];
  hs_codes: string[];
  /** `file:line` (CSV) or `file:line:col` (YAML) of the licence. */
  at: string;
  names: NameFeatures[];
}

export interface LicenceRegister {
  ref: FileRef;
  licences: LoadedLicence[];
}

export function loadLicences(path: string): LicenceRegister {
  const file = readUserFile(path, 'licence register');
  const ref = refOf(file);
  const csv = extname(file.file).toLowerCase() === '.csv';
  return { ref, licences: checkUnique(csv ? parseLicenceCsv(file.bytes, ref.path) : parseLicenceYaml(file.bytes.toString('utf8'), ref.path)) };
}

export function parseLicenceYaml(text: string, shown: string): LoadedLicence[] {
  const yaml = parseYaml(text, shown);
  const { licences } = validateYaml(z.object({ licences: z.array(Licence) }).strict(), yaml, 'licences');
  return licences.map((l, i) => loaded(l, yaml.locate(['licences', i])));
}

/** CSV headers: the YAML field names, in any case and spacing, or one of these. */
const HEADER_ALIASES: Record<Field, string[]> = {
  number: ['licence', 'license', 'licence no', 'license no', 'licence number', 'license number', '许可证号', '许可证编号', '許可番号'],
  control_codes: ['control code', 'control codes', 'export control code', '管制编码', '該非判定番号'],
  hs_codes: ['hs code', 'hs codes', '商品编码', 'hsコード'],
  destination: ['destination country', 'country', '目的国', '仕向国'],
  end_user: ['end user', 'end users', '最终用户', '最終需要者'],
  valid_from: ['valid from', 'from', '有效期起'],
  valid_to: ['valid to', 'valid until', 'to', 'expires', '有效期至'],
  quantity: ['qty', '数量'],
  unit: ['uom', '单位', '単位'],
  value: ['amount', '金额', '金額'],
  currency: ['curr', '币种', '通貨'],
  note: ['notes', 'remarks', '备注'],
};
const FIELD_BY_HEADER = new Map<string, Field>(FIELDS.flatMap((f) => [f, ...HEADER_ALIASES[f]].map((h): [string, Field] => [headerKey(h), f])));
const LIST_FIELDS: Partial<Record<Field, RegExp>> = { control_codes: /[\s,;|]+/, hs_codes: /[\s,;|]+/, end_user: /\s*[;|]\s*/ };

export function parseLicenceCsv(bytes: Buffer, shown: string): LoadedLicence[] {
  const { text } = decodeText(bytes, shown);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    const options = { delimiter: detectDelimiter(text), info: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n'] };
    records = parseCsv(text, options) as unknown as typeof records;
  } catch (e) {
    throw new UserError(`${shown}: licence register: ${(e as Error).message}`);
  }
  const [head, ...rows] = records;
  if (!head || rows.length === 0) throw new UserError(`${shown}: licence register: no licences (a header row and one licence a line)`);
  const fields = head.record.map((h) => {
    const field = FIELD_BY_HEADER.get(headerKey(h));
    if (!field) throw new UserError(`${shown}:${head.info.lines}: unknown column "${h}" (allowed: ${FIELDS.join(', ')})`);
    return field;
  });
  return rows.map(({ record, info }) => {
    const at = `${shown}:${info.lines}`;
    const parsed = Licence.safeParse(csvEntry(fields, record));
    if (!parsed.success) failWith(describeIssues(parsed.error.issues, () => at, FIELDS.join(', ')));
    return loaded(parsed.data, at);
  });
}

/** A CSV record in the YAML shape: lists split, numbers read, empty cells left out. */
function csvEntry(fields: Field[], record: string[]): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  fields.forEach((field, i) => {
    const cell = record[i]?.trim() ?? '';
    if (cell === '') return;
    const split = LIST_FIELDS[field];
    if (split) entry[field] = cell.split(split).filter((v) => v !== '');
    else if (field === 'quantity' || field === 'value') entry[field] = parseAmount(cell) ?? cell;
    else if (field === 'valid_from' || field === 'valid_to') entry[field] = spreadsheetDate(cell);
    else entry[field] = cell;
  });
  return entry;
}

/** 2026/1/5 and 2026.01.05, as spreadsheets export dates, → 2026-01-05. */
function spreadsheetDate(cell: string): string {
  const m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(cell);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : cell;
}

function loaded(l: Licence, at: string): LoadedLicence {
  return { ...l, control_codes: l.control_codes ?? [], hs_codes: l.hs_codes ?? [], at, names: l.end_user.map(featuresOf) };
}

function checkUnique(licences: LoadedLicence[]): LoadedLicence[] {
  const seen = new Map<string, string>();
  for (const l of licences) {
    const first = seen.get(l.number);
    if (first) throw new UserError(`${l.at}: duplicate licence number "${l.number}" (first at ${first})`);
    seen.set(l.number, l.at);
  }
  return licences;
}
