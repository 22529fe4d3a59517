import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../src/engine/compile.js';
import { screen } from '../../src/engine/screen.js';
import { makeRow } from '../../src/manifest/row.js';
import type { Result } from '../../src/model/result.js';
import { type RowValues } from '../../src/model/row.js';
import { loadRulePacks } from '../../src/rules/load.js';

const MINI = fileURLToPath(new URL('../../fixtures/rules/mini/mini.yaml', import.meta.url));
const rules = compileRuleSet(loadRulePacks([MINI]));

function run(values: RowValues, asOf = '2026-11-28', hsScheme: 'cn' | 'intl' = 'cn'): Result {
  return screen(makeRow('t.csv', 1, 2, values, {}, hsScheme), rules, { asOf });
}
const ruleIds = (r: Result): string[] => r.findings.map((f) => f.ruleId);

describe('item strength', () => {
  it('a declared control code of an encoded item is listed: licence', () => {
    const r = run({ description: 'Sm2O3', control_code: '1c902.B' });
    expect(r.verdict).toBe('license');
    expect(r.findings[0]).toMatchObject({ ruleId: 'cn.dual-use.1C902.b', evidence: [{ field: 'control_code', matched: '1C902.b' }] });
  });

  it('a sub-item of an encoded code is listed too', () => {
    expect(run({ description: 'x', control_code: '1C902.b.1' }).verdict).toBe('license');
  });

  it('a 10-digit reference HS code is a reference match: licence', () => {
    const r = run({ description: 'oxide powder', hs_code: '2846.90.19.40' });
    expect(r.verdict).toBe('license');
    expect(r.findings[0]?.evidence[0]).toMatchObject({ field: 'hs_code', matched: '2846901940' });
  });

  it('an 8-digit reference line covers ordinary goods too: review, licence where the description names the item', () => {
    const bare = run({ description: 'metal ingot', hs_code: '2805301990' }, '2026-11-11');
    expect(bare.verdict).toBe('review');
    expect(bare.findings[0]?.message).toContain('8-digit tariff line');
    expect(run({ description: 'Holmium metal ingot', hs_code: '2805301990' }, '2026-11-11').verdict).toBe('license');
  });

  it('a 10-digit code shared by unrelated items is review until the description says which', () => {
    const r = run({ description: 'organometallic compound', hs_code: '2931900032' });
    expect(r.verdict).toBe('review');
    expect(ruleIds(r)).toEqual(expect.arrayContaining(['cn.dual-use.1C902.b', 'cn.dual-use.6C001.c']));
    const named = run({ description: 'Triphenylbismuth 99%', hs_code: '2931900032' });
    expect(named.verdict).toBe('license');
    expect(ruleIds(named)).toEqual(['cn.dual-use.6C001.c']);
  });

  it('a 6-digit or 4-digit prefix of a reference code is only possible: review', () => {
    const r = run({ description: 'rare earth compound', hs_code: '284690' });
    expect(r.verdict).toBe('review');
    expect(r.findings[0]?.message).toContain('covers the reference codes');
    expect(run({ description: 'x', hs_code: '2846' }).verdict).toBe('review');
  });

  it('an unrelated full HS code is clear', () => {
    expect(run({ description: 'Cotton T-shirts', hs_code: '6109100000' }).verdict).toBe('clear');
  });

  it('a description keyword in English, Chinese or Japanese is possible: review', () => {
    expect(run({ description: 'NdFeB magnets with dysprosium' }).verdict).toBe('review');
    expect(run({ description: '含镝钕铁硼磁体' }).verdict).toBe('review');
    expect(run({ description: 'ジスプロシウム添加磁石' }).verdict).toBe('review');
    expect(run({ description: 'DYSPROSIUM METAL' }).verdict).toBe('review');
  });

  it('an exclusion phrase cancels the keyword inside it', () => {
    expect(run({ description: 'Dysprosium-free NdFeB magnets', hs_code: '8505111000' }).verdict).toBe('clear');
    expect(run({ description: '无镝钕铁硼磁体', hs_code: '8505111000' }).verdict).toBe('clear');
  });

  it('keywords only count on word boundaries in Latin script', () => {
    expect(run({ description: 'Predysprosiumless widget', hs_code: '8479899990' }).verdict).toBe('clear');
  });

  it('a CAS number the item names identifies it like a reference HS code', () => {
    const r = run({ description: 'metal lumps', cas_number: '7429-91-6' });
    expect(r.verdict).toBe('license');
    expect(r.findings[0]?.evidence[0]).toMatchObject({ kind: 'cas', matched: '7429-91-6' });
  });

  it('a LOW-confidence HS code or item only raises review', () => {
    expect(run({ description: 'x', hs_code: '8112929010' }).verdict).toBe('review');
  });

  it('a shared reference code names every item it belongs to', () => {
    const r = run({ description: 'mixed rare earth oxide', hs_code: '2846901993' });
    expect(r.verdict).toBe('license');
    expect(r.findings.find((f) => f.ruleId === 'cn.dual-use.1C902.b')?.message).toContain('shared with 1C905.a');
  });
});

