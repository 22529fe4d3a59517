/** One shipment line screened with the bundled rule packs, as `check` screens it: for tests of what a user sees. */
import { compileRuleSet, type RuleSet } from '../../src/engine/compile.js';
import { screen } from '../../src/engine/screen.js';
import { makeRow } from '../../src/manifest/row.js';
import type { Result } from '../../src/model/result.js';
import type { RowValues } from '../../src/model/row.js';
import { loadRulePacks } from '../../src/rules/load.js';

let rules: RuleSet | undefined;

export function screenRow(values: RowValues, asOf = '2026-12-01'): Result {
  rules ??= compileRuleSet(loadRulePacks());
  return screen(makeRow('t.csv', 1, 2, values, {}, 'cn'), rules, { asOf });
}
