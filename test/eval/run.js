/**
 * `npm run eval`: measured quality (issue 4 part 6; issues 10 and 11).
 *
 * Screens labelled manifests with the built CLI (`dualscreen screen --format json --all`, the label columns left out
 * with --ignore-columns, each row at its own as-of date) and compares the verdicts with the files' `expected` column. A file
 * whose index entry says `"shipDates": true` is screened with --ship-dates and its entry's `asOf` (its ship date cells are
 * written as systems print them, and dualscreen reads them). Three sets:
 *
 *   legacy   fixtures/eval          in-sample; its targets gate CI (test/eval/eval.test.ts) and the exit code
 *   dev      fixtures/eval-dev      in-sample (the team may tune on its failures); measurements only
 *   holdout  fixtures/eval-holdout  out-of-sample (report it, never tune on it); aggregates only
 *   probe    fixtures/eval-probe    out-of-sample goods recognition probe (267 controlled, 181 look-alikes); aggregates only
 *
 * For every set: per-verdict precision and recall, accuracy, false alarms, missed prohibited rows. For the
 * sets with a `category` column also: recognition per category (controlled rows flagged at least `review`),
 * false alarms on `civil` and `lookalike` rows (above `clear`, and above `review`, which must never happen
 * for look-alikes), missed `prohibited` rows and accuracy per `trap` tag.
 *
 *   node test/eval/run.js [--set legacy|dev|holdout|all] [--json] [--file NAME] [--spawn] [--verbose]
 *                         [--labels-only] [--list-holdout-rows]
 *
 *   --set        which set (default legacy; `npm run eval` uses all). Sets are screened together, one
 *                dualscreen run per distinct as-of date
 *   --json       print the measurements as one JSON document instead of the text report (legacy alone:
 *                the legacy document; otherwise {schema, sets: {name: measurements}})
 *   --file       evaluate only the files whose name contains NAME (repeatable)
 *   --spawn      run `node bin/dualscreen.js` as a child process per as-of date instead of calling the
 *                built CLI's `main` in this process (slower; the same contract)
 *   --verbose    also list the rows that are right (never the holdout's, unless --list-holdout-rows)
 *   --labels-only  read and check the labels and print their statistics; screen nothing
 *   --list-holdout-rows  also list the holdout's wrong rows (to audit a label, not to tune rules)
 *
 * Exit codes: 0 every legacy target met (or no legacy set evaluated); 1 a legacy target missed; 2 the
 * evaluation could not run (bad labels, a manifest the CLI rejected, a row missing from the report).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const VERDICTS = ['prohibited', 'license', 'review', 'clear'];
const SEVERITY = { clear: 0, review: 1, license: 2, prohibited: 3 };
const HIGH = new Set(['license', 'prohibited']);
/** The goods categories of the dev and holdout sets, in report order. */
export const CATEGORIES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'party', 'catch-all', 'civil', 'lookalike'];
const LIST_CATEGORIES = CATEGORIES.slice(0, 10);

export const SETS = {
  legacy: { dir: 'eval', sample: 'in-sample', title: 'issue 4 part 6', targets: true, categories: false },
  dev: { dir: 'eval-dev', sample: 'in-sample', title: 'issues 10 and 11, development set', targets: false, categories: true },
  holdout: { dir: 'eval-holdout', sample: 'out-of-sample', title: 'issues 10 and 11, holdout: report, never tune', targets: false, categories: true, aggregateOnly: true },
  probe: { dir: 'eval-probe', sample: 'out-of-sample', title: 'issue 11, goods recognition probe of 2026-12-03: report, never tune', targets: false, categories: true, aggregateOnly: true },
};

/** The columns that label a row, beside the manifest's own. */
const LABEL_COLUMNS = ['expected', 'expected_alt', 'expected_rules', 'category', 'trap', 'note'];

/** The targets of issue 4 part 6 (legacy set only). */
export const TARGETS = { missedProhibited: 0, minAccuracy: 0.95, maxFalseAlarmShare: 0.02 };

class EvalError extends Error {}

