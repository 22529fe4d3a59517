/**
 * `npm run eval`: measured quality (issue 4 part 6).
 *
 * Screens every manifest listed in fixtures/eval/index.json with the built CLI (`dualscreen screen
 * --format json --all`, each row at its own as-of date), compares the verdicts with the labels in the
 * files' `expected` column and prints per-verdict precision and recall, accuracy, false alarms, missed
 * prohibited rows and every wrong row with its findings.
 *
 *   node test/eval/run.js [--json] [--file NAME] [--spawn] [--verbose]
 *
 *   --json     print the measurements as one JSON document instead of the text report
 *   --file     evaluate only the files whose name contains NAME (repeatable)
 *   --spawn    run `node bin/dualscreen.js` as a child process per as-of date instead of calling the
 *              built CLI's `main` in this process (slower; the same contract)
 *   --verbose  also list the rows that are right
 *
 * Exit codes: 0 every target met; 1 a target missed; 2 the evaluation could not run (bad labels,
 * a manifest the CLI rejected, a row missing from the report).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EVAL_DIR = join(ROOT, 'fixtures', 'eval');
const VERDICTS = ['prohibited', 'license', 'review', 'clear'];
const SEVERITY = { clear: 0, review: 1, license: 2, prohibited: 3 };
const HIGH = new Set(['license', 'prohibited']);

/** The targets of issue 4 part 6. */
export const TARGETS = { missedProhibited: 0, minAccuracy: 0.95, maxFalseAlarmShare: 0.02 };

class EvalError extends Error {}

function parseArgs(argv) {
  const opts = { json: false, spawn: false, verbose: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') opts.json = true;
    else if (a === '--spawn') opts.spawn = true;
    else if (a === '--verbose') opts.verbose = true;
    else if (a === '--file') opts.files.push(argv[++i] ?? '');
    else throw new EvalError(`unknown option ${a} (expected --json, --file NAME, --spawn, --verbose)`);
  }
  return opts;
}

/** `2026/03/05`, `2026-03-05`, `2026.3.5` → `2026-03-05`. */
function isoDate(value, where) {
  const m = /^\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*$/.exec(value ?? '');
  if (!m) throw new EvalError(`${where}: as-of date "${value}" is not a date`);
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  if (Number.isNaN(Date.parse(`${iso}T00:00:00Z`))) throw new EvalError(`${where}: "${value}" is not a calendar date`);
  return iso;
}

const words = (s) => (s ?? '').split(/[\s,]+/).filter((w) => w !== '');

/** The labelled rows of one file, read independently of dualscreen's reader. */
function loadLabels(entry) {
  const path = join(EVAL_DIR, entry.file);
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
    const where = `${entry.file}:${info.lines}`;
    const expected = (record.expected ?? '').trim();
    if (!VERDICTS.includes(expected)) throw new EvalError(`${where}: expected "${expected}" is not one of ${VERDICTS.join(', ')}`);
    const alt = words(record.expected_alt);
    for (const v of alt) if (!VERDICTS.includes(v)) throw new EvalError(`${where}: expected_alt "${v}" is not a verdict`);
    const asOf = entry.asOf ? isoDate(entry.asOf, `${entry.file} (index.json)`) : isoDate(record[entry.asOfColumn], where);
    return { file: entry.file, path, row: i + 1, line: info.lines, asOf, expected, alt, rules: words(record.expected_rules), note: record.note ?? '', record };
  });
}

