/**
 * `npm run xlsx-fixtures`: writes the workbook fixtures under fixtures/erp/ with exceljs, as ERPs write
 * them: an SAP sales-order export (HS codes stored as numbers, one of which lost its leading zero, one
 * kept by a 0000000000 format; dates as dates; net values as formulas with their cached results; a totals
 * row), and a Kingdee-style invoice (a merged title block above the header, 单据编号 and 行号 that restart
 * per order, a 合计 row, a packing-list sheet beside it). The files are committed; run this only to change them.
 */
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';

const out = (name) => fileURLToPath(new URL(`../../fixtures/erp/${name}`, import.meta.url));
// fixed, so that the files do not change when written again
const CREATED = new Date(Date.UTC(2026, 10, 20, 0, 0, 0));

function workbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SAP NetWeaver';
  wb.created = CREATED;
  wb.modified = CREATED;
  return wb;
}

async function sapExport() {
  const wb = workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.columns = [
    { header: 'Sales Document', key: 'doc', width: 14 },
    { header: 'Item', key: 'item', width: 6 },
    { header: 'Material', key: 'material', width: 12 },
    { header: 'Material Description', key: 'text', width: 40 },
    { header: 'Order Quantity', key: 'qty', width: 14 },
    { header: 'SU', key: 'unit', width: 6 },
    { header: 'Net Price', key: 'price', width: 12 },
    { header: 'Net Value', key: 'value', width: 14 },
    { header: 'Curr.', key: 'curr', width: 6 },
    { header: 'Sold-to Party', key: 'soldTo', width: 30 },
    { header: 'Ship-to Party', key: 'shipTo', width: 30 },
    { header: 'Ship-to Country', key: 'country', width: 8 },
    { header: 'Commodity Code', key: 'hs', width: 14 },
    { header: 'Created On', key: 'created', width: 12 },
  ];
  const lines = [
    ['4500018211', 10, 'RM-DY2O3-4N', 'Dysprosium oxide Dy2O3 99.99%, 25 kg drums', 200, 'KG', 480, 'USD', 'Shin-Etsu Trading Co. Ltd.', 'Shin-Etsu Trading Co. Ltd.', 'JP', 2846901500, '2026-11-18'],
    ['4500018211', 20, 'FS-M8X30-A2', 'Hex bolt M8x30 stainless A2-70', 5000, 'PC', 0.25, 'USD', 'Shin-Etsu Trading Co. Ltd.', 'Shin-Etsu Trading Co. Ltd.', 'JP', 7318158000, '2026-11-18'],
    ['4500018212', 10, 'RM-TE-5N', 'Tellurium metal 5N, ingot', 25, 'KG', 124, 'USD', 'Sakura Trading Co.', 'IHI Aerospace Co., Ltd.', 'JP', 2804500001, '2026-11-19'],
    ['4500018213', 10, 'GT-LJ-250', 'Green tea Longjing, 250 g tins', 400, 'PC', 6.5, 'USD', 'Kanagawa Foods K.K.', 'Kanagawa Foods K.K.', 'JP', 902109000, '2026-11-19'],
    ['4500018213', 20, 'GT-LJ-500', 'Green tea Longjing, 500 g tins', 200, 'PC', 11.8, 'USD', 'Kanagawa Foods K.K.', 'Kanagawa Foods K.K.', 'JP', 902109000, '2026-11-19'],
  ];
  lines.forEach(([doc, item, material, text, qty, unit, price, curr, soldTo, shipTo, country, hs, created], i) => {
    const r = ws.getRow(i + 2);
    r.values = [doc, item, material, text, qty, unit, price, null, curr, soldTo, shipTo, country, hs, new Date(`${created}T00:00:00Z`)];
    r.getCell(8).value = { formula: `E${i + 2}*G${i + 2}`, result: Math.round(qty * price * 100) / 100 };
    r.getCell(8).numFmt = '#,##0.00';
    r.getCell(14).numFmt = 'yyyy/mm/dd';
  });
  // the second tea line's code is formatted 0000000000, as a careful user keeps it; the first lost its zero
  ws.getCell('M6').numFmt = '0000000000';
  const total = ws.getRow(lines.length + 2);
  total.getCell(4).value = 'Total';
  total.getCell(8).value = { formula: `SUM(H2:H${lines.length + 1})`, result: 96000 + 1250 + 3100 + 2600 + 2360 };
  total.getCell(8).numFmt = '#,##0.00';
  total.getCell(9).value = 'USD';
  await wb.xlsx.writeFile(out('sap-sales-export.xlsx'));
}

async function kingdeeInvoice() {
  const wb = workbook();
  wb.creator = '金蝶云·星空';
  const ws = wb.addWorksheet('出口发票');
  ws.mergeCells('A1:J1');
  ws.getCell('A1').value = '上海华东精密材料有限公司 Huadong Precision Materials Co., Ltd.';
  ws.mergeCells('A2:J2');
  ws.getCell('A2').value = '出口发票 COMMERCIAL INVOICE';
  ws.getCell('A3').value = '发票号 Invoice No.: HD-INV-2026-1192';
  ws.getCell('G3').value = '日期 Date:';
  ws.getCell('H3').value = new Date(Date.UTC(2026, 10, 21));
  ws.getCell('H3').numFmt = 'yyyy"年"m"月"d"日"';
  const header = ['单据编号', '行号', '物料名称', '规格型号', '商品编码', '数量', '单位', '金额', '币制', '收货方', '目的国'];
  ws.getRow(5).values = header;
  const rows = [
    ['XSCKD-2026-0417', 1, '氧化镝', 'Dy2O3 ≥99.99%', 2846901500, 100, '千克', 38000, '美元', 'Tokyo Optics K.K.', '日本'],
    ['XSCKD-2026-0417', 2, '不锈钢六角螺栓', 'M8×30', 7318158000, 5000, '件', 1250, '美元', 'Tokyo Optics K.K.', '日本'],
    ['XSCKD-2026-0418', 1, '碲锭', '5N', 2804500001, 25, '千克', 3100, '美元', '株式会社IHIエアロスペース', '日本'],
    ['XSCKD-2026-0418', 2, '不锈钢六角螺栓', 'M8×30', 7318158000, 2000, '件', 500, '美元', '株式会社IHIエアロスペース', '日本'],
  ];
  rows.forEach((r, i) => {
    ws.getRow(6 + i).values = r;
  });
  const totalRow = 6 + rows.length;
  ws.getCell(`A${totalRow}`).value = '合计';
  ws.getCell(`F${totalRow}`).value = { formula: `SUM(F6:F${totalRow - 1})`, result: 7125 };
  ws.getCell(`H${totalRow}`).value = { formula: `SUM(H6:H${totalRow - 1})`, result: 42850 };
  ws.getCell(`A${totalRow + 2}`).value = '合计金额(大写): 美元肆万贰仟捌佰伍拾元整';
  const packing = wb.addWorksheet('装箱单');
  packing.getRow(1).values = ['箱号', '物料名称', '数量', '毛重(kg)'];
  packing.getRow(2).values = ['C-01', '氧化镝', 100, 104];
  await wb.xlsx.writeFile(out('kingdee-invoice.xlsx'));
}

await sapExport();
await kingdeeInvoice();
console.log('wrote fixtures/erp/sap-sales-export.xlsx and fixtures/erp/kingdee-invoice.xlsx');
