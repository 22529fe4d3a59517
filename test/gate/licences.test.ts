import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLicences, parseLicenceYaml, type LicenceRegister } from '../../src/gate/licence-register.js';
import { applyLicences, openLedger, type LicenceLedger } from '../../src/gate/licences.js';
import { gatingVerdict, type Result } from '../../src/model/result.js';
import { bundledRules, byLineId, fixture, SAMPLE, sampleLines, screenFile, tempFile } from './screen-fixture.js';

const CSV = fixture('gate/licences.csv');
const YAML = fixture('gate/licences.yaml');

function gate(results: Result[], register: LicenceRegister, asOf = '2026-11-28', ledger: LicenceLedger = openLedger(register)): Result[] {
  const itemCodes = new Map(bundledRules().items.map((ci) => [ci.item.id, ci.item.controlCode]));
  return results.map((r) => applyLicences(r, register, ledger, { asOf, itemCodes }));
}

const summary = (r: Result): string[] => r.findings.map((f) => `${f.verdict} ${f.ruleId}${f.coveredBy ? ` covered by ${f.coveredBy.licence}` : ''}`);

/** A manifest of sample lines, edited. */
function manifest(lines: string[]): string {
  const { header, byId } = sampleLines(readFileSync(SAMPLE, 'utf8'));
  return tempFile('m.csv', `${header}\n${lines.map((l) => byId.get(l) ?? l).join('\n')}\n`);
}

