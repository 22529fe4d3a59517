/** Messages between the main thread and the screening workers. */
import type { HeaderOptions } from '../manifest/header.js';
import type { Header } from '../manifest/records.js';
import type { LineTally } from '../manifest/line-tally.js';
import type { SkippedLines } from '../manifest/skipped.js';
import type { PartyThresholds } from '../match/party-index.js';
import type { Result } from '../model/result.js';
import type { Encoding } from '../model/run.js';

export interface WorkerSetup {
  rules: string[] | undefined;
  partyThresholds: PartyThresholds | undefined;
  read: HeaderOptions;
  asOf: string;
  /** A report renders messages in Chinese or Japanese from their catalogue form (Finding.text, Result.noteText): keep it in the replies. */
  catalogueText: boolean;
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
export type ChunkItem = { kind: 'result'; result: Result } | { kind: 'error'; line: number; message: string };

export interface ChunkDone {
  index: number;
  items: ChunkItem[];
  /** Data records, each a row number (RecordConverter.records). */
  records: number;
  rejected: number;
  /** Records that are no goods and were not screened (RecordConverter.unscreened). */
  unscreened: number;
  unsentClearRows: number;
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
