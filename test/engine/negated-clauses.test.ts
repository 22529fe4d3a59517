/** End-user statements' negated clauses: what the goods will not be used for is no military use (negated-clauses.ts). */
import { describe, expect, it } from 'vitest';
import { screenRow } from './screen-row.js';

const tellurium = { description: 'Tellurium metal 4N', hs_code: '2804500001', origin_country: 'CN', destination_country: 'JP', consignee: '長瀬産業株式会社' };
const verdictFor = (end_use: string): string => screenRow({ ...tellurium, end_use }).verdict;

describe('a clause that says what the goods will not be used for or passed to', () => {
  it("the statement's standard undertakings leave an identified item a licence, in Chinese, Japanese and English", () => {
    for (const endUse of [
      '最终用户承诺书：用于PET医疗影像探测器；不用于大规模杀伤性武器及其运载工具的研制、生产或使用；不用于任何军事用途或军事最终用户。',
      '不向日本自卫队转让，用于热电制冷片生产',
      '【需要者・用途誓約】大量破壊兵器等の開発、製造、使用又は貯蔵には使用しません。用途はX線検査装置であり、軍事目的には一切使用しないことを誓約します。',
      'カメラ店での販売用。軍事用途への使用及び自衛隊への転売は行いません',
      '需要者は軍事用途不使用の誓約書に署名済み。用途はX線検査装置',
      'End-use certificate: the goods will be used for thermoelectric cooler production and will not be used for any military end use or transferred to the JSDF; they will not be used in connection with weapons of mass destruction or their means of delivery.',
    ]) {
      expect(verdictFor(endUse), endUse).toBe('license');
    }
  });

  it('a military user or use in another clause of the same statement still counts', () => {
    expect(verdictFor('用于光通信，不用于民用领域，最终用户为日本陆上自卫队')).toBe('prohibited');
    expect(verdictFor('Goods will not be resold; end user: JASDF 2nd Air Wing')).toBe('prohibited');
    expect(verdictFor('will not be used for civil products, but for missile seeker windows')).toBe('prohibited');
    expect(verdictFor('大量破壊兵器には使用しません。需要者は陸上自衛隊 化学学校です。')).toBe('prohibited');
  });

  it('"other than" turns the negation around: for military use only', () => {
    expect(verdictFor('除军事用途外不用于其他用途')).toBe('prohibited');
    expect(verdictFor('will not be used other than for military aircraft maintenance')).toBe('prohibited');
    // the packs' fixed phrase 軍事用途以外 (other than military use) before a negated use
    expect(verdictFor('軍事用途以外には使用しません')).toBe('prohibited');
    expect(verdictFor('本品は軍事用途以外に使用しない')).toBe('prohibited');
    expect(verdictFor('用途：軍事用途以外（民生用電子部品）')).toBe('license');
  });
});
