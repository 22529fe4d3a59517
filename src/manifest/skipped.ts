/**
 * What the reader did not screen besides blank lines, and the notes that say so: subtotal and charge rows
 * between goods rows (totals.ts), the header row repeated inside the data, another header read mid-file
 * (several exports joined into one file), and the totals and remarks that ended an export above a header row.
 * Kept per converter, added up across a file's chunks, and turned into notes at its end.
 */
import type { Header } from './header.js';
import { addTally, emptyTally, type LineTally, namedLines } from './line-tally.js';

/** A row that is no goods, held back until what follows it decides (totals.ts). */
export interface Held {
  line: number;
  /** Its non-empty cells, for the note. */
  text: string;
  /** It says what it is (TOTAL, 小计, Freight): not screened even when goods follow. */
  worded: boolean;
}

export interface SkippedLines {
  /** Subtotal and charge rows between goods rows. */
  subtotals: LineTally;
  /** The header row again, as it is. */
  headerAgain: LineTally;
  /** Rows held back that a header row followed: the end of the export above it. */
  beforeHeader: { line: number; text: string }[];
  /** Headers read mid-file, with their line: the rows after each are read by its columns. */
  headers: { line: number; header: Header }[];
}

export const emptySkipped = (): SkippedLines => ({ subtotals: emptyTally(), headerAgain: emptyTally(), beforeHeader: [], headers: [] });

/** Adds a later part of the input (a worker's chunk) to `into`. */
export function addSkipped(into: SkippedLines, later: SkippedLines): void {
  addTally(into.subtotals, later.subtotals);
  addTally(into.headerAgain, later.headerAgain);
  into.beforeHeader.push(...later.beforeHeader);
  into.headers.push(...later.headers);
}

const SHOWN = 5;
const quoted = (rows: { text: string }[]): string =>
  rows
    .slice(0, SHOWN)
    .map((r) => JSON.stringify(r.text.length > 80 ? `${r.text.slice(0, 77)}...` : r.text))
    .join('; ') + (rows.length > SHOWN ? '; ...' : '');

export function skippedNotes(s: SkippedLines): string[] {
  const notes: string[] = [];
  if (s.subtotals.count > 0) {
    const one = s.subtotals.count === 1;
    notes.push(`${s.subtotals.count} subtotal or charge row${one ? '' : 's'} between the goods rows (TOTAL, 小计, Freight …), not screened (${namedLines(s.subtotals)})`);
  }
  if (s.beforeHeader.length > 0) {
    const lines = s.beforeHeader.map((r) => r.line);
    notes.push(`${lines.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(', ')}`} before a header row inside the data: totals, remarks or a title of a joined export (${quoted(s.beforeHeader)}), not screened`);
  }
  if (s.headerAgain.count > 0) notes.push(`the header row again inside the data (files joined?), skipped (${namedLines(s.headerAgain)})`);
  for (const { line, header } of s.headers) {
    notes.push(`line ${line}: another header row (files joined?): the rows after it are read by its columns (${header.headers.filter((h) => h !== '').join(', ')})${header.notes.length ? `; ${header.notes.join('; ')}` : ''}`);
  }
  return notes;
}
