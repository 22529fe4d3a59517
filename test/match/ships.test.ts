import { describe, expect, it } from 'vitest';
import { ShipPrefixes } from '../../src/match/ships.js';

const ships = new ShipPrefixes<string>();
ships.add('USS', 'US Navy', true);
ships.add('USNS', 'US Navy', true);
ships.add('JS', 'JMSDF', false);
for (const kind of ['護衛艦', '輸送艦', '砕氷艦', '潜水艦', '潜水艦救難艦']) ships.addKind(kind, 'JMSDF');

const found = (text: string) => ships.find(text).map((h) => `${h.ref}: ${h.text}${h.certain ? '' : ' (no hull number)'}`);

describe('warships named by prefix and hull number', () => {
  it('a prefix, a name and a hull number, as navies and chandlers write them, name the navy for certain', () => {
    expect(found('USS George Washington (CVN-73)')).toEqual(['US Navy: USS George Washington (CVN-73)']);
    expect(found('USS GEORGE WASHINGTON CVN-73, YOKOSUKA')).toEqual(['US Navy: USS GEORGE WASHINGTON CVN-73']);
    expect(found("ship's stores for USS The Sullivans (DDG-68)")).toEqual(['US Navy: USS The Sullivans (DDG-68)']);
    expect(found('USNS Mercy (T-AH-19)')).toEqual(['US Navy: USNS Mercy (T-AH-19)']);
    expect(found('USS Blue Ridge (LCC 19) c/o FLC Yokosuka')).toEqual(['US Navy: USS Blue Ridge (LCC 19)']);
    expect(found('JS Izumo, DDH-183')).toEqual(['JMSDF: JS Izumo, DDH-183']);
  });

  it('without a hull number, only a prefix the pack allows alone, and never before a legal form', () => {
    expect(found('USS George Washington, Pier 12')).toEqual(['US Navy: USS George Washington (no hull number)']);
    expect(found('JS Kaga')).toEqual([]);
    expect(found('USS Co., Ltd.')).toEqual([]);
    expect(found('JS Foods Co., Ltd. (JSF-100)')).toEqual([]);
  });

  it('without a hull number, a civil body named after a ship is not the ship', () => {
    const memorial = (written: string) => /\b(?:Memorial|Association)\b/.test(written);
    expect(ships.find('USS Missouri Memorial Association, Honolulu HI', memorial)).toEqual([]);
    expect(ships.find('USS Missouri, Pearl Harbor', memorial).map((h) => h.text)).toEqual(['USS Missouri']);
    // a hull number names the ship whatever follows
    expect(ships.find('USS Missouri (BB-63) Memorial Association', memorial).map((h) => h.certain)).toEqual([true]);
  });

  it('other navies, other case and words that only contain the prefix are not ships of these navies', () => {
    expect(found('HMS Queen Elizabeth (R08)')).toEqual([]);
    expect(found('Uss Enterprise model kit')).toEqual([]);
    expect(found('JSDF Camp Zama')).toEqual([]);
    expect(found('BUSS Logistics (BL-12)')).toEqual([]);
  });
});

describe('museum ships (round 18g)', () => {
  it('a ship named as a museum without a hull number is the museum, not the navy; with a hull number the ship counts', () => {
    expect(found('USS Midway Museum')).toEqual([]);
    expect(found('USS Blue Ridge (LCC-19), Museum tour office')).toEqual(['US Navy: USS Blue Ridge (LCC-19)']);
  });
});

describe('JMSDF ships named in Japanese by their kind and hiragana name', () => {
  it('a kind and a name in hiragana, bare or quoted, name the JMSDF for certain', () => {
    expect(found('砕氷艦しらせ 補給科（南極地域観測協力行動）')).toEqual(['JMSDF: 砕氷艦しらせ']);
    expect(found('輸送艦「おおすみ」 タリスマン・セイバー参加部隊')).toEqual(['JMSDF: 輸送艦「おおすみ」']);
    expect(found('護衛艦 いずも艦長')).toEqual(['JMSDF: 護衛艦 いずも']);
    expect(found('潜水艦救難艦ちはや')).toEqual(['JMSDF: 潜水艦救難艦ちはや']);
  });

  it('a JMSDF hull number beside a hiragana name names it too, before or after the name', () => {
    expect(found('DDH-184 かが 補給長 呉')).toEqual(['JMSDF: DDH-184 かが']);
    expect(found('DDH184「かが」 注文No.1')).toEqual(['JMSDF: DDH184「かが」']);
    expect(found('いずも（DDH-183）')).toEqual(['JMSDF: いずも（DDH-183）']);
    expect(found('SS-511 おうりゅう')).toEqual(['JMSDF: SS-511 おうりゅう']);
  });

  it('codes that only look like hull numbers are none: a steel grade, a part number, a name that runs on', () => {
    expect(found('SS400 さくら')).toEqual([]);
    expect(found('ABC-123 さくら')).toEqual([]);
    expect(found('DDH-184 さくら鋼材')).toEqual([]);
  });

  it('prose after a kind, and other navies written in katakana, are no JMSDF ship', () => {
    expect(found('潜水艦などの模型')).toEqual([]);
    expect(found('護衛艦の部品')).toEqual([]);
    expect(found('護衛艦用の部品')).toEqual([]);
    expect(found('輸送艦ボクサー')).toEqual([]);
  });
});
