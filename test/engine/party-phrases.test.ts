/**
 * Parties named outside the consignee and end-user cells (round r18d): in a remark, a header text or the description after a
 * phrase that gives their role, in a care-of inside a party cell, and a row with two destination columns.
 */
import { describe, expect, it } from 'vitest';
import type { PartyCell } from '../../src/model/row.js';
import { screenRow } from './screen-row.js';

const gloves = { description: 'Nitrile gloves, powder-free, 100 pcs/box', hs_code: '4015190000' };
const bismuth = { description: 'Bismuth ingot 99.99%', hs_code: '8106101091' };
const remark = (value: string, field = 'Remarks'): { others: PartyCell[] } => ({ others: [{ field, value }] });

describe('a party a phrase introduces in a remark counts as named', () => {
  it('a Japanese military user after END USER: raises review with ordinary goods and prohibits an identified item', () => {
    const cells = remark('END USER: JASDF 2ND AIR DEPOT, GIFU AIR BASE');
    expect(screenRow({ ...gloves, destination_country: 'JP', consignee: 'Nippon Express Co., Ltd.' }, '2026-11-05', cells).verdict).toBe('review');
    expect(screenRow({ ...bismuth, destination_country: 'JP', consignee: 'Nippon Express Co., Ltd.' }, '2026-11-05', cells).verdict).toBe('prohibited');
  });

  it('a UEL company after "for the account of" or 最终用户为 is a trade ban, not a possible match', () => {
    for (const text of ['FOR THE ACCOUNT OF LOCKHEED MARTIN AERONAUTICS COMPANY, FORT WORTH TX', '最终用户为雷神导弹与防务公司', 'Ultimate consignee: Boeing Defense, Space & Security, St. Louis']) {
      expect(screenRow({ ...gloves, destination_country: 'US', consignee: 'Expeditors International' }, '2026-11-19', remark(text)).verdict, text).toBe('prohibited');
    }
  });

  it('a name before 向け in the description, and a care-of (转交) inside the consignee cell', () => {
    expect(screenRow({ description: 'ビスマス地金 99.99%（海上自衛隊 舞鶴地方総監部向け）', hs_code: '8106101091', destination_country: 'JP' }, '2026-11-13').verdict).toBe('prohibited');
    expect(screenRow({ ...gloves, destination_country: 'TW', consignee: 'YUSEN LOGISTICS (TAIWAN) LTD. 转交 汉翔航空工业股份有限公司' }, '2026-11-17').verdict).toBe('review');
  });

  it('a military user a remark names as whom the goods are for ("for USAF 18th Wing Kadena AB"), as a description would', () => {
    const cells = remark('GLOVES NITRILE PF 100/BX FOR USAF 18TH WING KADENA AB', 'Item Text');
    expect(screenRow({ hs_code: '4015190000', destination_country: 'JP', consignee: 'Ryukyu Supply Co., Ltd.' }, '2026-11-06', cells).verdict).toBe('review');
  });
});

describe('no flood: forwarders, banks, civil parties and unintroduced names', () => {
  it('a civil end user, a bank notify party, a namesake after Attn and an unlisted subsidiary stay clear', () => {
    const cases: [PartyCell[], PartyCell[]][] = [
      [[], [{ field: 'Remarks', value: 'NOT FOR MILITARY USE. END USER: PANASONIC ENERGY CO., LTD.' }]],
      [[{ field: 'Notify Party', value: 'MUFG BANK, LTD., GLOBAL TRADE OPERATIONS, TOKYO' }], []],
      [[], [{ field: 'Remarks', value: 'Attn: Mr. Yokota, Purchasing Dept.' }]],
      [[], [{ field: 'Remarks', value: 'For the account of Boeing Japan K.K., Tokyo' }]],
      [[], [{ field: 'Remarks', value: 'ULTIMATE CONSIGNEE: IRON MOUNTAIN JAPAN LTD.' }]],
    ];
    for (const [parties, others] of cases) {
      const r = screenRow({ ...gloves, destination_country: 'JP', consignee: 'Nippon Express Co., Ltd., Yokohama Branch' }, '2026-11-20', { parties, others });
      expect(r.verdict, JSON.stringify([parties, others])).toBe('clear');
    }
  });

  it('a military user named in full in a remark without a phrase stays a possible match: reviewed with ordinary goods, never prohibited', () => {
    const r = screenRow({ ...gloves, destination_country: 'JP', consignee: 'Toyo Tsusho Co., Ltd.' }, '2026-11-05', remark('Customer PO ref.: JMSDF Ominato District'));
    expect(r.verdict).toBe('review');
    expect(r.findings.map((f) => f.ruleId)).toEqual(['dualscreen.party.possible-match']);
  });
});

describe('two destination columns', () => {
  it("a country of arrival beside the final destination: the final one's measure applies too", () => {
    const row = { ...bismuth, end_use: 'military radar' };
    expect(screenRow({ ...row, destination_country: '中国香港' }, '2026-11-20').verdict).toBe('license');
    expect(screenRow({ ...row, destination_country: '中国香港; 日本' }, '2026-11-20').verdict).toBe('prohibited');
  });
});
