import { describe, expect, it } from 'vitest';
import { PhraseSpans } from '../../src/engine/goods-scope.js';

describe('PhraseSpans', () => {
  it('a phrase with Latin letters stands in the text only as a word of its own (an exclusion "rc" is not in "aircraft")', () => {
    const spans = new PhraseSpans('fpv drone flight controller for aircraft, rc models');
    expect(spans.has('rc')).toBe(true);
    expect(new PhraseSpans('autopilot for unmanned aircraft').has('rc')).toBe(false);
    expect(new PhraseSpans('turbojet engine, flight test').has('light')).toBe(false);
    expect(spans.has('rc model')).toBe(true);
  });

  it('a Chinese or Japanese phrase stands anywhere, as keywords do', () => {
    expect(new PhraseSpans('航模涡喷发动机').has('航模')).toBe(true);
  });
});
