/** One shipment line screened with the bundled rule packs, as `check` screens it: for tests of what a user sees. */
import { compileRuleSet, type RuleSet } from '../../src/engine/compile.js';
import { screen } from '../../src/engine/screen.js';
import { makeRow } from '../../src/manifest/row.js';
import type { Result } from '../../src/model/result.js';
import type { PartyCell, RowValues } from '../../src/model/row.js';
import { loadRulePacks } from '../../src/rules/load.js';

let rules: RuleSet | undefined;

/** `cells`: further party columns (a notify party) and other columns (a remark), by header, as the reader gives them. */
export function screenRow(values: RowValues, asOf = '2026-12-01', cells: { parties?: PartyCell[]; others?: PartyCell[] } = {}): Result {
  rules ??= compileRuleSet(loadRulePacks());
  return screen(makeRow('t.csv', 1, 2, values, {}, 'cn', cells.parties, cells.others), rules, { asOf });
}
