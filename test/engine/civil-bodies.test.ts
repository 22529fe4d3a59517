/** Civil bodies of another kind named with a military word, a ship or a listed name (round r18c), screened with the shipped packs. */
import { describe, expect, it } from 'vitest';
import { screenRow } from './screen-row.js';

const backpacks = { description: '帆布背包 军绿色 30L', hs_code: '4202920000', origin_country: 'CN' };
const bismuth = { description: 'Bismuth ingot 99.99%', hs_code: '8106101091', origin_country: 'CN' };

describe('a civil body of another kind named with a military word, a ship or a listed name (round 18c)', () => {
  it('a surplus store, a families\' association or a memorial named after the forces is no military body', () => {
    expect(screenRow({ ...backpacks, destination_country: 'US', consignee: '美国陆海军剩余物资商店' }).verdict).toBe('clear');
    expect(screenRow({ ...backpacks, destination_country: 'US', consignee: 'USS Missouri Memorial Association, Honolulu HI' }).verdict).toBe('clear');
    expect(screenRow({ ...bismuth, destination_country: 'JP', consignee: '公益社団法人自衛隊家族会' }).verdict).toBe('license');
  });

  it('the forces themselves, their ships and their exchanges stay military users', () => {
    expect(screenRow({ ...backpacks, destination_country: 'US', consignee: '美国海军第七舰队' }).verdict).toBe('review');
    expect(screenRow({ ...backpacks, destination_country: 'US', consignee: 'USS Missouri, Pearl Harbor' }).verdict).toBe('review');
    expect(screenRow({ ...backpacks, destination_country: 'JP', consignee: 'Navy Exchange Yokosuka Main Store' }).verdict).toBe('review');
    expect(screenRow({ ...bismuth, destination_country: 'JP', consignee: '陸上自衛隊 朝霞駐屯地' }).verdict).toBe('prohibited');
  });

  it('a namesake of a listed firm beside a trade\'s words is clear; the listed firm before a town is named for certain', () => {
    const glass = { description: 'Glass bottles 500 ml, dark green', hs_code: '7010900000', origin_country: 'CN' };
    expect(screenRow({ ...glass, destination_country: 'GR', consignee: 'Epirus Olive Oil Cooperative, Ioannina' }).verdict).toBe('clear');
    expect(screenRow({ ...glass, destination_country: 'US', consignee: 'Epirus, Inc., Torrance CA' }).verdict).toBe('prohibited');
    expect(screenRow({ ...glass, destination_country: 'US', consignee: 'Boeing Defense, Space & Security, Arlington VA' }).verdict).toBe('prohibited');
  });

  it("an association, a league, a society or a surplus store named after a unit or a service is none of them (round 18g); the unit's office is", () => {
    for (const consignee of ['U.S. Naval Academy Alumni Association & Foundation', 'Navy League of the United States', 'Society of the 1st Infantry Division']) {
      expect(screenRow({ ...backpacks, destination_country: 'US', consignee }).verdict, consignee).toBe('clear');
    }
    for (const consignee of ['2nd Infantry Division Association', 'Eighth Army Surplus Store']) {
      expect(screenRow({ ...backpacks, destination_country: 'KR', consignee }).verdict, consignee).toBe('clear');
    }
    expect(screenRow({ ...backpacks, destination_country: 'KR', consignee: 'Eighth Army G-4, Camp Humphreys' }).verdict).toBe('review');
  });
});
