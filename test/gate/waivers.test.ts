import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintWaivers } from '../../src/commands/waivers.js';
import { applyWaivers, loadWaivers, parseWaivers, waiverCovers, type WaiverSet } from '../../src/gate/waivers.js';
import { rowFingerprint } from '../../src/manifest/row.js';
import { gatingVerdict, type Result } from '../../src/model/result.js';
import { byLineId, fixture, SAMPLE, screenFile, tempFile } from './screen-fixture.js';

const WAIVERS = fixture('gate/waivers.yaml');
const PROBLEMS = fixture('gate/waivers-problems.yaml');
const BASELINE = fixture('gate/baseline.json');

const waive = (results: Result[], set: WaiverSet, asOf: string): Result[] =>
  results.map((r) => applyWaivers(r, { fingerprint: rowFingerprint(r.row), values: r.row.values }, set, asOf));

const parse = (yaml: string): WaiverSet => parseWaivers(yaml, { path: 'w.yaml', sha256: '' });

describe('waivers file', () => {
  it('reads the fixture: three waivers, each with its position', () => {
    const set = loadWaivers(WAIVERS);
    expect(set.problems).toEqual([]);
    expect(set.waivers.map((w) => [w.id, w.at])).toEqual([
      ['W-2026-001', 'fixtures/gate/waivers.yaml:5:5'],
      ['W-2026-002', 'fixtures/gate/waivers.yaml:13:5'],
      ['W-2026-003', 'fixtures/gate/waivers.yaml:20:5'],
    ]);
    expect(set.waivers[2]).toMatchObject({ hs_code: '28469019', expires: '2026-12-15' });
  });

  it('reports each malformed entry at file:line:col and keeps the others', () => {
    const set = loadWaivers(PROBLEMS);
    expect(set.problems).toEqual([
      expect.stringMatching(/^fixtures\/gate\/waivers-problems\.yaml:15:5: a waiver needs at least one of fingerprint, line_id, party, hs_code, description besides its rule/),
      'fixtures/gate/waivers-problems.yaml:20:5: required (waivers.3.approved_by)',
      'fixtures/gate/waivers-problems.yaml:37:9: duplicate waiver id "W-2026-007" (first at fixtures/gate/waivers-problems.yaml:25:5)',
    ]);
    expect(set.waivers.map((w) => w.id)).toEqual(['W-2025-090', 'W-2026-004', 'W-2026-007', 'W-2026-008', 'W-2026-007']);
  });

  it('says what is wrong with a field, where', () => {
    const base = 'waivers:\n  - id: W-1\n    rule: cn.dual-use.1C902.b\n    reason: r\n    approved_by: a\n';
    expect(parse(`${base}    expires: 2027-02-30\n    line_id: L1\n`).problems).toEqual(['w.yaml:6:14: not a calendar date (waivers.0.expires)']);
    expect(parse(`${base}    expires: 2027-01-01\n    hs_code: 2846901940\n`).problems[0]).toMatch(/^w\.yaml:7:14: an HS code must be a quoted string/);
    expect(parse(`${base}    expires: 2027-01-01\n    fingerprint: SO-1001\n`).problems[0]).toMatch(/^w\.yaml:7:18: a row fingerprint is 16 hex digits/);
    expect(parse(`${base}    expires: 2027-01-01\n    line: L1\n`).problems[0]).toMatch(/^w\.yaml:7:5: unknown key "line" \(allowed: id, rule, fingerprint, line_id/);
    expect(parse('waiver: []\n').problems).toEqual(['w.yaml:1:1: required: the list of waivers (waivers)', 'w.yaml:1:1: unknown key "waiver" (allowed: waivers)']);
    expect(() => parse('waivers:\n  - id: [\n')).toThrow(/^w\.yaml:\d+:\d+: YAML: /);
  });
});

describe('applying waivers', { timeout: 30_000 }, () => {
  it('marks the findings it covers waived, with reason, approver and expiry; they no longer count', async () => {
    const results = waive(await screenFile(SAMPLE), loadWaivers(WAIVERS), '2026-11-28');
    const yttrium = byLineId(results, 'SO-1008');
    expect(yttrium.findings[0]!.waived).toEqual({
      waiverId: 'W-2026-001',
      reason: 'Al-5Y aluminium master alloy (5 % yttrium), classified outside 1C908.a by classification memo CL-2026-117',
      approvedBy: 'Li Wei, Head of Trade Compliance',
      expires: '2027-06-30',
    });
    expect(yttrium.verdict).toBe('review'); // still reported as found
    expect(gatingVerdict(yttrium)).toBe('clear');
    // by fingerprint: only the rule named, not the row's other findings
    const lutetium = byLineId(results, 'SO-1019');
    expect(lutetium.findings.map((f) => [f.ruleId, f.waived?.waiverId ?? null])).toEqual([
      ['cn.dual-use.1C906.a', 'W-2026-002'],
      ['cn.dual-use.1C906.b', null],
      ['dualscreen.data.invalid-hs-code', null],
    ]);
    expect(gatingVerdict(lutetium)).toBe('review');
    // by HS code (written with dots) and party
    expect(byLineId(results, 'SO-1017').findings.find((f) => f.ruleId === 'cn.dual-use.1C907.a')?.waived?.waiverId).toBe('W-2026-003');
    expect(results.flatMap((r) => r.findings).filter((f) => f.waived)).toHaveLength(3);
  });

  it('an expired waiver waives nothing and is itself a finding at the level of the one it covered', async () => {
    const results = waive(await screenFile(SAMPLE, '2026-12-16'), loadWaivers(WAIVERS), '2026-12-16');
    const scandium = byLineId(results, 'SO-1017');
    expect(scandium.findings.map((f) => `${f.verdict} ${f.ruleId}${f.waived ? ' waived' : ''}`)).toEqual([
      'review cn.dual-use.1C907.a',
      'review dualscreen.waiver.expired',
      'review cn.dual-use.1C907.b',
    ]);
    expect(scandium.findings[1]).toMatchObject({
      message: expect.stringMatching(/^waiver W-2026-003 for cn\.dual-use\.1C907\.a expired on 2026-12-15, so the finding counts again/),
      source: 'waivers file fixtures/gate/waivers.yaml:20:5',
      evidence: [{ field: 'waiver', value: 'W-2026-003', matched: 'cn.dual-use.1C907.a', kind: 'data' }],
    });
    // the other two are still in force
    expect(byLineId(results, 'SO-1008').findings[0]!.waived?.waiverId).toBe('W-2026-001');
  });

  it('all selectors given must match; party names are compared as names, never fuzzily', () => {
    const [w] = parse(
      'waivers:\n  - id: W\n    rule: R\n    line_id: L1\n    party: Hanbit Materials Co., Ltd.\n    reason: r\n    approved_by: a\n    expires: 2027-01-01\n',
    ).waivers;
    const row = (values: Record<string, string>) => ({ fingerprint: '0000000000000000', values });
    expect(waiverCovers(w!, row({ line_id: 'L1', consignee: 'HANBIT MATERIALS CO LTD' }), 'R')).toBe(true);
    expect(waiverCovers(w!, row({ line_id: 'L1', end_user: 'Hanbit Materials Co. Ltd.' }), 'R')).toBe(true);
    expect(waiverCovers(w!, row({ line_id: 'L1', consignee: 'Hanbit Materials Co. Ltd.' }), 'R2')).toBe(false);
    expect(waiverCovers(w!, row({ line_id: 'L2', consignee: 'Hanbit Materials Co. Ltd.' }), 'R')).toBe(false);
    expect(waiverCovers(w!, row({ line_id: 'L1', consignee: 'Hanbit Material Co. Ltd.' }), 'R')).toBe(false);
    expect(waiverCovers(w!, row({ line_id: 'L1', consignee: 'Hanbit Materials Korea Co. Ltd.' }), 'R')).toBe(false);
  });
});

describe('dualscreen waivers lint', { timeout: 30_000 }, () => {
  const lint = (file: string, extra: { report?: string; asOf?: string } = {}) => {
    let out = '';
    const code = lintWaivers({ file, asOf: extra.asOf ?? '2026-11-28', warnDays: 30, report: extra.report, write: (t) => (out += t) });
    return { code, lines: out.trimEnd().split('\n') };
  };

  it('finds malformed entries, unknown rules, past and near expiry, and waivers that matched nothing in the last run', () => {
    const { code, lines } = lint(PROBLEMS, { report: BASELINE });
    expect(code).toBe(1);
    const at = (n: string): string => `fixtures/gate/waivers-problems.yaml:${n}`;
    expect(lines).toEqual([
      `${at('3:5')}: error: W-2025-090: expired on 2026-06-30: renew the approval or remove the waiver`,
      `${at('3:5')}: warning: W-2025-090: selects rows by line id only: any later row that reuses "SO-1008" is waived too; add fingerprint, party, hs_code, description (what the row holds)`,
      `${at('9:5')}: error: W-2026-004: unknown rule "cn.dual-use.1C999.z" (not in the loaded rule packs or dualscreen's own rules)`,
      `${at('9:5')}: error: W-2026-004: matched no finding in fixtures/gate/baseline.json: check its selectors, or remove it`,
      `${at('9:5')}: warning: W-2026-004: selects rows by line id only: any later row that reuses "SO-1017" is waived too; add fingerprint, party, hs_code, description (what the row holds)`,
      expect.stringMatching(new RegExp(`^${at('15:5')}: error: a waiver needs at least one of`)),
      `${at('20:5')}: error: required (waivers.3.approved_by)`,
      `${at('25:5')}: warning: W-2026-007: expires on 2026-12-10, within 30 days of 2026-11-28`,
      `${at('31:5')}: error: W-2026-008: matched no finding in fixtures/gate/baseline.json: check its selectors, or remove it`,
      `${at('37:9')}: error: duplicate waiver id "W-2026-007" (first at ${at('25:5')})`,
      `${at('37:5')}: warning: W-2026-007: selects rows by line id only: any later row that reuses "SO-1019" is waived too; add fingerprint, party, hs_code, description (what the row holds)`,
      'fixtures/gate/waivers-problems.yaml: 5 waivers read, 7 errors, 4 warnings',
    ]);
  });

  it('passes the fixture with a warning for the waiver that expires within 30 days', () => {
    const { code, lines } = lint(WAIVERS, { report: BASELINE });
    expect(code).toBe(0);
    expect(lines).toEqual([
      'fixtures/gate/waivers.yaml:20:5: warning: W-2026-003: expires on 2026-12-15, within 30 days of 2026-11-28',
      'fixtures/gate/waivers.yaml: 3 waivers read, 0 errors, 1 warning',
    ]);
  });

  it("knows the engine's own rule ids, and refuses to waive the gate's", () => {
    const file = tempFile(
      'w.yaml',
      readFileSync(WAIVERS, 'utf8')
        .replace('cn.dual-use.1C908.a', 'dualscreen.data.invalid-hs-code')
        .replace('cn.dual-use.1C906.a', 'dualscreen.licence.overdrawn'),
    );
    const { code, lines } = lint(file);
    expect(code).toBe(1);
    expect(lines.filter((l) => l.includes(': error: '))).toEqual([expect.stringMatching(/W-2026-002: rule "dualscreen\.licence\.overdrawn" is raised by dualscreen's own gating and cannot be waived$/)]);
  });
});
