/**
 * Issue 14 parts 2-4: manifests as they arrive. The header row under an invoice's title block, totals
 * rows and blank lines at the end, composite line ids, ERP and German headers, and stderr warnings
 * when a goods, party or destination column is missing.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { RecordBlocks } from '../../src/manifest/blocks.js';
import { closestColumn, mapHeaders } from '../../src/manifest/columns.js';
import { columnWarnings } from '../../src/manifest/coverage.js';
import { RecordConverter, type ManifestEvent } from '../../src/manifest/records.js';
import { tempFiles } from '../temp-files.js';
import { readAll } from './read-all.js';

const ROOT = join(import.meta.dirname, '..', '..');
const fixture = (name: string): string => join(ROOT, 'fixtures', 'erp', name);
const tempFile = tempFiles('header');

function screen(args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'dualscreen.js'), 'screen', '--as-of', '2026-11-28', '--fail-on', 'none', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The text pushed to the stream cutter `size` characters at a time: the blocks it cuts. */
function cutInPieces(text: string, size: number): string[] {
  const cutter = new RecordBlocks(',');
  const blocks: string[] = [];
  for (let pos = 0; pos < text.length; pos += size) {
    const b = cutter.push(text.slice(pos, pos + size));
    if (b) blocks.push(b);
  }
  blocks.push(...cutter.end());
  return blocks;
}

