/** `dualscreen rules test|validate`: what is encoded, and whether the packs' own test manifests pass. */
import { existsSync } from 'node:fs';
import { Chalk } from 'chalk';
import { parseAsOf } from '../calendar.js';
import { buildEveryPart, compileRuleSet, type RuleSet } from '../engine/compile.js';
import { screen } from '../engine/screen.js';
import { openManifest } from '../manifest/read.js';
import { type Result } from '../model/result.js';
import { SEVERITY, type Verdict } from '../model/verdict.js';
import { FamilyCoverage } from '../rules/family-coverage.js';
import { DEFAULT_RULES_DIR, findRuleFiles, loadRulePacks, type LoadedPack } from '../rules/load.js';
import { Verdict as VerdictSchema } from '../rules/schema.js';

interface Out {
  write: (text: string) => void;
  color: boolean;
}

export interface PackTestResult {
  pack: string;
  testFile: string;
  rows: number;
  truePositives: number;
  trueNegatives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Right verdict, but an expected rule did not fire, or a forbidden one did. */
  wrongRule: number;
  failures: string[];
}

export interface RulePackTests {
  results: PackTestResult[];
  /** The item families of the packs under test, and which kinds of self-test row they have. */
  coverage: FamilyCoverage;
}

/** Runs each pack's `NAME.test.csv` against the whole rule set. */
export async function testRulePacks(rulePaths: string[] | undefined, testPaths: string[]): Promise<RulePackTests> {
  // a pack under test that is not among the rules in use joins them (a file loaded twice is read once)
  const loaded = loadRulePacks([...(rulePaths ?? [DEFAULT_RULES_DIR]), ...testPaths]);
  const rs = compileRuleSet(loaded);
  const targets = testPaths.length > 0 ? new Set(findRuleFiles(testPaths)) : undefined;
  const tested = loaded.filter((lp) => !targets || targets.has(lp.file));
  const coverage = new FamilyCoverage(tested.flatMap((lp) => lp.pack.items ?? []));
  const results: PackTestResult[] = [];
  for (const lp of tested) {
    const testFile = lp.path.replace(/\.ya?ml$/i, '.test.csv');
    if (!existsSync(testFile)) {
      results.push({ ...emptyResult(lp.pack.id, testFile), failures: [`${testFile}: missing (every pack needs a self-test manifest)`] });
      continue;
    }
    results.push(await testOnePack(lp, testFile, rs, coverage));
  }
  return { results, coverage };
}

function emptyResult(pack: string, testFile: string): PackTestResult {
  return { pack, testFile, rows: 0, truePositives: 0, trueNegatives: 0, falsePositives: 0, falseNegatives: 0, wrongRule: 0, failures: [] };
}

async function testOnePack(lp: LoadedPack, testFile: string, rs: RuleSet, coverage: FamilyCoverage): Promise<PackTestResult> {
  const r = emptyResult(lp.pack.id, testFile);
  // the test's own columns are no text of the shipment's: screened as another column, a `why` that names a party
  // ("… not Recorded Future") would itself raise a possible match
  const manifest = await openManifest(testFile, { hsScheme: 'cn', ignoreColumns: ['expect', 'as_of', 'why'] });
  for await (const event of manifest.events) {
    if (event.kind === 'error') {
      r.failures.push(`${testFile}:${event.line}: ${event.message}`);
      continue;
    }
    const { row } = event;
    const where = `${testFile}:${row.line}${row.values.line_id ? ` (${row.values.line_id})` : ''}`;
    const expectText = (row.extras.expect ?? '').trim();
    const [verdictText, ...ruleIds] = expectText.split(/\s+/);
    const expected = VerdictSchema.safeParse(verdictText);
    if (!expected.success) {
      r.failures.push(`${where}: expect "${expectText}" must start with prohibited, license, review or clear`);
      continue;
    }
    let asOf: string;
    try {
      asOf = row.extras.as_of?.trim() ? parseAsOf(row.extras.as_of, 'as_of') : lp.pack.dataAsOf;
    } catch (e) {
      r.failures.push(`${where}: ${(e as Error).message}`);
      continue;
    }
    r.rows++;
    coverage.add(row.values.description ?? '', expected.data !== 'clear', ruleIds);
    const result = screen(row, rs, { asOf });
    judge(r, where, expected.data, ruleIds, result, asOf);
  }
  return r;
}

