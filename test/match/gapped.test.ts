import { describe, expect, it } from 'vitest';
import { GappedKeywords } from '../../src/match/gapped.js';

describe('GappedKeywords', () => {
  const index = new GappedKeywords<string>();
  for (const k of ['無人機用エンジン', '无人机用发动机', '使用済燃料集合体', 'uf6用弁']) index.add(k, k);
  const found = (text: string) => index.search(text).map((h) => h.value);

  it('finds "X用Y" with a specification written between its halves', () => {
    expect(found('無人機用2気筒2ストロークエンジン 22kw')).toEqual(['無人機用エンジン']);
    expect(found('无人机用双缸二冲程发动机 22kw 电喷')).toEqual(['无人机用发动机']);
  });

  it('not across a space or a mark, nor over a long stretch, nor on the 用 of 使用 or a one-character tail', () => {
    expect(found('無人機用 カメラ ジンバル エンジン')).toEqual([]);
    expect(found('無人機用、モーター。エンジン')).toEqual([]);
    expect(found('無人機用とても長い長い長い長い説明のあとのエンジン')).toEqual([]);
    expect(index.size).toBe(2);
  });
});
