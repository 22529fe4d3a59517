import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { openManifest } from '../../src/manifest/read.js';
import { UserError } from '../../src/model/errors.js';
import type { Encoding } from '../../src/model/run.js';
import { tempFiles } from '../temp-files.js';
import { readAll } from './read-all.js';

const tempFile = tempFiles('read');
const file = (content: string | Buffer): string => tempFile('m.csv', content);


const JAPANESE = '行番号,品名,HSコード,仕向国,荷受人,最終需要者,用途\n1,酸化ジスプロシウム,2846901500,日本,東京光学株式会社,防衛装備庁,研究開発\n2,ボルト,7318158000,日本,三菱重工業株式会社,三菱重工業株式会社,保守\n';
const CHINESE = '序号,商品名称,商品编码,目的国,收货人,最终用户,最终用途\n1,氧化镝,2846901500,日本,东京光学株式会社,防卫装备厅,军用雷达\n2,棉制T恤,6109100000,日本,优衣库,优衣库,零售\n';

describe('encodings', () => {
  const cases: [string, Encoding, Buffer][] = [
    ['UTF-8 without BOM', 'utf-8', Buffer.from(JAPANESE, 'utf8')],
    ['UTF-8 with BOM', 'utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JAPANESE, 'utf8')])],
    ['UTF-16LE with BOM', 'utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(JAPANESE, 'utf16le')])],
    ['UTF-16BE with BOM', 'utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(JAPANESE, 'utf16be')])],
    ['UTF-16LE without BOM', 'utf-16le', iconv.encode(JAPANESE, 'utf16le')],
    ['UTF-16BE without BOM', 'utf-16be', iconv.encode(JAPANESE, 'utf16be')],
    ['Shift_JIS (CP932)', 'shift_jis', iconv.encode(JAPANESE, 'cp932')],
    ['EUC-JP', 'euc-jp', iconv.encode(JAPANESE, 'eucjp')],
  ];
  for (const [name, encoding, bytes] of cases) {
    it(`reads Japanese text in ${name}`, async () => {
      const { summary, rows } = await readAll(file(bytes));
      expect(summary.encoding).toBe(encoding);
      expect(rows).toHaveLength(2);
      expect(rows[0]!.values).toMatchObject({ description: '酸化ジスプロシウム', hs_code: '2846901500', end_user: '防衛装備庁' });
      expect(rows[0]!.norm.destinationCountry).toBe('JP');
    });
  }

  it("reads a Chinese declaration's country of arrival and final destination as two destinations", async () => {
    const declaration = '序号,商品名称,商品编号,运抵国(地区),最终目的国(地区),境外收货人\n1,复印纸,48025600,中国香港,日本,远东贸易有限公司\n2,复印纸,48025600,日本,日本,株式会社东洋通商\n';
    const { rows } = await readAll(file(declaration));
    expect(rows[0]!.values.destination_country).toBe('中国香港; 日本');
    expect(rows[0]!.norm).toMatchObject({ destinationCountry: 'HK', moreDestinationCountries: ['JP'] });
    expect(rows[1]!.norm.destinationCountry).toBe('JP');
    expect(rows[1]!.norm.moreDestinationCountries).toBeUndefined();
  });

  it('reads Shift_JIS with half-width katakana under an English header, which is not GB18030', async () => {
    const text = 'Item,Description,HS Code,Destination,Consignee,End User\n1,ｺﾋﾟｰ用紙 A4,4802560000,日本,ｶ)ﾄｳｷｮｳｼﾞﾑｷ,\n2,金属ビスマス ｲﾝｺﾞｯﾄ,8106101091,日本,陸上自衛隊 朝霞駐屯地,陸上自衛隊\n';
    for (const [encoding, iconvName] of [['shift_jis', 'cp932'], ['euc-jp', 'eucjp']] as const) {
      const { summary, rows } = await readAll(file(iconv.encode(text, iconvName)));
      expect(summary.encoding, iconvName).toBe(encoding);
      expect(rows[1]!.values).toMatchObject({ description: '金属ビスマス ｲﾝｺﾞｯﾄ', end_user: '陸上自衛隊' });
    }
  });

  it('keeps GB18030 for Chinese text that names Japanese companies in katakana', async () => {
    const text = `${CHINESE}3,铋锭,8106101091,日本,ソウル半導体株式会社,株式会社ホクシンマグネット,合金\n`;
    const { summary, rows } = await readAll(file(iconv.encode(text, 'gb18030')));
    expect(summary.encoding).toBe('gb18030');
    expect(rows[2]!.values).toMatchObject({ description: '铋锭', end_user: '株式会社ホクシンマグネット' });
  });

  it('reads Chinese text in GB18030', async () => {
    const { summary, rows } = await readAll(file(iconv.encode(CHINESE, 'gb18030')));
    expect(summary.encoding).toBe('gb18030');
    expect(rows[0]!.values).toMatchObject({ description: '氧化镝', end_use: '军用雷达', consignee: '东京光学株式会社' });
  });

  it('does not split a multi-byte character at a chunk edge', async () => {
    const body = Array.from({ length: 40_000 }, (_, i) => `${i},氧化镝粉末,2846901500,日本,收货人${i},用户,研究`).join('\n');
    const { rows } = await readAll(file(iconv.encode(`${CHINESE.split('\n')[0]}\n${body}\n`, 'gb18030')));
    expect(rows).toHaveLength(40_000);
    expect(rows.every((r) => r.values.description === '氧化镝粉末')).toBe(true);
  });

  it('honours --encoding', async () => {
    const { rows } = await readAll(file(iconv.encode(CHINESE, 'gb18030')), { encoding: 'gb18030' });
    expect(rows[1]!.values.description).toBe('棉制T恤');
  });
});

describe('delimiters, line endings and quoting', () => {
  it('detects semicolons and tabs', async () => {
    for (const d of [';', '\t']) {
      const { summary, rows } = await readAll(file(`Description${d}HS Code${d}Destination\nDysprosium oxide${d}2846901500${d}JP\n`));
      expect(summary.delimiter).toBe(d);
      expect(rows[0]!.values).toMatchObject({ description: 'Dysprosium oxide', hs_code: '2846901500' });
    }
  });


  it('finds the delimiter of the header row below a title line that has none, or another one', async () => {
    const table = (d: string): string => [`Item${d}Goods description${d}HS-code${d}Qty${d}Country of destination`, `1${d}Gallium metal 6N${d}8112929000${d}1,5${d}Japan`, `2${d}"Bolts ""M8""${d} zinc"${d}731815${d}2${d}Japan`].join('\n');
    for (const [title, d] of [['Shipment report March', ';'], ['Export list, March 2026', '\t'], ['出口明细', '|']] as const) {
      const { summary, rows, errors } = await readAll(file(`${title}\n\n${table(d)}\n`));
      expect(summary.delimiter).toBe(d);
      expect(errors).toEqual([]);
      expect(rows.map((r) => [r.line, r.values.description])).toEqual([[4, 'Gallium metal 6N'], [5, `Bolts "M8"${d} zinc`]]);
    }
  });
  it('reads CRLF and LF mixed, quoted fields with newlines and escaped quotes, with correct line numbers', async () => {
    const text = 'Line ID,Description,HS Code\r\nA1,"Samarium oxide\r\n99.9 % ""5N""",2846901940\r\n\r\nA2,Bolts,7318158000\nA3,"Gallium, metal",8112929090\n';
    const { rows, errors } = await readAll(file(text));
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.values.line_id, r.line])).toEqual([['A1', 2], ['A2', 5], ['A3', 6]]);
    expect(rows[0]!.values.description).toBe('Samarium oxide\n99.9 % "5N"'); // CRLF inside a field is read as LF
    expect(rows[2]!.values.description).toBe('Gallium, metal');
  });

  it("reads CR CR LF line endings (Python's csv writer on Windows) as one line end, also across read chunks", async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `${i},7318158000,"Mitsubishi Shipbuilding Co., Ltd."`);
    const { rows: read, errors } = await readAll(file(`Line ID,HS Code,Consignee\r\r\n${rows.join('\r\r\n')}\r\r\n`));
    expect(errors).toEqual([]);
    expect(read).toHaveLength(30_000);
    expect(read.every((r, i) => r.values.consignee === 'Mitsubishi Shipbuilding Co., Ltd.' && r.line === i + 2)).toBe(true);
  });

  it('gives the text of the other columns to screen for parties, except further party columns and --ignore-columns ones', async () => {
    const text = 'Description,HS Code,Ship-to Party,Sold-to Party,Remarks,Manufacturer,PO Number\nBolts,731815,Acme,Tokyo Trading,final user JGSDF,Lockheed Martin,PO-774343\n';
    const { rows } = await readAll(file(text));
    expect(rows[0]!.norm.parties.map((p) => p.field)).toEqual(['consignee', 'Sold-to Party']);
    expect(rows[0]!.norm.others).toEqual([{ field: 'Remarks', value: 'final user JGSDF' }, { field: 'Manufacturer', value: 'Lockheed Martin' }]);
    const ignored = await readAll(file(text), { ignoreColumns: ['manufacturer'] });
    expect(ignored.rows[0]!.norm.others.map((o) => o.field)).toEqual(['Remarks']);
    expect(ignored.rows[0]!.extras).toMatchObject({ Manufacturer: 'Lockheed Martin', 'PO Number': 'PO-774343' });
  });

  it('reports a ragged row with its line number and keeps reading', async () => {
    const { rows, errors, summary } = await readAll(file('Description,HS Code,Destination\nA,2846901500,JP\nB,7318158000\nC,6109100000,JP,extra\nD,6109100000,JP,,\n'));
    expect(rows.map((r) => r.values.description)).toEqual(['A', 'D']);
    expect(errors.map((e) => [e.line, e.message])).toEqual([
      [3, 'expected 3 fields as in the header, found 2'],
      [4, 'expected 3 fields as in the header, found 4'],
    ]);
    expect(summary).toMatchObject({ rows: 2, rejected: 2 });
  });

  it('reports an unclosed quote on its line and reads the lines after it', async () => {
    const { rows, errors, summary } = await readAll(file('Description,HS Code\nA,2846901500\n"B never closed,7318158000\nC,6109100000\n'));
    expect(rows.map((r) => r.values.description)).toEqual(['A', 'C']);
    expect(errors.map((e) => e.line)).toEqual([3]);
    expect(errors[0]!.message).toContain('unclosed quote');
    expect(summary.rows).toBe(rows.length);
  });

  it('keeps unknown columns as extras in order', async () => {
    const { rows, summary } = await readAll(file('PO Number,Description,Incoterms\nPO-9,Bolts,FOB\n'));
    expect(rows[0]!.extras).toEqual({ 'PO Number': 'PO-9', Incoterms: 'FOB' });
    expect(summary.mapping.extras.map((e) => e.name)).toEqual(['PO Number', 'Incoterms']);
  });

  it('applies --map to a header the aliases do not know', async () => {
    const { rows } = await readAll(file('Artikel,Zolltarifnummer\nBolzen,7318158000\n'), { map: { description: 'Artikel', hs_code: 'Zolltarifnummer' } });
    expect(rows[0]!.values).toEqual({ description: 'Bolzen', hs_code: '7318158000' });
  });
});

