/**
 * The compact text report as people read it: golden files pin its layout for the sample manifest in each
 * language (UPDATE_GOLDEN=1 rewrites them after a deliberate change), and the order of the rows is checked on
 * its own: prohibited, then military or listed-party nexus, then licence, then review, input order in a group.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/model/message.js';
import { ROOT, SAMPLE, screenTo } from './harness.js';

const GOLDEN = join(ROOT, 'test/report/golden');

/** The lines that name this build (tool version, number and date of the packs) and this machine (working directory) are left out. */
const stable = (out: string): string =>
  out
    .split('\n')
    .filter((line) => !/^(config: |配置文件：|設定ファイル：|dualscreen )/.test(line))
    .join('\n');

/** The flagged rows' lines: `verdict  file:line  line id  …`. */
const rowLines = (out: string): string[] => out.split('\n').filter((l) => l.includes(`${SAMPLE}:`) && !l.startsWith(' '));
const lineIds = (out: string): string[] => rowLines(out).map((l) => /\b(SO-\d+)\b/.exec(l)![1]!);

describe('text report', () => {
  for (const lang of LANGS) {
    it(`matches the golden layout of the sample manifest (${lang})`, async () => {
      const { out, code } = await screenTo('text', [SAMPLE], { lang, color: false });
      expect(code).toBe(1);
      const file = join(GOLDEN, `sample.${lang}.txt`);
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, stable(out));
      expect(stable(out)).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('names evidence fields that are no canonical column (a licence, a Sold-to Party header) as written, in every language', async () => {
    for (const lang of LANGS) {
      const { out } = await screenTo('text', [SAMPLE], { lang, color: false, explain: true, licences: join(ROOT, 'fixtures/gate/licences.csv') });
      expect(out).toMatch(/licence "LIC-2026-DE-0233" → cn\.dual-use\.1C117\.d/);
    }
  });

  it('opens and closes with the counts and the gate outcome, and gives one line of at most a few hundred characters per flagged row', async () => {
    const { out } = await screenTo('text', [SAMPLE]);
    const lines = out.trimEnd().split('\n');
    const counts = '20 rows · 5 prohibited · 5 license · 5 review · 5 clear · 0 rejected';
    expect(lines.slice(0, 4)).toContain(counts);
    expect(lines.slice(0, 4)).toContain('FAILS --fail-on prohibited: 5 rows count');
    expect(lines.slice(-2)).toEqual([counts, 'FAILS --fail-on prohibited: 5 rows count']);
    expect(rowLines(out)).toHaveLength(15);
    for (const l of rowLines(out)) expect(l.length).toBeLessThan(260);
    // each source once, in the legend, cited by number
    const legend = lines.filter((l) => /^\[\d+\] /.test(l));
    expect(new Set(legend.map((l) => l.replace(/^\[\d+\] /, ''))).size).toBe(legend.length);
    expect(out.match(/MOFCOM Announcement 2026 No\. 1 on strengthening/g)).toHaveLength(1);
  });

  it('puts prohibited rows first, then rows with a military or listed-party nexus, then license, then review; input order in each group', async () => {
    const { out } = await screenTo('text', [SAMPLE]);
    expect(lineIds(out)).toEqual([
      // prohibited
      'SO-1002', 'SO-1003', 'SO-1004', 'SO-1006', 'SO-1020',
      // review and license rows with a nexus: the listed party's office chairs, the watch-list party, the Ground Self-Defense Force
      'SO-1007', 'SO-1011', 'SO-1012',
      // license
      'SO-1001', 'SO-1005', 'SO-1013', 'SO-1018',
      // review
      'SO-1008', 'SO-1017', 'SO-1019',
    ]);
  });

  it('--order input keeps file order', async () => {
    const { out } = await screenTo('text', [SAMPLE], { order: 'input' });
    const ids = lineIds(out);
    expect(ids).toEqual([...ids].sort());
    expect(ids).toHaveLength(15);
  });

  it('--explain gives every finding with its evidence and cites the legend', async () => {
    const compact = (await screenTo('text', [SAMPLE])).out;
    const { out } = await screenTo('text', [SAMPLE], { explain: true });
    expect(out.length).toBeGreaterThan(compact.length * 2);
    expect(out).toMatch(/^ {4}license {4}cn\.dual-use\.1C902\.a: dual-use item: export licence required: .* \[control_code "1C902\.a" → 1C902\.a\] \[\d+\]$/m);
  });

  it('speaks Chinese and Japanese: verdicts, headings, counts, gate and the catalogue titles of items', async () => {
    const zh = (await screenTo('text', [SAMPLE], { lang: 'zh', explain: true })).out;
    expect(zh).toContain('共 20 行 · 禁止 5 · 需许可 5 · 需复核 5');
    expect(zh).toMatch(/^禁止（5 行）$/m);
    expect(zh).toContain('1C902.a 金属钐、含钐合金、含钐靶材及钐钴永磁材料');
    const ja = (await screenTo('text', [SAMPLE], { lang: 'ja', explain: true })).out;
    expect(ja).toContain('20 行 · 禁止 5 · 要許可 5 · 要確認 5');
    expect(ja).toContain('1C902.a 金属サマリウム、サマリウム合金、サマリウムターゲット、サマリウムコバルト永久磁石材料');
    // rule ids stay as they are
    expect(ja).toContain('cn.measure.control-list:');
  });
});
