import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeywordAutomaton } from '../../src/match/automaton.js';

const automaton = (patterns: string[]): KeywordAutomaton<string> => {
  const a = new KeywordAutomaton<string>();
  for (const p of patterns) a.add(p, p);
  return a.build();
};
const found = (a: KeywordAutomaton<string>, text: string): string[] => a.search(text).map((h) => `${h.value}@${h.start}`);

describe('KeywordAutomaton', () => {
  it('finds Latin patterns on word boundaries, with simple plurals, and CJK patterns as substrings', () => {
    const a = automaton(['oxide', 'press', 'gallium', '钐', '氧化钐']);
    expect(found(a, 'samarium oxides, 2 presses')).toEqual(['oxide@9', 'press@19']);
    expect(found(a, 'oxidex hydropress galliumoxide')).toEqual([]);
    expect(found(a, '高纯氧化钐粉末')).toEqual(['氧化钐@2', '钐@4']);
  });

  it('ends a pattern of digits and Chinese or Japanese where its last character ends, not at the next Latin letter', () => {
    const a = automaton(['5軸', 'cnc研削盤']);
    expect(found(a, '円筒研削盤 5軸CNC 同時制御')).toEqual(['5軸@6']);
    expect(found(a, '15軸, 5軸s, 5cnc研削盤x')).toEqual(['5軸@5']);
  });

  it('reports overlapping patterns ending at one place longest first', () => {
    expect(found(automaton(['nitride', 'gallium nitride', 'gallium']), 'gallium nitride')).toEqual(['gallium@0', 'gallium nitride@0', 'nitride@8']);
  });

  it('gives the same hits in the same order whether it scans or walks its trie', () => {
    const word = fc.stringMatching(/^[a-c ]{1,4}$/);
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 12 }), fc.array(fc.stringMatching(/^[a-c ]{0,30}$/), { minLength: 40, maxLength: 40 }), (patterns, texts) => {
        const a = automaton(patterns);
        // the first searches of `a` scan, the later ones walk its trie; a fresh automaton always scans
        for (const text of texts) expect(found(a, text)).toEqual(found(automaton(patterns), text));
      }),
      { seed: 20261203, numRuns: 60 },
    );
  });
});
