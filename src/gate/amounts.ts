/** Quantities and values of manifest rows and licences: numbers as exported by spreadsheets, units that convert. */
import { foldText } from '../match/fold.js';

/** "1,000.50", "1 000", "１０００" → a number; undefined when the text is not a non-negative number. */
export function parseAmount(text: string | undefined): number | undefined {
  const t = (text ?? '').normalize('NFKC').trim().replace(/[,\s_]/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/** Units a licence and a manifest may write differently, with their factor to the base unit of their kind. */
const UNITS: [kind: string, factor: number, names: string[]][] = [
  ['mass', 1, ['kg', 'kgs', 'kilogram', 'kilograms', 'kilo', 'kilos', '千克', '公斤', 'キロ', 'キログラム']],
  ['mass', 0.001, ['g', 'gram', 'grams', '克', 'グラム']],
  ['mass', 1000, ['t', 'mt', 'tonne', 'tonnes', 'metric ton', 'metric tons', '吨', '公吨', '噸', 'トン']],
  ['mass', 0.45359237, ['lb', 'lbs', 'pound', 'pounds']],
  ['count', 1, ['pc', 'pcs', 'piece', 'pieces', 'ea', 'each', 'unit', 'units', 'nos', '个', '個', '件', '只', '片', '枚', '個数']],
  ['set', 1, ['set', 'sets', '套', 'セット']],
];
const BY_NAME = new Map(UNITS.flatMap(([kind, factor, names]) => names.map((n): [string, { kind: string; factor: number }] => [n, { kind, factor }])));

const unitKey = (unit: string): string => foldText(unit).trim().replace(/\.$/, '');

/** `amount` in `from` expressed in `to`; undefined when the units cannot be compared. */
export function convertAmount(amount: number, from: string, to: string): number | undefined {
  const a = unitKey(from);
  const b = unitKey(to);
  if (a === b) return amount;
  const ua = BY_NAME.get(a);
  const ub = BY_NAME.get(b);
  if (!ua || !ub || ua.kind !== ub.kind) return undefined;
  return round((amount * ua.factor) / ub.factor);
}

/** Sums and differences of decimal amounts without binary noise (1000 - 200.1 = 799.9). */
export const round = (x: number): number => Math.round(x * 1e6) / 1e6;
