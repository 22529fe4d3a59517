/** The report's write batches: the bytes handed on are the UTF-8 of the text written, in order, whatever the pieces. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TextBatch } from '../../src/report/batch.js';

describe('TextBatch', () => {
  it('hands on exactly the UTF-8 of what was written, whatever the pieces and the limit', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 300 })), { maxLength: 200 }), fc.integer({ min: 8, max: 256 }), (pieces, limit) => {
        const out: Buffer[] = [];
        const batch = new TextBatch((bytes) => out.push(Buffer.from(bytes)), limit);
        for (const p of pieces) batch.write(p);
        batch.flush();
        expect(Buffer.concat(out).equals(Buffer.from(pieces.join('')))).toBe(true);
        for (const b of out) expect(b.length).toBeGreaterThan(0);
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });

  it('gathers small pieces: 1,000 rows of 10 bytes with a limit of 64 make 143 writes of 70 bytes, not 1,000', () => {
    const sizes: number[] = [];
    const batch = new TextBatch((bytes) => sizes.push(bytes.length), 64);
    for (let i = 0; i < 1000; i++) batch.write('0123456789');
    batch.flush();
    expect(sizes.length).toBe(143);
    expect(sizes.slice(0, -1).every((n) => n === 70)).toBe(true);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it('gives each batch its own bytes: a sink that keeps them (a pipe still sending) sees them unchanged', () => {
    const kept: Buffer[] = [];
    const batch = new TextBatch((bytes) => kept.push(bytes), 16);
    for (let i = 0; i < 10; i++) batch.write(`row ${i} 氧化镝;\n`);
    batch.flush();
    expect(Buffer.concat(kept).toString('utf8')).toBe(Array.from({ length: 10 }, (_, i) => `row ${i} 氧化镝;\n`).join(''));
  });
});
