/**
 * Screens every file of the input torture set (fixtures/inputs/) through the built CLI and compares the JSON
 * report with fixtures/inputs/expected.json, line by line (see test/tools/write-input-fixtures.js for the kinds
 * of line). Used by test/manifest/inputs.test.ts; run alone it prints the count of rows lost and misread per file:
 *
 *   npm run build && node test/tools/input-outcomes.js [--details]
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const INPUTS = join(ROOT, 'fixtures', 'inputs');
/** The checkout whose built CLI screens the files (DUALSCREEN_ROOT: an older build, to measure before a change). */
const BIN_ROOT = process.env.DUALSCREEN_ROOT ?? ROOT;

export function loadExpected() {
  return JSON.parse(readFileSync(join(INPUTS, 'expected.json'), 'utf8'));
}

/** The JSON report of one file, every row listed (`--all`), at the set's as-of date. */
export function screenFile(file, asOf) {
  const r = spawnSync(
    process.execPath,
    [join(BIN_ROOT, 'bin', 'dualscreen.js'), 'screen', join(INPUTS, file), '--format', 'json', '--all', '--as-of', asOf, '--fail-on', 'none', '-q'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0 && r.status !== 2) return { failed: `exit ${r.status}: ${r.stderr.trim()}` };
  try {
    return { report: JSON.parse(r.stdout), exitCode: r.status };
  } catch {
    return { failed: `exit ${r.status}, no JSON report: ${r.stderr.trim()}` };
  }
}

const fold = (s) => (s ?? '').normalize('NFKC').toLowerCase();
const digits = (s) => fold(s).replace(/[^0-9]/g, '');
const ENCODINGS = { 'utf-8': ['utf-8', 'utf8'], 'utf-16le': ['utf-16le'], shift_jis: ['shift_jis', 'cp932', 'windows-31j'], gb18030: ['gb18030'], 'euc-jp': ['euc-jp'] };

/**
 * The ways one row's values differ from its check (empty when every checked value is in its column). A party
 * may also be in a further party column (a Buyer beside a Ship To Name), which the findings' evidence names.
 */
export function valueMisses(values, check, evidenceFields = []) {
  const miss = [];
  const has = (field, want) => {
    if (!fold(values[field]).includes(fold(want))) miss.push(`${field} ${JSON.stringify(values[field] ?? null)} lacks ${JSON.stringify(want)}`);
  };
  for (const d of check.description ?? []) has('description', d);
  if (check.hs !== undefined && digits(values.hs_code) !== check.hs) miss.push(`hs_code ${JSON.stringify(values.hs_code ?? null)} is not ${check.hs}`);
  if (check.destination !== undefined) has('destination_country', check.destination);
  if (check.consignee !== undefined) has('consignee', check.consignee);
  if (check.end_user !== undefined) has('end_user', check.end_user);
  for (const p of check.parties ?? []) {
    const where = [...Object.entries(values), ...evidenceFields].filter(([k, v]) => k !== 'description' && fold(v).includes(fold(p)));
    if (where.length === 0) miss.push(`no party column holds ${JSON.stringify(p)}`);
  }
  return miss;
}

/**
 * One file's outcome: `lost` data lines neither screened nor reported, `rejected` readable lines reported as
 * errors, `unreported` unreadable lines not in the errors, `phantom` rows screened at a line that holds no data
 * row (a header, a total, a note), `spurious` errors at such a line, `misread` data rows whose values are not in
 * their columns, `verdicts` checked rows with another verdict, `encoding` when the detected encoding is not the
 * file's.
 */
export function compare(expected, screened) {
  const out = { file: expected.file, lost: [], rejected: [], unreported: [], phantom: [], spurious: [], misread: [], verdicts: [], encoding: null, failed: null };
  if (screened.failed) {
    out.failed = screened.failed;
    out.lost = [...expected.lines.data, ...expected.lines.ragged];
    return out;
  }
  const { report } = screened;
  const rows = new Map();
  for (const r of report.rows) rows.set(r.line, [...(rows.get(r.line) ?? []), r]);
  const errors = new Set(report.errors.map((e) => e.line));
  const enc = report.inputs[0]?.encoding ?? '';
  if (!(ENCODINGS[expected.encoding] ?? [expected.encoding]).includes(enc.toLowerCase())) out.encoding = `${enc} (expected ${expected.encoding})`;
  const checks = new Map(expected.checks.map((c) => [c.line, c]));
  const rowLines = new Set([...expected.lines.data, ...expected.lines.ragged]);
  for (const line of expected.lines.data) {
    if (!rows.has(line)) (errors.has(line) ? out.rejected : out.lost).push(line);
  }
  for (const line of expected.lines.ragged) if (!rows.has(line) && !errors.has(line)) out.lost.push(line);
  for (const line of expected.lines.unreadable) if (!errors.has(line)) out.unreported.push(line);
  for (const line of [...expected.lines.header, ...expected.lines.other]) if (errors.has(line)) out.spurious.push(line);
  for (const [line, rs] of rows) {
    if (!rowLines.has(line)) out.phantom.push(line);
    else if (rs.length > 1) out.phantom.push(line);
  }
  for (const [line, check] of checks) {
    const row = rows.get(line)?.[0];
    if (!row) continue;
    const raggedAndReported = expected.lines.ragged.includes(line) && errors.has(line);
    const evidence = row.findings.flatMap((f) => f.evidence.map((e) => [e.field, e.value]));
    const miss = valueMisses(row.values ?? {}, check, evidence);
    if (miss.length > 0 && !raggedAndReported) out.misread.push({ line, miss });
    if (check.verdict && row.verdict !== check.verdict && !raggedAndReported) out.verdicts.push({ line, got: row.verdict, want: check.verdict });
  }
  return out;
}

export function screenAll() {
  const { asOf, files } = loadExpected();
  return files.map((e) => ({ expected: e, outcome: compare(e, screenFile(e.file, asOf)) }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const details = process.argv.includes('--details');
  let rows = 0;
  const total = { lost: 0, rejected: 0, unreported: 0, phantom: 0, spurious: 0, misread: 0, verdicts: 0 };
  for (const { expected, outcome } of screenAll()) {
    const n = expected.lines.data.length + expected.lines.ragged.length;
    rows += n;
    for (const k of Object.keys(total)) total[k] += outcome[k].length;
    const cells = Object.keys(total).map((k) => `${k} ${outcome[k].length}`).join(', ');
    console.log(`${expected.file.padEnd(34)} ${String(n).padStart(3)} rows: ${cells}${outcome.encoding ? `, encoding ${outcome.encoding}` : ''}${outcome.failed ? `, FAILED ${outcome.failed}` : ''}`);
    if (details) {
      for (const k of ['lost', 'rejected', 'unreported', 'phantom', 'spurious']) if (outcome[k].length) console.log(`    ${k}: lines ${outcome[k].join(', ')}`);
      for (const m of outcome.misread) console.log(`    misread line ${m.line}: ${m.miss.join('; ')}`);
      for (const v of outcome.verdicts) console.log(`    verdict line ${v.line}: ${v.got}, expected ${v.want}`);
    }
  }
  console.log(`total ${rows} rows: ${Object.entries(total).map(([k, v]) => `${k} ${v}`).join(', ')}`);
}
