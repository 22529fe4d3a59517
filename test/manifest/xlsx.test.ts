/**
 * Issue 14 part 1: Excel workbooks read directly. The committed fixtures (written with exceljs as ERPs
 * write them: test/tools/write-xlsx-fixtures.js), workbooks built part by part for what exceljs does not
 * write (phonetic runs, shared strings after the sheet, inline strings, the 1904 date system, prefixed
 * XML), and random workbooks written by exceljs read back cell for cell.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Workbook } from '../../src/manifest/xlsx.js';
import { tempFiles } from '../temp-files.js';
import { readAll } from './read-all.js';

const ROOT = join(import.meta.dirname, '..', '..');
const SAP = join(ROOT, 'fixtures', 'erp', 'sap-sales-export.xlsx');
const KINGDEE = join(ROOT, 'fixtures', 'erp', 'kingdee-invoice.xlsx');
const tempFile = tempFiles('xlsx');

/** A ZIP archive of these parts, deflated or stored, in this order. */
function zip(parts: [string, string][], deflate = true): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of parts) {
    const data = Buffer.from(text, 'utf8');
    const body = deflate ? deflateRawSync(data) : data;
    const nameBytes = Buffer.from(name, 'utf8');
    // the fields a local header and its central-directory entry share, in the same order from `at`
    const shared = (header: Buffer, at: number): void => {
      header.writeUInt16LE(20, at); // version needed
      header.writeUInt16LE(0x800, at + 2); // UTF-8 names
      header.writeUInt16LE(deflate ? 8 : 0, at + 4);
      header.writeUInt32LE(crc32(data), at + 10);
      header.writeUInt32LE(body.length, at + 14);
      header.writeUInt32LE(data.length, at + 18);
      header.writeUInt16LE(nameBytes.length, at + 22);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    shared(local, 4);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4); // version made by
    shared(dir, 6);
    dir.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    central.push(dir, nameBytes);
    offset += 30 + nameBytes.length + body.length;
  }
  const dirBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dirBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dirBytes, end]);
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook from its sheet XML and shared strings, the shared strings after the sheet, as Excel writes them. */
function handMade(sheetData: string, o: { strings?: string; date1904?: boolean; styles?: string; prefix?: boolean } = {}): string {
  const x = o.prefix ? 'x:' : '';
  const ns = o.prefix ? NS.replace('xmlns=', 'xmlns:x=') : NS;
  const parts: [string, string][] = [
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['_rels/.rels', `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
    [
      'xl/workbook.xml',
      `<${x}workbook ${ns}>${o.date1904 ? `<${x}workbookPr date1904="1"/>` : ''}<${x}sheets><${x}sheet name="Orders" sheetId="1" r:id="rId1"/></${x}sheets></${x}workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/worksheets/sheet1.xml', `<${x}worksheet ${ns}><${x}sheetData>${sheetData}</${x}sheetData></${x}worksheet>`],
    ['xl/sharedStrings.xml', `<sst ${NS}>${o.strings ?? ''}</sst>`],
    ['xl/styles.xml', `<styleSheet ${NS}>${o.styles ?? '<cellXfs count="1"><xf numFmtId="0"/></cellXfs>'}</styleSheet>`],
  ];
  const path = tempFile('w.xlsx', zip(parts));
  return path;
}

async function sheetRows(path: string, sheet?: string): Promise<{ line: number; cells: string[] }[]> {
  const wb = await Workbook.open(path, path);
  const out: { line: number; cells: string[] }[] = [];
  for await (const r of wb.rows(wb.pick(sheet).part)) out.push({ line: r.line, cells: r.cells });
  return out;
}

describe('an SAP sales-order export (.xlsx written as ERPs write it)', () => {
  it('reads cells as the user sees them: HS codes as digits, a lost leading zero restored and noted, dates, formulas by their value', async () => {
    const { rows, summary, errors } = await readAll(SAP);
    expect(errors).toEqual([]);
    expect(summary.sheet).toBe('Sheet1');
    expect(rows.map((r) => [r.line, r.values.hs_code, r.values.value])).toEqual([
      [2, '2846901500', '96000'],
      [3, '7318158000', '1250'],
      [4, '2804500001', '3100'],
      [5, '0902109000', '2600'],
      [6, '0902109000', '2360'],
    ]);
    expect(rows[0]!.values).toMatchObject({ description: 'Dysprosium oxide Dy2O3 99.99%, 25 kg drums', consignee: 'Shin-Etsu Trading Co. Ltd.', destination_country: 'JP', quantity: '200' });
    expect(rows[0]!.extras['Created On']).toBe('2026-11-18');
    expect(summary.notes).toEqual([
      '1 HS code was stored as numbers and lost a leading or trailing zero, restored (line 5: 902109000 → 0902109000): format the column as text in the workbook',
      'line 7 after the last goods: a totals row ("Total, 105310, USD"), not screened',
    ]);
    // the sold-to party beside the ship-to party is kept as a column, and screened as a further party
    expect(summary.mapping.moreParties).toEqual([{ column: 'consignee', index: 9 }]);
    expect(rows[2]!.norm.parties.filter((p) => p.field === 'Sold-to Party')).toEqual([{ field: 'Sold-to Party', value: 'Sakura Trading Co.' }]);
  });

  it('screens it end to end with each row at its sheet row', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'dualscreen.js'), 'screen', SAP, '--as-of', '2026-11-28', '--format', 'json'], { encoding: 'utf8' });
    expect(r.status).toBe(1); // a prohibited row
    const report = JSON.parse(r.stdout) as { rows: { line: number; verdict: string }[]; inputs: { sheet: string; sha256: string }[] };
    expect(report.rows.find((row) => row.line === 4)?.verdict).toBe('prohibited'); // tellurium to IHI Aerospace
    expect(report.inputs[0]).toMatchObject({ sheet: 'Sheet1', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(r.stderr).not.toMatch(/Sold-to Party/);
  });
});

