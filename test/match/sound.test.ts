import { describe, expect, it } from 'vitest';
import { compareBySound, latinKey, romaji, romajiKey, soundName, soundQuery } from '../../src/match/sound.js';
import { PartyIndex } from '../../src/match/party-index.js';

const bySound = (katakana: string, listed: string): number | undefined => {
  const q = soundQuery(katakana);
  const e = soundName(listed);
  return q && e ? compareBySound(q, e) : undefined;
};

describe('romaji (Hepburn with the loanword conventions)', () => {
  it('reads long vowels, geminates, small kana and the loanword pairs', () => {
    expect(romaji('インターコースタル')).toBe('intaakoosutaru');
    expect(romaji('エピルス')).toBe('epirusu');
    expect(romaji('ヴィーゴ')).toBe('viigo');
    expect(romaji('ティール')).toBe('tiiru');
    expect(romaji('ディフェンス')).toBe('difensu');
    expect(romaji('フューチャー')).toBe('fyuuchaa');
    expect(romaji('ウェイ')).toBe('wei');
    expect(romaji('ジェネラル')).toBe('jeneraru');
    expect(romaji('シェル')).toBe('sheru');
    expect(romaji('エルビット')).toBe('erubitto');
    expect(romaji('アンバー')).toBe('ambaa');
    expect(romaji('ﾃﾚﾀﾞｲﾝ')).toBe('teredain');
  });
});

describe('the phonetic key', () => {
  it('gives a listed Latin word and its katakana rendering one key', () => {
    const pairs: [string, string][] = [
      ['intercoastal', 'インターコースタル'],
      ['electronics', 'エレクトロニクス'],
      ['teledyne', 'テレダイン'],
      ['flir', 'フリアー'],
      ['epirus', 'エピルス'],
      ['cubic', 'キュービック'],
      ['global', 'グローバル'],
      ['defense', 'ディフェンス'],
      ['saronic', 'サロニック'],
      ['technologies', 'テクノロジーズ'],
      ['aevex', 'エイベックス'],
      ['aerospace', 'エアロスペース'],
      ['elbit', 'エルビット'],
      ['systems', 'システムズ'],
      ['america', 'アメリカ'],
      ['alliant', 'アライアント'],
      ['operations', 'オペレーションズ'],
      ['management', 'マネジメント'],
      ['universal', 'ユニバーサル'],
      ['halifax', 'ハリファックス'],
      ['international', 'インターナショナル'],
      ['security', 'セキュリティ'],
      ['echodyne', 'エコダイン'],
    ];
    for (const [latin, kana] of pairs) expect([latin, latinKey(latin)]).toEqual([latin, romajiKey(romaji(kana))]);
  });

  it('keeps apart words katakana keeps apart', () => {
    expect(latinKey('elbit')).not.toBe(romajiKey(romaji('エルビス')));
    expect(latinKey('exelis')).not.toBe(romajiKey(romaji('エクセル')));
    expect(latinKey('axient')).not.toBe(romajiKey(romaji('アクセル')));
    expect(latinKey('saronic')).not.toBe(romajiKey(romaji('サロン')));
  });
});