describe('dates', () => {
  it('an item counts from its effective date, not the day before', () => {
    expect(run({ description: 'x', hs_code: '2846901940' }, '2025-04-03').verdict).toBe('clear');
    expect(run({ description: 'x', hs_code: '2846901940' }, '2025-04-04').verdict).toBe('license');
  });

  it('a suspended item does not count inside its window, and counts again after it', () => {
    const holmium = { description: 'Holmium metal', hs_code: '2805301990' };
    expect(run(holmium, '2025-11-07').verdict).toBe('clear');
    expect(run(holmium, '2026-11-10').verdict).toBe('clear');
    expect(run(holmium, '2026-11-10').notes.join()).toContain('suspended from 2025-11-07 to 2026-11-10 by Test suspension');
    expect(run(holmium, '2026-11-11').verdict).toBe('license');
  });

  it('a declared code whose item starts later is reviewed, not cleared', () => {
    const r = run({ description: 'x', control_code: '1C902.b' }, '2025-01-01');
    expect(r.verdict).toBe('review');
    expect(r.findings[0]?.message).toContain('encoded only from 2025-04-04');
  });
});

describe('measures and parties', () => {
  const samarium = { description: 'Samarium oxide 99.9%', hs_code: '2846901940' };

  it('Japan nexus plus military end use makes a listed item prohibited', () => {
    const r = run({ ...samarium, destination_country: 'Japan', end_use: 'military radar' });
    expect(r.verdict).toBe('prohibited');
    expect(ruleIds(r)).toContain('test.measure.japan-military');
    expect(r.findings[0]?.evidence.map((e) => e.field)).toEqual(['hs_code', 'destination_country', 'end_use']);
  });

  it('the Japan ban applies from 2026-01-06', () => {
    const row = { ...samarium, destination_country: '日本', end_use: '军用雷达' };
    expect(run(row, '2026-01-05').verdict).toBe('license');
    expect(run(row, '2026-01-06').verdict).toBe('prohibited');
  });

  it('negated military terms do not count', () => {
    expect(run({ ...samarium, destination_country: 'JP', end_use: 'non-military research' }).verdict).toBe('license');
    expect(run({ ...samarium, destination_country: 'JP', end_use: '民用，非军事用途' }).verdict).toBe('license');
    expect(run({ ...samarium, destination_country: 'JP', end_use: '民生用カメラ' }).verdict).toBe('license');
  });

  it('a military user as end user gives the military nexus', () => {
    expect(run({ ...samarium, destination_country: 'JP', end_user: '防衛省' }).verdict).toBe('prohibited');
    expect(run({ ...samarium, destination_country: 'JP', end_user: 'Japan Ground Self-Defense Force, Camp Asaka' }).verdict).toBe('prohibited');
  });

  it('a military use outside Japan is not the Japan ban', () => {
    expect(run({ ...samarium, destination_country: 'DE', end_use: 'military' }).verdict).toBe('license');
  });

  it('a control-list party makes a dual-use item prohibited from its listing date', () => {
    const row = { ...samarium, consignee: 'MHI Aero Engines Ltd.' };
    expect(run(row, '2026-02-23').verdict).toBe('license');
    const r = run(row, '2026-02-24');
    expect(r.verdict).toBe('prohibited');
    expect(r.findings[0]?.evidence.find((e) => e.kind === 'party')).toMatchObject({ matched: 'Mitsubishi Heavy Industries Aero Engines, Ltd.' });
  });

  it('a parent company is not its listed subsidiary', () => {
    const r = run({ ...samarium, consignee: 'Mitsubishi Heavy Industries, Ltd.', destination_country: 'JP' });
    expect(r.verdict).toBe('license');
    expect(ruleIds(r)).not.toContain('dualscreen.party.possible-match');
    expect(run({ ...samarium, consignee: '三菱重工業株式会社' }).verdict).toBe('license');
  });

  it('Japanese legal-form variants of a listed name match', () => {
    expect(run({ ...samarium, consignee: '三菱重工航空エンジン(株)' }).verdict).toBe('prohibited');
    expect(run({ ...samarium, consignee: '㈱三菱重工航空エンジン' }).verdict).toBe('prohibited');
  });

  it('a review-only name (the legal entity of a listed division) raises review, never prohibited', () => {
    const r = run({ ...samarium, consignee: 'Kawasaki Heavy Industries, Ltd.' });
    expect(r.verdict).toBe('license');
    expect(r.findings.find((f) => f.ruleId === 'test.measure.control-list')).toMatchObject({ verdict: 'review' });
    expect(run({ description: 'Spare parts', consignee: 'Kawasaki Heavy Industries, Ltd.' }).verdict).toBe('review');
  });

  it('a watch-list party adds a licence finding to a dual-use item', () => {
    const r = run({ ...samarium, consignee: 'TDK株式会社' });
    expect(r.verdict).toBe('license');
    expect(ruleIds(r)).toContain('test.measure.watch-list');
  });

  it('a listed party buying goods that are not dual-use is clear, with a note', () => {
    const r = run({ description: 'Office chairs', hs_code: '9401300000', consignee: 'TDK Corporation' });
    expect(r.verdict).toBe('clear');
    expect(r.notes.join()).toContain('TDK Corporation');
  });
});

