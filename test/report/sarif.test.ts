/** SARIF 2.1.0: valid against the OASIS schema, one rule per rule id that fired, results at file and line. */
import { beforeAll, describe, expect, it } from 'vitest';
import { rowFingerprint } from '../../src/model/row.js';
import { AS_OF, finding, render, result, SAMPLE, sarifErrors, screenTo, tempFile } from './harness.js';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri?: string; description?: { text: string } }; region: { startLine: number } } }[];
  partialFingerprints: Record<string, string>;
  suppressions?: { kind: string; justification: string }[];
  baselineState?: string;
}
interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri?: string; rules: { id: string; helpUri?: string; help: { text: string }; defaultConfiguration: { level: string } }[] } };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[];
    artifacts: { location: { uri: string }; hashes: Record<string, string> }[];
    results: SarifResult[];
    properties: { asOf: string };
  }[];
}

interface JsonReport {
  rows: { line: number; lineId: string; verdict: string; fingerprint: string; findings: { ruleId: string; verdict: string; sourceUrl?: string; waived?: { reason: string } }[] }[];
}

const LEVEL: Record<string, string> = { prohibited: 'error', license: 'warning', review: 'note' };

describe('sarif on the sample manifest', { timeout: 60_000 }, () => {
  let log: SarifLog;
  let json: JsonReport;
  let run: SarifLog['runs'][number];
  let code: number;
  beforeAll(async () => {
    const sarif = await screenTo('sarif', [SAMPLE]);
    log = JSON.parse(sarif.out) as SarifLog;
    code = sarif.code;
    json = JSON.parse((await screenTo('json', [SAMPLE])).out) as JsonReport;
    run = log.runs[0]!;
  });

  it('validates against the SARIF 2.1.0 schema', () => {
    expect(sarifErrors(log)).toEqual([]);
    expect(log.version).toBe('2.1.0');
    expect(code).toBe(1);
  });

  it('has one reporting rule per rule id that fired, with its source URL as helpUri where known', () => {
    const fired = new Set(json.rows.flatMap((r) => r.findings.map((f) => f.ruleId)));
    expect(run.tool.driver.rules.map((r) => r.id).sort()).toEqual([...fired].sort());
    const control = run.tool.driver.rules.find((r) => r.id === 'cn.measure.control-list')!;
    expect(control.helpUri).toMatch(/^http:\/\/exportcontrol\.mofcom\.gov\.cn\//);
    expect(control.help.text).toContain('MOFCOM Announcement 2026 No. 11');
    expect(control.defaultConfiguration.level).toBe('error');
    expect(run.tool.driver).toMatchObject({ name: 'dualscreen', version: '0.1.0' });
    expect(run.tool.driver.informationUri).toBeUndefined();
  });

  it('has a result per finding at the manifest file and the row line, with its level and the row fingerprint', () => {
    const expected = json.rows.flatMap((r) => r.findings.map((f) => ({ ruleId: f.ruleId, level: LEVEL[f.verdict], line: r.line, fp: r.fingerprint })));
    expect(
      run.results.map((r) => ({
        ruleId: r.ruleId,
        level: r.level,
        line: r.locations[0]!.physicalLocation.region.startLine,
        fp: r.partialFingerprints['dualscreenRow/v1'],
      })),
    ).toEqual(expected);
    for (const r of run.results) {
      expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe(SAMPLE);
      expect(run.tool.driver.rules[r.ruleIndex]!.id).toBe(r.ruleId);
    }
    expect(run.results.find((r) => r.ruleId === 'cn.measure.control-list')!.message.text).toMatch(/^SO-1002 \(Samarium cobalt magnets SmCo 2:17\): prohibited/);
  });

  it('ranks rules for code scanning (security-severity by verdict) and flags each result’s military or listed-party nexus', () => {
    const rules = run.tool.driver.rules as unknown as { id: string; properties: { verdict: string; 'security-severity': string } }[];
    const severity = (id: string): number => Number(rules.find((r) => r.id === id)!.properties['security-severity']);
    expect(severity('cn.measure.control-list')).toBeGreaterThan(severity('cn.dual-use.1C905.b'));
    expect(severity('cn.dual-use.1C905.b')).toBeGreaterThan(severity('cn.dual-use.1C908.a'));
    for (const r of rules) expect(Number(r.properties['security-severity'])).toBeGreaterThan(0);
    const nexus = (lineId: string) => (run.results as unknown as { properties: { lineId: string; nexus: unknown } }[]).find((r) => r.properties.lineId === lineId)!.properties.nexus;
    expect(nexus('SO-1002')).toEqual({ military: false, listedParty: 'control' });
    expect(nexus('SO-1012')).toEqual({ military: true, listedParty: null });
    expect(nexus('SO-1001')).toEqual({ military: false, listedParty: null });
  });

  it('records the as-of date and the input hash', () => {
    expect(run.properties.asOf).toBe(AS_OF);
    expect(run.artifacts).toEqual([expect.objectContaining({ location: { uri: SAMPLE }, hashes: { 'sha-256': expect.stringMatching(/^[0-9a-f]{64}$/) } })]);
    expect(run.invocations[0]!.executionSuccessful).toBe(true);
  });
});

describe('sarif with waivers, licences and a baseline', () => {
  it('reports waived findings as external suppressions with the waiver reason, and stays valid', { timeout: 60_000 }, async () => {
    const options = { waivers: 'fixtures/gate/waivers.yaml' };
    const log = JSON.parse((await screenTo('sarif', [SAMPLE], options)).out) as SarifLog;
    const json = JSON.parse((await screenTo('json', [SAMPLE], options)).out) as JsonReport;
    expect(sarifErrors(log)).toEqual([]);
    const waived = json.rows.flatMap((r) => r.findings.filter((f) => f.waived).map((f) => ({ ruleId: f.ruleId, suppressions: [{ kind: 'external', justification: f.waived!.reason }] })));
    expect(waived.length).toBeGreaterThan(0);
    expect(log.runs[0]!.results.filter((r) => r.suppressions).map((r) => ({ ruleId: r.ruleId, suppressions: r.suppressions }))).toEqual(waived);
  });

  it('marks licence cover as a suppression and the baseline state of each finding', () => {
    const covered = finding({ verdict: 'license', ruleId: 'cn.dual-use.1C902.b', coveredBy: { licence: 'LIC-2026-0042' } });
    const known = finding({ verdict: 'review', ruleId: 'cn.dual-use.1C908.a', baseline: 'known' });
    const fresh = finding({ verdict: 'prohibited', ruleId: 'cn.measure.control-list', baseline: 'new' });
    const log = JSON.parse(render('sarif', { results: [result({ description: 'Samarium oxide' }, [covered, known, fresh])] })) as SarifLog;
    expect(sarifErrors(log)).toEqual([]);
    const [a, b, c] = log.runs[0]!.results;
    expect(a!.suppressions).toEqual([{ kind: 'external', justification: 'covered by licence LIC-2026-0042' }]);
    expect(b!.baselineState).toBe('unchanged');
    expect(c!.baselineState).toBe('new');
  });
});

describe('sarif locations', () => {
  it('percent-encodes paths with spaces and CJK names, and describes standard input without a URI', () => {
    const f = finding({ verdict: 'license' });
    const log = JSON.parse(
      render('sarif', {
        results: [result({ description: 'a' }, [f], { input: 'orders/出口 批次#1.csv', line: 7 }), result({ description: 'b' }, [f], { input: '-', line: 3 })],
        errors: [{ input: 'orders/出口 批次#1.csv', line: 9, message: 'unclosed quote' }],
      }),
    ) as SarifLog;
    expect(sarifErrors(log)).toEqual([]);
    const [file, stdin] = log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation);
    expect(file).toEqual({ artifactLocation: { uri: 'orders/%E5%87%BA%E5%8F%A3%20%E6%89%B9%E6%AC%A1%231.csv' }, region: { startLine: 7 } });
    expect(decodeURIComponent(file!.artifactLocation.uri!)).toBe('orders/出口 批次#1.csv');
    expect(stdin).toEqual({ artifactLocation: { description: { text: 'standard input' } }, region: { startLine: 3 } });
    const invocation = log.runs[0]!.invocations[0]!;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications[0]!.message.text).toContain('unclosed quote');
  });

  it('uses the row fingerprint that baselines and waivers use', () => {
    const r = result({ description: 'Samarium oxide', hs_code: '2846901940' }, [finding({ verdict: 'license' })]);
    const log = JSON.parse(render('sarif', { results: [r] })) as SarifLog;
    expect(log.runs[0]!.results[0]!.partialFingerprints).toEqual({ 'dualscreenRow/v1': rowFingerprint(r.row) });
  });

  it('leaves out a help URI that is not an absolute web URL', () => {
    const log = JSON.parse(render('sarif', { results: [result({ description: 'a' }, [finding({ verdict: 'review', sourceUrl: 'javascript:alert(1)' })])] })) as SarifLog;
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0]!.tool.driver.rules[0]!.helpUri).toBeUndefined();
  });

  it('is valid for a run with nothing flagged', async () => {
    const path = tempFile('clear.csv', 'Line ID,Description,HS Code,Destination\nA,Cotton T-shirts,6109100000,JP\n');
    const { out, code } = await screenTo('sarif', [path]);
    const log = JSON.parse(out) as SarifLog;
    expect(sarifErrors(log)).toEqual([]);
    expect(log.runs[0]!.results).toEqual([]);
    expect(code).toBe(0);
  });
});