describe('compareBySound', () => {
  it('matches listed names in the katakana a clerk writes, in the review band only', () => {
    const real: [string, string][] = [
      ['インターコースタル・エレクトロニクス社', 'Inter-Coastal Electronics'],
      ['インターコースタルエレクトロニクス', 'Inter-Coastal Electronics'],
      ['エピルス社', 'Epirus, Inc.'],
      ['テレダイン・フリアー', 'Teledyne FLIR, LLC'],
      ['エルビット・システムズ・オブ・アメリカ', 'Elbit Systems of America, LLC'],
      ['キュービック・グローバル・ディフェンス', 'Cubic Global Defense'],
      ['サロニック・テクノロジーズ社', 'Saronic Technologies, Inc.'],
      ['エイベックス・エアロスペース', 'AEVEX Aerospace'],
      ['BAEシステムズ・インク', 'BAE Systems, Inc.'],
      ['システムスタディーズ・アンド・シミュレーション社', 'System Studies & Simulation'],
      ['デドローン・バイ・アクソン', 'Dedrone by Axon'],
      ['テック・インサイツ社', 'TechInsights Inc.'],
      // ex- before a vowel written egz-; German dt and rh; AG read in German; S.r.l. in letters
      ['エグゼリス社', 'Exelis Inc.'],
      ['ヘンソルトAG', 'HENSOLDT AG'],
      ['ヘンゾルト・アーゲー', 'HENSOLDT AG'],
      ['ラインメタル・アーゲー', 'Rheinmetall AG'],
      ['ガーネット・エス・アール・エル', 'Garnet S.r.l.'],
      // a common word's plural without its s; two words run together; a remark in brackets after the name
      ['ファイヤーストーム・ラボ', 'Firestorm Labs, Inc.'],
      ['クリアアライン社', 'Clear Align LLC'],
      ['レッドキャット・ホールディングス社（プエルトリコ）', 'Red Cat Holdings, Inc.'],
      // the company's own word and 社, without the common words that end its name
      ['サロニック社', 'Saronic Technologies, Inc.'],
      // kanji words for English words of the name, beside its katakana
      ['クラトス無人航空システムズ', 'Kratos Unmanned Aerial Systems, Inc.'],
      ['ジェネラル・アトミクス航空システムズ社', 'General Atomics Aeronautical Systems, Inc.'],
      ['ハンチントン・インガルス工業', 'Huntington Ingalls Industries, Inc.'],
      // a Japanese legal form that translates the listed name's own, and SARL
      ['エクスカリバー・アーミー有限会社', 'EXCALIBUR ARMY spol. s r.o.'],
      ['テックインサイツ・コリア株式会社', 'TechInsights Korea Co. Ltd.'],
      ['ストラテジー・アナリティクス SARL', 'SARL Strategy Analytics'],
    ];
    for (const [kana, latin] of real) {
      const s = bySound(kana, latin);
      expect([kana, s !== undefined && s >= 0.8 && s < 0.92]).toEqual([kana, true]);
    }
  });

  it('does not match look-alikes, parents, subsidiaries, common words or bare one-word names', () => {
    const benign: [string, string][] = [
      ['エルビス・システムズ', 'Elbit Systems of America, LLC'],
      ['エルビット・システムズ', 'Elbit Systems of America, LLC'],
      ['エクセル・インク', 'Exelis Inc.'],
      ['アクセル社', 'Axient'],
      ['キュービック', 'Cubic Corporation'],
      ['キュービック株式会社', 'Cubic Corporation'],
      ['エイベックス株式会社', 'AEVEX Aerospace'],
      ['エイベックス', 'AEVEX Aerospace'],
      ['サミット・ソリューションズ', 'Summit Technologies Inc.'],
      ['パシフィック・リム', 'Pacific Rim Defense'],
      ['テレダイン・レクロイ', 'Teledyne FLIR, LLC'],
      ['インターコスモス', 'Inter-Coastal Electronics'],
      ['グローバル・テクノロジーズ・グループ', 'Applied Technologies Group'],
      ['テック・インサイト社', 'TechInsights Inc.'],
      ['エグゼリス', 'Exelis Inc.'], // one word without a foreign legal form
      ['サロニック', 'Saronic Technologies, Inc.'], // its own word alone, and no 社
      ['サロニック株式会社', 'Saronic Technologies, Inc.'],
      ['エクスカリバー・アーミー株式会社', 'EXCALIBUR ARMY spol. s r.o.'], // 株式会社 is no s.r.o.'s form
      ['テレダイン・フリアー株式会社', 'Teledyne FLIR, LLC'],
      ['エクセル社', 'Exelis Inc.'],
      ['インガルス・ホールディングス', 'Ingalls Industries'], // a holding company of the name is another company
      ['クラトス航空サービス', 'Kratos Unmanned Aerial Systems, Inc.'], // a kanji word translates, it does not stand in for a missing one
      ['ジェネラル航空株式会社', 'General Atomics Aeronautical Systems, Inc.'],
      ['エイベックス・エアロスペース・ジャパン', 'AEVEX Aerospace'],
      ['サロン・テクノロジーズ', 'Saronic Technologies, Inc.'],
      ['ネロ・テクノロジーズ', 'Neros Technologies'],
      ['ブリンク・チャージング', 'BRINC Drones, Inc.'],
    ];
    for (const [kana, latin] of benign) expect([kana, latin, bySound(kana, latin)]).toEqual([kana, latin, undefined]);
  });

  it("reads a Japanese company's listed Latin name in the katakana of its Japanese name, with its own legal form", () => {
    const japanese = (katakana: string, listed: string): number | undefined => {
      const q = soundQuery(katakana);
      const e = soundName(listed, true);
      return q && e ? compareBySound(q, e) : undefined;
    };
    for (const [kana, latin] of [
      ['IHIジェットサービス株式会社', 'IHI Jet Service Co., Ltd.'],
      ['株式会社IHIエアロスペースエンジニアリング', 'IHI Aerospace Engineering Co., Ltd.'],
      ['MHIロジテック株式会社', 'MHI Logitec Co., Ltd.'],
      ['株式会社フォーチュニオ', 'Fortunio Co., Ltd.'],
      ['サンテクトロ株式会社', 'Sun Tectro Co., Ltd.'],
    ]) {
      const s = japanese(kana!, latin!);
      expect([kana, s !== undefined && s >= 0.8 && s < 0.92]).toEqual([kana, true]);
    }
    // a one-word name with 株式会社 is a Japanese company's own name only where the listed company is Japanese
    expect(bySound('フォーチュニオ株式会社', 'Fortunio Co., Ltd.')).toBeUndefined();
    // another company of the group, or a name a word short, is not the listed one
    expect(japanese('株式会社ジェットサービス', 'IHI Jet Service Co., Ltd.')).toBeUndefined();
    expect(japanese('IHIサービス株式会社', 'IHI Jet Service Co., Ltd.')).toBeUndefined();
  });

  it('reads only katakana names without kanji, but for the kanji words of translated names', () => {
    expect(soundQuery('Inter-Coastal Electronics')).toBeUndefined();
    expect(soundQuery('ロッキード・マーチン東京事務所')).toBeUndefined();
    // unless the kanji are words that translate English words of a name
    expect(soundQuery('ロッキード・マーチン先端技術研究所')?.reading).toBe('rokkiido maachin advanced technology laboratories');
    expect(soundQuery('L3ハリス')?.reading).toBe('l3 harisu');
  });
});