describe('parties named in other columns', () => {
  const samarium = { description: 'Samarium oxide 99.9%', hs_code: '2846901940' };
  // the reader gives the other columns' cells (manifest/records.ts); here they are given as read
  const withOthers = (values: RowValues, others: Record<string, string>): Result => {
    const cells = Object.entries(others).map(([field, value]) => ({ field, value }));
    return screen(makeRow('t.csv', 1, 2, values, others, 'cn', undefined, cells), rules, { asOf: '2026-11-28' });
  };

  it('a listed party or military user in a remark is a possible match: review, quoting the column', () => {
    const r = withOthers({ ...samarium, consignee: 'Tokyo Trading K.K.' }, { Remarks: 'MHI Aero Engines Ltd., Komaki', 'PO Number': 'PO-774343' });
    expect(r.findings.find((f) => f.ruleId === 'dualscreen.party.possible-match')).toMatchObject({ verdict: 'review', evidence: [{ field: 'Remarks', matched: 'Mitsubishi Heavy Industries Aero Engines, Ltd.' }] });
    expect(r.verdict).toBe('license');
    // after a phrase that gives its role (rules/reference/party-phrases.json) the remark names the party for certain
    const named = withOthers({ ...samarium, consignee: 'Tokyo Trading K.K.' }, { Remarks: 'final user: MHI Aero Engines Ltd., Komaki' });
    expect(named.verdict).toBe('prohibited');
    expect(named.findings.find((f) => f.verdict === 'prohibited')?.evidence).toContainEqual(expect.objectContaining({ field: 'Remarks', value: 'MHI Aero Engines Ltd., Komaki' }));
    const unclassified = withOthers({ description: 'Spare parts', consignee: 'Tokyo Trading K.K.' }, { 備考: '陸上自衛隊向け' });
    expect(unclassified.verdict).toBe('review');
  });

  it('a trade-banned, control-list or military party in a remark is reviewed even for ordinary goods; a defence contractor only with an item', () => {
    const office = { description: 'Office chairs', hs_code: '9401300000', consignee: 'Tokyo Trading K.K.' };
    expect(withOthers(office, { Notes: 'for Acme Defense Systems Inc.' }).verdict).toBe('review');
    expect(withOthers(office, { Notes: 'for MHI Aero Engines Ltd.' }).verdict).toBe('review');
    expect(withOthers(office, { Notes: 'for Mitsubishi Heavy Industries, Ltd.' }).verdict).toBe('clear');
  });

  it('a party the row names already is not named again; order numbers and dates are not read', () => {
    const r = withOthers({ ...samarium, consignee: 'MHI Aero Engines Ltd.' }, { Memo: 'MHI Aero Engines Ltd.', Ref: 'JGSDF-2026-001' });
    expect(r.verdict).toBe('prohibited');
    expect(ruleIds(r)).not.toContain('dualscreen.party.possible-match');
    expect(withOthers({ description: 'Spare parts', consignee: 'Tokyo Trading K.K.' }, { Ref: 'JGSDF-2026-001' }).verdict).toBe('clear');
  });

  it('a name that only resembles a listed one is not read into a remark ("Rhein Drives" is not Rheinmetall)', () => {
    const spares = { description: 'Spare parts' };
    expect(ruleIds(withOthers(spares, { Note: 'via Rhein Drives GmbH, Duisburg' }))).not.toContain('dualscreen.party.possible-match');
    expect(ruleIds(withOthers(spares, { Note: 'via Rheinmetall AG, Duisburg' }))).toContain('dualscreen.party.possible-match');
  });
});