describe('files that cannot be read', () => {
  const fails = async (content: string | Buffer, message: RegExp): Promise<void> => {
    const path = file(content);
    await expect(readAll(path)).rejects.toThrow(UserError);
    await expect(readAll(path)).rejects.toThrow(message);
  };
  it('an empty file', () => fails('', /empty file/));
  it('a header without rows', () => fails('Description,HS Code\n', /header but no data rows/));
  it('a damaged workbook', () => fails(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), /not a readable \.xlsx workbook \(no ZIP central directory/));
  it('an old .xls workbook, naming the fix', () =>
    fails(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), /old Excel 97-2003 \.xls workbook .*save it as \.xlsx \(Excel Workbook\)/));
  it('an HTML table or an Excel 2003 XML file saved as .xls, naming the fix', async () => {
    await fails('<html xmlns:x="urn:schemas-microsoft-com:office:excel"><body><table><tr><td>Material Description</td></tr></table></body></html>', /a web page \(an HTML table\) saved under an Excel name.*save it as \.xlsx \(Excel Workbook\) or as CSV/);
    await fails('\ufeff<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">', /an Excel 2003 XML Spreadsheet/);
  });
  it('binary content', () => fails(Buffer.from(Array.from({ length: 512 }, (_, i) => i % 7)), /binary content/));
  it('binary content with a zero in every other byte, which is no UTF-16 text', () => fails(Buffer.from(Array.from({ length: 512 }, (_, i) => (i % 2 === 1 ? 0 : i % 5))), /binary content/));
  it('no column that identifies the goods, listing what was found', () => fails('Qty,Price\n1,2\n', /Found: "Qty" \(quantity\), "Price"\. Expected at least one of: description \(e\.g\. description, desc,/));
  it('a missing file', async () => {
    await expect(openManifest(join(tempFile.dir, 'nope.csv'), { hsScheme: 'cn' })).rejects.toThrow(/no such file/);
  });
});
