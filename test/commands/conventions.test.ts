/**
 * Issue 14 part 5: the command-line conventions users expect. -r adds packs, --no-bundled-rules replaces
 * them; licence and license alike; --output makes its folders; rules show and list for people and
 * machines; examples in every --help and the exit codes in the root's; rules diff --fail-on-change.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const SAMPLE = join(ROOT, 'fixtures', 'sample-manifest.csv');
const LICENCES = join(ROOT, 'fixtures', 'gate', 'licences.csv');
const AS_OF = '2026-11-28';

function cli(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'dualscreen.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const json = <T>(args: string[], cwd = ROOT): T => {
  const r = cli(args, cwd);
  expect(r.stderr.split('\n').filter((l) => l.startsWith('dualscreen:'))).toEqual([]);
  return JSON.parse(r.stdout) as T;
};

type Report = { summary: Record<string, number>; options: Record<string, unknown>; rows: { lineId: string; findings: { ruleId: string; coveredBy?: unknown }[] }[] };

describe('licence and license alike (part 5)', { timeout: 60_000 }, () => {
  it('--fail-on licence, --licences and the config keys licences: and fail-on: licence', () => {
    const base = ['screen', SAMPLE, '--as-of', AS_OF, '--format', 'json'];
    const withLicense = cli([...base, '--fail-on', 'license', '--licenses', LICENCES]);
    const withLicence = cli([...base, '--fail-on', 'licence', '--licences', LICENCES]);
    expect(withLicence.code).toBe(withLicense.code);
    const a = JSON.parse(withLicense.stdout) as Report;
    const b = JSON.parse(withLicence.stdout) as Report;
    expect(b.summary).toEqual(a.summary);
    // one spelling in the output
    expect(b.options.failOn).toBe('license');
    expect(b.rows.some((r) => r.findings.some((f) => f.coveredBy))).toBe(true);

    const dir = mkdtempSync(join(tmpdir(), 'dualscreen-conventions-'));
    writeFileSync(join(dir, '.dualscreen.yaml'), `fail-on: licence\nlicences: ${LICENCES}\n`);
    const viaConfig = cli(['screen', SAMPLE, '--as-of', AS_OF, '--format', 'json'], dir);
    expect(viaConfig.code).toBe(withLicense.code);
    const c = JSON.parse(viaConfig.stdout) as Report & { options: { config: { changed: Record<string, unknown> } } };
    expect(c.summary).toEqual(a.summary);
    expect(Object.keys(c.options.config.changed).sort()).toEqual(['fail-on', 'licenses']);
    expect(cli(['screen', SAMPLE, '--fail-on', 'licenced']).stderr).toMatch(/prohibited, license \(or licence\), review or none/);
  });
});

describe('-r adds packs; --no-bundled-rules replaces them (part 5)', { timeout: 60_000 }, () => {
  it('-r with a pack of your own keeps every bundled finding; the bundled folder named twice loads once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dualscreen-conventions-'));
    writeFileSync(
      join(dir, 'extra.yaml'),
      'id: extra\nversion: "1"\ndataAsOf: 2026-11-28\ntitle: Extra\nsources: [{ id: S, title: S, date: 2026-11-28 }]\nitems:\n  - { id: extra.widget, title: { en: Widgets }, source: S, keywords: { en: [unobtainium widget] }, effective: { from: 2026-01-01 } }\n',
    );
    const args = ['screen', SAMPLE, '--as-of', AS_OF, '--format', 'json', '--fail-on', 'none'];
    const bundled = json<Report>(args);
    const extra = json<Report>([...args, '-r', join(dir, 'extra.yaml')]);
    expect(extra.summary).toEqual(bundled.summary);
    expect(bundled.summary.prohibited).toBeGreaterThan(0);
    expect(json<Report>([...args, '-r', join(ROOT, 'rules')]).summary).toEqual(bundled.summary);
    const alone = json<Report>([...args, '--no-bundled-rules', '-r', join(dir, 'extra.yaml')]);
    expect(alone.summary.prohibited).toBe(0);
    expect(cli([...args, '--no-bundled-rules']).stderr).toMatch(/--no-bundled-rules needs rule packs of your own/);
  });
});

describe('--output makes missing folders (part 5)', { timeout: 60_000 }, () => {
  it('writes out/deep/x.sarif where out/ does not exist', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dualscreen-conventions-'));
    const r = cli(['screen', SAMPLE, '--as-of', AS_OF, '--fail-on', 'none', '--output', 'sarif=out/deep/x.sarif'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'deep', 'x.sarif'), 'utf8'))).toHaveProperty('runs');
  });
});

describe('rules show and rules list (part 5)', { timeout: 60_000 }, () => {
  it('show takes a control code, an item id or an engine rule id, for people and as JSON', () => {
    const byCode = cli(['rules', 'show', '1c902.B', '--as-of', AS_OF]);
    expect(byCode.code).toBe(0);
    expect(byCode.stdout).toMatch(/^cn\.dual-use\.1C902\.b {2}\(item, pack \S+, rules\/\S+\.yaml:\d+:\d+\)$/m);
    expect(byCode.stdout).toMatch(/^status on 2026-11-28: /m);
    expect(byCode.stdout).toMatch(/^controlCode: 1C902\.b$/m);
    expect(byCode.stdout).toMatch(/^sources:\n {2}MOFCOM/m);
    const byId = JSON.parse(cli(['rules', 'show', 'cn.dual-use.1C902.b', '--format', 'json']).stdout) as { found: { kind: string; entry: { controlCode: string } }[] };
    expect(byId.found.map((f) => [f.kind, f.entry.controlCode])).toEqual([['item', '1C902.b']]);
    const engine = cli(['rules', 'show', 'dualscreen.data.unclassified-sensitive']);
    expect(engine.code).toBe(0);
    expect(engine.stdout).toContain("dualscreen.data.unclassified-sensitive  (dualscreen's own rule)");
    expect(engine.stdout).toMatch(/meaning: .*no HS code or control code/);
    // a heading lists its listed sub-items
    expect(JSON.parse(cli(['rules', 'show', '1C902', '--format', 'json']).stdout).found.length).toBeGreaterThan(1);
    expect(cli(['rules', 'show', '9Z999']).code).toBe(2);
  });

  it('list filters by pack, kind, category and text, and has --format json', () => {
    type List = { packs: { id: string; items: { id: string; code: string }[]; parties: unknown[]; measures: unknown[] }[] };
    const gallium = JSON.parse(cli(['rules', 'list', '--text', 'gallium', '--kind', 'items', '--format', 'json']).stdout) as List;
    const items = gallium.packs.flatMap((p) => p.items);
    expect(items.length).toBeGreaterThan(0);
    expect(gallium.packs.every((p) => p.parties.length === 0 && p.measures.length === 0)).toBe(true);
    const category = JSON.parse(cli(['rules', 'list', '--category', '6', '--format', 'json']).stdout) as List;
    const codes = category.packs.flatMap((p) => p.items.map((i) => i.code));
    expect(codes.length).toBeGreaterThan(0);
    expect(codes.every((c) => c.startsWith('6'))).toBe(true);
    const watch = cli(['rules', 'list', '--category', 'watch', '--kind', 'parties']);
    expect(watch.stdout).toMatch(/cn\.watch-list\./);
    expect(watch.stdout).toMatch(/^\d+ entries in \d+ packs?$/m);
    const pack = JSON.parse(cli(['rules', 'list', '--pack', 'cn-rare-earths-2025-18', '--format', 'json']).stdout) as List;
    expect(pack.packs.map((p) => p.id)).toEqual(['cn-rare-earths-2025-18']);
    expect(cli(['rules', 'list', '--pack', 'no-such-pack']).code).toBe(2);
  });
});

describe('help (part 5)', { timeout: 60_000 }, () => {
  it('every command has examples; the root help lists the exit codes', () => {
    const commands = [['screen'], ['check'], ['rules'], ['waivers'], ['lookup'], ['init'], ['rules', 'test'], ['rules', 'list'], ['rules', 'show'], ['rules', 'validate'], ['rules', 'new'], ['rules', 'diff'], ['rules', 'schema'], ['waivers', 'lint']];
    for (const c of commands) {
      const r = cli([...c, '--help']);
      expect(r.stdout, c.join(' ')).toMatch(new RegExp(`Examples:\\n {2}\\$ dualscreen ${c.join(' ')}`));
    }
    const root = cli(['--help']).stdout;
    expect(root).toMatch(/Exit codes:\n {2}0 {3}nothing at or above --fail-on\n {2}1 {3}a row at or above --fail-on/);
    expect(root).toMatch(/^ {2}2 {3}bad input/m);
  });
});

describe('rules diff --fail-on-change (part 5)', { timeout: 60_000 }, () => {
  it('exits 1 when a manifest row changes verdict, 0 when none does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dualscreen-conventions-'));
    const pack = (title: string, keyword: string) =>
      `id: extra\nversion: "1"\ndataAsOf: 2026-11-28\ntitle: ${title}\nsources: [{ id: S, title: S, date: 2026-11-28 }]\nitems:\n  - { id: extra.widget, title: { en: Widgets }, source: S, keywords: { en: [${keyword}] }, effective: { from: 2026-01-01 } }\n`;
    writeFileSync(join(dir, 'old.yaml'), pack('Old', 'unobtainium widget'));
    writeFileSync(join(dir, 'new.yaml'), pack('New', 'hex bolt'));
    writeFileSync(join(dir, 'm.csv'), 'description,hs_code\nHex bolt M8,7318158000\n');
    const changed = cli(['rules', 'diff', 'old.yaml', 'new.yaml', '--manifest', 'm.csv', '--fail-on-change', '--as-of', AS_OF], dir);
    expect(changed.stdout).toMatch(/1 change verdict/);
    expect(changed.code).toBe(1);
    expect(cli(['rules', 'diff', 'old.yaml', 'new.yaml', '--manifest', 'm.csv', '--as-of', AS_OF], dir).code).toBe(0);
    expect(cli(['rules', 'diff', 'old.yaml', 'old.yaml', '--manifest', 'm.csv', '--fail-on-change', '--as-of', AS_OF], dir).code).toBe(0);
    expect(cli(['rules', 'diff', 'old.yaml', 'new.yaml', '--fail-on-change'], dir).stderr).toMatch(/--fail-on-change needs --manifest/);
    expect(existsSync(join(dir, 'm.csv'))).toBe(true);
  });
});

describe('init reads a workbook sample', { timeout: 60_000 }, () => {
  it('maps the invoice header under its title block; a second description column counts as mapped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dualscreen-init-xlsx-'));
    const r = cli(['init', '--manifest', join(ROOT, 'fixtures', 'erp', 'kingdee-invoice.xlsx')], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('not mapped: "单据编号"\n');
    const config = readFileSync(join(dir, '.dualscreen.yaml'), 'utf8');
    expect(config).toContain('  description: "物料名称"');
    expect(config).toContain('  consignee: "收货方"');
  });
});