describe('HS codes stored as numbers', () => {
  it('a dotted code that lost its trailing zero gets it back (8471.3 → 8471.30); codes that lost nothing evident are left alone', async () => {
    const path = tempFile('dotted.xlsx', '');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Lines');
    ws.addRow(['Description', 'HS Code', 'Destination']);
    for (const [d, hs] of [['Laptop computers', 8471.3], ['Dysprosium oxide', 2846.9015], ['Green tea', 902.1], ['Bolts', 73181580], ['Gloves', 6116.92]] as const) ws.addRow([d, hs, 'JP']);
    await wb.xlsx.writeFile(path);
    const { rows, summary } = await readAll(path);
    expect(rows.map((r) => r.values.hs_code)).toEqual(['8471.30', '2846.9015', '902.1', '73181580', '6116.92']);
    expect(summary.notes).toContain(
      '1 HS code was stored as numbers and lost a leading or trailing zero, restored (line 2: 8471.3 → 8471.30): format the column as text in the workbook',
    );
  });
});

describe('a workbook whose first sheet is a cover sheet', () => {
  it('is refused naming the sheets and --sheet; --sheet 2 screens the lines', async () => {
    const path = tempFile('cover.xlsx', '');
    const wb = new ExcelJS.Workbook();
    const cover = wb.addWorksheet('说明');
    cover.addRow(['出口明细 2026年11月']);
    cover.addRow(['请勿修改表头']);
    const lines = wb.addWorksheet('明细');
    lines.addRow(['物料名称', '商品编码', '目的国']);
    lines.addRow(['氧化镝', 2846901500, '日本']);
    await wb.xlsx.writeFile(path);
    await expect(readAll(path)).rejects.toThrow(/none of the columns identifies the goods.*\(this is sheet "说明"; the workbook has "说明", "明细": choose the one with the lines with --sheet NAME or N\)/);
    const { rows } = await readAll(path, { sheet: '2' });
    expect(rows.map((r) => [r.line, r.values.description, r.values.hs_code])).toEqual([[2, '氧化镝', '2846901500']]);
  });
});

describe('a Kingdee-style invoice workbook', () => {
  it('skips the merged title block, notes the 合计 and amount-in-words rows, and joins 单据编号 and 行号 into line ids', async () => {
    const { rows, summary } = await readAll(KINGDEE, { lineId: ['单据编号', '行号'] });
    expect(rows.map((r) => [r.line, r.values.line_id, r.values.description])).toEqual([
      [6, 'XSCKD-2026-0417/1', '氧化镝; Dy2O3 ≥99.99%'],
      [7, 'XSCKD-2026-0417/2', '不锈钢六角螺栓; M8×30'],
      [8, 'XSCKD-2026-0418/1', '碲锭; 5N'],
      [9, 'XSCKD-2026-0418/2', '不锈钢六角螺栓; M8×30'],
    ]);
    expect(summary.notes[0]).toBe('sheet "出口发票" read, 2 in the workbook ("出口发票", "装箱单"): choose another with --sheet NAME or N');
    expect(summary.notes[1]).toMatch(/^lines 1-3 above the header row skipped \(a title block\): "上海华东精密材料有限公司 Huadong Precision Materials Co., Ltd.", "出口发票 COMMERCIAL INVOICE", "发票号 Invoice No.: HD-INV-2026-1192 日期 Date: 2026-11-21"$/);
    expect(summary.notes[2]).toMatch(/^lines 10, 12 after the last goods: totals rows/);
  });

  it('--sheet by name or position; an unknown sheet is refused with the sheets named', async () => {
    expect((await readAll(KINGDEE, { sheet: '装箱单' })).rows[0]!.values).toMatchObject({ description: '氧化镝', quantity: '100' });
    expect((await readAll(KINGDEE, { sheet: '2' })).summary.sheet).toBe('装箱单');
    await expect(readAll(KINGDEE, { sheet: 'Lines' })).rejects.toThrow(/--sheet Lines: .* has no such sheet \(sheets: 1 "出口发票", 2 "装箱单"\)/);
  });
});

