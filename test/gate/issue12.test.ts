/** Issue 12, points 8, 13, 14 and 15: what the gate may never let pass. */
import { describe, expect, it } from 'vitest';
import { lintWaivers } from '../../src/commands/waivers.js';
import { applyBaseline } from '../../src/gate/baseline.js';
import { parseLicenceYaml } from '../../src/gate/licence-register.js';
import { applyLicences, openLedger } from '../../src/gate/licences.js';
import { applyWaivers, parseWaivers } from '../../src/gate/waivers.js';
import { classifyQuery } from '../../src/lookup/search.js';
import { makeRow } from '../../src/manifest/row.js';
import { gatingVerdict, type Finding, type Result } from '../../src/model/result.js';
import { rowFingerprint, type RowValues } from '../../src/model/row.js';
import { tempFile } from './screen-fixture.js';

const ITEM = 'cn.dual-use.1C902.b';
const MEASURE = 'cn.measure.2026-01.japan-military';
const finding = (ruleId: string, verdict: Finding['verdict']): Finding => ({ ruleId, verdict, message: 'm', source: 's', evidence: [] });
const VALUES: RowValues = { line_id: 'SO-1', description: 'Samarium oxide', hs_code: '2846901940', destination_country: 'JP', end_user: 'Shin-Etsu Trading Co., Ltd.', quantity: '10', unit: 'kg' };
function result(findings: Finding[], extras: Record<string, string> = {}, values: RowValues = VALUES): Result {
  return { row: makeRow('m.csv', 1, 2, values, extras, 'cn'), verdict: findings[0]?.verdict ?? 'clear', findings, notes: [] };
}

describe('point 8: a baseline never hides a prohibited shipment', () => {
  it("the fingerprint covers every column: December's order of the same goods is another row", () => {
    const november = result([], { 'Order No': 'PO-11', Date: '2026-11-02' });
    const december = result([], { 'Order No': 'PO-12', Date: '2026-12-01' });
    expect(rowFingerprint(december.row)).not.toBe(rowFingerprint(november.row));
    // rows without other columns keep the fingerprints earlier reports hold
    expect(rowFingerprint(result([]).row)).toBe(rowFingerprint({ values: VALUES }));
  });

  it('a prohibited finding counts even when the baseline has it', () => {
    const r = result([finding(MEASURE, 'prohibited'), finding(ITEM, 'license')]);
    const fp = rowFingerprint(r.row);
    const left = new Map([[`${fp} ${MEASURE}`, 1], [`${fp} ${ITEM}`, 1]]);
    const gated = applyBaseline(r, fp, left);
    expect(gated.findings.map((f) => f.baseline)).toEqual(['new', 'known']);
    expect(gatingVerdict(gated)).toBe('prohibited');
  });
});

const waiversFile = (entries: string): ReturnType<typeof parseWaivers> => parseWaivers(`waivers:\n${entries}`, { path: 'w.yaml', sha256: '' });
const entry = (fields: string): string => `  - id: W-1\n${fields}    reason: r\n    approved_by: a\n`;

