/**
 * Worker threads give the same report as one thread, rows in input order, bad lines at their real
 * line numbers. Workers run for reports of flagged rows only (json without --all here).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateManifest } from '../bench/generate.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'dualscreen-parallel-'));

function screen(file: string, workers: number, extra: string[] = [], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'dualscreen.js'), 'screen', file, '--format', 'json', '--as-of', '2026-11-28', '--workers', String(workers), ...extra], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, DUALSCREEN_PARALLEL_MIN_BYTES: '65536', DUALSCREEN_CHUNK_BYTES: '65536', ...env },
  });
  return { code: r.status, raw: r.stdout, report: r.stdout.replace(/"generatedAt": "[^"]+"/, ''), stderr: r.stderr };
}

describe('parallel screening', { timeout: 120_000 }, () => {
  it('gives a byte-identical report to the single-threaded run', async () => {
    const file = join(dir, 'big.csv');
    await generateManifest(file, 8000, 7);
    const one = screen(file, 1);
    const two = screen(file, 2);
    expect(two.code).toBe(one.code);
    expect(two.report).toBe(one.report);
    const parsed = JSON.parse(one.raw) as { rows: { row: number; line: number }[]; summary: { rows: number } };
    expect(parsed.summary.rows).toBe(8000);
    const numbers = parsed.rows.map((r) => r.row);
    expect(numbers.length).toBeGreaterThan(100); // flagged rows from many chunks
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });

  it('workers render the JSON rows themselves for every report that shows them so, and send results back where a report or a gate needs them: each report agrees with one thread', async () => {
    const file = join(dir, 'outputs.csv');
    await generateManifest(file, 6000, 3);
    const out = (name: string): string => join(dir, name);
    const read = (name: string): string => readFileSync(out(name), 'utf8').replace(/"generatedAt": "[^"]+"/, '').replace(/"startTimeUtc": "[^"]+"/, '');
    // rendered once for two JSON reports; a SARIF file beside them needs the results; a waiver changes results after screening
    const cases: [string, string[]][] = [
      ['json', ['--output', `json=${out('copy-N.json')}`]],
      ['sarif', ['--output', `sarif=${out('copy-N.sarif')}`]],
      ['waivers', ['--waivers', join(ROOT, 'fixtures/gate/waivers.yaml')]],
    ];
    for (const [label, args] of cases) {
      const one = screen(file, 1, args.map((a) => a.replace('-N.', '-1.')));
      const two = screen(file, 2, args.map((a) => a.replace('-N.', '-2.')));
      expect(two.code, label).toBe(one.code);
      expect(two.report, label).toBe(one.report);
      expect(two.stderr, label).toBe(one.stderr);
    }
    expect(read('copy-2.json')).toBe(read('copy-1.json'));
    expect(read('copy-2.json')).toBe(screen(file, 1).report);
    expect(read('copy-2.sarif')).toBe(read('copy-1.sarif'));
    expect((JSON.parse(readFileSync(out('copy-2.json'), 'utf8')) as { rows: unknown[] }).rows.length).toBeGreaterThan(100);
  });

  it('gives the same report in Japanese: the workers keep the messages in their catalogue form when a report renders them', async () => {
    const file = join(dir, 'big-ja.csv');
    await generateManifest(file, 3000, 11);
    const args = ['--format', 'text', '--explain', '--lang', 'ja', '--no-color'];
    const one = screen(file, 1, args);
    const two = screen(file, 2, args);
    expect(two.stderr).toBe(one.stderr);
    expect(two.report).toBe(one.report);
    // a finding rendered in Japanese from its catalogue form, not the English message
    expect(one.report).toContain('両用品目：輸出許可が必要');
  });

  it('reports broken lines at their real line numbers from every chunk, and still screens the rest', async () => {
    const file = join(dir, 'broken.csv');
    await generateManifest(file, 3000, 11);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[100] = 'L0000100,too few fields';
    // a quoted field over two lines: the chunk split must not cut it, and later lines shift by one
    lines[2500] = 'L0002500,"a description over\ntwo lines, with a comma",7318158000,,1,pcs,1,USD,CN,JP,x,x,x,PO';
    lines[2800] = `${lines[2800]},extra`;
    // company names cut by an unquoted comma in chunks far apart: read whole, and the note counts them all
    for (const at of [50, 1500, 2900]) lines[at] = `L${String(at).padStart(7, '0')},Ball bearings,8482100000,,1,pcs,1,USD,CN,JP,Tokyo Trading Co., Ltd.,x,x,PO`;
    writeFileSync(file, lines.join('\n'));
    const one = screen(file, 1);
    const two = screen(file, 2);
    expect(two.report).toBe(one.report);
    expect(two.code).toBe(2);
    const parsed = JSON.parse(one.raw) as { errors: { line: number }[]; inputs: { notes: string[] }[] };
    expect(parsed.errors.map((e) => e.line)).toEqual([101, 2802]);
    expect(parsed.inputs[0]!.notes).toContain('3 rows with a cell cut by an unquoted delimiter (a company name "Industries, Ltd.", a description "Gallium metal, 6N") read with the cell whole (lines 51, 1501, 2902); quote such fields');
  });

  it('issue 12 point 1: after one bad quote, one thread and workers screen or reject every record, and agree', () => {
    const file = join(dir, 'bad-quote.csv');
    const head = 'Line ID,Description,HS Code,Destination,End User\n';
    const rows = Array.from({ length: 20_000 }, (_, i) => (i === 5 ? 'L1,"a"x,1,JP,x' : i === 9000 ? 'L9000,"Samarium oxide" ,2846901940,JP,x' : `L${i},Bolts M${i % 20},7318158000,JP,Acme ${i}`));
    writeFileSync(file, `${head}${rows.join('\n')}\n`);
    const one = screen(file, 1);
    const two = screen(file, 2);
    expect(two.report).toBe(one.report);
    const parsed = JSON.parse(one.raw) as { summary: { rows: number; rejected: number }; errors: { line: number }[] };
    expect(parsed.errors.map((e) => e.line)).toEqual([7, 9002]);
    expect(parsed.summary.rows + parsed.summary.rejected).toBe(20_000);
  });

  it('joined exports of two layouts, with subtotals, totals and a title between them: workers agree with one thread, and the rows after the second header are read by it', async () => {
    const file = join(dir, 'joined.csv');
    await generateManifest(file, 3000, 5);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const head = lines[0]!.split(',');
    // the second export puts HS Code first: every record's first three fields moved (none of them is quoted with a comma in it but the description)
    const moved = (line: string): string => {
      const m = /^([^,]*),("(?:[^"]|"")*"|[^,]*),([^,]*),(.*)$/.exec(line)!;
      return `${m[3]},${m[1]},${m[2]},${m[4]}`;
    };
    const first = lines.slice(1, 1501);
    const second = lines.slice(1501).map(moved);
    for (const at of [200, 800, 1300]) first.splice(at, 0, `,Subtotal,,,,,123456.00${','.repeat(head.length - 7)}`);
    const joined = [
      lines[0],
      ...first,
      `,TOTAL,,,,,999999.00${','.repeat(head.length - 7)}`,
      'Remarks: goods of Chinese origin',
      '',
      `${head[2]},${head[0]},${head[1]},${head.slice(3).join(',')}`,
      ...second,
    ];
    writeFileSync(file, `${joined.join('\n')}\n`);
    const one = screen(file, 1);
    expect(one.code, one.stderr).not.toBe(2);
    for (const chunk of ['65536', '20000']) {
      const two = screen(file, 2, [], { DUALSCREEN_CHUNK_BYTES: chunk });
      expect(two.report, `chunks of ${chunk} bytes`).toBe(one.report);
    }
    const parsed = JSON.parse(one.raw) as { summary: { rows: number }; rows: { line: number; values: Record<string, string> }[]; inputs: { notes: string[] }[] };
    expect(parsed.summary.rows).toBe(3000);
    const after = parsed.rows.filter((r) => r.line > 1509);
    expect(after.length).toBeGreaterThan(10);
    for (const r of after) {
      expect(r.values.hs_code ?? '0000000000', JSON.stringify(r.values)).toMatch(/^\d{10}$/);
      expect(r.values.description ?? '', JSON.stringify(r.values)).not.toMatch(/^\d+$/);
    }
    expect(parsed.inputs[0]!.notes).toEqual(
      expect.arrayContaining([
        '3 subtotal or charge rows between the goods rows (TOTAL, 小计, Freight …), not screened (lines 202, 802, 1302)',
        'lines 1505, 1506 before a header row inside the data: totals, remarks or a title of a joined export ("TOTAL, 999999.00"; "Remarks: goods of Chinese origin"), not screened',
        expect.stringMatching(/^line 1508: another header row \(files joined\?\): the rows after it are read by its columns \(HS Code, Line ID, Description, /),
      ]),
    );
  });

  it('issue 12 point 12: a worker out of memory on a 20 MB row does not stop the run: its chunk is screened in the main thread', () => {
    const file = join(dir, 'huge-row.csv');
    const rows = (p: string) => Array.from({ length: 2000 }, (_, i) => `${p}${i},Bolts,7318158000,JP`).join('\n');
    writeFileSync(file, `Line ID,Description,HS Code,Destination\n${rows('A')}\nBIG,"${'x'.repeat(20_000_000)}",2846901940,JP\n${rows('B')}\n`);
    const one = screen(file, 1);
    // a heap small enough that the chunk with the big row runs the worker out of memory
    const two = screen(file, 2, [], { DUALSCREEN_WORKER_HEAP_MB: '32' });
    expect(two.stderr).not.toContain('internal error');
    expect(two.code).toBe(one.code);
    expect(two.report).toBe(one.report);
    expect((JSON.parse(two.raw) as { summary: { rows: number } }).summary.rows).toBe(4001);
  });
});

describe('worker count', () => {
  it('issue 12 point 12: --workers above the core count is capped at it', async () => {
    const { cappedWorkers } = await import('../../src/run/screen-stream.js');
    expect(cappedWorkers(64, 2)).toBe(2);
    expect(cappedWorkers(1, 8)).toBe(1);
  });
});