describe('fail closed', () => {
  it('a row with no description, HS code or control code is reviewed', () => {
    expect(ruleIds(run({ destination_country: 'JP' }))).toEqual(['dualscreen.data.unidentified']);
  });

  it('an invalid HS code is reviewed, not a crash', () => {
    expect(ruleIds(run({ description: 'Bolts', hs_code: 'ABC-123' }))).toContain('dualscreen.data.invalid-hs-code');
    expect(run({ description: 'Bolts', hs_code: '731815800' }).findings[0]?.message).toContain('--hs-scheme intl');
  });

  it('an unreadable control code is reviewed; "not controlled" declarations are not codes', () => {
    expect(ruleIds(run({ description: 'Bolts', hs_code: '7318158000', control_code: 'X-99' }))).toContain('dualscreen.data.invalid-control-code');
    expect(run({ description: 'Bolts', hs_code: '7318158000', control_code: '非該当' }).verdict).toBe('clear');
    expect(run({ description: 'Bolts', hs_code: '7318158000', control_code: 'EAR99' }).verdict).toBe('clear');
    expect(run({ description: 'Bolts', hs_code: '7318158000', control_code: '不属于管制物项' }).verdict).toBe('clear');
  });

  it('a CAS number with a wrong check digit is reviewed; one without hyphens is read; words declare none', () => {
    const chemical = { description: 'Chemical intermediate', hs_code: '2930909099' };
    expect(ruleIds(run({ ...chemical, cas_number: '7664-39-4' }))).toContain('dualscreen.data.invalid-cas-number');
    expect(ruleIds(run({ ...chemical, cas_number: '7664394' }))).toContain('dualscreen.data.invalid-cas-number');
    expect(ruleIds(run({ ...chemical, cas_number: '7664393' }))).not.toContain('dualscreen.data.invalid-cas-number');
    expect(run({ ...chemical, cas_number: 'mixture' }).verdict).toBe('clear');
  });

  it('a label written into the HS cell is not part of the code', () => {
    expect(run({ description: 'Sinks', hs_code: 'HS 7324.10' }).verdict).toBe('clear');
    expect(run({ description: 'x', hs_code: 'HTS: 2846.90.19.40' }).verdict).toBe('license');
  });

  it('a well-formed code that no pack encodes is reviewed', () => {
    const r = run({ description: 'x', control_code: '9E999' });
    expect(ruleIds(r)).toEqual(['dualscreen.control-code.not-encoded']);
  });

  it('an unclassified row for a military user or a listed party cannot be cleared', () => {
    expect(ruleIds(run({ description: 'Spare parts', destination_country: 'JP', end_user: '陸上自衛隊' }))).toEqual(['test.measure.japan-military.unidentified']);
    expect(ruleIds(run({ description: 'Spare parts', consignee: 'MHI Aero Engines Ltd.' }))).toEqual(['test.measure.control-list.unidentified']);
    // a military use with no Japan or US nexus is no measure's, but an unclassified row cannot be cleared on it
    expect(ruleIds(run({ description: 'Spare parts', end_use: 'missile test stand' }))).toEqual(['dualscreen.data.unclassified-sensitive']);
  });

  it('ordinary goods for a military use on a row that names no country are reviewed: whose military it is decides', () => {
    const bolts = { description: 'Hex bolts M8 stainless', hs_code: '7318158000' };
    const r = run({ ...bolts, end_use: 'military radar maintenance' });
    expect(ruleIds(r)).toEqual(['dualscreen.data.military-no-country']);
    expect(r.findings[0]?.message).toContain('names no country');
    // a country on the row, or in the use's own words, says whose military it is
    expect(run({ ...bolts, end_use: 'military radar maintenance', destination_country: 'DE' }).verdict).toBe('clear');
    expect(run({ ...bolts, end_use: 'Republic of Korea military radar' }).verdict).toBe('clear');
    expect(ruleIds(run({ ...bolts, end_use: 'military radar, Japan' }))).toEqual(['dualscreen.data.military-no-country']);
    expect(run(bolts).verdict).toBe('clear');
  });

  it('a military user the description names as whom the goods are for is the row\'s military user, with its country', () => {
    const r = run({ description: 'Hex bolts M8, 陸上自衛隊向け', hs_code: '7318158000', destination_country: 'SG' });
    expect(ruleIds(r)).toEqual(['test.measure.japan-military.unidentified']);
    expect(r.findings[0]?.evidence).toContainEqual(expect.objectContaining({ field: 'description', matched: '陸上自衛隊', kind: 'party' }));
    // named, but not as the recipient: a style or a replica says nothing of the shipment
    expect(run({ description: '陸上自衛隊 迷彩柄 Tシャツ', hs_code: '6109100000', destination_country: 'JP' }).verdict).toBe('clear');
  });

  it('a military user the description names on its own, not as whom the goods are for, may still be the recipient: review, saying so', () => {
    const r = run({ description: 'Hex bolts M8 陸上自衛隊 災害派遣用', hs_code: '7318158000', destination_country: 'JP' });
    expect(r.verdict).toBe('review');
    expect(r.notes.join('\n')).toContain('named in the goods description, not as whom the goods are for');
    expect(run({ description: 'Spare parts, Japan Ground Self-Defense Force, Camp Asaka', hs_code: '8487900000', destination_country: 'JP' }).verdict).toBe('review');
    // a name that runs on into another word, an abbreviation, or a work's title is not a mention of the recipient
    expect(run({ description: '自衛隊仕様 ブーツ', hs_code: '6403990000', destination_country: 'JP' }).verdict).toBe('clear');
    expect(run({ description: 'JGSDF camouflage cap', hs_code: '6505009000', destination_country: 'JP' }).verdict).toBe('clear');
    expect(run({ description: '《陆上自卫队》 图书', hs_code: '4901990000', destination_country: 'JP' }).verdict).toBe('clear');
  });

  it('an unclassified row whose description matches nothing is clear with a data-quality note', () => {
    const r = run({ description: 'Spare parts', destination_country: 'JP' });
    expect(r.verdict).toBe('clear');
    expect(r.notes).toContain('no HS code or control code: judged on the description alone');
  });
});

describe('scope', () => {
  const row = { description: 'Samarium oxide', hs_code: '2846901940', destination_country: 'JP', end_use: 'military' };

  it('a row exported from and made outside China is outside these measures', () => {
    const r = run({ ...row, origin_country: 'Vietnam', export_country: 'VN' });
    expect(r.verdict).toBe('clear');
    expect(r.notes[0]).toContain('outside these PRC measures');
  });

  it('a China-origin item re-exported from a third country is in scope', () => {
    expect(run({ ...row, origin_country: 'PRC', export_country: 'Singapore' }).verdict).toBe('prohibited');
  });

  it('an origin cell of several countries is China where China is one of them, not "中国香港" read whole', () => {
    expect(run({ ...row, origin_country: '中国/香港', export_country: 'HK' }).verdict).toBe('prohibited');
    expect(run({ ...row, origin_country: 'China / Vietnam', export_country: 'VN' }).verdict).toBe('prohibited');
    expect(run({ ...row, origin_country: 'Japan/Korea', export_country: 'JP' }).verdict).toBe('clear');
    expect(run({ ...row, origin_country: 'Hong Kong, China', export_country: 'HK' }).verdict).toBe('clear');
  });

  it('exported from a third country with the origin not given, a transfer clause raises review only', () => {
    const r = run({ ...row, export_country: 'VN' });
    expect(r.verdict).toBe('review');
    expect(r.findings[0]).toMatchObject({ ruleId: 'test.measure.japan-military', verdict: 'review' });
    expect(r.findings[0]?.message).toMatch(/^exported from VN, origin not given: if the goods are of PRC origin, /);
    expect(run({ ...row, origin_country: 'CN' }).verdict).toBe('prohibited');
  });

  it("on a re-export the item's own licence requirement is a note, not a finding", () => {
    const r = run({ description: 'Samarium oxide', hs_code: '2846901940', destination_country: 'DE', origin_country: 'CN', export_country: 'SG' });
    expect(r.verdict).toBe('clear');
    expect(r.notes.join()).toMatch(/re-export from SG: dual-use item: export licence required: 1C902\.b .*licence requirement applies to exports from China/);
  });

  it('a re-export reaches a control-list party only where its listing bars transfers', () => {
    const reexport = { description: 'Samarium oxide', hs_code: '2846901940', origin_country: 'CN', export_country: 'SG' };
    expect(run({ ...reexport, consignee: 'KGM株式会社' }).verdict).toBe('prohibited');
    expect(run({ ...reexport, consignee: 'Lockheed Martin Corporation' }).verdict).toBe('clear');
    expect(run({ ...reexport, consignee: 'Lockheed Martin Corporation', origin_country: 'CN', export_country: 'CN' }).verdict).toBe('prohibited');
  });
});

