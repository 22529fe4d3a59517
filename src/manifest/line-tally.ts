/** Lines of one kind (blank lines, rows read by a repair): how many, and the first few by number for the notes. */
export interface LineTally {
  count: number;
  lines: number[];
}

/** Lines named in a note; the rest are only counted. */
export const LINES_NAMED = 5;

export const emptyTally = (): LineTally => ({ count: 0, lines: [] });

export function tallyLine(t: LineTally, line: number): void {
  if (t.count++ < LINES_NAMED) t.lines.push(line);
}

/** Adds a later part of the input (a worker's chunk) to `into`. */
export function addTally(into: LineTally, later: LineTally): void {
  into.count += later.count;
  into.lines.push(...later.lines.slice(0, Math.max(0, LINES_NAMED - into.lines.length)));
}

/** "lines 3, 5, 9, ..." for a note. */
export function namedLines(t: LineTally): string {
  const more = t.count > t.lines.length ? ', ...' : '';
  return `line${t.count === 1 ? '' : 's'} ${t.lines.join(', ')}${more}`;
}
