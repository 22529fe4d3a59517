/**
 * What a user must know about the rule data on a given as-of date, each with a code (for acknowledgements)
 * and, for a suspension that has ended, the rules it concerns: such a warning is shown only when a finding of
 * the run rests on one of them. The staleness warning concerns every row, clear ones too (a measure announced
 * after the data date is encoded nowhere, so no rule could have matched it): it is shown whenever it holds.
 */
import { addDays } from '../calendar.js';
import { msg } from '../i18n/message.js';
import { type Msg } from '../model/message.js';
import { type Acknowledgement, newestDataDate, type RunWarning } from '../model/run.js';
import type { RuleSet } from './compile.js';

export interface RuleDataWarning {
  /** `W-DATA-STALE`, `W-SUSPENSION-ENDED:MOFCOM-2025-70`. */
  code: string;
  /** One short line, in any language. */
  text: Msg;
  /** The full English wording, as reports have always given it. */
  message: string;
  /** Ids of the items, measures and parties it concerns; undefined: the whole run. */
  concerns?: Set<string>;
}

export function ruleDataWarnings(rs: RuleSet, asOf: string): RuleDataWarning[] {
  const warnings: RuleDataWarning[] = [];
  const newest = newestDataDate(rs.packs);
  if (newest && asOf > newest) {
    warnings.push({
      code: 'W-DATA-STALE',
      text: msg('warning.data-stale', { asOf, dataAsOf: newest }),
      message: `as-of ${asOf} is after the rule data's date (${newest}): measures announced since then are not encoded`,
    });
  }
  // A suspension that ended in the last year: its end is as published, what followed is not verified.
  const ended = new Map<string, RuleDataWarning>();
  const collect = (id: string, suspended: { to: string; source: string }[], title: (source: string) => string): void => {
    for (const s of suspended) {
      if (s.to >= asOf || s.to < addDays(asOf, -365)) continue;
      const key = `${s.source}|${s.to}`;
      let w = ended.get(key);
      if (!w) {
        w = {
          code: `W-SUSPENSION-ENDED:${s.source}`,
          text: msg('warning.suspension-ended', { source: s.source, to: s.to }),
          message: `the suspension by ${title(s.source)} ended on ${s.to}; the suspended rules are applied again from the next day, as published. Whether it was extended is not verified in these rule packs`,
          concerns: new Set(),
        };
        ended.set(key, w);
      }
      w.concerns!.add(id);
    }
  };
  for (const ci of rs.items) collect(ci.item.id, ci.item.suspended, (id) => ci.suspensionSources.get(id)?.title ?? id);
  for (const cm of rs.measures) collect(cm.measure.id, cm.measure.suspended, (id) => cm.suspensionSources.get(id)?.title ?? id);
  for (const ref of rs.partyRefs) collect(ref.party.id, ref.party.suspended, (id) => ref.suspensionSources.get(id)?.title ?? id);
  return [...warnings, ...ended.values()];
}

/** `W-SUSPENSION-ENDED` acknowledges every `W-SUSPENSION-ENDED:…`; a full code only itself. */
export const acknowledges = (ack: Acknowledgement, code: string): boolean => ack.code === code || (!ack.code.includes(':') && code.startsWith(`${ack.code}:`));

/**
 * Counts, row by row, the flagged rows whose findings rest on a rule each warning concerns, and gives the
 * warnings that matter for the run at its end. Memory: one entry per concerned rule id.
 */
export class WarningCollector {
  private readonly byId = new Map<string, number[]>();
  private readonly rows: number[];

  constructor(
    private readonly candidates: RuleDataWarning[],
    private readonly acknowledgements: Acknowledgement[] = [],
    private readonly asOf = '',
  ) {
    this.rows = candidates.map(() => 0);
    candidates.forEach((w, i) => {
      for (const id of w.concerns ?? []) this.byId.set(id, [...(this.byId.get(id) ?? []), i]);
    });
  }

  /** A screened row: its findings and the ids they rest on. */
  add(result: { findings: unknown[]; refs?: { items: string[]; measures: string[]; parties: string[] } }): void {
    const { refs } = result;
    if (!refs || result.findings.length === 0 || this.byId.size === 0) return;
    const hit = new Set<number>();
    for (const list of [refs.items, refs.measures, refs.parties]) for (const id of list) for (const i of this.byId.get(id) ?? []) hit.add(i);
    for (const i of hit) this.rows[i]!++;
  }

  /** The flagged rows counted per warning, in the order of the candidates: another collector over other rows of the run adds them. */
  rowCounts(): number[] {
    return [...this.rows];
  }

  addRowCounts(counts: readonly number[]): void {
    counts.forEach((n, i) => (this.rows[i]! += n));
  }

  warnings(): RunWarning[] {
    const out: RunWarning[] = [];
    this.candidates.forEach((w, i) => {
      if (w.concerns && this.rows[i] === 0) return;
      const acknowledged = this.acknowledgements.find((a) => acknowledges(a, w.code) && this.asOf <= a.until);
      out.push({ code: w.code, text: w.text, message: w.message, ...(w.concerns ? { rows: this.rows[i] } : {}), ...(acknowledged ? { acknowledged } : {}) });
    });
    return out;
  }
}
