/** `dualscreen lookup` over the bundled rule packs: the questions consultants ask, answered as screen would see them. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileRuleSet } from '../../src/engine/compile.js';
import { itemStatus } from '../../src/lookup/render.js';
import { classifyQuery, lookup } from '../../src/lookup/search.js';
import { loadRulePacks } from '../../src/rules/load.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'dualscreen.js');
const rules = compileRuleSet(loadRulePacks());

const ids = async (query: string): Promise<string[]> => (await lookup(query, rules)).items.map((h) => h.item.item.id);
const how = async (query: string, id: string): Promise<string[]> => (await lookup(query, rules)).items.find((h) => h.item.item.id === id)?.how ?? [];

describe('classifyQuery', () => {
  it.each([
    ['2846.90.19.40', 'hs-code', '2846901940'],
    ['HS 2846 90', 'hs-code', '284690'],
    ['２８４６９０１９４０', 'hs-code', '2846901940'],
    ['1c902.B', 'control-code', '1C902.b'],
    ['14802-03-0', 'cas', '14802-03-0'],
    ['gallium nitride', 'text', 'gallium nitride'],
    ['酸化サマリウム', 'text', '酸化サマリウム'],
  ])('%s is a %s (%s)', (raw, kind, key) => {
    expect(classifyQuery(raw)).toMatchObject({ kind, key });
  });
});

describe('lookup', () => {
  it('an HS code finds the items whose reference codes it equals, lies under, or heads', async () => {
    expect(await how('2846901940', 'cn.dual-use.1C902.b')).toEqual(['reference code 2846901940']);
    expect(await how('2805301990', 'cn.dual-use.1C909.a')).toEqual(['reference line 28053019 covers 2805301990']);
    expect(await ids('2846')).toEqual(expect.arrayContaining(['cn.dual-use.1C902.b', 'cn.dual-use.1C902.c', 'cn.dual-use.1C903.b']));
    expect(await how('2846', 'cn.dual-use.1C902.b')).toEqual(['reference codes 2846901940, 2846901993 under 2846']);
    expect(await ids('6109100000')).toEqual([]);
  });

  it('says when an HS code cannot be a Chinese one', async () => {
    expect((await lookup('28469', rules)).notes).toEqual([expect.stringMatching(/has 5 digits/)]);
  });

  it('a control code finds the item, its parents and its sub-items; an unencoded one is explained', async () => {
    const items = await ids('1C902.a.1');
    expect(items).toEqual(['cn.catalogue-2026.1C902.a.1', 'cn.dual-use.1C902.a']);
    expect(await ids('1C902')).toEqual(expect.arrayContaining(['cn.dual-use.1C902.a', 'cn.dual-use.1C902.b', 'cn.dual-use.1C902.c']));
    expect(await lookup('9E999', rules)).toMatchObject({
      items: [],
      notes: ['9E999 (category 9 aerospace and propulsion, type E technology) is not encoded in these rule packs: review it against the official list'],
    });
  });

  it('a CAS number finds the item that names it, with its suspension judged on the day', async () => {
    const [hit] = (await lookup('14802-03-0', rules)).items;
    expect(hit?.item.item.id).toBe('cn.dual-use.1C914.c');
    expect(itemStatus(hit!.item, '2026-11-05')).toMatch(/^suspended until 2026-11-10 by MOFCOM\/GACC Announcement 2025 No\. 70/);
    expect(itemStatus(hit!.item, '2026-11-28')).toMatch(/^in force again since 2026-11-11 \(suspended 2025-11-07 to 2026-11-10 by /);
    expect(itemStatus(hit!.item, '2025-10-01')).toBe('not yet in force: from 2025-11-08');
    expect((await lookup('14802-03-1', rules)).notes).toEqual(['14802-03-1 has a wrong check digit: it is not a valid CAS number']);
  });

  it('text in English, Chinese or Japanese finds items by keyword and by title', async () => {
    expect(await ids('gallium nitride')).toContain('cn.dual-use.3C001.b');
    expect(await ids('氧化钐')).toContain('cn.dual-use.1C902.b');
    expect(await ids('酸化サマリウム')).toContain('cn.dual-use.1C902.b');
    expect(await ids('Dysprosium oxide Dy2O3 99.9% powder')).toContain('cn.dual-use.1C905.b');
  });

  it('a name finds listed parties as screen scores them, and names that contain it', async () => {
    const [ihi] = (await lookup('IHI Aerospace Co., Ltd.', rules)).parties;
    expect(ihi).toMatchObject({ ref: { party: { id: 'cn.control-list.ihi-aerospace' } }, blocking: true });
    expect((await lookup('株式会社IHIエアロスペース', rules)).parties[0]?.ref.party.id).toBe('cn.control-list.ihi-aerospace');
    const mitsubishi = (await lookup('Mitsubishi', rules)).parties.map((p) => p.ref.party.id);
    expect(mitsubishi).toContain('cn.control-list.mhi-aero-engines');
    expect((await lookup('Uniqlo Trading', rules)).parties).toEqual([]);
  });

  it('a warship or an address finds its military user as screen reads it: the ship for certain, the address for review', async () => {
    expect((await lookup('USS Blue Ridge (LCC-19)', rules)).parties).toEqual([
      expect.objectContaining({ ref: expect.objectContaining({ party: expect.objectContaining({ id: 'us.military-user.navy' }) }), blocking: true }),
    ]);
    const [fpo] = (await lookup('PSC 473 Box 1, FPO AP 96349', rules)).parties;
    expect(fpo).toMatchObject({ ref: { party: { id: 'us.military-user.department-of-defense' } }, blocking: false });
    expect(fpo?.how).toMatch(/an address of it .*review only/);
    expect((await lookup('USS Co., Ltd.', rules)).parties).toEqual([]);
  });
});

describe('dualscreen lookup (CLI)', { timeout: 60_000 }, () => {
  const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, 'lookup', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('prints the HS headings, the items with status and numbered sources', () => {
    const r = cli('2846.90.19.40', '--as-of', '2026-11-28');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('  HS 284690  Compounds, inorganic or organic (excluding cerium), of rare-earth metals');
    expect(r.stdout).toMatch(/^ {2}cn\.dual-use\.1C902\.b {2}1C902\.b {2}Samarium oxide and its mixtures · 氧化钐及其混合物/m);
    expect(r.stdout).toMatch(/^ {4}status {4}in force since 2025-04-04$/m);
    expect(r.stdout).toMatch(/^Sources:\n {2}\[1\] MOFCOM\/GACC Announcement 2025 No\. 18/m);
  });

  it('writes dualscreen/lookup@1 JSON', () => {
    const r = cli('14802-03-0', '--as-of', '2026-11-05', '--format', 'json');
    const doc = JSON.parse(r.stdout) as { schema: string; kind: string; items: { id: string; status: { state: string; to: string }; source: { title: string } }[] };
    expect(doc).toMatchObject({ schema: 'dualscreen/lookup@1', kind: 'cas' });
    expect(doc.items[0]).toMatchObject({ id: 'cn.dual-use.1C914.c', status: { state: 'suspended', to: '2026-11-10' } });
  });

  it('a party look-up says whether screen would block', () => {
    const r = cli('IHI Aerospace', '--as-of', '2026-11-28');
    expect(r.stdout).toMatch(/cn\.control-list\.ihi-aerospace {2}IHI Aerospace Co\., Ltd\. \(JP, export control list, listed 2026-02-24\)\n {4}matched {3}"IHI Aerospace Co\., Ltd\.": name score 1\.00; screen: the listed party/);
  });

  it('a name that matches nothing says which lists and countries were searched', () => {
    const r = cli('Acme Widgets Pty Ltd', '--as-of', '2026-11-28');
    expect(r.stdout).toContain('No listed party has this name');
    expect(r.stdout).toMatch(/Lists searched, entities by country: .*China's export control list \((?=[^)]*JP \d+)[^)]*\).*military users \((?=[^)]*US \d+)[^)]*\)/);
  });

  it('a bad date is a usage error (exit 2)', () => {
    const r = cli('1C902', '--as-of', '2026-13-01');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--as-of: "2026-13-01" is not a date/);
  });
});
