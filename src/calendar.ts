import { UserError } from './errors.js';

/** Today in Beijing: PRC announcements take effect on Beijing dates. */
export function todayInBeijing(now: Date = new Date()): string {
  // China keeps UTC+8 all year (no daylight saving): plain arithmetic, without loading the ICU time zones
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function parseAsOf(value: string, what = '--as-of'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.toISOString().slice(0, 10) !== value.trim()) throw new UserError(`${what}: "${value}" is not a date as YYYY-MM-DD`);
  return value.trim();
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
