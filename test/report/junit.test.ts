/** JUnit XML: valid against Jenkins' junit-10.xsd, a test case per row, failures as --fail-on says. */
import { describe, expect, it } from 'vitest';
import { gatingVerdict } from '../../src/model/result.js';
import { SEVERITY } from '../../src/model/verdict.js';
import { xmlAttr, xmlText } from '../../src/report/junit.js';
import { finding, junitErrors, render, result, SAMPLE, screenTo, tempFile, xmlDecode } from './harness.js';

const count = (xml: string, re: RegExp): number => xml.match(re)?.length ?? 0;

describe('junit on the sample manifest', { timeout: 60_000 }, () => {
  it('validates against the JUnit schema, with a test case per row and a failure per prohibited row', async () => {
    const { out } = await screenTo('junit', [SAMPLE]);
    expect(await junitErrors(out)).toEqual([]);
    expect(count(out, /<testsuite /g)).toBe(1);
    expect(count(out, /<testcase /g)).toBe(20);
    expect(out).toContain('<testsuite name="fixtures/sample-manifest.csv" tests="20" failures="5" errors="0"');
    expect(out).toMatch(/<testcase name="SO-1002" classname="fixtures\/sample-manifest.csv">\n {6}<failure type="prohibited" message="prohibited: cn.measure.control-list, cn.dual-use.1C902.a">Samarium cobalt magnets/);
    expect(out).toContain('<testcase name="SO-1009" classname="fixtures/sample-manifest.csv"/>');
    // a license row below --fail-on passes, its findings kept as output
    expect(out).toMatch(/<testcase name="SO-1001" classname="[^"]+">\n {6}<system-out>Dysprosium oxide/);
  });

  it('fails the rows at or above --fail-on, and none with --fail-on none', async () => {
    const failures = async (failOn: 'license' | 'review' | 'none'): Promise<number> => count((await screenTo('junit', [SAMPLE], { failOn })).out, /<failure /g);
    expect(await failures('license')).toBe(10);
    expect(await failures('review')).toBe(15);
    expect(await failures('none')).toBe(0);
  });

  it('does not fail a row whose findings are waived', async () => {
    const { out } = await screenTo('junit', [SAMPLE], { waivers: 'fixtures/gate/waivers.yaml', failOn: 'review' });
    const json = JSON.parse((await screenTo('json', [SAMPLE], { waivers: 'fixtures/gate/waivers.yaml' })).out) as { rows: { lineId: string; findings: { waived?: unknown }[] }[] };
    const waivedOnly = json.rows.filter((r) => r.findings.length > 0 && r.findings.every((f) => f.waived)).map((r) => r.lineId);
    expect(waivedOnly.length).toBeGreaterThan(0);
    for (const id of waivedOnly) expect(out).toMatch(new RegExp(`<testcase name="${id}" classname="[^"]+">\\n {6}<system-out>`));
    expect(await junitErrors(out)).toEqual([]);
  });

  it('makes each rejected line an error test case and each input a test suite', async () => {
    const broken = tempFile('broken.csv', 'Line ID,Description,HS Code,Destination\nA,Bolts,7318158000,JP\nB,"unclosed,7318160000,JP\n');
    const { out, code } = await screenTo('junit', [SAMPLE, broken]);
    expect(code).toBe(2);
    expect(await junitErrors(out)).toEqual([]);
    expect(count(out, /<testsuite /g)).toBe(2);
    expect(out).toMatch(/<testcase name="line 3" classname="[^"]*broken.csv">\n {6}<error type="rejected" message="[^"]*unclosed quote/);
    expect(out).toMatch(/<testsuites name="dualscreen" tests="22" failures="5" errors="1">/);
  });
});

describe('junit escaping', () => {
  it('escapes markup and keeps whitespace in attributes', () => {
    expect(xmlText('a < b && c > d ]]>')).toBe('a &lt; b &amp;&amp; c &gt; d ]]&gt;');
    expect(xmlAttr('"x"\n\ty\r')).toBe('&quot;x&quot;&#10;&#9;y&#13;');
    expect(xmlDecode(xmlAttr('"x"\n\ty\r <&>'))).toBe('"x"\n\ty\r <&>');
  });

  it('strips characters XML 1.0 forbids, and keeps emoji and CJK', () => {
    expect(xmlText('a\u0000b\u0001c\u001fd\ufffe\uffff\ud800e')).toBe('abcde');
    expect(xmlText('氧化钐 🧲 酸化サマリウム')).toBe('氧化钐 🧲 酸化サマリウム');
  });

  it('names a row by its line id, or by its line when it has none', async () => {
    const f = finding({ verdict: 'prohibited' });
    const xml = render('junit', { results: [result({ line_id: 'SO-1', description: 'a' }, [f]), result({ description: 'b' }, [f], { line: 5 })] });
    expect(await junitErrors(xml)).toEqual([]);
    expect(xml).toContain('<testcase name="SO-1" classname="m.csv">');
    expect(xml).toContain('<testcase name="line 5" classname="m.csv">');
  });

  it('uses the gating verdict: a waived prohibited finding does not fail', () => {
    const r = result({ description: 'a' }, [finding({ verdict: 'prohibited', waived: { waiverId: 'W-1', reason: 'memo', approvedBy: 'Li Wei', expires: '2027-01-01' } })]);
    expect(SEVERITY[gatingVerdict(r)]).toBe(0);
    const xml = render('junit', { results: [r] });
    expect(xml).not.toContain('<failure');
    expect(xml).toContain('waived by W-1 (memo; approved by Li Wei, expires 2027-01-01)');
  });
});