describe('licence register', () => {
  it('reads the CSV and the YAML fixture to the same licences', () => {
    const strip = (r: LicenceRegister) => r.licences.map(({ at: _at, names: _names, ...l }) => l);
    const csv = loadLicences(CSV);
    expect(strip(csv)).toEqual(strip(loadLicences(YAML)));
    expect(csv.licences[0]).toMatchObject({
      number: 'LIC-2026-JP-0417',
      control_codes: ['1C905.b'],
      hs_codes: ['2846901500'],
      destination: 'JP',
      end_user: ['Shin-Etsu Trading Co., Ltd.'],
      quantity: 500,
      unit: 'kg',
      value: 240000,
      currency: 'USD',
      at: 'fixtures/gate/licences.csv:2',
    });
    expect(csv.licences[4]!.end_user).toEqual(['Kanagawa Photonics K.K.', '神奈川フォトニクス株式会社']);
    expect(csv.ref.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports mistakes at file:line (CSV) or file:line:col (YAML)', () => {
    const csv = (body: string) => () => loadLicences(tempFile('r.csv', `number,control_codes,destination,end_user,valid_from,valid_to,quantity,unit\n${body}\n`));
    expect(csv('L1,1C902.b,JP,X K.K.,2026-01-01,2026-13-01,5,kg')).toThrow(/r\.csv:2: not a calendar date \(valid_to\)/);
    expect(() => csv('L1,1C902.b,JP,X K.K.,2026/1/5,2026.12.31,5,kg')()).not.toThrow(); // as spreadsheets write dates
    expect(csv('L1,1C902.b,Atlantis,X K.K.,2026-01-01,2026-12-01,5,kg')).toThrow(/r\.csv:2: "Atlantis" is not a country dualscreen knows/);
    expect(csv('L1,1C902.b,JP,X K.K.,2026-01-01,2026-12-01,lots,kg')).toThrow(/r\.csv:2: .*\(quantity\)/);
    expect(csv('L1,,JP,X K.K.,2026-01-01,2026-12-01,5,kg')).toThrow(/r\.csv:2: a licence names its goods by control_codes or hs_codes/);
    expect(csv('L1,1C902.b,JP,X K.K.,2026-01-01,2026-12-01,5,kg\nL1,1C902.b,JP,X K.K.,2026-01-01,2026-12-01,5,kg')).toThrow(/r\.csv:3: duplicate licence number "L1" \(first at .*r\.csv:2\)/);
    expect(() => loadLicences(tempFile('h.csv', 'licence,licence no\nL1,L2\n'))).toThrow(/h\.csv:1: columns "licence" and "licence no" both give number/);
    const yaml = 'licences:\n  - number: L1\n    control_codes: [1C902.b]\n    destination: JP\n    valid_from: 2026-01-01\n    valid_to: 2026-12-31\n    quantity: 5\n    unit: kg\n';
    expect(() => parseLicenceYaml(yaml, 'r.yaml')).toThrow(/^r\.yaml:2:5: required \(licences\.0\.end_user\)/);
    expect(() => parseLicenceYaml(yaml.replace('quantity: 5\n    unit: kg\n', 'quantity: 5\n') + '    end_user: X\n', 'r.yaml')).toThrow(/^r\.yaml:2:5: a quantity needs its unit \(licences\.0\.unit\)/);
  });
});

describe('applying the register', { timeout: 30_000 }, () => {
  it('covers licence findings of the sample where a valid licence names item, destination and end user, and says why not elsewhere', async () => {
    const results = gate(await screenFile(SAMPLE), loadLicences(CSV));
    const dysprosium = byLineId(results, 'SO-1001');
    expect(summary(dysprosium)).toEqual(['license cn.dual-use.1C905.b covered by LIC-2026-JP-0417']);
    expect(dysprosium.notes).toContain('licence LIC-2026-JP-0417 covers the row: drawn 200 kg (300 left), 96000 USD (144000 left)');
    expect(gatingVerdict(dysprosium)).toBe('clear');
    // a second name of the end user, in Japanese, is on the licence; here the English one is used
    expect(summary(byLineId(results, 'SO-1018'))).toEqual(['license cn.dual-use.3C004.a covered by LIC-2026-JP-0388']);

    const apt = byLineId(results, 'SO-1005');
    expect(summary(apt)).toEqual(['license cn.dual-use.1C117.d', 'license dualscreen.licence.overdrawn']);
    expect(apt.findings[1]).toMatchObject({
      message: 'licence LIC-2026-DE-0233 names this item but does not cover this row: needs 1000 kg, 800 kg left of 800',
      source: 'licence register fixtures/gate/licences.csv:3',
    });
    expect(summary(byLineId(results, 'SO-1013'))).toEqual(['license cn.dual-use.3C003.c', 'license dualscreen.licence.expired']);
    // same item and destination, another consignee and end user: the licence is not this shipment's, so it neither
    // covers the row nor raises a mismatch on it (issue 14 part 6); the row keeps its own licence findings
    const tellurium = byLineId(results, 'SO-1011');
    expect(summary(tellurium)).toEqual(['license cn.dual-use.6C002.a', 'license cn.measure.watch-list']);
    expect(gatingVerdict(tellurium)).toBe('license');
  });

  it('never covers a prohibited row, and draws nothing for it', async () => {
    const register = loadLicences(CSV);
    const ledger = openLedger(register);
    const results = gate(await screenFile(SAMPLE), register, '2026-11-28', ledger);
    const magnets = byLineId(results, 'SO-1002');
    expect(summary(magnets)).toEqual(['prohibited cn.measure.control-list', 'license cn.dual-use.1C902.a']);
    expect(magnets.notes).toContain('licence LIC-2026-JP-0120 not applied: the row is prohibited, which no licence covers');
    expect(gatingVerdict(magnets)).toBe('prohibited');
    expect(ledger.get('LIC-2026-JP-0120')).toEqual({ quantity: 2000, value: undefined });
    // a licence for the same item to someone else is not mentioned on a prohibited row
    expect(byLineId(results, 'SO-1020').notes.some((n) => n.includes('LIC-2026-DE-0233'))).toBe(false);
  });

  it('a watch-list finding is covered with the item when the licence is for that end user', async () => {
    const register = loadLicences(tempFile('tdk.csv', 'number,control_codes,destination,end_user,valid_from,valid_to,quantity,unit\nLIC-TDK-1,6C002.a,JP,TDK Corporation,2026-04-01,2027-03-31,100,kg\n'));
    const tellurium = byLineId(gate(await screenFile(SAMPLE), register), 'SO-1011');
    expect(summary(tellurium)).toEqual(['license cn.dual-use.6C002.a covered by LIC-TDK-1', 'license cn.measure.watch-list covered by LIC-TDK-1']);
    expect(gatingVerdict(tellurium)).toBe('clear');
  });

  it('draws quantities and values down across the run in input order, converting units', async () => {
    const { byId } = sampleLines(readFileSync(SAMPLE, 'utf8'));
    const inTonnes = byId.get('SO-1001')!.replace('SO-1001', 'SO-1001t').replace(',200,kg,96000,', ',0.2,t,96000,');
    const results = gate(await screenFile(manifest(['SO-1001', inTonnes, 'SO-1001'])), loadLicences(CSV));
    expect(results.map((r) => summary(r).join(' | '))).toEqual([
      'license cn.dual-use.1C905.b covered by LIC-2026-JP-0417',
      'license cn.dual-use.1C905.b covered by LIC-2026-JP-0417',
      'license cn.dual-use.1C905.b | license dualscreen.licence.overdrawn',
    ]);
    expect(results[1]!.notes).toContain('licence LIC-2026-JP-0417 covers the row: drawn 200 kg (100 left), 96000 USD (48000 left)');
    expect(results[2]!.findings[1]!.message).toBe(
      'licence LIC-2026-JP-0417 names this item but does not cover this row: needs 200 kg, 100 kg left of 500; needs 96000 USD, 48000 USD left of 240000',
    );
  });

  it('a licence not yet valid, or a row without unit or currency, does not cover', async () => {
    const results = await screenFile(manifest(['SO-1001']));
    const early = gate(results, loadLicences(CSV), '2026-02-15');
    expect(summary(early[0]!)).toEqual(['license cn.dual-use.1C905.b', 'license dualscreen.licence.not-yet-valid']);
    const { byId } = sampleLines(readFileSync(SAMPLE, 'utf8'));
    const noUnit = byId.get('SO-1001')!.replace(',200,kg,96000,USD,', ',200,,96000,,');
    const bare = gate(await screenFile(manifest([noUnit])), loadLicences(CSV));
    expect(bare[0]!.findings[1]).toMatchObject({
      ruleId: 'dualscreen.licence.mismatch',
      message: "licence LIC-2026-JP-0417 names this item but does not cover this row: the row's quantity has no unit (licence: kg); the row's value has no currency (licence: USD)",
    });
  });

  it('leaves waived findings alone: a waived finding needs no licence', async () => {
    const [r] = await screenFile(manifest(['SO-1001']));
    const waived = { ...r!, findings: r!.findings.map((f) => ({ ...f, waived: { waiverId: 'W', reason: 'r', approvedBy: 'a', expires: '2027-01-01' } })) };
    const register = loadLicences(CSV);
    const ledger = openLedger(register);
    expect(gate([waived], register, '2026-11-28', ledger)[0]).toBe(waived);
    expect(ledger.get('LIC-2026-JP-0417')).toEqual({ quantity: 500, value: 240000 });
  });
});

describe('registers as companies keep them (issue 14 part 6)', { timeout: 30_000 }, () => {
  it('reads Chinese headers (许可证号, 有效期止, 币制 as 美元, dates as 2026年4月1日) and keeps the extra columns', () => {
    const register = loadLicences(fixture('gate/licences-zh.csv'));
    expect(register.otherColumns).toEqual(['审批人', '申请单号']);
    expect(register.licences[0]).toMatchObject({
      number: '26JL0418001',
      control_codes: ['1C905.b'],
      destination: 'JP',
      end_user: ['Tokyo Optics K.K.'],
      consignee: ['Tokyo Optics K.K.'],
      valid_from: '2026-03-01',
      valid_to: '2027-02-28',
      currency: 'USD',
      note: '氧化镝 光学镀膜',
      extras: { 审批人: '王磊', 申请单号: 'SQ-2026-0311' },
    });
    expect(register.licences[1]).toMatchObject({ valid_from: '2026-04-01', valid_to: '2027-03-31', consignee: ['Sakura Trading Co.'] });
  });

  it('reads Japanese headers (許可番号, 有効期限, 仕向地, 荷受人)', () => {
    const [l] = loadLicences(fixture('gate/licences-ja.csv')).licences;
    expect(l).toMatchObject({ number: 'JP-EXL-2026-0091', end_user: ['東京光学株式会社'], consignee: ['東京光学株式会社'], valid_to: '2027-02-28', currency: 'USD', extras: { 担当部署: '輸出管理室' } });
  });

  it('accepts licenses: as the YAML key too', () => {
    const yaml = 'licenses:\n  - number: L1\n    control_codes: [1C902.b]\n    destination: JP\n    end_user: X K.K.\n    valid_from: 2026-01-01\n    valid_to: 2026-12-31\n    quantity: 5\n    unit: kg\n';
    expect(parseLicenceYaml(yaml, 'r.yaml')[0]).toMatchObject({ number: 'L1', at: 'r.yaml:2:5' });
  });

  it("a licence naming one consignee raises nothing on other consignees' rows, and a mismatch on its own consignee's", async () => {
    const register = loadLicences(fixture('gate/licences-zh.csv'));
    const m = tempFile(
      'zh.csv',
      [
        'line_id,description,hs_code,control_code,quantity,unit,value,currency,destination_country,consignee,end_user',
        // the licence's consignee and end user, within its quantity: covered, the value drawn in 美元 as USD
        'A1,Dysprosium oxide,2846901500,1C905.b,100,kg,30000,美元,JP,Tokyo Optics K.K.,Tokyo Optics K.K.',
        // the same item to another consignee: not this licence's shipment, no mismatch finding
        'A2,Dysprosium oxide,2846901500,1C905.b,100,kg,30000,USD,JP,Nagoya Magnetics K.K.,Nagoya Magnetics K.K.',
        // the licence's consignee, another end user: the licence is this shipment's and does not fit it
        'A3,Tellurium 5N,2804500001,6C002.a,10,kg,,,JP,Sakura Trading Co.,Kyushu Thermo K.K.',
      ].join('\n') + '\n',
    );
    const results = gate(await screenFile(m), register);
    expect(summary(byLineId(results, 'A1'))).toEqual(['license cn.dual-use.1C905.b covered by 26JL0418001']);
    expect(summary(byLineId(results, 'A2'))).toEqual(['license cn.dual-use.1C905.b']);
    const a3 = byLineId(results, 'A3');
    expect(summary(a3)).toEqual(['license cn.dual-use.6C002.a', 'license dualscreen.licence.mismatch']);
    expect(a3.findings[1]!.message).toContain('end user "Kyushu Thermo K.K." is not the licence\'s "Sakura Optical Devices K.K."');
  });
});
