import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/match/fold.js';
import { UnitDesignations } from '../../src/match/unit-designations.js';

const units = new UnitDesignations();
units.add({
  after: {
    en: ['fighter wing', 'airlift wing', 'infantry division', 'marine division', 'airborne corps', 'corps', 'fleet', 'army', 'air force'],
    zh: ['舰队', '步兵师', '空降师', '联队', '军'],
    ja: ['艦隊', '航空団', '師団'],
    ko: ['사단', '비행단', '공군', '군'],
  },
  afterAbbreviations: ['id', 'fw', 'meu', 'mef'],
  before: { en: ['carrier air wing', 'destroyer squadron', 'cvw', 'mag'] },
  countries: [
    {
      country: 'US',
      words: { en: ['U.S.', 'US', 'USAF', 'united states'], zh: ['美军', '美国'], ja: ['米軍', '米空軍', '在日米'], ko: ['주한미군', '미군'] },
      prefixes: ['米', '美', '미'],
      designations: [],
    },
  ],
});
units.build();

const find = (written: string) => units.find(foldText(written), written).map((h) => (h.country ? `${h.text} [${h.country}]` : h.text));

describe('a unit named by its designation, whatever its number', () => {
  it('English ordinals: digits with st/nd/rd/th and the Army\'s 2d and 3d, spelled ordinals, Roman numerals', () => {
    expect(find('374th Airlift Wing, Logistics Readiness Squadron')).toEqual(['374th airlift wing']);
    expect(find('3d Marine Division, HQ Battalion')).toEqual(['3d marine division']);
    expect(find('Commander, Seventh Fleet')).toEqual(['seventh fleet']);
    expect(find('XVIII Airborne Corps G-4')).toEqual(['xviii airborne corps']);
    expect(find('I Corps (Forward)')).toEqual(['i corps']);
    expect(find('Eighth Army G-4')).toEqual(['eighth army']);
  });

  it('abbreviations after a number, bare or glued to it; nouns the Navy numbers after them', () => {
    expect(find('2ID/RUCD G-4')).toEqual(['2id']);
    expect(find('Flight-line use by 31 FW/LRS')).toEqual(['31 fw']);
    expect(find('31st MEU')).toEqual(['31st meu']);
    expect(find('III MEF G-4')).toEqual(['iii mef']);
    expect(find('Carrier Air Wing 5 (CVW-5)')).toEqual(['carrier air wing 5', 'cvw 5']);
    expect(find('Destroyer Squadron Fifteen')).toEqual(['destroyer squadron fifteen']);
    expect(find('MAG-12')).toEqual(['mag 12']);
  });

  it('Chinese and Japanese: 第 and a number in digits (full-width too) or numerals, a run of words, the noun', () => {
    expect(find('第７艦隊司令部 補給課')).toEqual(['第7舰队']);
    expect(find('第七艦隊')).toEqual(['第七舰队']);
    expect(find('第35戦闘航空団（三沢）')).toEqual(['第35战斗航空团']);
    expect(find('第二步兵师')).toEqual(['第二步兵师']);
    expect(find('第51战斗机联队（乌山）')).toEqual(['第51战斗机联队']);
    expect(find('第8軍司令部')).toEqual(['第8军']);
  });

  it('Korean: 제 and a number, or a country\'s prefix before it', () => {
    expect(find('제51전투비행단')).toEqual(['제51전투비행단']);
    expect(find('미8군 사령부')).toEqual(['8군 [US]']);
    expect(find('미 7공군 제51전투비행단')).toEqual(['7공군 [US]', '제51전투비행단 [US]']);
  });

  it("a country's words written in the same name, or its prefix straight before the number, say whose unit it is", () => {
    expect(find('Commander, U.S. Seventh Fleet')).toEqual(['seventh fleet [US]']);
    expect(find('USAF 35th Fighter Wing')).toEqual(['35th fighter wing [US]']);
    expect(find('米空軍第374空輸航空団')).toEqual(['第374空输航空团 [US]']);
    expect(find('米第8軍司令部')).toEqual(['第8军 [US]']);
    expect(find('美军第82空降师')).toEqual(['第82空降师 [US]']);
    expect(find('주한미군 제2보병사단')).toEqual(['제2보병사단 [US]']);
    // "us" the pronoun is no country: the capitals count only in capitals
    expect(find('send to us for 3rd Infantry Division')).toEqual(['3rd infantry division']);
  });

  it('numbered things that are no unit: a bare wing, division or squadron, a word that goes on, a number after a noun of the first kind', () => {
    expect(find("St. Mary's Medical Center, 3rd Wing East")).toEqual([]);
    expect(find('Northwest Premier League - 2nd Division')).toEqual([]);
    expect(find('Lincoln High School Athletics - Division II')).toEqual([]);
    expect(find('Pacific Fleet Logistics LLC')).toEqual([]);
    expect(find('湖南第一师范学院')).toEqual([]);
    expect(find('第二营业部')).toEqual([]);
    expect(find('第一军事学院')).toEqual([]);
    expect(find('서울 여덟군데 물류센터 8군데')).toEqual([]);
    expect(find('Fleet 7 Services')).toEqual([]);
  });
});

describe("a country's own letter designations", () => {
  const lettered = new UnitDesignations();
  lettered.add({
    after: {},
    afterAbbreviations: ['fw', 'meu'],
    before: { en: ['cvw', 'mag'] },
    countries: [{ country: 'US', words: { en: ['U.S.'] }, prefixes: [], designations: ['meu', 'cvw'] }],
  });
  lettered.build();
  const inLetters = (written: string) => lettered.find(foldText(written), written).map((h) => (h.country ? `${h.text} [${h.country}]` : h.text));

  it("make a unit written with them that country's, where no country word is written", () => {
    expect(inLetters('31st MEU, Camp Hansen')).toEqual(['31st meu [US]']);
    expect(inLetters('CVW-5 Supply')).toEqual(['cvw 5 [US]']);
    // letters other forces write too name no country
    expect(inLetters('31 FW, Logistics')).toEqual(['31 fw']);
    expect(inLetters('MAG 12')).toEqual(['mag 12']);
  });
});
