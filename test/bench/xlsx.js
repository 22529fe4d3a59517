/**
 * `npm run bench:xlsx [-- --rows N]`: the benchmark's realistic manifest (generate.js, 200,000 rows by
 * default) written as an .xlsx workbook with exceljs's streaming writer, HS codes stored as numbers as
 * ERPs export them, then screened by `dualscreen screen --format json` in its own process (screen-once.js):
 * seconds, rows per second and peak RSS, beside the same rows as CSV.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import { generateManifest } from './generate.js';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};
const rows = Number(arg('--rows', '200000'));
const dir = mkdtempSync(join(tmpdir(), 'dualscreen-bench-xlsx-'));
const csv = join(dir, 'manifest.csv');
const xlsx = join(dir, 'manifest.xlsx');

await generateManifest(csv, rows);
const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx, useSharedStrings: true });
const sheet = writer.addWorksheet('Lines');
let hsColumn = -1;
for await (const record of createReadStream(csv).pipe(parse({ relax_column_count: true }))) {
  if (hsColumn === -1) hsColumn = record.findIndex((h) => /hs/i.test(h));
  else if (/^\d+$/.test(record[hsColumn] ?? '')) record[hsColumn] = Number(record[hsColumn]);
  sheet.addRow(record).commit();
}
await writer.commit();
console.log(`${rows.toLocaleString('en')} rows: CSV ${(statSync(csv).size / 1e6).toFixed(1)} MB, workbook ${(statSync(xlsx).size / 1e6).toFixed(1)} MB`);

const once = fileURLToPath(new URL('screen-once.js', import.meta.url));
for (const [label, file] of [
  ['workbook (.xlsx)', xlsx],
  ['the same rows as CSV, 1 worker', csv],
]) {
  const r = spawnSync(process.execPath, [once, 'screen', file, '--format', 'json', '--fail-on', 'none', '--as-of', '2026-11-28', '--workers', '1'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const stats = JSON.parse(r.stderr.trim().split('\n').at(-1));
  console.log(`${label.padEnd(32)} ${stats.seconds.toFixed(2).padStart(7)} s  ${Math.round(rows / stats.seconds).toLocaleString('en').padStart(8)} rows/s  ${Math.round(stats.maxRssMB)} MB peak RSS`);
}
if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
