/**
 * Quantities a folded description states ("Li-ion cell 21700, 320 Wh/kg", "high-speed camera 1,000,000 fps",
 * "变频电源 0-1000Hz", "每秒250000帧"), in the units the catalogue's thresholds use, so that a `together` group can ask
 * for a parameter at or past an entry's threshold. A number counts only right before its unit (a space allowed);
 * of a range ("0-1000 Hz", folded "0 1000 hz") that is the upper end. Thousands are grouped with commas only: a space
 * may stand between a range's two numbers.
 */
import type { QuantityBound, QuantityCondition, QuantityUnit } from '../model/quantity.js';
import { foldText } from './fold.js';

export interface StatedQuantity {
  unit: QuantityUnit;
  /** In the unit's own measure (kHz read as Hz times 1,000). */
  value: number;
  /** Written as what the goods take in ("input 220 V", "AC220V", "入力 100V"), not what they are rated for. */
  supply?: true;
  start: number;
  end: number;
}

/** Each written unit with its unit and factor (compared folded: m³/s is m3/s, 帧 and 每 as the fold writes them). */
const WRITTEN: [string, QuantityUnit, number][] = [
  ['wh/kg', 'Wh/kg', 1],
  ['kwh/kg', 'Wh/kg', 1000],
  ['瓦时/千克', 'Wh/kg', 1],
  ['瓦时/公斤', 'Wh/kg', 1],
  ['fps', 'fps', 1],
  ['kfps', 'fps', 1000],
  ['frames per second', 'fps', 1],
  ['frames/s', 'fps', 1],
  ['帧/秒', 'fps', 1],
  ['帧/s', 'fps', 1],
  ['コマ/秒', 'fps', 1],
  ['hz', 'Hz', 1],
  ['khz', 'Hz', 1e3],
  ['mhz', 'Hz', 1e6],
  ['赫兹', 'Hz', 1],
  ['m3/s', 'm3/s', 1],
  ['m3/min', 'm3/s', 1 / 60],
  ['m3/h', 'm3/s', 1 / 3600],
  ['l/s', 'm3/s', 1e-3],
  ['l/min', 'm3/s', 1e-3 / 60],
  ['v', 'V', 1],
  ['kv', 'V', 1e3],
  ['a', 'A', 1],
  ['ka', 'A', 1e3],
  ['ma', 'A', 1e-3],
  ['w', 'W', 1],
  ['kw', 'W', 1e3],
  // no mw: folded, a radio's 100 mW and a plant's 100 MW are one text
  ['瓦', 'W', 1],
  ['千瓦', 'W', 1e3],
  ['bq', 'Bq', 1],
  ['kbq', 'Bq', 1e3],
  ['mbq', 'Bq', 1e6],
  ['gbq', 'Bq', 1e9],
  ['tbq', 'Bq', 1e12],
  ['贝可', 'Bq', 1],
  ['ベクレル', 'Bq', 1],
  ['ci', 'Bq', 3.7e10],
  ['mci', 'Bq', 3.7e7],
  ['μci', 'Bq', 3.7e4],
  ['uci', 'Bq', 3.7e4],
  ['kci', 'Bq', 3.7e13],
  ['l', 'L', 1],
  ['ml', 'L', 1e-3],
  ['升', 'L', 1],
  ['毫升', 'L', 1e-3],
  ['リットル', 'L', 1],
  ['cm3', 'L', 1e-3],
  ['m3', 'L', 1e3],
  ['立方米', 'L', 1e3],
  ['cc', 'L', 1e-3],
  // no mn: millinewton and meganewton fold alike
  ['n', 'N', 1],
  ['kn', 'N', 1e3],
  ['千牛', 'N', 1e3],
];

