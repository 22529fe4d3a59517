import { describe, expect, it } from 'vitest';
import { compareNames, jaroWinkler, nameFeatures } from '../../src/match/party-names.js';

const score = (query: string, entry: string, unitsCount = false): number =>
  compareNames(nameFeatures(query), nameFeatures(entry), unitsCount).score;

describe('jaroWinkler (pinned: these scores must not drift)', () => {
  it('gives the textbook values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('dwayne', 'duane')).toBeCloseTo(0.84, 4);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.8133, 4);
    expect(jaroWinkler('abc', 'xyz')).toBe(0);
    expect(jaroWinkler('same', 'same')).toBe(1);
  });
});

describe('compareNames', () => {
  it('legal forms and their placement do not change the name', () => {
    expect(score('株式会社IHIエアロスペース', 'IHIエアロスペース株式会社')).toBe(1);
    expect(score('三菱重工航空エンジン(株)', '三菱重工航空エンジン株式会社')).toBe(1);
    expect(score('㈱三菱重工航空エンジン', '三菱重工航空エンジン株式会社')).toBe(1);
    // cut at a name field's length
    expect(score('三菱重工航空エンジン株式会', '三菱重工航空エンジン株式会社')).toBe(1);
    // a long-vowel mark scanned as the kanji 一
    expect(score('IHIエアロスペ一ス（株）', '株式会社IHIエアロスペース')).toBe(1);
    expect(score('TDK Corp.', 'TDK Corporation')).toBe(1);
    expect(score('ＮＥＣ航空宇宙システム株式会社', 'NEC航空宇宙システム株式会社')).toBe(1);
  });

  it('European legal forms of listed entities are legal forms, and letters with a built-in mark fold', () => {
    expect(score('Omnipol', 'OMNIPOL a.s.')).toBeGreaterThanOrEqual(0.92);
    expect(score('Excalibur Army', 'EXCALIBUR ARMY spol. s r.o.')).toBeGreaterThanOrEqual(0.92);
    expect(score('Lafert', 'Lafert S.p.A.')).toBeGreaterThanOrEqual(0.92);
    expect(score('Ekspla', 'Ekspla UAB')).toBeGreaterThanOrEqual(0.92);
    expect(score('Wroclaw University of Science and Technology', 'Wrocław University of Science and Technology')).toBe(1);
    expect(score('Ostergaard', 'Østergaard')).toBe(1);
    expect(score('IHC Merwede B.V.', 'IHC Merwede Holding B.V.')).toBe(1);
  });

  it('the same forms spelled out or in their own letters, as ISO 20275 gives them, are the written short ones', () => {
    expect(score('Hensoldt Aktiengesellschaft', 'HENSOLDT AG')).toBe(1);
    expect(score('OMNIPOL akciová společnost', 'OMNIPOL a.s.')).toBe(1);
    expect(score('Politechnika Wrocławska Spółka Akcyjna', 'Politechnika Wroclawska S.A.')).toBe(1);
    expect(score('Opticoelectron Group JSC', 'Opticoelectron Group')).toBeGreaterThanOrEqual(0.92);
    expect(score('Hensoldt Aktiengesellschaft', 'Hensoldt Optik GmbH')).toBeLessThan(0.92);
  });

  it('"Int\'l" and "Intl" are International, as business names write it short', () => {
    expect(score("Oceaneering Int'l Inc", 'Oceaneering International, Inc.')).toBe(1);
    expect(score('OCEANEERING INTL INC', 'Oceaneering International, Inc.')).toBe(1);
    expect(score("Oceaneering Int'l Inc", 'Oceaneering Intelligence Inc')).toBeLessThan(0.92);
  });

  it('a number written as a digit is the word a name spells: Red 6 Solutions, Red Six Solutions', () => {
    expect(score('Red 6 Solutions', 'Red Six Solutions')).toBe(1);
    expect(score('RED 6 SOLUTIONS LLC', 'Red Six Solutions')).toBe(1);
    expect(score('Red 7 Solutions', 'Red Six Solutions')).toBeLessThan(0.92);
    // not a digit inside a name: L-3 is no "L three"
    expect(score('L-3 Harris Technologies', 'L Three Harris Technologies')).toBeLessThan(0.92);
  });

  it('"Lab" is Laboratory, as "Labs" is Laboratories, on either side', () => {
    expect(score('Lockheed Martin Missile System Integration Laboratory', 'Lockheed Martin Missile System Integration Lab')).toBe(1);
    expect(score('LOCKHEED MARTIN MISSILE SYSTEM INTEGRATION LAB', 'Lockheed Martin Missile System Integration Laboratory')).toBe(1);
    expect(score('Lockheed Martin Missile System Integration Laboratory', 'Lockheed Martin Missile Systems Integration Center')).toBeLessThan(0.92);
  });

  it('Labs, Ops, Mfg, Mgmt and JV are Laboratories, Operations, Manufacturing, Management and Joint Venture', () => {
    expect(score('Lockheed Martin Advanced Technology Labs', 'Lockheed Martin Advanced Technology Laboratories')).toBe(1);
    expect(score('Planate Mgmt Group', 'Planate Management Group')).toBe(1);
    expect(score('Raytheon/Lockheed Martin Javelin JV', 'Raytheon/Lockheed Martin Javelin Joint Venture')).toBe(1);
    expect(score('Alliant Techsystems Ops LLC', 'Alliant Techsystems Operations LLC')).toBe(1);
    expect(score('Acme Mfg Co', 'Acme Manufacturing Co')).toBe(1);
  });

  it("Natl, Nat'l, Gov't, Dept, Univ and Inst are the words government forms and ERPs shorten", () => {
    expect(score('NATL DEFENSE ACADEMY JAPAN', 'National Defense Academy of Japan')).toBe(1);
    expect(score("Nat'l Inst. for Defense Studies", 'National Institute for Defense Studies')).toBe(1);
    expect(score("Gov't of Japan, Ministry of Defense", 'Government of Japan, Ministry of Defense')).toBe(1);
    expect(score('Natl Defense Univ', 'National Defense Academy of Japan')).toBeLessThan(0.8);
  });

  it("the packs' abbreviations stand for their words", () => {
    const mhi = new Map([['mhi', ['mitsubishi', 'heavy', 'industries']]]);
    const withMhi = (name: string) => nameFeatures(name, mhi);
    expect(compareNames(withMhi('MHI Aero Engines Ltd.'), withMhi('Mitsubishi Heavy Industries Aero Engines, Ltd.'), false).score).toBe(1);
    expect(score('MHI Aero Engines Ltd.', 'Mitsubishi Heavy Industries Aero Engines, Ltd.')).toBeLessThan(0.8);
  });

  it('a parent or sister company is below the review threshold', () => {
    expect(score('Mitsubishi Heavy Industries, Ltd.', 'Mitsubishi Heavy Industries Aero Engines, Ltd.')).toBeLessThan(0.8);
    expect(score('三菱重工業株式会社', '三菱重工航空エンジン株式会社')).toBeLessThan(0.8);
    expect(score('MHI', 'Mitsubishi Heavy Industries Shipbuilding Co.')).toBeLessThan(0.8);
    expect(score('Lockheed Martin', 'Lockheed Martin Aeronautics')).toBeLessThan(0.8);
    expect(score('Universal', 'Universal Logistics Holdings, Inc.')).toBeLessThan(0.8);
  });

  it('a listed name without one word of the kind of business is a possible match, never a certain one', () => {
    for (const [query, entry] of [
      ['Huntington Ingalls Inc.', 'Huntington Ingalls Industries, Inc.'],
      ['Saronic', 'Saronic Technologies, Inc.'],
      ['Edge Autonomy LLC', 'Edge Autonomy Operations LLC'],
    ]) {
      expect(score(query!, entry!)).toBeGreaterThanOrEqual(0.8);
      expect(score(query!, entry!)).toBeLessThan(0.92);
    }
    // two words left out, or only business words left: another name
    expect(score('Applied', 'Applied Technologies Group')).toBeLessThan(0.8);
    expect(score('Technologies Group', 'Applied Technologies Group')).toBeLessThan(0.8);
    // a legal form of another kind names the parent or a sister: Komatsu Ltd. owns Komatsu Industries Corporation
    expect(score('Komatsu Ltd.', 'Komatsu Industries Corporation')).toBeLessThan(0.8);
  });

  it('a longer name that contains a listed name is a possible match, a unit of a military user a match', () => {
    const site = score('Mitsubishi Heavy Industries Aero Engines, Ltd. Komaki Works', 'Mitsubishi Heavy Industries Aero Engines, Ltd.');
    expect(site).toBeGreaterThanOrEqual(0.8);
    expect(site).toBeLessThan(0.92);
    expect(score('Japan Ground Self-Defense Force 1st Division', 'Japan Ground Self-Defense Force', true)).toBeGreaterThanOrEqual(0.92);
  });

  it('a misspelt word still scores high, an unrelated name low', () => {
    expect(score('Mitsubishi Heavy Industries Aero Engine Ltd', 'Mitsubishi Heavy Industries Aero Engines, Ltd.')).toBeGreaterThanOrEqual(0.92);
    expect(score('Japan Marine United', 'Japan Nuclear Fuel Limited')).toBeLessThan(0.5);
  });

  it('a name none of whose words is written as listed, one of them by more than a letter, is at most a possible match ("Exelixis" is not Exelis)', () => {
    expect(score('Exelixis, Inc.', 'Exelis Inc.')).toBeLessThan(0.92);
    expect(score('Exelixis, Inc.', 'Exelis Inc.')).toBeGreaterThanOrEqual(0.8);
    expect(score('Exelis Inc.', 'Exelis Inc.')).toBe(1);
    // one letter slipped is the listed name mistyped
    expect(score('Raythoen Company', 'Raytheon Company')).toBeGreaterThanOrEqual(0.92);
    expect(score('Skydoi, Inc.', 'Skydio, Inc.')).toBeGreaterThanOrEqual(0.92);
    expect(score('Skydeo, Inc.', 'Skydio, Inc.')).toBeGreaterThanOrEqual(0.92);
  });

  it('a word with one letter slipped near its start is a possible match, not a certain one ("Mnistry of Defense")', () => {
    for (const written of ['Japan Mnistry of Defense', 'Japan Ministry of Defnse']) {
      expect(score(written, 'Japan Ministry of Defense')).toBeGreaterThanOrEqual(0.8);
      expect(score(written, 'Japan Ministry of Defense')).toBeLessThan(0.92);
    }
    // more than a letter apart is another word
    expect(score('Japan Mystery of Defense', 'Japan Ministry of Defense')).toBeLessThan(0.8);
  });

  it('a one-word name with a different legal form is only a possible match', () => {
    const s = score('Nippi, Inc.', 'NIPPI Corporation');
    expect(s).toBeGreaterThanOrEqual(0.8);
    expect(s).toBeLessThan(0.92);
  });
});

