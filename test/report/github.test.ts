/** GitHub workflow commands: one annotation per flagged row at its file and line, escaped as GitHub asks. */
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../src/report/github.js';
import { finding, render, result, SAMPLE, screenTo } from './harness.js';

describe('github annotations', () => {
  it('annotates each flagged row of the sample at its line: error, warning or notice by verdict', { timeout: 60_000 }, async () => {
    const { out } = await screenTo('github', [SAMPLE]);
    const lines = out.trimEnd().split('\n');
    const commands = lines.filter((l) => l.startsWith('::'));
    expect(commands).toHaveLength(15);
    expect(commands.map((c) => c.slice(0, c.indexOf(' ')))).toEqual(expect.arrayContaining(['::error', '::warning', '::notice']));
    expect(commands).toContainEqual(expect.stringMatching(/^::error file=fixtures\/sample-manifest\.csv,line=3,title=dualscreen%3A prohibited SO-1002::Samarium cobalt magnets SmCo 2:17%0Aprohibited cn\.measure\.control-list: /));
    expect(commands).toContainEqual(expect.stringMatching(/^::warning file=fixtures\/sample-manifest\.csv,line=2,title=dualscreen%3A license SO-1001::/));
    expect(commands).toContainEqual(expect.stringMatching(/^::notice file=fixtures\/sample-manifest\.csv,line=9,title=dualscreen%3A review SO-1008::/));
    expect(lines.at(-1)).toBe('dualscreen: 20 rows · 5 prohibited · 5 license · 5 review · 5 clear · 0 rejected');
  });

  it('lowers the level to what still counts after waivers and licences', () => {
    const waived = finding({ verdict: 'prohibited', waived: { waiverId: 'W-1', reason: 'memo', approvedBy: 'Li Wei', expires: '2027-01-01' } });
    const out = render('github', { results: [result({ description: 'a' }, [waived, finding({ verdict: 'license' })])] });
    expect(out).toMatch(/^::warning file=m\.csv,line=2,title=dualscreen%3A prohibited line 2::a%0Aprohibited rule\.prohibited: .*waived by W-1/);
  });

  it('annotates rejected lines as errors, and gives no file for standard input', () => {
    const out = render('github', { results: [result({ description: 'a' }, [finding({ verdict: 'review' })], { input: '-' })], errors: [{ input: 'm.csv', line: 7, message: 'unclosed quote' }] });
    expect(out.split('\n').slice(0, 2)).toEqual([expect.stringMatching(/^::notice title=dualscreen%3A review line 2::a%0A/), '::error file=m.csv,line=7,title=dualscreen%3A line could not be read::unclosed quote']);
  });

  it('escapes % and line breaks in messages, and also : and , in properties', () => {
    expect(escapeData('100% pure\r\n::error x')).toBe('100%25 pure%0D%0A::error x');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });
});