function parseArgs(argv) {
  const opts = { json: false, spawn: false, verbose: false, files: [], set: 'legacy', labelsOnly: false, listHoldoutRows: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') opts.json = true;
    else if (a === '--spawn') opts.spawn = true;
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--labels-only') opts.labelsOnly = true;
    else if (a === '--list-holdout-rows') opts.listHoldoutRows = true;
    else if (a === '--file') opts.files.push(argv[++i] ?? '');
    else if (a === '--set') opts.set = argv[++i] ?? '';
    else throw new EvalError(`unknown option ${a} (expected --set, --json, --file NAME, --spawn, --verbose, --labels-only, --list-holdout-rows)`);
  }
  if (opts.set !== 'all' && !SETS[opts.set]) throw new EvalError(`--set ${opts.set}: expected legacy, dev, holdout, probe or all`);
  return opts;
}

const setNames = (set) => (set === 'all' ? Object.keys(SETS) : [set]);

/** `2026/03/05`, `2026-03-05`, `2026.3.5` → `2026-03-05`. */
function isoDate(value, where) {
  const m = /^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*$/.exec(value ?? '');
  if (!m) throw new EvalError(`${where}: as-of date "${value}" is not a date`);
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  if (Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) throw new EvalError(`${where}: "${value}" is not a calendar date`);
  return iso;
}

const words = (s) => (s ?? '').split(/[\s,]+/).filter((w) => w !== '');

function readIndex(setName) {
  const set = SETS[setName];
  const dir = join(ROOT, 'fixtures', set.dir);
  return { set, dir, index: JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) };
}

/** The labelled rows of one file, read independently of dualscreen's reader. */
function loadLabels(entry, setName) {
  const { set, dir } = readIndex(setName);
  const path = join(dir, entry.file);
  const bytes = readFileSync(path);
  const text = (/^utf-?8$/i.test(entry.encoding ?? 'utf-8') ? bytes.toString('utf8') : iconv.decode(bytes, entry.encoding)).replace(
    /^\uFEFF/,
    '',
  );
  const records = parse(text, {
    columns: true,
    delimiter: entry.delimiter ?? ',',
    record_delimiter: ['\r\n', '\n'],
    info: true,
    skip_empty_lines: true,
  });
  return records.map(({ record, info }, i) => {
    const where = `fixtures/${set.dir}/${entry.file}:${info.lines}`;
    const expected = (record.expected ?? '').trim();
    if (!VERDICTS.includes(expected)) throw new EvalError(`${where}: expected "${expected}" is not one of ${VERDICTS.join(', ')}`);
    const alt = words(record.expected_alt);
    for (const v of alt) if (!VERDICTS.includes(v)) throw new EvalError(`${where}: expected_alt "${v}" is not a verdict`);
    const category = (record.category ?? '').trim();
    if (set.categories && !CATEGORIES.includes(category)) throw new EvalError(`${where}: category "${category}" is not one of ${CATEGORIES.join(', ')}`);
    if ((category === 'civil' || category === 'lookalike') && expected !== 'clear') {
      throw new EvalError(`${where}: a ${category} row must be labelled clear, not ${expected}`);
    }
    const asOf = entry.asOf ? isoDate(entry.asOf, `${set.dir}/${entry.file} (index.json)`) : isoDate(record[entry.asOfColumn], where);
    if (entry.shipDates && !entry.asOf) throw new EvalError(`${set.dir}/${entry.file} (index.json): shipDates needs the asOf of the rows without a readable ship date`);
    return {
      set: setName,
      dir: set.dir,
      file: entry.file,
      path,
      // The new sets name the encoding their index declares; the legacy set keeps dualscreen's detection.
      encoding: set.categories && !/^utf-?8$/i.test(entry.encoding ?? 'utf-8') ? entry.encoding : null,
      shipDates: entry.shipDates === true,
      row: i + 1,
      line: info.lines,
      asOf,
      expected,
      alt,
      category: set.categories ? category : null,
      traps: words(record.trap),
      rules: words(record.expected_rules),
      note: record.note ?? '',
      record,
    };
  });
}

/** Every labelled row of the sets asked for, with the index entries of their files. */
function collect(names, files) {
  const out = [];
  for (const name of names) {
    const { index } = readIndex(name);
    const entries = index.files.filter((f) => files.length === 0 || files.some((n) => f.file.includes(n)));
    out.push({ name, entries, labelled: entries.flatMap((e) => loadLabels(e, name)) });
  }
  if (out.every((s) => s.entries.length === 0)) throw new EvalError(`no evaluation file matches ${files.join(', ')}`);
  return out;
}

