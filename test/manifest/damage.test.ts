/**
 * Issue 12, points 1–3 and 16: one damaged line costs that line, never the rows after it, and reading
 * stays linear in the input however many quotes it holds.
 */
import { describe, expect, it } from 'vitest';
import { RecordBlocks } from '../../src/manifest/blocks.js';
import { openManifest } from '../../src/manifest/read.js';
import { tempFiles } from '../temp-files.js';
import { readAll } from './read-all.js';

const file = tempFiles('damage');


const HEAD = 'Line ID,Description,HS Code,Destination,End User\n';
const good = (i: number): string => `L${i},Bolts M${i % 20},7318158000,JP,Acme ${i}`;

/** `n` valid records with `bad` in place of the sixth (line 7). */
function manifest(n: number, bad: string): string {
  return `${HEAD}${Array.from({ length: n }, (_, i) => (i === 5 ? bad : good(i))).join('\n')}\n`;
}

describe('point 1: rows after one bad quote are still read', () => {
  for (const bad of ['L1,"a"x,1,JP,x', 'L1,"Samarium oxide" ,2846901940,JP,x']) {
    it(`20,000 rows with ${JSON.stringify(bad)}: every other record is screened, the bad one rejected at its line`, async () => {
      const { summary, rows, errors } = await readAll(file('m.csv', manifest(20_000, bad)));
      expect(errors.map((e) => e.line)).toEqual([7]);
      expect(rows).toHaveLength(19_999);
      expect(summary.rows + summary.rejected).toBe(20_000);
      expect(rows.at(-1)!.values.line_id).toBe('L19999');
    });
  }
});

describe('point 2: an inch mark is part of its field, a quote that ends an unquoted field costs its own line only', () => {
  it('an inch mark is read as spreadsheets read it, and a valid quoted multi-line row after it too', async () => {
    const text = `${HEAD}L1,3/4" pipe,7307990000,JP,Acme\nL2,"Samarium oxide\nin drums",2846901940,JP,Acme\nL3,Bolts,7318158000,JP,Acme\n`;
    const { summary, rows, errors } = await readAll(file('m.csv', text));
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.values.line_id, r.line, r.values.description])).toEqual([
      ['L1', 2, '3/4" pipe'],
      ['L2', 3, 'Samarium oxide\nin drums'],
      ['L3', 5, 'Bolts'],
    ]);
    expect(summary.rows + summary.rejected).toBe(3);
  });

  it('a quote after text at the end of an unquoted field (a quoted field cut by a line break) costs its line', async () => {
    const text = `${HEAD}L1,Samarium oxide in drums",2846901940,JP,Acme\nL2,Bolts,7318158000,JP,Acme\n`;
    const { summary, rows, errors } = await readAll(file('m.csv', text));
    expect(errors).toEqual([expect.objectContaining({ line: 2, message: expect.stringContaining('a quote that ends an unquoted field') })]);
    expect(rows.map((r) => r.values.line_id)).toEqual(['L2']);
    expect(summary.rows + summary.rejected).toBe(2);
  });

  it('does not hold the rest of the input back as one block', () => {
    const blocks = new RecordBlocks(',');
    let out = blocks.push(HEAD);
    out += blocks.push('L1,3/4" pipe,7307990000,JP,Acme\n');
    for (let i = 0; i < 2000; i++) out += blocks.push(`${good(i)}\n`);
    expect(blocks.pendingLength).toBeLessThan(200);
    expect(out.split('\n')).toHaveLength(2003);
  });

  it('an unclosed quote costs its line: the lines after it are read on their own', async () => {
    const text = `${HEAD}L1,"Samarium oxide,2846901940,JP,Acme\nL2,Bolts,7318158000,JP,Acme\nL3,Nuts,7318160000,JP,Acme\n`;
    const { rows, errors } = await readAll(file('m.csv', text));
    expect(errors.map((e) => e.line)).toEqual([2]);
    expect(rows.map((r) => r.values.line_id)).toEqual(['L2', 'L3']);
  });

  it('a quote opened on one line and closed on a later one, when the joined record does not fit the header, costs the first line only', async () => {
    const text = `${HEAD}L1,"Samarium oxide,2846901940,JP,Acme\nL2,Bolts,7318158000,JP,Acme\nL3,Nuts",7318160000,JP,Acme,x\nL4,Washers,7318220000,JP,Acme\n`;
    const { rows, errors } = await readAll(file('m.csv', text));
    expect(errors.map((e) => e.line)).toEqual([2, 4]);
    expect(rows.map((r) => r.values.line_id)).toEqual(['L2', 'L4']);
  });
});

