/** A country's armed forces named by its own word before a military word ("Japanese Navy", 日本海军, "for the Japanese military"), wherever the goods are sent. */
import { describe, expect, it } from 'vitest';
import { screenRow } from './screen-row.js';

const germanium = { description: 'Germanium ingot 5N', hs_code: '8112921090', origin_country: 'CN', destination_country: 'SG' };

describe("Japan's forces named by the country's word, shipped to a third country", () => {
  it('a consignee written as Japan\'s navy, army or military is a Japanese military user: an identified item is prohibited (2026 No. 1)', () => {
    for (const consignee of ['Japanese Navy', 'Japanese Army, Tokyo', 'Japanese Air Force', '日本海军', '日本陆军', '日本军方']) {
      expect(screenRow({ ...germanium, consignee }).verdict, consignee).toBe('prohibited');
    }
  });

  it('an end use for Japan\'s military makes the use a Japanese military use', () => {
    for (const end_use of ['for the Japanese military', 'Japanese Navy ship repair', "Japan's navy destroyer refit", '用于日本军方', '日本海军舰艇维修']) {
      expect(screenRow({ ...germanium, consignee: 'Lion Components Pte Ltd', end_use }).verdict, end_use).toBe('prohibited');
    }
  });

  it("the United States' short forms before a military word or a base (US, U.S., 美, 米, 美军…营地) name the US forces wherever the goods go (2024 No. 46)", () => {
    const carts = { description: 'Stainless steel serving carts, 3 tiers', hs_code: '8716800000', origin_country: 'CN', destination_country: 'DJ', consignee: 'Savon & Ries' };
    for (const end_user of ['US military base canteen', 'U.S. military base', '美军基地 食堂', '米軍基地 食堂', '美军拉姆施泰因基地 安保中队', '美军吉布提莱蒙尼尔营地 伙食保障']) {
      expect(screenRow({ ...carts, end_user }).findings.map((f) => f.ruleId), end_user).toContain('cn.measure.2024-46.us-military.unidentified');
    }
    for (const end_user of ['南美军队 后勤', 'Sold to us military surplus dealers', '美军同款 户外用品店', '米軍ハウス カフェ']) {
      expect(screenRow({ ...carts, end_user }).verdict, end_user).toBe('clear');
    }
  });

  it('a country word that does not say whose the forces are, or a declaration that excludes them, brings no Japan nexus', () => {
    const ordinary = { ...germanium, consignee: 'Lion Components Pte Ltd' };
    expect(screenRow({ ...ordinary, end_use: 'Japanese-made military-grade connector replacement' }).verdict).toBe('license');
    expect(screenRow({ ...ordinary, end_use: 'civil use only, not for Japanese military' }).verdict).toBe('license');
    expect(screenRow({ ...germanium, consignee: 'Japanese Army surplus shop' }).verdict).toBe('license');
    expect(screenRow({ ...germanium, consignee: 'Royal Thai Navy' }).verdict).toBe('license');
  });
});