describe('point 13: waivers too broad to be safe', () => {
  it('lint warns about a waiver that selects by line id only, and about an expiry years away', () => {
    const file = tempFile('w.yaml', `waivers:\n${entry(`    rule: ${ITEM}\n    line_id: SO-1\n    expires: 9999-12-31\n`)}`);
    const out: string[] = [];
    const code = lintWaivers({ file, asOf: '2026-11-28', warnDays: 30, write: (t) => out.push(t) });
    const text = out.join('');
    expect(code).toBe(0);
    expect(text).toMatch(/warning: W-1: expires on 9999-12-31, more than a year after 2026-11-28/);
    expect(text).toMatch(/warning: W-1: selects rows by line id only/);
    expect(text).toContain('2 warnings');
  });

  it('a waiver of the item never covers the prohibited finding of the measure on the same row; one naming the measure does', () => {
    const r = result([finding(MEASURE, 'prohibited'), finding(ITEM, 'license')]);
    const row = { fingerprint: rowFingerprint(r.row), values: r.row.values };
    const item = applyWaivers(r, row, waiversFile(entry(`    rule: ${ITEM}\n    hs_code: "2846901940"\n    expires: 2027-06-30\n`)), '2026-11-28');
    expect(gatingVerdict(item)).toBe('prohibited');
    const measure = applyWaivers(r, row, waiversFile(entry(`    rule: ${MEASURE}\n    hs_code: "2846901940"\n    expires: 2027-06-30\n`)), '2026-11-28');
    expect(measure.findings[0]!.waived).toBeDefined();
  });

  it('a description selects the row by what it says, case and spacing aside', () => {
    const set = waiversFile(entry(`    rule: ${ITEM}\n    description: "SAMARIUM   oxide"\n    expires: 2027-06-30\n`));
    expect(set.problems).toEqual([]);
    const r = result([finding(ITEM, 'license')]);
    expect(applyWaivers(r, { fingerprint: '', values: r.row.values }, set, '2026-11-28').findings[0]!.waived).toBeDefined();
  });
});

const LICENCE = `licences:
  - number: LIC-1
    hs_codes: ["HS 2846.90.19.40"]
    destination: JP
    end_user: Shin-Etsu Trading Co., Ltd.
    valid_from: 2026-01-01
    valid_to: 2027-01-01
    quantity: 500
    unit: kg
`;

describe("point 14: the gate's own findings always count", () => {
  it('an expired waiver is never "covered by licence", even when the licence covers the item', () => {
    const r = result([finding(ITEM, 'license')]);
    const row = { fingerprint: rowFingerprint(r.row), values: r.row.values };
    const waived = applyWaivers(r, row, waiversFile(entry(`    rule: ${ITEM}\n    line_id: SO-1\n    expires: 2026-01-01\n`)), '2026-11-28');
    expect(waived.findings.map((f) => f.ruleId)).toEqual([ITEM, 'dualscreen.waiver.expired']);
    const register = { ref: { path: 'l.yaml', sha256: '' }, licences: parseLicenceYaml(LICENCE, 'l.yaml') };
    const gated = applyLicences(waived, register, openLedger(register), { asOf: '2026-11-28', itemCodes: new Map([[ITEM, '1C902.b']]) });
    expect(gated.findings.map((f) => [f.ruleId, f.coveredBy?.licence])).toEqual([[ITEM, 'LIC-1'], ['dualscreen.waiver.expired', undefined]]);
    expect(gatingVerdict(gated)).toBe('license');
  });
});

describe('point 15: one HS normaliser for the reader, the gate and lookup', () => {
  it('"HS 2846.90.19.40" is 2846901940 in a manifest row, a waiver, a licence and a lookup', () => {
    const values = { ...VALUES, hs_code: 'HS 2846.90.19.40' };
    expect(makeRow('m.csv', 1, 2, values, {}, 'cn').norm.hs).toMatchObject({ kind: 'valid', digits: '2846901940' });
    const r = result([finding(ITEM, 'license')], {}, values);
    const waiver = waiversFile(entry(`    rule: ${ITEM}\n    hs_code: "HS 2846.90.19.40"\n    expires: 2027-06-30\n`));
    expect(waiver.waivers[0]!.hs_code).toBe('2846901940');
    expect(applyWaivers(r, { fingerprint: '', values }, waiver, '2026-11-28').findings[0]!.waived).toBeDefined();
    const register = { ref: { path: 'l.yaml', sha256: '' }, licences: parseLicenceYaml(LICENCE, 'l.yaml') };
    expect(register.licences[0]!.hs_codes).toEqual(['2846901940']);
    const gated = applyLicences(r, register, openLedger(register), { asOf: '2026-11-28', itemCodes: new Map([[ITEM, '1C902.b']]) });
    expect(gated.findings[0]!.coveredBy).toEqual({ licence: 'LIC-1' });
    expect(classifyQuery('HS 2846.90.19.40')).toMatchObject({ kind: 'hs-code', key: '2846901940' });
  });
});