describe('point 3: quote floods take linear time and one line is one record', () => {
  const flood = (n: number): string => `${HEAD}ab${'"'.repeat(n)}\n${good(1)}\n`;

  it('`ab` and 256k quotes on one line: one rejected record, in well under a second', async () => {
    const started = performance.now();
    const { summary, rows, errors } = await readAll(file('flood.csv', flood(256_000)));
    expect(performance.now() - started).toBeLessThan(1500);
    expect(errors.map((e) => e.line)).toEqual([2]);
    expect(rows.map((r) => r.line)).toEqual([3]);
    expect(summary.rows + summary.rejected).toBe(2);
  });

  it('doubling the quotes about doubles the time', async () => {
    const time = async (n: number): Promise<number> => {
      const path = file('flood.csv', flood(n));
      let best = Infinity;
      for (let i = 0; i < 5; i++) {
        const t = performance.now();
        await readAll(path);
        best = Math.min(best, performance.now() - t);
      }
      return best;
    };
    await time(64_000); // warm up
    const small = await time(256_000);
    const large = await time(1_024_000);
    expect(large / Math.max(small, 2)).toBeLessThan(10); // 4x the input: linear is ~4, quadratic 16
  });

  it('`1/2" x 3/4" pipe fitting` is one record, read whole; `Tape "A" "B"` ending a field one rejected record', async () => {
    const fitting = await readAll(file('m.csv', manifest(10, 'L5,1/2" x 3/4" pipe fitting,7307990000,JP,Acme')));
    expect(fitting.errors).toEqual([]);
    expect(fitting.rows[5]!.values.description).toBe('1/2" x 3/4" pipe fitting');
    const tape = await readAll(file('m.csv', manifest(10, 'L5,Tape "A" "B",7307990000,JP,Acme')));
    expect(tape.errors.map((e) => e.line)).toEqual([7]);
    expect(tape.summary.rows + tape.summary.rejected).toBe(10);
  });
});

describe('point 16: CR-only line endings and lone UTF-16 surrogates', () => {
  it('a file with CR line endings only is read line by line', async () => {
    const text = `${HEAD}${good(1)}\n${good(2)}\n`.replaceAll('\n', '\r');
    const { rows, errors } = await readAll(file('cr.csv', text));
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.values.line_id, r.line])).toEqual([['L1', 2], ['L2', 3]]);
  });

  it('a lone surrogate in a UTF-16 file rejects its row', async () => {
    const text = `${HEAD}L1,Sama\ud800rium oxide,2846901940,JP,Acme\n${good(2)}\n`;
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const { rows, errors } = await readAll(file('u16.csv', bytes));
    expect(errors).toEqual([expect.objectContaining({ line: 2, message: 'bytes that are not valid utf-16le in column "Description"' })]);
    expect(rows.map((r) => r.values.line_id)).toEqual(['L2']);
  });
});

describe('point 4: one Latin-1 row does not turn a UTF-8 file into GB18030', () => {
  const latin1 = (s: string): Buffer => Buffer.from(s, 'latin1');
  const bytes = Buffer.concat([
    Buffer.from(`${HEAD}L1,Samarium oxide,2846901940,JP,株式会社IHIエアロスペース\n`),
    latin1('L2,Schrauben für Müller,7318158000,DE,Müller GmbH é è à\n'),
    Buffer.from(`L3,酸化サマリウム,2846901940,JP,三菱重工業株式会社\n`),
  ]);

  it('reads it as UTF-8, rejects the Latin-1 row at its line and says why the encoding was chosen', async () => {
    const { summary, rows, errors } = await readAll(file('mixed.csv', bytes));
    expect(summary.encoding).toBe('utf-8');
    expect(summary.encodingReason).toMatch(/^guessed: .* read as UTF-8, the lines with invalid bytes are rejected/);
    expect(errors).toEqual([expect.objectContaining({ line: 3, message: expect.stringContaining('not valid utf-8') })]);
    expect(rows.map((r) => r.values.end_user)).toEqual(['株式会社IHIエアロスペース', '三菱重工業株式会社']);
  });

  it('the control-list consignee still matches', async () => {
    const { screenFile } = await import('../gate/screen-fixture.js');
    const [ihi] = await screenFile(file('mixed.csv', bytes));
    expect(ihi!.verdict).toBe('prohibited');
  });

  it('a file of ASCII and Latin-1 accents only is not taken for GB18030 either', async () => {
    const { summary, errors } = await readAll(file('latin1.csv', Buffer.concat([Buffer.from(HEAD), latin1('L1,Schrauben für Müller,7318158000,DE,Größe AG\n'), Buffer.from(`${good(2)}\n`)])));
    expect(summary.encoding).toBe('utf-8');
    expect(errors.map((e) => e.line)).toEqual([2]);
  });
});

