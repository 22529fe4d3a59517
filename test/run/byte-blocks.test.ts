/**
 * Issue 11 part 6: the parallel path cuts a UTF-8 file's records on its bytes and the workers decode
 * them. The byte cutter cuts where the text cutter does, and the workers read what one thread reads:
 * CRLF, BOM, quoted fields over several lines, irregular quotes, invalid bytes, a header row inside
 * the data, totals rows.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordBlocks } from '../../src/manifest/blocks.js';
import { ByteRecordBlocks, countLineFeeds } from '../../src/manifest/byte-blocks.js';
import { countNewlines } from '../../src/manifest/csv.js';
import { normaliseNewlines } from '../../src/manifest/newlines.js';
import { openManifestBlocks, openManifestText, type ManifestEvent, type ReadOptions } from '../../src/manifest/read.js';
import { RecordConverter } from '../../src/manifest/records.js';
import { ChunkCutter, chunkText } from '../../src/run/chunks.js';
import { tempFiles } from '../temp-files.js';

const tempFile = tempFiles('byte-blocks');
const ROOT = join(import.meta.dirname, '..', '..');
const HEAD = 'Line ID,Description,HS Code,Destination,End User';

/** Records of every kind the cutters tell apart, some of them damaged, as bytes. */
const RECORDS: (string | Buffer)[] = [
  'L1,Samarium oxide,2846901940,JP,Acme',
  'L2,"Bolts, M8 x 20",7318158000,JP,"Tokyo ""KK"""',
  'L3,"Samarium oxide\nin drums",2846901940,JP,Acme',
  'L4,"a description\r\nover CRLF lines",7318158000,JP,x',
  'L5,Steel pipe 3/4" OD,7307990000,JP,Acme',
  'L6,"a"x,1,JP,x',
  'L7,"Samarium oxide" ,2846901940,JP,x',
  'L8,Samarium oxide in drums",2846901940,JP,Acme',
  'L9,="0123",2846901940,JP,Acme',
  'L10,酸化サマリウム 99.9%,2846901940,JP,防衛装備庁',
  'L11,氧化钐 😀,2846901940,CN,x',
  '\ufeffL12,a BOM character starts this line,7318158000,JP,x',
  Buffer.concat([Buffer.from('L13,M'), Buffer.from([0xfc, 0x6c]), Buffer.from('ler bolts,7318158000,JP,x')]),
  Buffer.concat([Buffer.from('L14,'), Buffer.from([0xd6, 0xd0, 0xb9, 0xfa]), Buffer.from(',7318158000,JP,x')]),
  'L15,"never closed,7318158000,JP,x',
  'L16,a lone\rCR,7318158000,JP,x',
  ',Subtotal,,,123456.00',
  ',TOTAL,,,999999.00',
  HEAD,
  '',
  'L17,"quoted at the end"',
  'L18,"x"\r',
];
const ENDINGS = ['\n', '\n', '\n', '\r\n', '\r\r\n'];

const fileArb = fc.record({
  bom: fc.boolean(),
  title: fc.boolean(),
  records: fc.array(fc.tuple(fc.nat(RECORDS.length - 1), fc.nat(ENDINGS.length - 1)), { minLength: 1, maxLength: 60 }),
  lastEnding: fc.boolean(),
});

function fileBytes(f: { bom: boolean; title: boolean; records: [number, number][]; lastEnding: boolean }): Buffer {
  const parts: Buffer[] = [];
  if (f.bom) parts.push(Buffer.from([0xef, 0xbb, 0xbf]));
  if (f.title) parts.push(Buffer.from('Commercial invoice No. 2026-118\r\n'));
  parts.push(Buffer.from(`${HEAD}\r\n`));
  f.records.forEach(([r, e], i) => {
    const record = RECORDS[r]!;
    parts.push(typeof record === 'string' ? Buffer.from(record) : record);
    if (f.lastEnding || i < f.records.length - 1) parts.push(Buffer.from(ENDINGS[e]!));
  });
  return Buffer.concat(parts);
}

const OPTIONS: ReadOptions = { hsScheme: 'cn', encoding: 'utf-8' };

/** As the parallel path reads: the header here, the rest in chunks of about `chunkBytes`, each on a converter of its own. */
async function readInChunks(path: string, blocksOf: typeof openManifestBlocks, chunkBytes: number): Promise<{ events: ManifestEvent[]; lines: number }> {
  const { blocks, summary } = await blocksOf(path, OPTIONS);
  const head = new RecordConverter(path, OPTIONS, undefined, 0, summary.encoding);
  const cutter = new ChunkCutter(chunkBytes);
  const events: ManifestEvent[] = [];
  let records = 0;
  const screen = (c: { bytes: Uint8Array; lineOffset: number } | undefined): void => {
    if (!c) return;
    const conv = new RecordConverter(path, OPTIONS, head.header, c.lineOffset, summary.encoding);
    conv.readBlock(chunkText(c.bytes), summary.delimiter, (e) => events.push(e.kind === 'row' ? { kind: 'row', row: { ...e.row, row: e.row.row + records } } : e));
    records += conv.records;
  };
  for await (const b of blocks) {
    if ('unfinished' in b) throw new Error(b.unfinished);
    const lines = 'text' in b ? countNewlines(b.text) : b.lines;
    if (!head.header) {
      head.readBlock('text' in b ? b.text : chunkText(b.bytes), summary.delimiter, () => undefined);
      cutter.skip(lines);
    } else screen(cutter.add('text' in b ? b.text : b.bytes, lines));
  }
  screen(cutter.flush());
  return { events, lines: cutter.lines };
}

