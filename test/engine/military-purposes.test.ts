/** A military use or user written into the goods' line or negated in the end use (round 89), as trading companies write them. */
import { describe, expect, it } from 'vitest';
import { screenRow } from './screen-row.js';

const toJapan = { origin_country: 'CN', destination_country: 'JP', consignee: 'Marubeni Corporation' };

describe('a military use written in the description as what or whom the goods are for', () => {
  it('makes an identified item for Japan prohibited and ordinary goods a review', () => {
    expect(screenRow({ ...toJapan, description: 'Molybdenum powder 99.9 % Mo, -325 mesh, for missile guidance housings', hs_code: '8102100001' }).verdict).toBe('prohibited');
    expect(screenRow({ ...toJapan, description: '碳化钨粉 WC 2.0μm 用途：弹药生产', hs_code: '2849902000' }).verdict).toBe('prohibited');
    expect(screenRow({ ...toJapan, description: 'Copy paper A4 75 gsm, for Yokota AB', hs_code: '480256' }).verdict).toBe('review');
    expect(screenRow({ ...toJapan, description: '遮光帘 蓝色 2m×3m 美军驻日横田基地宿舍用', hs_code: '630391' }).verdict).toBe('review');
  });

  it("is not the goods' own words, a place word, a civil hobby or a negated use", () => {
    for (const description of ['Military-grade aluminium phone case', '军工级 铝合金手机壳', 'Plastic storage boxes 45 L, for navy-town homeware shop', 'Camouflage net for hunting blinds, not for military use']) {
      expect(screenRow({ ...toJapan, description, hs_code: '420232' }).verdict, description).toBe('clear');
    }
    expect(screenRow({ description: 'Smokeless powder for ammunition reloading', hs_code: '3601000090', origin_country: 'CN', destination_country: 'US', consignee: 'Reloading Supply Inc.' }).verdict).toBe('clear');
  });
});

describe('a military use labelled, written in Korean, or qualifying a drone', () => {
  const toKorea = { origin_country: 'CN', destination_country: 'KR', consignee: 'Hanbit Trading Co., Ltd.', hs_code: '880622' };

  it('makes a drone prohibited under the UAV catch-all whatever the country', () => {
    for (const description of ['Military drone, fixed wing, 6.5 kg', 'Industrial drone 6.5 kg, end use: military', '산업용 드론 고정익 6.5kg (육군 납품)', '군용 드론 6.5kg', '드론 6.5kg 용도: 군사 훈련']) {
      expect(screenRow({ ...toKorea, description }).verdict, description).toBe('prohibited');
    }
  });

  it('is not parts for a drone: the catch-all reaches aircraft', () => {
    const toJasdf = { origin_country: 'CN', destination_country: 'JP', consignee: 'JASDF Chitose Air Base, 2nd Air Wing', hs_code: '880730' };
    for (const description of ['Spare propellers and arms set for agricultural drone T40 series', 'ドローン用プロペラ 4枚組', '无人机用电池 22000mAh']) {
      expect(screenRow({ ...toJasdf, description }).verdict, description).toBe('review');
    }
    expect(screenRow({ ...toJasdf, description: 'Agricultural drone T40, for crop spraying', hs_code: '' }).verdict).toBe('prohibited');
  });

  it('is not a style, a negated use or the supplies a shop sells', () => {
    for (const description of ['Military-style drone toy, 120 g', 'Navy blue drone 250 g', '산업용 드론 6.5kg 비군사용', '드론 6.5kg 군용품점 판매용']) {
      expect(screenRow({ ...toKorea, description }).verdict, description).not.toBe('prohibited');
    }
  });
});

describe('a fighter type that only air forces fly', () => {
  it('makes the end use or the goods\' purpose a military use', () => {
    const bolts = { ...toJapan, description: 'Hex head bolts M12 x 60, A2-70 stainless', hs_code: '7318158000' };
    expect(screenRow({ ...bolts, end_use: 'F-15J ground support equipment repair, Komatsu' }).verdict).toBe('review');
    expect(screenRow({ ...bolts, description: 'Hex bolts M8, spares for F-35A fleet' }).verdict).toBe('review');
    expect(screenRow({ ...toJapan, description: 'Germanium window blank 5N, for F-35 sensor overhaul', hs_code: '8112921010' }).verdict).toBe('prohibited');
  });

  it("is not a model kit's or a poster's subject", () => {
    for (const description of ['Decal sheet for F-35 model kit', 'Water-slide decals for F-35 1/72 scale', 'F-15J 1/48 プラモデル']) {
      expect(screenRow({ ...toJapan, description, hs_code: '950300' }).verdict, description).toBe('clear');
    }
  });
});

describe('a military user named inside a negation of the end use', () => {
  it('is not whom the goods are for', () => {
    for (const end_use of ['民用办公，最终用户保证不用于日本自卫队', '自衛隊向けではありません（食品工場用）', '輸出梱包用　在日米軍とは無関係']) {
      expect(screenRow({ ...toJapan, description: 'Office desk, steel frame', hs_code: '940330', end_use }).verdict, end_use).toBe('clear');
    }
    expect(screenRow({ ...toJapan, description: 'Office desk, steel frame', hs_code: '940330', end_use: '陸上自衛隊向け' }).verdict).toBe('review');
  });
});