let mainFn;
/** One `dualscreen screen` run over several files at one as-of date; returns the JSON report. */
async function screen(paths, asOf, spawn) {
  const args = ['screen', ...paths, '--format', 'json', '--all', '--fail-on', 'none', '--as-of', asOf];
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

function ratio(n, d) {
  return d === 0 ? null : n / d;
}

/** Runs the evaluation and returns every measurement (also what --json prints). */
export async function evaluate({ files = [], spawn = false } = {}) {
  const index = JSON.parse(readFileSync(join(EVAL_DIR, 'index.json'), 'utf8'));
  const entries = index.files.filter((f) => files.length === 0 || files.some((n) => f.file.includes(n)));
  if (entries.length === 0) throw new EvalError(`no evaluation file matches ${files.join(', ')}`);
  const labelled = entries.flatMap(loadLabels);

  // one screen run per as-of date, over every file that has rows at that date
  const byDate = new Map();
  for (const r of labelled) {
    if (!byDate.has(r.asOf)) byDate.set(r.asOf, new Set());
    byDate.get(r.asOf).add(r.path);
  }
  const got = new Map(); // `${path}#${row}` → report row
  const started = performance.now();
  for (const [asOf, paths] of [...byDate].sort(([a], [b]) => a.localeCompare(b))) {
    const list = [...paths];
    const report = await screen(list, asOf, spawn);
    for (const path of list) {
      for (const row of report.rows.filter((r) => r.input === path)) {
        const key = `${path}#${row.row}`;
        const label = labelled.find((l) => l.path === path && l.row === row.row);
        if (label && label.asOf === asOf) got.set(key, { ...row, asOf: report.asOf });
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;

  const rows = labelled.map((l) => {
    const r = got.get(`${l.path}#${l.row}`);
    if (!r) throw new EvalError(`${l.file}:${l.line}: row ${l.row} is missing from dualscreen's report at ${l.asOf}`);
    const findings = r.findings ?? [];
    const ruleIds = new Set(findings.map((f) => f.ruleId));
    return {
      file: l.file,
      line: r.line ?? l.line,
      row: l.row,
      lineId: r.lineId ?? null,
      asOf: l.asOf,
      description: r.values?.description ?? '',
      expected: l.expected,
      alt: l.alt,
      got: r.verdict,
      right: r.verdict === l.expected,
      acceptable: r.verdict === l.expected || l.alt.includes(r.verdict),
      missingRules: r.verdict === l.expected ? l.rules.filter((id) => !ruleIds.has(id)) : [],
      note: l.note,
      findings,
      notes: r.notes ?? [],
    };
  });

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
  const targets = {
    missedProhibited: { value: missedProhibited.length, target: `= ${TARGETS.missedProhibited}`, met: missedProhibited.length <= TARGETS.missedProhibited },
    accuracy: { value: accuracy, target: `>= ${TARGETS.minAccuracy}`, met: accuracy >= TARGETS.minAccuracy },
    falseAlarmShare: { value: falseAlarmShare, target: `< ${TARGETS.maxFalseAlarmShare}`, met: falseAlarmShare < TARGETS.maxFalseAlarmShare },
  };
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
  return {
    rows: total,
    files: perFile,
    screenRuns: byDate.size,
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
    ruleMismatches: rows.filter((r) => r.missingRules.length > 0).map(brief),
    targets,
    allTargetsMet: Object.values(targets).every((t) => t.met),
    wrong: rows.filter((r) => !r.right).map(brief),
    right: rows.filter((r) => r.right).map(brief),
  };
}

function brief(r) {
  return {
    at: `fixtures/eval/${r.file}:${r.line}`,
    lineId: r.lineId,
    asOf: r.asOf,
    description: r.description,
    expected: r.expected,
    alt: r.alt,
    got: r.got,
    acceptable: r.acceptable,
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

const pct = (x) => (x === null ? '   n/a' : `${(x * 100).toFixed(1).padStart(5)}%`);
const mark = (ok) => (ok ? 'met' : 'MISSED');

function evidenceText(e) {
  const score = e.score !== undefined ? ` (${Number(e.score).toFixed(2)})` : '';
  return `${e.field} "${e.value}"${e.matched !== undefined && e.matched !== e.value ? ` → ${e.matched}` : ''}${score}`;
}

function printRow(w, lines) {
  lines.push(`  ${w.at}  [${w.lineId ?? '-'}]  as of ${w.asOf}  "${w.description}"`);
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
  lines.push(`dualscreen evaluation (issue 4 part 6): ${m.rows} labelled rows in ${m.files.length} files under fixtures/eval, ${m.screenRuns} screen runs in ${m.seconds.toFixed(1)} s`);
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
  lines.push(`accuracy            ${pct(m.accuracy)}  (${m.rows - m.wrong.length}/${m.rows}); with expected_alt also accepted: ${pct(m.lenientAccuracy).trim()}`);
  lines.push(`false alarms        ${pct(m.falseAlarmShare)}  (${m.falseAlarms} rows raised to license/prohibited that should be clear/review)`);
  lines.push(`missed prohibited   ${String(m.missedProhibited).padStart(6)}`);
  lines.push(`over-raised ${m.overRaised}, under-raised ${m.underRaised} (any verdict more / less severe than the label)`);
  lines.push('');
  lines.push('targets (issue 4):');
  lines.push(`  no missed prohibited            ${String(m.targets.missedProhibited.value).padStart(6)}   ${mark(m.targets.missedProhibited.met)}`);
  lines.push(`  at least 95% of verdicts right  ${pct(m.targets.accuracy.value)}   ${mark(m.targets.accuracy.met)}`);
  lines.push(`  under 2% false alarms           ${pct(m.targets.falseAlarmShare.value)}   ${mark(m.targets.falseAlarmShare.met)}`);

  if (m.wrong.length > 0) {
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
  }
  if (m.ruleMismatches.length > 0) {
    lines.push('');
    lines.push(`right verdict, but an expected rule id is not among the findings (${m.ruleMismatches.length}; informational):`);
    for (const w of m.ruleMismatches) lines.push(`  ${w.at}  expected ${w.missingRules.join(', ')}; got ${w.findings.map((f) => f.ruleId).join(', ') || 'no findings'}`);
  }
  if (verbose) {
    lines.push('');
    lines.push(`right rows (${m.right.length}):`);
    for (const r of m.right) printRow(r, lines);
  }
  lines.push('');
  lines.push(m.allTargetsMet ? 'all targets met' : 'a target is missed (exit 1)');
  return lines.join('\n');
}

async function cli() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
    const m = await evaluate({ files: opts.files, spawn: opts.spawn });
    process.stdout.write(opts.json ? `${JSON.stringify(m, null, 2)}\n` : `${formatReport(m, opts)}\n`);
    return m.allTargetsMet ? 0 : 1;
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
