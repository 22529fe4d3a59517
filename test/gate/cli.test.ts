/** Gating end to end: the built CLI with waivers, licences, baselines and config files, as a compliance officer runs it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, SAMPLE, sampleLines, tempFile } from './screen-fixture.js';

const BIN = join(ROOT, 'bin', 'dualscreen.js');
const WAIVERS = join(ROOT, 'fixtures/gate/waivers.yaml');
const LICENCES = join(ROOT, 'fixtures/gate/licences.csv');
const BASELINE = join(ROOT, 'fixtures/gate/baseline.json');

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Finding {
  ruleId: string;
  verdict: string;
  waived?: { waiverId: string; reason: string; approvedBy: string; expires: string };
  coveredBy?: { licence: string };
  baseline?: string;
}
interface Report {
  options: Record<string, unknown>;
  rows: { lineId: string; verdict: string; fingerprint: string; baseline?: string; findings: Finding[]; notes: string[] }[];
}
const json = (args: string[], cwd?: string): Report => JSON.parse(cli([...args, '--format', 'json'], cwd).stdout) as Report;
const row = (report: Report, id: string) => report.rows.find((r) => r.lineId === id)!;

/** A manifest of some of the sample's lines, in the order given. */
function subset(ids: string[], extra: string[] = []): string {
  const { header, byId } = sampleLines(readFileSync(SAMPLE, 'utf8'));
  return tempFile('subset.csv', `${header}\n${[...ids.map((id) => byId.get(id)!), ...extra].join('\n')}\n`);
}

