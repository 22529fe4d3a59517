/**
 * The annotated manifest: every row with the input's own columns, then `verdict`, `rules`, `reasons` (in the
 * language asked for) and `nexus` (military, control, unreliable, watch, defence-contractor; `none`). RFC 4180 (comma,
 * CRLF, quotes doubled), UTF-8 with a BOM so that spreadsheets read Chinese and Japanese text; numbers stay
 * numbers, and only text a spreadsheet would run as a formula is neutralised. With several inputs each row starts
 * with its `file` and `line`, and the columns are those of every input (the first one's, then each later one's
 * that it lacks); rows are then spooled until every header is known.
 */
import type { Lang } from '../model/message.js';
import type { ReportedRow, Result } from '../model/result.js';
import { CANONICAL_COLUMNS, type CanonicalColumn, type Row } from '../model/row.js';
import { Spool } from './spool.js';
import { nexusTokens } from './triage.js';
import type { InputHeader, Reporter, ReporterOptions, RowError } from './types.js';
import { exemptionText, findingMessage } from './words.js';

export const ANNOTATION_COLUMNS = ['verdict', 'rules', 'reasons', 'nexus'] as const;

/** Where an output column's cell comes from in a row. */
type Source = { column: CanonicalColumn } | { extra: string };

interface Layout {
  names: string[];
  sources: Source[];
}

/** A number as spreadsheets read one (`-12.5`, `+3`, `1,234.50`, `1e-3`): left as it is. */
const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * OWASP's advice for CSV injection: a leading single quote makes the spreadsheet show the cell as text. Only
 * cells a spreadsheet would evaluate get one: those starting with = + - @ tab or CR that are not plain numbers.
 */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !(NUMBER.test(cell) && /\d/.test(cell)) ? `'${cell}` : cell;
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

/** The columns of a later input that the layout lacks, appended (canonical columns by column, others by name). */
function extend(layout: Layout, next: Layout): void {
  const has = (s: Source): boolean => layout.sources.some((t) => ('column' in s ? 'column' in t && t.column === s.column : 'extra' in t && t.extra === s.extra));
  next.sources.forEach((s, i) => {
    if (has(s)) return;
    layout.sources.push(s);
    layout.names.push(next.names[i]!);
  });
}

/** Without a header (a `check` line): the canonical columns the row has, then its other columns. */
function layoutOfRow(row: ReportedRow): Layout {
  const columns = CANONICAL_COLUMNS.filter((c) => row.values[c] !== undefined);
  const extras = Object.keys(row.extras);
  return { names: [...columns, ...extras], sources: [...columns.map((column) => ({ column })), ...extras.map((extra) => ({ extra }))] };
}

function cellOf(row: Pick<Row, 'values' | 'extras'>, source: Source): string {
  return ('column' in source ? row.values[source.column] : row.extras[source.extra]) ?? '';
}

function reasons(r: Result, lang: Lang): string {
  return r.findings
    .map((f) => {
      const exempt = exemptionText(f, lang);
      const message = findingMessage(f, lang);
      return exempt ? `${message} (${exempt})` : message;
    })
    .join(' | ');
}

function annotations(r: Result, lang: Lang): string[] {
  return [r.verdict, [...new Set(r.findings.map((f) => f.ruleId))].join('; '), reasons(r, lang), nexusTokens(r).join('; ') || 'none'];
}

/** A row of a run with several inputs, held until every input's header is known. */
type Held = [file: string, line: number, values: Row['values'], extras: Row['extras'], annotations: string[]];

export function csvReporter({ write, lang = 'en' }: ReporterOptions): Reporter {
  let layout: Layout | undefined;
  let several = false;
  const held = new Spool();
  const use = (l: Layout): Layout => {
    if (!several) write(`\ufeff${csvLine([...l.names, ...ANNOTATION_COLUMNS])}`);
    return l;
  };
  return {
    begin(run) {
      several = (run.inputs?.length ?? 0) > 1;
    },
    header(h) {
      if (layout && several) extend(layout, layoutOfHeader(h));
      layout ??= use(layoutOfHeader(h));
    },
    result(r) {
      layout ??= use(layoutOfRow(r.row));
      if (several) held.append(`${JSON.stringify([r.row.input, r.row.line, r.row.values, r.row.extras, annotations(r, lang)] satisfies Held)}\n`);
      else write(csvLine([...layout.sources.map((s) => cellOf(r.row, s)), ...annotations(r, lang)]));
    },
    error(e: RowError) {
      layout ??= use({ names: [], sources: [] });
      const annotation = ['rejected', '', `${e.input}:${e.line}: ${e.message}`, ''];
      if (several) held.append(`${JSON.stringify([e.input, e.line, {}, {}, annotation] satisfies Held)}\n`);
      else write(csvLine([...layout.sources.map(() => ''), ...annotation]));
    },
    end() {
      if (!several) return;
      const l = layout ?? { names: [], sources: [] };
      write(`\ufeff${csvLine(['file', 'line', ...l.names, ...ANNOTATION_COLUMNS])}`);
      held.drainLines((line) => {
        const [file, at, values, extras, annotation] = JSON.parse(line) as Held;
        write(csvLine([file, String(at), ...l.sources.map((s) => cellOf({ values, extras }, s)), ...annotation]));
      });
    },
  };
}
