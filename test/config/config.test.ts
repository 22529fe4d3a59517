import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectColumns } from '../../src/commands/init.js';
import { loadConfig, withConfig } from '../../src/config/load.js';
import { Config } from '../../src/config/schema.js';
import { configTemplate } from '../../src/config/template.js';
import { displayPath as shown } from '../../src/input/file.js';
import { parseYaml, validateYaml } from '../../src/input/yaml.js';
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
    const config = loadConfig(path)!;
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

  it('flags the user typed win over the file; the file wins over defaults', () => {
    const path = configIn('merge', 'fail-on: review\nhs-scheme: intl\nall: true\n');
    const sources: Record<string, string> = { failOn: 'cli', hsScheme: 'default', all: 'default', config: 'cli' };
    const { options, config } = withConfig({ failOn: 'none', hsScheme: 'cn', all: false, config: path }, (name) => sources[name]);
    expect(options).toMatchObject({ failOn: 'none', hsScheme: 'intl', all: true });
    expect(config?.path).toBe(shown(path));
  });

  it('without --config and without .dualscreen.yaml here, options stay as they are', () => {
    const options = { failOn: 'prohibited' };
    expect(withConfig(options, () => 'default')).toEqual({ options });
  });

  it('reports mistakes at file:line:col', () => {
    const bad = (text: string) => () => loadConfig(tempFile('c.yaml', text));
    expect(bad('fail-on: sometimes\n')).toThrow(/c\.yaml:1:10: Invalid option: expected one of "prohibited"\|"license"\|"review"\|"none" \(fail-on\)/);
    expect(bad('map:\n  colour: Farbe\n')).toThrow(/c\.yaml:2:3: .*\(map\.colour\)|c\.yaml:2:3: unknown key "colour"/);
    expect(bad('party-review: 1.5\n')).toThrow(/c\.yaml:1:15: a score of at most 1 \(party-review\)/);
    expect(bad('format: xml\n')).toThrow(/c\.yaml:1:9: unknown format/);
    expect(bad('encoding: latin-9\n')).toThrow(/c\.yaml:1:11: unknown encoding/);
    expect(bad('failOn: license\n')).toThrow(/c\.yaml:1:1: unknown key "failOn" \(allowed: rules, map, fail-on/);
    expect(() => loadConfig(join(dir, 'none.yaml'))).toThrow(/none\.yaml: cannot read config file \(no such file\)/);
  });

  it('an empty file is an empty config', () => {
    expect(loadConfig(tempFile('empty.yaml', '# nothing yet\n'))?.values).toEqual({});
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
    const custom = detectColumns(tempFile('erp.csv', 'Pos;Materialtext;Zolltarifnummer;Empfänger\n1;Samariumoxid;2846901940;X\n'));
    expect(custom).toEqual(expect.objectContaining({ delimiter: ';', columns: { line_id: 'Pos' }, unmapped: ['Materialtext', 'Zolltarifnummer', 'Empfänger'] }));
    const text = configTemplate(custom);
    expect(text).toContain('#   "Materialtext", "Zolltarifnummer", "Empfänger"');
    expect(text).toContain('# None of the headers identifies the goods');
  });

  it('without a sample, the map is a commented example and the file is still valid', () => {
    expect(validateYaml(Config, parseYaml(configTemplate(), 'init.yaml'), '')).toEqual({ 'fail-on': 'prohibited', 'hs-scheme': 'cn' });
  });
});
