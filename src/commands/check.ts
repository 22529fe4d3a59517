/**
 * `dualscreen check --hs … --to JP --end-user …`: one shipment line from flags, judged by the same engine
 * and shown by the same reporters as a manifest row under `screen`.
 */
import type { PartyThresholds } from '../engine/party-index.js';
import { screen } from '../engine/screen.js';
import { gatingVerdict, SEVERITY } from '../engine/types.js';
import { UserError } from '../errors.js';
import { sha256 } from '../input/file.js';
import type { HsScheme } from '../manifest/normalise.js';
import { makeRow, type RowValues } from '../manifest/row.js';
import { compileRuleSet } from '../rules/compile.js';
import { loadRulePacksQuickly } from '../rules/cached.js';
import { createReporter, type Format } from '../report/index.js';
import type { Summary } from '../report/types.js';
import { runInfo } from '../run/run-info.js';
import type { FailOn } from './screen.js';

/** The name the row carries where a manifest row carries its file. */
export const CHECK_INPUT = 'check';

export interface CheckCommandOptions {
  values: RowValues;
  format: Format;
  failOn: FailOn;
  asOf: string;
  rules?: string[];
  hsScheme: HsScheme;
  partyThresholds?: PartyThresholds;
  color: boolean;
  write: (text: string) => void;
  warn: (text: string) => void;
}

export async function runCheck(o: CheckCommandOptions): Promise<number> {
  if (Object.values(o.values).every((v) => v === undefined || v.trim() === '')) {
    throw new UserError('check: describe the shipment, e.g. --hs 2846901940 --to JP --end-user "…" (see dualscreen check --help)');
  }
  const ruleSet = compileRuleSet(await loadRulePacksQuickly(o.rules), { partyThresholds: o.partyThresholds });
  const result = screen(makeRow(CHECK_INPUT, 1, 1, o.values, {}, o.hsScheme), ruleSet, { asOf: o.asOf });
  const info = runInfo(ruleSet, o.asOf, {
    failOn: o.failOn,
    hsScheme: o.hsScheme,
    partyThresholds: ruleSet.parties.thresholds,
    rules: o.rules ?? 'default',
    values: o.values,
  });
  if (o.format !== 'text') for (const w of info.warnings) o.warn(`warning: ${w}`);

  const reporter = createReporter(o.format, { all: true, failOn: o.failOn, color: o.color, write: o.write });
  reporter.begin(info);
  reporter.result(result);
  const summary: Summary = { rows: 1, rejected: 0, prohibited: 0, license: 0, review: 0, clear: 0, [result.verdict]: 1 };
  reporter.end(summary, [{ path: CHECK_INPUT, sha256: sha256(JSON.stringify(o.values)), encoding: 'utf-8', rows: 1, rejected: 0 }]);
  return o.failOn !== 'none' && SEVERITY[gatingVerdict(result)] >= SEVERITY[o.failOn] ? 1 : 0;
}