describe('--hs-scheme intl', () => {
  it('compares only the first 6 digits of a foreign tariff code', () => {
    expect(run({ description: 'x', hs_code: '2846.90.123' }, '2026-11-28', 'intl').verdict).toBe('review');
    expect(run({ description: 'x', hs_code: '2846.90.123' }, '2026-11-28', 'cn').findings[0]?.ruleId).toBe('dualscreen.data.invalid-hs-code');
  });

  it('judges a 10-digit code that is a Chinese reference code in full as that code, and says so', () => {
    const r = run({ description: 'oxide powder', hs_code: '2846901940' }, '2026-11-28', 'intl');
    expect(r.verdict).toBe('license');
    expect(r.notes.join(' ')).toContain("under another country's tariff column, but its 10 digits are a Chinese reference code");
    // another 10-digit code of the heading (a US HTS number) is still compared on its 6 digits
    expect(run({ description: 'oxide powder', hs_code: '2846901000' }, '2026-11-28', 'intl').verdict).toBe('review');
  });
});

describe('fail closed on military users and listed parties (issue 10)', () => {
  const laptop = { description: 'Notebook computers', hs_code: '8471300000' };

  it('ordinary goods with a valid HS code for a Japanese military user are reviewed, not cleared', () => {
    const r = run({ ...laptop, destination_country: 'JP', end_user: 'Japan Ground Self-Defense Force' });
    expect(r.verdict).toBe('review');
    expect(ruleIds(r)).toEqual(['test.measure.japan-military.unidentified']);
  });

  it('the same for a party on the control list, also when it is not Japanese', () => {
    expect(ruleIds(run({ ...laptop, consignee: 'Lockheed Martin Corporation' }))).toEqual(['test.measure.control-list.unidentified']);
  });

  it('identified goods keep their verdict, and rows with no such party or use are unaffected', () => {
    expect(run({ description: 'Samarium oxide', hs_code: '2846901940', consignee: 'Lockheed Martin Corporation' }).verdict).toBe('prohibited');
    expect(run({ ...laptop, destination_country: 'JP', end_use: 'office work' }).verdict).toBe('clear');
  });

  it('a watch-list party with goods that are not dual-use keeps its note', () => {
    const r = run({ ...laptop, consignee: 'TDK Corporation' });
    expect(r.verdict).toBe('clear');
    expect(r.notes.join()).toContain('TDK Corporation');
  });
});