describe('installations and streets (round 14c)', () => {
  it('a unit writes the military user\'s name as one run of words; its words strewn through a longer name are only possible', () => {
    expect(score('XVIII Airborne Corps G4 Ft. Liberty NC', 'Ft. Liberty', true)).toBeGreaterThanOrEqual(0.92);
    expect(score('Fort Liberty NC 28310', 'Fort Liberty', true)).toBeGreaterThanOrEqual(0.92);
    expect(score('U.S. Army DEVCOM C5ISR Center', 'U.S. Army', true)).toBeGreaterThanOrEqual(0.92);
    const strewn = score('Liberty Building Products Inc. Fort Worth TX', 'Fort Liberty', true);
    expect(strewn).toBeLessThan(0.92);
  });

  it('a street named after a post is not the post ("Fort Campbell Blvd", "Fort Bragg Rd")', () => {
    expect(score('2000 Fort Campbell Blvd Clarksville TN 37042', 'Fort Campbell', true)).toBeLessThan(0.8);
    expect(score('5000 Fort Bragg Road', 'Fort Bragg', false)).toBeLessThan(0.8);
    expect(score('Fort Campbell KY 42223', 'Fort Campbell', true)).toBeGreaterThanOrEqual(0.92);
  });
});

describe('words written short', () => {
  it('a listed word written short counts ("Ind." for Industries), a stopword never does ("for" is not Forces)', () => {
    expect(score('Kawasaki Heavy Ind.', 'Kawasaki Heavy Industries, Ltd.')).toBeGreaterThanOrEqual(0.92);
    expect(score('self defense for', 'Self-Defense Forces')).toBeLessThan(0.8);
    expect(score('self-defense course, for the dojo', 'Self-Defense Forces')).toBeLessThan(0.8);
  });
});

