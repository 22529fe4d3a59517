/** Plain-text pieces the CI formats share: where a row is, what a finding says, whether a row fails the run. */
import { relative, resolve, sep } from 'node:path';
import { gatingVerdict, type Finding, type Result } from '../model/result.js';
import type { Row } from '../model/row.js';
import { SEVERITY, VERDICTS } from '../model/verdict.js';
import { describeEvidence } from './text.js';
import type { ConfigRecord, ReporterOptions, RunInfo, Summary } from './types.js';
import { MAX_ID } from './visible.js';


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

/** A URL from a rule pack, if it is an absolute http(s) URL (SARIF and Markdown links want nothing else). */
export function webUrl(url: string | undefined): string | undefined {
  if (!url || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
}

/** The config record of a run, when the command reads config files (screen does, check does not). */
export function configOf(run: RunInfo): ConfigRecord | undefined {
  const c = run.options.config as ConfigRecord | null | undefined;
  return c ?? undefined;
}

const settingText = (v: unknown): string => (Array.isArray(v) ? v.join(',') : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v));

/** "config: .dualscreen.yaml (sha256 …) sets fail-on=license, waivers=w.yaml", or where none was found. */
export function configLine(run: RunInfo): string | undefined {
  const c = configOf(run);
  if (!c) return undefined;
  if (c.path === null) return `config: none (${c.searched})`;
  const changed = Object.entries(c.changed).map(([k, v]) => `${k}=${settingText(v)}`);
  return `config: ${c.path} (sha256 ${c.sha256.slice(0, 12)}) ${changed.length ? `sets ${changed.join(', ')}` : 'sets nothing the command line did not'}`;
}

/** The config as name/value pairs (JUnit properties). */
export function configProperties(run: RunInfo): [string, string][] {
  const c = configOf(run);
  if (!c) return [];
  if (c.path === null) return [['config', 'none']];
  return [['config', c.path], ['config.sha256', c.sha256], ...Object.entries(c.changed).map(([k, v]): [string, string] => [`config.${k}`, settingText(v)])];
}

/** "60 rows · 3 prohibited · 20 license · 5 review · 32 clear · 0 rejected" */
export function countsLine(summary: Summary): string {
  return [plural(summary.rows, 'row'), ...VERDICTS.map((v) => `${summary[v]} ${v}`), `${summary.rejected} rejected`].join(' · ');
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
