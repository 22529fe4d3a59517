/**
 * The gate's outcome for the machine formats (JSON `gate`, SARIF run properties, JUnit properties, the
 * Markdown line): what --fail-on counted, whether the run fails, and what waivers, licences and the
 * baseline took out of the count. Collected row by row; memory does not grow with the rows.
 */
import { gatingVerdict, type Result } from '../model/result.js';
import type { RunWarning } from '../model/run.js';
import { atOrAbove, type FailOn } from '../model/verdict.js';

export interface GateOutcome {
  failOn: FailOn;
  /** A row at or above --fail-on counted (rejected lines are exit 2, reported apart). */
  failed: boolean;
  /** Rows by the verdict that counts for --fail-on (waived, licensed and baseline-known findings aside). */
  counted: { prohibited: number; license: number; review: number };
  /** Findings a waiver covers, a licence covers, the baseline already had. */
  waived: number;
  covered: number;
  known: number;
}

/** What a reporter learns at the end of the run besides the totals. */
export interface RunOutcome {
  gate: GateOutcome;
  /** The rule-data warnings that matter for this run, acknowledged ones included (marked). */
  warnings: RunWarning[];
}

export class GateCollector {
  private readonly outcome: GateOutcome;

  constructor(failOn: FailOn) {
    this.outcome = { failOn, failed: false, counted: { prohibited: 0, license: 0, review: 0 }, waived: 0, covered: 0, known: 0 };
  }

  add(r: Result): void {
    const o = this.outcome;
    const counted = gatingVerdict(r);
    if (counted !== 'clear') o.counted[counted]++;
    if (atOrAbove(counted, o.failOn)) o.failed = true;
    for (const f of r.findings) {
      if (f.waived) o.waived++;
      else if (f.coveredBy) o.covered++;
      else if (f.baseline === 'known') o.known++;
    }
  }

  /** What another collector counted over other rows of the run (a worker's). */
  merge(other: GateOutcome): void {
    const o = this.outcome;
    for (const v of ['prohibited', 'license', 'review'] as const) o.counted[v] += other.counted[v];
    o.failed ||= other.failed;
    o.waived += other.waived;
    o.covered += other.covered;
    o.known += other.known;
  }

  gate(): GateOutcome {
    return { ...this.outcome, counted: { ...this.outcome.counted } };
  }
}

/** The rows that fail the gate: counted at or above --fail-on. */
export function failingRows(gate: GateOutcome): number {
  return (['prohibited', 'license', 'review'] as const).filter((v) => atOrAbove(v, gate.failOn)).reduce((n, v) => n + gate.counted[v], 0);
}
