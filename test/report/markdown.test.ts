/** Markdown for pull-request comments: totals, audit header, a table of flagged rows that no input can break. */
import { describe, expect, it } from 'vitest';
import { MAX_TABLE_ROWS, mdCell } from '../../src/report/markdown.js';
import { loadRulePacks } from '../../src/rules/load.js';
import { AS_OF, finding, render, result, SAMPLE, screenTo } from './harness.js';

const newestDataAsOf = (): string => loadRulePacks().map((lp) => lp.pack.dataAsOf).sort().at(-1)!;

/** The cells of a table line: split at the pipes that are not escaped (the reporter escapes every pipe of its input). */
const cells = (line: string): string[] => line.split('|').slice(1, -1);

describe('markdown summary', () => {
  it('gives the totals, whether the run fails, the audit header and the flagged rows in triage order', { timeout: 60_000 }, async () => {
    const { out } = await screenTo('markdown', [SAMPLE]);
    const lines = out.split('\n');
    expect(lines[0]).toBe('### dualscreen: 20 rows · 5 prohibited · 5 license · 5 review · 5 clear · 0 rejected');
    expect(out).toContain('**Fails:** 5 rows at or above prohibited');
    expect(out).toMatch(new RegExp(`rules as of \\*\\*${AS_OF}\\*\\* · rule data as of ${newestDataAsOf()} · fail-on prohibited · fixtures/sample-manifest.csv \\(utf-8, 20 rows, sha256 [0-9a-f]{12}\\)`));
    expect(out).toMatch(/<details><summary>\d+ rule packs<\/summary>/);
    const table = lines.slice(lines.indexOf('| file:line | line id | verdict | description | rules | source |'));
    const rows = table.slice(2, table.indexOf(''));
    expect(rows).toHaveLength(15);
    // prohibited, then the rows with a military or listed-party nexus, then license, then review
    expect(rows.map((r) => cells(r)[2]!.trim())).toEqual([
      '**prohibited** (export control list)',
      '**prohibited** (military)',
      '**prohibited** (military)',
      '**prohibited**',
      '**prohibited** (export control list)',
      '**review** (export control list)',
      '**license** (watch list)',
      '**review** (military)',
      ...Array(4).fill('**license**'),
      ...Array(3).fill('**review**'),
    ]);
    expect(out).toContain('> warning W-SUSPENSION-ENDED:MOFCOM-2025-72: ');
    expect(rows[0]).toBe(
      '| fixtures/sample-manifest.csv:3 | SO-1002 | **prohibited** (export control list) | Samarium cobalt magnets SmCo 2:17 | cn.measure.control-list, cn.dual-use.1C902.a | ' +
        '[MOFCOM Announcement 2026 No. 11 adding 20 Japanese entities…](http://exportcontrol.mofcom.gov.cn/article/zcfg/gnzcfg/zcfggzqd/202602/1209.html); MOFCOM/GACC Announcement 2025 No. 18: export control on sam… |',
    );
  });

  it('says a run passes, and shows what waivers and licences change', () => {
    const covered = finding({ verdict: 'license', coveredBy: { licence: 'LIC-1' } });
    const out = render('markdown', { results: [result({ line_id: 'A', description: 'Samarium oxide' }, [covered])] });
    expect(out).toContain('**Passes:** no row at or above prohibited');
    expect(out).toContain('| m.csv:2 | A | **license** (counts as clear) | Samarium oxide |');
  });

  it(`lists at most ${MAX_TABLE_ROWS} rows and says how many more there are`, () => {
    const results = Array.from({ length: MAX_TABLE_ROWS + 5 }, (_, i) => result({ description: `row ${i}` }, [finding({ verdict: 'review' })], { line: i + 2 }));
    const out = render('markdown', { results });
    expect(out.split('\n').filter((l) => l.startsWith('| m.csv:'))).toHaveLength(MAX_TABLE_ROWS);
    expect(out).toContain('… and 5 more rows: see the full report.');
  });

  it('lists the lines that could not be read', () => {
    const out = render('markdown', { results: [], errors: [{ input: 'm.csv', line: 7, message: 'unclosed quote' }] });
    expect(out).toContain('**Fails:** 1 line could not be read');
    expect(out).toContain('| m.csv:7 | unclosed quote |');
  });
});

describe('markdown cells', () => {
  it('turns every character that could end a cell or start markup into a reference, and line breaks into visible escapes', () => {
    expect(mdCell('a|b `c` <d> [e](f) *g* _h_ ~i~ \\j &k')).toBe('a&#124;b &#96;c&#96; &#60;d&#62; &#91;e&#93;(f) &#42;g&#42; &#95;h&#95; &#126;i&#126; &#92;j &#38;k');
    expect(mdCell('one\r\ntwo\nthree')).toBe('one&#92;r&#92;ntwo&#92;nthree');
  });
});
