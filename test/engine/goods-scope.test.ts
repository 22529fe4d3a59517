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

  it('a phrase negated right before it is not affirmed as an exclusion (非线切割, "not wire-cut"); 非洲 is Africa', () => {
    expect(new PhraseSpans('电火花成形机 带两个联动旋转轴(非线切割)').unnegated('线切割')).toEqual([]);
    expect(new PhraseSpans('edm, not wire-cut').unnegated('wire-cut')).toEqual([]);
    expect(new PhraseSpans('电火花线切割机').unnegated('线切割')).toEqual([3]);
    // in its clause: tariff wording ("other than furniture"), but not the 非 of 非洲
    expect(new PhraseSpans('parts thereof, other than furniture').affirmed('furniture')).toEqual([]);
    expect(new PhraseSpans('非洲猪瘟病毒 抗体检测试剂盒').affirmed('试剂盒')).toEqual([11]);
  });
});
