/** `dualscreen screen`: read manifests, screen every row, report, and choose the exit code. */
import { screen } from '../engine/screen.js';
import { SEVERITY, type Result, type Verdict } from '../engine/types.js';
import type { CanonicalColumn } from '../manifest/columns.js';
import type { Encoding } from '../manifest/encoding.js';
import type { HsScheme } from '../manifest/normalise.js';
import { openManifest } from '../manifest/read.js';
import type { PartyThresholds } from '../engine/party-index.js';
import { compileRuleSet } from '../rules/compile.js';
import { loadRulePacks } from '../rules/load.js';
import { ruleDataWarnings } from '../rules/warnings.js';
import { createReporter, type Format } from '../report/index.js';
import type { InputInfo, Summary } from '../report/types.js';
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
  for (const file of o.files) {
    const manifest = await openManifest(file, { encoding: o.encoding, delimiter: o.delimiter, map: o.map, hsScheme: o.hsScheme });
    for await (const event of manifest.events) {
      if (event.kind === 'error') {
        reporter.error({ input: event.input, line: event.line, message: event.message });
        continue;
      }
      const result: Result = screen(event.row, ruleSet, { asOf: o.asOf });
      summary[result.verdict]++;
      if (o.failOn !== 'none' && SEVERITY[result.verdict] >= SEVERITY[o.failOn]) failing = true;
      reporter.result(result);
      const waiting = o.drained?.();
      if (waiting) await waiting;
    }
    const s = manifest.summary;
    inputs.push({ path: s.path, sha256: s.sha256, encoding: s.encoding, rows: s.rows, rejected: s.rejected });
    summary.rows += s.rows;
    summary.rejected += s.rejected;
  }
  reporter.end(summary, inputs);
  if (summary.rejected > 0) {
    o.warn(`error: ${summary.rejected} line(s) could not be read; see the report`);
    return 2;
  }
  return failing ? 1 : 0;
}
