/**
 * An .xlsx/.xlsm manifest: a sheet's rows (xlsx.ts) through the same record converter as a CSV file's
 * records (records.ts), with the same header search, totals rows, composite line ids and checks; each
 * row's line is its row number in the sheet. HS codes stored as numbers are digits again; where a
 * leading zero was evidently lost (a Chinese code of 9 digits), it is restored and the user told.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { UserError } from '../model/errors.js';
import { foreignHsHeader } from './columns.js';
import type { Header } from './header.js';
import { collector, type InputSummary, type Manifest, type ReadOptions } from './read.js';
import { RecordConverter, type ManifestEvent } from './records.js';
import { MergedCellFiller, type MergedDown } from './merged-cells.js';
import { Workbook } from './xlsx.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** Whether the bytes are a ZIP archive (an .xlsx workbook, or something to refuse as one). */
export const isZip = (head: Uint8Array): boolean => ZIP_MAGIC.every((b, i) => head[i] === b);

async function sha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Digit counts a code under this header has: a Japanese 統計品目番号 has 9; a Chinese or other code 4 to 10, even. */
function expectedLengths(header: Header, hsHeader: string): number[] {
  if (/統計品目番号|税番/.test(hsHeader)) return [9];
  return header.hsScheme === 'cn' || foreignHsHeader(hsHeader) ? [4, 6, 8, 10] : [];
}

/**
 * An HS code stored as a number, with the zero the number dropped: a leading one where the digits are one
 * short of a code's length (902109000 → 0902109000), a trailing one where a dotted code ends in an odd
 * number of digits after its heading (8471.3 → 8471.30). Undefined when nothing was evidently lost.
 */
function restoredCode(shown: string, lengths: number[]): string | undefined {
  if (/^\d+$/.test(shown)) return lengths.includes(shown.length + 1) ? `0${shown}` : undefined;
  return /^\d{4}\.\d(?:\d\d)*$/.test(shown) ? `${shown}0` : undefined;
}

/** What the report says of the cells filled from ranges merged down rows. */
function mergedNote(ranges: MergedDown[], filled: number): string {
  const named = ranges.slice(0, 5).map((r) => r.ref);
  return `${filled} cell${filled === 1 ? '' : 's'} under cells merged down several rows read with the merged value (${named.join(', ')}${ranges.length > named.length ? ', ...' : ''})`;
}

export async function openWorkbookManifest(path: string, options: ReadOptions): Promise<Manifest> {
  const workbook = await Workbook.open(path, path);
  const sheet = workbook.pick(options.sheet);
  const summary: InputSummary = {
    path,
    sha256: '',
    encoding: 'utf-8',
    delimiter: '',
    headers: [],
    mapping: { columns: {}, more: {}, extras: [], repeated: [] },
    notes: [],
    sheet: sheet.name,
    rows: 0,
    rejected: 0,
    bytesRead: 0,
  };
  const names = workbook.sheetNames;
  const sheetNote =
    names.length > 1 ? [`sheet "${sheet.name}" read, ${names.length} in the workbook (${names.map((n) => `"${n}"`).join(', ')}): choose another with --sheet NAME or N`] : [];

  async function* events(): AsyncGenerator<ManifestEvent> {
    summary.sha256 = await sha256(path);
    const converter = new RecordConverter(path, options, undefined, 0, undefined);
    const numeric = new Map<number, boolean[]>();
    const restored: string[] = [];
    let restoredCount = 0;
    converter.fixRecord = (cells, line, header) => {
      // a sheet leaves out the empty cells at the end of a row
      const fields = cells.length < header.headers.length ? [...cells, ...Array<string>(header.headers.length - cells.length).fill('')] : cells;
      const at = header.mapping.columns.hs_code;
      const flags = numeric.get(line);
      numeric.delete(line);
      if (at === undefined || !flags?.[at]) return fields;
      const shown = fields[at] ?? '';
      const code = restoredCode(shown, expectedLengths(header, header.headers[at]!));
      if (code === undefined) return fields;
      if (restoredCount++ < 5) restored.push(`line ${line}: ${shown} → ${code}`);
      const fixed = fields === cells ? [...fields] : fields;
      fixed[at] = code;
      return fixed;
    };
    const { events: out, sink, sync } = collector(summary, converter);
    // a sheet without the lines (a cover sheet, instructions): the refusal names the other sheets
    const other = names.length > 1 && options.sheet === undefined ? ` (this is sheet "${sheet.name}"; the workbook has ${names.map((n) => `"${n}"`).join(', ')}: choose the one with the lines with --sheet NAME or N)` : '';
    const headerRead = <T>(read: () => T): T => {
      if (converter.header) return read();
      try {
        return read();
      } catch (e) {
        if (e instanceof UserError && other) throw new UserError(`${e.message}${other}`);
        throw e;
      }
    };
    const ranges = await workbook.mergedDown(sheet.part);
    const merged = new MergedCellFiller(ranges);
    for await (const row of workbook.rows(sheet.part, (n) => (summary.bytesRead += n), merged)) {
      if (row.numeric.includes(true)) numeric.set(row.line, row.numeric);
      headerRead(() => converter.record(row.cells, row.line, sink));
      sync();
      yield* out.splice(0);
    }
    headerRead(() => converter.settleHeader(sink));
    sync();
    yield* out.splice(0);
    if (!converter.header) throw new UserError(`${path}: sheet "${sheet.name}" is empty (no header row)${other}`);
    const lost =
      restoredCount > 0
        ? [
            `${restoredCount} HS code${restoredCount === 1 ? ' was' : 's were'} stored as numbers and lost a leading or trailing zero, restored (${restored.join('; ')}${restoredCount > restored.length ? '; ...' : ''}): format the column as text in the workbook`,
          ]
        : [];
    const filled = merged.filled > 0 ? [mergedNote(ranges, merged.filled)] : [];
    summary.notes = [...sheetNote, ...converter.opening!.notes, ...filled, ...lost, ...converter.finish()];
    sync();
    if (converter.dataRecords === 0) throw new UserError(`${path}: sheet "${sheet.name}" has a header but no data rows`);
  }
  return { summary, events: events() };
}