describe('military users carry their country', () => {
  const samarium = { description: 'Samarium oxide', hs_code: '2846901940' };

  it('a Japanese military user found by name is a Japan nexus wherever the row says it is', () => {
    expect(run({ ...samarium, consignee_country: 'SG', end_user: '陸上自衛隊' }).verdict).toBe('prohibited');
    expect(run({ ...samarium, end_user: 'Japan Ground Self-Defense Force' }).verdict).toBe('prohibited');
  });

  it('a US military user carries the US: clause 1 of the US measure', () => {
    const r = run({ ...samarium, end_user: 'AFRL' });
    expect(r.verdict).toBe('prohibited');
    expect(ruleIds(r)).toContain('test.measure.us-military');
  });

  it("a generic name (\"Ministry of Defense\") names Japan's ministry only on a row that gives Japan", () => {
    expect(run({ ...samarium, destination_country: 'GB', consignee: 'Ministry of Defense' }).verdict).toBe('license');
    expect(run({ ...samarium, destination_country: 'JP', consignee: 'Ministry of Defense' }).verdict).toBe('prohibited');
    expect(run({ ...samarium, destination_country: 'US', consignee: 'Ministry of Defense, Japan' }).verdict).toBe('prohibited');
    expect(run({ ...samarium, destination_country: 'GB', consignee: 'Ministry of Defense, United Kingdom' }).verdict).toBe('license');
  });

  it('an end use that names a military user ("for JGSDF", 陸上自衛隊向け) is that user, whoever the consignee and wherever it goes', () => {
    const r = run({ ...samarium, destination_country: 'DE', consignee: 'Hanse Industrial GmbH', end_use: 'spares for JGSDF radar' });
    expect(r.verdict).toBe('prohibited');
    expect(r.findings[0]!.evidence.filter((e) => e.field === 'end_use')).toHaveLength(1);
    expect(run({ ...samarium, destination_country: 'DE', end_use: '陸上自衛隊向け' }).verdict).toBe('prohibited');
  });

  it('a listed party the description names as whom the goods are for is the row\'s party, as in the end use; named otherwise, it is not', () => {
    const listed = (description: string) => run({ description, hs_code: '2846901940', destination_country: 'SG', consignee: 'Hanse Industrial GmbH' }).nexus?.listedParty;
    expect(listed('Samarium oxide 99.9% for Mitsubishi Heavy Industries Aero Engines, Ltd.')).toBe('control');
    expect(listed('氧化钐 99.9% 供三菱重工航空エンジン株式会社')).toBe('control');
    expect(listed('酸化サマリウム 三菱重工航空エンジン向け')).toBe('control');
    expect(listed('Samarium oxide 99.9% for TDK Corporation')).toBe('watch');
    // the name in brackets after its abbreviation
    expect(listed('SAMARIUM OXIDE 99.9% FOR MHIAE (MITSUBISHI HEAVY INDUSTRIES AERO ENGINES, LTD.)')).toBe('control');
    // the goods' maker or a brand, not the recipient
    expect(listed('Samarium oxide 99.9%, made by TDK Corporation')).toBeNull();
    expect(listed('TDK Corporation samarium oxide 99.9%')).toBeNull();
    expect(run({ description: 'Samarium oxide 99.9% for Mitsubishi Heavy Industries Aero Engines, Ltd.', hs_code: '2846901940', destination_country: 'JP' }).verdict).toBe('prohibited');
  });

  it('Chinese and Japanese end uses run on without spaces: a listed name is found where it starts, or after a full-width mark', () => {
    const listed = (end_use: string) => run({ ...samarium, destination_country: 'SG', end_use }).nexus?.listedParty;
    expect(listed('用于三菱重工航空エンジン株式会社F-2维修')).toBe('control');
    expect(listed('最終納入先：三菱重工航空エンジン株式会社 小牧')).toBe('control');
    expect(listed('最終納入先三菱重工航空エンジン株式会社')).toBe('control');
    expect(listed('三菱商事经销 民用汽车零件')).toBeNull();
    // a name run into the marker of whom the goods are for is read without it
    expect(listed('三菱重工航空エンジン向け')).toBe('control');
  });

  it('an abbreviation counts in an end use where the military terms name it, or in capitals of four letters or more', () => {
    expect(run({ ...samarium, destination_country: 'DE', end_use: 'AFRL program support' }).verdict).toBe('prohibited');
    // written in small letters it is a word like any other: "afrl" names no one in prose
    expect(run({ ...samarium, destination_country: 'DE', end_use: 'afrl program support' }).verdict).toBe('license');
    expect(run({ ...samarium, destination_country: 'DE', consignee: 'AFRL' }).verdict).toBe('prohibited');
  });

  it('an end use that comes near a listed name is a possible match, as in a party column', () => {
    const r = run({ ...samarium, destination_country: 'DE', consignee: 'Hanse Industrial GmbH', end_use: 'parts for Lockheed Martin F-35 programme' });
    expect(ruleIds(r)).toContain('dualscreen.party.possible-match');
    expect(run({ description: 'Office chairs', hs_code: '9401300000', destination_country: 'DE', end_use: 'parts for Lockheed Martin F-35 programme' }).verdict).toBe('clear');
  });
});

describe('drone catch-all (2024 No. 31)', () => {
  it('any drone for a military user or use is prohibited, whatever its specification', () => {
    expect(run({ description: 'Quadcopter, 2 kg', hs_code: '8806221090', end_user: '陸上自衛隊' }).verdict).toBe('prohibited');
    expect(ruleIds(run({ description: 'ドローン 空撮用', end_use: 'military reconnaissance' }))).toContain('test.measure.uav');
  });

  it('a drone for civilian use, and a toy drone even for the military, are not caught', () => {
    expect(run({ description: 'Agricultural spraying drone', hs_code: '8806221090', end_use: 'crop spraying' }).verdict).toBe('clear');
    expect(ruleIds(run({ description: 'Toy drone with camera', hs_code: '9503008900', end_user: '陸上自衛隊' }))).not.toContain('test.measure.uav');
  });
});

describe('Unreliable Entity List and defence contractors', () => {
  it('a UEL listing that bans trade prohibits any export to the entity', () => {
    const r = run({ description: 'Office chairs', hs_code: '9401300000', consignee: 'Acme Defense Systems Inc.' });
    expect(r.verdict).toBe('prohibited');
    expect(ruleIds(r)).toEqual(['test.measure.uel-ban']);
  });

  it('a UEL listing without a trade ban is a note, not a finding', () => {
    const r = run({ description: 'Office chairs', hs_code: '9401300000', consignee: 'PVH Group' });
    expect(r.verdict).toBe('clear');
    expect(r.notes.join()).toContain("PVH Group on China's Unreliable Entity List");
  });

  it('a dual-use item to a prime contractor of the Ministry of Defense is reviewed, never more; other goods are clear', () => {
    const r = run({ description: 'Samarium oxide', hs_code: '2846901940', consignee: 'Mitsubishi Heavy Industries, Ltd.' });
    expect(r.verdict).toBe('license');
    expect(ruleIds(r)).toContain('test.measure.contractor');
    expect(run({ description: 'Office chairs', hs_code: '9401300000', consignee: '三菱重工業株式会社' }).verdict).toBe('clear');
  });
});

