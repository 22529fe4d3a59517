import { describe, expect, it } from 'vitest';
import { goodsSegments } from '../../src/engine/goods-segments.js';
import { foldText } from '../../src/match/fold.js';
import { screenRow } from './screen-row.js';

const goodsOf = (description: string, codes = 1): string[] => {
  const text = foldText(description);
  return goodsSegments(text, codes).map((g) => text.slice(g.start, g.end).trim());
};

describe('the goods of a line that lists several, each with its package count', () => {
  it('cuts at the separator next to a count, before or after the goods', () => {
    expect(goodsOf('1X40HC STC: 90 CTNS ALLOY ROAD BIKE FRAMES, 14 CTNS CARBON FIBRE TOW 12K, 6 CTNS BIKE TOOL KITS')).toEqual([
      '1x40hc stc: 90 ctns alloy road bike frames',
      '14 ctns carbon fibre tow 12k',
      '6 ctns bike tool kits',
    ]);
    expect(goodsOf('品名：LED電球 100CS／ガリウム地金 4N 30CS／スチール書庫 6PL')).toEqual(['品名:LED電球 100CS', 'ガリウム地金 4N 30CS', 'スチール書庫 6PL'].map(foldText));
    expect(goodsOf('2 CTNS SM2CO17 MAGNET RINGS + 6 CTNS LOUDSPEAKER GRILLES')).toEqual(['2 ctns sm2co17 magnet rings', '6 ctns loudspeaker grilles']);
    expect(goodsOf('LED灯泡 100箱、镓锭 30箱、钢制文件柜 6托')).toEqual(['led灯泡 100箱', '镓锭 30箱', '钢制文件柜 6托']);
  });

  it('cuts at the mark that makes as many goods as the HS cell gives codes', () => {
    expect(goodsOf('STC 6 CTNS: SPEAKER GRILLES / NDFEB ARC MAGNETS N52SH / FOAM INSERTS', 3)).toEqual(['stc 6 ctns: speaker grilles', 'ndfeb arc magnets n52sh', 'foam inserts']);
    expect(goodsOf('Carbon fibre tow T700 12K, for bicycle frames', 2)).toEqual(['carbon fibre tow t700 12k', 'for bicycle frames']);
    expect(goodsOf('Carbon fibre tow T700 12K, for bicycle frames', 3)).toHaveLength(1);
  });

  it('keeps a line whole where it names one good, or separators stand away from the counts', () => {
    expect(goodsOf('Carbon fibre tow 12K, 20 CTNS, for bicycle frames')).toHaveLength(1);
    expect(goodsOf('Carbon fibre / epoxy fishing rod blanks, 2.7 m, 50 pcs')).toHaveLength(1);
    expect(goodsOf('Carbon fiber, fishing rod grade, 12 rolls; 3K twill 200 gsm, 4 rolls')).toEqual(['carbon fiber, fishing rod grade, 12 rolls', '3k twill 200 gsm, 4 rolls']);
  });
});

describe("what one good of a line is does not rule out another good's keyword", () => {
  it('a controlled good beside look-alike goods stays a finding', () => {
    expect(screenRow({ description: '1X40HC STC: 90 CTNS ALLOY ROAD BIKE FRAMES, 14 CTNS CARBON FIBRE TOW 12K T800-GRADE, 6 CTNS BIKE TOOL KITS' }).verdict).toBe('review');
    expect(screenRow({ description: 'HAWB STC 2 CTNS SM2CO17 MAGNET RINGS 28X12X5 MM + 6 CTNS LOUDSPEAKER GRILLES' }).verdict).toBe('review');
    expect(screenRow({ description: '積荷目録 1×40HC 品名：LED電球 100CS／ガリウム地金 4N 30CS／スチール書庫 6PL' }).verdict).toBe('review');
  });

  it('a cell of several HS codes: the goods are told apart by the description\'s marks, and one code excludes only its own good', () => {
    expect(screenRow({ description: 'STC 6 CTNS: SPEAKER GRILLES / NDFEB ARC MAGNETS N52SH GRAIN-BOUNDARY DY-DIFFUSED / FOAM INSERTS', hs_code: '851890 / 850511 / 392190' }).verdict).toBe('review');
    expect(screenRow({ description: '混載：自転車用ヘルメット 30個・炭素繊維トウ T800 24K 10巻・携帯工具セット 20個', hs_code: '650610/681511/820600' }).verdict).toBe('review');
    expect(screenRow({ description: 'Carbon fibre bicycle frame / fork', hs_code: '871420 / 871491' }).verdict).toBe('clear');
    // one code per good: the ring's own code (jewellery, 7113) sets the ring apart, whatever the cases' code
    expect(screenRow({ description: 'タングステン リング 幅6mm 40個・リングケース 40個・名入れ刻印 40件', hs_code: '711319/420292/711719' }).verdict).toBe('clear');
  });

  it('an exclusion in the same good still rules its keyword out', () => {
    expect(screenRow({ description: '80 CTNS CARBON ROAD BIKE FRAMES T700 MONOCOQUE, 150 CTNS TELESCOPIC CARBON FISHING RODS' }).verdict).toBe('clear');
    expect(screenRow({ description: 'Carbon fibre bicycle frames 20 CTNS, forks 10 CTNS' }).verdict).toBe('clear');
  });
});
