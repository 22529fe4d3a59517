/** Broken and hostile manifests: every bad line is named, nothing is dropped silently, the rest is read. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/model/errors.js';
import { tempFiles } from '../temp-files.js';
import { readAll } from './read-all.js';

const tempFile = tempFiles('hostile');
const file = (content: string | Buffer): string => tempFile('h.csv', content);


const HEAD = 'Line ID,Description,HS Code\n';

describe('broken rows are reported with their line and the others are read', () => {
  it('a quote inside an unquoted field is part of it (an inch mark); one that ends the field after text is not', async () => {
    const { rows, errors } = await readAll(file(`${HEAD}A,Steel pipe 3/4" OD,7304390000\nB,Bolts,7318158000\nC,Nuts "heavy",7318160000\n`));
    expect(rows.map((r) => [r.values.line_id, r.values.description])).toEqual([
      ['A', 'Steel pipe 3/4" OD'],
      ['B', 'Bolts'],
    ]);
    expect(errors).toEqual([expect.objectContaining({ line: 4, message: expect.stringContaining('a quote that ends an unquoted field') })]);
  });

  it('a NUL byte in a row', async () => {
    const { rows, errors } = await readAll(file(`${HEAD}A,Bol\u0000ts,7318158000\nB,Nuts,7318160000\n`));
    expect(rows.map((r) => r.values.line_id)).toEqual(['B']);
    expect(errors[0]).toMatchObject({ line: 2, message: 'NUL byte in column "Description"' });
  });

  it('invalid UTF-8 in an otherwise UTF-8 file, with the line where it is', async () => {
    const good = Array.from({ length: 30 }, (_, i) => `G${i},酸化サマリウム,2846901940`).join('\n');
    const bytes = Buffer.concat([Buffer.from(`${HEAD}${good}\nBAD,`), Buffer.from([0xff, 0xfe, 0x41]), Buffer.from(',7318158000\nZ,Nuts,7318160000\n')]);
    const { summary, rows, errors } = await readAll(file(bytes));
    expect(summary.encoding).toBe('utf-8');
    expect(rows).toHaveLength(31);
    expect(errors).toEqual([expect.objectContaining({ line: 32, message: 'bytes that are not valid utf-8 in column "Description"' })]);
  });

  it('the header repeated inside the data (files joined together) is skipped with a note', async () => {
    const { summary, rows, errors } = await readAll(file(`${HEAD}A,Bolts,7318158000\n${HEAD}B,Nuts,7318160000\n`));
    expect(rows.map((r) => [r.values.line_id, r.line])).toEqual([['A', 2], ['B', 4]]);
    expect(errors).toEqual([]);
    expect(summary.notes).toContain('the header row again inside the data (files joined?), skipped (line 3)');
    expect(summary.rows).toBe(2);
  });

  it('mixed line endings and a lone final line without a newline', async () => {
    const { rows, errors } = await readAll(file(`${HEAD.replace('\n', '\r\n')}A,Bolts,7318158000\r\nB,Nuts,7318160000\nC,Washers,7318220000`));
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.values.line_id, r.line])).toEqual([['A', 2], ['B', 3], ['C', 4]]);
  });

  it('a 10 MB field', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const { rows } = await readAll(file(`${HEAD}A,"${big}",7318158000\nB,Nuts,7318160000\n`));
    expect(rows.map((r) => r.values.description?.length)).toEqual([big.length, 4]);
  });

  it('100,000 columns', async () => {
    const extra = Array.from({ length: 100_000 }, (_, i) => `c${i}`);
    const { rows, summary } = await readAll(file(`Description,HS Code,${extra.join(',')}\nBolts,7318158000,${extra.map(() => '1').join(',')}\n`));
    expect(summary.mapping.extras).toHaveLength(100_000);
    expect(rows[0]!.values).toEqual({ description: 'Bolts', hs_code: '7318158000' });
  });

  it('a header that repeats a text column screens both values and keeps the second cell as an extra', async () => {
    const { rows } = await readAll(file('Description,HS Code,Description\nBolts,7318158000,Schrauben\n'));
    expect(rows[0]!.values.description).toBe('Bolts; Schrauben');
    expect(Object.values(rows[0]!.extras)).toEqual(['Schrauben']);
  });
});

describe('properties (seeded, time-bounded fuzzing of the reader)', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('"', '""', '"x"y', ',', '\n', '\r\n', '酸化サマリウム', '2846901940', '\u0000', ' '),
  );
  const manifest = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 20 }).map((rows) =>
    `${HEAD}${rows.map((r) => r.join(',')).join(fc.sample(fc.constantFrom('\n', '\r\n'), { numRuns: 1, seed: 7 })[0])}\n`,
  );

  it('rows read = rows screened + rows rejected, every line number is inside the file, and a second read is identical', async () => {
    await fc.assert(
      fc.asyncProperty(manifest, async (text) => {
        const path = file(text);
        let first;
        try {
          first = await readAll(path);
        } catch (e) {
          expect(e).toBeInstanceOf(UserError); // e.g. a header with no data rows
          return;
        }
        const { summary, rows, errors } = first;
        expect(summary.rows).toBe(rows.length);
        expect(summary.rejected).toBe(errors.length);
        const lines = text.split('\n').length;
        for (const e of first.events) expect(e.kind === 'row' ? e.row.line : e.line).toBeLessThanOrEqual(lines);
        const second = await readAll(path);
        expect(JSON.stringify(second.events)).toBe(JSON.stringify(first.events));
      }),
      { seed: 20261128, numRuns: 300, interruptAfterTimeLimit: 8000 },
    );
  }, 30_000);
});
