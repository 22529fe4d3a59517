/**
 * Writes the input torture set under fixtures/inputs/ (issue: no row lost, no column misread): manifests as
 * customers export them, in the encodings, delimiters and line endings they use, with title blocks, two-line
 * and repeated headers, totals, notes, quoted newlines, doubled and unbalanced quotes, ragged rows and very
 * long cells; and fixtures/inputs/expected.json, the outcome every physical line must have (computed here, so
 * that the line numbers cannot drift from the bytes). The files are committed; run this only to change them:
 *
 *   node test/tools/write-input-fixtures.js
 *
 * Every line is one of:
 *   data        a shipment row: screened, reported at this line (the first line of a quoted multi-line record)
 *   unreadable  a row that cannot be read: in the report's `errors` at this line, never silently dropped
 *   ragged      a row with more or fewer cells than the header (an unquoted delimiter in a cell, trailing cells
 *               left out): either in `errors` at this line, or screened with every checked value in its right
 *               column; never screened misread and silent
 *   header      the header, a second header line, or a header repeated mid-file: neither screened nor an error
 *   other       letterhead, title, invoice block, blank, subtotal, total and note lines: not screened as goods rows
 *               and not errors (an ordinary invoice must not fail with exit code 2)
 * A `check` on a data line names values that must land in their canonical columns (`values` of the JSON report)
 * and, for a few rows of controlled goods or military users, the verdict the law gives (as of 2026-12-01).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const DIR = fileURLToPath(new URL('../../fixtures/inputs/', import.meta.url));
export const AS_OF = '2026-12-01';

/** One line (or one multi-line record) of a file: `raw` is written as is, `cells` are joined and quoted as Excel does. */
const line = (kind, content, check) => ({ kind, content, check });
const other = (c) => line('other', c);
const header = (c) => line('header', c);
const data = (c, check) => line('data', c, check);
const unreadable = (c) => line('unreadable', c);
const ragged = (c, check) => line('ragged', c, check);

const LONG_SPEC = (() => {
  // a specification pasted from a datasheet into one cell, as brokers do in 申报要素 (about 60,000 characters)
  const clause =
    'Orientation (100)±0.5°; diameter 50.8±0.3 mm; thickness 350±25 µm; EPD ≤5000 cm⁻²; carrier concentration (0.8-3)E18 cm⁻³; mobility ≥1500 cm²/V·s; surface finish P/E; packed in single-wafer cassette under nitrogen. ';
  return `Indium phosphide wafers, S-doped N-type, 2 inch. ${clause.repeat(300)}END-OF-SPEC`;
})();

/**
 * The files. `eol` separates records; `cellEol` is written for a line break inside a quoted cell (Excel writes LF
 * there even in CRLF files). `cells` rows are quoted where a cell holds the delimiter, a quote or a line break.
 */
