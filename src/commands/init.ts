/** `dualscreen init`: writes a commented `.dualscreen.yaml`, with the column map of a sample manifest. */
import { closeSync, existsSync, openSync, readSync, writeFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { CONFIG_FILE } from '../config/load.js';
import { configTemplate, type DetectedColumns } from '../config/template.js';
import { UserError } from '../errors.js';
import { decodeText } from '../files/file.js';
import { mapHeaders } from '../manifest/columns.js';
import { detectDelimiter } from '../manifest/read.js';
import { type CanonicalColumn } from '../model/row.js';

export interface InitOptions {
  manifest?: string;
  force: boolean;
  write: (text: string) => void;
}

export function runInit(o: InitOptions): number {
  if (existsSync(CONFIG_FILE) && !o.force) throw new UserError(`${CONFIG_FILE} already exists (use --force to overwrite it)`);
  const detected = o.manifest === undefined ? undefined : detectColumns(o.manifest);
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

/** The header row of a manifest (its first 64 KB) mapped to canonical columns. */
export function detectColumns(path: string): DetectedColumns {
  const head = readHead(path);
  const { text, encoding } = decodeText(head, path);
  const delimiter = detectDelimiter(text);
  const [record] = parseCsv(text, { delimiter, to: 1, relax_column_count: true, relax_quotes: true }) as string[][];
  const headers = (record ?? []).map((h) => h.trim());
  if (headers.every((h) => h === '')) throw new UserError(`${path}: no header row`);
  const mapping = mapHeaders(headers);
  const columns: Partial<Record<CanonicalColumn, string>> = {};
  for (const [column, index] of Object.entries(mapping.columns) as [CanonicalColumn, number][]) columns[column] = headers[index]!;
  return { sample: path, encoding, delimiter, columns, unmapped: mapping.extras.map((e) => e.name).filter((h) => h !== '') };
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
