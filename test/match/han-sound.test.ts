import { describe, expect, it } from 'vitest';
import { hanSoundQuery } from '../../src/match/han-sound.js';
import { PartyIndex } from '../../src/match/party-index.js';
import { compareBySound, soundName } from '../../src/match/sound.js';

const bySound = (chinese: string, listed: string): number | undefined => {
  const q = hanSoundQuery(chinese);
  const e = soundName(listed);
  return q && e ? compareBySound(q, e) : undefined;
};

describe('Chinese transliterations read by sound', () => {
  it('matches the press forms of listed Latin names, in the review band only', () => {
    const written: [string, string][] = [
      ['库比克全球防务公司', 'Cubic Global Defense'],
      ['特利丹菲力爾公司', 'Teledyne FLIR, LLC'],
      ['特利丹FLIR公司', 'Teledyne FLIR, LLC'],
      ['艾爾比特系統美國公司', 'Elbit Systems of America, LLC'],
      ['美国艾尔比特系统公司', 'Elbit Systems of America, LLC'],
      ['埃克塞利斯公司', 'Exelis Inc.'],
      ['洛克希德·馬汀公司', 'Lockheed Martin Corporation'],
      ['美商洛克希德·馬汀公司', 'Lockheed Martin Corporation'],
      ['雷聲飛彈與防衛公司', 'Raytheon Missiles & Defense'],
      ['塞拉·內華達公司', 'Sierra Nevada Corporation'],
      // a country written first; 波 for po; Latin letters beside translated words
      ['捷克奥姆尼波尔公司', 'OMNIPOL a.s.'],
      ['比利時FN赫斯塔爾公司', 'FN Herstal'],
      ['埃斯卡利伯陆军公司', 'EXCALIBUR ARMY spol. s r.o.'],
      ['美商MP材料公司', 'MP Materials Corp.'],
      ['L3哈里斯科技公司', 'L3 Harris Technologies'],
    ];
    for (const [chinese, latin] of written) {
      const s = bySound(chinese, latin);
      expect([chinese, s !== undefined && s >= 0.8 && s < 0.92]).toEqual([chinese, true]);
    }
  });

  it('does not match the parent, another company of the family, short one-word names, or ordinary foreign companies', () => {
    const benign: [string, string][] = [
      ['埃尔比特系统公司', 'Elbit Systems of America, LLC'], // the Israeli parent: America is not written
      ['特利丹勒克罗伊公司', 'Teledyne FLIR, LLC'], // Teledyne LeCroy
      ['库比克', 'Cubic Corporation'], // one word, and no 公司
      ['库比克公司', 'Cubic Corporation'], // one word of three sounds: ordinary names have as many (斯柯达 Skoda, Skydio)
      ['斯柯达公司', 'Skydio Inc.'],
      ['英特尔公司', 'Anduril Industries'], // Intel: t is not d
      ['沃尔沃公司', 'III-V LAB'], // Volvo: w is not v
      ['埃尔比特公司', 'Elbit Systems of America, LLC'], // the parent, by its own word: in Chinese every company is a 公司
      ['奥什科什公司', 'Oshkosh Defense, LLC'],
      ['洛歇马田公司', 'Lockheed Martin Corporation'], // Hong Kong's form is too far from the sound of the name
      ['吉隆坡', 'Sierra Nevada Corporation'], // Kuala Lumpur: a place, not a company
    ];
    for (const [chinese, latin] of benign) expect([chinese, latin, bySound(chinese, latin)]).toEqual([chinese, latin, undefined]);
  });

  it('reads only company names of transliteration characters and translated words, of three characters or two beside a word', () => {
    expect(hanSoundQuery('上海贸易有限公司')).toBeUndefined();
    expect(hanSoundQuery('三菱重工业株式会社')).toBeUndefined();
    expect(hanSoundQuery('康达公司')).toBeUndefined();
    expect(hanSoundQuery('休斯顿')).toBeUndefined();
    expect(hanSoundQuery('雷声导弹与防务公司')?.reading).toBe('leisheng missiles defense');
    expect(hanSoundQuery('Cubic Corporation')).toBeUndefined();
    expect(hanSoundQuery('キュービック社')).toBeUndefined();
  });
});

describe('PartyIndex reading Chinese by sound', () => {
  const flags = { reviewOnly: false, confidence: 'HIGH' as const, published: true, abbreviation: false, generic: false };
  const index = new PartyIndex();
  index.add({ party: { id: 'cn.unreliable-entity.cubic-global-defense', list: 'unreliable', confidence: 'HIGH' as const, country: 'US' } }, 'Cubic Global Defense', flags);

  it('is a review-only possible match that gives the pinyin it read, never blocking', () => {
    const [m] = index.match('庫比克全球防衛公司');
    expect(m?.basis).toBe('sound');
    expect(m?.reviewOnly).toBe(true);
    expect(m?.name).toContain('read by sound from Chinese characters, in pinyin "kubike global defense"');
    expect(index.isBlocking(m!)).toBe(false);
  });
});
