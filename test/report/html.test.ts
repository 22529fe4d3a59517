/** The HTML report as text: every input escaped, nothing fetched, clear rows counted but not listed. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { makeRow } from '../../src/manifest/row.js';
import type { Finding, Result } from '../../src/model/result.js';
import { type RowValues } from '../../src/model/row.js';
import type { Verdict } from '../../src/model/verdict.js';
import { htmlReporter } from '../../src/report/html.js';
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
  warnings: ['</script> in a warning'],
};

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
  for (const r of results) {
    summary[r.verdict]++;
    reporter.result(r);
  }
  reporter.error({ input: 'm.csv', line: 9, message: 'unclosed quote <here>' });
  reporter.end(summary, [{ path: '<i>m.csv', sha256: 'b'.repeat(64), encoding: 'utf-8', rows: results.length + 1, rejected: 1 }]);
  return html;
}

const hostileRow = result(
  { description: HOSTILE.description, line_id: HOSTILE.lineId, consignee: HOSTILE.consignee, destination_country: HOSTILE.destination, hs_code: '2846901940' },
  'license',
  [finding('https://example.org/a?b=1&c=2'), finding('javascript:alert(5)')],
);

describe('html report', () => {
  const html = render([hostileRow, result({ description: 'Cotton', destination_country: 'JP' }, 'clear'), result({ description: 'Tea', destination_country: 'JP' }, 'clear')]);

  it('renders hostile input as text, never as markup', () => {
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html.match(/<\/script>/g)).toHaveLength(1);
    for (const raw of [...Object.values(HOSTILE), '<i>', '<u>', '<required>', '<here>', '<p>.yaml', 'javascript:']) {
      expect(html).not.toContain(raw.startsWith('<') || raw.startsWith('"') ? raw : `href="${raw}`);
    }
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;&gt;&lt;svg onload=alert(2)&gt;');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
    expect(html).toContain('&lt;b onclick=&#39;alert(4)&#39;&gt;XX&lt;/b&gt;'); // the destination, in the SVG chart
  });

  it('links only http(s) sources, with the URL escaped in the attribute', () => {
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2" rel="noreferrer">MOFCOM &amp; GACC</a>');
    expect(html.match(/<a /g)).toHaveLength(1);
  });

  it('fetches nothing: no src attributes, a policy that allows only its own style and script', () => {
    expect(html).not.toMatch(/<[a-z][^>]*\ssrc=/i);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    expect(csp).toMatch(/^default-src 'none'; /);
    const script = /<script>([\s\S]*)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*)<\/style>/.exec(html)![1]!;
    const sha = (t: string): string => `'sha256-${createHash('sha256').update(t).digest('base64')}'`;
    expect(csp).toContain(`script-src ${sha(script)}`);
    expect(csp).toContain(`style-src ${sha(style)}`);
  });

  it('lists the flagged rows only, but counts the clear ones by destination', () => {
    expect(html.match(/<tr data-verdict=/g)).toHaveLength(1);
    expect(html).toContain('<title>JP Japan: 2</title>');
    expect(html).toContain('<b data-count="clear">2</b>');
    expect(render([hostileRow, result({ description: 'Cotton' }, 'clear')], true).match(/<tr data-verdict=/g)).toHaveLength(2);
  });

  it('shows the audit header and the rejected lines', () => {
    expect(html).toContain(`<td class="hash">${'a'.repeat(64)}</td>`);
    expect(html).toContain(`<td class="hash">${'b'.repeat(64)}</td>`);
    expect(html).toContain('<li>&lt;/script&gt; in a warning</li>');
    expect(html).toContain('<h2>Rejected lines (1)</h2>');
  });
});
