/** CAS numbers as suppliers write them (round 82): with spaces in the CAS column, straight after the word CAS in the text. */
import { describe, expect, it } from 'vitest';
import { screenRow } from './screen-row.js';

describe('a CAS number as a chemical supplier writes it', () => {
  const tea = { description: '三乙醇胺 85% 工业级 225kg', hs_code: '292215', origin_country: 'CN', destination_country: 'VN' };

  it('written with spaces for its hyphens, it identifies the chemical when its check digit checks', () => {
    expect(screenRow({ ...tea, cas_number: '102 71 6' }).verdict).toBe('license');
    const wrong = screenRow({ ...tea, cas_number: '102 71 7' });
    expect(wrong.findings.map((f) => f.ruleId)).toContain('dualscreen.data.invalid-cas-number');
    expect(wrong.verdict).toBe('review');
  });

  it('written straight after the word CAS in the description, it identifies the chemical', () => {
    const phosphite = { description: '亜リン酸トリメチル 98% 500mL CAS121-45-9', hs_code: '292023', origin_country: 'CN' };
    expect(screenRow({ ...phosphite, destination_country: 'KR' }).verdict).toBe('license');
    expect(screenRow({ ...phosphite, destination_country: 'JP', end_user: '陸上自衛隊化学学校' }).verdict).toBe('prohibited');
  });

  it("names an ingredient, not the goods, where the description says they are what the item leaves out or the HS code is another chapter's", () => {
    const fluoride = { origin_country: 'CN', destination_country: 'SG', cas_number: '7681-49-4' };
    expect(screenRow({ ...fluoride, description: 'Fluoride toothpaste 120 g tube, sodium fluoride 0.24%', hs_code: '330610' }).verdict).toBe('review');
    expect(screenRow({ ...fluoride, description: 'Surface treatment agent, proprietary blend', hs_code: '340290' }).verdict).toBe('review');
    expect(screenRow({ ...fluoride, description: 'Sodium fluoride 98% 25 kg bags', hs_code: '282611' }).verdict).toBe('license');
    expect(screenRow({ ...fluoride, description: 'Sodium fluoride for toothpaste manufacturing', hs_code: '282611' }).verdict).toBe('license');
  });
});
