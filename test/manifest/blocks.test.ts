/** The block splitter: blocks end on record boundaries wherever the stream's chunks happen to end. */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordBlocks } from '../../src/manifest/blocks.js';
import { isHeaderRow } from '../../src/manifest/header.js';

/** Feeds `text` in chunks of the given sizes (cycled) and returns the blocks, the final one included. */
function blocksOf(text: string, sizes: number[], delimiter = ','): string[] {
  const cutter = new RecordBlocks(delimiter);
  const out: string[] = [];
  for (let at = 0, i = 0; at < text.length; i++) {
    const size = sizes[i % sizes.length]!;
    const block = cutter.push(text.slice(at, at + size));
    if (block !== '') out.push(block);
    at += size;
  }
  out.push(...cutter.end());
  return out;
}

const records = (csv: string): string[][] => parse(csv, { relax_column_count: true, relax_quotes: true }) as string[][];

const MANIFEST = [
  'line_id,description,hs_code,consignee,destination_country',
  '1,"Gallium, 99.9999% (6N) ingots",8112921000,"Tokyo Metals ""KK""",JP',
  '2,"Samarium oxide\nSm2O3, 99.9%",2846901940,防衛装備庁,JP',
  '3,Drone flight controller,8807300000,"ACME\n\nUAV Ltd",US',
  '4,,,,',
  '5,Tungsten carbide powder,2849902000,Seoul Tools,KR',
].join('\n') + '\n';

describe('RecordBlocks', () => {
  it('gives the header record alone as the first block, with the title lines above it when there are some', () => {
    const blocks = blocksOf(MANIFEST, [4096]);
    expect(blocks[0]).toBe('line_id,description,hs_code,consignee,destination_country\n');
    const titled = `Commercial invoice No. 2026-118,,,,\nShipper: Example Metals Co.,,,,\n${MANIFEST}`;
    for (const size of [5, 4096]) {
      const parts = blocksOf(titled, [size]);
      expect(parts[0]).toMatch(/^Commercial invoice[^]*line_id,description,hs_code,consignee,destination_country\n$/);
      expect(parts.join('')).toBe(titled);
    }
  });

  it('never cuts inside a quoted field, even when a chunk ends between its lines', () => {
    for (const size of [1, 2, 3, 7, 16, 61, 62, 63]) {
      const blocks = blocksOf(MANIFEST, [size]);
      expect(blocks.join('')).toBe(MANIFEST);
      // every block after the header is whole records: read on its own it gives whole rows of five fields
      for (const block of blocks.slice(1)) for (const rec of records(block)) expect(rec).toHaveLength(5);
      expect(blocks.slice(1).flatMap(records)).toEqual(records(MANIFEST).slice(1));
    }
  });

  it('never cuts inside a spreadsheet text formula ="..." whose text holds a newline', () => {
    const text = 'description,hs_code,consignee\nGallium,="8112921000",="Tokyo\nMetals, KK"\nBolts,="731815",Acme\n';
    for (const size of [1, 3, 7, 4096]) {
      const blocks = blocksOf(text, [size]);
      expect(blocks.join('')).toBe(text);
      expect(blocks.slice(1).every((b) => b.startsWith('Gallium') || b.startsWith('Bolts'))).toBe(true);
    }
  });

  it('keeps a final record without a newline', () => {
    const text = 'a;b\n1;"x\ny"\n2;z';
    expect(blocksOf(text, [3], ';').join('')).toBe(text);
    expect(blocksOf(text, [3], ';').at(-1)).toMatch(/2;z$/);
  });

  // the header names real columns: the header search takes the first row that maps the goods and another column
  it('reads the same records as one parse of the whole text, however the stream is chunked (property)', () => {
    const field = fc.oneof(
      fc.constantFrom('', 'Gallium', '酸化サマリウム', '1C902.a', '2846901940'),
      fc.string({ maxLength: 5 }).map((s) => `"${s.replace(/"/g, '""')}"`),
      fc.constantFrom('"a,b"', '"line\nbreak"', '"say ""hi"""', '"\n\n"'),
    );
    const row = fc.array(field, { minLength: 3, maxLength: 3 }).map((f) => f.join(','));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 12 }), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }), (rows, sizes) => {
        // a first row that itself reads as a header ("hS", "line") is the second row of a two-row header, by design
        fc.pre(!isHeaderRow(records(`${rows[0]}\n`)[0] ?? []));
        const text = `description,hs_code,consignee\n${rows.join('\n')}\n`;
        const blocks = blocksOf(text, sizes);
        expect(blocks.join('')).toBe(text);
        expect(blocks.slice(1).flatMap(records)).toEqual(records(text).slice(1));
      }),
      { seed: 20261203, numRuns: 300 },
    );
  });
});