/** `ruleIds`: rules that must be among the findings; one written `!RULE` must not be. */
function judge(r: PackTestResult, where: string, expected: Verdict, ruleIds: string[], result: Result, asOf: string): void {
  const got = result.verdict;
  const fired = new Set(result.findings.map((f) => f.ruleId));
  const missing = ruleIds.filter((id) => !id.startsWith('!') && !fired.has(id));
  const forbidden = ruleIds.filter((id) => id.startsWith('!') && fired.has(id.slice(1))).map((id) => id.slice(1));
  const detail = (): string =>
    result.findings.map((f) => `${f.verdict} ${f.ruleId}`).join(', ') || (result.notes[0] ? `note: ${result.notes[0]}` : 'no findings');
  if (got === expected) {
    if (missing.length > 0 || forbidden.length > 0) {
      r.wrongRule++;
      const wrong = [...(missing.length ? [`${missing.join(', ')} did not fire`] : []), ...(forbidden.length ? [`${forbidden.join(', ')} fired`] : [])];
      r.failures.push(`${where}: ${got} as expected, but ${wrong.join(' and ')} (as of ${asOf}; got ${detail()})`);
    } else if (expected === 'clear') r.trueNegatives++;
    else r.truePositives++;
    return;
  }
  if (SEVERITY[got] > SEVERITY[expected]) r.falsePositives++;
  else r.falseNegatives++;
  r.failures.push(`${where}: expected ${expected}${ruleIds.length ? ` (${ruleIds.join(', ')})` : ''}, got ${got} as of ${asOf}: ${detail()}`);
}

export function printTestResults({ results, coverage }: RulePackTests, { write, color }: Out, listGaps = false): number {
  const c = new Chalk({ level: color ? 1 : 0 });
  let failed = 0;
  const lines: string[] = [];
  for (const r of results) {
    const ok = r.failures.length === 0;
    if (!ok) failed++;
    lines.push(
      `${ok ? c.green('PASS') : c.red('FAIL')} ${r.pack.padEnd(34)} ${String(r.rows).padStart(4)} rows  TP ${r.truePositives}  TN ${r.trueNegatives}  FP ${r.falsePositives}  FN ${r.falseNegatives}${r.wrongRule ? `  wrong rule ${r.wrongRule}` : ''}`,
    );
    for (const f of r.failures) lines.push(`     ${c.red('✗')} ${f}`);
  }
  const rows = results.reduce((n, r) => n + r.rows, 0);
  const wrongRows = results.reduce((n, r) => n + r.falsePositives + r.falseNegatives + r.wrongRule, 0);
  const otherFailures = results.reduce((n, r) => n + r.failures.length, 0) - wrongRows;
  lines.push(`rule packs: ${results.length - failed} of ${results.length} pass (${rows} test rows)`);
  lines.push(...coverageLines(coverage, listGaps));
  // the closing line CI reads: test rows, and any pack-level failures (a missing or unreadable test file)
  lines.push(`${rows - wrongRows} passed, ${wrongRows + otherFailures} failed`);
  write(`${lines.join('\n')}\n`);
  return failed > 0 ? 1 : 0;
}

/** The families' self-test coverage in one line, and with `listGaps` each family that lacks a kind of row. */
function coverageLines(coverage: FamilyCoverage, listGaps: boolean): string[] {
  if (coverage.size === 0) return [];
  const { have, complete, gaps } = coverage.summary();
  const lines = [
    `item families recognised from words: ${coverage.size}; with an English controlled row ${have.en}, a Chinese ${have.zh}, a Japanese ${have.ja}, a look-alike (clear !ITEM) ${have['look-alike']}; all four ${complete}${
      listGaps || gaps.length === 0 ? '' : ' (--coverage lists the others)'
    }`,
  ];
  if (listGaps) for (const g of gaps) lines.push(`  ${g.family}: no ${g.missing.join(', ')}`);
  return lines;
}

export function validateRules(rulePaths: string[] | undefined, { write }: Out): void {
  const loaded = loadRulePacks(rulePaths ?? [DEFAULT_RULES_DIR]);
  buildEveryPart(compileRuleSet(loaded));
  const count = (k: 'items' | 'measures' | 'parties'): number => loaded.reduce((n, l) => n + l.pack[k].length, 0);
  write(`${loaded.length} rule packs valid: ${count('items')} items, ${count('measures')} measures, ${count('parties')} parties\n`);
}