describe('workbooks exceljs does not write', () => {
  it('phonetic runs are not text; _x000D_ escapes, inline strings, booleans, errors, ISO dates and rows without r', async () => {
    const path = handMade(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
        '<row r="3"><c r="A3" t="inlineStr"><is><t>酸化ジスプロシウム</t></is></c><c r="B3"><v>2846901500</v></c><c r="C3" t="s"><v>3</v></c></row>' +
        '<row><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="d"><v>2026-11-20T00:00:00Z</v></c></row>',
      { strings: '<si><t>品名</t></si><si><t>HSコード</t></si><si><t>仕向国</t></si><si><r><t>日</t></r><r><t xml:space="preserve">本</t></r><rPh sb="0" eb="2"><t>ニホン</t></rPh></si>' },
    );
    expect(await sheetRows(path)).toEqual([
      { line: 1, cells: ['品名', 'HSコード', '仕向国'] },
      { line: 3, cells: ['酸化ジスプロシウム', '2846901500', '日本'] },
      { line: 4, cells: ['TRUE', '#N/A', '2026-11-20'] },
    ]);
  });

  it('the 1904 date system, custom date and zero-padded formats, x: prefixed XML, stored (not deflated) parts', async () => {
    const styles = '<numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="165" formatCode="00000000"/></numFmts><cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs>';
    const sheet = '<x:row r="2"><x:c r="B2" s="1"><x:v>44153</x:v></x:c><x:c r="C2" s="2"><x:v>3021100</x:v></x:c><x:c r="D2"><x:v>0.1</x:v></x:c><x:c r="E2"><x:v>1.0000000000000002</x:v></x:c></x:row>';
    expect(await sheetRows(handMade(sheet, { styles, date1904: true, prefix: true }))).toEqual([{ line: 2, cells: ['', '2024-11-19', '03021100', '0.1', '1'] }]);
  });

  it('refuses a ZIP that is not a workbook, and an .xlsb', async () => {
    const notWorkbook = tempFile('a.xlsx', zip([['readme.txt', 'hello']]));
    await expect(readAll(notWorkbook)).rejects.toThrow(/a ZIP archive, but not an Excel workbook/);
    const xlsb = tempFile('b.xlsx', zip([['xl/workbook.bin', 'x']]));
    await expect(readAll(xlsb)).rejects.toThrow(/an Excel binary workbook \(\.xlsb\): save it as \.xlsx/);
  });
});

describe('random workbooks written by exceljs read back cell for cell (seeded)', () => {
  it('strings (CJK, quotes, newlines, XML specials), whole and decimal numbers, at their rows and columns', async () => {
    const cell = fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim() === s && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff_]/.test(s)),
      fc.constantFrom('氧化镝', '株式会社IHIエアロスペース', 'a "quoted" <b> & c', 'two\nlines', 'Ünïcödé'),
      fc.integer({ min: 0, max: 9_999_999_999 }),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((d) => Math.round(d * 100) / 100),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(fc.option(cell, { nil: undefined }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 12 }), async (grid) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('S');
        grid.forEach((cells, r) => cells.forEach((v, c) => v !== undefined && (ws.getCell(r + 1, c + 1).value = v)));
        const path = tempFile('r.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
        const expected = grid
          .map((cells, r) => ({ line: r + 1, cells: cells.map((v) => (v === undefined ? '' : typeof v === 'number' ? String(v) : v)) }))
          .map((row) => ({ ...row, cells: row.cells.slice(0, row.cells.reduce((n, v, i) => (v !== '' ? i + 1 : n), 0)) }))
          .filter((row) => row.cells.length > 0);
        expect(await sheetRows(path)).toEqual(expected);
      }),
      { seed: 14, numRuns: 60 },
    );
  }, 60_000);
});

describe('a large workbook streams', () => {
  it('reads 20,000 rows written by exceljs streaming writer, every row at its line', async () => {
    const path = join(tempFile.dir, 'big.xlsx');
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const ws = writer.addWorksheet('Lines');
    ws.addRow(['Line', 'Description', 'HS Code', 'Destination']).commit();
    for (let i = 1; i <= 20_000; i++) ws.addRow([i, i % 97 === 0 ? 'Dysprosium oxide' : 'Steel bolts', i % 97 === 0 ? 2846901500 : 7318158000, 'JP']).commit();
    await writer.commit();
    const { rows } = await readAll(path);
    expect(rows).toHaveLength(20_000);
    expect(rows.every((r, i) => r.line === i + 2 && r.values.line_id === String(i + 1))).toBe(true);
  }, 60_000);
});
