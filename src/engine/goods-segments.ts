/**
 * The goods of a line that lists several, each with its own package count, as forwarders and consolidators write them:
 * "90 ctns alloy road bike frames, 14 ctns carbon fibre tow", "led電球 100cs／ガリウム地金 30cs／スチール書庫 6pl".
 * What one of them is (a bicycle frame, a light bulb) says nothing of the others.
 */

export interface GoodsSegment {
  start: number;
  end: number;
}

// a count and a package or piece word, in folded text (lower case, half width)
const PACKAGE_COUNT =
  /\d[\d,.]*\s*(?:x\s*)?(?:ctns?|cartons?|plts?|pallets?|pkgs?|packages?|cs|cases?|drums?|bags?|boxes|bxs|crates?|skids?|pcs|pc|sets?|rolls?|reels?|pl|箱|件|托|桶|袋|卷|套|台|个|個|ケース|個口|梱|パレット|セット|本|枚|ドラム|巻|組|ダース|颗|把|支|条|张|瓶|缶)(?![a-z])/g;
const SEPARATOR = /[,，、/／;；+＋・\n]/;
/** The marks a line lists its goods with, tried in turn against the number of HS codes its cell gives: a comma last. */
const LIST_MARKS = ['/', ';', '、', '・', '|', '+', ','];

/**
 * The stretches of a description that name one good each: cut beside its package counts where it gives two or more, else
 * at the one mark that cuts it into as many parts as the HS cell gives codes (`codes`: "851890 / 850511 / 392190" beside
 * "speaker grilles / ndfeb arc magnets / foam inserts"); the whole text otherwise.
 */
export function goodsSegments(text: string, codes = 1): GoodsSegment[] {
  const counts = [...text.matchAll(PACKAGE_COUNT)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  if (counts.length < 2) return codes < 2 ? [{ start: 0, end: text.length }] : listedGoods(text, codes);
  const cuts = new Set<number>();
  for (const count of counts) {
    // a count closing its good ("led電球 100cs／") ends it at the separator after it; one opening its good (", 14 ctns
    // carbon fibre tow") starts it after the separator before it
    const after = text.length - text.slice(count.end).trimStart().length;
    if (after === text.length) continue;
    if (SEPARATOR.test(text[after]!)) cuts.add(after);
    else {
      const before = text.slice(0, count.start).trimEnd().length - 1;
      if (before >= 0 && SEPARATOR.test(text[before]!)) cuts.add(before);
    }
  }
  const segments: GoodsSegment[] = [];
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    segments.push({ start, end: cut });
    start = cut + 1;
  }
  segments.push({ start, end: text.length });
  return segments;
}

function listedGoods(text: string, codes: number): GoodsSegment[] {
  for (const mark of LIST_MARKS) {
    const parts = text.split(mark);
    if (parts.length !== codes || parts.some((p) => p.trim() === '')) continue;
    let start = 0;
    return parts.map((p) => {
      const good = { start, end: start + p.length };
      start = good.end + mark.length;
      return good;
    });
  }
  return [{ start: 0, end: text.length }];
}

