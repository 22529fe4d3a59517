/** The annotated manifest: the input's columns in order, every row, formula cells neutralised, RFC 4180 quoting. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, neutralise } from '../../src/report/csv.js';
import { finding, render, result, SAMPLE, screenTo, tempFile } from './harness.js';

const parseCsv = (text: string): string[][] => parse(text, { bom: true }) as string[][];

describe('csv on the sample manifest', { timeout: 60_000 }, () => {
  it('repeats every row with its own columns in input order, then verdict, rules, reasons and nexus', async () => {
    const { out } = await screenTo('csv', [SAMPLE]);
    expect(out.startsWith('\ufeffLine ID,Description,HS Code,')).toBe(true);
    expect(out.split('\r\n').length).toBe(22); // header, 20 rows, and the empty string after the last CRLF
    const [header, ...rows] = parseCsv(out);
    const [inputHeader, ...inputRows] = parse(readFileSync(SAMPLE, 'utf8'), { relax_column_count: true }) as string[][];
    expect(header).toEqual([...inputHeader!, 'verdict', 'rules', 'reasons', 'nexus']);
    // the sample's spreadsheet export left a trailing empty cell on one row; the annotated copy drops it
    expect(rows.map((r) => r.slice(0, inputHeader!.length))).toEqual(inputRows.map((r) => r.slice(0, inputHeader!.length).map(neutralise)));
    const byId = new Map(rows.map((r) => [r[0], r.slice(-4)]));
    expect(byId.get('SO-1002')).toEqual(['prohibited', 'cn.measure.control-list; cn.dual-use.1C902.a', expect.stringContaining('export control list'), 'control']);
    expect(byId.get('SO-1003')!.at(-1)).toBe('military');
    expect(byId.get('SO-1011')!.at(-1)).toBe('watch');
    expect(byId.get('SO-1013')!.at(-1)).toBe('none');
    expect(byId.get('SO-1009')).toEqual(['clear', '', '', 'none']);
  });

  it('keeps one row per data record: a rejected line is a row with its error', async () => {
    const path = tempFile('broken.csv', 'Line ID,Description,HS Code\nA,Bolts,7318158000\nB,"Steel pipe" OD,7304390000\nC,Nuts,7318160000\n');
    const { out, code } = await screenTo('csv', [path]);
    expect(code).toBe(2);
    const rows = parseCsv(out);
    expect(rows.map((r) => r[0])).toEqual(['Line ID', 'A', '', 'C']);
    expect(rows[2]!.slice(3, 5)).toEqual(['rejected', '']);
    expect(rows[2]![5]).toMatch(/broken\.csv:3: .*quote/);
  });

  it('with several inputs, says each row’s file and line and keeps every input’s columns, filled by canonical column', async () => {
    const en = tempFile('en.csv', 'Line ID,Description,HS Code,Destination,Sales Rep\nE1,Cotton T-shirts,6109100000,JP,Wang\n');
    const zh = tempFile('zh.csv', '行号,商品编码,品名,目的国,备注,数量\nZ1,2846901940,氧化钐,日本,加急,-12.5\n');
    const rows = parseCsv((await screenTo('csv', [en, zh])).out);
    expect(rows[0]).toEqual(['file', 'line', 'Line ID', 'Description', 'HS Code', 'Destination', 'Sales Rep', '备注', '数量', 'verdict', 'rules', 'reasons', 'nexus']);
    expect(rows[1]!.slice(0, 10)).toEqual([en, '2', 'E1', 'Cotton T-shirts', '6109100000', 'JP', 'Wang', '', '', 'clear']);
    // a negative quantity stays a number for the spreadsheet
    expect(rows[2]!.slice(0, 10)).toEqual([zh, '2', 'Z1', '氧化钐', '2846901940', '日本', '', '加急', '-12.5', 'license']);
  });

  it('writes the reasons in the language asked for; rule ids and verdicts stay as they are', async () => {
    const rows = parseCsv((await screenTo('csv', [SAMPLE], { lang: 'zh' })).out);
    const so1002 = rows.find((r) => r[0] === 'SO-1002')!.slice(-4);
    expect(so1002.slice(0, 2)).toEqual(['prohibited', 'cn.measure.control-list; cn.dual-use.1C902.a']);
    expect(so1002[2]).toContain('禁止：一方列入中国出口管制管控名单');
    expect(so1002[2]).toContain('两用物项：需申请出口许可：1C902.a 金属钐');
  });

  it('uses the canonical column names for a row without a file (dualscreen check)', () => {
    const out = render('csv', { results: [result({ hs_code: '2846901940', destination_country: 'JP' }, [finding({ verdict: 'license' })], { input: 'check' })] });
    expect(parseCsv(out)[0]).toEqual(['hs_code', 'destination_country', 'verdict', 'rules', 'reasons', 'nexus']);
  });

  it('notes waived and covered findings in the reasons', () => {
    const waived = finding({ verdict: 'review', waived: { waiverId: 'W-1', reason: 'memo CL-1', approvedBy: 'Li Wei', expires: '2027-06-30' } });
    const covered = finding({ verdict: 'license', ruleId: 'rule.x', coveredBy: { licence: 'LIC-42' } });
    const [, row] = parseCsv(render('csv', { results: [result({ description: 'x' }, [waived, covered])] }));
    expect(row!.at(-2)).toBe('review message (waived by W-1 (memo CL-1; approved by Li Wei, expires 2027-06-30)) | license message (covered by licence LIC-42)');
  });
});

describe('csv cells', () => {
  it('neutralises cells a spreadsheet would run as a formula (OWASP: a leading single quote), and leaves numbers numbers', () => {
    for (const cell of ['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1:A2)', '\tcmd', '\rcmd', '-', '+', '-A1', '-1-1', '+81 3 1234 5678', '-cmd|x']) {
      expect(neutralise(cell)).toBe(`'${cell}`);
    }
    for (const cell of ['1=1', 'a+b', 'SO-1001', '', ' =1', "'quoted", '-12.5', '+3', '-1,234.50', '-0.001', '-.5', '-1e-3', '1200']) expect(neutralise(cell)).toBe(cell);
  });

  it('quotes as RFC 4180 asks: only cells with a quote, comma or line break, quotes doubled', () => {
    expect(csvCell('plain text')).toBe('plain text');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=1,2')).toBe(`"'=1,2"`);
  });
});