describe('names as they are really written', () => {
  it('initials written with dots are one word', () => {
    expect(score('I.H.I. Aerospace Co., Ltd.', 'IHI Aerospace Co., Ltd.')).toBe(1);
  });

  it('a word cut short with a dot counts as the word', () => {
    expect(score('Mitsubishi Heavy Ind. Aero Engines, Ltd.', 'Mitsubishi Heavy Industries Aero Engines, Ltd.')).toBeGreaterThanOrEqual(0.92);
  });

  it('a name written short by a sliver (川崎重工 for 川崎重工業) is the same name, a parent is not', () => {
    expect(score('川崎重工 航空宇宙システムカンパニー', '川崎重工業株式会社 航空宇宙システムカンパニー')).toBeGreaterThanOrEqual(0.92);
    expect(score('三菱電機株式会社', '三菱電機ソフトウエア株式会社')).toBeLessThan(0.8);
    expect(score('Mitsubishi Electric Corporation', 'Mitsubishi Electric Software Corporation')).toBeLessThan(0.8);
  });
});

describe('namesakes and accents', () => {
  it('an American legal form against "Co., Ltd." is a namesake, not the listed company', () => {
    const s1 = score('Universal Logistics Co., Ltd.', 'Universal Logistics Holdings, Inc.');
    expect(s1).toBeGreaterThanOrEqual(0.8);
    expect(s1).toBeLessThan(0.92);
    expect(score('Japan Marine United Co., Ltd.', 'Japan Marine United Corporation')).toBe(1);
  });

  it('accents on Latin letters do not tell names apart', () => {
    expect(score('SPACEKNOW INC., odštěpný závod s.r.o.', 'SPACEKNOW INC., odstepny zavod s.r.o.')).toBe(1);
  });
});

