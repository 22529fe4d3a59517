/** What every reporter sees: the run's header, each result in input order, the rejected lines, the totals. */
import type { Lang, Localized } from '../model/message.js';
import type { Result } from '../model/result.js';
import type { ColumnMapping } from '../model/row.js';
import type { Encoding, PackInfo } from '../model/run.js';
import type { FailOn, Verdict } from '../model/verdict.js';
import type { RunOutcome } from './outcome.js';
import type { RenderedRows, RowTextFormat } from './row-text.js';
import type { Order } from './triage.js';

export interface RunInfo {
  tool: { name: string; version: string };
  generatedAt: string;
  asOf: string;
  options: Record<string, unknown>;
  rulePacks: PackInfo[];
  /** The newest data date of the rule packs ('' when there are none). */
  ruleDataAsOf: string;
  /** The inputs the run reads, as given (screen); a format that lists several files' rows says which file each row is from. */
  inputs?: string[];
  /** An item's control code and title in each language its pack gives (reports that name items by id). */
  item?: (id: string) => { code?: string; title: Localized } | undefined;
}

/** The config file a run read and the settings it changed (by the file's key names), or where none was found. */
export type ConfigRecord = { path: string; sha256: string; changed: Record<string, unknown> } | { path: null; searched: string };

export interface InputInfo {
  path: string;
  sha256: string;
  encoding: Encoding;
  /** Why the encoding was chosen, when it was a guess. */
  encodingReason?: string;
  /** What the reader decided that the user should know: title lines skipped, totals rows at the end, the HS scheme a header implied. */
  notes?: string[];
  /** The sheet read, for a workbook. */
  sheet?: string;
  /** Rows screened; with `rejected`, every data record. */
  rows: number;
  rejected: number;
}

/** An input's header row, announced before its first row, for formats that repeat the manifest's own columns. */
export interface InputHeader {
  path: string;
  /** The header cells as read, in input order. */
  headers: string[];
  mapping: ColumnMapping;
}

export interface RowError {
  input: string;
  line: number;
  message: string;
}

export type Summary = { rows: number; rejected: number } & Record<Verdict, number>;

export interface Reporter {
  begin(run: RunInfo): void;
  /** Called before each input's first row when its header is known (not for `check`, which has no file). */
  header?(header: InputHeader): void;
  /** Every screened row, clear ones too; the reporter decides what to show. */
  result(result: Result): void;
  error(error: RowError): void;
  /** The totals, the inputs, the gate's outcome and the rule-data warnings that matter for the run. */
  end(summary: Summary, inputs: InputInfo[], outcome: RunOutcome): void;
  /**
   * False when the reporter never shows clear rows (nor counts anything of them but their number):
   * the parallel reader then only counts them instead of sending each one back. Default true.
   */
  needsClearRows?: boolean;
  /** Set when the reporter's text for a flagged row depends on nothing but the row: workers render the rows (row-text.ts). */
  rowText?: RowTextFormat;
  /** Flagged rows rendered by a worker, in input order: with `rowText`, in place of `result` for them. */
  rendered?(rows: RenderedRows, rowOffset: number): void;
}

export interface ReporterOptions {
  /** Include clear rows. */
  all: boolean;
  color: boolean;
  write: (text: string) => void;
  /** As --fail-on, for formats that mark failing rows (default `prohibited`). */
  failOn?: FailOn;
  /** --lang: the language of text, Markdown, HTML and the CSV reasons (default English). */
  lang?: Lang;
  /** --explain: every finding with its evidence, not one line per row (text). */
  explain?: boolean;
  /** --order: triage (default) or input order (text, HTML, Markdown, annotations). */
  order?: Order;
  /** --max-annotations: GitHub annotations per level, the summary annotation included (default 10). */
  maxAnnotations?: number;
  /** --quiet: no rule-data warnings on the terminal (the text report). */
  quiet?: boolean;
}