describe('listings suspended and stopped', () => {
  const row = { description: 'Samarium oxide', hs_code: '2846901940', consignee: 'Sierra Nevada Corporation' };

  it('counts from the listing date, not inside a suspension, again after it, and not after a stop', () => {
    expect(run(row, '2025-05-13').verdict).toBe('prohibited');
    const suspended = run(row, '2025-05-14');
    expect(suspended.verdict).toBe('license');
    expect(suspended.notes.join()).toContain('suspended from 2025-05-14 to 2025-08-11');
    expect(run(row, '2025-08-12').verdict).toBe('prohibited');
    const stopped = run(row, '2025-11-10');
    expect(stopped.verdict).toBe('license');
    expect(stopped.notes.join()).toContain('measures stopped from 2025-11-10');
  });
});

describe('names as paperwork writes them', () => {
  const samarium = { description: 'Samarium oxide', hs_code: '2846901940' };

  it('the exact published name blocks even where the name alone only flags for review', () => {
    expect(run({ ...samarium, consignee: 'KGM株式会社' }).verdict).toBe('prohibited');
    expect(run({ ...samarium, consignee: 'KGM Co., Ltd.' }).verdict).toBe('license');
  });

  it("a listed subsidiary's abbreviation never matches its unlisted parent", () => {
    const r = run({ ...samarium, consignee: 'Mitsubishi Heavy Industries, Ltd.' });
    expect(ruleIds(r)).not.toContain('dualscreen.party.possible-match');
    expect(run({ ...samarium, consignee: 'MHI-MME' }).verdict).toBe('prohibited');
  });

  it('Japanese, traditional and simplified kanji are one name', () => {
    expect(run({ ...samarium, consignee: '三菱電機防衛與空間技術株式会社' }).verdict).toBe('prohibited');
    expect(run({ ...samarium, consignee: '三菱電機防衛与空間技術株式会社' }).verdict).toBe('prohibited');
  });

  it('a plant or works after a listed Japanese name, and a space inside it, do not hide it', () => {
    expect(run({ ...samarium, consignee: '三菱重工航空エンジン株式会社 小牧工場' }).verdict).toBe('prohibited');
    expect(run({ ...samarium, consignee: '三菱重工 航空エンジン株式会社' }).verdict).toBe('prohibited');
    expect(run({ ...samarium, consignee: 'Lock heed Martin Corporation' }).verdict).toBe('prohibited');
  });

  it('abbreviations of military users and their units', () => {
    expect(run({ ...samarium, end_user: '陸自第1空挺団' }).verdict).toBe('prohibited');
    expect(run({ ...samarium, end_user: 'JGSDF 1st Airborne Brigade' }).verdict).toBe('prohibited');
  });
});

describe('keywords written in capitals', () => {
  it('an abbreviation keyword counts only in capitals', () => {
    expect(run({ description: 'HMX explosive', hs_code: '2933998000' }, '2026-11-28').verdict).toBe('review');
    expect(run({ description: 'hmx-200 fitting', hs_code: '7307990000' }, '2026-11-28').verdict).toBe('clear');
  });
});

describe('what the description says the goods are not', () => {
  it('cancels a keyword match: the description says the goods are not the item', () => {
    expect(run({ description: 'High-voltage DC power supply 30 kV, 1.5 A' }).verdict).toBe('review');
    expect(run({ description: 'High-voltage DC power supply 30 kV, 10 mA' }).verdict).toBe('clear');
    expect(run({ description: 'High-voltage DC power supply 5 kV, 2 A' }).verdict).toBe('clear');
  });

  it('says nothing where one stated value is past it, or the parameter is not stated', () => {
    expect(run({ description: 'High-voltage DC power supply, input 220 V, output 30 kV' }).verdict).toBe('review');
    expect(run({ description: 'High-voltage DC power supply, stability 0.01 %' }).verdict).toBe('review');
  });

  it('nor does a phrase of excludedWith, wherever it stands: the item goes, a reference code still counts', () => {
    expect(run({ description: 'High-voltage DC power supply 60 kV 2 A, for electrostatic precipitator' }).verdict).toBe('clear');
    expect(run({ description: 'Electrostatic precipitator spares; high-voltage DC power supply 60 kV 2 A' }).verdict).toBe('clear');
    expect(run({ description: 'High-voltage DC power supply 60 kV 2 A, for electrostatic precipitator', hs_code: '8504401930' }).verdict).toBe('license');
  });

  it("an announcement item's exclusions rule out the catalogue entry of its code under a subheading too", () => {
    expect(run({ description: 'Power supply for electrostatic precipitator', hs_code: '850440' }).verdict).toBe('clear');
    expect(run({ description: 'Power supply, 60 kV', hs_code: '850440' }).verdict).toBe('review');
  });

  it('turns a 10-digit reference code into a question, never into clear: the technical description governs the code', () => {
    const r = run({ description: 'High-voltage DC power supply 30 kV, 10 mA', hs_code: '8504401930' });
    expect(r.verdict).toBe('review');
    expect(r.findings[0]?.message).toContain('the technical description governs');
  });
});

