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

function screen(file: string, workers: number, extra: string[] = []) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'dualscreen.js'), 'screen', file, '--format', 'json', '--as-of', '2026-11-28', '--workers', String(workers), ...extra], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, DUALSCREEN_PARALLEL_MIN_BYTES: '65536', DUALSCREEN_CHUNK_BYTES: '65536' },
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

  it('reports broken lines at their real line numbers from every chunk, and still screens the rest', async () => {
    const file = join(dir, 'broken.csv');
    await generateManifest(file, 3000, 11);
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[100] = 'L0000100,too few fields';
    // a quoted field over two lines: the chunk split must not cut it, and later lines shift by one
    lines[2500] = 'L0002500,"a description over\ntwo lines, with a comma",7318158000,,1,pcs,1,USD,CN,JP,x,x,x,PO';
    lines[2800] = `${lines[2800]},extra`;
    writeFileSync(file, lines.join('\n'));
    const one = screen(file, 1);
    const two = screen(file, 2);
    expect(two.report).toBe(one.report);
    expect(two.code).toBe(2);
    const errors = (JSON.parse(one.raw) as { errors: { line: number }[] }).errors;
    expect(errors.map((e) => e.line)).toEqual([101, 2802]);
  });
});
