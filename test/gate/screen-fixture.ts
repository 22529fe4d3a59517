/** Screens a manifest with the bundled rules, as runScreen does before gating: the results the gate sees. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileRuleSet, type RuleSet } from '../../src/engine/compile.js';
import { screen } from '../../src/engine/screen.js';
import { openManifest } from '../../src/manifest/read.js';
import type { Result } from '../../src/model/result.js';
import { loadRulePacks } from '../../src/rules/load.js';
import { tempFiles } from '../temp-files.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const fixture = (name: string): string => join(ROOT, 'fixtures', name);
export const SAMPLE = fixture('sample-manifest.csv');

let rules: RuleSet | undefined;
export const bundledRules = (): RuleSet => (rules ??= compileRuleSet(loadRulePacks()));

export async function screenFile(path: string, asOf = '2026-11-28'): Promise<Result[]> {
  const rs = bundledRules();
  const m = await openManifest(path, { hsScheme: 'cn' });
  const results: Result[] = [];
  for await (const e of m.events) if (e.kind === 'row') results.push(screen(e.row, rs, { asOf }));
  return results;
}

export const tempFile = tempFiles('gate');

/** The sample manifest's header and its data lines by line id. */
export function sampleLines(text: string): { header: string; byId: Map<string, string> } {
  const [header, ...lines] = text.trimEnd().split('\n');
  return { header: header!, byId: new Map(lines.map((l) => [l.split(',')[0]!, l])) };
}

export const byLineId = (results: Result[], id: string): Result => {
  const r = results.find((x) => x.row.values.line_id === id);
  if (!r) throw new Error(`no row ${id}`);
  return r;
};
