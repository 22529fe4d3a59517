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

/** Currency names as Chinese and Japanese registers and manifests write them, to ISO codes. */
const CURRENCY_NAMES: Record<string, string> = {
  美元: 'USD', 美金: 'USD', 米ドル: 'USD', 欧元: 'EUR', 歐元: 'EUR', ユーロ: 'EUR', 日元: 'JPY', 日圓: 'JPY', 円: 'JPY', 日本円: 'JPY',
  人民币: 'CNY', 人民幣: 'CNY', rmb: 'CNY', 人民元: 'CNY', 港币: 'HKD', 港幣: 'HKD', 英镑: 'GBP', 英鎊: 'GBP', 韩元: 'KRW', 新台币: 'TWD',
};

/** A currency as an ISO code (USD, 美元 and usd alike); undefined for an empty cell. */
export function currencyCode(text: string | undefined): string | undefined {
  const t = (text ?? '').normalize('NFKC').trim();
  if (t === '') return undefined;
  return CURRENCY_NAMES[t.toLowerCase()] ?? CURRENCY_NAMES[t] ?? t.toUpperCase();
}
