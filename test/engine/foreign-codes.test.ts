/** Another country's classification in the control-code column (ECCN, EU Annex I, Japan's 該非, Korea's 전략물자) declares none of China's codes. */
import { describe, expect, it } from 'vitest';
import { screenRow } from './screen-row.js';

describe("a control-code cell that gives another country's classification", () => {
  it('is judged by the goods, with a note, not as the China code of the same number', () => {
    // the US 3A001.a.2 is electronics; China's 3A001 is lithium cells
    const mcu = screenRow({ description: '32-bit MCU, automotive grade', hs_code: '8542319000', control_code: 'ECCN 3A001.a.2.c', destination_country: 'DE' });
    expect(mcu.verdict).not.toBe('license');
    expect(mcu.findings.map((f) => f.ruleId)).not.toContain('dualscreen.data.invalid-control-code');
    expect(mcu.notes.join(' ')).toMatch(/another country's classification \(ECCN\), not China's/);
    // a foreign "not controlled" is no unreadable code, and does not clear goods China controls
    expect(screenRow({ description: 'Cotton T-shirts', hs_code: '610910', control_code: 'EU DU: n/a', destination_country: 'DE' }).verdict).toBe('clear');
    expect(screenRow({ description: 'Bismuth ingot 99.99%', hs_code: '8106101091', control_code: 'EAR99', destination_country: 'DE' }).verdict).toBe('license');
    expect(screenRow({ description: 'ビスマス地金 99.99%', hs_code: '8106101091', control_code: '該非判定：非該当', destination_country: 'JP' }).verdict).toBe('license');
  });

  it('keeps a military user without classified goods a review, and China\'s code under "CN ECCN" a declaration', () => {
    expect(screenRow({ description: 'Spare parts', control_code: 'ECCN 9A012', destination_country: 'JP', consignee: '陸上自衛隊' }).verdict).toBe('review');
    const declared = screenRow({ description: 'Bismuth ingot', control_code: 'CN ECCN 6C001.a', destination_country: 'DE' });
    expect(declared.verdict).toBe('license');
    expect(declared.findings.map((f) => f.ruleId)).toEqual(['cn.dual-use.6C001.a']);
  });
});
