/** Messages between the main thread and the screening workers. */
import type { HeaderOptions } from '../manifest/header.js';
import type { Header } from '../manifest/records.js';
import type { LineTally } from '../manifest/line-tally.js';
import type { SkippedLines } from '../manifest/skipped.js';
import type { PartyThresholds } from '../match/party-index.js';
import type { Result } from '../model/result.js';
import type { Encoding } from '../model/run.js';
import type { FailOn, Verdict } from '../model/verdict.js';
import type { GateOutcome } from '../report/outcome.js';
import type { RenderedRows, RowTextFormat } from '../report/row-text.js';

export interface WorkerSetup {
  rules: string[] | undefined;
  partyThresholds: PartyThresholds | undefined;
  read: HeaderOptions;
  asOf: string;
  /** Rows are judged on their ship dates (engine/dated-screen.ts). */
  shipDates: boolean;
  /** A report renders messages in Chinese or Japanese from their catalogue form (Finding.text, Result.noteText): keep it in the replies. */
  catalogueText: boolean;
  /** The report renders flagged rows from the row alone and no gate file changes them: chunks come back rendered (row-text.ts), and counted for --fail-on. */
  rowText?: { format: RowTextFormat; failOn: FailOn };
}

/** Whole records of one manifest, after its header, with the physical lines before them. */
export interface ChunkJob {
  index: number;
  path: string;
  /** The records, UTF-8: the file's own bytes (CRLF kept) or its decoded text encoded again; chunkText reads them. */
  bytes: Uint8Array;
  lineOffset: number;
  encoding: Encoding;
  delimiter: string;
  header: Header;
}

/** A chunk's rows and rejected lines in input order; `row` numbers are local to the chunk. */
export type ChunkItem = { kind: 'result'; result: Result } | { kind: 'rows'; rows: RenderedRows } | { kind: 'error'; line: number; message: string };

/** What the main thread counts of each flagged row, counted where rows are rendered instead. */
export interface RenderedTally {
  verdicts: Record<Exclude<Verdict, 'clear'>, number>;
  gate: GateOutcome;
  /** Flagged rows per rule-data warning (WarningCollector.rowCounts). */
  warningRows: number[];
}

export interface ChunkDone {
  index: number;
  items: ChunkItem[];
  /** Data records, each a row number (RecordConverter.records). */
  records: number;
  rejected: number;
  /** Records that are no goods and were not screened (RecordConverter.unscreened). */
  unscreened: number;
  unsentClearRows: number;
  /** With `rowText`: what the rendered rows count for. */
  tally?: RenderedTally;
  /** Rows that are no goods at the chunk's end (totals.ts), screened: rows like any other if goods follow, unless `worded`. */
  held: { result: Result; text: string; worded: boolean }[];
  blank: LineTally;
  /** Rows read with a cut company name joined again. */
  rejoined: LineTally;
  /** Subtotals, header rows inside the data and what they ended (skipped.ts). */
  skipped: SkippedLines;
  /** A header row came before any row or error of the chunk: the rows held at the end of the chunks before it end an export. */
  openedWithHeader: boolean;
  /** The header a header row in the chunk put in force: the chunks after it are read by it. */
  header?: Header;
}
export type ChunkReply = ChunkDone | { index: number; failure: string };
