/** `screen --output FORMAT=PATH`: several reports from one run, as a CI job uses them; mistakes are one line, exit 2. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, junitErrors, ROOT, SAMPLE, sarifErrors } from './harness.js';

const BIN = join(ROOT, 'bin', 'dualscreen.js');
const dir = mkdtempSync(join(tmpdir(), 'dualscreen-output-'));

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, 'screen', ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('screen --output', { timeout: 60_000 }, () => {
  it('writes every format of one run beside the standard output, with the same exit code', async () => {
    const path = (name: string): string => join(dir, name);
    const outputs = ['sarif=r.sarif', 'junit=r.xml', 'csv=r.csv', 'markdown=r.md', 'github=r.txt', 'text=r.log'].flatMap((o) => ['--output', o.replace('=', `=${dir}/`)]);
    const r = cli([SAMPLE, '--as-of', AS_OF, '--format', 'json', ...outputs]);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { generatedAt: string; summary: { prohibited: number } };
    const sarif = JSON.parse(readFileSync(path('r.sarif'), 'utf8')) as { runs: { invocations: { startTimeUtc: string }[] }[] };
    expect(sarifErrors(sarif)).toEqual([]);
    expect(sarif.runs[0]!.invocations[0]!.startTimeUtc).toBe(json.generatedAt); // the same run, not a second one
    expect(await junitErrors(readFileSync(path('r.xml'), 'utf8'))).toEqual([]);
    expect(readFileSync(path('r.csv'), 'utf8').split('\r\n')).toHaveLength(22);
    expect(readFileSync(path('r.md'), 'utf8')).toContain(`${json.summary.prohibited} prohibited`);
    expect(readFileSync(path('r.txt'), 'utf8')).toMatch(/^::error file=fixtures\/sample-manifest\.csv,line=3,/m);
    expect(readFileSync(path('r.log'), 'utf8')).toMatch(/^PROHIBITED \(5\)$/m);
    expect(readFileSync(path('r.log'), 'utf8')).not.toContain('\u001b[');
  });

  it('gives the same reports when large files are screened on worker threads', () => {
    const run = (workers: string, name: string): string => {
      const env = { DUALSCREEN_PARALLEL_MIN_BYTES: '1', DUALSCREEN_CHUNK_BYTES: '512' };
      const r = cli([SAMPLE, '--as-of', AS_OF, '--format', 'csv', '--workers', workers, '--output', `junit=${join(dir, name)}`], env);
      expect(r.code).toBe(1);
      return r.stdout;
    };
    expect(run('3', 'parallel.xml')).toBe(run('1', 'serial.xml'));
    const strip = (xml: string): string => xml.replace(/timestamp="[^"]*"/g, '');
    expect(strip(readFileSync(join(dir, 'parallel.xml'), 'utf8'))).toBe(strip(readFileSync(join(dir, 'serial.xml'), 'utf8')));
  });

  it.each([
    [['--output', 'pdf=r.pdf'], /^dualscreen: --output: unknown format "pdf" \(use text, json, .*\)$/],
    [['--output', 'sarif'], /^dualscreen: --output: "sarif" must be FORMAT=PATH, e.g. sarif=dualscreen.sarif$/],
    [['--output', 'sarif=-'], /^dualscreen: --output: PATH must be a file; standard output takes --format$/],
    // a folder cannot be made where a file is (missing folders are made: see below)
    [['--output', `sarif=${SAMPLE}/r.sarif`], /^dualscreen: --output: cannot write .*sample-manifest\.csv\/r\.sarif \((ENOTDIR|EEXIST)\)$/],
    [['--output', `sarif=${dir}/twice`, '--output', `junit=${dir}/twice`], /^dualscreen: --output: .*twice is given twice$/],
  ])('refuses %j with one line on stderr and exit 2, before writing anything', (args, message) => {
    const r = cli([SAMPLE, '--as-of', AS_OF, '--format', 'json', ...args]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(message)]);
    expect(existsSync(join(dir, 'twice'))).toBe(false);
  });
});
