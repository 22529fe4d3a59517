/** What screening a row produces: findings with their evidence and source, and the row's verdict. */
import type { Msg } from './message.js';
import type { NormalisedRow, Row } from './row.js';
import { atOrAbove, mostSevere, type FailOn, type PartyList, type Verdict } from './verdict.js';

export type EvidenceKind = 'control-code' | 'hs-code' | 'keyword' | 'cas' | 'party' | 'country' | 'term' | 'data';

/** What in the row matched what in the rules. */
export interface Evidence {
  field: string;
  value: string;
  matched: string;
  kind: EvidenceKind;
  score?: number;
}

export interface Finding {
  ruleId: string;
  verdict: Verdict;
  /** In English, rendered from `text` by the English catalogue. */
  message: string;
  /** The message as a catalogue id and parameters, for reports in other languages (absent: `message` only). */
  text?: Msg;
  source: string;
  sourceUrl?: string;
  evidence: Evidence[];
  /** Set by a waiver: still reported, but it does not count for --fail-on. */
  waived?: { waiverId: string; reason: string; approvedBy: string; expires: string };
  /** Set by the licence register: a licence covers this finding, so it does not count for --fail-on. */
  coveredBy?: { licence: string };
  /** With --baseline: "known" when the earlier report had this rule on the same row, so it does not count for --fail-on. */
  baseline?: 'new' | 'known';
}

/**
 * A row as reports and the gate see it: of the values normalised for matching, only the destination. A
 * worker sends its results to the main thread so, the rest of the normalised values left behind.
 */
export type ReportedRow = Omit<Row, 'norm'> & { norm: Pick<NormalisedRow, 'destinationCountry'> };

export interface Result {
  row: ReportedRow;
  verdict: Verdict;
  findings: Finding[];
  /** Facts worth knowing that do not change the verdict (out of scope, suspended item, data quality). */
  notes: string[];
  /** The notes as catalogue messages, index by index (notes added later, by the gate, have none). */
  noteText?: Msg[];
  /** The row's military or listed-party nexus, from the engine's own matches; absent: none. */
  nexus?: RowNexus;
  /** Ids of the items, measures and parties the findings rest on (rule-data warnings concern some of them). */
  refs?: RuleRefs;
  /** With --baseline: whether the row's findings were already in the earlier report. */
  baseline?: 'new' | 'known';
}

/** A military user or use, or a party on a list, that the row names (possible name matches aside). */
export interface RowNexus {
  military: boolean;
  /** The most telling list of a party the row names: control, unreliable, watch, defence-contractor; null: none. */
  listedParty: Exclude<PartyList, 'military-user'> | null;
}

export interface RuleRefs {
  items: string[];
  measures: string[];
  parties: string[];
}

/** The verdict that counts for --fail-on: the most severe finding that is not waived, covered by a licence or known from a baseline. */
export function gatingVerdict(result: Result): Verdict {
  return mostSevere(result.findings.filter((f) => !f.waived && !f.coveredBy && f.baseline !== 'known').map((f) => f.verdict));
}

/** Whether a row fails the run: its gating verdict is at or above --fail-on. */
export function fails(result: Result, failOn: FailOn): boolean {
  return atOrAbove(gatingVerdict(result), failOn);
}
