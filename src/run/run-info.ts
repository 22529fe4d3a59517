/** The audit header every report starts with: tool, as-of date, rule packs and what the user must know about them. */
import type { RuleSet } from '../engine/compile.js';
import { ruleDataWarnings } from '../engine/warnings.js';
import type { RunInfo } from '../report/types.js';
import { VERSION } from '../version.js';

export function runInfo(ruleSet: RuleSet, asOf: string, options: Record<string, unknown>): RunInfo {
  return {
    tool: { name: 'dualscreen', version: VERSION },
    generatedAt: new Date().toISOString(),
    asOf,
    options,
    rulePacks: ruleSet.packs,
    warnings: ruleDataWarnings(ruleSet, asOf),
  };
}
