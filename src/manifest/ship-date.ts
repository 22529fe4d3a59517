/**
 * A manifest's ship date read as the calendar days it may mean, as ERPs, customs systems and people write it: ISO
 * (with or without a time; a time with its offset is taken as the day in Beijing), 2026/11/20, 2026年11月20日, 2026년 11월 20일, 令和8年11月20日 and R8.11.20, 20.11.2026,
 * 11/20/2026, Nov 20, 2026 and 20-Nov-2026, 20261120, and a spreadsheet's day number (46346).
 */

import { addDays, todayInBeijing } from '../calendar.js';
import type { ShipDate } from '../model/row.js';

/** Months by their first three letters, English and German. */
const MONTHS: Record<string, number> = {};
for (const [i, names] of ['jan', 'feb', 'mar mär mrz', 'apr', 'may mai', 'jun', 'jul', 'aug', 'sep', 'oct okt', 'nov', 'dec dez'].entries()) {
  for (const name of names.split(' ')) MONTHS[name] = i + 1;
}
const MONTH = '(jan(?:uary)?|feb(?:r?uary|r)?|m(?:ar(?:ch)?|är(?:z)?|rz)|apr(?:il)?|ma[yi]|jun[ei]?|jul[yi]?|aug(?:ust)?|sept?(?:ember)?|o[ck]t(?:ober)?|nov(?:ember)?|de[cz](?:ember)?)\\.?';

/** Year first: 2026-11-20, 2026/11/20, 2026.11.20, 2026年11月20日, 2026년 11월 20일, 2026. 11. 20.; a time may follow. */
const YEAR_FIRST = /^(\d{4})\s*[-/.年년]\s*(\d{1,2})\s*[-/.月월]\s*(\d{1,2})\s*[日일.]?(?:$|[T\s])/u;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** Japan's era years: 令和8年11月20日, R8.11.20, R08/11/20, 平成31年4月30日. */
const ERA = /^(令和|平成|[RH])\s*(元|\d{1,2})\s*[年./-]\s*(\d{1,2})\s*[月./-]\s*(\d{1,2})\s*日?$/iu;
const ERA_START: Record<string, number> = { 令和: 2018, r: 2018, 平成: 1988, h: 1988 };
/** Day and month as numbers before a four-digit year: 20.11.2026 (day first, as dots are written), 20/11/2026, 11-20-2026. */
const NUMBERS_THEN_YEAR = /^(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4})$/;
const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})\\.?[\\s-]*${MONTH}[\\s,-]*(\\d{4})$`, 'iu');
const MONTH_DAY_YEAR = new RegExp(`^${MONTH}\\s*(\\d{1,2})(?:st|nd|rd|th)?,?\\s*(\\d{4})$`, 'iu');
/** Spreadsheet day numbers from 2000-01-01 to 2099-12-31 (day 1 is 1900-01-01, counted from 1899-12-30). */
const SERIAL = /^\d{5}$/;
const SERIAL_FIRST = 36_526;
const SERIAL_LAST = 73_050;
const SERIAL_ZERO = '1899-12-30';

/** The cell read as days; undefined when it is empty. */
export function readShipDate(cell: string | undefined): ShipDate | undefined {
  const text = cell?.normalize('NFKC').trim();
  if (!text) return undefined;
  const days = daysOf(text).filter((d): d is string => d !== undefined);
  return { written: cell!.trim(), days: [...new Set(days)] };
}

/** An ISO time with its offset (2026-11-27T23:30:00-05:00): the day it is in Beijing, where the announcements take effect. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

function daysOf(text: string): (string | undefined)[] {
  if (ISO_INSTANT.test(text)) {
    const t = Date.parse(text);
    if (!Number.isNaN(t)) return [todayInBeijing(new Date(t))];
  }
  let m = YEAR_FIRST.exec(text) ?? COMPACT.exec(text);
  if (m) return [day(+m[1]!, +m[2]!, +m[3]!)];
  if ((m = ERA.exec(text))) return [day(ERA_START[m[1]!.toLowerCase()]! + (m[2] === '元' ? 1 : +m[2]!), +m[3]!, +m[4]!)];
  if ((m = NUMBERS_THEN_YEAR.exec(text))) {
    const [a, b, year] = [+m[1]!, +m[3]!, +m[4]!];
    return m[2] === '.' ? [day(year, b, a)] : [day(year, b, a), day(year, a, b)];
  }
  if ((m = DAY_MONTH_YEAR.exec(text))) return [day(+m[3]!, monthOf(m[2]!), +m[1]!)];
  if ((m = MONTH_DAY_YEAR.exec(text))) return [day(+m[3]!, monthOf(m[1]!), +m[2]!)];
  if (SERIAL.test(text) && +text >= SERIAL_FIRST && +text <= SERIAL_LAST) return [addDays(SERIAL_ZERO, +text)];
  return [];
}

const monthOf = (name: string): number => MONTHS[name.toLowerCase().slice(0, 3)] ?? 0;

/** YYYY-MM-DD, or undefined for a day the calendar does not have (2026-02-30) or a year outside 2000-2099. */
function day(year: number, month: number, date: number): string | undefined {
  if (year < 2000 || year > 2099 || month < 1 || month > 12 || date < 1) return undefined;
  const d = new Date(Date.UTC(year, month - 1, date));
  return d.getUTCMonth() === month - 1 ? d.toISOString().slice(0, 10) : undefined;
}