export const FILES = [
  {
    file: 'en-letterhead-invoice.csv',
    title: 'English commercial invoice of a Shenzhen maker: letterhead, title, an Invoice No./Date/Terms block and a blank line above the header (line 9); H.S. Code written 8542.31.00, 8542 31 00, HS:854231, 2846.90.1940; a "Total station" goods row; Subtotal, Freight and TOTAL rows, an amount in words, remarks and a signature line below the table. Excel pads every line to the used width with commas.',
    encoding: 'utf-8',
    bom: false,
    delimiter: ',',
    eol: '\r\n',
    width: 10,
    lines: [
      other(['SHENZHEN HUAXIN PRECISION ELECTRONICS CO., LTD.']),
      other(['Building 7, Tianan Cyber Park, Futian District, Shenzhen 518040, China']),
      other(['Tel: +86 755 8321 0000  Fax: +86 755 8321 0001  E-mail: sales@hx-precision.example']),
      other([]),
      other(['COMMERCIAL INVOICE']),
      other(['Invoice No.:', 'HX-2611-0487', '', '', '', 'Date:', '2026-11-28']),
      other(['Payment Terms:', 'T/T 30 days', '', '', '', 'Incoterms:', 'FOB Shenzhen']),
      other({ raw: '' }),
      header(['Item No.', 'Description of Goods', 'H.S. Code', 'Quantity', 'Unit', 'Unit Price (USD)', 'Amount (USD)', 'Country of Destination', 'Consignee Name', 'End-User']),
      data(['1', 'Microcontroller, 32-bit ARM Cortex-M4, LQFP64', '8542.31.00', '5000', 'PCS', '1.85', '9250.00', 'Japan', 'Osaka Denshi Shoji K.K.', 'Osaka Denshi Shoji K.K.'], {
        description: ['Microcontroller', 'LQFP64'], hs: '85423100', destination: 'Japan', consignee: 'Osaka Denshi Shoji', end_user: 'Osaka Denshi Shoji',
      }),
      data(['2', 'Microcontroller, 8-bit, SOP8', '8542 31 00', '20000', 'PCS', '0.21', '4200.00', 'Vietnam', 'Hanoi Components JSC', 'Hanoi Components JSC'], {
        description: ['8-bit, SOP8'], hs: '85423100', destination: 'Vietnam', consignee: 'Hanoi Components',
      }),
      data(['3', 'Gate driver IC for motor control', 'HS:854231', '3000', 'PCS', '0.95', '2850.00', 'Germany', 'Elektronik Vertrieb Nord GmbH', ''], {
        description: ['Gate driver IC'], hs: '854231', destination: 'Germany', consignee: 'Elektronik Vertrieb Nord',
      }),
      data(['4', 'Samarium oxide Sm2O3 99.9%, 25 kg drum', '2846.90.1940', '100', 'KG', '38.00', '3800.00', 'Japan', 'Kansai Magnet Materials Co., Ltd.', 'Kansai Magnet Materials Co., Ltd.'], {
        description: ['Samarium oxide'], hs: '2846901940', destination: 'Japan', consignee: 'Kansai Magnet Materials', verdict: 'license',
        why: '1C902.b samarium oxide, 2025 No. 18 reference HS 2846901940 (HIGH), ordinary buyer',
      }),
      data(['5', 'Gallium metal 99.99999% (7N), 1 kg bottle', '8112.92.9090', '10', 'KG', '650.00', '6500.00', 'Korea', 'Seoul Semicon Materials Co., Ltd.', 'Seoul Semicon Materials Co., Ltd.'], {
        description: ['Gallium metal'], hs: '8112929090', destination: 'Korea', consignee: 'Seoul Semicon Materials', verdict: 'license',
        why: 'gallium metal, 2023 No. 23 reference HS 8112929090 (HIGH), ordinary buyer in Korea',
      }),
      data(['6', 'Total station, 2" angle accuracy, with tripod', '9015.20', '4', 'SET', '3100.00', '12400.00', 'Thailand', 'Bangkok Survey Supply Co., Ltd.', ''], {
        description: ['Total station', '2" angle accuracy'], hs: '901520', destination: 'Thailand', consignee: 'Bangkok Survey Supply',
      }),
      data(['7', 'Cotton T-shirts, assorted sizes', '6109.10', '1200', 'PCS', '2.40', '2880.00', 'Japan', 'Acquisition, Technology & Logistics Agency (ATLA), Ministry of Defense', 'Acquisition, Technology & Logistics Agency (ATLA)'], {
        description: ['Cotton T-shirts'], hs: '610910', destination: 'Japan', consignee: 'Acquisition, Technology & Logistics Agency', end_user: 'Acquisition, Technology & Logistics Agency', verdict: 'review',
        why: 'ATLA is a Japanese military user (REGULATIONS §10.5); ordinary goods: fail closed (policy 3)',
      }),
      data(['8', 'Bismuth ingot 99.99%, 25 kg', '8106.10.1091', '500', 'KG', '12.00', '6000.00', 'Japan', 'Japan Ground Self-Defense Force, Camp Asaka', ''], {
        description: ['Bismuth ingot'], hs: '8106101091', destination: 'Japan', consignee: 'Japan Ground Self-Defense Force', verdict: 'prohibited',
        why: '6C001.a bismuth metal, 2025 No. 10 reference HS 8106101091 (HIGH), to the JGSDF: 2026 No. 1 bans every dual-use item to Japanese military users',
      }),
      other(['', '', '', '', '', 'Subtotal', '47880.00']),
      other(['', '', '', '', '', 'Freight', '350.00']),
      other(['', '', '', '', '', 'TOTAL (USD)', '48230.00']),
      other(['SAY U.S. DOLLARS FORTY-EIGHT THOUSAND TWO HUNDRED AND THIRTY ONLY']),
      other([]),
      other(['Remarks:']),
      other(['1. Country of origin: China.']),
      other(['2. Packing: export cartons on pallets.']),
      other(['We hereby certify that the above information is true and correct.']),
      other(['Authorized Signature: ______________']),
    ],
  },
  {
    file: 'zh-two-line-header.csv',
    title: 'Chinese export detail list (出口商品明细表): UTF-8 with BOM, a title and an invoice line, then a two-line header (merged cells: 商品信息 over 商品编码 | 品名 | 规格型号, 收货方 over 收货人 | 最终用户) on lines 3-4, the description split into 品名 and 规格型号, a 小计 row between the pages and a 合计 row and a note at the end.',
    encoding: 'utf-8',
    bom: true,
    delimiter: ',',
    eol: '\r\n',
    width: 10,
    lines: [
      other(['出口商品明细表']),
      other(['发票号：HX2611-0512', '', '', '', '', '', '日期：2026-11-27']),
      header(['序号', '商品信息', '', '', '数量', '', '金额（美元）', '收货方', '', '']),
      header(['', '商品编码', '品名', '规格型号', '数量', '单位', '', '收货人', '最终用户', '目的国']),
      data(['1', '8112929090', '金属镓', '7N，1千克/瓶', '20', '千克', '13000', '大阪半导体材料株式会社', '大阪半导体材料株式会社', '日本'], {
        description: ['金属镓', '7N'], hs: '8112929090', destination: '日本', consignee: '大阪半导体材料', end_user: '大阪半导体材料', verdict: 'license',
        why: 'gallium metal, 2023 No. 23 reference HS 8112929090 (HIGH), ordinary Japanese buyer',
      }),
      data(['2', '2841801000', '仲钨酸铵', 'APT，WO3≥88.5%', '2000', '千克', '86000', '株式会社东海商事', '陆上自卫队 富士学校', '日本'], {
        description: ['仲钨酸铵', 'APT'], hs: '2841801000', destination: '日本', consignee: '东海商事', end_user: '陆上自卫队', verdict: 'prohibited',
        why: '1C117.d ammonium paratungstate, 2025 No. 10 reference HS 2841801000 (HIGH), end user the JGSDF: 2026 No. 1',
      }),
      data(['3', '61091000', '棉质T恤', '圆领，180克', '3000', '件', '7200', '洛克希德·马丁公司', '', '美国'], {
        description: ['棉质T恤'], hs: '61091000', destination: '美国', consignee: '洛克希德·马丁公司', verdict: 'prohibited',
        why: 'Lockheed Martin Corporation: Unreliable Entity List 2023 No. 1, measure (1) bans China-related import and export (CONTROL-LISTS §4.3), whatever the goods',
      }),
      data(['4', '94033000', '办公桌', '1400×700毫米，胡桃木色', '50', '张', '4750', '新加坡家居贸易有限公司', '', '新加坡'], {
        description: ['办公桌', '胡桃木色'], hs: '94033000', destination: '新加坡', consignee: '新加坡家居贸易', verdict: 'clear', why: 'office furniture, ordinary buyer',
      }),
      data(['5', '85167100', '咖啡机', '滴漏式，1.2升', '400', '台', '9600', 'Kaffee Haus GmbH', '', '德国'], {
        description: ['咖啡机'], hs: '85167100', destination: '德国', consignee: 'Kaffee Haus',
      }),
      other(['小计', '', '', '', '', '', '120550']),
      data(['6', '2825600002', '二氧化锗', 'GeO2 99.999%，1千克/袋', '50', '千克', '75000', 'Busan Optical Materials Co., Ltd.', '', '韩国'], {
        description: ['二氧化锗', 'GeO2'], hs: '2825600002', destination: '韩国', consignee: 'Busan Optical Materials', verdict: 'license',
        why: 'germanium dioxide, 2023 No. 23 reference HS 2825600002 (HIGH), ordinary buyer',
      }),
      data(['7', '73181500', '六角螺栓', 'M8×30，镀锌', '100000', '个', '3000', 'Hanoi Fastener JSC', '', '越南'], {
        description: ['六角螺栓', '镀锌'], hs: '73181500', destination: '越南', consignee: 'Hanoi Fastener',
      }),
      other(['合计', '', '', '', '', '', '198550']),
      other(['备注：以上货物原产地均为中国。']),
    ],
  },
  {
    file: 'en-concatenated-exports.csv',
    title: 'Three ERP order exports pasted into one file (LF): the header on line 1, repeated on line 8, then a blank line, a print title and a third header on line 15 whose export puts HS CODE before Description; Ship To Name, Buyer and Country of Destination columns.',
    encoding: 'utf-8',
    bom: false,
    delimiter: ',',
    eol: '\n',
    lines: [
      header(['Order No', 'Line', 'Description', 'HS CODE', 'Qty', 'UOM', 'Ship To Name', 'Buyer', 'Country of Destination']),
      data(['SO-88101', '10', 'LED panel light 600x600 40W', '9405.11', '200', 'PCS', 'Kuala Lumpur Lighting Sdn Bhd', 'Kuala Lumpur Lighting Sdn Bhd', 'Malaysia'], {
        description: ['LED panel light'], hs: '940511', destination: 'Malaysia', consignee: 'Kuala Lumpur Lighting',
      }),
      data(['SO-88101', '20', 'Ceiling fan 52 inch, 3 blades', '8414.51', '80', 'PCS', 'Kuala Lumpur Lighting Sdn Bhd', 'Kuala Lumpur Lighting Sdn Bhd', 'Malaysia']),
      data(['SO-88102', '10', 'Tellurium ingot 99.999%', '2804.50.0001', '30', 'KG', 'Nagoya Thermo Devices Co., Ltd.', 'Nagoya Thermo Devices Co., Ltd.', 'Japan'], {
        description: ['Tellurium ingot'], hs: '2804500001', destination: 'Japan', consignee: 'Nagoya Thermo Devices', verdict: 'license',
        why: '6C002.a tellurium metal, 2025 No. 10 reference HS 2804500001 (HIGH), ordinary buyer',
      }),
      data(['SO-88103', '10', 'Stainless steel vacuum flask 500 ml', '9617.00', '1000', 'PCS', 'Manila Homeware Inc.', 'Manila Homeware Inc.', 'Philippines']),
      data(['SO-88104', '10', 'Copy paper A4 80 g/m2, 5 reams per carton', '4802.56', '400', 'CTN', 'Jakarta Office Supplies PT', 'Jakarta Office Supplies PT', 'Indonesia']),
      data(['SO-88105', '10', 'Portable LED torch, 3 x AAA', '8513.10', '500', 'PCS', 'Auckland Outdoor Ltd', 'Auckland Outdoor Ltd', 'New Zealand']),
      header(['Order No', 'Line', 'Description', 'HS CODE', 'Qty', 'UOM', 'Ship To Name', 'Buyer', 'Country of Destination']),
      data(['SO-88140', '10', 'Office chair with armrests, swivel', '9401.39', '60', 'PCS', 'Busan Office Mart', 'Busan Office Mart', 'Korea']),
      data(['SO-88141', '10', 'Corrugated carton boxes 40x30x30', '4819.10', '5000', 'PCS', 'Saigon Packaging Co.', 'Saigon Packaging Co.', 'Vietnam']),
      data(['SO-88142', '10', 'Bismuth needles 99.99%', '8106.10.1091', '100', 'KG', 'Pacific Freight Forwarding LLC', 'Lockheed Martin Corporation', 'United States'], {
        description: ['Bismuth needles'], hs: '8106101091', destination: 'United States', consignee: 'Pacific Freight Forwarding', parties: ['Lockheed Martin Corporation'], verdict: 'prohibited',
        why: 'buyer Lockheed Martin Corporation: UEL 2023 No. 1 bans China-related import and export, whatever the goods (CONTROL-LISTS §4.3)',
      }),
      data(['SO-88143', '10', 'Ballpoint pens, blue, box of 50', '9608.10', '300', 'BOX', 'Dublin Stationers Ltd', 'Dublin Stationers Ltd', 'Ireland']),
      other({ raw: '' }),
      other(['Export: open orders, printed 2026-11-30 14:02']),
      header(['Order No', 'Line', 'HS CODE', 'Description', 'Qty', 'UOM', 'Ship To Name', 'Buyer', 'Country of Destination']),
      data(['SO-88160', '10', '6911.10', 'Porcelain dinner set, 16 pieces', '120', 'SET', 'Bangkok Homeware Co., Ltd.', 'Bangkok Homeware Co., Ltd.', 'Thailand'], {
        description: ['Porcelain dinner set'], hs: '691110', destination: 'Thailand', consignee: 'Bangkok Homeware', verdict: 'clear', why: 'porcelain tableware, ordinary buyer',
      }),
      data(['SO-88161', '10', '8806.22', 'Quadcopter drone, 4K camera, 34 min flight', '5', 'PCS', 'Japan Ground Self-Defense Force, Camp Kasumigaura', 'Japan Ground Self-Defense Force', 'Japan'], {
        description: ['Quadcopter drone'], hs: '880622', destination: 'Japan', consignee: 'Japan Ground Self-Defense Force', verdict: 'prohibited',
        why: 'a UAV for a Japanese military user: 2024 No. 31 catch-all (policy 5) and 2026 No. 1',
      }),
      data(['SO-88162', '10', '2841.80.1000', 'Ammonium paratungstate (APT) 88.5% WO3', '1000', 'KG', 'Stuttgart Hartmetall GmbH', 'Stuttgart Hartmetall GmbH', 'Germany'], {
        description: ['Ammonium paratungstate'], hs: '2841801000', destination: 'Germany', consignee: 'Stuttgart Hartmetall', verdict: 'license',
        why: '1C117.d APT, 2025 No. 10 reference HS 2841801000 (HIGH)',
      }),
    ],
  },
  {
    file: 'zh-declaration.gb18030.csv',
    title: 'Chinese customs declaration detail (报关单明细) in GB18030 with CRLF: two title lines above the header (line 3); 商品编号, 商品名称 + 规格型号 + 申报要素 (the description in three columns), 数量及单位, 最终目的国（地区）, 境外收货人, 最终用户; a consignee name with a character outside GBK (𨋢, four bytes in GB18030); a 合计 row.',
    encoding: 'gb18030',
    bom: false,
    delimiter: ',',
    eol: '\r\n',
    lines: [
      other(['中华人民共和国海关出口货物报关单（明细）']),
      other(['预录入编号：531620261128004417', '', '', '', '申报日期：2026-11-28']),
      header(['项号', '商品编号', '商品名称', '规格型号', '申报要素', '数量及单位', '单价', '总价', '币制', '最终目的国（地区）', '境外收货人', '最终用户']),
      data(['1', '8106101091', '铋锭', 'Bi≥99.99%', '0|0|铋锭|Bi≥99.99%|合金添加|无品牌|无型号', '1000千克', '11.5', '11500', '美元', '日本', '株式会社北陆合金', '株式会社北陆合金'], {
        description: ['铋锭', 'Bi≥99.99%'], hs: '8106101091', destination: '日本', consignee: '北陆合金', end_user: '北陆合金', verdict: 'license',
        why: '6C001.a bismuth metal, 2025 No. 10 reference HS 8106101091 (HIGH), ordinary buyer',
      }),
      data(['2', '2853904051', '磷化铟晶片', '2英寸，N型', '0|0|磷化铟晶片|2英寸 N型|半导体衬底|无品牌|无型号', '200片', '180', '36000', '美元', '日本', 'IHI宇航株式会社', 'IHI宇航株式会社'], {
        description: ['磷化铟晶片', '2英寸'], hs: '2853904051', destination: '日本', consignee: 'IHI宇航', end_user: 'IHI宇航', verdict: 'prohibited',
        why: 'IHI Aerospace: control list 2026 No. 11 #12; 3C004.a indium phosphide, 2025 No. 10 reference HS 2853904051 (HIGH)',
      }),
      data(['3', '61091000', '针织T恤', '100%棉，男式', '0|0|针织T恤|100%棉|男式|无品牌|无型号', '3000件', '2.1', '6300', '美元', '韩国', '首尔服饰贸易株式会社', ''], {
        description: ['针织T恤'], hs: '61091000', destination: '韩国', consignee: '首尔服饰贸易',
      }),
      data(['4', '69111000', '瓷餐具', '骨瓷，16件套', '0|0|瓷餐具|骨瓷|家用|无品牌|无型号', '500套', '12', '6000', '美元', '中国香港', '香港金𨋢貿易有限公司', ''], {
        description: ['瓷餐具'], hs: '69111000', destination: '香港', consignee: '香港金𨋢貿易有限公司', verdict: 'clear', why: 'porcelain tableware, ordinary buyer',
      }),
      data(['5', '2846901940', '氧化钐', 'Sm2O3≥99.9%', '0|0|氧化钐|Sm2O3≥99.9%|磁材原料|无品牌|无型号', '300千克', '38', '11400', '美元', '日本', '三菱重工航空发动机株式会社', '三菱重工航空发动机株式会社'], {
        description: ['氧化钐'], hs: '2846901940', destination: '日本', consignee: '三菱重工航空发动机', verdict: 'prohibited',
        why: 'Mitsubishi Heavy Industries Aero Engines: control list 2026 No. 11 #2; 1C902.b samarium oxide, reference HS 2846901940 (HIGH)',
      }),
      data(['6', '94013900', '办公椅', '可升降旋转，金属框架', '0|0|办公椅|旋转|办公用|无品牌|无型号', '40把', '45', '1800', '美元', '日本', '日本防卫省', '日本防卫省'], {
        description: ['办公椅'], hs: '94013900', destination: '日本', consignee: '日本防卫省', verdict: 'review',
        why: 'the Japanese Ministry of Defense is a military user (REGULATIONS §10.5); ordinary goods: fail closed (policy 3)',
      }),
      other(['合计', '', '', '', '', '', '', '73000', '美元']),
    ],
  },
  {
    file: 'ja-invoice.sjis.csv',
    title: 'Japanese trading company invoice in Shift_JIS (CP932) with CRLF: letterhead, INVOICE title, an invoice number and date line and blank lines above the header (line 8); 貨物の品名 + 型番, 統計品目番号 in full-width digits and as 8106.10-1091, 仕向地, 荷受人, 最終需要者; CP932 characters ①②, ㈱, ～ and 髙; 小計 and 合計 rows and a 備考 line.',
    encoding: 'shift_jis',
    bom: false,
    delimiter: ',',
    eol: '\r\n',
    lines: [
      other(['東邦トレーディング株式会社']),
      other(['〒104-0061 東京都中央区銀座１－２－３　TEL 03-1234-5678']),
      other({ raw: '' }),
      other(['INVOICE']),
      other(['Invoice No.：TT-261128-01', '', '', '', '', '日付：2026年11月28日']),
      other(['船積港：上海', '', '', '', '', '支払条件：T/T']),
      other({ raw: '' }),
      header(['No.', '貨物の品名', '型番', '統計品目番号', '数量', '単位', '金額（円）', '仕向地', '荷受人', '最終需要者']),
      data(['1', '酸化サマリウム', 'Sm2O3 3N', '２８４６９０１９４０', '500', 'kg', '￥2,150,000', '日本・横浜', '㈱北辰マグネット', '㈱北辰マグネット'], {
        description: ['酸化サマリウム'], hs: '2846901940', destination: '日本', consignee: '北辰マグネット', end_user: '北辰マグネット', verdict: 'license',
        why: "1C902.b samarium oxide; its code under 統計品目番号 (Japan's 9-digit statistical number, so --hs-scheme intl) is the Chinese reference code 2846901940 in full: judged as that code -> license (review from the first screening until 2026-12-08, when only its 6 HS digits were compared)",
      }),
      data(['2', '金属ビスマス', 'インゴット　99.99%', '8106.10-1091', '200', 'kg', '￥540,000', '日本・東京', '防衛装備庁', '防衛装備庁'], {
        description: ['金属ビスマス', 'インゴット'], hs: '8106101091', destination: '日本', consignee: '防衛装備庁', end_user: '防衛装備庁', verdict: 'prohibited',
        why: "ATLA (防衛装備庁) is a Japanese military user; bismuth, its code under 統計品目番号 the Chinese reference code 8106101091 in full: an identified item to a military user -> prohibited (MOFCOM 2026 No. 1; review until 2026-12-08, when only its 6 HS digits were compared)",
      }),
      data(['3', '事務用椅子', 'OC-2200', '9401.39', '30', '脚', '￥450,000', '日本・朝霞', '陸上自衛隊 朝霞駐屯地', '陸上自衛隊'], {
        description: ['事務用椅子'], hs: '940139', destination: '日本', consignee: '陸上自衛隊', end_user: '陸上自衛隊', verdict: 'review',
        why: 'JGSDF military user, ordinary goods: fail closed (policy 3)',
      }),
      data(['4', '磁器食器セット', '①洋皿 ②スープ皿', '6911.10', '100', '組', '￥380,000', '日本・大阪', '株式会社和光陶器', '株式会社和光陶器'], {
        description: ['磁器食器セット', '①洋皿'], hs: '691110', destination: '日本', consignee: '和光陶器', verdict: 'clear', why: 'porcelain tableware, ordinary buyer',
      }),
      data(['5', 'ステンレス魔法瓶', '500ml～1L', '9617.00', '400', '個', '￥720,000', '日本・名古屋', '髙橋物産株式会社', ''], {
        description: ['ステンレス魔法瓶', '500ml～1L'], hs: '961700', destination: '日本', consignee: '髙橋物産',
      }),
      data(['6', 'リン化インジウムウェハー', '2インチ', '2853.90-4051', '50', '枚', '￥1,200,000', '日本・神戸', '株式会社IHIエアロスペース', '株式会社IHIエアロスペース'], {
        description: ['リン化インジウムウェハー'], hs: '2853904051', destination: '日本', consignee: 'IHIエアロスペース', verdict: 'prohibited',
        why: "IHI Aerospace (株式会社IHIエアロスペース, REGULATIONS §10, HIGH): control list 2026 No. 11 #12; indium phosphide, its code under 統計品目番号 the Chinese reference code 2853904051 in full: an identified item to a listed party -> prohibited (review until 2026-12-08, when only its 6 HS digits were compared)",
      }),
      other(['', '小計', '', '', '', '', '￥5,440,000']),
      other(['', '合計', '', '', '', '', '￥5,440,000']),
      other({ raw: '' }),
      other(['備考：原産国 中国。上海港より船積。']),
    ],
  },
  {
    file: 'ja-order.eucjp.tsv',
    title: 'Japanese order list in EUC-JP, tab separated, LF, header on line 1: 受注番号, 品目 (a category) and 品名, 統計品目番号 written 8112.92-9090, 数量 with its unit, 仕向国, 荷受人, 需要者; half-width katakana (two bytes each in EUC-JP).',
    encoding: 'euc-jp',
    bom: false,
    delimiter: '\t',
    eol: '\n',
    lines: [
      header(['受注番号', '品目', '品名', '統計品目番号', '数量', '仕向国', '荷受人', '需要者']),
      data(['J-5001', '電子材料', '金属ガリウム 6N', '8112.92-9090', '10kg', '韓国', 'ソウル半導体材料株式会社', 'ソウル半導体材料株式会社'], {
        description: ['金属ガリウム'], hs: '8112929090', destination: '韓国', consignee: 'ソウル半導体材料', end_user: 'ソウル半導体材料', verdict: 'license',
        why: "gallium metal; its code under 統計品目番号, 8112.92-9090, is the Chinese reference code 8112929090 (2023 No. 23) in full: judged as that code -> license (review until 2026-12-08, when only its 6 HS digits were compared)",
      }),
      data(['J-5002', '事務用品', 'ボールペン 黒 0.5mm', '9608.10', '2000本', '日本', '株式会社文具のミヤコ', ''], {
        description: ['ボールペン'], hs: '960810', destination: '日本', consignee: '文具のミヤコ', verdict: 'clear', why: 'ballpoint pens, ordinary buyer',
      }),
      data(['J-5003', '電子材料', '二酸化ゲルマニウム 5N', '2825.60-0002', '5kg', '日本', '株式会社光学硝子研究所', '海上自衛隊 第1術科学校'], {
        description: ['二酸化ゲルマニウム'], hs: '2825600002', destination: '日本', consignee: '光学硝子研究所', end_user: '海上自衛隊', verdict: 'prohibited',
        why: "JMSDF (海上自衛隊) end user, a Japanese military user; germanium dioxide, its code under 統計品目番号 the Chinese reference code 2825600002 in full: an identified item to a military user -> prohibited (MOFCOM 2026 No. 1; review until 2026-12-08, when only its 6 HS digits were compared)",
      }),
      data(['J-5004', '家電', 'ｺｰﾋｰﾒｰｶｰ 10杯用', '8516.71', '50台', 'タイ', 'Siam Home Appliance Co., Ltd.', ''], {
        description: ['ｺｰﾋｰﾒｰｶｰ'], hs: '851671', destination: 'タイ', consignee: 'Siam Home Appliance',
      }),
      data(['J-5005', '日用品', 'ステンレス製保温ボトル 350ml', '9617.00', '600個', '台湾', '台北生活用品有限公司', ''], {
        description: ['保温ボトル'], hs: '961700', destination: '台湾', consignee: '台北生活用品',
      }),
    ],
  },
  {
    // added after the first measurement: the encoding guess took such files for GB18030 (half-width katakana read as damage)
    file: 'ja-halfwidth-kana.sjis.csv',
    title: 'Japanese logistics system export in Shift_JIS (CP932), CRLF, under an English header on line 1 (Item, Description, HS Code, Destination, Consignee, End User): half-width katakana in goods and party names as legacy systems print them (ｺﾋﾟｰ用紙, ﾘｸｼﾞｮｳｼﾞｴｲﾀｲ), so that the file is Japanese only in its cells. Added after the first measurement, which found such files read as GB18030.',
    encoding: 'shift_jis',
    bom: false,
    delimiter: ',',
    eol: '\r\n',
    lines: [
      header(['Item', 'Description', 'HS Code', 'Destination', 'Consignee', 'End User']),
      data(['1', 'ｺﾋﾟｰ用紙 A4 500枚', '4802560000', '日本', 'ｶ)ﾄｳｷｮｳｼﾞﾑｷ', ''], { description: ['ｺﾋﾟｰ用紙'], hs: '4802560000', destination: '日本', consignee: 'ﾄｳｷｮｳｼﾞﾑｷ' }),
      data(['2', '金属ビスマス ｲﾝｺﾞｯﾄ 99.99%', '8106101091', '日本', '陸上自衛隊 朝霞駐屯地', '陸上自衛隊'], {
        description: ['金属ビスマス'], hs: '8106101091', destination: '日本', consignee: '陸上自衛隊', end_user: '陸上自衛隊', verdict: 'prohibited',
        why: 'JGSDF (陸上自衛隊), a Japanese military user; 6C001.a bismuth, reference HS 8106101091 (HIGH): 2026 No. 1',
      }),
      data(['3', 'ｽﾃﾝﾚｽ魔法瓶 500ml', '9617000000', '日本', '株式会社ﾐﾔｺ商事', ''], { description: ['魔法瓶'], hs: '9617000000', destination: '日本', consignee: 'ﾐﾔｺ商事' }),
      data(['4', '事務用椅子 ｵﾌｨｽﾁｪｱ', '9401390000', '日本', '防衛装備庁', '防衛装備庁'], {
        description: ['事務用椅子'], hs: '9401390000', destination: '日本', consignee: '防衛装備庁', verdict: 'review',
        why: 'ATLA (防衛装備庁), a Japanese military user; ordinary goods: fail closed (policy 3)',
      }),
      data(['5', '酸化サマリウム Sm2O3 3N', '2846901940', '日本', '株式会社ﾎｸｼﾝﾏｸﾞﾈｯﾄ', '株式会社ﾎｸｼﾝﾏｸﾞﾈｯﾄ'], {
        description: ['酸化サマリウム'], hs: '2846901940', destination: '日本', consignee: 'ﾎｸｼﾝﾏｸﾞﾈｯﾄ', verdict: 'license',
        why: '1C902.b samarium oxide, 2025 No. 18 reference HS 2846901940 (HIGH), ordinary buyer',
      }),
    ],
  },
  {
    file: 'zh-excel-unicode.txt',
    title: 'Excel "Unicode text" export (UTF-16LE with BOM, tab separated, CRLF between records): header on line 1 with 商品名称, 税号, 目的国, 收货人, 最终用户; cells with a line break (LF) inside quotes, a doubled quote, a tab inside a quoted cell; a reference code in full-width digits (line 11, added after the first measurement).',
    encoding: 'utf-16le',
    bom: true,
    delimiter: '\t',
    eol: '\r\n',
    cellEol: '\n',
    lines: [
      header(['序号', '商品名称', '税号', '数量', '目的国', '收货人', '最终用户', '备注']),
      data(['1', '天然鳞片石墨\n-195目 C≥94%', '2504101000', '20000', '日本', '株式会社日东碳素', '株式会社日东碳素', ''], {
        description: ['天然鳞片石墨', '-195目'], hs: '2504101000', destination: '日本', consignee: '日东碳素', end_user: '日东碳素', verdict: 'license',
        why: 'natural flake graphite, 2023 No. 39 reference HS 2504101000 (HIGH), ordinary buyer',
      }),
      data(['2', 'LED台灯 "护眼"款', '9405210000', '600', '马来西亚', 'Penang Lighting Sdn Bhd', '', ''], {
        description: ['LED台灯 "护眼"款'], hs: '9405210000', destination: '马来西亚', consignee: 'Penang Lighting',
      }),
      data(['3', '办公椅', '9401390000', '40', '日本', '日本防卫省', '日本防卫省', '送货前电话联系\n防卫省采购课'], {
        description: ['办公椅'], hs: '9401390000', destination: '日本', consignee: '日本防卫省', end_user: '日本防卫省', verdict: 'review',
        why: 'the Japanese Ministry of Defense is a military user; ordinary goods: fail closed (policy 3)',
      }),
      data(['4', '无人机\n（四旋翼，带云台相机）', '8806.22', '5', '日本', '陆上自卫队', '陆上自卫队', ''], {
        description: ['无人机', '四旋翼'], hs: '880622', destination: '日本', consignee: '陆上自卫队', verdict: 'prohibited',
        why: 'a UAV for the JGSDF: 2024 No. 31 catch-all (policy 5) and 2026 No. 1',
      }),
      data(['5', '不锈钢保温杯\t350毫升', '9617000000', '1200', '泰国', 'Bangkok Homeware Co., Ltd.', '', ''], {
        description: ['不锈钢保温杯', '350毫升'], hs: '9617000000', destination: '泰国', consignee: 'Bangkok Homeware',
      }),
      data(['6', '咖啡机', '8516710000', '100', '越南', 'Saigon Kitchen JSC', '', ''], {
        description: ['咖啡机'], hs: '8516710000', destination: '越南', consignee: 'Saigon Kitchen',
      }),
      // added after the first measurement: a Chinese reference code typed in full-width digits (IME left on)
      data(['7', '碲锭 5N', '２８０４５００００１', '30', '日本', '株式会社名古屋热电', '株式会社名古屋热电', ''], {
        description: ['碲锭'], hs: '2804500001', destination: '日本', consignee: '名古屋热电', verdict: 'license',
        why: '6C002.a tellurium metal, 2025 No. 10 reference HS 2804500001 (HIGH), typed in full-width digits; ordinary buyer',
      }),
    ],
  },
  {
    file: 'en-semicolon-decimal-comma.csv',
    title: 'European forwarder list: UTF-8 with BOM, semicolon separated, CRLF, decimal commas and dot thousands (18.750,00), semicolons inside quoted descriptions; Pos., HS Code, Net Weight (kg), Value (EUR), Country of Destination, Consignee, End User.',
    encoding: 'utf-8',
    bom: true,
    delimiter: ';',
    eol: '\r\n',
    lines: [
      header(['Pos.', 'Description', 'HS Code', 'Quantity', 'Unit', 'Net Weight (kg)', 'Value (EUR)', 'Country of Destination', 'Consignee', 'End User']),
      data(['10', 'Tungsten carbide powder WC, 1-2 µm', '2849.90.2000', '500', 'kg', '500,0', '18.750,00', 'Germany', 'Hartmetall Werkzeug GmbH', 'Hartmetall Werkzeug GmbH'], {
        description: ['Tungsten carbide powder'], hs: '2849902000', destination: 'Germany', consignee: 'Hartmetall Werkzeug', end_user: 'Hartmetall Werkzeug', verdict: 'license',
        why: '1C117.d tungsten carbide, 2025 No. 10 reference HS 2849902000 (HIGH)',
      }),
      data(['20', 'Hex bolts; zinc plated; M6x20', '7318.15', '10000', 'pcs', '45,5', '1.180,00', 'Netherlands', 'Rotterdam Bevestiging B.V.', ''], {
        description: ['Hex bolts; zinc plated; M6x20'], hs: '731815', destination: 'Netherlands', consignee: 'Rotterdam Bevestiging', verdict: 'clear', why: 'steel bolts, ordinary buyer',
      }),
      data(['30', 'Coffee machine 1,2 l, drip', '8516.71', '300', 'pcs', '690,0', '7.350,00', 'Belgium', 'Brussels Horeca Supply SA', ''], {
        description: ['Coffee machine 1,2 l'], hs: '851671', destination: 'Belgium', consignee: 'Brussels Horeca Supply',
      }),
      data(['40', 'Antimony trioxide Sb2O3 99,995 %', '2825.80.0010', '2000', 'kg', '2000,0', '31.000,00', 'Italy', 'Milano Chimica S.r.l.', 'Milano Chimica S.r.l.'], {
        description: ['Antimony trioxide'], hs: '2825800010', destination: 'Italy', consignee: 'Milano Chimica', verdict: 'license',
        why: 'antimony oxide ≥99.99 %, 2024 No. 33 reference HS 2825800010 (HIGH)',
      }),
      data(['50', 'Office desk, oak veneer; 160 x 80 cm', '9403.30', '25', 'pcs', '875,0', '4.125,00', 'France', 'Bureau Lyon SARL', ''], {
        description: ['Office desk, oak veneer; 160 x 80 cm'], hs: '940330', destination: 'France', consignee: 'Bureau Lyon',
      }),
    ],
  },
  {
    file: 'en-pipe-cr.txt',
    title: 'Legacy system export: pipe separated, CR line endings only (classic Mac), upper case, a trailing pipe on every line, a blank line, and an HS code with a trailing check letter (2841801000A).',
    encoding: 'utf-8',
    bom: false,
    delimiter: '|',
    eol: '\r',
    trailingDelimiter: true,
    lines: [
      header(['ITEM', 'COMMODITY', 'H.S. CODE', 'QTY', 'COUNTRY OF DESTINATION', 'CONSIGNEE NAME', 'END USER']),
      data(['000010', 'GERMANIUM INGOT ZONE REFINED 50 OHM-CM', '8112921090', '20 KG', 'JAPAN', 'NIPPON OPTICS TRADING KK', 'NIPPON OPTICS TRADING KK'], {
        description: ['GERMANIUM INGOT'], hs: '8112921090', destination: 'JAPAN', consignee: 'NIPPON OPTICS TRADING', end_user: 'NIPPON OPTICS TRADING', verdict: 'license',
        why: 'zone-refined germanium ingot, 2023 No. 23 reference HS 8112921090 (HIGH)',
      }),
      data(['000020', 'PLASTIC STORAGE BOXES 20L WITH LID', '3924.90', '800 PCS', 'AUSTRALIA', 'SYDNEY HOMEWARES PTY LTD', ''], {
        description: ['PLASTIC STORAGE BOXES'], hs: '392490', destination: 'AUSTRALIA', consignee: 'SYDNEY HOMEWARES',
      }),
      other({ raw: '' }),
      data(['000030', 'AMMONIUM PARATUNGSTATE APT 88.5%', '2841801000A', '500 KG', 'KOREA', 'DAEJEON HARD METALS CO LTD', 'DAEJEON HARD METALS CO LTD'], {
        description: ['AMMONIUM PARATUNGSTATE'], hs: '2841801000', destination: 'KOREA', consignee: 'DAEJEON HARD METALS', verdict: 'license',
        why: '1C117.d APT, 2025 No. 10 reference HS 2841801000 (HIGH); the trailing letter is a check character',
      }),
      data(['000040', 'FOLDING CHAIRS STEEL FRAME', '9401.79', '300 PCS', 'CANADA', 'TORONTO EVENT RENTALS INC', ''], {
        description: ['FOLDING CHAIRS'], hs: '940179', destination: 'CANADA', consignee: 'TORONTO EVENT RENTALS',
      }),
      data(['000050', 'COTTON T-SHIRTS', '610910', '2000 PCS', 'UNITED STATES', 'PACIFIC APPAREL LLC', 'LOCKHEED MARTIN CORPORATION'], {
        description: ['COTTON T-SHIRTS'], hs: '610910', destination: 'UNITED STATES', consignee: 'PACIFIC APPAREL', end_user: 'LOCKHEED MARTIN CORPORATION', verdict: 'prohibited',
        why: 'end user Lockheed Martin Corporation: UEL 2023 No. 1 trade ban, whatever the goods',
      }),
    ],
  },
  {
    file: 'damaged-quotes.csv',
    title: 'Hand-edited CSV (UTF-8, no BOM) with CRLF and LF mixed: a quoted line break, doubled quotes, inch marks in an unquoted cell, a row with too few cells, a row with an unquoted comma (one cell too many), a trailing comma, an opening quote that is never closed (line 11), rows after it that must still be read, a 60,000-character cell, a quoted cell with comma, doubled quote and line break, and no line break at the end of the file.',
    encoding: 'utf-8',
    bom: false,
    delimiter: ',',
    eol: '\r\n',
    cellEol: '\n',
    lines: [
      header(['Line ID', 'Description', 'HS Code', 'Qty', 'Unit', 'Value', 'Currency', 'Destination', 'Consignee', 'End User']),
      data(['D-01', 'Ceramic coffee mugs 350 ml', '6911.10', '2400', 'PCS', '2160', 'USD', 'Korea', 'Seoul Cafe Supply', ''], {
        description: ['Ceramic coffee mugs'], hs: '691110', destination: 'Korea', consignee: 'Seoul Cafe Supply',
      }),
      data(['D-02', 'Gallium arsenide wafers\n3 inch, semi-insulating, prime grade', '2853909026', '100', 'PCS', '15000', 'USD', 'Japan', 'Tsukuba Compound Semiconductor Co., Ltd.', 'Tsukuba Compound Semiconductor Co., Ltd.'], {
        description: ['Gallium arsenide wafers', 'semi-insulating'], hs: '2853909026', destination: 'Japan', consignee: 'Tsukuba Compound Semiconductor', verdict: 'license',
        why: 'gallium arsenide, 2023 No. 23 reference HS 2853909026 (HIGH)',
      }),
      data(['D-03', 'Monitor arm "heavy duty" 17-32 inch', '8473.30', '150', 'PCS', '2250', 'USD', 'Singapore', 'Lion City Office Pte Ltd', ''], {
        description: ['Monitor arm "heavy duty"'], destination: 'Singapore', consignee: 'Lion City Office',
      }),
      data({ raw: 'D-04,Steel pipe 3/4" x 6 m galvanised,7306.30,300,PCS,2700,USD,Philippines,Cebu Hardware Inc.,', eol: '\n' }, {
        description: ['Steel pipe 3/4" x 6 m'], hs: '730630', destination: 'Philippines', consignee: 'Cebu Hardware',
      }),
      ragged({ raw: 'D-05,LED desk lamp 7 W,9405.21,200,PCS,1600' }, { description: ['LED desk lamp'], hs: '940521' }),
      ragged({ raw: 'D-06,Bismuth ingot, 99.99%,8106101091,500,KG,6000,USD,Japan,防衛装備庁,防衛装備庁' }, {
        description: ['Bismuth ingot', '99.99%'], hs: '8106101091', destination: 'Japan', consignee: '防衛装備庁', verdict: 'prohibited',
        why: 'ATLA is a Japanese military user; 6C001.a bismuth, reference HS 8106101091 (HIGH): 2026 No. 1',
      }),
      data({ raw: 'D-07,Porcelain tea set 9 pieces,6911.10,80,SET,960,USD,Korea,Busan Tea House,,', eol: '\n' }, {
        description: ['Porcelain tea set'], hs: '691110', destination: 'Korea', consignee: 'Busan Tea House',
      }),
      data({ raw: 'D-08,Cable ties 200 mm black,3926.90,5000,PCS,150,USD,Vietnam,Hanoi Electric JSC,' }, { description: ['Cable ties'], hs: '392690', destination: 'Vietnam' }),
      unreadable({ raw: 'D-09,"Wall clock 30 cm, quartz,9105.21,100,PCS,700,USD,Malaysia,Ipoh Home Deco Sdn Bhd,' }),
      data({ raw: 'D-10,Tellurium ingot 99.999%,2804500001,20,KG,3600,USD,Japan,Hokuriku Thermoelectric Co.,Hokuriku Thermoelectric Co.' }, {
        description: ['Tellurium ingot'], hs: '2804500001', destination: 'Japan', consignee: 'Hokuriku Thermoelectric', verdict: 'license',
        why: '6C002.a tellurium metal, reference HS 2804500001 (HIGH)',
      }),
      data({ raw: 'D-11,Cotton bath towels 70x140,6302.60,1000,PCS,3500,USD,Japan,陸上自衛隊 朝霞駐屯地,陸上自衛隊', eol: '\n' }, {
        description: ['Cotton bath towels'], hs: '630260', destination: 'Japan', consignee: '陸上自衛隊', end_user: '陸上自衛隊', verdict: 'review',
        why: 'JGSDF military user, ordinary goods: fail closed (policy 3)',
      }),
      data(['D-12', LONG_SPEC, '2853904051', '40', 'PCS', '7200', 'USD', 'Germany', 'Freiberg Wafer Handel GmbH', 'Freiberg Wafer Handel GmbH'], {
        description: ['Indium phosphide wafers', 'END-OF-SPEC'], hs: '2853904051', destination: 'Germany', consignee: 'Freiberg Wafer Handel', verdict: 'license',
        why: '3C004.a indium phosphide, 2025 No. 10 reference HS 2853904051 (HIGH)',
      }),
      data(['D-13', 'Label printer, 4" thermal,\nUSB/LAN', '8443.32', '60', 'PCS', '5400', 'USD', 'Australia', 'Perth Retail Systems Pty Ltd', ''], {
        description: ['Label printer, 4" thermal,', 'USB/LAN'], hs: '844332', destination: 'Australia', consignee: 'Perth Retail Systems',
      }),
      data(['D-14', 'Stainless steel vacuum flask 1 l', '9617.00', '500', 'PCS', '3250', 'USD', 'Thailand', 'Chiang Mai Outdoor Co., Ltd.', ''], {
        description: ['vacuum flask'], hs: '961700', destination: 'Thailand', consignee: 'Chiang Mai Outdoor',
      }),
    ],
    noFinalEol: true,
  },
];

