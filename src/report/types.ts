/** What every reporter sees: the run's header, each result in input order, the rejected lines, the totals. */
import type { PackInfo } from '../engine/compile.js';
import type { ColumnMapping } from '../manifest/columns.js';
import type { Encoding } from '../manifest/encoding.js';
import type { Result } from '../model/result.js';
import type { FailOn, Verdict } from '../model/verdict.js';

export interface RunInfo {
  tool: { name: string; version: string };
  generatedAt: string;
  asOf: string;
  options: Record<string, unknown>;
  rulePacks: PackInfo[];
  /** Things the user must know about the rule data for this as-of date. */
  warnings: string[];
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
  end(summary: Summary, inputs: InputInfo[]): void;
  /**
   * False when the reporter never shows clear rows (nor counts anything of them but their number):
   * the parallel reader then only counts them instead of sending each one back. Default true.
   */
  needsClearRows?: boolean;
}

export interface ReporterOptions {
  /** Include clear rows. */
  all: boolean;
  color: boolean;
  write: (text: string) => void;
  /** As --fail-on, for formats that mark failing rows (default `prohibited`). */
  failOn?: FailOn;
}
