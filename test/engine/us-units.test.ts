/** US military users named by their units and commands (round r18g), screened with the shipped packs. */
import { describe, expect, it } from 'vitest';
import { screenRow } from './screen-row.js';

const paper = { description: 'Copy paper A4 80 g/m2, 5 reams', hs_code: '4802560000' };
const bismuth = { description: 'Bismuth ingot 99.99%', hs_code: '8106101091' };
const drone = { description: 'Quadcopter drone with 4K camera, 0.9 kg', hs_code: '8806221090' };
const ids = (r: ReturnType<typeof screenRow>) => r.findings.map((f) => f.ruleId);

describe('a unit named by its designation is a military body whatever its number', () => {
  it('on a row to the US: ordinary goods review, an identified item prohibited', () => {
    expect(screenRow({ ...paper, destination_country: 'US', consignee: '25th Infantry Division, Schofield Barracks' }).verdict).toBe('review');
    const r = screenRow({ ...bismuth, destination_country: 'US', end_user: '158th Fighter Wing, Vermont Air National Guard' });
    expect(r.verdict).toBe('prohibited');
    expect(ids(r)).toContain('cn.measure.2024-46.us-military');
  });

  it('in the end use, and in Japanese and Chinese paperwork', () => {
    expect(screenRow({ ...drone, destination_country: 'US', end_use: 'For 82nd Airborne Division training' }).verdict).toBe('prohibited');
    expect(screenRow({ ...bismuth, destination_country: 'US', consignee: '美军第82空降师' }).verdict).toBe('prohibited');
    expect(screenRow({ ...paper, destination_country: 'JP', consignee: '第７艦隊司令部 補給課' }).verdict).toBe('review');
  });

  it('abroad, a unit in one cell with a base the US shares or a military post address is the US unit', () => {
    const atOsan = screenRow({ ...bismuth, destination_country: 'KR', end_user: '35th ADA BDE S4, Osan AB' });
    expect(atOsan.verdict).toBe('prohibited');
    expect(ids(atOsan)).toContain('cn.measure.2024-46.us-military');
    const byApo = screenRow({ ...bismuth, destination_country: 'IT', end_user: '31 CONS/LGCA, Aviano AB, Unit 6120, APO AE 09604' });
    expect(byApo.verdict).toBe('prohibited');
    // a base the US shares and a military post address in one cell are the US forces there, whatever follows the base
    expect(screenRow({ ...bismuth, destination_country: 'IT', end_user: 'NAS Sigonella, FPO AE 09627' }).verdict).toBe('prohibited');
    expect(screenRow({ ...bismuth, destination_country: 'KR', end_user: 'Osan AB 51 MXG, APO AP 96278' }).verdict).toBe('prohibited');
    // the base alone, or a company at its gate, stays a possible match: review, or the item's licence
    expect(screenRow({ ...bismuth, destination_country: 'KR', end_user: 'Osan AB' }).verdict).toBe('license');
    expect(screenRow({ ...bismuth, destination_country: 'KR', consignee: 'Songtan Trading Co., Osan AB gate 2' }).verdict).toBe('license');
  });

  it('abroad, it is the US military where the name says so or the pack names the unit', () => {
    const marked = screenRow({ ...bismuth, destination_country: 'IT', consignee: 'Commander, U.S. Sixth Fleet' });
    expect(ids(marked)).toContain('cn.measure.2024-46.us-military');
    expect(screenRow({ ...bismuth, destination_country: 'KR', consignee: '미8군 사령부' }).verdict).toBe('prohibited');
    expect(screenRow({ ...bismuth, destination_country: 'KR', end_user: 'Seventh Air Force' }).verdict).toBe('prohibited');
    expect(screenRow({ ...paper, destination_country: 'DJ', consignee: 'CJTF-HOA J4' }).verdict).toBe('review');
  });

  it("a unit the ROK forces number alike stays the item's licence in Korea, reviewed", () => {
    const r = screenRow({ ...bismuth, destination_country: 'KR', end_user: '8th Fighter Wing' });
    expect(r.verdict).toBe('license');
  });
});

describe('numbered names that are no US military user', () => {
  it('associations, churches, leagues, hospital wings, surplus stores and museum ships', () => {
    for (const consignee of [
      '2nd Infantry Division Association',
      '1st Cavalry Baptist Church',
      'Northwest Premier League - 2nd Division',
      "St. Mary's Medical Center, 3rd Wing East (Oncology)",
      'Eighth Army Surplus Store',
      'Navy League of the United States',
      'USS Midway Museum',
    ]) {
      expect(screenRow({ ...paper, destination_country: 'US', consignee }).verdict, consignee).toBe('clear');
    }
  });

  it("another country's forces: no ban on ordinary or unclassified goods, the drone catch-all for a drone", () => {
    expect(screenRow({ description: 'Copy paper A4', destination_country: 'GB', consignee: '英国陸軍 第1師団' }).verdict).toBe('clear');
    expect(screenRow({ ...bismuth, destination_country: 'GB', consignee: 'No. 617 Squadron RAF' }).verdict).toBe('license');
    expect(screenRow({ ...drone, destination_country: 'TH', end_use: "For Royal Thai Army 1st Division, King's Guard" }).verdict).toBe('prohibited');
  });

  it('a police air wing is no military user', () => {
    expect(screenRow({ ...paper, destination_country: 'MY', end_user: 'Royal Malaysia Police Air Wing' }).verdict).toBe('clear');
  });
});