describe('point 5: repeated, empty and __proto__ header names lose no value', () => {
  it('two End User columns: neither is dropped, the second is screened as a further party of the row', async () => {
    const path = file('m.csv', 'Line ID,Description,HS Code,End User,End User\nL1,Samarium oxide,2846901940,Acme Trading,Japan Ground Self-Defense Force\n');
    const { rows } = await readAll(path);
    expect(rows[0]!.values.end_user).toBe('Acme Trading');
    expect(rows[0]!.norm.parties).toContainEqual({ field: 'End User', value: 'Japan Ground Self-Defense Force' });
    const { screenFile } = await import('../gate/screen-fixture.js');
    const [row] = await screenFile(path);
    expect(row!.verdict).toBe('prohibited');
  });

  it('End User beside Ultimate Consignee: both screened; --map chooses the end user, the other is still read for parties', async () => {
    const path = file('m.csv', 'Line ID,Description,End User,Ultimate Consignee\nL1,Samarium oxide,Acme Trading,Japan Ground Self-Defense Force\n');
    const { rows: both } = await readAll(path);
    expect(both[0]!.norm.parties).toContainEqual({ field: 'Ultimate Consignee', value: 'Japan Ground Self-Defense Force' });
    const m = await openManifest(path, { hsScheme: 'cn', map: { end_user: 'Ultimate Consignee' } });
    const rows = [];
    for await (const e of m.events) if (e.kind === 'row') rows.push(e.row);
    expect(rows[0]!.values.end_user).toBe('Japan Ground Self-Defense Force');
    expect(rows[0]!.extras).toEqual({ 'End User': 'Acme Trading' });
  });

  it('two HS code columns: the file is refused with a clear error rather than one dropped', async () => {
    const path = file('m.csv', 'Line ID,Description,HS Code,HS\nL1,Samarium oxide,2846901940,8106101091\n');
    await expect(readAll(path)).rejects.toThrow(/"HS Code" \(column 3\) and "HS" \(column 4\) both give hs_code, which holds one value per row: dualscreen refuses the file/);
  });

  it('two line-number columns (SAP\'s Line beside its Item): the first is the line id, the other an extra column, and a note says so', async () => {
    const { rows, summary } = await readAll(file('m.csv', 'Line,Item,Description,HS Code\n1,10,Samarium oxide,2846901940\n'));
    expect(rows[0]!.values.line_id).toBe('1');
    expect(rows[0]!.extras).toEqual({ Item: '10' });
    expect(summary.notes).toContainEqual(expect.stringContaining('"Item" (column 2) also names line_id'));
  });

  it('English and Chinese descriptions are both screened', async () => {
    const { rows } = await readAll(file('m.csv', 'Line ID,英文品名,中文品名,HS Code\nL1,Rare earth oxide,氧化钐,2846901940\n'));
    expect(rows[0]!.values.description).toBe('Rare earth oxide; 氧化钐');
  });

  it('empty, repeated and __proto__ headers keep their values in the JSON and CSV reports', async () => {
    const { spawnSync } = await import('node:child_process');
    const path = file('m.csv', 'Description,HS Code,Notes,Notes,,__proto__\nBolts,7318158000,a,b,c,d\n');
    const run = (format: string): string =>
      spawnSync(process.execPath, ['bin/dualscreen.js', 'screen', path, '-f', format, '--all', '--as-of', '2026-11-28'], { encoding: 'utf8' }).stdout;
    const report = JSON.parse(run('json')) as { rows: { extras: Record<string, string> }[] };
    expect(Object.entries(report.rows[0]!.extras)).toEqual([['Notes', 'a'], ['Notes (column 4)', 'b'], ['column 5', 'c'], ['__proto__', 'd']]);
    expect(run('csv').split('\r\n')[1]).toBe('Bolts,7318158000,a,b,c,d,clear,,,none');
  });
});