let mainFn;
/** One `dualscreen screen` run over several files at one as-of date; returns the JSON report. */
async function screen(paths, asOf, spawn) {
  // the label columns are the evaluation's, not the manifest's: their words must not reach the screening
  const args = ['screen', ...paths, '--format', 'json', '--all', '--fail-on', 'none', '--as-of', asOf, '--ignore-columns', LABEL_COLUMNS.join(',')];
  let stdout;
  let stderr;
  let code;
  if (spawn) {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'dualscreen.js'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
    ({ stdout, stderr } = r);
    code = r.status;
  } else {
    mainFn ??= (await import(pathToFileURL(join(ROOT, 'dist', 'cli.js')).href)).main;
    const out = [];
    const err = [];
    const capture = (sink) => (chunk, encoding, cb) => {
      sink.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = typeof encoding === 'function' ? encoding : cb;
      if (done) queueMicrotask(() => done());
      return true;
    };
    const [w1, w2] = [process.stdout.write, process.stderr.write];
    process.stdout.write = capture(out);
    process.stderr.write = capture(err);
    const exitCode = process.exitCode;
    try {
      code = await mainFn(['node', 'dualscreen', ...args]);
    } finally {
      process.stdout.write = w1;
      process.stderr.write = w2;
      process.exitCode = exitCode;
    }
    stdout = out.join('');
    stderr = err.join('');
  }
  let report;
  try {
    report = JSON.parse(stdout);
  } catch {
    throw new EvalError(`dualscreen ${args.join(' ')} exited ${code} without a JSON report:\n${stderr}${stdout.slice(0, 2000)}`);
  }
  if (report.errors?.length) {
    throw new EvalError(`dualscreen rejected rows at ${asOf}: ${report.errors.map((e) => `${e.input}:${e.line} ${e.message}`).join('; ')}`);
  }
  return report;
}

/**
 * Screens every labelled row once: one run per distinct as-of date over the files with rows at that date
 * (files of the new sets whose index declares a non-UTF-8 encoding get their own run with --encoding, since
 * one run takes one encoding; the legacy set is read with dualscreen's detection, as before).
 */
async function screenAll(labelled, spawn) {
  const byDate = new Map();
  for (const r of labelled) {
    const key = `${r.asOf}\t${r.encoding ?? ''}\t${r.shipDates ? 'ship-dates' : ''}`;
    if (!byDate.has(key)) byDate.set(key, new Set());
    byDate.get(key).add(r.path);
  }
  const wanted = new Map(labelled.map((l) => [`${l.path}#${l.row}`, l]));
  const got = new Map(); // `${path}#${row}` → report row
  const started = performance.now();
  for (const [key, paths] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
    const [asOf, encoding, shipDates] = key.split('\t');
    const list = [...paths, ...(encoding ? ['--encoding', encoding] : []), ...(shipDates ? ['--ship-dates'] : [])];
    const report = await screen(list, asOf, spawn);
    for (const row of report.rows) {
      const key = `${row.input}#${row.row}`;
      const label = wanted.get(key);
      if (label && label.asOf === asOf) got.set(key, { ...row, asOf: report.asOf });
    }
  }
  return { got, screenRuns: byDate.size, seconds: (performance.now() - started) / 1000 };
}

function ratio(n, d) {
  return d === 0 ? null : n / d;
}

function judged(labelled, got) {
  return labelled.map((l) => {
    const r = got.get(`${l.path}#${l.row}`);
    if (!r) throw new EvalError(`fixtures/${l.dir}/${l.file}:${l.line}: row ${l.row} is missing from dualscreen's report at ${l.asOf}`);
    const findings = r.findings ?? [];
    const ruleIds = new Set(findings.map((f) => f.ruleId));
    return {
      set: l.set,
      dir: l.dir,
      file: l.file,
      line: r.line ?? l.line,
      row: l.row,
      lineId: r.lineId ?? null,
      asOf: l.asOf,
      description: r.values?.description ?? '',
      expected: l.expected,
      alt: l.alt,
      category: l.category,
      traps: l.traps,
      got: r.verdict,
      right: r.verdict === l.expected,
      acceptable: r.verdict === l.expected || l.alt.includes(r.verdict),
      missingRules: r.verdict === l.expected ? l.rules.filter((id) => !ruleIds.has(id)) : [],
      note: l.note,
      findings,
      notes: r.notes ?? [],
    };
  });
}

