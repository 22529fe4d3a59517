/** Parties known by an address only, and namesakes of listed names (round r11b), screened with the shipped packs. */
import { describe, expect, it } from 'vitest';
import { foldAddress } from '../../src/match/addresses.js';
import { screenRow } from './screen-row.js';

const paper = { description: 'Copy paper A4 80 g/m2, 5 reams', hs_code: '4802560000' };
const bismuth = { description: 'Bismuth ingot 99.99%', hs_code: '8106101091' };

describe('a military user known only by its address', () => {
  it('an APO/FPO address is the US military: review, and the finding says whose address it is', () => {
    const r = screenRow({ ...paper, destination_country: 'JP', consignee: 'PSC 473 Box 1, FPO AP 96349' });
    expect(r.verdict).toBe('review');
    expect(r.findings.map((f) => f.ruleId)).toContain('cn.measure.2024-46.us-military.unidentified');
    expect(r.findings[0]!.message).toMatch(/military post office \(APO\/FPO\) address.*: fpo ap 96349/);
  });

  it('also in the end-user column, in capitals, with ZIP+4 and in full width, and in the end use', () => {
    for (const values of [
      { end_user: 'SGT J. Miller, Unit 15432, APO AE 09391' },
      { consignee: 'UNIT 3050 BOX 10, APO AP 96205' },
      { consignee: 'CMR 467 Box 3010, APO AE 09096-3010' },
      { consignee: 'Ｕｎｉｔ　５０００，ＡＰＯ　ＡＰ　９６３２８' },
      { consignee: 'Sankyu Inc.', end_use: 'Notify: Unit 3000 Box 12, APO AP 96343' },
    ]) {
      expect(screenRow({ ...paper, destination_country: 'DE', ...values }).verdict).toBe('review');
    }
  });

  it('never prohibits by the address alone: an identified item stays at licence, a drone at review', () => {
    const r = screenRow({ ...bismuth, destination_country: 'JP', consignee: 'PSC 78 Box 2000, APO AP 96326' });
    expect(r.verdict).toBe('license');
    const measure = r.findings.find((f) => f.ruleId.startsWith('cn.measure.2024-46'));
    expect(measure?.verdict).toBe('review');
    expect(measure?.message).toMatch(/known only by an address/);
    expect(screenRow({ description: 'Quadcopter drone 4K camera, 0.9 kg', hs_code: '8806210000', destination_country: 'IT', consignee: 'Unit 8400, FPO AE 09620' }).verdict).toBe('review');
  });

  it("a military user's own premises name it: an identified item to the Ministry's or a base's address is prohibited", () => {
    for (const consignee of ['東京都新宿区市谷本村町５－１ 検収係', '125-7 Ushirokubo, Oaza Misawa, Misawa-shi, Aomori 033-8604', '〒033-8604 青森県三沢市大字三沢字後久保125-7 2便']) {
      const r = screenRow({ ...bismuth, destination_country: 'JP', consignee });
      expect(r.verdict, consignee).toBe('prohibited');
      expect(r.findings[0]!.ruleId).toBe('cn.measure.2026-01.japan-military');
    }
    // another lot on the street is not the base
    expect(screenRow({ ...bismuth, destination_country: 'JP', consignee: '青森県三沢市後久保125-71 三沢商店' }).verdict).toBe('license');
  });

  it('a DPO address is an embassy, not the military', () => {
    expect(screenRow({ ...paper, destination_country: 'JP', consignee: 'U.S. Embassy Tokyo, Unit 9800 Box 300, DPO AP 96303' }).verdict).toBe('clear');
  });

  it("the Ministry of Defense's address in its written forms is a review; another number on the street is not", () => {
    for (const consignee of ['〒162-8801 東京都新宿区市谷本村町5番1号', '東京都新宿区市谷本村町５－１', '東京都新宿区市ヶ谷本村町5-1', '5-1 Ichigaya Honmura-cho, Shinjuku', 'Ichigaya-Honmuracho 5-1, Shinjuku-ku']) {
      const r = screenRow({ ...paper, destination_country: 'JP', consignee });
      expect(r.verdict, consignee).toBe('review');
      expect(r.findings[0]!.message).toContain('Ministry of Defense headquarters');
    }
    for (const consignee of ['東京都新宿区市谷本村町15-1 山本歯科医院', 'JICA Ichigaya Building, 10-5 Ichigaya Honmuracho', '東京都新宿区市谷本村町5-10', '東京都新宿区市谷本村町2-5-1']) {
      expect(screenRow({ ...paper, destination_country: 'JP', consignee }).verdict, consignee).toBe('clear');
    }
  });

  it('the address folds 番/号/丁目, width, ヶ and hyphens between letters', () => {
    expect(foldAddress('東京都新宿区市ヶ谷本村町５番１号')).toBe(foldAddress('東京都新宿区市谷本村町5-1'));
    expect(foldAddress('5-1 Ichigaya Honmura-cho')).toBe('5-1ichigayahonmuracho');
    expect(foldAddress('相模原市中央区淵野辺2の9の54')).toBe(foldAddress('相模原市中央区淵野辺2-9-54'));
    expect(foldAddress('淵野辺2ノ9ノ54')).toBe(foldAddress('淵野辺2-9-54'));
    // numbers written apart stay apart: a delivery's lot number after the address is no longer house number
    expect(foldAddress('後久保125-7 2便')).not.toContain('125-72');
  });
});

describe('namesakes and short forms of listed names', () => {
  it('a longer name holding a review-only name or abbreviation is not its unit: PenFed, DLA Piper', () => {
    for (const consignee of ['Pentagon Federal Credit Union, McLean VA', 'DLA Piper LLP (US), Chicago IL']) {
      expect(screenRow({ ...paper, destination_country: 'US', consignee }).verdict, consignee).toBe('clear');
    }
    expect(screenRow({ ...paper, destination_country: 'US', consignee: 'DLA Troop Support, Philadelphia PA' }).verdict).toBe('review');
  });

  it('a word that only begins like a listed word is no match: Rhein Werkzeug is not Rheinmetall', () => {
    const r = screenRow({ ...bismuth, destination_country: 'DE', consignee: 'Rhein Werkzeug Handel GmbH' });
    expect(r.verdict).toBe('license');
    expect(r.findings.map((f) => f.ruleId)).not.toContain('dualscreen.party.possible-match');
  });

  it('short and Chinese forms that name UEL companies prohibit', () => {
    for (const consignee of ['美国安杜里尔工业公司', 'GD Mission Systems, Fairfax VA', 'GDMS, Scottsdale AZ', 'Lockheed Martin Aero, Palmdale CA']) {
      expect(screenRow({ ...paper, destination_country: 'US', consignee }).verdict, consignee).toBe('prohibited');
    }
  });

  it('陸自/海自 with a short word and 用 is a military use; inside another word it is not', () => {
    expect(screenRow({ ...paper, destination_country: 'JP', consignee: '株式会社東洋通商', end_use: '陸自演習用' }).verdict).toBe('review');
    expect(screenRow({ description: 'アンチモン地金 99.65%', hs_code: '8110101000', destination_country: 'JP', consignee: '丸越産業株式会社', end_use: '陸自演習用' }).verdict).toBe('prohibited');
    expect(screenRow({ ...paper, destination_country: 'JP', consignee: '株式会社陸自動車', end_use: '陸自動車整備用' }).verdict).toBe('clear');
    expect(screenRow({ ...paper, destination_country: 'JP', consignee: '株式会社海自然塩', end_use: '海自然塩用パッケージ' }).verdict).toBe('clear');
  });
});
