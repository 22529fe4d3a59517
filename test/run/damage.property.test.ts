/**
 * Issue 12, "Done when": over random damage to a valid manifest (inserted quotes, cut lines, bytes of
 * another encoding), every record is screened or listed in `errors`, the counts add up, and reading
 * in pieces, in chunks (as the workers do) and on worker threads gives the same result, byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordBlocks } from '../../src/manifest/blocks.js';
import { countNewlines } from '../../src/manifest/csv.js';
import { openManifest, openManifestText, type ManifestEvent } from '../../src/manifest/read.js';
import { RecordConverter } from '../../src/manifest/records.js';
import { ChunkCutter, chunkText } from '../../src/run/chunks.js';
import { tempFiles } from '../temp-files.js';

const tempFile = tempFiles('damage-prop');
const ROOT = join(import.meta.dirname, '..', '..');
const HEAD = 'Line ID,Description,HS Code,Destination,End User';
const DESCRIPTIONS = ['Samarium oxide', '"Bolts, M8 x 20"', '酸化サマリウム 99.9%', '"Steel pipe 3/4"" OD"', 'Gallium nitride wafers', '氧化钐'];

/** A valid manifest of `n` one-line records with unique ids. */
function validLines(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `L${String(i).padStart(4, '0')},${DESCRIPTIONS[i % DESCRIPTIONS.length]},${i % 3 ? '7318158000' : '2846901940'},JP,Acme ${i}`);
}

type Damage = { kind: 'quote' | 'cut' | 'latin1' | 'gbk' | 'sjis'; line: number; at: number };
const FOREIGN: Record<'latin1' | 'gbk' | 'sjis', Buffer> = {
  latin1: Buffer.from([0xfc, 0x6c, 0xe9]), // "ül" and "é" in Latin-1
  gbk: Buffer.from([0xd6, 0xd0, 0xb9, 0xfa]), // 中国 in GBK
  sjis: Buffer.from([0x83, 0x65, 0x83, 0x58]), // テス in Shift_JIS
};

/** The damaged file's bytes, and which original lines were touched. */
function damage(lines: string[], damages: Damage[]): { bytes: Buffer; touched: Set<number> } {
  const parts: (string | Buffer)[][] = lines.map((l) => [l]);
  const touched = new Set<number>();
  for (const d of damages) {
    const i = d.line % lines.length;
    touched.add(i);
    const text = lines[i]!;
    const at = d.at % (text.length + 1);
    const insert = d.kind === 'quote' ? '"' : d.kind === 'cut' ? '\n' : FOREIGN[d.kind];
    parts[i] = [text.slice(0, at), insert, text.slice(at)];
    lines[i] = `${text.slice(0, at)}${typeof insert === 'string' ? insert : '\u0000'}${text.slice(at)}`; // later damage on the same line lands near
  }
  const body = parts.map((p) => Buffer.concat(p.map((x) => (typeof x === 'string' ? Buffer.from(x) : x))));
  return { bytes: Buffer.concat([Buffer.from(`${HEAD}\n`), ...body.flatMap((b) => [b, Buffer.from('\n')])]), touched };
}

const damageArb = fc.record({ kind: fc.constantFrom('quote', 'quote', 'cut', 'latin1', 'gbk', 'sjis'), line: fc.nat(), at: fc.nat() }) as fc.Arbitrary<Damage>;

async function readAll(path: string): Promise<{ events: ManifestEvent[]; rows: number; rejected: number }> {
  const m = await openManifest(path, { hsScheme: 'cn', encoding: 'utf-8' });
  const events: ManifestEvent[] = [];
  for await (const e of m.events) events.push(e);
  return { events, rows: m.summary.rows, rejected: m.summary.rejected };
}

/** As the parallel path reads: the same blocks, the header here, the rest in small chunks, each on a converter of its own. */
async function readInChunks(path: string, chunkBytes: number): Promise<ManifestEvent[]> {
  const { blocks, summary } = await openManifestText(path, { hsScheme: 'cn', encoding: 'utf-8' });
  const head = new RecordConverter(path, { hsScheme: 'cn' }, undefined, 0, summary.encoding);
  const cutter = new ChunkCutter(chunkBytes);
  const events: ManifestEvent[] = [];
  let records = 0;
  const screen = (c: { bytes: Uint8Array; lineOffset: number } | undefined): void => {
    if (!c) return;
    const conv = new RecordConverter(path, { hsScheme: 'cn' }, head.header, c.lineOffset, summary.encoding);
    conv.readBlock(chunkText(c.bytes), summary.delimiter, (e) => events.push(e.kind === 'row' ? { kind: 'row', row: { ...e.row, row: e.row.row + records } } : e));
    records += conv.records;
  };
  for await (const b of blocks) {
    if (!('text' in b)) throw new Error(b.unfinished);
    if (!head.header) {
      head.readBlock(b.text, summary.delimiter, () => undefined);
      cutter.skip(countNewlines(b.text));
    } else screen(cutter.add(b.text, countNewlines(b.text)));
  }
  screen(cutter.flush());
  return events;
}

