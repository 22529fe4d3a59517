/** Plain-text pieces the CI formats share: where a row is, what a finding says. */
import { relative, resolve, sep } from 'node:path';
import { text } from '../i18n/format.js';
import type { Lang } from '../model/message.js';
import type { Finding, ReportedRow } from '../model/result.js';
import type { ConfigRecord, RunInfo } from './types.js';
import { MAX_ID } from './visible.js';
import { evidenceText, exemptionText } from './words.js';


export const STDIN = '-';

/** An input as CI tools locate files: relative to the working directory (the checkout), with forward slashes. */
export function repoPath(input: string): string {
  if (input === STDIN) return input;
  return relative(process.cwd(), resolve(input)).split(sep).join('/');
}

/** The row's line id (cut when long), or its line number when it has none. */
export function rowLabel(row: ReportedRow): string {
  const id = row.values.line_id?.trim();
  return id ? (id.length > MAX_ID ? `${id.slice(0, MAX_ID - 1)}…` : id) : `line ${row.line}`;
}

/** One line per finding: verdict, rule id, message, evidence and source, and why it does not count. */
export function findingText(f: Finding): string {
  const source = ` (${f.source}${f.sourceUrl ? ` ${f.sourceUrl}` : ''})`;
  const exempt = exemptionText(f, 'en');
  return `${f.verdict} ${f.ruleId}: ${f.message}${evidenceText(f)}${source}${exempt ? `: ${exempt}` : ''}`;
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
export function configLine(run: RunInfo, lang: Lang): string | undefined {
  const c = configOf(run);
  if (!c) return undefined;
  if (c.path === null) return text(lang, 'config.none', { searched: c.searched });
  const changed = Object.entries(c.changed).map(([k, v]) => `${k}=${settingText(v)}`);
  return text(lang, 'config.file', { path: c.path, sha256: c.sha256.slice(0, 12), changed: changed.join(', ') });
}

/** The config as name/value pairs (JUnit properties). */
export function configProperties(run: RunInfo): [string, string][] {
  const c = configOf(run);
  if (!c) return [];
  if (c.path === null) return [['config', 'none']];
  return [['config', c.path], ['config.sha256', c.sha256], ...Object.entries(c.changed).map(([k, v]): [string, string] => [`config.${k}`, settingText(v)])];
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