describe('foreign names in katakana, as Japanese invoices write them', () => {
  it('katakana legal forms and 社 are legal forms, as words of their own', () => {
    expect(score('ロッキード・マーティン・コーポレーション', 'ロッキード・マーティン')).toBe(1);
    expect(score('アンドゥリル社', 'アンドゥリル')).toBe(1);
    expect(score('VSEコーポレーション', 'VSE Corporation')).toBe(1);
    expect(score('L3ハリス・テクノロジーズ・インク', 'L3ハリス・テクノロジーズ')).toBe(1);
    // not inside a word, nor 社 of an ordinary Japanese word
    expect(nameFeatures('インクジェット・ジャパン').legalKinds.size).toBe(0);
    expect(nameFeatures('インクジェット・ジャパン').key).toMatch(/^インク/);
    expect(nameFeatures('東京商社').key).toBe(nameFeatures('東京商社株式会社').key);
  });

  it('spellings of one foreign word are one name: マーティン and マーチン, ジェネラル and ゼネラル, ッ and ー', () => {
    expect(score('ロッキード・マーチン・コーポレイション', 'ロッキード・マーティン')).toBe(1);
    expect(score('ジェネラル・ダイナミクス', 'ゼネラル・ダイナミクス')).toBe(1);
    expect(score('ゼネラル・ダイナミックス・ランド・システムズ', 'ゼネラル・ダイナミクス・ランド・システムズ')).toBe(1);
    expect(score('エアロヴァイロンメント', 'エアロバイロンメント')).toBe(1);
    expect(score('ロッキード・マーチン', 'ロックウェル・コリンズ')).toBeLessThan(0.8);
  });
});

