/**
 * Cells merged down several rows of a sheet (an order's consignee written once beside its five lines). A
 * workbook stores the value in the range's first cell only, so each row under it would read an empty cell:
 * a party or a destination lost from every row but the first. The ranges are listed after the rows in the
 * sheet's XML, so they are read first, in a pass of their own; the rows then get the first cell's value.
 */

/** A range merged down rows: its first column, first row and last row (1-based rows), as the sheet names it. */
export interface MergedDown {
  ref: string;
  col: number;
  from: number;
  to: number;
}

const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref="([A-Z]{1,3})(\d+):([A-Z]{1,3})(\d+)"/g;

/** A column's letters (the A of A1) as a 0-based index. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** A row of a sheet's cells by column. */
export interface CellRow {
  cells: string[];
  /** Cells that were numbers in the General format: an HS code stored as a number may have lost a leading zero. */
  numeric: boolean[];
}

/** Sets a cell of a row, with empty cells before it where the sheet left them out. */
export function setCell(row: CellRow, col: number, text: string, numeric: boolean): void {
  while (row.cells.length < col) {
    row.cells.push('');
    row.numeric.push(false);
  }
  row.cells[col] = text;
  row.numeric[col] = numeric;
}

/** The ranges of a sheet's XML, given in pieces of any size, that span more than one row. */
export async function mergedDownRanges(xml: AsyncIterable<string>): Promise<MergedDown[]> {
  const out: MergedDown[] = [];
  let rest = '';
  for await (const piece of xml) {
    const text = rest + piece;
    // a tag is whole before the last '<' (XML allows none inside a tag)
    const cut = text.lastIndexOf('<');
    const whole = cut === -1 ? text : text.slice(0, cut);
    rest = cut === -1 ? '' : text.slice(cut);
    for (const m of whole.matchAll(MERGE_CELL)) add(out, m);
  }
  for (const m of rest.matchAll(MERGE_CELL)) add(out, m);
  return out.sort((a, b) => a.from - b.from);
}

function add(out: MergedDown[], [, c1, r1, c2, r2]: RegExpMatchArray): void {
  const from = Number(r1);
  const to = Number(r2);
  if (to > from) out.push({ ref: `${c1}${r1}:${c2}${r2}`, col: columnIndex(c1!), from, to });
}

/** Fills the rows of a sheet, in order, with the values of the ranges merged down over them. */
export class MergedCellFiller {
  private next = 0;
  private active: { range: MergedDown; value: string; numeric: boolean }[] = [];
  /** Cells filled so far. */
  filled = 0;

  constructor(private readonly ranges: MergedDown[]) {}

  /** A row as read; its cells are changed in place. */
  fill(row: CellRow & { line: number }): void {
    if (this.ranges.length === 0) return;
    this.active = this.active.filter((a) => a.range.to >= row.line);
    for (const a of this.active) {
      if (a.range.from >= row.line || a.value === '' || (row.cells[a.range.col] ?? '') !== '') continue;
      setCell(row, a.range.col, a.value, a.numeric);
      this.filled++;
    }
    // ranges whose first row is this one, or was a row the sheet left out
    while (this.next < this.ranges.length && this.ranges[this.next]!.from <= row.line) {
      const range = this.ranges[this.next++]!;
      const first = range.from === row.line;
      if (range.to >= row.line) this.active.push({ range, value: first ? (row.cells[range.col] ?? '') : '', numeric: first && (row.numeric[range.col] ?? false) });
    }
  }
}