describe('PartyIndex by sound', () => {
  const party = (id: string, list: string, country = 'US') => ({ party: { id, list, confidence: 'HIGH' as const, country } });
  const flags = { reviewOnly: false, confidence: 'HIGH' as const, published: true, abbreviation: false, generic: false };
  const index = new PartyIndex();
  index.add(party('cn.unreliable-entity.inter-coastal-electronics', 'unreliable'), 'Inter-Coastal Electronics', flags);
  index.add(party('cn.unreliable-entity.epirus', 'unreliable'), 'Epirus, Inc.', flags);
  index.add(party('jp.military-user.x', 'military-user'), 'Camp Zama', flags);

  it('names the party where the whole name reads as the listed one word for word', () => {
    for (const written of ['インターコースタル・エレクトロニクス社', 'インターコースタル エレクトロニクス・インク（アリゾナ州メサ）', 'インターコースタルエレクトロニクス']) {
      const [m] = index.match(written);
      expect([written, m?.basis, m && index.isBlocking(m)]).toEqual([written, 'sound', true]);
      expect(m?.name).toContain('read by sound from katakana "intaakoosutaru');
      expect(m?.name).toContain('word for word');
    }
  });

  it('is a review-only possible match, never blocking, for a name a sound off or of one word', () => {
    // Electrics for Electronics: one edit
    const [offBySound] = index.match('インターコースタル・エレクトリクス社');
    expect(offBySound?.basis).toBe('sound');
    expect(offBySound?.reviewOnly).toBe(true);
    expect(offBySound?.score).toBeLessThan(0.92);
    expect(index.isBlocking(offBySound!)).toBe(false);
    const [oneWord] = index.match('エピルス社');
    expect(oneWord?.name).toContain('read by sound from katakana "epirusu"');
    expect(index.isBlocking(oneWord!)).toBe(false);
  });

  it('not in prose, and not against military users', () => {
    expect(index.match('インターコースタル・エレクトロニクス社', false)).toEqual([]);
    expect(index.match('キャンプ・ザマ社')).toEqual([]);
  });
});