describe('Japanese names in kana, as bank and accounting systems write them', () => {
  it('the 全銀 legal-form marks and the readings of 株式会社 are legal forms', () => {
    expect(score('ﾐﾂﾋﾞｼｿﾞｳｾﾝ(ｶ', 'ミツビシゾウセン')).toBe(1);
    expect(score('ｶ)ﾐﾂﾋﾞｼｿﾞｳｾﾝ', 'ミツビシゾウセン')).toBe(1);
    expect(score('ｼﾞｬﾊﾟﾝﾏﾘﾝﾕﾅｲﾃｯﾄﾞｶﾌﾞ', 'ジャパンマリンユナイテッド株式会社')).toBe(1);
    expect(score('ｼﾞｬﾊﾟﾝﾏﾘﾝﾕﾅｲﾃｯﾄﾞ(ｶﾌﾞ)', 'ジャパンマリンユナイテッド株式会社')).toBe(1);
    expect(score('（カ）ミツビシゾウセン', 'ミツビシゾウセン')).toBe(1);
    expect(score('ミツビシ ゾウセン カブシキガイシャ', 'ミツビシゾウセン')).toBe(1);
    expect(nameFeatures('ﾐﾂﾋﾞｼｿﾞｳｾﾝ(ｶ').key).toBe('ミツビシゾウセン');
    // a カ inside a name is a letter of it
    expect(nameFeatures('カワサキジュウコウ').key).toBe('カワサキジユウコウ');
  });

  it('small kana written large are the same name (全銀 characters have none; キヤノン writes its ヤ large)', () => {
    expect(score('ﾐﾂﾋﾞｼｼﾞﾕｳｺｳｷﾞﾖｳ(ｶ', 'ミツビシジュウコウギョウ')).toBe(1);
    expect(score('キヤノン', 'キャノン')).toBe(1);
    expect(score('ミツビシジュウコウギョウ', 'ミツビシデンキ')).toBeLessThan(0.8);
  });
});

describe('kana written without small kana', () => {
  it('a large ツ before an unvoiced consonant is a ッ, and kana legal forms of public bodies are legal forms', () => {
    expect(score('ﾆﾂﾎﾟﾝﾋｺｳｷ(ｶ', 'ニッポンヒコウキ')).toBe(1);
    expect(score('ﾆﾂﾄｳﾃﾞﾝｺｳ(ｶ', 'ニットウデンコウ')).toBe(1);
    expect(score('ｺｸﾘﾂｹﾝｷﾕｳｶｲﾊﾂﾎｳｼﾞﾝ ｳﾁﾕｳｺｳｸｳｹﾝｷﾕｳｶｲﾊﾂｷｺｳ', 'ウチュウコウクウケンキュウカイハツキコウ')).toBe(1);
    // before a voiced consonant it stays: ミツビシ is not ミビシ
    expect(nameFeatures('ミツビシ').key).toBe('ミツビシ');
  });
});

describe('katakana names as Japanese paperwork writes them', () => {
  it('アンド between words is the ＆ of the name; アンドゥリル keeps its アンド', () => {
    expect(score('ロッキードマーティン・ミサイルズ・アンド・ファイアコントロール社', 'ロッキードマーティン・ミサイルズ＆ファイアコントロール')).toBe(1);
    expect(nameFeatures('アンドゥリル・インダストリーズ').key).toBe(nameFeatures('アンドゥリルインダストリーズ').key);
  });

  it('コープ after a name is its legal form, as Corp. is', () => {
    expect(nameFeatures('ゼネラル・ダイナミクス・コープ').key).toBe(nameFeatures('ゼネラル・ダイナミクス').key);
    expect(nameFeatures('ゼネラル・ダイナミクス・コープ').legalKinds.has('corp')).toBe(true);
    expect(nameFeatures('コープこうべ').legalKinds.size).toBe(0);
  });
});

