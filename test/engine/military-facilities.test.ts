/** A military user's base, camp or training area written right after its name or abbreviation (陸自演習場, 在日米海軍横須賀基地, "JGSDF Camp Asaka"). */
import { describe, expect, it } from 'vitest';
import { screenRow } from './screen-row.js';

const copyPaper = { description: 'コピー用紙 A4 500枚×5冊', hs_code: '4802569000', origin_country: 'CN', destination_country: 'JP', consignee: '株式会社日新 横浜支店' };
const germanium = { description: 'ゲルマニウム地金 5N', hs_code: '8112921010', origin_country: 'CN', destination_country: 'JP', consignee: '兼松株式会社 電子・デバイス部門' };

describe("a military user's facility named in the goods' line or the end use", () => {
  it('an abbreviation before a training area or a school names the JGSDF: an identified item is prohibited (2026 No. 1)', () => {
    expect(screenRow({ ...germanium, end_use: '陸自演習場監視カメラの赤外レンズ素材' }).verdict).toBe('prohibited');
    expect(screenRow({ ...germanium, end_use: '海自横須賀基地 光学窓' }).verdict).toBe('prohibited');
    expect(screenRow({ ...germanium, end_user: '陸自化学学校' }).verdict).toBe('prohibited');
  });

  it('a base or a warship after a name or abbreviation in the description is a mention of the user: ordinary goods are reviewed, not cleared', () => {
    for (const description of ['コピー用紙 A4 在日米海軍横須賀基地 事務所更新', 'コピー用紙 陸自朝霞駐屯地', 'Copy paper A4, JGSDF Camp Asaka office', 'Copy paper A4 JASDF Misawa Air Base', 'Copy paper A4, JMSDF destroyer wardroom', 'コピー用紙 海自護衛艦 士官室']) {
      const r = screenRow({ ...copyPaper, description });
      expect(r.verdict, description).toBe('review');
      expect(r.notes.join('\n'), description).toContain('not as whom the goods are for');
    }
  });

  it("a scale model of the forces' ships names them as its subject, not as whom the goods are for", () => {
    for (const description of ['海上自卫队 护卫舰 塑料拼装模型 1/700', '拼装模型 1:700 日本海上自卫队 出云号 直升机护卫舰', 'JMSDF destroyer Izumo plastic model kit 1/700']) {
      expect(screenRow({ ...copyPaper, hs_code: '9503009000', description }).verdict, description).toBe('clear');
    }
  });

  it('an abbreviation that runs into another word, a style or a club is no facility', () => {
    for (const description of ['JGSDF camouflage T-shirt', '自衛隊モデル 腕時計', '海自カレー レトルト 200g', '陸自OB会 記念品 タオル', '北海自動車 部品カタログ']) {
      expect(screenRow({ ...copyPaper, description }).verdict, description).toBe('clear');
    }
  });
});

describe("a site whose bare name only raises review, written with its organisation's name or abbreviation", () => {
  const tellurium = { description: 'Tellurium lumps 5N for thermoelectric test coupons', hs_code: '2804500001', origin_country: 'CN', destination_country: 'JP' };

  it('"ATLA … (岐阜試験場)" is ATLA\'s test site: an identified item is prohibited (2026 No. 1)', () => {
    expect(screenRow({ ...tellurium, consignee: 'ATLA Gifu Test Site (岐阜試験場), Kakamigahara' }).verdict).toBe('prohibited');
    expect(screenRow({ ...tellurium, consignee: 'ATLA Shimokita Test Site (下北試験場), Mutsu, Aomori' }).verdict).toBe('prohibited');
  });

  it('the place-name form alone, or beside a prefecture, stays a possible match: licence with a review', () => {
    for (const consignee of ['岐阜試験場', '岐阜県 岐阜試験場']) {
      const r = screenRow({ ...tellurium, consignee });
      expect(r.verdict, consignee).toBe('license');
      expect(r.findings.some((f) => f.verdict === 'review'), consignee).toBe(true);
    }
  });
});
