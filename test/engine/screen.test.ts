import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { screen } from '../../src/engine/screen.js';
import type { Result } from '../../src/engine/types.js';
import { makeRow, type RowValues } from '../../src/manifest/row.js';
import { compileRuleSet } from '../../src/rules/compile.js';
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

  it('an 8-digit reference line matches 10-digit codes beneath it', () => {
    expect(run({ description: 'x', hs_code: '2805301990' }, '2026-11-11').verdict).toBe('license');
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
    expect(ruleIds(r)).toContain('dualscreen.party.possible-match');
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

  it('a label written into the HS cell is not part of the code', () => {
    expect(run({ description: 'Sinks', hs_code: 'HS 7324.10' }).verdict).toBe('clear');
    expect(run({ description: 'x', hs_code: 'HTS: 2846.90.19.40' }).verdict).toBe('license');
  });

  it('a well-formed code that no pack encodes is reviewed', () => {
    const r = run({ description: 'x', control_code: '9E999' });
    expect(ruleIds(r)).toEqual(['dualscreen.control-code.not-encoded']);
  });

  it('an unclassified row for a military user or a listed party cannot be cleared', () => {
    expect(ruleIds(run({ description: 'Spare parts', destination_country: 'JP', end_user: '陸上自衛隊' }))).toContain('dualscreen.data.unclassified-sensitive');
    expect(run({ description: 'Spare parts', consignee: 'MHI Aero Engines Ltd.' }).verdict).toBe('review');
    expect(run({ description: 'Spare parts', end_use: 'missile test stand' }).verdict).toBe('review');
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

  it('a missing origin or export country keeps the row in scope', () => {
    expect(run({ ...row, export_country: 'VN' }).verdict).toBe('prohibited');
  });
});

describe('--hs-scheme intl', () => {
  it('compares only the first 6 digits of a foreign tariff code', () => {
    expect(run({ description: 'x', hs_code: '2846.90.123' }, '2026-11-28', 'intl').verdict).toBe('review');
    expect(run({ description: 'x', hs_code: '2846.90.123' }, '2026-11-28', 'cn').findings[0]?.ruleId).toBe('dualscreen.data.invalid-hs-code');
  });
});