const NUMBER = String.raw`(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?`;
/** Chinese and Japanese write large numbers in ten-thousands: 100万帧/秒 is 1,000,000 fps (the fold reads 萬 and 億 as 万 and 亿). */
const MYRIADS = new Map([
  [foldText('万'), 1e4],
  [foldText('亿'), 1e8],
]);
const MYRIAD = `(${[...MYRIADS.keys()].join('|')})?`;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const FACTORS = new Map(WRITTEN.map(([written, unit, factor]) => [foldText(written), { unit, factor }]));
/**
 * Not inside a number (1,000, 2.5), but after a comma that follows a word ("REACTOR,5L"), or digits when no group of
 * three follows it ("DN400,20000 L/S": 400,200 would be no number). Longest units first, so that khz is not read as hz; a Latin unit ends where letters end (5000 mah is no current) and
 * is no unit of a ratio (1 gbq/g is no activity, 5 v/div no voltage; 120v/600a is two quantities), and is not followed by
 * a digit (3a228 is a control code).
 */
const STATED = new RegExp(
  `(?<![\\d.])(?!(?<=\\d,)\\d{3}(?!\\d))${NUMBER}${MYRIAD}\\s?(${[...FACTORS.keys()].sort((a, b) => b.length - a.length).map(escape).join('|')})(?![a-z\\d]|/[^\\d\\s])`,
  'g',
);
/** Chinese "每秒250000帧": the number between its two words. */
const PER_SECOND_FRAMES = new RegExp(`${foldText('每秒')}\\s?${NUMBER}${MYRIAD}\\s?${foldText('帧')}`, 'g');

/** Words right before a value that make it the supply side: a power supply's 220 V input says nothing of its output. */
const SUPPLY_BEFORE = new RegExp(`(?:(?:^|[^a-z])(?:input|ac|mains|primary)|${['输入', '入力', '一次'].map(foldText).join('|')})\\s?[:：=]?\\s?$`);

/** A number right after letters is part of a model or control code (GP3A, 3A228, K5V), unless they say AC or DC. */
const inCode = (text: string, at: number): boolean => /[a-z]/.test(text[at - 1] ?? '') && !/(?:^|[^a-z])[ad]c$/.test(text.slice(Math.max(0, at - 3), at));

const valueOf = (whole: string, fraction: string | undefined, myriad: string | undefined): number =>
  Number(whole.replace(/,/g, '') + (fraction ?? '')) * (myriad ? MYRIADS.get(myriad)! : 1);

export function statedQuantities(text: string): StatedQuantity[] {
  if (!/\d/.test(text)) return [];
  const found: StatedQuantity[] = [];
  for (const m of text.matchAll(STATED)) {
    if (inCode(text, m.index)) continue;
    const { unit, factor } = FACTORS.get(m[4]!)!;
    const supply = SUPPLY_BEFORE.test(text.slice(Math.max(0, m.index - 12), m.index));
    found.push({ unit, value: valueOf(m[1]!, m[2], m[3]) * factor, start: m.index, end: m.index + m[0].length, ...(supply ? { supply } : {}) });
  }
  for (const m of text.matchAll(PER_SECOND_FRAMES)) found.push({ unit: 'fps', value: valueOf(m[1]!, m[2], m[3]), start: m.index, end: m.index + m[0].length });
  return found;
}

export const meets = (q: StatedQuantity, c: QuantityCondition): boolean =>
  q.unit === c.quantity && (c.atLeast !== undefined ? q.value >= c.atLeast : q.value > c.above!);

/**
 * The description states the bound's parameter, and every value it states of it lies on the uncontrolled side: "Po-210
 * ionizer 18.5 MBq" under 3.7 GBq. One value past the bound ("30 kV, 10 mA ... 50 kV") and it says nothing; nor does a
 * value on the supply side ("HV supply, input 220 V": its output is not stated).
 */
export const statesOnlyWithin = (stated: StatedQuantity[], bound: QuantityBound): boolean => {
  const values = stated.filter((q) => q.unit === bound.quantity && !q.supply);
  return values.length > 0 && values.every((q) => (bound.below !== undefined ? q.value < bound.below : q.value <= bound.atMost!));
};

/** A quantity as a finding shows it: 320 Wh/kg. */
export const quantityText = (q: StatedQuantity): string => `${Number(q.value.toPrecision(6))} ${q.unit}`;
