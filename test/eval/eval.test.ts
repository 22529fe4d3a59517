/**
 * MEASURED QUALITY GATE (issue 4 part 6): the labelled evaluation set under fixtures/eval, screened by
 * the built CLI through test/eval/run.js (the same code as `npm run eval`). The numbers are printed
 * with every run of this file; `npm run eval` prints them with every wrong row and its findings.
 *
 * Targets: no missed `prohibited`, at least 95% of verdicts right, under 2% of rows raised to
 * license/prohibited that should be clear/review.
 *
 * First measured (2026-11-28, 509 rows in 7 files): accuracy 96.1%, false alarms 0.0%, 8 missed
 * prohibited (abbreviated or suffixed party names, city-and-country destinations, a US military end
 * user no pack encoded). After the matcher and pack fixes those failures led to: accuracy 99.8%, no
 * missed prohibited. The set has now been used to find faults, so it measures in-sample; keep
 * adding rows from real manifests the fixes were not made on.
 *
 * The dev and holdout sets of issues 10 and 11 (fixtures/eval-dev, fixtures/eval-holdout) are measurements,
 * not CI gates, until the rules catch up: `npm run eval` reports them. Here only their labels are checked
 * (read without screening): sizes, categories, the coverage the sets promise and the issue-10 classes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface WrongRow {
  at: string;
  expected: string;
  got: string;
  alt: string[];
}

interface Measurements {
  rows: number;
  files: { file: string; rows: number; accuracy: number }[];
  perVerdict: Record<string, { expected: number; predicted: number; precision: number | null; recall: number | null }>;
  accuracy: number;
  lenientAccuracy: number;
  falseAlarms: number;
  falseAlarmShare: number;
  missedProhibited: number;
  wrong: WrongRow[];
}

let m: Measurements;

describe('evaluation set (issue 4 part 6): measured quality of the verdicts', { timeout: 300_000 }, () => {
  beforeAll(() => {
    if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error('dist/cli.js is missing: run `npm run build` first');
    const r = spawnSync(process.execPath, [join(ROOT, 'test', 'eval', 'run.js'), '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    });
    // exit 1 only says that a target is missed; the assertions below say which
    if (r.status !== 0 && r.status !== 1) throw new Error(`test/eval/run.js exited ${r.status}: ${r.stderr}`);
    m = JSON.parse(r.stdout) as Measurements;
    const pct = (x: number | null) => (x === null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
    const lines = [
      `EVAL (issue 4 part 6): ${m.rows} rows in ${m.files.length} files`,
      `  accuracy ${pct(m.accuracy)} (target >= 95%), with expected_alt accepted ${pct(m.lenientAccuracy)}`,
      `  false alarms ${m.falseAlarms} = ${pct(m.falseAlarmShare)} of rows (target < 2%)`,
      `  missed prohibited ${m.missedProhibited} (target 0)`,
      ...Object.entries(m.perVerdict).map(([v, p]) => `  ${v.padEnd(10)} precision ${pct(p.precision)}  recall ${pct(p.recall)}`),
      `  wrong rows (${m.wrong.length}):`,
      ...m.wrong.map((w) => `    ${w.at}  expected ${w.expected}, got ${w.got}`),
      '  details: npm run eval',
    ];
    console.log(lines.join('\n'));
  }, 300_000);

  it('screens at least 300 labelled rows in several files', () => {
    expect(m.rows).toBeGreaterThanOrEqual(300);
    expect(m.files.length).toBeGreaterThanOrEqual(5);
  });

  it('gets at least 95% of verdicts right', () => {
    expect(m.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('raises under 2% of rows to license/prohibited that should be clear/review', () => {
    expect(m.falseAlarmShare).toBeLessThan(0.02);
  });

  it('misses no prohibited row', () => {
    expect(m.wrong.filter((w) => w.expected === 'prohibited').map((w) => `${w.at} got ${w.got}`)).toEqual([]);
  });
});

interface LabelStats {
  sets: Record<
    string,
    {
      rows: number;
      controlledRows: number;
      benignRows: number;
      perCategory: Record<string, { rows: number; controlled: number }>;
      traps: Record<string, number>;
    }
  >;
}

describe('evaluation sets of issues 10 and 11: labels (read without screening)', () => {
  let s: LabelStats;
  const set = (name: string): LabelStats['sets'][string] => {
    const v = s.sets[name];
    if (!v) throw new Error(`set ${name} missing from test/eval/run.js --labels-only`);
    return v;
  };
  beforeAll(() => {
    const r = spawnSync(process.execPath, [join(ROOT, 'test', 'eval', 'run.js'), '--labels-only', '--set', 'all', '--json'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`test/eval/run.js --labels-only exited ${r.status}: ${r.stderr}`);
    s = JSON.parse(r.stdout) as LabelStats;
  });

  it('has at least 200 development and 400 holdout rows', () => {
    expect(set('dev').rows).toBeGreaterThanOrEqual(200);
    expect(set('holdout').rows).toBeGreaterThanOrEqual(400);
  });

  it('covers all ten categories of the list, with 30 controlled holdout rows where the list has the families', () => {
    for (const c of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']) {
      expect((set('dev').perCategory[c]?.controlled ?? 0) + (set('holdout').perCategory[c]?.controlled ?? 0), `category ${c}`).toBeGreaterThan(0);
    }
    for (const c of ['1', '2', '3', '5', '6', '7', '9']) expect(set('holdout').perCategory[c]?.controlled ?? 0, `category ${c}`).toBeGreaterThanOrEqual(30);
  });

  // the out-of-sample set measures false alarms, so it holds as many benign rows as controlled ones (issue 11 part 5);
  // the development set also holds gap-finding files written to find unrecognised wordings, so only a floor applies there
  it('has at least as many civil and look-alike rows as controlled rows in the holdout, and a third of the development set', () => {
    expect(set('holdout').benignRows).toBeGreaterThanOrEqual(set('holdout').controlledRows);
    expect(set('dev').benignRows).toBeGreaterThanOrEqual(set('dev').rows / 3);
  });

  it('has every class of issue 10 in both sets, five rows or more in the holdout', () => {
    const classes = ['jp-mil', 'us-mil', 'us-body', 'drone-mil', 'toy-drone-mil', 'cl', 'cl-off', 'uel-ban', 'uel-noban', 'prime', 'neg', 'reexport', 'parent', 'site-suffix', 'abbrev', 'no-country'];
    for (const t of classes) {
      expect(set('dev').traps[t] ?? 0, `dev ${t}`).toBeGreaterThan(0);
      expect(set('holdout').traps[t] ?? 0, `holdout ${t}`).toBeGreaterThanOrEqual(5);
    }
  });
});