const at = (e: ManifestEvent): number => (e.kind === 'row' ? e.row.line : e.line);

describe('random damage to a valid manifest (seeded)', () => {
  it('every line is screened, rejected, or inside a screened quoted field; the counts add up; chunked reading agrees', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 5, max: 40 }), fc.array(damageArb, { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 400 }), async (n, damages, chunk) => {
        const original = validLines(n);
        const { bytes, touched } = damage([...original], damages);
        const path = tempFile('m.csv', bytes);
        const { events, rows, rejected } = await readAll(path);
        const screened = events.flatMap((e) => (e.kind === 'row' ? [e.row] : []));
        const errors = events.filter((e) => e.kind === 'error');
        expect(rows).toBe(screened.length);
        expect(rejected).toBe(errors.length);

        // every physical line of the damaged file starts a record, or lies inside a screened record's quoted field
        const text = bytes.toString('utf8').split('\n');
        const starts = new Set(events.map(at));
        for (let line = 2; line <= text.length; line++) {
          const content = text[line - 1]!;
          if (content === '' || starts.has(line)) continue;
          const holder = screened.filter((r) => r.line < line).at(-1);
          expect(holder, `line ${line} ${JSON.stringify(content)} is neither screened nor rejected`).toBeDefined();
          const span = 1 + countNewlines(Object.values(holder!.values).join(''));
          expect(line, `line ${line} is not inside the record at line ${holder!.line}`).toBeLessThan(holder!.line + span);
        }
        // an undamaged record is screened as it was written, unless a quote opened before it took it into a field
        original.forEach((line, i) => {
          if (touched.has(i)) return;
          const id = line.slice(0, 5);
          const row = screened.find((r) => r.values.line_id === id);
          if (row) expect(row.values.destination_country).toBe('JP');
          else expect(screened.some((r) => Object.values(r.values).join('\n').includes(id))).toBe(true);
        });

        expect(JSON.stringify(await readInChunks(path, chunk))).toBe(JSON.stringify(events));
      }),
      { seed: 20261203, numRuns: 300, interruptAfterTimeLimit: 20_000 },
    );
  }, 60_000);

  it('text pushed in pieces of any size cuts into blocks that read as the whole does', () => {
    fc.assert(
      fc.property(fc.integer({ min: 5, max: 30 }), fc.array(damageArb, { maxLength: 4 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }), (n, damages, sizes) => {
        const text = damage(validLines(n), damages).bytes.toString('utf8');
        const read = (blocks: string[]): unknown[] => {
          const conv = new RecordConverter('m.csv', { hsScheme: 'cn' }, undefined, 0, 'utf-8');
          const out: unknown[] = [];
          for (const b of blocks) conv.readBlock(b, ',', (e) => out.push(e));
          return out;
        };
        const cutter = new RecordBlocks(',');
        const blocks: string[] = [];
        for (let pos = 0, k = 0; pos < text.length; k++) {
          const size = sizes[k % sizes.length]!;
          const b = cutter.push(text.slice(pos, pos + size));
          if (b) blocks.push(b);
          pos += size;
        }
        blocks.push(...cutter.end());
        expect(blocks.join('')).toBe(text);
        expect(JSON.stringify(read(blocks))).toBe(JSON.stringify(read([text])));
      }),
      { seed: 1203, numRuns: 500, interruptAfterTimeLimit: 15_000 },
    );
  });

  it('one thread and worker threads write the same report, byte for byte', { timeout: 120_000 }, () => {
    const samples = fc.sample(fc.tuple(fc.integer({ min: 200, max: 400 }), fc.array(damageArb, { minLength: 2, maxLength: 6 })), { seed: 42, numRuns: 3 });
    for (const [n, damages] of samples) {
      const path = tempFile('m.csv', damage(validLines(n), damages).bytes);
      const run = (workers: string): { code: number | null; out: string } => {
        const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'dualscreen.js'), 'screen', path, '-f', 'json', '--as-of', '2026-11-28', '--workers', workers], {
          encoding: 'utf8',
          env: { ...process.env, DUALSCREEN_PARALLEL_MIN_BYTES: '1', DUALSCREEN_CHUNK_BYTES: '700' },
        });
        return { code: r.status, out: r.stdout.replace(/"generatedAt": "[^"]+"/, '"generatedAt": ""') };
      };
      const one = run('1');
      const two = run('2');
      expect(two).toEqual(one);
      const report = JSON.parse(one.out) as { summary: { rows: number; rejected: number }; errors: unknown[] };
      expect(report.summary.rejected).toBe(report.errors.length);
    }
  });
});
