import { describe, expect, it } from 'vitest';
import { standsAsPurpose } from '../../src/engine/purpose.js';
import { foldText } from '../../src/match/fold.js';

/** Whether `phrase` (folded) stands as the goods' purpose in `description`. */
function asPurpose(description: string, phrase: string): boolean {
  const text = foldText(description);
  const folded = foldText(phrase);
  const at = text.indexOf(folded);
  expect(at).not.toBe(-1);
  return standsAsPurpose(text, at, at + folded.length);
}

describe('a phrase written as what the goods are for', () => {
  it('after "for", 用于 or 供, or before 用, 製造用 or 向け', () => {
    expect(asPurpose('Bacillus anthracis, live culture, for test kit production', 'test kit')).toBe(true);
    expect(asPurpose('Strain for use in ELISA kit manufacture', 'ELISA kit')).toBe(true);
    expect(asPurpose('炭疽芽孢杆菌 活菌株 用于试剂盒生产', '试剂盒')).toBe(true);
    expect(asPurpose('炭疽菌 生菌株 検査キット製造用', '検査キット')).toBe(true);
    expect(asPurpose('試薬 キット向け', 'キット')).toBe(true);
    expect(asPurpose('GaN epitaxial wafer 6 inch, for fast charger power devices', 'charger')).toBe(true);
    expect(asPurpose('氮化镓外延片 6英寸 用于快充充电器', '充电器')).toBe(true);
  });

  it('not where it names the goods themselves', () => {
    expect(asPurpose('Bacillus anthracis real-time PCR detection kit, 48 tests', 'detection kit')).toBe(false);
    expect(asPurpose('炭疽芽孢杆菌核酸检测试剂盒', '检测试剂盒')).toBe(false);
    expect(asPurpose('检测试剂盒用于检测炭疽', '检测试剂盒')).toBe(false);
    expect(asPurpose('PCR kit forms part of the order', 'PCR kit')).toBe(false);
    expect(asPurpose('GaN charger 65W, for laptops', 'charger')).toBe(false);
    expect(asPurpose('For research use only. Ebola virus PCR kit', 'PCR kit')).toBe(false);
  });
});
