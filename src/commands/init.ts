/** `dualscreen init`: writes a commented `.dualscreen.yaml`, with the column map of a sample manifest. */
import { closeSync, existsSync, openSync, readSync, writeFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { CONFIG_FILE } from '../config/find.js';
import { configTemplate, type DetectedColumns } from '../config/template.js';
import { decodeText } from '../manifest/encoding.js';
import { mapHeaders } from '../manifest/columns.js';
import { HEADER_SEARCH_ROWS, isHeaderRow } from '../manifest/header.js';
import { detectManifestDelimiter } from '../manifest/delimiter.js';
import { normaliseNewlines } from '../manifest/newlines.js';
import { isWorkbookFile } from '../manifest/read.js';
import { Workbook } from '../manifest/xlsx.js';
import { UserError } from '../model/errors.js';
import { type CanonicalColumn } from '../model/row.js';

export interface InitOptions {
  manifest?: string;
  force: boolean;
  write: (text: string) => void;
}

export async function runInit(o: InitOptions): Promise<number> {
  if (existsSync(CONFIG_FILE) && !o.force) throw new UserError(`${CONFIG_FILE} already exists (use --force to overwrite it)`);
  const detected = o.manifest === undefined ? undefined : isWorkbookFile(o.manifest) ? await detectWorkbookColumns(o.manifest) : detectColumns(o.manifest);
  writeFileSync(CONFIG_FILE, configTemplate(detected));
  const lines = [`wrote ${CONFIG_FILE}`];
  if (detected) {
    const mapped = Object.keys(detected.columns).length;
    lines.push(`${mapped} column${mapped === 1 ? '' : 's'} mapped from ${detected.sample}`);
    if (detected.unmapped.length) lines.push(`not mapped: ${detected.unmapped.map((h) => JSON.stringify(h)).join(', ')}`);
  }
  o.write(`${lines.join('\n')}\n`);
  return 0;
}

const HEAD_BYTES = 64 * 1024;

/** The header row of a manifest (its first 64 KB; below a title block, as screen finds it) mapped to canonical columns. */
export function detectColumns(path: string): DetectedColumns {
  const head = readHead(path);
  const { text, encoding } = decodeText(head, path);
  const delimiter = detectManifestDelimiter(normaliseNewlines(text), {});
  const records = parseCsv(text, { delimiter, to: HEADER_SEARCH_ROWS, relax_column_count: true, relax_quotes: true, skip_records_with_error: true }) as string[][];
  return detected(path, encoding, delimiter, records);
}

/** The same for a workbook's first sheet. */
async function detectWorkbookColumns(path: string): Promise<DetectedColumns> {
  const workbook = await Workbook.open(path, path);
  const records: string[][] = [];
  for await (const row of workbook.rows(workbook.pick(undefined).part)) {
    records.push(row.cells);
    if (records.length >= HEADER_SEARCH_ROWS) break;
  }
  return detected(path, 'xlsx', ',', records);
}

function detected(path: string, encoding: string, delimiter: string, records: string[][]): DetectedColumns {
  const record = records.find((r) => isHeaderRow(r)) ?? records[0];
  const headers = (record ?? []).map((h) => h.trim());
  if (headers.every((h) => h === '')) throw new UserError(`${path}: no header row`);
  const mapping = mapHeaders(headers);
  const columns: Partial<Record<CanonicalColumn, string>> = {};
  for (const [column, index] of Object.entries(mapping.columns) as [CanonicalColumn, number][]) columns[column] = headers[index]!;
  // a second description (规格型号 beside 物料名称) is screened with the first: it is mapped
  const screened = new Set(Object.values(mapping.more).flat());
  const unmapped = mapping.extras.filter((e) => e.name !== '' && !screened.has(e.index)).map((e) => e.name);
  return { sample: path, encoding, delimiter, columns, unmapped };
}

function readHead(path: string): Buffer {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    throw new UserError(`${path}: cannot read the sample manifest (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const length = readSync(fd, buffer, 0, HEAD_BYTES, 0);
    if (length === 0) throw new UserError(`${path}: empty file`);
    return buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}