describe('the byte cutter', () => {
  it('cuts bytes pushed in pieces of any size (a character or a CRLF cut in two) where the text cutter cuts their text', () => {
    fc.assert(
      fc.property(fileArb, fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 10 }), (f, sizes) => {
        // a first record that is no second header row
        const body = Buffer.concat([Buffer.from('L0,Bolts,7318158000,JP,x\r\n'), fileBytes({ ...f, bom: false, title: false }).subarray(Buffer.byteLength(`${HEAD}\r\n`))]);
        const width = HEAD.split(',').length;
        const bytes = new ByteRecordBlocks(',', width);
        const byteBlocks: Buffer[] = [];
        for (let pos = 0, k = 0; pos < body.length; k++) {
          const size = sizes[k % sizes.length]!;
          const block = bytes.push(body.subarray(pos, pos + size));
          if (block.length > 0) byteBlocks.push(block);
          pos += size;
        }
        byteBlocks.push(bytes.end());
        expect(Buffer.concat(byteBlocks).equals(body)).toBe(true);

        // the text cutter after the same header, on the whole text at once
        const text = new RecordBlocks(',');
        const header = text.push(`${HEAD}\n${normaliseNewlines(new TextDecoder('utf-8', { ignoreBOM: true }).decode(body))}`);
        const textBlocks = text.end();
        expect(header).toBe(`${HEAD}\n`);
        // every byte block ends where a text block may end: reading each on its own reads what the whole text reads
        const read = (blocks: string[]): unknown[] => {
          const conv = new RecordConverter('m.csv', OPTIONS, undefined, 0, 'utf-8');
          const out: unknown[] = [];
          conv.readBlock(`${HEAD}\n`, ',', () => undefined);
          for (const b of blocks) conv.readBlock(b, ',', (e) => out.push(e));
          return out;
        };
        const decoded = byteBlocks.filter((b) => b.length > 0).map((b) => chunkText(b));
        expect(decoded.join('')).toBe(textBlocks.join(''));
        expect(JSON.stringify(read(decoded))).toBe(JSON.stringify(read([textBlocks.join('')])));
        expect(byteBlocks.reduce((n, b) => n + countLineFeeds(b), 0)).toBe(countNewlines(textBlocks.join('')));
      }),
      { seed: 20261205, numRuns: 400, interruptAfterTimeLimit: 20_000 },
    );
  });

  it('reading a file as byte blocks in chunks gives the events of reading it as text blocks in chunks (BOM, title, CRLF, damage)', async () => {
    await fc.assert(
      fc.asyncProperty(fileArb, fc.integer({ min: 1, max: 300 }), async (f, chunk) => {
        const path = tempFile('m.csv', fileBytes(f));
        let expected: unknown;
        try {
          expected = await readInChunks(path, openManifestText, chunk);
        } catch (e) {
          expected = String(e);
        }
        let actual: unknown;
        try {
          actual = await readInChunks(path, openManifestBlocks, chunk);
        } catch (e) {
          actual = String(e);
        }
        expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
      }),
      { seed: 1205, numRuns: 200, interruptAfterTimeLimit: 20_000 },
    );
  }, 60_000);

  it('gives the records after the header as bytes, the header block as text, for a UTF-8 file only', async () => {
    const utf8 = tempFile('m.csv', Buffer.from(`\ufeff${HEAD}\r\nL1,Bolts,7318158000,JP,x\r\n`));
    const kinds = async (path: string, options: ReadOptions = { hsScheme: 'cn' }): Promise<string[]> => {
      const out: string[] = [];
      for await (const b of (await openManifestBlocks(path, options)).blocks) out.push(Object.keys(b)[0]!);
      return out;
    };
    expect(await kinds(utf8)).toEqual(['text', 'bytes']);
    const crOnly = tempFile('m.csv', Buffer.from(`${HEAD}\rL1,Bolts,7318158000,JP,x\r`));
    expect(await kinds(crOnly)).toEqual(['text', 'text']);
    const sjis = tempFile('m.csv', Buffer.from(`${HEAD}\r\nL1,Bolts,7318158000,JP,x\r\n`));
    expect(await kinds(sjis, { hsScheme: 'cn', encoding: 'shift_jis' })).toEqual(['text', 'text']);
  });
});

describe('one thread and worker threads on UTF-8 files cut as bytes', { timeout: 120_000 }, () => {
  const run = (path: string, workers: string, chunk: string): { code: number | null; out: string; err: string } => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'dualscreen.js'), 'screen', path, '-f', 'json', '--as-of', '2026-11-28', '--workers', workers], {
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, DUALSCREEN_PARALLEL_MIN_BYTES: '1', DUALSCREEN_CHUNK_BYTES: chunk },
    });
    return { code: r.status, out: r.stdout.replace(/"generatedAt": "[^"]+"/, '"generatedAt": ""'), err: r.stderr };
  };

  it('write the same report, byte for byte, with CRLF, a BOM, multi-line and irregular quotes, invalid bytes, a repeated header and totals', () => {
    const samples = fc.sample(fileArb, { seed: 7, numRuns: 3 });
    for (const f of samples) {
      const records: [number, number][] = Array.from({ length: 400 }, (_, i) => f.records[i % f.records.length]!);
      const path = tempFile('m.csv', fileBytes({ ...f, bom: true, records }));
      const one = run(path, '1', '700');
      for (const chunk of ['700', '150']) {
        const two = run(path, '2', chunk);
        expect(two.err, `chunks of ${chunk} bytes`).toBe(one.err);
        expect(two, `chunks of ${chunk} bytes`).toEqual(one);
      }
    }
  });
});
