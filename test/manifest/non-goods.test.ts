/**
 * Rows that are no goods (totals.ts, skipped.ts): totals, subtotals and charges, remarks under the table,
 * also when they leave out their empty cells; a header row inside the data, repeated or of another export.
 * None is screened as goods nobody identified, none is an error, and each is named in a note.
 */
import { describe, expect, it } from 'vitest';
import { tempFiles } from '../temp-files.js';
import { readAll } from './read-all.js';

const file = tempFiles('non-goods');
const HEAD = 'No.,Description,HS Code,Qty,Amount,Destination,Consignee\n';
const rowsOf = async (text: string) => {
  const { summary, rows, errors } = await readAll(file('m.csv', text));
  return { notes: summary.notes, count: summary.rows, lines: rows.map((r) => r.line), errors: errors.map((e) => `${e.line}: ${e.message}`), rows };
};

describe('totals, subtotals, charges and remarks', () => {
  it('a subtotal between pages is noted, not screened; the goods after it are', async () => {
    const r = await rowsOf(`${HEAD}1,Bolts,7318158000,5,50,JP,Acme\n,小计,,,50,,\n2,Nuts,7318160000,3,30,JP,Acme\n,合计,,,80,,\n`);
    expect(r.lines).toEqual([2, 4]);
    expect(r.count).toBe(2);
    expect(r.notes).toEqual([
      'line 5 after the last goods: a totals row ("合计, 80"), not screened',
      '1 subtotal or charge row between the goods rows (TOTAL, 小计, Freight …), not screened (line 3)',
    ]);
    // row numbers stay those of the data records
    expect(r.rows.map((x) => x.row)).toEqual([1, 3]);
  });

  it('charges (Freight, 运费, 送料) are not goods; a description that starts with the word is', async () => {
    const r = await rowsOf(`${HEAD}1,Bolts,7318158000,5,50,JP,Acme\n,Freight,,,35,,\n2,Freight container lashing bar,7326909000,4,80,JP,Acme\n,运费,,,12,,\n,送料（税込）,,,8,,\n`);
    expect(r.lines).toEqual([2, 4]);
    expect(r.notes[0]).toBe('lines 5, 6 after the last goods: totals rows ("运费, 12"; "送料（税込）, 8"), not screened');
    expect(r.notes).toContain('1 subtotal or charge row between the goods rows (TOTAL, 小计, Freight …), not screened (line 3)');
  });

  it('remarks and a signature under the table, in the first cell, are noted', async () => {
    const r = await rowsOf(`${HEAD}1,Bolts,7318158000,5,50,JP,Acme\nTOTAL,,,,50,,\nRemarks:,,,,,,\n1. Country of origin: China.,,,,,,\nAuthorized Signature: ____,,,,,,\n`);
    expect(r.lines).toEqual([2]);
    expect(r.errors).toEqual([]);
    expect(r.notes[0]).toMatch(/^lines 3, 4, 5, 6 after the last goods: totals rows \("TOTAL, 50"; "Remarks:"; "1\. Country of origin: China\."; /);
  });

  it('totals and remarks that leave out their empty cells are no damaged rows; a short goods row still is', async () => {
    const r = await rowsOf(`${HEAD}1,Bolts,7318158000,5,50,JP,Acme\n2,Nuts,7318160000\n,合計,,,80\n備考：原産国 中国\n`);
    expect(r.lines).toEqual([2]);
    expect(r.errors).toEqual(['3: expected 7 fields as in the header, found 3']);
    expect(r.notes[0]).toBe('lines 4, 5 after the last goods: totals rows ("合計, 80"; "備考：原産国 中国"), not screened');
  });

  it('a row of bare numbers or a lone remark followed by goods is screened: it may be goods that lost their description', async () => {
    const r = await rowsOf(`${HEAD}1,Bolts,7318158000,5,50,JP,Acme\n,,,5,300,,\nsee attached list,,,,,,\n2,Nuts,7318160000,3,30,JP,Acme\n`);
    expect(r.lines).toEqual([2, 3, 4, 5]);
    expect(r.notes).toEqual([]);
  });
});

describe('a header row inside the data (exports joined into one file)', () => {
  it('the same header again is skipped with a note', async () => {
    const r = await rowsOf(`${HEAD}1,Bolts,7318158000,5,50,JP,Acme\n${HEAD}2,Nuts,7318160000,3,30,JP,Acme\n`);
    expect(r.lines).toEqual([2, 4]);
    expect(r.errors).toEqual([]);
    expect(r.notes).toEqual(['the header row again inside the data (files joined?), skipped (line 3)']);
  });

  it('another export\'s header: the rows after it are read by its columns; the totals and title before it are not screened', async () => {
    const text =
      `${HEAD}1,Bolts,7318158000,5,50,JP,Acme\n,TOTAL,,,50,,\n\nExport 2 printed 2026-11-30,,,,,,\n` +
      'Line,HS Code,Description,Country of Destination,Consignee,End User\n10,8106101091,Bismuth ingot 99.99%,Japan,Tokai Shoji,陸上自衛隊\n';
    const r = await rowsOf(text);
    expect(r.errors).toEqual([]);
    expect(r.lines).toEqual([2, 7]);
    expect(r.rows[1]!.values).toMatchObject({ line_id: '10', hs_code: '8106101091', description: 'Bismuth ingot 99.99%', destination_country: 'Japan', end_user: '陸上自衛隊' });
    expect(r.count).toBe(2);
    expect(r.notes).toEqual([
      '1 blank line skipped (line 4)',
      'lines 3, 5 before a header row inside the data: totals, remarks or a title of a joined export ("TOTAL, 50"; "Export 2 printed 2026-11-30"), not screened',
      'line 6: another header row (files joined?): the rows after it are read by its columns (Line, HS Code, Description, Country of Destination, Consignee, End User)',
    ]);
  });

  it('a data row with a few column words in it is a data row', async () => {
    const r = await rowsOf(`${HEAD}1,Bolts,7318158000,5,50,JP,Acme\n2,Goods,Description,5,50,Country,Consignee\n3,Product,,,,JP,Buyer\n`);
    expect(r.lines).toEqual([2, 3, 4]);
  });
});
