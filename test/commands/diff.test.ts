/** `rules diff` on a realistic data update: a copy of the bundled rules with one pack edited as a maintainer would. */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'dualscreen.js');
const dir = mkdtempSync(join(tmpdir(), 'dualscreen-diff-'));
const OLD = join(dir, 'old');
const NEW = join(dir, 'new');

function edit(file: string, from: string, to: string, places = 1): void {
  const text = readFileSync(file, 'utf8');
  expect(text.split(from)).toHaveLength(places + 1);
  writeFileSync(file, text.replaceAll(from, to));
}

cpSync(join(ROOT, 'rules'), OLD, { recursive: true });
cpSync(join(ROOT, 'rules'), NEW, { recursive: true });
// a new reference HS code for samarium oxide
edit(join(NEW, 'items/rare-earths-2025-18.yaml'), 'hsCodes: ["2846901940"', 'hsCodes: ["2846901999", "2846901940"');
// the suspension of the October 2025 package (2025 No. 70) extended by a year, on all its 52 items
edit(join(NEW, 'items/october-2025-package.yaml'), 'to: 2026-11-10, source: MOFCOM-2025-70', 'to: 2027-11-10, source: MOFCOM-2025-70', 52);
// a new entity on the control list (parties is the pack's last section)
appendFileSync(
  join(NEW, 'parties/control-list-2026.yaml'),
  `  - id: cn.control-list.acme-rocketry
    list: control
    country: JP
    listed: 2026-11-20
    source: MOFCOM-2026-11
    names:
      en:
        - Acme Rocketry K.K.
      ja:
        - 株式会社アクメロケットリー
`,
);

const MANIFEST = join(dir, 'm.csv');
writeFileSync(
  MANIFEST,
  [
    'Line ID,Description,HS Code,Destination,Consignee,End-Use',
    'D1,Samarium oxide mixture,2846901999,DE,Muster GmbH,magnets',
    'D2,Diamond micropowder 10 µm,7105102000,KR,Hanbit Abrasives,polishing',
    'D3,Samarium oxide 99.9%,2846901940,JP,Acme Rocketry K.K.,research',
    'D4,Cotton T-shirts,6109100000,JP,Uniqlo Trading,retail',
  ].join('\n'),
);

function diff(...extra: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'rules', 'diff', OLD, NEW, '--as-of', '2026-11-28', ...extra], { cwd: ROOT, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

interface DiffJson {
  counts: Record<string, { added: number; removed: number; changed: number }>;
  entries: { section: string; id: string; status: string; changes: { path: string; kind: string; old?: unknown; new?: unknown }[] }[];
  manifest: { rows: number; changes: { lineId: string; old: string; new: string; rules: { ruleId: string; old: string | null; new: string | null }[]; notes: string[] }[] };
}

describe('dualscreen rules diff', { timeout: 60_000 }, () => {
  it('lists the added HS code, the changed suspension end and the new party by id', () => {
    const doc = JSON.parse(diff('--format', 'json')) as DiffJson;
    expect(doc.counts).toEqual({
      packs: { added: 0, removed: 0, changed: 0 },
      items: { added: 0, removed: 0, changed: 53 },
      measures: { added: 0, removed: 0, changed: 0 },
      parties: { added: 1, removed: 0, changed: 0 },
    });
    const byId = new Map(doc.entries.map((e) => [e.id, e]));
    expect(byId.get('cn.dual-use.1C902.b')?.changes).toEqual([{ path: 'hsCodes', kind: 'added', new: '2846901999' }]);
    expect(byId.get('cn.dual-use.2C902.a')?.changes).toEqual([{ path: 'suspended[2025-11-07].to', kind: 'changed', old: '2026-11-10', new: '2027-11-10' }]);
    expect(byId.get('cn.control-list.acme-rocketry')).toMatchObject({ section: 'parties', status: 'added' });
  });

  it('prints the same as text a consultant can read', () => {
    const text = diff();
    expect(text).toContain('  ~ cn.dual-use.1C902.b  1C902.b  Samarium oxide and its mixtures  [cn-rare-earths-2025-18]\n      hsCodes: + 2846901999');
    expect(text).toContain('      suspended[2025-11-07].to: 2026-11-10 → 2027-11-10');
    expect(text).toContain('  + cn.control-list.acme-rocketry  Acme Rocketry K.K. (JP, export control list, listed 2026-11-20)');
    expect(text).toMatch(/^Summary: items 0 added, 0 removed, 53 changed · parties 1 added, 0 removed, 0 changed$/m);
  });

  it('with --manifest, lists the rows whose verdict changes and the rules responsible', () => {
    const doc = JSON.parse(diff('--manifest', MANIFEST, '--format', 'json')) as DiffJson;
    expect(doc.manifest.rows).toBe(4);
    const changes = new Map(doc.manifest.changes.map((c) => [c.lineId, c]));
    expect([...changes.keys()]).toEqual(['D1', 'D2', 'D3']);
    expect(changes.get('D1')).toMatchObject({ old: 'review', new: 'license' });
    expect(changes.get('D1')!.rules).toContainEqual({ ruleId: 'cn.dual-use.1C902.b', old: 'review', new: 'license' });
    expect(changes.get('D2')).toMatchObject({ old: 'license', new: 'clear' });
    expect(changes.get('D2')!.rules).toEqual([{ ruleId: 'cn.dual-use.2C902.a', old: 'license', new: null }]);
    expect(changes.get('D2')!.notes.join(' ')).toMatch(/suspended from 2025-11-07 to 2027-11-10/);
    expect(changes.get('D3')).toMatchObject({ old: 'license', new: 'prohibited' });
    expect(changes.get('D3')!.rules).toContainEqual({ ruleId: 'cn.measure.control-list', old: null, new: 'prohibited' });

    const text = diff('--manifest', MANIFEST);
    expect(text).toMatch(/manifest .*m\.csv: 4 rows screened as of 2026-11-28; 3 change verdict/);
    expect(text).toMatch(/m\.csv:4 {2}D3 {2}license → prohibited\n {6}cn\.measure\.control-list: \(none\) → prohibited/);
  });

  it('says so when nothing changed, and refuses a missing folder (exit 2)', () => {
    const same = spawnSync(process.execPath, [BIN, 'rules', 'diff', OLD, OLD], { cwd: ROOT, encoding: 'utf8' });
    expect(same.stdout).toMatch(/^Summary: no differences$/m);
    const missing = spawnSync(process.execPath, [BIN, 'rules', 'diff', OLD, join(dir, 'nope')], { cwd: ROOT, encoding: 'utf8' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no such file or folder/);
  });
});