describe('Chinese renderings of foreign names', () => {
  it('和, 及, 以及 and & between characters are the 与 of the published name', () => {
    for (const written of ['雷神导弹和防务公司', '雷神導彈及防務公司', '雷神导弹以及防务公司', '雷神导弹 & 防务公司']) {
      expect(score(written, '雷神导弹与防务公司')).toBe(1);
    }
    expect(nameFeatures('波音防务空间和安全集团').compact).toBe(nameFeatures('波音防务、空间与安全集团').compact);
  });

  it('a 和 inside a word is folded on both sides alike, and 科技 stays apart from 技术', () => {
    expect(score('大和工業株式会社', '大和工業')).toBe(1);
    expect(nameFeatures('豊和工業株式会社').key).toBe('丰和工业');
    expect(score('萨罗尼克技术公司', '萨罗尼克科技公司')).toBeLessThan(0.8);
  });

  it('a long Chinese name one character apart is a possible match, never the listed name; a short one is not', () => {
    // Hong Kong's 雷聲 for 雷神, Taiwan's 馬汀 for 马丁: one character replaced
    expect(score('雷聲導彈及防務公司', '雷神导弹与防务公司')).toBe(0.85);
    expect(score('洛克希德馬汀航空公司', '洛克希德·马丁航空公司')).toBe(0.85);
    // one character added: the press's 埃尔比特 for MOFCOM's 埃比特
    expect(score('埃尔比特系统美国分公司', '埃比特系统美国分公司')).toBe(0.85);
    // a name of five characters or fewer: one character makes another company (日本電機 is not NEC's 日本電気)
    expect(score('日本電機株式会社', '日本電気株式会社')).toBeLessThan(0.8);
  });

  it('a long Japanese name with one kana or kanji slipped in a scan is a possible match, never the listed name', () => {
    // the voicing mark of ジ lost, エ read as the kanji 工, ッ as ツ
    expect(score('三菱重工航空エンシン株式会社', '三菱重工航空エンジン株式会社')).toBe(0.85);
    expect(score('三菱重工航空工ンジン株式会社', '三菱重工航空エンジン株式会社')).toBe(0.85);
    const smallTsuLost = score('ジャパンマリンユナイテツド株式会社', 'ジャパンマリンユナイテッド株式会社');
    expect(smallTsuLost).toBeGreaterThanOrEqual(0.85);
    expect(smallTsuLost).toBeLessThan(0.92);
    // not a slip: 重工 is the short form of 重工業 (regional-phrases.json), the same company
    expect(score('川崎重工株式会社', '川崎重工業株式会社')).toBe(1);
    // two kana apart is another name: a salon-equipment firm, not Saronic
    expect(score('サロン・テクノロジーズ株式会社', 'サロニック・テクノロジーズ')).toBeLessThan(0.8);
  });

  it('a Chinese name of eight characters or more two characters apart is a weaker possible match; a shorter one is not', () => {
    // the mainland press's 地面系统 for MOFCOM's 陆地系统 (General Dynamics Land Systems); Taiwan's 國防 and 太空 for 防务 and 空间
    expect(score('通用动力地面系统公司', '通用动力陆地系统公司')).toBe(0.82);
    expect(score('波音國防、太空與安全集團', '波音防务、空间与安全集团')).toBe(0.82);
    // six or seven characters two apart: another company as often as not (技术 and 科技 keep 萨罗尼克 companies apart)
    expect(score('萨罗尼克技术公司', '萨罗尼克科技公司')).toBeLessThan(0.8);
    expect(score('通用动力机械有限公司', '通用动力陆地系统公司')).toBeLessThan(0.8);
  });
});