/** Every measurement of one set (the legacy shape, plus the category measurements where the set has them). */
function measure(name, entries, rows, { screenRuns, seconds, listRows = true }) {
  const set = SETS[name];
  const confusion = Object.fromEntries(VERDICTS.map((e) => [e, Object.fromEntries(VERDICTS.map((g) => [g, 0]))]));
  for (const r of rows) confusion[r.expected][r.got]++;
  const perVerdict = Object.fromEntries(
    VERDICTS.map((v) => {
      const tp = confusion[v][v];
      const expected = VERDICTS.reduce((s, g) => s + confusion[v][g], 0);
      const predicted = VERDICTS.reduce((s, e) => s + confusion[e][v], 0);
      return [v, { expected, predicted, correct: tp, precision: ratio(tp, predicted), recall: ratio(tp, expected) }];
    }),
  );
  const total = rows.length;
  const right = rows.filter((r) => r.right).length;
  const falseAlarms = rows.filter((r) => HIGH.has(r.got) && !HIGH.has(r.expected));
  const missedProhibited = rows.filter((r) => r.expected === 'prohibited' && r.got !== 'prohibited');
  const accuracy = ratio(right, total);
  const falseAlarmShare = ratio(falseAlarms.length, total);
  const targets = set.targets
    ? {
        missedProhibited: { value: missedProhibited.length, target: `= ${TARGETS.missedProhibited}`, met: missedProhibited.length <= TARGETS.missedProhibited },
        accuracy: { value: accuracy, target: `>= ${TARGETS.minAccuracy}`, met: accuracy >= TARGETS.minAccuracy },
        falseAlarmShare: { value: falseAlarmShare, target: `< ${TARGETS.maxFalseAlarmShare}`, met: falseAlarmShare < TARGETS.maxFalseAlarmShare },
      }
    : null;
  const perFile = entries.map((e) => {
    const fr = rows.filter((r) => r.file === e.file);
    return {
      file: e.file,
      title: e.title,
      rows: fr.length,
      asOf: e.asOf ?? `${e.asOfColumn} (${new Set(fr.map((r) => r.asOf)).size} dates)`,
      right: fr.filter((r) => r.right).length,
      accuracy: ratio(fr.filter((r) => r.right).length, fr.length),
    };
  });
  const wrong = rows.filter((r) => !r.right);
  const m = {
    set: name,
    directory: `fixtures/${set.dir}`,
    sample: set.sample,
    rows: total,
    files: perFile,
    screenRuns,
    seconds,
    expectedShare: Object.fromEntries(VERDICTS.map((v) => [v, ratio(perVerdict[v].expected, total)])),
    confusion,
    perVerdict,
    accuracy,
    lenientAccuracy: ratio(rows.filter((r) => r.acceptable).length, total),
    falseAlarms: falseAlarms.length,
    falseAlarmShare,
    missedProhibited: missedProhibited.length,
    underRaised: rows.filter((r) => SEVERITY[r.got] < SEVERITY[r.expected]).length,
    overRaised: rows.filter((r) => SEVERITY[r.got] > SEVERITY[r.expected]).length,
    wrongByKind: Object.fromEntries(
      [...wrong.reduce((acc, w) => acc.set(`${w.expected} → ${w.got}`, (acc.get(`${w.expected} → ${w.got}`) ?? 0) + 1), new Map())].sort(
        ([, a], [, b]) => b - a,
      ),
    ),
  };
  if (set.targets) {
    m.targets = targets;
    m.allTargetsMet = Object.values(targets).every((t) => t.met);
  }
  if (set.categories) Object.assign(m, categoryMeasures(rows));
  if (listRows) {
    m.ruleMismatches = rows.filter((r) => r.missingRules.length > 0).map(brief);
    m.wrong = wrong.map(brief);
    m.right = rows.filter((r) => r.right).map(brief);
  }
  return m;
}