describe('the header row under a title block (part 2)', () => {
  it('finds the header of an invoice below its title block, names the title lines, and notes the totals and blank rows at the end', async () => {
    const { summary, rows, errors } = await readAll(fixture('invoice-title-totals.csv'));
    expect(summary.headers).toEqual(['No.', 'Description of Goods', 'HS Code', 'Qty', 'Unit', 'Amount (USD)', 'Consignee', 'End User', 'Destination']);
    expect(errors).toEqual([]);
    // each row keeps its line in the file
    expect(rows.map((r) => [r.line, r.values.line_id, r.values.hs_code])).toEqual([
      [7, '1', '2846901500'],
      [8, '2', '7318158000'],
      [9, '3', '6116920000'],
    ]);
    expect(summary.notes[0]).toBe(
      'lines 1-5 above the header row skipped (a title block): "Huadong Precision Materials Co., Ltd. 上海华东精密材料有限公司", "COMMERCIAL INVOICE", "Invoice No.: HD-INV-2026-1187 Date: 2026-11-20", "Buyer: Tokyo Optics K.K., 2-1 Marunouchi, Chiyoda-ku, Tokyo"',
    );
    // the TOTAL row and the amount in words are not goods nobody identified
    expect(summary.notes.slice(1)).toEqual([
      'lines 11, 13 after the last goods: totals rows ("TOTAL, 39,410.00"; "Say US Dollars thirty-nine thousand four hundred and ten only"), not screened',
      '2 blank lines skipped (lines 10, 12)',
    ]);
    expect(summary.rows).toBe(3);
  });

  it('screens the invoice end to end: no unidentified-goods review for the totals, notes in the report', () => {
    const r = screen([fixture('invoice-title-totals.csv'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { rows: { line: number; findings: { ruleId: string }[] }[]; inputs: { notes: string[] }[]; summary: { rows: number } };
    expect(report.summary.rows).toBe(3);
    expect(report.rows.flatMap((row) => row.findings.map((f) => f.ruleId))).not.toContain('dualscreen.data.unidentified');
    expect(report.rows.map((row) => row.line)).toEqual([7]);
    expect(report.inputs[0]!.notes).toHaveLength(3);
    const text = screen([fixture('invoice-title-totals.csv')]);
    expect(text.stdout).toContain('note: ' + fixture('invoice-title-totals.csv') + ': lines 1-5 above the header row skipped');
  });

  it('a row that only sums followed by goods is a row like any other', async () => {
    const { rows } = await readAll(tempFile('m.csv', 'Description,HS Code,Qty\nBolts,7318158000,5\n,,10\nNuts,7318160000,3\n'));
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('finds the header the same way when the text comes in pieces of any size', () => {
    const text = readFileSync(fixture('invoice-title-totals.csv'), 'utf8');
    const read = (blocks: string[]): ManifestEvent[] => {
      const conv = new RecordConverter('m.csv', { hsScheme: 'cn' }, undefined, 0, 'utf-8');
      const out: ManifestEvent[] = [];
      for (const b of blocks) conv.readBlock(b, ',', (e) => out.push(e));
      return out;
    };
    const whole = JSON.stringify(read([text]));
    for (const size of [1, 7, 50, 300]) {
      const blocks = cutInPieces(text, size);
      expect(blocks.join('')).toBe(text);
      expect(blocks[0]!.endsWith('Destination\n'), `size ${size}`).toBe(true); // the first block ends with the header
      expect(JSON.stringify(read(blocks))).toBe(whole);
    }
  });

  it('without a header in the first 30 rows, the first row is the header, and the refusal says so', async () => {
    const title = Array.from({ length: 31 }, (_, i) => `Note ${i}`).join('\n');
    await expect(readAll(tempFile('m.csv', `${title}\nDescription,HS Code\nBolts,7318158000\n`))).rejects.toThrow(
      /none of the columns identifies the goods, in the first row nor in any of the first 30 rows. Found: "Note 0"/,
    );
    // a header that maps one column only is still the first row, as before
    const { rows } = await readAll(tempFile('m.csv', 'PO Number,Description,Incoterms\nPO-9,Bolts,FOB\n'));
    expect(rows[0]!.extras).toEqual({ 'PO Number': 'PO-9', Incoterms: 'FOB' });
  });
});

describe('bilingual headers, as Chinese and Japanese invoices write them (part 2)', () => {
  const TWO_ROWS = '发票 INVOICE,,,,\n品名,商品编码,数量,客商,目的国\nDescription of Goods,HS Code,Qty,Consignee,Destination\n氧化镝,2846901500,100,Tokyo Optics K.K.,日本\n';

  it('a second header row in another language is read with the header: each column named by the row that names it', async () => {
    const { summary, rows } = await readAll(tempFile('two-rows.csv', TWO_ROWS));
    expect(summary.headers).toEqual(['品名', '商品编码', '数量', 'Consignee', '目的国']);
    expect(summary.notes).toContain('line 3: a second header row (the column names in another language), read with the header');
    expect(rows.map((r) => [r.line, r.values.description, r.values.consignee])).toEqual([[4, '氧化镝', 'Tokyo Optics K.K.']]);
  });

  it('the same in pieces of any size, and in a workbook', async () => {
    const whole = (await readAll(tempFile('two-rows.csv', TWO_ROWS))).rows;
    for (const size of [1, 5, 40]) {
      const blocks = cutInPieces(TWO_ROWS, size);
      expect(blocks[0]!.endsWith('Destination\n'), `size ${size}`).toBe(true);
      const conv = new RecordConverter('m.csv', { hsScheme: 'cn' }, undefined, 0, 'utf-8');
      const out: ManifestEvent[] = [];
      for (const b of blocks) conv.readBlock(b, ',', (e) => out.push(e));
      expect(out.map((e) => (e.kind === 'row' ? [e.row.line, e.row.values.consignee] : e))).toEqual(whole.map((r) => [r.line, r.values.consignee]));
    }
    const path = tempFile('two-rows.xlsx', '');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('发票');
    for (const line of TWO_ROWS.trim().split('\n')) ws.addRow(line.split(',').map((c) => (/^\d{10}$/.test(c) ? Number(c) : c)));
    await wb.xlsx.writeFile(path);
    const book = await readAll(path);
    expect(book.summary.notes).toContain('line 3: a second header row (the column names in another language), read with the header');
    expect(book.rows.map((r) => [r.line, r.values.hs_code, r.values.consignee])).toEqual([[4, '2846901500', 'Tokyo Optics K.K.']]);
  });

  it('a header cell in two languages names its column: one name a line, around a slash, or side by side', () => {
    const m = mapHeaders(['品名\nDescription', '商品编码 HS Code', '数量/Qty', '收货人Consignee', '目的国(地区) Destination', '规格型号 Specification', '品名 HS Code', 'Unit Price 单价']);
    expect(m.columns).toEqual({ description: 0, hs_code: 1, quantity: 2, consignee: 3, destination_country: 4 });
    expect(m.more).toEqual({ description: [5] });
    // parts naming two columns name none (a second description is kept as an extra too, and screened with the first)
    expect(m.extras.map((e) => e.name)).toEqual(['规格型号 Specification', '品名 HS Code', 'Unit Price 单价']);
  });
});

describe('composite line ids (part 3)', () => {
  it('--line-id joins columns into the id shown in reports, the fingerprint and the waiver selectors', async () => {
    const { rows } = await readAll(fixture('kingdee-sales-out.csv'), { lineId: ['单据编号', '行号'] });
    expect(rows.map((r) => r.values.line_id)).toEqual(['XSCKD-2026-0412/1', 'XSCKD-2026-0412/2', 'XSCKD-2026-0413/1', 'XSCKD-2026-0413/2']);
    expect(rows[0]!.extras).not.toHaveProperty('单据编号');
    await expect(readAll(fixture('kingdee-sales-out.csv'), { lineId: ['单据号', '行号'] })).rejects.toThrow(/--line-id="单据号": the manifest has no such header/);

    const dir = join(ROOT, 'fixtures', 'erp');
    const waivers = tempFile(
      'w.yaml',
      'waivers:\n  - id: W1\n    rule: cn.measure.control-list.unidentified\n    line_id: XSCKD-2026-0413/2\n    party: 株式会社IHIエアロスペース\n    reason: bolts, classification confirmed EAR99-equivalent\n    approved_by: Export Control Officer\n    expires: 2027-06-30\n',
    );
    const r = screen([join(dir, 'kingdee-sales-out.csv'), '--line-id', '单据编号,行号', '--format', 'json', '--waivers', waivers]);
    const report = JSON.parse(r.stdout) as { rows: { lineId: string; findings: { ruleId: string; waived?: unknown }[] }[] };
    expect(report.rows.map((row) => row.lineId)).toEqual(['XSCKD-2026-0412/1', 'XSCKD-2026-0413/1', 'XSCKD-2026-0413/2']);
    expect(report.rows[2]!.findings[0]!.waived).toBeDefined();
    expect(report.rows[1]!.findings.every((f) => f.waived === undefined)).toBe(true);
  });

  it('the config key line-id does the same', () => {
    const config = tempFile('.dualscreen.yaml', 'line-id: [单据编号, 行号]\n');
    const r = screen([fixture('kingdee-sales-out.csv'), '--config', config, '--format', 'json']);
    expect((JSON.parse(r.stdout) as { rows: { lineId: string }[] }).rows[0]!.lineId).toBe('XSCKD-2026-0412/1');
  });
});

describe('columns never drop silently (part 4)', () => {
  it('maps Kingdee, Yonyou and SAP headers; a buyer beside a ship-to party stays an extra column and is screened as a further party', () => {
    const m = mapHeaders(['单据编号', '客户名称', '收货方', '物料编码', '物料名称', '规格型号', '实发数量', '目的国']);
    expect(m.columns).toMatchObject({ consignee: 2, description: 4, quantity: 6, destination_country: 7 });
    expect(m.more).toEqual({ description: [5] });
    expect(m.moreParties).toEqual([{ column: 'consignee', index: 1 }]);
    expect(mapHeaders(['Material Description', 'Sold-to Party', 'Ship-to Party']).columns).toEqual({ description: 0, consignee: 2 });
    // a buyer alone is the consignee
    expect(mapHeaders(['物料描述', '售达方']).columns).toEqual({ description: 0, consignee: 1 });
    expect(mapHeaders(['物料描述', '送达方', '售达方']).columns).toEqual({ description: 0, consignee: 1 });
  });

  it('screens a sold-to party beside the ship-to party: a listed buyer behind a forwarder is found, and the finding names its column', () => {
    const file = tempFile(
      'sold-to.csv',
      [
        'Order,Material Description,HS Code,Ship-to Party,Sold-to Party,Destination',
        '1,Samarium oxide Sm2O3,2846901940,Pacific Forwarding Pte Ltd,Mitsubishi Heavy Industries Aero Engines Ltd.,SG',
        '2,Office chairs,9401300000,Pacific Forwarding Pte Ltd,陸上自衛隊 第1師団,JP',
        '3,Office chairs,9401300000,Pacific Forwarding Pte Ltd,Tanaka Furniture K.K.,JP',
      ].join('\n') + '\n',
    );
    const r = screen([file, '--format', 'json', '--as-of', '2026-11-28']);
    expect(r.stderr).not.toMatch(/not screened/);
    const rows = (JSON.parse(r.stdout) as { rows: { line: number; verdict: string; findings: { evidence: { field: string; value: string }[] }[] }[] }).rows;
    const byLine = (line: number) => rows.find((row) => row.line === line);
    expect(byLine(2)?.verdict).toBe('prohibited');
    expect(byLine(2)?.findings.flatMap((f) => f.evidence)).toContainEqual(expect.objectContaining({ field: 'Sold-to Party', value: 'Mitsubishi Heavy Industries Aero Engines Ltd.' }));
    // unidentified goods to a Japanese military user named as the buyer: not clear
    expect(byLine(3)?.verdict).toBe('review');
    expect(byLine(3)?.findings.flatMap((f) => f.evidence)).toContainEqual(expect.objectContaining({ field: 'Sold-to Party' }));
    expect(byLine(4)).toBeUndefined(); // an ordinary buyer: clear
    // the text report's line names the party the row is flagged for, not the forwarder
    expect(screen([file, '--as-of', '2026-11-28', '--no-color']).stdout).toMatch(/sold-to\.csv:2 +Samarium oxide Sm2O3 · Sold-to Party: Mitsubishi Heavy/);
    for (const lang of ['zh', 'ja']) expect(screen([file, '--as-of', '2026-11-28', '--lang', lang, '-v']).stdout).toContain('Sold-to Party "Mitsubishi Heavy Industries Aero Engine…"');
  });

  it('maps German and French headers, and a foreign tariff number implies --hs-scheme intl', async () => {
    expect(mapHeaders(['Warenbezeichnung', 'Zolltarifnummer', 'Bestimmungsland', 'Empfänger']).columns).toEqual({
      description: 0, hs_code: 1, destination_country: 2, consignee: 3,
    });
    expect(mapHeaders(['Désignation', 'Pays de destination', 'Destinataire']).columns).toEqual({ description: 0, destination_country: 1, consignee: 2 });
    const { rows, summary } = await readAll(fixture('german-ausfuhr.csv'));
    expect(rows[0]!.norm.hs).toMatchObject({ kind: 'valid', digits: '284690' });
    expect(summary.notes).toEqual([expect.stringContaining('HS codes under "Zolltarifnummer" are another country\'s tariff numbers')]);
    // the user's choice stands
    const chosen = await readAll(fixture('german-ausfuhr.csv'), { hsSchemeChosen: true });
    expect(chosen.rows[0]!.norm.hs).toMatchObject({ kind: 'valid', digits: '28469090' });
    // a Japanese 9-digit 統計品目番号 is not an invalid Chinese code
    const jp = await readAll(tempFile('jp.csv', '品名,統計品目番号,仕向国\n酸化ジスプロシウム,284690000,米国\n'));
    expect(jp.rows[0]!.norm.hs).toMatchObject({ kind: 'valid', digits: '284690' });
  });

  it('reads a delivery address as a further party of the row, and a description in two columns as one', () => {
    const m = mapHeaders(['物料名称', '收货单位', '收货地址', '最终用户']);
    expect(m.columns).toMatchObject({ description: 0, consignee: 1, end_user: 3 });
    expect(m.moreParties).toEqual([{ column: 'consignee', index: 2 }]);
    // alone, the address is the consignee column
    expect(mapHeaders(['Description 1', 'Description 2', 'Delivery Address']).columns).toMatchObject({ description: 0, consignee: 2 });
    expect(mapHeaders(['Description 1', 'Description 2', 'Delivery Address']).more).toEqual({ description: [1] });
  });

  it("joins a party name's second line to it, and reads a consignee's city column as a further party", async () => {
    const head = 'Description 1,Consignee Name,Consignee Name 2,Consignee City,HS Code\n';
    const { rows } = await readAll(tempFile('n2.csv', `${head}Conference chairs,GENERAL DYNAMICS,"MISSION SYSTEMS, INC.","Fairfax, VA",940171\n`));
    expect(rows[0]!.values.consignee).toBe('GENERAL DYNAMICS MISSION SYSTEMS, INC.');
    expect(rows[0]!.norm.parties).toContainEqual({ field: 'Consignee City', value: 'Fairfax, VA' });
  });

  it("reads a control-code column headed by another country's list (ECCN, Ausfuhrlistennummer) as that list, and China's column beside it as China's", async () => {
    const us = await readAll(tempFile('eccn.csv', 'Item Description,ECCN,Ship-To Party\nGaN HEMT transistor,3A001,Acme Inc.\n'));
    expect(us.rows[0]!.norm.controlCodes).toMatchObject({ kind: 'foreign', scheme: 'ECCN' });
    expect(us.summary.notes).toContainEqual(expect.stringContaining('control codes under "ECCN" are another country\'s classification'));
    const both = ['Materialkurztext', 'Ausfuhrlistennummer', 'Exportkontrollnr. CN', 'Warenempfänger'];
    expect(mapHeaders(both).columns).toMatchObject({ description: 0, control_code: 2, consignee: 3 });
    const de = await readAll(tempFile('de.csv', `${both.join(';')}\nGermaniumdioxid 5N;N;3C002.e;Umicore\nSchrauben M12;N;;Würth\n`));
    expect(de.rows.map((r) => r.norm.controlCodes.kind)).toEqual(['valid', 'none']);
    expect(de.summary.notes.join(' ')).not.toContain('another country\'s classification');
  });

  it('says on stderr what screening is off, with the unmapped headers and their closest columns', () => {
    const m = mapHeaders(['Artikel', 'HS Code', 'Kundenname', 'Lieferland']);
    const warnings = columnWarnings('m.csv', m);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^warning: m\.csv: no goods description column: keyword screening is off/);
    expect(warnings[1]).toMatch(/no party column \(consignee or end user\): party screening is off/);
    expect(warnings[1]).toContain('"Kundenname" (closest: consignee)');
    expect(warnings[2]).toMatch(/no destination column/);
    expect(closestColumn('Ship-to Name 2')?.column).toBe('consignee');
    expect(closestColumn('Lieferdatum')).toBeUndefined();

    const file = tempFile('renamed.csv', 'Goods Text,HS Code,Customer Ref,Ship Country\nDysprosium oxide,2846901500,Tokyo Optics K.K.,JP\n');
    const r = screen([file]);
    expect(r.stderr).toMatch(/no goods description column.*"Goods Text" \(closest: description\)/);
    expect(r.stderr).toMatch(/no party column/);
  });

  it('names the first 20 unmapped headers of a wide file, and counts the rest', () => {
    const headers = ['Description', 'HS Code', ...Array.from({ length: 30 }, (_, i) => `Attribut ${i + 1}`)];
    const [party] = columnWarnings('m.csv', mapHeaders(headers)).filter((w) => w.includes('no party column'));
    expect(party).toContain('"Attribut 20" (no close column), and 10 more.');
    expect(party).not.toContain('"Attribut 21"');
  });

  it('a file refused for want of a goods column names each header with its column or the closest one', () => {
    const file = tempFile('no-goods.csv', 'Artikel,Bezeichnung des Gutes,Kundenname,Menge\nA-1,Dysprosiumoxid,Tokyo Optics K.K.,50\n');
    const r = screen([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"Bezeichnung des Gutes" (closest: description)');
    expect(r.stderr).toContain('"Kundenname" (closest: consignee)');
    expect(r.stderr).toContain('"Menge" (quantity)');
    expect(r.stderr).toMatch(/Use --map description=HEADER/);
  });
});
