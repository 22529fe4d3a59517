/** `dualscreen waivers lint`: what in a waivers file needs attention before it silences anything. */
import { addDays } from '../calendar.js';
import { loadReport, type ReportRow } from '../gate/report-file.js';
import { CONTENT_SELECTORS, loadWaivers, waiverCovers, type LoadedWaiver } from '../gate/waivers.js';
import { ENGINE_RULE_IDS, isGateRule } from '../model/rule-ids.js';
import { loadRulePacks } from '../rules/load.js';

export interface LintOptions {
  file: string;
  rules?: string[];
  /** The last run's JSON report: waivers that match none of its findings are reported. */
  report?: string;
  asOf: string;
  /** Waivers expiring within this many days are warned about. */
  warnDays: number;
  write: (text: string) => void;
}

/** Exit code: 1 when there are errors, 0 otherwise (warnings included). */
export function lintWaivers(o: LintOptions): number {
  const set = loadWaivers(o.file);
  const known = knownRuleIds(o.rules);
  const report = o.report === undefined ? undefined : loadReport(o.report, 'report');
  const errors = [...set.problems];
  const warnings: string[] = [];
  const soon = addDays(o.asOf, o.warnDays);
  const yearOn = addDays(o.asOf, 366);
  for (const w of set.waivers) {
    const error = (message: string): number => errors.push(`${w.at}: ${w.id}: ${message}`);
    if (isGateRule(w.rule)) error(`rule "${w.rule}" is raised by dualscreen's own gating and cannot be waived`);
    else if (!known.has(w.rule)) error(`unknown rule "${w.rule}" (not in the loaded rule packs or dualscreen's own rules)`);
    const warn = (message: string): number => warnings.push(`${w.at}: ${w.id}: ${message}`);
    if (w.expires < o.asOf) error(`expired on ${w.expires}: renew the approval or remove the waiver`);
    else if (w.expires <= soon) warn(`expires on ${w.expires}, within ${o.warnDays} days of ${o.asOf}`);
    else if (w.expires > yearOn) warn(`expires on ${w.expires}, more than a year after ${o.asOf}: approve exceptions for a year at most`);
    if (!CONTENT_SELECTORS.some((k) => w[k] !== undefined)) {
      warn(`selects rows by line id only: any later row that reuses "${w.line_id}" is waived too; add ${CONTENT_SELECTORS.join(', ')} (what the row holds)`);
    }
    if (report && !matchesAny(w, report.report.rows)) error(`matched no finding in ${report.ref.path}: check its selectors, or remove it`);
  }
  // problems read "file:line:col: message"; the level goes after the position, as compilers print it
  const level = (name: string) => (p: string) => p.replace(/^(.+?:\d+:\d+): /, `$1: ${name}: `);
  const lineOf = (p: string): number => Number(/:(\d+):\d+: /.exec(p)?.[1] ?? 0);
  const lines = [...errors.map(level('error')), ...warnings.map(level('warning'))].sort((a, b) => lineOf(a) - lineOf(b));
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`${set.ref.path}: ${plural(set.waivers.length, 'waiver')} read, ${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')}`);
  o.write(`${lines.join('\n')}\n`);
  return errors.length > 0 ? 1 : 0;
}

function knownRuleIds(rules: string[] | undefined): Set<string> {
  const ids = new Set<string>(ENGINE_RULE_IDS);
  for (const { pack } of loadRulePacks(rules)) for (const entry of [...pack.items, ...pack.measures]) ids.add(entry.id);
  return ids;
}

function matchesAny(w: LoadedWaiver, rows: ReportRow[]): boolean {
  return rows.some((row) => row.findings.some((f) => waiverCovers(w, row, f.ruleId)));
}
