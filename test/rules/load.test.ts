import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulePackJsonSchema } from '../../src/rules/json-schema.js';
import { findRuleFiles, loadRulePacks, DEFAULT_RULES_DIR } from '../../src/rules/load.js';

const dir = mkdtempSync(join(tmpdir(), 'dualscreen-rules-'));
let n = 0;
function pack(yaml: string): string {
  const path = join(dir, `p${n++}.yaml`);
  writeFileSync(path, yaml);
  return path;
}

const HEAD = `id: t
version: "1"
dataAsOf: 2026-11-28
title: T
sources:
  - { id: S, title: Source, date: 2025-04-04 }
`;

const error = (yaml: string): string => {
  try {
    loadRulePacks([pack(yaml)]);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('expected the pack to be refused');
};

describe('rule pack errors name file:line:col', () => {
  it('a YAML syntax error', () => {
    expect(error(`${HEAD}items: [\n`)).toMatch(/p\d+\.yaml:\d+:\d+: YAML:/);
  });

  it('an unknown key, at the key', () => {
    expect(error(`${HEAD}items:\n  - id: cn.x.a\n    controlCode: "1C902"\n    title: { en: X }\n    source: S\n    effective: { from: 2025-04-04 }\n    colour: red\n`)).toMatch(
      /:13:5: unknown key "colour"/,
    );
  });

  it('an unquoted control code that YAML reads as a number', () => {
    expect(error(`${HEAD}items:\n  - id: cn.x.a\n    controlCode: 2E902\n    title: { en: X }\n    source: S\n    effective: { from: 2025-04-04 }\n`)).toMatch(
      /:9:18: a control code must be a quoted string/,
    );
  });

  it('a malformed date', () => {
    expect(error(HEAD.replace('dataAsOf: 2026-11-28', 'dataAsOf: 2026-13-01'))).toMatch(/:3:11: not a calendar date/);
  });

  it('a source that the pack does not declare', () => {
    expect(error(`${HEAD}items:\n  - id: cn.x.a\n    controlCode: "1C902"\n    title: { en: X }\n    source: NOPE\n    effective: { from: 2025-04-04 }\n`)).toMatch(
      /:11:13: source "NOPE" is not one of this pack's sources/,
    );
  });

  it('a LOW-confidence measure that would prohibit', () => {
    const yaml = `${HEAD}measures:\n  - id: cn.measure.x\n    title: X\n    verdict: prohibited\n    message: m\n    source: S\n    confidence: LOW\n    effective: { from: 2025-04-04 }\n    when: { nexus: JP }\n`;
    expect(error(yaml)).toMatch(/:10:14: measure cn.measure.x has LOW confidence: it may only raise "review"/);
  });

  it('an item nothing can match', () => {
    expect(error(`${HEAD}items:\n  - id: cn.x.a\n    title: { en: X }\n    source: S\n    effective: { from: 2025-04-04 }\n`)).toMatch(/has no control code, HS code, CAS number or keyword/);
  });

  it('a party name split by a comma in a flow list', () => {
    const yaml = `${HEAD}parties:\n  - id: cn.control-list.x\n    list: control\n    country: JP\n    names: { en: [Foo Industries, Ltd.] }\n    listed: 2026-02-24\n    source: S\n`;
    expect(error(yaml)).toMatch(/party name "Ltd\." has no distinctive words/);
  });

  it('ship prefixes on a party that is not a military user, and a prefix not in capitals', () => {
    const party = (list: string, prefix: string) =>
      `${HEAD}parties:\n  - id: cn.x.navy\n    list: ${list}\n    country: US\n    names: { en: [Example Navy] }\n    listed: 2026-02-24\n    source: S\n    ships:\n      prefixes: [{ prefix: ${prefix} }]\n      source: S\n`;
    expect(error(party('control', 'USS'))).toMatch(/p\d+\.yaml:15:7: party cn\.x\.navy is on the control list: only a military user's ships name it/);
    expect(error(party('military-user', 'Uss'))).toMatch(/p\d+\.yaml:15:28: a ship prefix in capitals/);
  });

  it("a party's address: a pattern that is no regular expression, an address with neither text nor pattern, an undeclared source", () => {
    const party = (address: string): string =>
      `${HEAD}parties:\n  - id: jp.military-user.x\n    list: military-user\n    country: JP\n    names: { en: [Foo Command] }\n    source: S\n    addresses:\n${address}`;
    expect(error(party(`      - { pattern: "(apo", label: L, source: S }\n`))).toMatch(/p\d+\.yaml:14:\d+: not a valid regular expression/);
    expect(error(party(`      - { label: L, source: S }\n`))).toMatch(/p\d+\.yaml:14:\d+: .*either `text` or `pattern`/);
    expect(error(party(`      - { text: 市谷本村町5-1, label: L, source: NOPE }\n`))).toMatch(/p\d+\.yaml:14:\d+: source "NOPE" is not one of this pack's sources/);
  });

  it('a suspension that ends before it starts', () => {
    const yaml = `${HEAD}items:\n  - id: cn.x.a\n    controlCode: "1C902"\n    title: { en: X }\n    source: S\n    effective: { from: 2025-04-04 }\n    suspended: [{ from: 2025-11-07, to: 2025-11-01, source: S }]\n`;
    expect(error(yaml)).toMatch(/end date 2025-11-01 is before start date 2025-11-07/);
  });

  it('an alias bomb is bounded by the YAML parser', () => {
    const bomb = `${HEAD}a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`;
    expect(error(bomb)).toMatch(/YAML: .*(alias|Excessive)/i);
  });

  it('ids must be unique across packs', () => {
    const item = `items:\n  - id: cn.x.same\n    controlCode: "1C902"\n    title: { en: X }\n    source: S\n    effective: { from: 2025-04-04 }\n`;
    const a = pack(`${HEAD}${item}`);
    const b = pack(`${HEAD.replace('id: t', 'id: t2')}${item}`);
    expect(() => loadRulePacks([a, b])).toThrow(/id "cn.x.same" is also defined at .*p\d+\.yaml:8:9/);
  });

  it('an item may name a phrase set of another pack; one that no pack defines, or one defined twice, stops the run at its line', () => {
    const sets = pack(`${HEAD.replace('id: t', 'id: t-sets')}phraseSets:\n  - { id: devices, source: S, phrases: [TO-247, transistor] }\n`);
    const item = (set: string) => `items:\n  - id: cn.x.set-${set}\n    controlCode: "3C001"\n    title: { en: X }\n    source: S\n    effective: { from: 2025-04-04 }\n    excludedWithSets: [${set}]\n`;
    const uses = pack(`${HEAD.replace('id: t', 'id: t-uses')}${item('devices')}`);
    expect(loadRulePacks([sets, uses]).map((lp) => lp.pack.id)).toEqual(['t-sets', 't-uses']);
    const unknown = pack(`${HEAD.replace('id: t', 'id: t-unknown')}${item('packages')}`);
    expect(() => loadRulePacks([sets, unknown])).toThrow(/p\d+\.yaml:13:24: phrase set "packages" is not defined in any loaded pack/);
    // a set of parts (partSets) is looked up the same way (helper r18b)
    const parts = pack(`${HEAD.replace('id: t', 'id: t-parts')}${item('devices').replace('excludedWithSets: [devices]', 'partSets: [drone-parts]')}`);
    expect(() => loadRulePacks([sets, parts])).toThrow(/p\d+\.yaml:13:16: phrase set "drone-parts" is not defined in any loaded pack/);
    const twice = pack(`${HEAD.replace('id: t', 'id: t-twice')}phraseSets:\n  - { id: devices, source: S, phrases: [QFN] }\n`);
    expect(() => loadRulePacks([sets, twice])).toThrow(/phrase set "devices" is also defined at .*p\d+\.yaml/);
  });

  it('a phrase set of patterns ({}) is named in exclusionSets, never in excludedWithSets, whose phrases count with no keyword beside them', () => {
    const sets = pack(`${HEAD.replace('id: t', 'id: t-patterns')}phraseSets:\n  - { id: dopant, source: S, phrases: ["{}-doped", "掺{}"] }\n`);
    const item = (field: string) => `items:\n  - id: cn.x.${field.toLowerCase()}\n    controlCode: "3C001"\n    title: { en: X }\n    source: S\n    effective: { from: 2025-04-04 }\n    keywords: { en: [gallium] }\n    ${field}: [dopant]\n`;
    const uses = pack(`${HEAD.replace('id: t', 'id: t-exclusion-sets')}${item('exclusionSets')}`);
    expect(loadRulePacks([sets, uses]).map((lp) => lp.pack.id)).toEqual(['t-patterns', 't-exclusion-sets']);
    const wrong = pack(`${HEAD.replace('id: t', 'id: t-wrong-field')}${item('excludedWithSets')}`);
    expect(() => loadRulePacks([sets, wrong])).toThrow(/p\d+\.yaml:14:24: phrase set "dopant" holds patterns \(\{\}\) that stand for keywords: name it in exclusionSets/);
    const unknown = pack(`${HEAD.replace('id: t', 'id: t-unknown-set')}${item('exclusionSets').replace('[dopant]', '[coating]')}`);
    expect(() => loadRulePacks([sets, unknown])).toThrow(/phrase set "coating" is not defined in any loaded pack/);
  });
});

describe('the bundled packs', () => {
  const files = findRuleFiles([DEFAULT_RULES_DIR]);

  it('all load, and every pack has a self-test manifest beside it', () => {
    const packs = loadRulePacks();
    expect(packs.length).toBe(files.length);
    for (const f of files) expect(readdirSync(join(f, '..'))).toContain(f.split('/').at(-1)!.replace(/\.yaml$/, '.test.csv'));
  });

  it('every pack names the committed JSON Schema on its first line', () => {
    for (const f of files) expect(readFileSync(f, 'utf8').split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=(\.\.\/)+schema\/rule-pack\.schema\.json$/);
  });

  it('the committed JSON Schema is the one the zod schema generates', () => {
    expect(readFileSync(join(DEFAULT_RULES_DIR, 'schema', 'rule-pack.schema.json'), 'utf8')).toBe(rulePackJsonSchema());
  });

  it('every entry names a source with a date, and LOW entries never block', () => {
    for (const { pack } of loadRulePacks()) {
      for (const s of pack.sources) expect(s.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const m of pack.measures) if (m.confidence === 'LOW') expect(m.verdict).toBe('review');
    }
  });
});
