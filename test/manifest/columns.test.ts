import { describe, it, expect } from 'vitest';
import { aliasesOf, mapHeaders } from '../../src/manifest/columns.js';
import { UserError } from '../../src/model/errors.js';
import { CANONICAL_COLUMNS, headerKey } from '../../src/model/row.js';

describe('headerKey', () => {
  it('ignores case, width, spaces, punctuation and symbols', () => {
    const key = headerKey('hs code');
    for (const h of ['HS Code', 'hs_code', 'H.S. CODE', 'HS-Code', ' HS  code ', 'ＨＳ　Ｃｏｄｅ', '(HS) code', 'HS/Code#']) {
      expect(headerKey(h), h).toBe(key);
    }
    expect(headerKey('ＨＳコード')).toBe(headerKey('HSコード'));
    expect(headerKey('品名・規格')).toBe('品名規格');
    expect(headerKey('原产国（地区）')).toBe('原产国地区');
  });
});

describe('mapHeaders', () => {
  it('maps a Japanese invoice header', () => {
    const m = mapHeaders(['No.', '品名', 'HSコード', '数量', '単価', '仕向国', '荷受人', '最終需要者', '用途']);
    expect(m.columns).toEqual({
      line_id: 0, description: 1, hs_code: 2, quantity: 3, destination_country: 5, consignee: 6, end_user: 7, end_use: 8,
    });
    expect(m.extras).toEqual([{ name: '単価', key: '単価', index: 4 }]);
  });

  it('reads a description split over its name, model and declaration columns as one text (貨物の品名 + 型番, 品名 + 规格 + 型号 + 申报要素)', () => {
    const ja = mapHeaders(['No.', '貨物の品名', '型番', '統計品目番号', '仕向地', '荷受人', '最終需要者']);
    expect(ja.columns).toMatchObject({ description: 1, hs_code: 3, destination_country: 4, consignee: 5, end_user: 6 });
    expect(ja.more).toEqual({ description: [2] });
    const zh = mapHeaders(['项号', '商品编码', '品名', '规格', '型号', '申报要素', '目的国', '收货人', '最终用户']);
    expect(zh.columns).toMatchObject({ hs_code: 1, description: 2, destination_country: 6, consignee: 7, end_user: 8 });
    expect(zh.more).toEqual({ description: [3, 4, 5] });
  });

  it('maps a Japanese export-control header with full-width text', () => {
    const m = mapHeaders(['項番', '品名・規格', '統計品目番号', '該非判定番号', 'ＣＡＳ番号', '原産国', '最終ユーザー', '最終ユーザー国', '金額', '通貨']);
    expect(m.columns).toEqual({
      line_id: 0, description: 1, hs_code: 2, control_code: 3, cas_number: 4, origin_country: 5, end_user: 6,
      end_user_country: 7, value: 8, currency: 9,
    });
    expect(m.extras).toEqual([]);
  });

  it('maps a Chinese customs-declaration style header (simplified)', () => {
    const m = mapHeaders(['项号', '商品编号', '商品名称及规格型号', '数量', '单位', '总价', '币制', '原产国（地区）', '最终目的国（地区）', '境外收货人', '最终用户', '最终用途', '境内货源地']);
    expect(m.columns).toEqual({
      line_id: 0, hs_code: 1, description: 2, quantity: 3, unit: 4, value: 5, currency: 6, origin_country: 7,
      destination_country: 8, consignee: 9, end_user: 10, end_use: 11,
    });
    expect(m.extras).toEqual([{ name: '境内货源地', key: '境内货源地', index: 12 }]);
  });

  it('maps a traditional Chinese header', () => {
    const m = mapHeaders(['序號', '貨物名稱', 'HS編碼', '管制編碼', '數量', '單位', '收貨人', '最終用戶', '最終用途']);
    expect(m.columns).toEqual({
      line_id: 0, description: 1, hs_code: 2, control_code: 3, quantity: 4, unit: 5, consignee: 6, end_user: 7, end_use: 8,
    });
  });

  it('maps a Korean trading house header and German, Spanish and Italian ones', () => {
    expect(mapHeaders(['품명', 'HS부호', '수량', '원산지', '목적국', '수하인', '최종사용자', '용도']).columns).toEqual({
      description: 0, hs_code: 1, quantity: 2, origin_country: 3, destination_country: 4, consignee: 5, end_user: 6, end_use: 7,
    });
    expect(mapHeaders(['Beschreibung', 'Menge', 'Empfänger']).columns).toEqual({ description: 0, quantity: 1, consignee: 2 });
    expect(mapHeaders(['Descripción', 'Cantidad', 'País de origen']).columns).toEqual({ description: 0, quantity: 1, origin_country: 2 });
    expect(mapHeaders(['Descrizione merce', 'Quantità', 'Paese di destinazione']).columns).toEqual({ description: 0, quantity: 1, destination_country: 2 });
  });

  it('maps an English ERP export, keeping unknown headers as extras in order', () => {
    const headers = ['Line #', 'Part Number', 'Item Description', 'HTS Code', 'ECCN', 'CAS No.', 'Qty', 'UOM', 'Unit Price',
      'Extended Value (USD)', 'Currency', 'Country of Origin', 'Ship-To Country', 'Ship To', 'Ultimate Consignee', 'End-Use', 'Notes'];
    const m = mapHeaders(headers);
    expect(m.columns).toEqual({
      line_id: 0, description: 2, hs_code: 3, control_code: 4, cas_number: 5, quantity: 6, unit: 7, currency: 10,
      origin_country: 11, destination_country: 12, consignee: 13, end_user: 14, end_use: 15,
    });
    expect(m.extras.map((e) => e.name)).toEqual(['Part Number', 'Unit Price', 'Extended Value (USD)', 'Notes']);
    expect(m.extras.map((e) => e.index)).toEqual([1, 8, 9, 16]);
  });

  it('screens the end user and notify party under the names invoices and customs lists give them', () => {
    const english = mapHeaders(['Item No', 'Commodity', 'Tariff No.', 'Ultimate Consignee', 'Country of Ultimate Destination', 'Notify Party', 'Sold-to Party']);
    expect(english.columns).toMatchObject({ description: 1, hs_code: 2, end_user: 3, consignee: 5 });
    expect(english.moreParties).toEqual([{ column: 'consignee', index: 6 }]);
    expect(mapHeaders(['No.', 'Product Name', 'Buyer Name', 'Final Recipient']).columns).toMatchObject({ consignee: 2, end_user: 3 });
    expect(mapHeaders(['序号', '货物名称', '买方', '实际使用单位']).columns).toMatchObject({ consignee: 2, end_user: 3 });
    expect(mapHeaders(['No', '品名', '需要者', '納入先']).columns).toMatchObject({ end_user: 2, consignee: 3 });
  });

  it('screens every party of a booking, an ERP line and a Japanese worksheet beside the consignee (also notify, bill-to, intermediate consignee, 仕向先, marks)', () => {
    const booking = mapHeaders(['Booking No.', 'Consignee', 'Notify Party', 'Also Notify', 'Marks & Nos.', 'Description of Goods', 'Remarks']);
    expect(booking.columns).toMatchObject({ consignee: 1, description: 5 });
    expect(booking.moreParties).toEqual([2, 3, 4].map((index) => ({ column: 'consignee', index })));
    expect(booking.extras.map((e) => e.name)).toContain('Remarks');
    const erp = mapHeaders(['Sales Doc.', 'Sold-to Party', 'Bill-to Party', 'Ship-to Party', 'Forwarding Agent', 'Intermediate Consignee', 'Ultimate Consignee', 'Material Description']);
    expect(erp.columns).toMatchObject({ consignee: 3, end_user: 6, description: 7 });
    expect(erp.moreParties).toEqual([1, 2, 5].map((index) => ({ column: 'consignee', index })));
    const worksheet = mapHeaders(['整理番号', '荷受人', '通知人', '仕向先', '最終需要者', '品名', '備考']);
    expect(worksheet.moreParties).toEqual([2, 3].map((index) => ({ column: 'consignee', index })));
    // with no consignee header the first of them is the consignee: a 唛头 names the buyer (UNECE Recommendation No. 15)
    expect(mapHeaders(['序号', '商品名称', '唛头']).columns).toMatchObject({ consignee: 2 });
  });

  it('accepts the canonical names themselves and bracketed notes', () => {
    const m = mapHeaders([...CANONICAL_COLUMNS]);
    CANONICAL_COLUMNS.forEach((c, i) => expect(m.columns[c]).toBe(i));
    expect(mapHeaders(['Value (USD)', 'Quantity [pcs]', '原产国(地区)']).columns).toEqual({ value: 0, quantity: 1, origin_country: 2 });
  });

  it('reads a lone "#" as the line number', () => {
    expect(mapHeaders(['#', 'Description']).columns).toEqual({ line_id: 0, description: 1 });
  });

  it('maps plain "country" to the destination, and leaves "code" alone', () => {
    const m = mapHeaders(['Code', 'Description', 'Country']);
    expect(m.columns).toEqual({ description: 1, destination_country: 2 });
    expect(m.extras).toEqual([{ name: 'Code', key: 'Code', index: 0 }]);
  });

  it('gives a column to its first header; a second text or destination column is screened with it, a second party column is a further party, a second one-value column is a conflict', () => {
    const m = mapHeaders(['品名', 'Description', 'HS', 'HS Code', 'Destination', '仕向国', 'Consignee', '收货人']);
    expect(m.columns).toEqual({ description: 0, hs_code: 2, destination_country: 4, consignee: 6 });
    expect(m.more).toEqual({ description: [1], destination_country: [5] });
    expect(m.repeated).toEqual([{ column: 'hs_code', first: 2, second: 3 }]);
    expect(m.moreParties).toEqual([{ column: 'consignee', index: 7 }]);
    expect(m.extras.map((e) => e.key)).toEqual(['Description', 'HS Code', '仕向国', '收货人']);
  });

  it('maps the party headers of delivery forms, requisitions and contracts; a second one is a further party (round 19a)', () => {
    const m = mapHeaders(['Description', 'Consignee', 'Deliver To', 'Mark For', 'Purchaser', 'Requisitioner', 'Using Unit', '受荷主', '使用者', '用户单位']);
    expect(m.columns).toEqual({ description: 0, consignee: 1, end_user: 6 });
    expect(m.moreParties).toEqual([
      { column: 'consignee', index: 2 },
      { column: 'consignee', index: 3 },
      { column: 'consignee', index: 4 },
      { column: 'consignee', index: 5 },
      { column: 'consignee', index: 7 },
      { column: 'end_user', index: 8 },
      { column: 'end_user', index: 9 },
    ]);
    expect(m.repeated).toEqual([]);
  });

  it('applies overrides by header key; the displaced header becomes an extra', () => {
    const m = mapHeaders(['Item', 'Description', 'Part Name', 'Customer', 'Country'], {
      description: 'part name',
      consignee: 'CUSTOMER',
    });
    expect(m.columns).toEqual({ line_id: 0, description: 2, consignee: 3, destination_country: 4 });
    expect(m.extras).toEqual([{ name: 'Description', key: 'Description', index: 1 }]);
  });

  it('lets an override take a header from another column, which then falls to its next alias', () => {
    const m = mapHeaders(['Consignee', 'Receiver', 'Destination'], { end_user: 'Consignee' });
    expect(m.columns).toEqual({ end_user: 0, consignee: 1, destination_country: 2 });
    expect(m.extras).toEqual([]);
  });

  it('allows one header to serve two overridden columns', () => {
    const m = mapHeaders(['Buyer', 'Country'], { consignee: 'Buyer', end_user: 'Buyer' });
    expect(m.columns).toEqual({ consignee: 0, end_user: 0, destination_country: 1 });
  });

  it('throws a UserError for an override naming a missing header', () => {
    expect(() => mapHeaders(['Description', 'HS Code'], { end_user: 'End Customer' })).toThrow(UserError);
    expect(() => mapHeaders(['Description', 'HS Code'], { end_user: 'End Customer' })).toThrow(/End Customer/);
  });

  it('throws a UserError for an override of an unknown column', () => {
    const overrides = JSON.parse('{"destination":"Country"}') as Record<string, string>;
    expect(() => mapHeaders(['Country'], overrides)).toThrow(UserError);
  });

  it('handles an empty header row', () => {
    expect(mapHeaders([])).toEqual({ columns: {}, more: {}, extras: [], repeated: [] });
  });
});

describe('aliasesOf', () => {
  it('lists the canonical name first, then English, Chinese and Japanese aliases', () => {
    const aliases = aliasesOf('destination_country');
    expect(aliases[0]).toBe('destination_country');
    expect(aliases).toEqual(expect.arrayContaining(['destination', 'country', '目的国', '运抵国', '仕向国']));
  });

  it('gives every column an alias that maps back to it, and no alias to two columns', () => {
    for (const column of CANONICAL_COLUMNS) {
      for (const alias of aliasesOf(column)) expect(mapHeaders([alias]).columns, alias).toEqual({ [column]: 0 });
    }
  });
});
