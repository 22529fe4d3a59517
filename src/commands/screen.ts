/** `dualscreen screen`: read manifests, screen every row, report, and choose the exit code. */
import { gatingVerdict, SEVERITY, type Verdict } from '../engine/types.js';
import type { CanonicalColumn } from '../manifest/columns.js';
import type { Encoding } from '../manifest/encoding.js';
import type { HsScheme } from '../manifest/normalise.js';
import type { PartyThresholds } from '../engine/party-index.js';
import { compileRuleSet } from '../rules/compile.js';
import { loadRulePacks } from '../rules/load.js';
import { ruleDataWarnings } from '../rules/warnings.js';
import { createReporter, type Format } from '../report/index.js';
import type { InputInfo, Summary } from '../report/types.js';
import { screenManifests } from '../run/screen-stream.js';
import { VERSION } from '../version.js';

export type FailOn = Verdict | 'none';

export interface ScreenCommandOptions {
  files: string[];
  format: Format;
  all: boolean;
  failOn: FailOn;
  asOf: string;
  rules?: string[];
  encoding?: Encoding;
  delimiter?: string;
  map: Partial<Record<CanonicalColumn, string>>;
  hsScheme: HsScheme;
  partyThresholds?: PartyThresholds;
  color: boolean;
  write: (text: string) => void;
  /** Resolves when the output can take more (a slow pipe); undefined when it can now. */
  drained?: () => Promise<void> | undefined;
  warn: (text: string) => void;
}

export async function runScreen(o: ScreenCommandOptions): Promise<number> {
  const packs = loadRulePacks(o.rules);
  const ruleSet = compileRuleSet(packs, { partyThresholds: o.partyThresholds });
  const warnings = ruleDataWarnings(ruleSet, o.asOf);
  if (o.format !== 'text') for (const w of warnings) o.warn(`warning: ${w}`);

  const reporter = createReporter(o.format, { all: o.all, color: o.color, write: o.write });
  reporter.begin({
    tool: { name: 'dualscreen', version: VERSION },
    generatedAt: new Date().toISOString(),
    asOf: o.asOf,
    options: {
      failOn: o.failOn,
      all: o.all,
      hsScheme: o.hsScheme,
      encoding: o.encoding ?? 'auto',
      delimiter: o.delimiter ?? 'auto',
      map: o.map,
      partyThresholds: ruleSet.parties.thresholds,
      rules: o.rules ?? 'default',
    },
    rulePacks: ruleSet.packs,
    warnings,
  });

  const summary: Summary = { rows: 0, rejected: 0, prohibited: 0, license: 0, review: 0, clear: 0 };
  const inputs: InputInfo[] = [];
  let failing = false;
  const read = { encoding: o.encoding, delimiter: o.delimiter, map: o.map, hsScheme: o.hsScheme };
  for await (const event of screenManifests(o.files, read, ruleSet, o.asOf)) {
    if (event.kind === 'error') {
      reporter.error(event.error);
    } else if (event.kind === 'input') {
      inputs.push(event.input);
      summary.rows += event.input.rows;
      summary.rejected += event.input.rejected;
    } else {
      const { result } = event;
      summary[result.verdict]++;
      if (o.failOn !== 'none' && SEVERITY[gatingVerdict(result)] >= SEVERITY[o.failOn]) failing = true;
      reporter.result(result);
      const waiting = o.drained?.();
      if (waiting) await waiting;
    }
  }
  reporter.end(summary, inputs);
  if (summary.rejected > 0) {
    o.warn(`error: ${summary.rejected} line(s) could not be read; see the report`);
    return 2;
  }
  return failing ? 1 : 0;
}
