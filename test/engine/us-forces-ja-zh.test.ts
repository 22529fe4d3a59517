/** US forces named in Japanese and Chinese paperwork (round r12a), screened with the shipped packs. */
import { describe, expect, it } from 'vitest';
import { screenRow } from './screen-row.js';

const gloves = { description: 'Nitrile gloves, box of 100', hs_code: '4015190000' };
const bismuth = { description: 'Bismuth ingot 99.99%', hs_code: '8106101091' };

describe('a US military user named by a LOW name on a row to Japan', () => {
  it('brings the US for review only: ordinary goods review, an identified item keeps its licence and a review finding', () => {
    expect(screenRow({ ...gloves, destination_country: 'JP', end_user: '美国导弹防御局' }).verdict).toBe('review');
    const r = screenRow({ ...bismuth, destination_country: 'JP', consignee: 'ミサイル防衛局' });
    expect(r.verdict).toBe('license');
    expect(r.findings.find((f) => f.ruleId.startsWith('cn.measure.2024-46.us-military'))?.verdict).toBe('review');
  });

  it('not by a review-only abbreviation, whose letters name others too', () => {
    expect(screenRow({ ...gloves, destination_country: 'JP', consignee: 'DLA' }).verdict).toBe('clear');
  });
});

describe('米軍 / 美军 written before a base', () => {
  it('is the base: 米軍嘉手納基地 and 美军普天间基地 are the US forces', () => {
    expect(screenRow({ ...bismuth, destination_country: 'JP', consignee: '米軍嘉手納基地' }).verdict).toBe('prohibited');
    expect(screenRow({ ...gloves, destination_country: 'JP', consignee: '美军普天间基地' }).verdict).toBe('review');
  });

  it('but 米軍 alone in a name is no military user: a surplus shop, a US-style-house cafe', () => {
    for (const consignee of ['ミリタリーショップ ベースライン（米軍放出品）', 'ジョンソンタウン 米軍ハウス カフェ', '北京美军军品店 户外用品']) {
      expect(screenRow({ ...gloves, destination_country: 'JP', consignee }).verdict, consignee).toBe('clear');
    }
  });
});
