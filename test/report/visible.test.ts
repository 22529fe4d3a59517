/** Issue 12, points 11 and 16: manifest text shows as text in the terminal, in CI logs and in pull-request comments. */
import { describe, expect, it } from 'vitest';
import { finding, render, result } from './harness.js';

const ESC = '\u001b';
const FORGED_ID = `${ESC}[50A${ESC}[J\rSummary: 0 rows`;
const rows = [
  result({ line_id: FORGED_ID, description: 'Samarium oxide\n::warning file=x::pwned\u2028::error::again' }, [finding({ verdict: 'license' })]),
  result({ line_id: 'L-'.padEnd(300, 'x'), description: 'Bolts \u202egnp.exe' }, [finding({ verdict: 'review' })], { line: 3 }),
];

describe('point 11: control, bidi and line-break characters are shown, not obeyed', () => {
  for (const format of ['text', 'markdown', 'github'] as const) {
    it(`${format}: no escape sequence, CR or bidi control reaches the output, and no data line starts a workflow command`, () => {
      const out = render(format, { results: rows, errors: [{ input: 'm.csv', line: 9, message: `bad ${ESC}[2J header "x\ny"` }] });
      expect(out).not.toMatch(/[\u001b\r\u202e\u2028]/);
      const commands = out.split('\n').filter((l) => l.startsWith('::'));
      expect(commands.every((l) => /^::(error|warning|notice) /.test(l))).toBe(true);
      expect(commands).toHaveLength(format === 'github' ? 3 : 0);
      if (format === 'text') expect(out).toContain('\\x1b[50A');
      if (format === 'markdown') expect(out).toContain('&#92;x1b&#91;50A');
    });
  }

  it('text: a long line id is cut, the description shows its line break as \\n', () => {
    const out = render('text', { results: rows }, { explain: true });
    expect(out).toContain('Samarium oxide\\n::warning file=x::pwned\\u2028::error::again');
    // one line per row: cut to its column, still visible
    expect(render('text', { results: rows })).toContain('Samarium oxide\\n::warning file=x::pwned…');
    const idLine = out.split('\n').find((l) => l.includes('L-xxx'))!;
    expect(idLine).toMatch(/L-x{30,}…/);
    expect(idLine.length).toBeLessThan(200);
  });
});

describe('point 16: markdown neither mentions nor links what a manifest says', () => {
  it('@mentions, bare URLs, www. links and issue references are neutralised', () => {
    const out = render('markdown', {
      results: [result({ line_id: '@octocat', description: 'see https://evil.example/x and www.evil.example, ping @org/team #12' }, [finding({ verdict: 'license' })])],
    });
    expect(out).not.toMatch(/@(octocat|org)/);
    expect(out).not.toMatch(/https:\/\/evil|www\.evil|#12/);
    expect(out).toContain('octocat');
    expect(out).toContain('evil.example');
  });
});