describe('screen --waivers --licenses', { timeout: 60_000 }, () => {
  it('reports waived and covered findings as such, and the findings about the register', () => {
    const args = ['screen', 'fixtures/sample-manifest.csv', '--as-of', '2026-11-28', '--waivers', 'fixtures/gate/waivers.yaml', '--licenses', 'fixtures/gate/licences.csv'];
    const text = cli([...args, '--fail-on', 'license', '--explain']);
    expect(text.code).toBe(1); // SO-1005, SO-1011, SO-1013 still need a licence
    expect(text.stdout).toMatch(/cn\.dual-use\.1C905\.b: .*\n +↳ covered by licence LIC-2026-JP-0417/);
    expect(text.stdout).toMatch(/cn\.dual-use\.1C908\.a: .*\n +↳ waived by W-2026-001 \(approved by Li Wei, Head of Trade Compliance, expires 2027-06-30\): Al-5Y/);
    expect(text.stdout).toMatch(/license +dualscreen\.licence\.overdrawn: licence LIC-2026-DE-0233 names this item but does not cover this row: needs 1000 kg, 800 kg left of 800/);

    const report = json([...args, '--fail-on', 'none']);
    expect(report.options).toMatchObject({
      waivers: { path: 'fixtures/gate/waivers.yaml', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      licenses: { path: 'fixtures/gate/licences.csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      baseline: null,
      config: { path: null, searched: expect.stringMatching(/^no \.dualscreen\.yaml in /) },
    });
    expect(row(report, 'SO-1008').findings[0]).toMatchObject({ ruleId: 'cn.dual-use.1C908.a', waived: { waiverId: 'W-2026-001', approvedBy: 'Li Wei, Head of Trade Compliance', expires: '2027-06-30' } });
    expect(row(report, 'SO-1001').findings[0]).toMatchObject({ coveredBy: { licence: 'LIC-2026-JP-0417' } });
    expect(row(report, 'SO-1001').notes).toContain('licence LIC-2026-JP-0417 covers the row: drawn 200 kg (300 left), 96000 USD (144000 left)');
    expect(row(report, 'SO-1002').findings.some((f) => f.coveredBy)).toBe(false);
    expect(row(report, 'SO-1013').findings.map((f) => f.ruleId)).toEqual(['cn.dual-use.3C003.c', 'dualscreen.licence.expired']);
  });

  it('exits 0 when every finding at or above --fail-on is waived or covered, 1 without them', () => {
    const file = subset(['SO-1001', 'SO-1008', 'SO-1018']);
    const base = ['screen', file, '--as-of', '2026-11-28', '--fail-on', 'review'];
    expect(cli(base).code).toBe(1);
    expect(cli([...base, '--licenses', LICENCES]).code).toBe(1); // SO-1008 is still to review
    expect(cli([...base, '--licenses', 'fixtures/gate/licences.yaml', '--waivers', WAIVERS]).code).toBe(0);
  });

  it('an expired waiver waives nothing and fails the run itself', () => {
    const file = subset(['SO-1008']);
    const args = ['screen', file, '--waivers', WAIVERS, '--fail-on', 'review'];
    expect(cli([...args, '--as-of', '2027-06-30']).code).toBe(0);
    const expired = cli([...args, '--as-of', '2027-07-01', '--explain']);
    expect(expired.code).toBe(1);
    expect(expired.stdout).toMatch(/review +dualscreen\.waiver\.expired: waiver W-2026-001 for cn\.dual-use\.1C908\.a expired on 2027-06-30/);
    const report = json([...args, '--as-of', '2027-07-01']);
    expect(report.rows[0]!.findings.map((f) => [f.ruleId, f.verdict, Boolean(f.waived)])).toEqual([
      ['cn.dual-use.1C908.a', 'review', false],
      ['dualscreen.waiver.expired', 'review', false],
    ]);
  });
});

describe('screen --baseline', { timeout: 60_000 }, () => {
  it('fails only on findings that were not in the earlier report, whatever the order of the rows', () => {
    const { byId } = sampleLines(readFileSync(SAMPLE, 'utf8'));
    const reordered = subset([...byId.keys()].reverse());
    expect(cli(['screen', reordered, '--as-of', '2026-11-28', '--fail-on', 'review']).code).toBe(1);
    // the baseline knows every finding but the prohibited ones, which always count
    expect(cli(['screen', reordered, '--as-of', '2026-11-28', '--fail-on', 'review', '--baseline', BASELINE]).code).toBe(1);
    const known = json(['screen', reordered, '--as-of', '2026-11-28', '--fail-on', 'review', '--baseline', BASELINE]);
    expect(known.rows.flatMap((r) => r.findings).every((f) => (f.baseline === 'new') === (f.verdict === 'prohibited'))).toBe(true);

    const added = subset([...byId.keys()], ['SO-1021,Germanium dioxide,2825600002,,40,kg,52000,USD,CN,CN,JP,Tokyo Optics K.K.,Tokyo Optics K.K.,fibre optics']);
    const args = ['screen', added, '--as-of', '2026-11-28', '--fail-on', 'license', '--baseline', BASELINE];
    expect(cli(args).code).toBe(1);
    const report = json(args);
    expect(report.options.baseline).toEqual({ path: 'fixtures/gate/baseline.json', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(report.rows.filter((r) => r.baseline === 'new' && r.verdict !== 'prohibited').map((r) => r.lineId)).toEqual(['SO-1021']);
    expect(row(report, 'SO-1001')).toMatchObject({ baseline: 'known', findings: [{ baseline: 'known' }] });
  });

  it('the JSON report carries each row fingerprint, the same for the same content', () => {
    const a = json(['screen', SAMPLE, '--as-of', '2026-11-28', '--fail-on', 'none']);
    const baseline = JSON.parse(readFileSync(BASELINE, 'utf8')) as Report;
    expect(a.rows.map((r) => r.fingerprint)).toEqual(baseline.rows.map((r) => r.fingerprint));
    expect(new Set(a.rows.map((r) => r.fingerprint)).size).toBe(a.rows.length);
  });
});

describe('gating inputs that cannot be used stop the run: one line on stderr, exit 2', { timeout: 60_000 }, () => {
  it.each([
    [['--baseline', 'fixtures/sample-manifest.csv'], /fixtures\/sample-manifest\.csv: baseline is not JSON/],
    [['--baseline', 'fixtures/gate/nope.json'], /fixtures\/gate\/nope\.json: cannot read baseline \(no such file\)/],
    [['--waivers', 'fixtures/gate/waivers-problems.yaml'], /fixtures\/gate\/waivers-problems\.yaml:15:5: a waiver needs at least one of .* \(and 2 more\)$/m],
    [['--licenses', tempFile('l.csv', 'licence,end user\nL1,X\n')], /l\.csv:2: .*required/],
    [['--config', tempFile('c.yaml', 'fail-on: always\n')], /c\.yaml:1:10: Invalid option/],
  ])('%s', (flags, message) => {
    const r = cli(['screen', SAMPLE, '--as-of', '2026-11-28', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('.dualscreen.yaml and dualscreen init', { timeout: 60_000 }, () => {
  it('init writes the column map of a sample, refuses to overwrite without --force, and screen then uses the file', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'dualscreen-init-'));
    const first = cli(['init', '--manifest', SAMPLE], cwd);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('wrote .dualscreen.yaml\n14 columns mapped from');
    expect(readFileSync(join(cwd, '.dualscreen.yaml'), 'utf8')).toContain('map:\n  line_id: "Line ID"\n  description: "Description"\n');
    const again = cli(['init'], cwd);
    expect(again.code).toBe(2);
    expect(again.stderr).toBe('dualscreen: .dualscreen.yaml already exists (use --force to overwrite it)\n');
    expect(cli(['init', '--force', '--manifest', SAMPLE], cwd).code).toBe(0);

    const report = json(['screen', SAMPLE, '--as-of', '2026-11-28'], cwd);
    expect(report.options).toMatchObject({ config: { path: '.dualscreen.yaml' }, map: { line_id: 'Line ID', end_use: 'End-Use' } });
  });

  it('the config sets gating and fail-on, paths relative to it; flags override it', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'dualscreen-config-'));
    writeFileSync(join(cwd, 'waivers.yaml'), readFileSync(WAIVERS));
    writeFileSync(join(cwd, '.dualscreen.yaml'), `fail-on: review\nwaivers: waivers.yaml\nlicenses: ${LICENCES}\n`);
    const file = subset(['SO-1001', 'SO-1008', 'SO-1018']);
    expect(cli(['screen', file, '--as-of', '2026-11-28'], cwd).code).toBe(0);
    const report = json(['screen', file, '--as-of', '2026-11-28'], cwd);
    expect(report.options).toMatchObject({ failOn: 'review', waivers: { path: 'waivers.yaml' }, licenses: { path: LICENCES } });
    expect(cli(['screen', file, '--as-of', '2027-07-01'], cwd).code).toBe(1); // waiver and licence expired
    expect(cli(['screen', file, '--as-of', '2027-07-01', '--fail-on', 'none'], cwd).code).toBe(0);
    // --config elsewhere: its paths are relative to it, not to the working directory
    expect(cli(['screen', file, '--as-of', '2026-11-28', '--config', join(cwd, '.dualscreen.yaml')]).code).toBe(0);
  });
});

describe('dualscreen waivers lint', { timeout: 60_000 }, () => {
  it('exits 1 on problems, 0 on a clean file, 2 on a file it cannot read', () => {
    const bad = cli(['waivers', 'lint', 'fixtures/gate/waivers-problems.yaml', '--report', 'fixtures/gate/baseline.json', '--as-of', '2026-11-28']);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^fixtures\/gate\/waivers-problems\.yaml: 5 waivers read, 7 errors, 4 warnings$/m);
    const good = cli(['waivers', 'lint', 'fixtures/gate/waivers.yaml', '--as-of', '2026-11-28', '--warn-days', '10']);
    expect(good).toMatchObject({ code: 0, stdout: 'fixtures/gate/waivers.yaml: 3 waivers read, 0 errors, 0 warnings\n' });
    expect(cli(['waivers', 'lint', tempFile('broken.yaml', 'waivers: [\n')]).code).toBe(2);
    expect(cli(['waivers', 'lint', 'fixtures/gate/waivers.yaml', '--report', 'fixtures/sample-manifest.csv']).code).toBe(2);
  });
});
