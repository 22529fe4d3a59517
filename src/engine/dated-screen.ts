/**
 * The day whose rules judge a row. With --as-of, every row is judged on that day. Without it (or with --ship-dates), a
 * row whose ship date column gives a day is judged on that day: the law of the day the goods ship, so a shipment planned
 * after a start date is not cleared by today's rules, and one made inside a suspension is not flagged by rules that came
 * back later. A cell that may mean two days (03/04/2026), or none (TBA: a shipment not yet dated ships on or after the
 * as-of date), is judged on each day that falls under other rules, and the most severe verdict is kept.
 */
import { addDays } from '../calendar.js';
import { english } from '../i18n/labels.js';
import { msg } from '../i18n/message.js';
import type { Msg } from '../model/message.js';
import type { Result } from '../model/result.js';
import type { Row } from '../model/row.js';
import { SEVERITY } from '../model/verdict.js';
import type { RuleSet } from './compile.js';
import { memoOf } from './memo.js';
import { screen } from './screen.js';

export interface JudgedOn {
  /** YYYY-MM-DD: --as-of, or today in Beijing. */
  asOf: string;
  /** Rows are judged on their own ship dates, where a column gives them (manifest/ship-date.ts). */
  shipDates: boolean;
}

export function screenOnItsDates(row: Row, rs: RuleSet, { asOf, shipDates }: JudgedOn): Result {
  const shipDate = row.norm.shipDate;
  if (!shipDates || shipDate === undefined) return screen(row, rs, { asOf });
  const { days, written } = shipDate;
  if (days.length === 1) {
    const day = days[0]!;
    if (sameRules(rs, asOf, day)) return screen(row, rs, { asOf });
    return withNotes(screen(row, rs, { asOf: periodOf(rs, day) }), [msg('note.ship-date', { day, declared: written })]);
  }
  const candidates = days.length > 0 ? days : [asOf, ...changeDays(rs).filter((day) => day > asOf)];
  const judged = onePerPeriod(rs, candidates).map((day) => ({ day, result: screen(row, rs, { asOf: sameRules(rs, asOf, day) ? asOf : periodOf(rs, day) }) }));
  const kept = judged.reduce((a, b) => (SEVERITY[b.result.verdict] > SEVERITY[a.result.verdict] ? b : a));
  if (judged.every((j) => j.result.verdict === kept.result.verdict)) {
    return days.length > 0 ? kept.result : withNotes(kept.result, [msg('note.ship-date-unreadable', { declared: written, asOf })]);
  }
  // each day on which the verdict changes
  const changes = judged.filter((j, i) => i === 0 || j.result.verdict !== judged[i - 1]!.result.verdict);
  const verdicts = changes.map((j) => msg('note.ship-date.day', { day: j.day, verdict: msg(`verdict.${j.result.verdict}`) }));
  return withNotes(kept.result, [msg(days.length > 0 ? 'note.ship-date-either' : 'note.ship-date-undated', { declared: written, asOf, verdicts })]);
}

function withNotes(result: Result, notes: Msg[]): Result {
  return { ...result, notes: [...result.notes, ...notes.map(english)], ...(result.noteText ? { noteText: [...result.noteText, ...notes] } : {}) };
}

/** The first of the days under each distinct set of rules. */
function onePerPeriod(rs: RuleSet, days: string[]): string[] {
  const sorted = [...new Set(days)].sort();
  return sorted.filter((day, i) => i === 0 || !sameRules(rs, sorted[i - 1]!, day));
}

/**
 * The day that stands for every day under the same rules as `day`: the last change on or before it. The engine's memos
 * are kept per as-of day, so a manifest of many ship dates is screened under a few.
 */
function periodOf(rs: RuleSet, day: string): string {
  const days = changeDays(rs);
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? day : days[lo - 1]!;
}

/** Whether no rule of the set changes status between the two days. */
function sameRules(rs: RuleSet, a: string, b: string): boolean {
  const [from, to] = a < b ? [a, b] : [b, a];
  return !changeDays(rs).some((day) => day > from && day <= to);
}

/** Every day on which some rule's status may change: starts, ends, suspensions, listings, delistings, stops. */
function changeDays(rs: RuleSet): string[] {
  return memoOf<string[]>(rs, 'rule change days', 1).get('', () => {
    const days = new Set<string>();
    // a rule in force through `to` changes the next day; a start or listing changes on the day itself
    const through = (to: string): void => void days.add(addDays(to, 1));
    for (const dated of [...rs.items.map((ci) => ci.item), ...rs.measures.map((cm) => cm.measure)]) {
      days.add(dated.effective.from);
      if (dated.effective.to !== undefined) through(dated.effective.to);
      for (const s of dated.suspended) (days.add(s.from), through(s.to));
    }
    for (const { party } of rs.partyRefs) {
      if (party.listed !== undefined) days.add(party.listed);
      if (party.delisted !== undefined) days.add(party.delisted);
      if (party.stopped) days.add(party.stopped.from);
      for (const s of party.suspended) (days.add(s.from), through(s.to));
    }
    return [...days].sort();
  });
}
