/**
 * Issue 11: every item family needs a controlled row in English, Chinese and Japanese and a look-alike
 * (`clear !ITEM`) in its pack's self-test manifest; `rules test` counts them and `--coverage` names the gaps.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FamilyCoverage, itemFamily } from '../../src/rules/family-coverage.js';
import type { Item } from '../../src/rules/schema.js';

const ROOT = join(import.meta.dirname, '..', '..');

const item = (id: string, controlCode: string | undefined, keywords: Item['keywords']): Item => ({ id, controlCode, keywords }) as Item;

describe('item families and their self-test rows', () => {
  const fibre = item('cn.catalogue-2026.1C210.a', '1C210.a', { en: ['carbon fibre'] });
  const prepreg = item('cn.catalogue-2026.1C210.b', '1C210.b', { en: ['prepreg'] });
  const bare = item('cn.catalogue-2026.1C210.c', '1C210.c', {});
  const noCode = item('cn.catalogue-2026.nuclear.reactor', undefined, { zh: ['核反应堆'] });

  it('groups the items of one control-code heading; an item without a code is its own family', () => {
    expect(itemFamily(fibre)).toBe('1C210');
    expect(itemFamily(prepreg)).toBe('1C210');
    expect(itemFamily(noCode)).toBe('cn.catalogue-2026.nuclear.reactor');
  });

  it('counts a family complete only with an English, a Chinese, a Japanese controlled row and a look-alike', () => {
    const c = new FamilyCoverage([fibre, prepreg, bare, noCode]);
    expect(c.size).toBe(2); // 1C210.c has no words to recognise it by
    c.add('Carbon fibre T800 12K', true, ['cn.catalogue-2026.1C210.a']);
    c.add('碳纤维预浸料', true, ['cn.catalogue-2026.1C210.b']);
    c.add('炭素繊維プリプレグ', true, ['cn.catalogue-2026.1C210.b']);
    // a row expected clear names no controlled wording, and a look-alike counts only with !ITEM
    c.add('Carbon fibre bicycle frame', false, ['cn.catalogue-2026.1C210.a']);
    expect(c.summary().gaps).toEqual([
      { family: '1C210', missing: ['look-alike'] },
      { family: 'cn.catalogue-2026.nuclear.reactor', missing: ['en', 'zh', 'ja', 'look-alike'] },
    ]);
    c.add('Carbon fibre bicycle frame', false, ['!cn.catalogue-2026.1C210.a']);
    expect(c.summary()).toMatchObject({ complete: 1, have: { en: 1, zh: 1, ja: 1, 'look-alike': 1 } });
  });

  it('rules test prints the count of the bundled packs and lists the gaps with --coverage', { timeout: 120_000 }, () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'dualscreen.js'), 'rules', 'test', '--coverage', '--no-color'], { cwd: ROOT, encoding: 'utf8' });
    const summary = /item families recognised from words: (\d+); with an English controlled row (\d+), a Chinese (\d+), a Japanese (\d+), a look-alike \(clear !ITEM\) (\d+); all four (\d+)/.exec(r.stdout);
    expect(summary).not.toBeNull();
    const [families, , , , , complete] = summary!.slice(1).map(Number);
    const listed = r.stdout.split('\n').filter((l) => /^ {2}\S+: no /.test(l));
    expect(listed.length).toBe(families! - complete!);
    // every family has its four rows but one whose catalogue text is mostly lost: its Chinese name survives, no Japanese one is established
    expect(listed).toEqual(['  cn.catalogue-2026.nuclear.cathode-end-reduction-system: no ja']);
    // the line CI reads stays last
    expect(r.stdout.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 0 failed$/);
  });
});
