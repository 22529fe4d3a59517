/** Messages between the main thread and the screening workers. */
import type { Result } from '../engine/types.js';
import type { PartyThresholds } from '../engine/party-index.js';
import type { CanonicalColumn } from '../manifest/columns.js';
import type { Encoding } from '../manifest/encoding.js';
import type { HsScheme } from '../manifest/normalise.js';
import type { Header } from '../manifest/records.js';

export interface WorkerSetup {
  rules: string[] | undefined;
  partyThresholds: PartyThresholds | undefined;
  hsScheme: HsScheme;
  map: Partial<Record<CanonicalColumn, string>> | undefined;
  asOf: string;
}

export interface ChunkJob {
  index: number;
  path: string;
  start: number;
  end: number;
  lineOffset: number;
  encoding: Encoding;
  delimiter: string;
  header: Header;
}

/** A chunk's rows and rejected lines in input order; `row` numbers are local to the chunk. */
export type ChunkItem = { kind: 'result'; result: Result } | { kind: 'error'; line: number; message: string };

export type ChunkReply =
  | { index: number; end: number; items: ChunkItem[]; rows: number; rejected: number; unsentClearRows: number }
  | { index: number; failure: string };
