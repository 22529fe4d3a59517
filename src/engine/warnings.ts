/** What a user must know about the rule data on a given as-of date. */
import { addDays } from '../calendar.js';
import type { RuleSet } from './compile.js';

export function ruleDataWarnings(rs: RuleSet, asOf: string): string[] {
  const warnings: string[] = [];
  const newest = rs.packs.map((p) => p.dataAsOf).sort().at(-1);
  if (newest && asOf > newest) {
    warnings.push(`as-of ${asOf} is after the rule data's date (${newest}): measures announced since then are not encoded`);
  }
  // A suspension that ended in the last year: its end is as published, what followed is not verified.
  const ended = new Map<string, string>();
  const collect = (suspended: { to: string; source: string }[], title: (id: string) => string): void => {
    for (const s of suspended) {
      if (s.to < asOf && s.to >= addDays(asOf, -365)) ended.set(`${title(s.source)}|${s.to}`, `${title(s.source)} ended on ${s.to}`);
    }
  };
  for (const ci of rs.items) collect(ci.item.suspended, (id) => ci.suspensionSources.get(id)?.title ?? id);
  for (const cm of rs.measures) collect(cm.measure.suspended, (id) => cm.suspensionSources.get(id)?.title ?? id);
  // listings: one warning per suspension window, named by the statement that set it
  for (const ref of rs.parties.refs()) collect(ref.party.suspended, (id) => ref.suspensionSources.get(id)?.title ?? id);
  for (const text of ended.values()) {
    warnings.push(`the suspension by ${text}; the suspended rules are applied again from the next day, as published. Whether it was extended is not verified in these rule packs`);
  }
  return warnings;
}