/** Recognition per category, false alarms on benign rows, accuracy per trap tag. */
function categoryMeasures(rows) {
  const perCategory = {};
  for (const c of CATEGORIES) {
    const cr = rows.filter((r) => r.category === c);
    const controlled = cr.filter((r) => r.expected !== 'clear');
    const flagged = controlled.filter((r) => r.got !== 'clear');
    perCategory[c] = {
      rows: cr.length,
      controlled: controlled.length,
      flagged: flagged.length,
      recognition: ratio(flagged.length, controlled.length),
      right: cr.filter((r) => r.right).length,
      accuracy: ratio(cr.filter((r) => r.right).length, cr.length),
      missedProhibited: cr.filter((r) => r.expected === 'prohibited' && r.got !== 'prohibited').length,
    };
  }
  const controlled = rows.filter((r) => LIST_CATEGORIES.includes(r.category) && r.expected !== 'clear');
  const benign = {};
  for (const [k, cats] of [
    ['civil', ['civil']],
    ['lookalike', ['lookalike']],
    ['civil+lookalike', ['civil', 'lookalike']],
  ]) {
    const br = rows.filter((r) => cats.includes(r.category));
    const aboveClear = br.filter((r) => r.got !== 'clear').length;
    const aboveReview = br.filter((r) => HIGH.has(r.got)).length;
    benign[k] = { rows: br.length, aboveClear, falseAlarmRate: ratio(aboveClear, br.length), aboveReview, aboveReviewRate: ratio(aboveReview, br.length) };
  }
  const perTrap = {};
  for (const r of rows) {
    for (const t of r.traps) {
      perTrap[t] ??= { rows: 0, right: 0, missedProhibited: 0 };
      perTrap[t].rows++;
      if (r.right) perTrap[t].right++;
      if (r.expected === 'prohibited' && r.got !== 'prohibited') perTrap[t].missedProhibited++;
    }
  }
  for (const t of Object.values(perTrap)) t.accuracy = ratio(t.right, t.rows);
  return {
    perCategory,
    controlledRows: controlled.length,
    recognition: ratio(controlled.filter((r) => r.got !== 'clear').length, controlled.length),
    benign,
    lookalikesAboveReview: benign.lookalike.aboveReview,
    perTrap: Object.fromEntries(Object.entries(perTrap).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** Runs one set and returns its measurements (the legacy entry point; `npm test` uses it through --json). */
export async function evaluate({ files = [], spawn = false, set = 'legacy' } = {}) {
  const r = await evaluateSets({ sets: [set], files, spawn });
  return r.sets[set];
}

/** Runs several sets together (one screen run per distinct as-of date) and measures each apart. */
export async function evaluateSets({ sets = ['legacy'], files = [], spawn = false, listHoldoutRows = false } = {}) {
  const groups = collect(sets, files);
  const all = groups.flatMap((g) => g.labelled);
  const { got, screenRuns, seconds } = await screenAll(all, spawn);
  const out = {};
  for (const g of groups) {
    if (g.entries.length === 0) continue;
    const rows = judged(g.labelled, got);
    const runs = new Set(g.labelled.map((l) => l.asOf)).size;
    out[g.name] = measure(g.name, g.entries, rows, { screenRuns: runs, seconds, listRows: !SETS[g.name].aggregateOnly || listHoldoutRows });
  }
  return { schema: 'dualscreen/eval@2', screenRuns, seconds, sets: out };
}

/** Label statistics without screening (--labels-only). */
export function labelStats({ sets = ['legacy'], files = [] } = {}) {
  const out = {};
  for (const g of collect(sets, files)) {
    const rows = g.labelled;
    const byCat = {};
    for (const r of rows) {
      const c = r.category ?? '-';
      byCat[c] ??= { rows: 0, controlled: 0, ...Object.fromEntries(VERDICTS.map((v) => [v, 0])) };
      byCat[c].rows++;
      byCat[c][r.expected]++;
      if (r.expected !== 'clear') byCat[c].controlled++;
    }
    const traps = {};
    for (const r of rows) for (const t of r.traps) traps[t] = (traps[t] ?? 0) + 1;
    out[g.name] = {
      directory: `fixtures/${SETS[g.name].dir}`,
      sample: SETS[g.name].sample,
      rows: rows.length,
      files: g.entries.map((e) => ({ file: e.file, rows: rows.filter((r) => r.file === e.file).length })),
      dates: new Set(rows.map((r) => r.asOf)).size,
      expected: Object.fromEntries(VERDICTS.map((v) => [v, rows.filter((r) => r.expected === v).length])),
      perCategory: Object.fromEntries(
        Object.entries(byCat).sort(([a], [b]) => (CATEGORIES.indexOf(a) + 1 || 99) - (CATEGORIES.indexOf(b) + 1 || 99)),
      ),
      controlledRows: rows.filter((r) => LIST_CATEGORIES.includes(r.category) && r.expected !== 'clear').length,
      benignRows: rows.filter((r) => r.category === 'civil' || r.category === 'lookalike').length,
      traps: Object.fromEntries(Object.entries(traps).sort(([a], [b]) => a.localeCompare(b))),
    };
  }
  return { schema: 'dualscreen/eval-labels@1', sets: out };
}

function brief(r) {
  return {
    at: `fixtures/${r.dir}/${r.file}:${r.line}`,
    lineId: r.lineId,
    asOf: r.asOf,
    description: r.description,
    expected: r.expected,
    alt: r.alt,
    got: r.got,
    acceptable: r.acceptable,
    ...(r.category !== null ? { category: r.category, traps: r.traps } : {}),
    missingRules: r.missingRules,
    note: r.note,
    findings: r.findings.map((f) => ({
      verdict: f.verdict,
      ruleId: f.ruleId,
      message: f.message,
      evidence: (f.evidence ?? []).map((e) => ({ field: e.field, value: e.value, matched: e.matched, ...(e.score !== undefined ? { score: e.score } : {}) })),
    })),
    notes: r.notes,
  };
}

// ---------------------------------------------------------------------------------------- text report

const pct = (x) => (x === null || x === undefined ? '   n/a' : `${(x * 100).toFixed(1).padStart(5)}%`);
const mark = (ok) => (ok ? 'met' : 'MISSED');

function evidenceText(e) {
  const score = e.score !== undefined ? ` (${Number(e.score).toFixed(2)})` : '';
  return `${e.field} "${e.value}"${e.matched !== undefined && e.matched !== e.value ? ` → ${e.matched}` : ''}${score}`;
}

function printRow(w, lines) {
  lines.push(`  ${w.at}  [${w.lineId ?? '-'}]  as of ${w.asOf}  "${w.description}"${w.category ? `  (category ${w.category}${w.traps?.length ? `; ${w.traps.join(' ')}` : ''})` : ''}`);
  lines.push(`      expected ${w.expected}${w.alt.length ? ` (also defensible: ${w.alt.join(', ')})` : ''}, got ${w.got}${w.note ? `  — label note: ${w.note}` : ''}`);
  if (w.findings.length === 0) lines.push('      no findings');
  for (const f of w.findings) {
    const ev = f.evidence.map(evidenceText).join('; ');
    lines.push(`      ${f.verdict.padEnd(10)} ${f.ruleId}: ${f.message.length > 150 ? `${f.message.slice(0, 147)}...` : f.message}${ev ? ` [${ev}]` : ''}`);
  }
  for (const n of w.notes ?? []) lines.push(`      note: ${typeof n === 'string' ? n : (n.message ?? JSON.stringify(n))}`);
}

export function formatReport(m, { verbose = false } = {}) {
  const lines = [];
  const set = SETS[m.set ?? 'legacy'];
  if (set.targets) {
    lines.push(`dualscreen evaluation (issue 4 part 6): ${m.rows} labelled rows in ${m.files.length} files under fixtures/eval, ${m.screenRuns} screen runs in ${m.seconds.toFixed(1)} s`);
  } else {
    lines.push(`dualscreen evaluation — ${m.directory}, ${m.sample.toUpperCase()} (${set.title}): ${m.rows} labelled rows in ${m.files.length} files, ${m.screenRuns} as-of dates`);
  }
  lines.push('');
  lines.push(`${'file'.padEnd(36)} ${'rows'.padStart(5)}  ${'as of'.padEnd(26)} ${'right'.padStart(6)}  accuracy`);
  for (const f of m.files) {
    lines.push(`${f.file.padEnd(36)} ${String(f.rows).padStart(5)}  ${String(f.asOf).padEnd(26)} ${String(f.right).padStart(6)}  ${pct(f.accuracy)}`);
  }
  lines.push('');
  lines.push(`labels: ${VERDICTS.map((v) => `${v} ${m.perVerdict[v].expected} (${pct(m.expectedShare[v]).trim()})`).join(', ')}`);
  lines.push('');
  lines.push('confusion (rows: expected, columns: got)');
  lines.push(`${''.padEnd(12)}${VERDICTS.map((v) => v.padStart(12)).join('')}`);
  for (const e of VERDICTS) lines.push(`${e.padEnd(12)}${VERDICTS.map((g) => String(m.confusion[e][g]).padStart(12)).join('')}`);
  lines.push('');
  lines.push(`${'verdict'.padEnd(12)}${'precision'.padStart(11)}${'recall'.padStart(9)}${'expected'.padStart(10)}${'got'.padStart(6)}`);
  for (const v of VERDICTS) {
    const p = m.perVerdict[v];
    lines.push(`${v.padEnd(12)}${pct(p.precision).padStart(11)}${pct(p.recall).padStart(9)}${String(p.expected).padStart(10)}${String(p.predicted).padStart(6)}`);
  }
  lines.push('');
  lines.push(`accuracy            ${pct(m.accuracy)}  (${m.rows - Object.values(m.wrongByKind).reduce((s, n) => s + n, 0)}/${m.rows}); with expected_alt also accepted: ${pct(m.lenientAccuracy).trim()}`);
  lines.push(`false alarms        ${pct(m.falseAlarmShare)}  (${m.falseAlarms} rows raised to license/prohibited that should be clear/review)`);
  lines.push(`missed prohibited   ${String(m.missedProhibited).padStart(6)}`);
  lines.push(`over-raised ${m.overRaised}, under-raised ${m.underRaised} (any verdict more / less severe than the label)`);
  if (set.targets) {
    lines.push('');
    lines.push('targets (issue 4):');
    lines.push(`  no missed prohibited            ${String(m.targets.missedProhibited.value).padStart(6)}   ${mark(m.targets.missedProhibited.met)}`);
    lines.push(`  at least 95% of verdicts right  ${pct(m.targets.accuracy.value)}   ${mark(m.targets.accuracy.met)}`);
    lines.push(`  under 2% false alarms           ${pct(m.targets.falseAlarmShare.value)}   ${mark(m.targets.falseAlarmShare.met)}`);
  }
  if (set.categories) formatCategories(m, lines);
  if (m.wrong && m.wrong.length > 0) {
    lines.push('');
    lines.push(`wrong rows (${m.wrong.length}), by expected → got:`);
    const groups = new Map();
    for (const w of m.wrong) {
      const k = `${w.expected} → ${w.got}`;
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(w);
    }
    const order = [...groups].sort(([, a], [, b]) => {
      const sev = (w) => (w.expected === 'prohibited' ? 0 : HIGH.has(w.got) && !HIGH.has(w.expected) ? 1 : 2);
      return sev(a[0]) - sev(b[0]) || b.length - a.length;
    });
    for (const [k, list] of order) {
      lines.push('');
      lines.push(`${k} (${list.length})`);
      for (const w of list) printRow(w, lines);
    }
  } else if (!m.wrong && Object.keys(m.wrongByKind).length > 0) {
    lines.push('');
    lines.push(`wrong rows by expected → got (rows not listed: out-of-sample set): ${Object.entries(m.wrongByKind).map(([k, n]) => `${k} ${n}`).join(', ')}`);
  }
  if (m.ruleMismatches && m.ruleMismatches.length > 0) {
    lines.push('');
    lines.push(`right verdict, but an expected rule id is not among the findings (${m.ruleMismatches.length}; informational):`);
    for (const w of m.ruleMismatches) lines.push(`  ${w.at}  expected ${w.missingRules.join(', ')}; got ${w.findings.map((f) => f.ruleId).join(', ') || 'no findings'}`);
  }
  if (verbose && m.right) {
    lines.push('');
    lines.push(`right rows (${m.right.length}):`);
    for (const r of m.right) printRow(r, lines);
  }
  if (set.targets) {
    lines.push('');
    lines.push(m.allTargetsMet ? 'all targets met' : 'a target is missed (exit 1)');
  }
  return lines.join('\n');
}

function formatCategories(m, lines) {
  lines.push('');
  lines.push('recognition by category (controlled = labelled review or above; flagged = got review or above)');
  lines.push(`${'category'.padEnd(11)}${'rows'.padStart(6)}${'controlled'.padStart(12)}${'flagged'.padStart(9)}${'recognition'.padStart(13)}${'accuracy'.padStart(10)}${'missed prohibited'.padStart(19)}`);
  for (const c of CATEGORIES) {
    const p = m.perCategory[c];
    if (p.rows === 0) continue;
    const rec = p.controlled === 0 ? '   -' : pct(p.recognition);
    lines.push(`${c.padEnd(11)}${String(p.rows).padStart(6)}${String(p.controlled).padStart(12)}${String(p.flagged).padStart(9)}${rec.padStart(13)}${pct(p.accuracy).padStart(10)}${String(p.missedProhibited).padStart(19)}`);
  }
  lines.push(`all list categories (0-9): ${m.controlledRows} controlled rows, recognition ${pct(m.recognition).trim()}`);
  lines.push('');
  lines.push('false alarms on benign rows');
  for (const k of ['civil', 'lookalike', 'civil+lookalike']) {
    const b = m.benign[k];
    lines.push(`  ${k.padEnd(16)} ${String(b.rows).padStart(5)} rows: above clear ${String(b.aboveClear).padStart(4)} (${pct(b.falseAlarmRate).trim()}), above review ${String(b.aboveReview).padStart(3)} (${pct(b.aboveReviewRate).trim()})`);
  }
  lines.push(`  look-alikes above review (must be 0): ${m.lookalikesAboveReview} ${m.lookalikesAboveReview === 0 ? 'ok' : 'FAILED'}`);
  lines.push('');
  lines.push('accuracy by trap tag (rows right / rows; missed prohibited)');
  const entries = Object.entries(m.perTrap);
  for (let i = 0; i < entries.length; i += 4) {
    lines.push(
      `  ${entries
        .slice(i, i + 4)
        .map(([t, v]) => `${t} ${v.right}/${v.rows}${v.missedProhibited ? ` (${v.missedProhibited} missed)` : ''}`.padEnd(34))
        .join('')
        .trimEnd()}`,
    );
  }
}

function formatLabelStats(s) {
  const lines = [];
  for (const [name, st] of Object.entries(s.sets)) {
    lines.push(`${st.directory} (${st.sample}): ${st.rows} rows in ${st.files.length} files, ${st.dates} as-of dates; ${VERDICTS.map((v) => `${v} ${st.expected[v]}`).join(', ')}`);
    lines.push(`  controlled rows (categories 0-9 labelled above clear) ${st.controlledRows}; civil and look-alike rows ${st.benignRows}`);
    for (const [c, v] of Object.entries(st.perCategory)) {
      lines.push(`  ${c.padEnd(10)} ${String(v.rows).padStart(5)} rows, ${String(v.controlled).padStart(4)} above clear (${VERDICTS.map((x) => `${x} ${v[x]}`).join(', ')})`);
    }
    if (Object.keys(st.traps).length) lines.push(`  traps: ${Object.entries(st.traps).map(([t, n]) => `${t} ${n}`).join(', ')}`);
    if (name !== Object.keys(s.sets).at(-1)) lines.push('');
  }
  return lines.join('\n');
}

async function cli() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
    const names = setNames(opts.set);
    if (opts.labelsOnly) {
      const s = labelStats({ sets: names, files: opts.files });
      process.stdout.write(opts.json ? `${JSON.stringify(s, null, 2)}\n` : `${formatLabelStats(s)}\n`);
      return 0;
    }
    if (opts.set === 'legacy') {
      const m = await evaluate({ files: opts.files, spawn: opts.spawn });
      process.stdout.write(opts.json ? `${JSON.stringify(m, null, 2)}\n` : `${formatReport(m, opts)}\n`);
      return m.allTargetsMet ? 0 : 1;
    }
    const r = await evaluateSets({ sets: names, files: opts.files, spawn: opts.spawn, listHoldoutRows: opts.listHoldoutRows });
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    } else {
      const parts = [`${r.screenRuns} screen runs in ${r.seconds.toFixed(1)} s for ${Object.keys(r.sets).join(', ')}`];
      for (const [name, m] of Object.entries(r.sets)) {
        const head = SETS[name].sample === 'out-of-sample' ? '=== OUT-OF-SAMPLE ===' : '=== IN-SAMPLE ===';
        parts.push(`${head}\n${formatReport(m, opts)}`);
      }
      process.stdout.write(`${parts.join('\n\n')}\n`);
    }
    const legacy = r.sets.legacy;
    return legacy && !legacy.allTargetsMet ? 1 : 0;
  } catch (e) {
    if (e instanceof EvalError) {
      process.stderr.write(`eval: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  process.exitCode = await cli();
}
