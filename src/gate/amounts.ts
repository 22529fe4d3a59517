/** Quantities and values of manifest rows and licences: numbers as exported by spreadsheets, units that convert. */
import { foldText } from '../match/fold.js';
import { readReference } from '../match/reference.js';

/** "1,000.50", "1 000", "１０００" → a number; undefined when the text is not a non-negative number. */
export function parseAmount(text: string | undefined): number | undefined {
  const t = (text ?? '').normalize('NFKC').trim().replace(/[,\s_]/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

interface UnitEntry {
  kind: string;
  /** Factor to the base unit of its kind. */
  factor: number;
  names: string[];
}
/** Units a licence and a manifest may write differently (rules/reference/units.json). */
const BY_NAME = new Map(
  readReference<{ units: UnitEntry[] }>('units.json').units.flatMap(({ kind, factor, names }) => names.map((n): [string, { kind: string; factor: number }] => [n, { kind, factor }])),
);

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
