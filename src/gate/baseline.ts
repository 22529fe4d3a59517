/**
 * --baseline: findings already in an earlier report do not count for --fail-on. Rows are matched by
 * fingerprint, so re-ordering a file changes nothing; each baseline finding is matched at most once,
 * so a second identical row with the same rule is new.
 */
import type { FileRef } from '../files/file.js';
import type { Result } from '../model/result.js';
import { isGateRule } from '../model/rule-ids.js';
import { loadReport, type Report } from './report-file.js';

export interface Baseline {
  ref: FileRef;
  /** Findings per `fingerprint ruleId`. */
  counts: Map<string, number>;
}

const key = (fingerprint: string, ruleId: string): string => `${fingerprint} ${ruleId}`;

export function baselineCounts(report: Report): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of report.rows) {
    for (const f of row.findings) {
      const k = key(row.fingerprint, f.ruleId);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return counts;
}

export function loadBaseline(path: string): Baseline {
  const { ref, report } = loadReport(path, 'baseline');
  return { ref, counts: baselineCounts(report) };
}

/**
 * Marks each finding known while the baseline has one left for its row and rule, else new, and the row
 * known when all its findings are. `left` starts as a copy of the baseline's counts and is drawn down.
 * The gate's own findings (an expired waiver, a licence problem) and `prohibited` findings are always
 * new: a baseline never lets a prohibited shipment pass.
 */
export function applyBaseline(result: Result, fingerprint: string, left: Map<string, number>): Result {
  if (result.findings.length === 0) return result;
  const findings = result.findings.map((f) => {
    const k = key(fingerprint, f.ruleId);
    const n = isGateRule(f.ruleId) || f.verdict === 'prohibited' ? 0 : (left.get(k) ?? 0);
    if (n > 0) left.set(k, n - 1);
    return { ...f, baseline: n > 0 ? ('known' as const) : ('new' as const) };
  });
  return { ...result, findings, baseline: findings.every((f) => f.baseline === 'known') ? 'known' : 'new' };
}
