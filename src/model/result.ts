/** What screening a row produces: findings with their evidence and source, and the row's verdict. */
import type { Row } from './row.js';
import { mostSevere, SEVERITY, type FailOn, type Verdict } from './verdict.js';

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
  message: string;
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

export interface Result {
  row: Row;
  verdict: Verdict;
  findings: Finding[];
  /** Facts worth knowing that do not change the verdict (out of scope, suspended item, data quality). */
  notes: string[];
  /** With --baseline: whether the row's findings were already in the earlier report. */
  baseline?: 'new' | 'known';
}

/** The verdict that counts for --fail-on: the most severe finding that is not waived, covered by a licence or known from a baseline. */
export function gatingVerdict(result: Result): Verdict {
  return mostSevere(result.findings.filter((f) => !f.waived && !f.coveredBy && f.baseline !== 'known').map((f) => f.verdict));
}

/** Whether a row fails the run: its gating verdict is at or above --fail-on. */
export function fails(result: Result, failOn: FailOn): boolean {
  return failOn !== 'none' && SEVERITY[gatingVerdict(result)] >= SEVERITY[failOn];
}
