/**
 * Which double-byte encoding a file that is not UTF-8 is in: Shift_JIS (CP932, Japanese Windows and
 * Excel), EUC-JP (Japanese Unix systems, older web and mainframe exports) or GB18030 (Chinese). All three
 * decode most byte strings without error, so the decodings are compared by what they make of the bytes.
 */
import iconv from 'iconv-lite';
import type { Encoding } from '../model/run.js';

const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;

/**
 * Characters frequent in Japanese and Chinese trade documents (parties, goods, units, places, the column
 * names), in Japanese, simplified Chinese and shared forms. Read in its own encoding, a manifest is full of
 * them; read in the wrong one, it is a jumble of rare characters in which they hardly occur.
 */
const FREQUENT = new Set(
  '株式会社有限日本東京大阪名古屋横浜神戸京都福岡札幌品名目番号数量単位金額価格円通貨用途仕向国地荷受人需要者最終輸出入統計型式規格製造工業所電機子材料部化学金属機械器具装置事務合計小備考年月日様御中殿営業本支店場商事産物流貨運送港航空海上陸自衛隊防省庁研究開発精密重軽社長取引先納期注文受発' +
    '的公司责任股份集团称编码币制美元人民币最终户收货发出口进报关商规格要素申中华共和上海深圳北京广州天津苏杭宁波厦门市省区县路楼厂业电设备仪件个台套箱千克吨计备注贸易科技术实验军',
);

const kana = (s: string): number => count(s, /[\u3041-\u3096\u30a1-\u30fa\u30fc]/g);
const frequent = (s: string): number => {
  let n = 0;
  for (const c of s) if (FREQUENT.has(c)) n++;
  return n;
};

/**
 * Japanese or Chinese, and which Japanese encoding. Text without a replacement character and with kana
 * read as Shift_JIS is Shift_JIS. Otherwise each reading is scored by how much sense it makes: its kana
 * and frequent characters, less two for each byte sequence it cannot read. Half-width
 * katakana count for nothing: Chinese text read as Shift_JIS turns into them (GB lead bytes 0xB0–0xDF are
 * single-byte kana there), and so does EUC-JP text, while real Japanese manifests use a few (ｺｰﾋｰﾒｰｶｰ), which
 * is why they cannot count against Shift_JIS either. GB18030 wins a tie.
 */
export function guessLegacyEncoding(b: Buffer): Encoding {
  const sjis = iconv.decode(b, 'cp932');
  if (count(sjis, /[\ufffd\uff61-\uff9f]/g) === 0 && kana(sjis) > 0) return 'shift_jis';
  const euc = iconv.decode(b, 'euc-jp');
  const gb = iconv.decode(b, 'gb18030');
  const sense = (s: string): number => kana(s) + frequent(s) - 2 * count(s, /\ufffd/g);
  const scores: [Encoding, number][] = [
    ['gb18030', sense(gb)],
    ['shift_jis', sense(sjis)],
    ['euc-jp', sense(euc)],
  ];
  return scores.reduce((best, s) => (s[1] > best[1] ? s : best))[0];
}
