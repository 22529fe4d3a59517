import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectColumns } from '../../src/commands/init.js';
import { withConfig } from '../../src/config/find.js';
import { loadConfig } from '../../src/config/load.js';
import { Config } from '../../src/config/schema.js';
import { configTemplate } from '../../src/config/template.js';
import { displayPath as shown } from '../../src/files/file.js';
import { parseYaml, validateYaml } from '../../src/files/yaml.js';
import { fixture, SAMPLE, tempFile } from '../gate/screen-fixture.js';

const dir = mkdtempSync(join(tmpdir(), 'dualscreen-config-'));

function configIn(sub: string, text: string): string {
  mkdirSync(join(dir, sub), { recursive: true });
  const path = join(dir, sub, '.dualscreen.yaml');
  writeFileSync(path, text);
  return path;
}

describe('config file', () => {
  it('gives option values under their commander names, paths relative to the file', () => {
    const path = configIn(
      'ci',
      [
        'rules: [packs/, extra.yaml]',
        'map: { hs_code: "Tariff No.", line_id: "Order Line" }',
        'fail-on: license',
        'hs-scheme: intl',
        'waivers: gate/waivers.yaml',
        'licenses: ../registers/licences.csv',
        'party-block: 0.95',
        'format: json',
        'all: true',
      ].join('\n'),
    );
    const config = loadConfig(path);
    expect(config.ref).toEqual({ path: shown(path), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(config.values).toEqual({
      rules: [shown(join(dir, 'ci/packs')), shown(join(dir, 'ci/extra.yaml'))],
      map: ['hs_code=Tariff No.', 'line_id=Order Line'],
      failOn: 'license',
      hsScheme: 'intl',
      waivers: shown(join(dir, 'ci/gate/waivers.yaml')),
      licenses: shown(join(dir, 'registers/licences.csv')),
      partyBlock: 0.95,
      format: 'json',
      all: true,
    });
  });

  it('flags the user typed win over the file; the file wins over defaults', async () => {
    const path = configIn('merge', 'fail-on: review\nhs-scheme: intl\nall: true\n');
    const sources: Record<string, string> = { failOn: 'cli', hsScheme: 'default', all: 'default', config: 'cli' };
    const { options, config } = await withConfig({ failOn: 'none', hsScheme: 'cn', all: false, config: path }, (name) => sources[name]);
    expect(options).toMatchObject({ failOn: 'none', hsScheme: 'intl', all: true });
    expect(config?.path).toBe(shown(path));
  });

  it('without --config and without .dualscreen.yaml here, options stay as they are and the record says none was found', async () => {
    const options = { failOn: 'prohibited' };
    expect(await withConfig(options, () => 'default')).toEqual({ options, config: { path: null, searched: expect.stringMatching(/^no \.dualscreen\.yaml in /) } });
  });

  it('reports mistakes at file:line:col', () => {
    const bad = (text: string) => () => loadConfig(tempFile('c.yaml', text));
    expect(bad('fail-on: sometimes\n')).toThrow(/c\.yaml:1:10: Invalid option: expected one of "prohibited"\|"license"\|"review"\|"none" \(fail-on\)/);
    expect(bad('map:\n  colour: Farbe\n')).toThrow(/c\.yaml:2:3: .*\(map\.colour\)|c\.yaml:2:3: unknown key "colour"/);
    expect(bad('party-review: 1.5\n')).toThrow(/c\.yaml:1:15: a score of at most 1 \(party-review\)/);
    expect(bad('format: xml\n')).toThrow(/c\.yaml:1:9: unknown format/);
    expect(bad('encoding: latin-9\n')).toThrow(/c\.yaml:1:11: unknown encoding/);
    expect(bad('failOn: license\n')).toThrow(/c\.yaml:1:1: unknown key "failOn" \(allowed: rules, bundled-rules, map, line-id, ignore-columns, sheet, fail-on/);
    expect(() => loadConfig(join(dir, 'none.yaml'))).toThrow(/none\.yaml: cannot read config file \(no such file\)/);
  });

  it('an empty file is an empty config', () => {
    expect(loadConfig(tempFile('empty.yaml', '# nothing yet\n')).values).toEqual({});
  });
});

describe('dualscreen init template', () => {
  it('maps the columns of a sample manifest, and the file it writes is a valid config', () => {
    const detected = detectColumns(SAMPLE);
    expect(detected).toMatchObject({ encoding: 'utf-8', delimiter: ',', unmapped: [] });
    expect(detected.columns).toMatchObject({ line_id: 'Line ID', hs_code: 'HS Code', control_code: 'Export Control Code', end_use: 'End-Use' });
    const text = configTemplate(detected);
    const config = validateYaml(Config, parseYaml(text, 'init.yaml'), '');
    expect(config.map).toEqual(detected.columns);
    expect(text).toContain('# Canonical columns not found: cas_number, consignee_country, end_user_country');
  });

  it('reads Shift_JIS headers, and lists those it cannot map', () => {
    const sjis = detectColumns(fixture('jp-invoice-sjis.csv'));
    expect(sjis).toMatchObject({ encoding: 'shift_jis', columns: { description: '品名', hs_code: 'HSコード', end_user: '最終需要者' } });
    const custom = detectColumns(tempFile('erp.csv', 'Pos;Materialtext;Kundennr;Lieferdatum\n1;Samariumoxid;K-2204;2026-11-20\n'));
    expect(custom).toEqual(expect.objectContaining({ delimiter: ';', columns: { line_id: 'Pos' }, unmapped: ['Materialtext', 'Kundennr', 'Lieferdatum'] }));
    const text = configTemplate(custom);
    expect(text).toContain('#   "Materialtext", "Kundennr", "Lieferdatum"');
    expect(text).toContain('# None of the headers identifies the goods');
  });

  it('without a sample, the map is a commented example and the file is still valid', () => {
    expect(validateYaml(Config, parseYaml(configTemplate(), 'init.yaml'), '')).toEqual({ 'fail-on': 'prohibited', 'hs-scheme': 'cn' });
  });
});

describe('issue 12 point 10: a config file never steers verdicts silently', { timeout: 60_000 }, () => {
  const BIN = join(fixture('..'), 'bin', 'dualscreen.js');
  const run = (cwd: string, args: string[]) => spawnSync(process.execPath, [BIN, 'screen', fixture('sample-manifest.csv'), '--as-of', '2026-11-28', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  /** A repository with a config at its root and a working directory two levels down. */
  function repo(config: string): { root: string; cwd: string } {
    const root = mkdtempSync(join(tmpdir(), 'dualscreen-repo-'));
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'orders', '2026'), { recursive: true });
    writeFileSync(join(root, '.dualscreen.yaml'), config);
    return { root, cwd: join(root, 'orders', '2026') };
  }

  it('is found in a parent folder up to the repository root, and every format names it and each setting it changed', () => {
    const { root, cwd } = repo('fail-on: none\nhs-scheme: cn\n');
    const json = JSON.parse(run(cwd, ['-f', 'json', '--hs-scheme', 'intl']).stdout) as { options: { config: unknown } };
    expect(json.options.config).toEqual({ path: join(root, '.dualscreen.yaml'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), changed: { 'fail-on': 'none' } });
    const text = run(cwd, []);
    expect(text.status).toBe(0); // fail-on: none
    expect(text.stdout).toMatch(/^config: \/.*\/\.dualscreen\.yaml \(sha256 [0-9a-f]{12}\) sets fail-on=none, hs-scheme=cn$/m);
    const sarif = JSON.parse(run(cwd, ['-f', 'sarif']).stdout) as { runs: { properties: { options: { config: { changed: unknown } } } }[] };
    expect(sarif.runs[0]!.properties.options.config.changed).toEqual({ 'fail-on': 'none', 'hs-scheme': 'cn' });
    const junit = run(cwd, ['-f', 'junit']).stdout;
    expect(junit).toContain(`<property name="config" value="${join(root, '.dualscreen.yaml')}"/>`);
    expect(junit).toContain('<property name="config.fail-on" value="none"/>');
    expect(run(cwd, ['-f', 'markdown']).stdout).toMatch(/^config: \/.*\/\.dualscreen\.yaml .* sets fail-on=none, hs-scheme=cn$/m);
  });

  it('says when none was found; outside a repository a parent folder is not searched', () => {
    const parent = mkdtempSync(join(tmpdir(), 'dualscreen-norepo-'));
    writeFileSync(join(parent, '.dualscreen.yaml'), 'fail-on: none\n'); // planted in a shared folder
    mkdirSync(join(parent, 'work'));
    const r = run(join(parent, 'work'), []);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^config: none \(no \.dualscreen\.yaml in .*work \(not in a repository, so parent folders are not searched\)\)$/m);
    const json = JSON.parse(run(join(parent, 'work'), ['-f', 'json']).stdout) as { options: { config: unknown } };
    expect(json.options.config).toEqual({ path: null, searched: expect.stringContaining('not in a repository') });
  });

  it.runIf(process.getuid?.() === 0)('refuses a found config file that another user owns', () => {
    const { root, cwd } = repo('fail-on: none\n');
    chownSync(join(root, '.dualscreen.yaml'), 65534, 65534);
    for (const d of [root, join(root, 'orders'), cwd]) chmodSync(d, 0o755);
    const asUser = spawnSync(process.execPath, [BIN, 'screen', fixture('sample-manifest.csv')], { cwd, encoding: 'utf8', uid: 65533, gid: 65533 });
    expect(asUser.stderr).toMatch(/config file owned by another user: not read/);
    expect(asUser.status).toBe(2);
  });

  it('init quotes what it copies from the sample: a file name with a newline adds no setting', () => {
    const name = join(mkdtempSync(join(tmpdir(), 'dualscreen-init-')), 'm\nrules: evil.csv');
    writeFileSync(name, 'Description,HS Code\nBolts,7318158000\n');
    const text = configTemplate(detectColumns(name));
    const config = validateYaml(Config, parseYaml(text, 'init.yaml'), '');
    expect(config.rules).toBeUndefined();
    expect(text).toContain('\\nrules: evil.csv"');
  });
});
