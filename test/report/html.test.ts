/** The HTML report as text: every input escaped, nothing fetched, clear rows counted but not listed, rows as data in triage order. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeRow } from '../../src/manifest/row.js';
import type { Finding, Result } from '../../src/model/result.js';
import { type RowValues } from '../../src/model/row.js';
import type { RunWarning } from '../../src/model/run.js';
import type { Verdict } from '../../src/model/verdict.js';
import { htmlReporter } from '../../src/report/html.js';
import { GateCollector } from '../../src/report/outcome.js';
import type { RunInfo, Summary } from '../../src/report/types.js';

const HOSTILE = {
  description: '<img src=x onerror=alert(1)>',
  lineId: '"><svg onload=alert(2)>',
  consignee: '</script><script>alert(3)</script>',
  destination: "<b onclick='alert(4)'>XX</b>",
};

const run: RunInfo = {
  tool: { name: 'dualscreen', version: '0.1.0' },
  generatedAt: '2026-11-28T00:00:00.000Z',
  asOf: '2026-11-28',
  options: { failOn: 'prohibited', map: { description: '<i>Desc</i>' } },
  rulePacks: [{ id: 'p', version: '1', dataAsOf: '2026-11-28', title: 't', path: 'rules/<p>.yaml', sha256: 'a'.repeat(64) }],
  ruleDataAsOf: '2026-11-28',
};

const warnings: RunWarning[] = [
  { code: 'W-DATA-STALE', text: { id: 'warning.data-stale', params: { asOf: '</script>', dataAsOf: '2026-11-28' } }, message: '</script> in a warning' },
];

function result(values: RowValues, verdict: Verdict, findings: Finding[] = []): Result {
  return { row: makeRow('<i>m.csv', 1, 2, values, {}, 'cn'), verdict, findings, notes: verdict === 'clear' ? [] : ['note <u>x</u>'] };
}

const finding = (sourceUrl: string): Finding => ({
  ruleId: 'cn.dual-use.1C902.b',
  verdict: 'license',
  message: 'licence <required>',
  source: 'MOFCOM & GACC',
  sourceUrl,
  evidence: [{ field: 'description', value: HOSTILE.description, matched: '<b>', kind: 'keyword' }],
});

function render(results: Result[], all = false): string {
  let html = '';
  const reporter = htmlReporter({ all, color: false, write: (t) => (html += t) });
  reporter.begin(run);
  const summary: Summary = { rows: results.length, rejected: 1, prohibited: 0, license: 0, review: 0, clear: 0 };
  const gate = new GateCollector('prohibited');
  for (const r of results) {
    summary[r.verdict]++;
    gate.add(r);
    reporter.result(r);
  }
  reporter.error({ input: 'm.csv', line: 9, message: 'unclosed quote <here>' });
  reporter.end(summary, [{ path: '<i>m.csv', sha256: 'b'.repeat(64), encoding: 'utf-8', rows: results.length + 1, rejected: 1 }], { gate: gate.gate(), warnings });
  return html;
}

/** A JSON block of the page, as its script reads it. */
function data<T>(html: string, id: string): T {
  const text = new RegExp(`<script type="application/json" id="${id}">([\\s\\S]*?)</script>`).exec(html)![1]!;
  return JSON.parse(text) as T;
}

/** [verdict, nexus, file, line, line id, description, …] */
type Rows = [number, number[], number, number, string, string, ...unknown[]][];

const hostileRow = result(
  { description: HOSTILE.description, line_id: HOSTILE.lineId, consignee: HOSTILE.consignee, destination_country: HOSTILE.destination, hs_code: '2846901940' },
  'license',
  [finding('https://example.org/a?b=1&c=2'), finding('javascript:alert(5)')],
);

describe('html report', () => {
  const html = render([hostileRow, result({ description: 'Cotton', destination_country: 'JP' }, 'clear'), result({ description: 'Tea', destination_country: 'JP' }, 'clear')]);

  it('renders hostile input as text, never as markup', () => {
    // one script runs; the rows and sources are JSON data in which no < can close the element
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.match(/<script type="application\/json" id="[a-z-]+">/g)).toHaveLength(2);
    expect(html.match(/<\/script>/g)).toHaveLength(3);
    expect(data<Rows>(html, 'rows-data')[0]![5]).toBe(HOSTILE.description);
    for (const raw of [...Object.values(HOSTILE), '<i>', '<u>', '<required>', '<here>', '<p>.yaml', 'javascript:']) {
      expect(html).not.toContain(raw.startsWith('<') || raw.startsWith('"') ? raw : `href="${raw}`);
    }
    expect(html).toContain('\\u003cimg src=x onerror=alert(1)>'); // in the rows' JSON
    expect(html).toContain('\\"\\u003e\\u003csvg onload=alert(2)>'.replace('\\u003e', '>'));
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;'); // the consignee, in the customer table
    expect(html).toContain('&lt;b onclick=&#39;alert(4)&#39;&gt;XX&lt;/b&gt;'); // the destination, in the SVG chart
  });

  it('links only http(s) sources: a javascript: URL becomes plain text', () => {
    const { sources } = data<{ sources: [string, string | null][] }>(html, 'page-data');
    expect(sources).toEqual([
      ['MOFCOM & GACC', 'https://example.org/a?b=1&c=2'],
      ['MOFCOM & GACC', null],
    ]);
    expect(html.match(/<a /g)).toBeNull();
  });

  it('fetches nothing: no src attributes, a policy that allows only its own style and script', () => {
    expect(html).not.toMatch(/<[a-z][^>]*\ssrc=/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    expect(csp).toMatch(/^default-src 'none'; /);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*)<\/style>/.exec(html)![1]!;
    const sha = (t: string): string => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
    expect(csp).toContain(`script-src ${sha(script)}`);
    expect(csp).toContain(`style-src ${sha(style)}`);
  });

  it('lists the flagged rows only, but counts the clear ones by destination', () => {
    expect(data<Rows>(html, 'rows-data')).toHaveLength(1);
    expect(html).toContain('<title>JP Japan: 2</title>');
    expect(html).toContain('<b data-count="clear">2</b>');
    expect(data<Rows>(render([hostileRow, result({ description: 'Cotton' }, 'clear')], true), 'rows-data')).toHaveLength(2);
  });

  it('shows the audit header and the rejected lines', () => {
    expect(html).toContain(`<td class="hash">${'a'.repeat(64)}</td>`);
    expect(html).toContain(`<td class="hash">${'b'.repeat(64)}</td>`);
    expect(html).toContain('<li>warning W-DATA-STALE: as-of &lt;/script&gt; is after the rule data date (2026-11-28)');
    expect(html).toContain('<h2>Rejected lines (1)</h2>');
  });
});
