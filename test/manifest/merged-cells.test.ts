/** Cells merged down rows of a workbook: every row under the merged cell reads its value (a party, a destination). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergedDownRanges } from '../../src/manifest/merged-cells.js';
import { tempFiles } from '../temp-files.js';
import { readAll } from './read-all.js';

const ROOT = join(import.meta.dirname, '..', '..');
const tempFile = tempFiles('merged');

async function* pieces(text: string, cuts: number[]): AsyncGenerator<string> {
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    yield text.slice(at, cut);
    at = Math.max(at, cut);
  }
  yield text.slice(at);
}

describe('ranges merged down rows', () => {
  const xml =
    '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>' +
    '<mergeCells count="3"><mergeCell ref="A1:H1"/><x:mergeCell ref="D2:D4"/><mergeCell ref="AB10:AC12"/></mergeCells></worksheet>';

  it('are read from the XML in pieces of any size; ranges on one row are not', async () => {
    const expected = [
      { ref: 'D2:D4', col: 3, from: 2, to: 4 },
      { ref: 'AB10:AC12', col: 27, from: 10, to: 12 },
    ];
    expect(await mergedDownRanges(pieces(xml, []))).toEqual(expected);
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 0, max: xml.length }), { maxLength: 12 }), async (cuts) => {
        expect(await mergedDownRanges(pieces(xml, cuts))).toEqual(expected);
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });
});

describe("a packing list with the order's consignee and destination merged down its lines", () => {
  async function write(): Promise<string> {
    const path = tempFile('packing.xlsx', '');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Lines');
    ws.addRow(['Line', 'Description', 'HS Code', 'Consignee', 'Destination']);
    ws.addRow(['1', 'Tellurium ingots 5N', '2804500001', 'IHI Aerospace Co., Ltd.', 'JP']);
    ws.addRow(['2', 'Office chairs', '9401300000', null, null]);
    ws.addRow(['3', 'Stainless steel bolts M8', '7318158000', null, null]);
    ws.mergeCells('D2:D4');
    ws.mergeCells('E2:E4');
    ws.addRow(['4', 'Green tea', '0902109000', 'Tanaka Foods K.K.', 'JP']);
    await wb.xlsx.writeFile(path);
    return path;
  }

  it('reads the merged value into every row it covers, and notes it', async () => {
    const { rows, summary } = await readAll(await write());
    expect(rows.map((r) => [r.line, r.values.consignee, r.values.destination_country])).toEqual([
      [2, 'IHI Aerospace Co., Ltd.', 'JP'],
      [3, 'IHI Aerospace Co., Ltd.', 'JP'],
      [4, 'IHI Aerospace Co., Ltd.', 'JP'],
      [5, 'Tanaka Foods K.K.', 'JP'],
    ]);
    expect(summary.notes).toContain('4 cells under cells merged down several rows read with the merged value (D2:D4, E2:E4)');
  });

  it('screens every line of the order against the listed consignee, not only the first', async () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'dualscreen.js'), 'screen', await write(), '--as-of', '2026-11-28', '--format', 'json'], { encoding: 'utf8' });
    const report = JSON.parse(r.stdout) as { rows: { line: number; verdict: string }[] };
    expect(report.rows.map((row) => [row.line, row.verdict])).toEqual([
      [2, 'prohibited'],
      [3, 'review'],
      [4, 'review'],
    ]);
  });
});
