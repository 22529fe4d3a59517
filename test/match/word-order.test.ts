import { describe, expect, it } from 'vitest';
import { AnyOrderKeywords } from '../../src/match/word-order.js';

const keywords = (list: string[], passOverFor = false): AnyOrderKeywords<string> => {
  const k = new AnyOrderKeywords<string>(passOverFor);
  for (const p of list) k.add(p, p);
  return k;
};
const found = (k: AnyOrderKeywords<string>, text: string): string[] => k.search(text).map((h) => `${h.value}@${h.start}-${h.end}`);

describe('AnyOrderKeywords', () => {
  const k = keywords(['nuclear grade graphite', 'fiber optic gyroscope', 'pulse discharge capacitor', 'cerium powder', 'class iii biosafety cabinet']);

  it('finds a keyword whose words stand side by side in another order, across the comma of an inverted item name', () => {
    expect(found(k, 'graphite nuclear grade, blocks')).toEqual(['nuclear grade graphite@0-22']);
    expect(found(k, 'gyroscope, fiber optic')).toEqual(['fiber optic gyroscope@0-22']);
    expect(found(k, 'biosafety cabinet class iii')).toEqual(['class iii biosafety cabinet@0-27']);
  });

  it('takes plural words for singular ones', () => {
    expect(found(k, 'high voltage capacitors pulse discharge')).toEqual(['pulse discharge capacitor@13-39']);
  });

  it('finds nothing when another word stands between, or a semicolon or bracket parts them', () => {
    expect(found(k, 'cerium oxide polishing powder')).toEqual([]);
    expect(found(k, 'graphite; nuclear grade')).toEqual([]);
    expect(found(k, 'gyroscope (fiber optic)')).toEqual([]);
    expect(found(k, 'fiber optic cable with gyroscope mount')).toEqual([]);
  });

  it('passes over "for" when asked (an autopilot for a UAV is a UAV autopilot), never "of"', () => {
    const joined = keywords(['uav autopilot', 'aramid fibre', 'cladding tube for nuclear fuel'], true);
    expect(found(joined, 'autopilot for uav, fixed wing')).toEqual(['uav autopilot@0-17']);
    expect(found(joined, 'nuclear fuel cladding tubes')).toEqual(['cladding tube for nuclear fuel@0-27']);
    expect(found(joined, 'synthetic staple fibres, of aramids')).toEqual([]);
    // exclusions keep their "for": "for nuclear reactor" must not become "nuclear reactor"
    expect(found(keywords(['for nuclear reactor']), 'small modular nuclear reactor')).toEqual([]);
    expect(found(keywords(['uav autopilot']), 'autopilot for uav')).toEqual([]);
  });

  it('leaves out single words, repeated words and Chinese or Japanese keywords, which keep their order', () => {
    expect(keywords(['gallium', '核级 石墨', 'tri tri', '原子炉 黒鉛']).size).toBe(0);
  });
});
