/** GitHub workflow commands: an annotation per flagged row at its file and line, ranked and capped, escaped as GitHub asks. */
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../src/report/github.js';
import { finding, render, result, SAMPLE, screenTo } from './harness.js';

describe('github annotations', () => {
  it('annotates each flagged row of the sample at its line: error, warning or notice by verdict', { timeout: 60_000 }, async () => {
    const { out } = await screenTo('github', [SAMPLE]);
    const lines = out.trimEnd().split('\n');
    const commands = lines.filter((l) => l.startsWith('::'));
    // 15 rows and the one rule-data warning that concerns a row (2024 No. 46 clause 2, for SO-1006), most severe first
    expect(commands.map((c) => c.slice(0, c.indexOf(' ')))).toEqual([...Array(5).fill('::error'), ...Array(6).fill('::warning'), ...Array(5).fill('::notice')]);
    expect(commands[5]).toMatch(/^::warning title=dualscreen%3A W-SUSPENSION-ENDED%3AMOFCOM-2025-72::the suspension by MOFCOM Announcement 2025 No\. 72 /);
    expect(commands).toContainEqual(expect.stringMatching(/^::error file=fixtures\/sample-manifest\.csv,line=3,title=dualscreen%3A prohibited SO-1002::Samarium cobalt magnets SmCo 2:17%0Aprohibited cn\.measure\.control-list: /));
    expect(commands).toContainEqual(expect.stringMatching(/^::warning file=fixtures\/sample-manifest\.csv,line=2,title=dualscreen%3A license SO-1001::/));
    expect(commands).toContainEqual(expect.stringMatching(/^::notice file=fixtures\/sample-manifest\.csv,line=9,title=dualscreen%3A review SO-1008::/));
    expect(lines.at(-1)).toBe('dualscreen: 20 rows · 5 prohibited · 5 license · 5 review · 5 clear · 0 rejected · FAILS --fail-on prohibited: 5 rows count');
  });

  it('lowers the level to what still counts after waivers and licences', () => {
    const waived = finding({ verdict: 'prohibited', waived: { waiverId: 'W-1', reason: 'memo', approvedBy: 'Li Wei', expires: '2027-01-01' } });
    const out = render('github', { results: [result({ description: 'a' }, [waived, finding({ verdict: 'license' })])] });
    expect(out).toMatch(/^::warning file=m\.csv,line=2,title=dualscreen%3A prohibited line 2::a%0Aprohibited rule\.prohibited: .*waived by W-1/);
  });

  it('annotates rejected lines as errors, and gives no file for standard input', () => {
    const out = render('github', { results: [result({ description: 'a' }, [finding({ verdict: 'review' })], { input: '-' })], errors: [{ input: 'm.csv', line: 7, message: 'unclosed quote' }] });
    expect(out.split('\n').slice(0, 2)).toEqual(['::error file=m.csv,line=7,title=dualscreen%3A line could not be read::unclosed quote', expect.stringMatching(/^::notice title=dualscreen%3A review line 2::a%0A/)]);
  });

  it('caps each level at --max-annotations, prohibited and nexus rows first, with one summary of how many were left out', async () => {
    const { out } = await screenTo('github', [SAMPLE], { maxAnnotations: 3 });
    const commands = out.split('\n').filter((l) => l.startsWith('::'));
    const level = (name: string) => commands.filter((c) => c.startsWith(`::${name} `));
    // three of the five prohibited rows; the rule-data warning, the nexus licence row (SO-1011) and one more;
    // the nexus review row (SO-1007), one more and the summary, a notice
    expect(level('error')).toHaveLength(3);
    expect(level('warning')).toHaveLength(3);
    expect(level('warning')[1]).toMatch(/title=dualscreen%3A license SO-1011::/);
    expect(level('notice')).toHaveLength(3);
    expect(level('notice')[0]).toMatch(/title=dualscreen%3A review SO-1007::/);
    const summary = commands.filter((c) => /more annotations? left out/.test(c));
    expect(summary).toEqual([level('notice')[2]]);
    expect(summary[0]).toMatch(/8 flagged rows or lines are not annotated \(2 prohibited, 3 license, 3 review\)/);
  });

  it('escapes % and line breaks in messages, and also : and , in properties', () => {
    expect(escapeData('100% pure\r\n::error x')).toBe('100%25 pure%0D%0A::error x');
    expect(escapeProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
  });
});
