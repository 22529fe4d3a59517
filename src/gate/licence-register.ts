/**
 * --licenses: the export licences a company holds, as YAML (`licences:` list) or CSV (one licence a
 * line, the same field names as headers). Both pass through one zod schema.
 */
import { extname } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { readUserFile, refOf, type FileRef } from '../files/file.js';
import { decodeText } from '../manifest/encoding.js';
import { describeIssues, failWith, parseYaml, validateYaml } from '../files/yaml.js';
import { detectDelimiter } from '../manifest/delimiter.js';
import type { NameFeatures } from '../match/party-names.js';
import { UserError } from '../model/errors.js';
import { headerKey } from '../model/row.js';
import { currencyCode, parseAmount } from './amounts.js';
import { ControlCodeField, CountryField, HsCodeField, IsoDate, Label, oneOrMany, Text } from './fields.js';
import { featuresOf } from './names.js';

export const Licence = z
  .object({
    number: Label,
    control_codes: oneOrMany(ControlCodeField).optional(),
    hs_codes: oneOrMany(HsCodeField).optional(),
    destination: CountryField,
    end_user: oneOrMany(Text),
    /** The consignee the licence names, when it names one besides the end user. */
    consignee: oneOrMany(Text).optional(),
    valid_from: IsoDate,
    valid_to: IsoDate,
    quantity: z.number().positive().optional(),
    unit: Text.optional(),
    value: z.number().positive().optional(),
    currency: z
      .string()
      .transform((c) => currencyCode(c) ?? '')
      .pipe(z.string().regex(/^[A-Z]{3}$/, 'expected a currency code such as USD (or 美元, 円)'))
      .optional(),
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

const FIELDS = ['number', 'control_codes', 'hs_codes', 'destination', 'end_user', 'consignee', 'valid_from', 'valid_to', 'quantity', 'unit', 'value', 'currency', 'note'] as const;
type Field = (typeof FIELDS)[number];

export interface LoadedLicence extends Omit<Licence, 'control_codes' | 'hs_codes'> {
  control_codes: string[];
  hs_codes: string[];
  /** `file:line` (CSV) or `file:line:col` (YAML) of the licence. */
  at: string;
  names: NameFeatures[];
  consigneeNames: NameFeatures[];
  /** The register's other columns (an approver, an application number), kept as written. */
  extras?: Record<string, string>;
}

export interface LicenceRegister {
  ref: FileRef;
  licences: LoadedLicence[];
  /** CSV columns the register has beside the licence fields: kept with each licence, not used. */
  otherColumns?: string[];
}

export function loadLicences(path: string): LicenceRegister {
  const file = readUserFile(path, 'licence register');
  const ref = refOf(file);
  const csv = extname(file.file).toLowerCase() === '.csv';
  if (csv) {
    const { licences, otherColumns } = readLicenceCsv(file.bytes, ref.path);
    return { ref, licences: checkUnique(licences), otherColumns };
  }
  return { ref, licences: checkUnique(parseLicenceYaml(file.bytes.toString('utf8'), ref.path)), otherColumns: [] };
}

/** `licences:` or `licenses:`, as the writer spells it. */
export function parseLicenceYaml(text: string, shown: string): LoadedLicence[] {
  const yaml = parseYaml(text, shown);
  const key = yaml.data !== null && typeof yaml.data === 'object' && 'licenses' in yaml.data && !('licences' in yaml.data) ? 'licenses' : 'licences';
  const parsed = validateYaml(z.object({ [key]: z.array(Licence) }).strict(), yaml, key) as Record<string, Licence[]>;
  return parsed[key]!.map((l, i) => loaded(l, yaml.locate([key, i])));
}

/** CSV headers: the YAML field names, in any case and spacing, or one of these. */
const HEADER_ALIASES: Record<Field, string[]> = {
  number: [
    'licence', 'license', 'licence no', 'license no', 'licence number', 'license number', 'permit no', 'permit number',
    '许可证号', '许可证编号', '許可證號', '许可证', '出口许可证号', '两用物项出口许可证号', '許可番号', '許可証番号', '許可証No',
  ],
  control_codes: ['control code', 'control codes', 'export control code', '管制编码', '管制編碼', '管制编号', '物项编码', '該非判定番号', '該当項番'],
  hs_codes: ['hs code', 'hs codes', '商品编码', '商品編碼', '商品编号', '海关编码', 'hs编码', 'hsコード', '統計品目番号'],
  destination: ['destination country', 'destination', 'country', '目的国', '目的國', '目的国(地区)', '最终目的国', '进口国', '仕向国', '仕向地'],
  end_user: ['end user', 'end users', '最终用户', '最終用戶', '最终使用者', '最終需要者', '最終ユーザー', 'エンドユーザー'],
  consignee: ['consignee', 'consignees', '收货人', '收貨人', '境外收货人', '荷受人'],
  valid_from: ['valid from', 'from', 'issued', '有效期起', '有效期自', '起始日期', '生效日期', '有効期間開始', '有効開始日'],
  valid_to: ['valid to', 'valid until', 'to', 'expires', 'expiry', 'expiry date', '有效期至', '有效期止', '截止日期', '有效期限', '有効期限', '有効期間終了', '有効期限日'],
  quantity: ['qty', '数量', '數量', '许可数量', '許可数量'],
  unit: ['uom', '单位', '單位', '计量单位', '単位'],
  value: ['amount', '金额', '金額', '许可金额', '总价', '総額'],
  currency: ['curr', '币种', '幣種', '币制', '幣制', '币别', '通貨'],
  note: ['notes', 'remarks', '备注', '備註', '備考'],
};
const FIELD_BY_HEADER = new Map<string, Field>(FIELDS.flatMap((f) => [f, ...HEADER_ALIASES[f]].map((h): [string, Field] => [headerKey(h), f])));
const LIST_FIELDS: Partial<Record<Field, RegExp>> = { control_codes: /[\s,;|、，；]+/, hs_codes: /[\s,;|、，；]+/, end_user: /\s*[;|；]\s*/, consignee: /\s*[;|；]\s*/ };

export function parseLicenceCsv(bytes: Buffer, shown: string): LoadedLicence[] {
  return readLicenceCsv(bytes, shown).licences;
}

/** The register's licences, and its columns that are no licence field (kept with each licence as extras). */
function readLicenceCsv(bytes: Buffer, shown: string): { licences: LoadedLicence[]; otherColumns: string[] } {
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
  const fields = head.record.map((h) => FIELD_BY_HEADER.get(headerKey(h)) ?? FIELD_BY_HEADER.get(headerKey(h.replace(/\s*[(（][^()（）]*[)）]\s*$/u, ''))));
  fields.forEach((f, i) => {
    const first = fields.indexOf(f);
    if (f !== undefined && first !== i) throw new UserError(`${shown}:${head.info.lines}: columns "${head.record[first]}" and "${head.record[i]}" both give ${f}: rename one`);
  });
  const otherColumns = head.record.filter((h, i) => fields[i] === undefined && h.trim() !== '');
  const licences = rows.map(({ record, info }) => {
    const at = `${shown}:${info.lines}`;
    const parsed = Licence.safeParse(csvEntry(fields, record));
    if (!parsed.success) failWith(describeIssues(parsed.error.issues, () => at, FIELDS.join(', ')));
    const extras = Object.fromEntries(head.record.flatMap((h, i) => (fields[i] === undefined && h.trim() !== '' ? [[h.trim(), record[i]?.trim() ?? '']] : [])));
    return { ...loaded(parsed.data, at), ...(otherColumns.length ? { extras } : {}) };
  });
  return { licences, otherColumns };
}

/** A CSV record in the YAML shape: lists split, numbers read, empty cells left out. */
function csvEntry(fields: (Field | undefined)[], record: string[]): Record<string, unknown> {
  const entry: Record<string, unknown> = {};
  fields.forEach((field, i) => {
    const cell = record[i]?.trim() ?? '';
    if (cell === '' || field === undefined) return;
    const split = LIST_FIELDS[field];
    if (split) entry[field] = cell.split(split).filter((v) => v !== '');
    else if (field === 'quantity' || field === 'value') entry[field] = parseAmount(cell) ?? cell;
    else if (field === 'valid_from' || field === 'valid_to') entry[field] = spreadsheetDate(cell);
    else entry[field] = cell;
  });
  return entry;
}

/** 2026/1/5, 2026.01.05 and 2026年1月5日, as spreadsheets export dates, → 2026-01-05. */
function spreadsheetDate(cell: string): string {
  const m = /^(\d{4})(?:[/.\-]|年)(\d{1,2})(?:[/.\-]|月)(\d{1,2})日?$/.exec(cell.normalize('NFKC'));
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : cell;
}

function loaded(l: Licence, at: string): LoadedLicence {
  return { ...l, control_codes: l.control_codes ?? [], hs_codes: l.hs_codes ?? [], at, names: l.end_user.map(featuresOf), consigneeNames: (l.consignee ?? []).map(featuresOf) };
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
