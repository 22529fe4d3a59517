import { describe, expect, it } from 'vitest';
import type { PartyRef } from '../../src/engine/compile.js';
import { KeywordAutomaton } from '../../src/match/automaton.js';
import { foldText } from '../../src/match/fold.js';
import { DEFAULT_PARTY_THRESHOLDS, PartyIndex, type NameFlags } from '../../src/match/party-index.js';
import type { Party } from '../../src/rules/schema.js';

const party = (id: string, en: string[]): Party => ({
  id,
  list: 'control',
  country: 'JP',
  names: { en, zh: [], ja: [] },
  listed: '2026-02-24',
  suspended: [],
  addresses: [],
  transferBan: false,
  tradeBan: false,
  source: 'S',
  confidence: 'HIGH',
});

describe('PartyIndex', () => {
  const index = new PartyIndex<PartyRef>(DEFAULT_PARTY_THRESHOLDS, new Map([['khi', ['kawasaki', 'heavy', 'industries']]]));
  const flags: NameFlags = { reviewOnly: false, confidence: 'HIGH', published: false, abbreviation: false, generic: false };
  const jgsdf = { party: { ...party('jgsdf', ['Japan Ground Self-Defense Force']), list: 'military-user' as const }, source: 'S', suspensionSources: new Map() };
  index.add(jgsdf, '陸上自衛隊', flags);
  index.add(jgsdf, 'JGSDF', { ...flags, abbreviation: true });
  for (const [id, name] of [['jaxa', 'Japan Aerospace Exploration Agency'], ['khi', 'Kawasaki Heavy Industries Aerospace Systems Company'], ['tdk', 'TDK Corporation'], ['tokin', '株式会社トーキン'], ['bdss', 'Boeing Defense, Space & Security'], ['fdns', '富士通ディフェンス＆ナショナルセキュリティ株式会社'], ['gdms', '通用动力任务系统公司'], ['rms', 'レイセオン・ミサイル・システムズ']] as const) {
    index.add({ party: party(id, [name]), source: 'S', suspensionSources: new Map() }, name, flags);
  }
  const best = (name: string) => index.match(name)[0];

  it('a site or department after a comma, bracket or dash does not hide a listed name', () => {
    expect(best('Japan Aerospace Exploration Agency (JAXA), Tsukuba Space Center')).toMatchObject({ score: 1 });
    expect(best('KHI Aerospace Systems Company, Gifu Works')).toMatchObject({ score: 1 });
    expect(best('TDK Corporation - Narita plant')).toMatchObject({ score: 1 });
    expect(best('Japan Aerospace Exploration Agency Sagamihara warehouse')).toMatchObject({ score: 1 });
    expect(best('Japan Aerospace Exploration Agency IT depot')).toMatchObject({ score: 1 });
    // a building after the site it stands on
    expect(best('Japan Aerospace Exploration Agency 筑波宇宙センター 総合開発推進棟')).toMatchObject({ score: 1 });
  });

  it("a listed name with another country in brackets is that country's company: possible, never certain", () => {
    const block = DEFAULT_PARTY_THRESHOLDS.block;
    expect(best('TDK Corporation (China) Co., Ltd.')!.score).toBeLessThan(block);
    expect(best('TDK Corporation (China) Co., Ltd.')!.score).toBeGreaterThanOrEqual(DEFAULT_PARTY_THRESHOLDS.review);
    expect(best('TDK株式会社（中国）')?.score ?? 0).toBeLessThan(block);
    // the listed party's own country in brackets is a note on it
    expect(best('TDK Corporation (Japan)')).toMatchObject({ score: 1 });
    // a forwarder's country, in a cell that names the forwarder and then the listed company, is not the company's
    expect(best('Yusen Logistics (Singapore) Pte. Ltd. – TDK Corporation')).toMatchObject({ score: 1 });
    expect(best('Yusen Logistics (Singapore) Pte. Ltd. – TDK Corporation (China) Co., Ltd.')!.score).toBeLessThan(block);
  });

  it('a military user with another country in brackets is that force deployed there: still certain', () => {
    expect(best('陸上自衛隊（南スーダン）')).toMatchObject({ score: 1 });
    expect(best('陸上自衛隊 (ジブチ)')).toMatchObject({ score: 1 });
  });

  it("a military user's abbreviation after a place is its unit there: \"Asaka JGSDF\", \"Asaka JGSDF Camp\"", () => {
    expect(best('Asaka JGSDF')).toMatchObject({ score: 0.95, abbreviation: true });
    expect(best('Asaka JGSDF Camp')).toMatchObject({ score: 0.95, abbreviation: true });
    expect(best('Asaka JGSDFX Camp')).toBeUndefined();
  });

  it('a secretariat or faculty written last is a site: "… 事務局", "… 電子工学部"', () => {
    expect(best('Japan Aerospace Exploration Agency 事務局')).toMatchObject({ score: 1 });
    expect(best('Japan Aerospace Exploration Agency 電子工学部')).toMatchObject({ score: 1 });
  });

  it('a representative office or shipyard written last is a site, after a space or straight after a name in Latin letters', () => {
    expect(best('Japan Aerospace Exploration Agency バンコク駐在員事務所')).toMatchObject({ score: 1 });
    expect(best('TDKバンコク駐在員事務所')).toMatchObject({ score: 1 });
    expect(best('TDK Corporation 北京办事处')).toMatchObject({ score: 1 });
    expect(best('Kawasaki Heavy Industries Aerospace Systems Company 神戸造船所')).toMatchObject({ score: 1 });
    // a purchasing or general-affairs desk after the site
    expect(best('Japan Aerospace Exploration Agency 筑波宇宙中心 采购课')).toMatchObject({ score: 1 });
    expect(best('TDK Corporation 本社 資材調達')).toMatchObject({ score: 1 });
    expect(best('TDK Corporation 收货')).toMatchObject({ score: 1 });
  });

  it('a department written last is a site too: "… 收货部", "… 採購處", "… 調達課"', () => {
    expect(best('通用动力任务系统公司 收货部')).toMatchObject({ score: 1 });
    expect(best('通用动力任务系统公司 採購處')).toMatchObject({ score: 1 });
    expect(best('富士通ディフェンス＆ナショナルセキュリティ株式会社 調達課')).toMatchObject({ score: 1 });
    expect(best('通用动力任务系统公司 收货组')).toMatchObject({ score: 1 });
    expect(best('富士通ディフェンス＆ナショナルセキュリティ 調達グループ')).toMatchObject({ score: 1 });
    expect(best('富士通ディフェンス＆ナショナルセキュリティ 資材係')).toMatchObject({ score: 1 });
    expect(best('通用动力任务系统公司 采购经理')).toMatchObject({ score: 1 });
    expect(best('通用动力任务系统公司 联系人：John Smith')).toMatchObject({ score: 1 });
  });

  it('a numbered dock, door or store written last is a site too: "… 第266号收货口", "… 3号仓库", "… Dock 4"', () => {
    expect(best('通用动力任务系统公司 第266号收货口')).toMatchObject({ score: 1 });
    expect(best('通用動力任務系統公司 第212號收貨口')).toMatchObject({ score: 1 });
    expect(best('通用动力任务系统公司 3号仓库')).toMatchObject({ score: 1 });
    expect(best('富士通ディフェンス＆ナショナルセキュリティ株式会社 荷受場')).toMatchObject({ score: 1 });
    expect(best('TDK Corporation Dock 4')).toMatchObject({ score: 1 });
    expect(best('Boeing Defense, Space & Security Receiving Door #12')).toMatchObject({ score: 1 });
    // a numbered receiving window or bay: "… 仓库收货31号口", "… 受入窓口25", "… 荷受10番口"
    expect(best('通用动力任务系统公司 仓库收货31号口')).toMatchObject({ score: 1 });
    expect(best('富士通ディフェンス＆ナショナルセキュリティ株式会社 受入窓口25')).toMatchObject({ score: 1 });
    expect(best('富士通ディフェンス＆ナショナルセキュリティ株式会社 荷受10番口')).toMatchObject({ score: 1 });
  });

  it('a works or plant in kana, full or half width, as bank and ERP systems print it, is a site too', () => {
    expect(best('株式会社トーキン センダイコウジョウ')).toMatchObject({ score: 1 });
    expect(best('ｶ)ﾄｰｷﾝ ｾﾝﾀﾞｲｼﾞｷﾞｮｳｼｮ')).toMatchObject({ score: 1 });
  });

  it('a town written after a Chinese company name is read past: "… 公司 斯特灵高地"', () => {
    expect(best('通用动力任务系统公司 斯特灵高地')).toMatchObject({ score: 1 });
    expect(best('通用动力任务系统公司 圣迭戈')).toMatchObject({ score: 1 });
    expect(best('富士通ディフェンス＆ナショナルセキュリティ 川崎')).toMatchObject({ score: 1 });
    // and before a site or desk, or after one
    expect(best('通用动力任务系统公司 圣迭戈 收货')).toMatchObject({ score: 1 });
    expect(best('富士通ディフェンス＆ナショナルセキュリティ株式会社 調達部 川崎')).toMatchObject({ score: 1 });
  });

  it('a katakana company name marked 社 ends there: a town in katakana after it is read past', () => {
    expect(best('レイセオン ミサイルシステムズ社 ツーソン')).toMatchObject({ score: 1 });
    expect(best('レイセオン ミサイルシステムズ ツーソン')?.score ?? 0).toBeLessThan(1);
  });

  it('a name written in both scripts is read in each: "TDK Corporation 通用动力任务系统公司", "通用动力任务系统公司 TDK"', () => {
    expect(best('Japan Aerospace Exploration Agency 宇宙机构')).toMatchObject({ score: 1 });
    expect(best('通用动力任务系统公司 General Dynamics Mission Systems')).toMatchObject({ score: 1 });
  });

  it('a space, research or test centre after a listed name is a site, with the town before it', () => {
    expect(best('Japan Aerospace Exploration Agency Tsukuba Space Center')).toMatchObject({ score: 1 });
    // a town and a word before "Center": "Chofu Aerospace Center"
    expect(best('Japan Aerospace Exploration Agency Chofu Aerospace Center')).toMatchObject({ score: 1 });
  });

  it('a campus written last is a site too: "Japan Aerospace Exploration Agency 相模原キャンパス", "… Sagamihara Campus"', () => {
    expect(best('Japan Aerospace Exploration Agency 相模原キャンパス')).toMatchObject({ score: 1 });
    expect(best('Japan Aerospace Exploration Agency Sagamihara Campus')).toMatchObject({ score: 1 });
  });

  it('a city after a listed name that holds a comma itself does not hide it', () => {
    expect(best('Boeing Defense, Space & Security, St. Louis MO')).toMatchObject({ score: 1 });
    expect(best('Boeing Japan K.K., Tokyo')?.score ?? 0).toBeLessThan(0.92);
  });

  it('a Japanese name written after its legal form, then a space and a town, is the listed name', () => {
    expect(best('株式会社トーキン 白石')).toMatchObject({ score: 1 });
    expect(best('株式会社トーキンエレクトロニクス 白石')?.score ?? 0).toBeLessThan(0.92);
  });

  it('a town or street written after a listed name that ends in its legal form, without a comma, does not hide it', () => {
    expect(best('TDK Corporation Narita Chiba')).toMatchObject({ score: 1 });
    expect(best('TDK Corporation 2-5-1 Nihonbashi, Chuo-ku, Tokyo')).toMatchObject({ score: 1 });
    // another company whose name the listed one begins is still at most possible
    expect(best('TDK Lambda Corporation Nagaoka')?.score ?? 0).toBeLessThan(0.92);
  });

  it('a Japanese or Chinese address written before the name, as import declarations write it, does not hide it', () => {
    expect(best('宮城県白石市 株式会社トーキン')).toMatchObject({ score: 1 });
    expect(best('〒989-0223 宮城県白石市大鷹沢三沢字桜丁1番 株式会社トーキン 資材課')).toMatchObject({ score: 1 });
    expect(best('陕西省西安市 通用动力任务系统公司')).toMatchObject({ score: 1 });
    // a town alone before the name is no address: the name may be another company's
    expect(best('白石 株式会社トーキンエレクトロニクス')?.score ?? 0).toBeLessThan(0.92);
  });

  it('a forwarder, unit or abbreviation before the listed name does not hide it either', () => {
    expect(best('Pacific Freight Pte Ltd (for Japan Aerospace Exploration Agency)')).toMatchObject({ score: 1 });
    expect(best('KHI - Kawasaki Heavy Industries Aerospace Systems Company, Gifu')).toMatchObject({ score: 1 });
    expect(best('Harbor Point Logistics LLC, Long Beach, CA')).toBeUndefined();
  });

  it('a different company whose name starts with a listed one is at most a possible match', () => {
    const m = best('TDK-Lambda Corporation');
    expect(m === undefined || m.score < index.thresholds.block).toBe(true);
  });

  it("a listed company's abbreviation leading a longer name is a possible match, never a certain one", () => {
    const abbreviated = new PartyIndex<PartyRef>(DEFAULT_PARTY_THRESHOLDS, new Map());
    const gdls: Party = { ...party('gdls', ['General Dynamics Land Systems', 'GDLS']), list: 'unreliable', country: 'US' };
    const ref = { party: gdls, source: 'S', suspensionSources: new Map() };
    abbreviated.add(ref, 'General Dynamics Land Systems', flags);
    abbreviated.add(ref, 'GDLS', { ...flags, abbreviation: true });
    expect(abbreviated.match('GDLS')[0]).toMatchObject({ score: 1 });
    const site = abbreviated.match('GDLS Sterling Heights')[0];
    expect(site?.ref.party.id).toBe('gdls');
    expect(site!.score).toBeGreaterThanOrEqual(abbreviated.thresholds.review);
    expect(site!.score).toBeLessThan(abbreviated.thresholds.block);
    expect(abbreviated.match('GDLSX Logistics')).toEqual([]);
    // another company whose one word starts with the abbreviation (the unlisted Canadian subsidiary)
    expect(abbreviated.match('GDLS-C London Ontario')).toEqual([]);
  });

  it('＆ read out as アンド inside a katakana name is the listed name, not a longer one holding it', () => {
    expect(best('富士通ディフェンスアンドナショナルセキュリティ')).toMatchObject({ score: 1, basis: 'exact' });
    expect(index.match('ディフェンスアンドナショナル商事')[0]?.basis ?? 'none').not.toBe('exact');
  });

  it('a care-of or account marker before the party meant does not hide it ("c/o JGSDF Camp Asaka")', () => {
    const careOf = new PartyIndex<PartyRef>(DEFAULT_PARTY_THRESHOLDS, new Map());
    const jgsdf: Party = { ...party('jgsdf', ['Japan Ground Self-Defense Force', 'JGSDF']), list: 'military-user' };
    const ref = { party: jgsdf, source: 'S', suspensionSources: new Map() };
    careOf.add(ref, 'Japan Ground Self-Defense Force', flags);
    careOf.add(ref, 'JGSDF', { ...flags, abbreviation: true });
    for (const cell of ['Nippon Express c/o JGSDF Camp Asaka', 'C/O JGSDF, Camp Asaka', 'Yamato Transport A/C JGSDF 1st Division', 'Kintetsu World Express on behalf of JGSDF']) {
      expect(careOf.match(cell)[0]?.ref.party.id).toBe('jgsdf');
    }
    expect(careOf.match('ACME C/O Logistics Ltd')).toEqual([]);
  });

  it("reads the party after o/b/o, 代 or 気付, and a forwarder's country in brackets does not make it a subsidiary abroad", () => {
    const chain = new PartyIndex<PartyRef>(DEFAULT_PARTY_THRESHOLDS, new Map());
    const ihi: Party = { ...party('ihi-aero', ['IHI Aerospace Co., Ltd.']), country: 'JP', names: { en: ['IHI Aerospace Co., Ltd.'], zh: ['IHI宇航株式会社'], ja: [] } };
    const ref = { party: ihi, source: 'S', suspensionSources: new Map() };
    chain.add(ref, 'IHI Aerospace Co., Ltd.', flags);
    chain.add(ref, 'IHI宇航株式会社', flags);
    for (const cell of ['嘉里物流（香港）代 IHI宇航', 'Kerry Logistics (HK) o/b/o IHI Aerospace', '日本通運株式会社気付 IHI宇航']) {
      expect(chain.isBlocking(chain.match(cell)[0]!)).toBe(true);
    }
    // the company in Hong Kong is not the one listed in Japan
    expect(chain.isBlocking(chain.match('IHI Aerospace (Hong Kong) Co., Ltd.')[0]!)).toBe(false);
    // an address after the name, from its house number on
    expect(chain.isBlocking(chain.match('IHI Aerospace Co., Ltd. 900 Fujiki, Tomioka')[0]!)).toBe(true);
    expect(chain.isBlocking(chain.match('IHI宇航株式会社 900 Fujiki, Tomioka')[0]!)).toBe(true);
    // 代 inside a run of characters is part of a name (现代)
    expect(chain.match('现代物流（香港）代理有限公司')).toEqual([]);
  });

  it('a Chinese name with its country written before it is the listed name (比利时赫斯塔尔公司)', () => {
    const zh = new PartyIndex<PartyRef>(DEFAULT_PARTY_THRESHOLDS, new Map());
    const fn: Party = { ...party('fn', ['FN Herstal']), country: 'BE', names: { en: ['FN Herstal'], zh: ['赫斯塔尔公司'], ja: [] } };
    zh.add({ party: fn, source: 'S', suspensionSources: new Map() }, '赫斯塔尔公司', flags);
    expect(zh.match('比利时赫斯塔尔公司')[0]).toMatchObject({ score: 1 });
    expect(zh.match('美国赫斯塔尔公司')[0]).toMatchObject({ score: 1 });
    expect(zh.match('比利时公司')).toEqual([]);
  });

  it('names the listed spelling the document wrote, when a party is listed in several scripts that fold alike', () => {
    const scripts = new PartyIndex<PartyRef>(DEFAULT_PARTY_THRESHOLDS, new Map());
    const atla: Party = { ...party('atla', ['Acquisition, Technology & Logistics Agency']), list: 'military-user', names: { en: ['Acquisition, Technology & Logistics Agency'], zh: ['防卫装备厅'], ja: ['防衛装備庁'] } };
    for (const name of [...atla.names.zh, ...atla.names.ja]) scripts.add({ party: atla, source: 'S', suspensionSources: new Map() }, name as string, flags);
    expect(scripts.match('防衛装備庁')[0]).toMatchObject({ name: '防衛装備庁', score: 1 });
    expect(scripts.match('防卫装备厅')[0]).toMatchObject({ name: '防卫装备厅', score: 1 });
  });

  it('compares a name that shares no word with any listed one with every name only when asked (a cell, not prose)', () => {
    expect(best('Japann Aerospacee Exploratio Agenc')?.ref.party.id).toBe('jaxa');
    expect(index.match('Japann Aerospacee Exploratio Agenc', false)).toEqual([]);
    expect(index.match('Japan Aerospace Exploration Agency, Chofu', false)[0]).toMatchObject({ score: 1 });
  });

  it('a listed name that holds a comma or slash itself is found before a town or after a department', () => {
    const marked = new PartyIndex<PartyRef>(DEFAULT_PARTY_THRESHOLDS, new Map());
    for (const name of ['Boeing Defense, Space & Security', 'Raytheon/Lockheed Martin Javelin Joint Venture']) {
      marked.add({ party: { ...party(name, [name]), list: 'unreliable', country: 'US' }, source: 'S', suspensionSources: new Map() }, name, flags);
    }
    expect(marked.match('Boeing Defense, Space & Security, Arlington VA')[0]).toMatchObject({ name: 'Boeing Defense, Space & Security', score: 1 });
    expect(marked.match('Raytheon/Lockheed Martin Javelin Joint Venture, Tucson AZ')[0]).toMatchObject({ score: 1 });
    expect(marked.match('Attn: Receiving, Raytheon/Lockheed Martin Javelin Joint Venture, Tucson, AZ 85706')[0]).toMatchObject({ score: 1 });
    // a town and state after the name without a comma, as ledgers write them; a company name closed by CO is no town
    expect(marked.match('Raytheon/Lockheed Martin Javelin Joint Venture Tucson AZ')[0]).toMatchObject({ score: 1 });
    expect(marked.match('Boeing Defense, Space & Security Arlington, VA 22202')[0]).toMatchObject({ score: 1 });
    const trading = marked.match('Boeing Defense Trading CO')[0];
    expect(trading === undefined || trading.score < marked.thresholds.block).toBe(true);
    // the parts of another name that share a word or two stay below a certain match
    const other = marked.match('Boeing Defense Credit Union, Space Coast Branch, Titusville FL')[0];
    expect(other === undefined || other.score < marked.thresholds.block).toBe(true);
  });

  it('a listed name held in a longer one beside a civil body\'s word is a namesake, not a possible match', () => {
    const civil = new KeywordAutomaton<string>();
    for (const word of ['olive oil', 'cooperative', 'books', 'games', '家族会', '合作社']) civil.add(foldText(word), word);
    civil.build();
    const namesakes = new PartyIndex<PartyRef>(DEFAULT_PARTY_THRESHOLDS, new Map(), civil);
    const epirus: Party = { ...party('epirus', ['Epirus, Inc.']), list: 'unreliable', country: 'US', names: { en: ['Epirus, Inc.'], zh: ['伊比鲁斯公司'], ja: [] } };
    for (const name of ['Epirus, Inc.', '伊比鲁斯公司']) namesakes.add({ party: epirus, source: 'S', suspensionSources: new Map() }, name, flags);
    const sdf: Party = { ...party('sdf', ['Self-Defense Forces']), list: 'military-user', names: { en: [], zh: [], ja: ['自衛隊'] } };
    namesakes.add({ party: sdf, source: 'S', suspensionSources: new Map() }, '自衛隊', flags);
    expect(namesakes.match('Epirus Olive Oil Cooperative, Ioannina')).toEqual([]);
    expect(namesakes.match('伊比鲁斯橄榄油合作社')).toEqual([]);
    expect(namesakes.match('公益社団法人自衛隊家族会')).toEqual([]);
    // without such a word the longer name stays a possible match, and the listed name itself a certain one
    expect(namesakes.match('Epirus Directed Energy LLC')[0]).toMatchObject({ basis: 'contains' });
    expect(namesakes.match('Epirus, Inc., Torrance CA')[0]).toMatchObject({ score: 1 });
    expect(namesakes.match('Epirus, Inc. Torrance CA')[0]).toMatchObject({ score: 1 });
    expect(namesakes.match('Epirus Inc. Books Club')).toEqual([]);
    expect(namesakes.match('陸上自衛隊 第1師団')[0]?.ref.party.id).toBe('sdf');
  });

  it('knows the words and abbreviations a listed name may start with', () => {
    expect(['Kawasaki', 'KHI', 'TDK', 'Japan'].map((w) => index.mayStartWith(w))).toEqual([true, true, true, true]);
    expect(['Please', 'deliver', 'warehouse'].map((w) => index.mayStartWith(w))).toEqual([false, false, false]);
  });
});

describe('published names that block only as published', () => {
  const index = new PartyIndex<PartyRef>(DEFAULT_PARTY_THRESHOLDS, new Map());
  const flags: NameFlags = { reviewOnly: true, confidence: 'HIGH', published: true, abbreviation: false, generic: false };
  index.add({ party: party('bae', ['BAE Systems, Inc.']), source: 'S', suspensionSources: new Map() }, 'BAE Systems, Inc.', flags);
  const published = (name: string): boolean => index.match(name).some((m) => m.published === true);

  it('case, commas and full stops do not change the name; another legal form does', () => {
    for (const written of ['BAE Systems, Inc.', 'BAE Systems Inc.', 'BAE SYSTEMS, INC', 'bae systems inc']) expect(published(written)).toBe(true);
    for (const other of ['BAE Systems plc', 'BAE Systems', 'BAE Systems Incorporated Holdings']) expect(published(other)).toBe(false);
  });
});

