/**
 * The annotated manifest: every row with the input's own columns, then `verdict`, `rules` and `reasons`.
 * RFC 4180 (comma, CRLF, quotes doubled), UTF-8 with a BOM so that spreadsheets read Chinese and
 * Japanese text; cells a spreadsheet would run as a formula are neutralised.
 */
import type { Result } from '../model/result.js';
import { CANONICAL_COLUMNS, type CanonicalColumn, type Row } from '../model/row.js';
import { exemption } from './plain.js';
import type { InputHeader, Reporter, ReporterOptions, RowError } from './types.js';

export const ANNOTATION_COLUMNS = ['verdict', 'rules', 'reasons'] as const;

/** Where an output column's cell comes from in a row. */
type Source = { column: CanonicalColumn } | { extra: string };

interface Layout {
  names: string[];
  sources: Source[];
}

/** OWASP's advice for CSV injection: a leading single quote makes the spreadsheet show the cell as text. */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvCell(value: string): string {
  const cell = neutralise(value);
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function csvLine(cells: string[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

function layoutOfHeader({ headers, mapping }: InputHeader): Layout {
  const sources: Source[] = headers.map((name) => ({ extra: name }));
  for (const { key, index } of mapping.extras) sources[index] = { extra: key };
  for (const [column, at] of Object.entries(mapping.columns) as [CanonicalColumn, number][]) sources[at] = { column };
  return { names: headers, sources };
}

/** Without a header (a `check` line): the canonical columns the row has, then its other columns. */
function layoutOfRow(row: Row): Layout {
  const columns = CANONICAL_COLUMNS.filter((c) => row.values[c] !== undefined);
  const extras = Object.keys(row.extras);
  return { names: [...columns, ...extras], sources: [...columns.map((column) => ({ column })), ...extras.map((extra) => ({ extra }))] };
}

function cellOf(row: Row, source: Source): string {
  return ('column' in source ? row.values[source.column] : row.extras[source.extra]) ?? '';
}

function reasons(r: Result): string {
  return r.findings
    .map((f) => {
      const exempt = exemption(f);
      return exempt ? `${f.message} (${exempt})` : f.message;
    })
    .join(' | ');
}

/**
 * The first input's header sets the columns; rows of later inputs fill them by canonical column
 * (whatever their header is called there) or by the same header name.
 */
export function csvReporter({ write }: ReporterOptions): Reporter {
  let layout: Layout | undefined;
  const use = (l: Layout): Layout => {
    write(`\ufeff${csvLine([...l.names, ...ANNOTATION_COLUMNS])}`);
    return l;
  };
  return {
    begin() {},
    header(h) {
      layout ??= use(layoutOfHeader(h));
    },
    result(r) {
      layout ??= use(layoutOfRow(r.row));
      const rules = [...new Set(r.findings.map((f) => f.ruleId))].join('; ');
      write(csvLine([...layout.sources.map((s) => cellOf(r.row, s)), r.verdict, rules, reasons(r)]));
    },
    error(e: RowError) {
      layout ??= use({ names: [], sources: [] });
      write(csvLine([...layout.sources.map(() => ''), 'rejected', '', `${e.input}:${e.line}: ${e.message}`]));
    },
    end() {},
  };
}