describe('LOW listings and possible matches', () => {
  const laptop = { description: 'Notebook computers', hs_code: '8471300000' };

  it('a party listed only as a LOW fact raises review, whatever the goods, never more', () => {
    const dualUse = run({ description: 'Samarium oxide', hs_code: '2846901940', consignee: 'Rheinmetall AG' });
    expect(dualUse.verdict).toBe('license');
    expect(dualUse.findings.find((f) => f.ruleId === 'test.measure.control-list')).toMatchObject({ verdict: 'review' });
    expect(dualUse.findings.find((f) => f.ruleId === 'test.measure.control-list')?.message).toContain('LOW-confidence or review-only fact: review only');
    expect(ruleIds(run({ ...laptop, consignee: 'Rheinmetall AG' }))).toEqual(['test.measure.control-list.unidentified']);
  });

  it('a possible match to a UEL entity whose listing bans trade is reviewed whatever the goods', () => {
    const r = run({ ...laptop, consignee: 'Acme Defense Systems Co., Ltd.' });
    expect(r.verdict).toBe('review');
    expect(ruleIds(r)).toEqual(['dualscreen.party.possible-match']);
  });

  it('a listed name printed with its country after a comma is found without it', () => {
    expect(run({ description: 'Samarium oxide', hs_code: '2846901940', consignee: 'CSBC Corp.' }).verdict).toBe('prohibited');
  });
});

describe('pathological cells', () => {
  it('a keyword repeated 20,000 times in one cell costs a binary search per hit, not a scan of the text', () => {
    const description = 'dysprosium, dysprosium-free; '.repeat(20_000);
    const started = performance.now();
    const r = run({ description, hs_code: '8505111000' });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(ruleIds(r)).toContain('cn.dual-use.1C905.a');
  });
});

describe('a control code written in the description', () => {
  it('is a possible match (review) where the packs encode the code, saying it was quoted, not declared', () => {
    const r = run({ description: 'Oxide powder, 1C902.b', hs_code: '2825909000' });
    expect(r.verdict).toBe('review');
    expect(r.findings[0]).toMatchObject({ ruleId: 'cn.dual-use.1C902.b', evidence: [{ field: 'description', matched: '1C902.b', kind: 'control-code' }] });
    expect(r.findings[0]?.message).toContain('the description quotes control code 1C902.b');
  });

  it('is nothing where no pack encodes the code: another list numbers other goods the same way', () => {
    expect(run({ description: 'Spare parts per 9A004', hs_code: '8803300000' }).verdict).toBe('clear');
  });
});

describe('a control code declared in the words of the 2025 announcements (属于两用物项, REGULATIONS §5.10)', () => {
  it('is a declaration in the description: a licence row, saying where it was declared', () => {
    const r = run({ description: '氧化钐 99.9%，属于两用物项，管制编码1C902.b', hs_code: '2825909000' });
    expect(r.verdict).toBe('license');
    expect(r.findings[0]).toMatchObject({ ruleId: 'cn.dual-use.1C902.b', evidence: [{ field: 'description', matched: '1C902.b', kind: 'control-code' }] });
    expect(r.findings[0]?.message).toContain('the description declares a dual-use item with control code 1C902.b');
  });

  it('is a declaration in a remarks column beside the goods, written without spaces and in traditional characters too', () => {
    const remark = '屬於兩用物項，管制編碼：1C902.b';
    const row = makeRow('t.csv', 1, 2, { description: '氧化物粉末', hs_code: '2825909000' }, { 備註: remark }, 'cn', [], [{ field: '備註', value: remark }]);
    const r = screen(row, rules, { asOf: '2026-11-28' });
    expect(r.verdict).toBe('license');
    expect(r.findings[0]?.evidence).toEqual([{ field: '備註', value: '屬於兩用物項，管制編碼：1C902.b', matched: '1C902.b', kind: 'control-code' }]);
  });

  it('is a declaration in a remark in English, French, Spanish or German too, unless it says the goods are not dual-use', () => {
    const remark = (text: string) =>
      screen(makeRow('t.csv', 1, 2, { description: 'oxide powder', hs_code: '2825909000' }, { Remarques: text }, 'cn', [], [{ field: 'Remarques', value: text }]), rules, { asOf: '2026-11-28' });
    for (const text of ['Article à double usage – code de contrôle chinois 1C902.b', 'Dual-use item, China control code 1C902.b', 'Artículo de doble uso, código 1C902.b', 'Dual-Use-Gut, CN-Code 1C902.b']) {
      expect(remark(text).verdict, text).toBe('license');
    }
    for (const text of ['Non-dual-use item (1C902.b not met)', 'pas à double usage 1C902.b', 'EU dual-use 1C902.b']) expect(remark(text).verdict, text).not.toBe('license');
    // a column left out with --ignore-columns (a label's note) is kept in the report's extras but declares nothing
    const ignored = makeRow('t.csv', 1, 2, { description: 'oxide powder', hs_code: '2825909000' }, { note: 'Dual-use item, China control code 1C902.b' }, 'cn');
    expect(screen(ignored, rules, { asOf: '2026-11-28' }).verdict).not.toBe('license');
  });

  it('says the opposite as 不属于两用物项: the code stays a quoted one (review)', () => {
    const r = run({ description: '氧化物粉末 不属于两用物项 参照1C902.b 纯度99%', hs_code: '2825909000' });
    expect(r.verdict).toBe('review');
    expect(r.findings[0]?.message).toContain('the description quotes control code 1C902.b');
  });
});

describe('a control code written in the description beside a declared one', () => {
  it('adds nothing when it is the declared code, its heading or a sub-item of it', () => {
    const declared = run({ description: 'Samarium oxide per 1C902 (1C902.b)', control_code: '1C902.b' });
    expect(declared.verdict).toBe('license');
    expect(declared.findings.flatMap((f) => f.evidence.filter((e) => e.field === 'description'))).toEqual([]);
  });
});
