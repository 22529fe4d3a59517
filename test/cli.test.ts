/** The CLI as users run it: the built binary, real files, exit codes, stdout and stderr. */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin', 'dualscreen.js');
const SAMPLE = 'fixtures/sample-manifest.csv';
const dir = mkdtempSync(join(tmpdir(), 'dualscreen-cli-'));

function cli(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

interface JsonReport {
  schema: string;
  asOf: string;
  rulePacks: { id: string; sha256: string; dataAsOf: string }[];
  inputs: { path: string; sha256: string; encoding: string; rows: number; rejected: number }[];
  summary: Record<string, number>;
  rows: { input: string; line: number; lineId: string | null; verdict: string; findings: { ruleId: string; source: string; evidence: unknown[] }[] }[];
  errors: { input: string; line: number; message: string }[];
}

describe('dualscreen screen', { timeout: 60_000 }, () => {
  it('prints the counts and the gate first and last, one line per flagged row in triage order, and exits 1 on a prohibited row', () => {
    const r = cli(['screen', SAMPLE, '--as-of', '2026-11-28']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    const counts = '20 rows · 5 prohibited · 5 license · 5 review · 5 clear · 0 rejected';
    expect(lines.slice(2, 4)).toEqual([counts, 'FAILS --fail-on prohibited: 5 rows count']);
    expect(lines.slice(-2)).toEqual([counts, 'FAILS --fail-on prohibited: 5 rows count']);
    const at = (heading: string): number => lines.indexOf(heading);
    expect([at('PROHIBITED (5)'), at('MILITARY OR LISTED-PARTY NEXUS (3)'), at('LICENSE (4)'), at('REVIEW (3)'), at('SOURCES')]).toEqual([...[at('PROHIBITED (5)'), at('MILITARY OR LISTED-PARTY NEXUS (3)'), at('LICENSE (4)'), at('REVIEW (3)'), at('SOURCES')]].sort((a, b) => a - b));
    expect(at('PROHIBITED (5)')).toBeGreaterThan(3);
    expect(r.stdout).toMatch(/^prohibited {2}fixtures\/sample-manifest\.csv:3 {2}SO-1002 {2}Samarium cobalt magnets SmCo 2:17 · Mitsubishi Heavy Industries Aer… · JP {2}→ cn\.measure\.control-list: 1C902\.a \+ Mitsubishi Heavy Industries Aero Engines, Ltd\. \[1\] \+1 \(export control list\)$/m);
    expect(r.stdout).toMatch(/^\[1\] MOFCOM Announcement 2026 No\. 11 /m);
    expect(r.stdout).not.toContain('\u001b['); // piped: no colour
    // --explain (-v): every finding with its evidence, citing the legend
    const explained = cli(['screen', SAMPLE, '--as-of', '2026-11-28', '-v']).stdout;
    expect(explained).toMatch(/^ {4}prohibited cn\.measure\.control-list: prohibited: a party is on China's export control list .*\[control_code "1C902\.a" → 1C902\.a; .*\] \[1\]$/m);
    expect(cli(['screen', SAMPLE, '--as-of', '2026-11-28', '--explain']).stdout).toBe(explained);
  });

  it('writes the dualscreen/report@1 JSON document, clear rows only with --all', () => {
    const r = cli(['screen', SAMPLE, '--format', 'json', '--as-of', '2026-11-28', '--fail-on', 'none']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.schema).toBe('dualscreen/report@1');
    expect(report.asOf).toBe('2026-11-28');
    expect(report.rulePacks.every((p) => /^[0-9a-f]{64}$/.test(p.sha256))).toBe(true);
    expect(report.inputs[0]).toMatchObject({ path: SAMPLE, encoding: 'utf-8', rows: 20, rejected: 0 });
    expect(report.inputs[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const { summary } = report;
    expect(summary.rows).toBe(summary.prohibited! + summary.license! + summary.review! + summary.clear! + summary.rejected!);
    expect(report.rows.every((row) => row.verdict !== 'clear')).toBe(true);
    expect(report.rows.length).toBe(summary.rows! - summary.clear!);
    expect(report.rows.map((row) => row.line)).toEqual([...report.rows.map((row) => row.line)].sort((a, b) => a - b));
    const all = JSON.parse(cli(['screen', SAMPLE, '--format', 'json', '--all', '--as-of', '2026-11-28']).stdout) as JsonReport;
    expect(all.rows).toHaveLength(20);
  });

  it('screens a Shift_JIS Japanese invoice and a GB18030 Chinese declaration as their users expect', () => {
    const verdicts = (file: string): [string, string] => {
      const report = JSON.parse(cli(['screen', file, '--format', 'json', '--all', '--as-of', '2026-11-28']).stdout) as JsonReport;
      return [report.inputs[0]!.encoding, report.rows.map((row) => `${row.lineId}:${row.verdict}`).join(' ')];
    };
    // 2: a listed company's Japanese name; 4: 非該当 is a declaration, not a code; 5: a LOW-confidence HS code
    // for the Defense ministry's agency can only be reviewed; 7: "dysprosium-free"; 8: unclassified, for the JGSDF
    expect(verdicts('fixtures/jp-invoice-sjis.csv')).toEqual(['shift_jis', '1:license 2:prohibited 3:license 4:clear 5:review 6:clear 7:clear 8:review']);
    // 3: gallium to the US after the suspension of 2024 No. 46 clause 2 ended; 4: a control-list party by its
    // Chinese name; 7: military end use for the Japanese Defense agency
    expect(verdicts('fixtures/cn-declaration-gb18030.csv')).toEqual(['gb18030', '1:license 2:license 3:prohibited 4:prohibited 5:clear 6:review 7:prohibited 8:license']);
  });

  it('writes a long report to a slow reader without warnings: each wait for the pipe to drain leaves no listener behind', async () => {
    const rows = Array.from({ length: 4000 }, (_, i) => `L${i},Samarium oxide Sm2O3 99.9%,2846901940,JP,Tokyo Optics K.K.,military radar`);
    const file = csv('slow-reader.csv', `Line ID,Description,HS Code,Destination,Consignee,End Use\n${rows.join('\n')}\n`);
    const child = spawn(process.execPath, [BIN, 'screen', file, '--format', 'json', '--as-of', '2026-11-28', '--fail-on', 'none'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '' } });
    let stderr = '';
    let bytes = 0;
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // the reader takes a piece every few milliseconds, so the report waits for the pipe again and again
    child.stdout.on('data', (d: Buffer) => {
      bytes += d.length;
      child.stdout.pause();
      setTimeout(() => child.stdout.resume(), 2);
    });
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect(code).toBe(0);
    expect(bytes).toBeGreaterThan(4000 * 1000);
    expect(stderr).not.toMatch(/MaxListenersExceeded/);
  });

  it('gives the same report twice apart from generatedAt', () => {
    const strip = (s: string): string => s.replace(/"generatedAt": "[^"]+"/, '');
    const a = cli(['screen', SAMPLE, '--format', 'json', '--as-of', '2026-06-01']).stdout;
    const b = cli(['screen', SAMPLE, '--format', 'json', '--as-of', '2026-06-01']).stdout;
    expect(strip(a)).toBe(strip(b));
  });

  it('gives the same report twice with waivers, a licence register and a baseline, which it names with their sha256', () => {
    const strip = (s: string): string => s.replace(/"generatedAt": "[^"]+"/, '');
    const gated = ['--waivers', 'fixtures/gate/waivers.yaml', '--licenses', 'fixtures/gate/licences.csv', '--baseline', 'fixtures/gate/baseline.json'];
    const args = ['screen', SAMPLE, '--format', 'json', '--as-of', '2026-12-16', ...gated];
    const a = cli(args).stdout;
    expect(strip(a)).toBe(strip(cli(args).stdout));
    const options = (JSON.parse(a) as { options: Record<string, { path: string; sha256: string }> }).options;
    expect(Object.keys(options)).toEqual(expect.arrayContaining(['waivers', 'licenses', 'baseline']));
    for (const key of ['waivers', 'licenses', 'baseline']) expect(options[key]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(a).toContain('"ruleId":"dualscreen.waiver.expired"');
    expect(a).toContain('"coveredBy":{"licence":"LIC-2026-JP-0417"}');
  });

  it('--fail-on decides exit 0 or 1', () => {
    const file = csv('licence-only.csv', 'Description,HS Code,Destination\nSamarium oxide,2846901940,DE\n');
    expect(cli(['screen', file, '--as-of', '2026-11-28']).code).toBe(0);
    expect(cli(['screen', file, '--as-of', '2026-11-28', '--fail-on', 'license']).code).toBe(1);
    expect(cli(['screen', file, '--as-of', '2026-11-28', '--fail-on', 'none']).code).toBe(0);
  });

  it('--as-of decides which rules are in force', () => {
    const file = csv('asof.csv', 'Description,HS Code,Destination,End Use\nSamarium oxide,2846901940,JP,military radar\n');
    const verdictOn = (date: string): string => (JSON.parse(cli(['screen', file, '--format', 'json', '--all', '--as-of', date]).stdout) as JsonReport).rows[0]!.verdict;
    expect(verdictOn('2025-04-03')).toBe('clear');
    expect(verdictOn('2025-04-04')).toBe('license');
    expect(verdictOn('2026-01-06')).toBe('prohibited');
  });

  it('reads a remark for listed parties, and leaves out the columns given to --ignore-columns', () => {
    const file = csv('remarks.csv', 'Description,HS Code,Destination,Consignee,Manufacturer,Remarks\nGallium nitride wafer,,US,Acme,Lockheed Martin Corporation,\nGallium nitride wafer,,US,Acme,,for Lockheed Martin Corporation\n');
    const possible = (...flags: string[]): boolean[] =>
      (JSON.parse(cli(['screen', file, '--format', 'json', '--all', '--as-of', '2026-11-28', ...flags]).stdout) as JsonReport).rows.map((row) =>
        row.findings.some((f) => f.ruleId === 'dualscreen.party.possible-match'),
      );
    expect(possible()).toEqual([true, true]);
    expect(possible('--ignore-columns', 'Manufacturer')).toEqual([false, true]);
  });

  it('reads several files and standard input in one run', () => {
    const a = csv('a.csv', 'Description,HS Code\nBolts,7318158000\n');
    const r = cli(['screen', a, '-', '--format', 'json', '--all', '--as-of', '2026-11-28'], '品名,HSコード,仕向国\n酸化サマリウム,2846901940,日本\n');
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.inputs.map((i) => i.path)).toEqual([a, '-']);
    expect(report.rows.map((row) => [row.input, row.verdict])).toEqual([[a, 'clear'], ['-', 'license']]);
  });

  it('reports unparseable rows with their line numbers, screens the others, and exits 2', () => {
    const file = csv('ragged.csv', 'Line ID,Description,HS Code,Destination\nL1,Dysprosium oxide,2846901500,JP\nL2,Bolts\nL3,Samarium oxide,2846901940,JP\n');
    const r = cli(['screen', file, '--format', 'json', '--as-of', '2026-11-28']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as JsonReport;
    expect(report.errors).toEqual([{ input: file, line: 3, message: 'expected 4 fields as in the header, found 2' }]);
    expect(report.rows.map((row) => row.lineId)).toEqual(['L1', 'L3']);
    expect(report.summary).toMatchObject({ rows: 2, rejected: 1 });
    expect(r.stderr).toContain('1 line(s) could not be read');
  });

  it('one clear line on stderr and exit 2 for usage and input mistakes, no stack trace', () => {
    const cases: [string[], RegExp][] = [
      [['screen', 'nope.csv'], /nope\.csv: no such file/],
      [['screen', SAMPLE, '--as-of', '2026-02-30'], /--as-of: "2026-02-30" is not a date/],
      [['screen', SAMPLE, '--format', 'xml'], /--format: unknown format "xml"/],
      [['screen', csv('empty.csv', '')], /empty file/],
      [['screen', csv('noid.csv', 'Qty,Price\n1,2\n')], /none of the columns identifies the goods/],
      [['screen', SAMPLE, '--rules', csv('bad.yaml', 'id: x\nversion: 1\n')], /bad\.yaml:\d+:\d+: /],
      [['screen', SAMPLE, '--map', 'colour=Description'], /--map: "colour=Description" must be canonical=Header/],
    ];
    for (const [args, message] of cases) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('colours only a terminal: NO_COLOR and --no-color keep text plain', () => {
    expect(cli(['screen', SAMPLE, '--no-color']).stdout).not.toContain('\u001b[');
    expect(cli(['screen', SAMPLE], undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }).stdout).not.toContain('\u001b[');
  });
});

describe('dualscreen rules', { timeout: 60_000 }, () => {
  it('list shows packs, items and their status on a date', () => {
    const r = cli(['rules', 'list', '--as-of', '2026-06-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/cn\.dual-use\.1C909\S* +1C909\S* +suspended/);
    expect(r.stdout).toMatch(/cn\.dual-use\.1C902\.a +1C902\.a +in-force/);
  });

  it('show prints one entry with its source and where it is defined', () => {
    const r = cli(['rules', 'show', 'cn.measure.2026-01.japan-military', '--format', 'json']);
    expect(r.code).toBe(0);
    const [shown] = (JSON.parse(r.stdout) as { found: { defined: string; sources: { date: string }[] }[] }).found;
    expect(shown!.defined).toMatch(/rules\/measures\/prc-measures\.yaml:\d+:\d+/);
    expect(shown!.sources[0]!.date).toBe('2026-01-06');
    expect(cli(['rules', 'show', 'no.such.id']).code).toBe(2);
  });

  it('test runs a pack self-test and fails on a wrong expectation', () => {
    const packDir = join(dir, 'selftest');
    const yaml = `# yaml-language-server: $schema=x\nid: t\nversion: "1"\ndataAsOf: 2026-11-28\ntitle: T\nsources:\n  - { id: S, title: S, date: 2025-04-04 }\nitems:\n  - id: cn.t.a\n    controlCode: "1C902"\n    title: { en: T }\n    source: S\n    effective: { from: 2025-04-04 }\n`;
    spawnSync('mkdir', ['-p', packDir]);
    writeFileSync(join(packDir, 't.yaml'), yaml);
    writeFileSync(join(packDir, 't.test.csv'), 'description,control_code,expect,as_of\nx,1C902,license cn.t.a,\nx,1C902,review dualscreen.control-code.not-encoded,2025-04-03\n');
    const ok = cli(['rules', 'test', '--no-bundled-rules', '--rules', packDir]);
    expect(ok.stdout).toContain('PASS t');
    expect(ok.stdout).toMatch(/^2 passed, 0 failed$/m);
    expect(ok.code).toBe(0);
    writeFileSync(join(packDir, 't.test.csv'), 'description,control_code,expect\nx,1C902,clear\n');
    const bad = cli(['rules', 'test', '--no-bundled-rules', '--rules', packDir]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/t\.test\.csv:2: expected clear, got license/);
    expect(bad.stdout).toContain('FP 1');
    expect(bad.stdout).toMatch(/^0 passed, 1 failed$/m);
    writeFileSync(join(packDir, 't.test.csv'), 'description,control_code,expect\nx,1C902,license !cn.t.a\n');
    const forbidden = cli(['rules', 'test', '--no-bundled-rules', '--rules', packDir]);
    expect(forbidden.code).toBe(1);
    expect(forbidden.stdout).toMatch(/t\.test\.csv:2: license as expected, but cn\.t\.a fired/);
  });

  it("test never screens a self-test's why column: a why that names a listed party raises nothing", () => {
    const packDir = join(dir, 'selftest-why');
    const yaml = `# yaml-language-server: $schema=x\nid: t-why\nversion: "1"\ndataAsOf: 2026-11-28\ntitle: T\nsources:\n  - { id: S, title: S, date: 2025-04-04 }\nparties:\n  - id: cn.control-list.example-defense\n    list: control\n    country: US\n    names: { en: [Example Defense Corporation] }\n    listed: 2025-04-04\n    source: S\n`;
    spawnSync('mkdir', ['-p', packDir]);
    writeFileSync(join(packDir, 't.yaml'), yaml);
    writeFileSync(join(packDir, 't.test.csv'), 'description,hs_code,destination_country,consignee,expect,why\nCopy paper A4,48025600,US,Acme Stationery Inc.,clear,"a stationer, not Example Defense Corporation"\n');
    const r = cli(['rules', 'test', '--no-bundled-rules', '--rules', packDir]);
    expect(r.stdout).toMatch(/^1 passed, 0 failed$/m);
    expect(r.code).toBe(0);
  });
});
