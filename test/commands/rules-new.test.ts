/**
 * `dualscreen rules new`: the skeleton a compliance team starts from on the day an announcement appears. It must
 * pass validate and test as written, validate once its examples are uncommented (and then match what they say),
 * point editors at the bundled schema, refuse to overwrite, and screen beside the bundled packs as the README says.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'dualscreen.js');
const SCHEMA = join(ROOT, 'rules', 'schema', 'rule-pack.schema.json');

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What a pack author does with an example: remove one "# " from each line of the commented entries. */
function uncomment(yaml: string): string {
  let on = false;
  return yaml
    .split('\n')
    .map((line) => {
      if (/^# (items|parties|measures):/.test(line)) on = true;
      return on && line.startsWith('# ') ? line.slice(2) : line;
    })
    .join('\n');
}

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

describe('dualscreen rules new', { timeout: 60_000 }, () => {
  it('writes NAME.yaml and NAME.test.csv into --dir, which pass validate and test as written', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'dualscreen-rules-new-'));
    const r = cli(['rules', 'new', 'mofcom-2027-03', '--dir', 'my-rules'], cwd);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('wrote my-rules/mofcom-2027-03.yaml and my-rules/mofcom-2027-03.test.csv');
    // -r adds a pack to the bundled ones: the screen hint names only the new one
    expect(r.stdout).toContain('dualscreen screen -r my-rules/mofcom-2027-03.yaml MANIFEST.csv');

    const yaml = readFileSync(join(cwd, 'my-rules', 'mofcom-2027-03.yaml'), 'utf8');
    const first = yaml.split('\n')[0]!;
    expect(first).toMatch(/^# yaml-language-server: \$schema=\S+$/);
    expect(resolve(cwd, 'my-rules', first.split('$schema=')[1]!)).toBe(SCHEMA);
    const pack = parse(yaml) as { id: string; version: string; dataAsOf: string; gaps: unknown[]; sources: { id: string; title: string }[] };
    expect(pack).toMatchObject({ id: 'mofcom-2027-03', dataAsOf: today, version: today.replace(/-/g, '.'), gaps: [] });
    expect(pack.sources[0]!.title).toMatch(/^TODO/);

    expect(cli(['rules', 'validate', 'my-rules'], cwd)).toMatchObject({ code: 0, stdout: '1 rule packs valid: 0 items, 0 measures, 0 parties\n' });
    const alone = cli(['rules', 'test', '--no-bundled-rules', '-r', 'my-rules'], cwd);
    expect(alone.code, alone.stdout).toBe(0);
    expect(alone.stdout).toContain('2 passed, 0 failed');
    const beside = cli(['rules', 'test', 'my-rules/mofcom-2027-03.yaml'], cwd);
    expect(beside.code, beside.stdout).toBe(0);
    expect(beside.stdout).toMatch(/^PASS mofcom-2027-03 +2 rows/m);
  });

  it('has an item, a party and a measure that validate once uncommented and do what they say', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'dualscreen-rules-new-'));
    expect(cli(['rules', 'new', 'acme-2027-01'], cwd).code).toBe(0);
    const file = join(cwd, 'acme-2027-01.yaml');
    writeFileSync(file, uncomment(readFileSync(file, 'utf8')));
    expect(cli(['rules', 'validate', 'acme-2027-01.yaml'], cwd)).toMatchObject({ code: 0, stdout: '1 rule packs valid: 1 items, 1 measures, 1 parties\n' });

    // the author's positive rows: the example item by its keyword on the day it takes effect, and the example
    // party, which the bundled control-list measures reach (goods not identified: fail closed)
    appendFileSync(
      join(cwd, 'acme-2027-01.test.csv'),
      [
        `E03,TODO example goods,,,DE,TODO Example Buyer GmbH,TODO Example Buyer GmbH,,CN,CN,review cn.item.acme-2027-01-example,${today}`,
        'E04,Office chairs,9401300000,,DE,"TODO Example Trading Co., Ltd.",,,CN,CN,review cn.measure.control-list.unidentified,',
        '',
      ].join('\n'),
    );
    const beside = cli(['rules', 'test', 'acme-2027-01.yaml'], cwd);
    expect(beside.code, beside.stdout).toBe(0);
    expect(beside.stdout).toMatch(/^PASS acme-2027-01 +4 rows +TP 2 +TN 2 +FP 0 +FN 0/m);
  });

  it('screens beside the bundled packs with -r: new findings added, bundled ones kept; naming the bundled folder too changes nothing', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'dualscreen-rules-new-'));
    expect(cli(['rules', 'new', 'acme-2027-02', '--dir', 'rules-local'], cwd).code).toBe(0);
    const file = join(cwd, 'rules-local', 'acme-2027-02.yaml');
    writeFileSync(file, uncomment(readFileSync(file, 'utf8')));
    const manifest = join(cwd, 'm.csv');
    writeFileSync(manifest, readFileSync(join(ROOT, 'fixtures', 'sample-manifest.csv'), 'utf8').trimEnd() + '\nSO-9001,TODO example goods,,,1,pcs,1,USD,CN,CN,Germany,Muster GmbH,Muster GmbH,\n');
    const summary = (args: string[]) => {
      const r = cli(['screen', 'm.csv', '--format', 'json', '--fail-on', 'none', '--as-of', today, ...args], cwd);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { summary: Record<string, number>; rows: { lineId: string; findings: { ruleId: string }[] }[] };
    };
    const bundledOnly = summary([]);
    const both = summary(['-r', 'rules-local']);
    // the old habit of naming the bundled folder as well loads each pack once: no duplicate ids
    expect(summary(['-r', join(ROOT, 'rules'), '-r', 'rules-local']).summary).toEqual(both.summary);
    // --no-bundled-rules screens with the new pack alone
    expect(summary(['--no-bundled-rules', '-r', 'rules-local']).summary).toMatchObject({ prohibited: 0, license: 0 });
    expect(both.summary.prohibited).toBe(bundledOnly.summary.prohibited);
    expect(both.summary.license).toBe(bundledOnly.summary.license);
    expect(both.summary.review).toBe(bundledOnly.summary.review! + 1);
    expect(both.rows.find((r) => r.lineId === 'SO-9001')!.findings.map((f) => f.ruleId)).toEqual(['cn.item.acme-2027-02-example']);
  });

  it('refuses to overwrite either file, and a name that cannot be a pack id', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'dualscreen-rules-new-'));
    writeFileSync(join(cwd, 'x-2027.test.csv'), 'mine\n');
    const r = cli(['rules', 'new', 'x-2027'], cwd);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe('dualscreen: rules new: x-2027.test.csv already exists; nothing written\n');
    expect(existsSync(join(cwd, 'x-2027.yaml'))).toBe(false);
    expect(readFileSync(join(cwd, 'x-2027.test.csv'), 'utf8')).toBe('mine\n');

    expect(cli(['rules', 'new', 'MOFCOM 2027/3'], cwd)).toMatchObject({ code: 2 });
    expect(cli(['rules', 'new', 'MOFCOM 2027/3'], cwd).stderr).toMatch(/must be lower case letters, digits, dots and dashes/);
  });
});
