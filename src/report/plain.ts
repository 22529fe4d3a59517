/** Plain-text pieces the CI formats share: where a row is, what a finding says, whether a row fails the run. */
import { relative, resolve, sep } from 'node:path';
import { gatingVerdict, SEVERITY, VERDICTS, type Finding, type Result } from '../engine/types.js';
import type { Row } from '../manifest/row.js';
import { describeEvidence } from './text.js';
import { MAX_ID } from './visible.js';
import type { ReporterOptions, Summary } from './types.js';

export type FailOn = NonNullable<ReporterOptions['failOn']>;

export const STDIN = '-';

/** An input as CI tools locate files: relative to the working directory (the checkout), with forward slashes. */
export function repoPath(input: string): string {
  if (input === STDIN) return input;
  return relative(process.cwd(), resolve(input)).split(sep).join('/');
}

/** The row's line id (cut when long), or its line number when it has none. */
export function rowLabel(row: Row): string {
  const id = row.values.line_id?.trim();
  return id ? (id.length > MAX_ID ? `${id.slice(0, MAX_ID - 1)}…` : id) : `line ${row.line}`;
}

/** Why a finding does not count for --fail-on, when it does not. */
export function exemption(f: Finding): string | undefined {
  if (f.waived) return `waived by ${f.waived.waiverId} (${f.waived.reason}; approved by ${f.waived.approvedBy}, expires ${f.waived.expires})`;
  if (f.coveredBy) return `covered by licence ${f.coveredBy.licence}`;
  if (f.baseline === 'known') return 'known from the baseline';
  return undefined;
}

/** One line per finding: verdict, rule id, message, evidence and source, and why it does not count. */
export function findingText(f: Finding): string {
  const evidence = f.evidence.length ? ` [${f.evidence.map(describeEvidence).join('; ')}]` : '';
  const source = ` (${f.source}${f.sourceUrl ? ` ${f.sourceUrl}` : ''})`;
  const exempt = exemption(f);
  return `${f.verdict} ${f.ruleId}: ${f.message}${evidence}${source}${exempt ? `: ${exempt}` : ''}`;
}

export function fails(result: Result, failOn: FailOn): boolean {
  return failOn !== 'none' && SEVERITY[gatingVerdict(result)] >= SEVERITY[failOn];
}

/** A URL from a rule pack, if it is an absolute http(s) URL (SARIF and Markdown links want nothing else). */
export function webUrl(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
}

/** "60 rows · 3 prohibited · 20 license · 5 review · 32 clear · 0 rejected" */
export function countsLine(summary: Summary): string {
  return [plural(summary.rows, 'row'), ...VERDICTS.map((v) => `${summary[v]} ${v}`), `${summary.rejected} rejected`].join(' · ');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