function quote(cell, delimiter) {
  return /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function render(spec, entry) {
  const { content } = entry;
  if (!Array.isArray(content)) return content.raw;
  const cells = spec.width ? [...content, ...Array(Math.max(0, spec.width - content.length)).fill('')] : content;
  const text = cells.map((c) => quote(c, spec.delimiter)).join(spec.delimiter) + (spec.trailingDelimiter ? spec.delimiter : '');
  return text.replaceAll('\n', spec.cellEol ?? spec.eol);
}

function encode(spec, text) {
  if (spec.encoding === 'utf-8') return Buffer.concat([spec.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(text, 'utf8')]);
  const body = iconv.encode(text, spec.encoding === 'shift_jis' ? 'cp932' : spec.encoding);
  if (iconv.decode(body, spec.encoding === 'shift_jis' ? 'cp932' : spec.encoding) !== text) throw new Error(`${spec.file}: not representable in ${spec.encoding}`);
  return Buffer.concat([spec.bom ? iconv.encode('\uFEFF', spec.encoding) : Buffer.alloc(0), body]);
}

/** The bytes of one file and the outcome of each of its lines. */
export function build(spec) {
  let text = '';
  let lineNo = 1;
  const lines = { data: [], unreadable: [], ragged: [], header: [], other: [] };
  const checks = [];
  spec.lines.forEach((entry, i) => {
    const rendered = render(spec, entry);
    lines[entry.kind].push(lineNo);
    if (entry.check) checks.push({ line: lineNo, ...entry.check });
    const last = i === spec.lines.length - 1;
    const eol = entry.content.eol ?? spec.eol;
    text += rendered + (last && spec.noFinalEol ? '' : eol);
    lineNo += rendered.split(/\r\n|\n|\r/).length;
  });
  return { bytes: encode(spec, text), expected: { file: spec.file, title: spec.title, encoding: spec.encoding, delimiter: spec.delimiter, lines, checks } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(DIR, { recursive: true });
  const expected = [];
  for (const spec of FILES) {
    const { bytes, expected: e } = build(spec);
    writeFileSync(DIR + spec.file, bytes);
    expected.push(e);
  }
  // number arrays on one line each, so that the file reads as a table of outcomes
  const json = JSON.stringify({ asOf: AS_OF, files: expected }, null, 1).replace(/\[\s*(\d+(?:,\s*\d+)*)\s*\]/g, (_, ns) => `[${ns.split(/,\s*/).join(', ')}]`);
  writeFileSync(`${DIR}expected.json`, `${json}\n`);
  console.log(`wrote ${FILES.length} files and expected.json to fixtures/inputs/`);
}
