/**
 * `dualscreen check --hs … --to JP --end-user …`: one shipment line from flags, judged by the same engine
 * and shown by the same reporters as a manifest row under `screen`.
 */
import { auditRecord, CHECK_OPTIONS } from '../config/options.js';
import type { RuleSet } from '../engine/compile.js';
import { screen } from '../engine/screen.js';
import { ruleDataWarnings, WarningCollector } from '../engine/warnings.js';
import { sha256 } from '../files/file.js';
import { listsSearched, partyBlock, SourceList } from '../lookup/render.js';
import { partiesByName } from '../lookup/search.js';
import { makeRow } from '../manifest/row.js';
import type { PartyThresholds } from '../match/party-index.js';
import { UserError } from '../model/errors.js';
import type { Lang } from '../model/message.js';
import type { HsScheme, RowValues } from '../model/row.js';
import { EXIT, type FailOn } from '../model/verdict.js';
import type { Format } from '../report/formats.js';
import { createReporter } from '../report/index.js';
import { GateCollector } from '../report/outcome.js';
import type { Summary } from '../report/types.js';
import { warningText } from '../report/words.js';
import { ruleSetFor } from '../engine/resident.js';
import type { PartyList } from '../rules/schema.js';
import { runInfo } from '../run/run-info.js';

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
  /** --lang and --explain (check explains by default: it judges one line). */
  lang?: Lang;
  explain?: boolean;
  write: (text: string) => void;
  warn: (text: string) => void;
}

export async function runCheck(o: CheckCommandOptions): Promise<number> {
  if (Object.values(o.values).every((v) => v === undefined || v.trim() === '')) {
    throw new UserError('check: describe the shipment, e.g. --hs 2846901940 --to JP --end-user "…" (see dualscreen check --help)');
  }
  const ruleSet = await ruleSetFor(o.rules, { partyThresholds: o.partyThresholds });
  const result = screen(makeRow(CHECK_INPUT, 1, 1, o.values, {}, o.hsScheme), ruleSet, { asOf: o.asOf });
  const info = runInfo(ruleSet, o.asOf, auditRecord(CHECK_OPTIONS, o, { partyThresholds: ruleSet.partyThresholds, values: o.values }));
  const warnings = new WarningCollector(ruleDataWarnings(ruleSet, o.asOf), [], o.asOf);
  warnings.add(result);
  const gating = new GateCollector(o.failOn);
  gating.add(result);
  const outcome = { gate: gating.gate(), warnings: warnings.warnings() };
  if (o.format !== 'text') for (const w of outcome.warnings) o.warn(warningText(w, o.lang ?? 'en'));

  const reporter = await createReporter(o.format, { all: true, failOn: o.failOn, color: o.color, write: o.write, lang: o.lang, explain: o.explain ?? true });
  reporter.begin(info);
  reporter.result(result);
  const summary: Summary = { rows: 1, rejected: 0, prohibited: 0, license: 0, review: 0, clear: 0, [result.verdict]: 1 };
  reporter.end(summary, [{ path: CHECK_INPUT, sha256: sha256(JSON.stringify(o.values)), encoding: 'utf-8', rows: 1, rejected: 0 }], outcome);
  if (o.format === 'text' && !GOODS.some((c) => o.values[c]?.trim())) o.write(partiesWithoutGoods(o.values, ruleSet, o.asOf));
  return outcome.gate.failed ? EXIT.failed : EXIT.ok;
}

const GOODS = ['description', 'hs_code', 'control_code', 'cas_number'] as const;

/** What each list means for a shipment whose goods are not given. */
const WITHOUT_GOODS: Record<PartyList, string> = {
  control: 'any dual-use item to it is prohibited; other goods need their classification confirmed (review)',
  'military-user': 'any dual-use item to it is prohibited, and any drone for it; other goods need their classification confirmed (review)',
  unreliable: 'where its listing bans trade, any export to it is prohibited whatever the goods; otherwise review its listing',
  watch: 'a dual-use item needs an individual licence with a risk assessment and an undertaking; other goods are clear',
  'defence-contractor': 'a dual-use item raises review under the third limb of 2026 No. 1; other goods are clear',
};

/** `check` with parties and no goods: what each party is, and what the missing goods mean. */
function partiesWithoutGoods(values: RowValues, rs: RuleSet, asOf: string): string {
  const sources = new SourceList();
  const out = ['', 'No goods given (--description, --hs, --control-code): the verdict above is for goods not identified as dual-use.'];
  for (const field of ['consignee', 'end_user'] as const) {
    const name = values[field]?.trim();
    if (!name) continue;
    const hits = partiesByName(rs, name).filter((p) => p.score !== undefined);
    out.push('', `${field} "${name}":`);
    if (hits.length === 0) out.push('  matches no listed party or military user.');
    for (const p of hits) out.push(...partyBlock(p, asOf, sources), `    goods     ${WITHOUT_GOODS[p.ref.party.list]}`);
  }
  out.push('', listsSearched(rs), ...sources.lines());
  return `${out.join('\n')}\n`;
}
