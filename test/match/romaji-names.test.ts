import { describe, expect, it } from 'vitest';
import type { PartyRef } from '../../src/engine/compile.js';
import { DEFAULT_PARTY_THRESHOLDS, PartyIndex, type NameFlags } from '../../src/match/party-index.js';
import { kanaReadingKey, latinReadingKey } from '../../src/match/romaji-names.js';
import type { Party } from '../../src/rules/schema.js';

describe('romaji of Japanese names, against their kana', () => {
  it('Hepburn and Kunrei, long vowels, doubled consonants and legal forms do not tell a romaji name apart', () => {
    const key = kanaReadingKey('ミツビシゾウセン');
    for (const written of ['Mitsubishi Zosen', 'MITSUBISHI ZOUSEN KABUSHIKI KAISHA', 'Mitsubishi Zōsen K.K.', 'Mitubisi Zohsen Co., Ltd.']) {
      expect(latinReadingKey(written), written).toBe(key);
    }
    expect(latinReadingKey('Kawasaki Juukougyou')).toBe(kanaReadingKey('カワサキジュウコウギョウ'));
    expect(latinReadingKey('Nippon Koki')).toBe(kanaReadingKey('ニッポンコウキ株式会社'));
    expect(latinReadingKey('IHI Earosupesu')).toBe(kanaReadingKey('株式会社IHIエアロスペース'));
  });

  it('only names in kana have a reading key, and only Latin names are read as romaji', () => {
    expect(kanaReadingKey('三菱造船株式会社')).toBeUndefined();
    expect(kanaReadingKey('Mitsubishi Shipbuilding Co., Ltd.')).toBeUndefined();
    expect(latinReadingKey('三菱造船')).toBeUndefined();
    expect(latinReadingKey('Mitsubishi Shipbuilding')).not.toBe(kanaReadingKey('ミツビシゾウセン'));
  });
});

describe('PartyIndex: a Japanese listed name written in romaji', () => {
  const party = (id: string, country: string): Party => ({
    id,
    list: 'control',
    country,
    names: { en: [], zh: [], ja: [] },
    listed: '2026-02-24',
    suspended: [],
    addresses: [],
    transferBan: true,
    tradeBan: false,
    source: 'S',
    confidence: 'HIGH',
  });
  const flags: NameFlags = { reviewOnly: false, confidence: 'HIGH', published: false, abbreviation: false, generic: false };
  const index = new PartyIndex<PartyRef>(DEFAULT_PARTY_THRESHOLDS);
  index.add({ party: party('msb', 'JP'), source: 'S', suspensionSources: new Map() }, 'ミツビシゾウセン', flags);
  index.add({ party: party('foreign', 'US'), source: 'S', suspensionSources: new Map() }, 'アンドゥリル', flags);
  index.add({ party: party('mod', 'JP'), source: 'S', suspensionSources: new Map() }, 'ボウエイショウ', flags);

  it('names the entity for certain when the reading is a whole name of eleven letters or more', () => {
    for (const written of ['Mitsubishi Zosen Co., Ltd.', 'MITSUBISHI ZOUSEN K.K.', 'Mitsubishi Zōsen Kabushiki Kaisha']) {
      const [m] = index.match(written);
      expect(m, written).toMatchObject({ basis: 'romaji', reviewOnly: false, score: 1 });
      expect(m!.ref.party.id).toBe('msb');
    }
  });

  it('is a possible match, for review only, when the reading is short (folded spellings of a short name may meet another)', () => {
    const [m] = index.match('Bouei-shou');
    expect(m).toMatchObject({ basis: 'romaji', reviewOnly: true });
    expect(m!.ref.party.id).toBe('mod');
    expect(m!.score).toBeLessThan(DEFAULT_PARTY_THRESHOLDS.block);
  });

  it("reads no other name: another company, a foreign entity's katakana, prose", () => {
    expect(index.match('Mitsubishi Shoji')).toEqual([]);
    expect(index.match('Anduriru')).toEqual([]);
    expect(index.match('Mitsubishi Zosen', false)).toEqual([]);
  });
});
