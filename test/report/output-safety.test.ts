/** Issue 12, points 6 and 7: --output never destroys an input, a failed run leaves no report, a closed stdout changes nothing. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AS_OF, ROOT, SAMPLE as SAMPLE_IN_ROOT } from './harness.js';

const BIN = join(ROOT, 'bin', 'dualscreen.js');
const SAMPLE = join(ROOT, SAMPLE_IN_ROOT);

function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, 'screen', ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A shell pipeline; its first command's exit code. */
function sh(script: string, cwd: string) {
  const r = spawnSync('bash', ['-c', `${script}; echo "exit=\${PIPESTATUS[0]}" >&2`], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: Number(/exit=(\d+)/.exec(r.stderr)?.[1]), stdout: r.stdout, stderr: r.stderr.replace(/exit=\d+\n$/, '') };
}

describe('point 6: --output onto an input', { timeout: 60_000 }, () => {
  it('refuses an output that is the manifest, a gate file or the config, and leaves it untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dualscreen-outsafe-'));
    copyFileSync(SAMPLE, join(dir, 'm.csv'));
    copyFileSync(join(ROOT, 'fixtures/gate/waivers.yaml'), join(dir, 'w.yaml'));
    const before = readFileSync(join(dir, 'm.csv'));
    for (const [args, target] of [
      [['m.csv', '--output', 'csv=m.csv'], 'm.csv'],
      [['m.csv', '--output', `csv=${join(dir, '.', 'm.csv')}`], 'm.csv'],
      [['m.csv', '--waivers', 'w.yaml', '--output', 'json=w.yaml'], 'w.yaml'],
    ] as const) {
      const r = cli([...args, '--as-of', AS_OF], dir);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`--output: .*${target.replace('.', '\\.')} is an input of this run`));
    }
    expect(readFileSync(join(dir, 'm.csv'))).toEqual(before);
  });

  it('a run that fails leaves no report files, not even empty ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dualscreen-outsafe-'));
    const r = cli(['missing.csv', '--output', 'sarif=r.sarif', '--output', 'junit=r.xml', '--as-of', AS_OF], dir);
    expect(r.code).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('point 7: a closed standard output', { timeout: 60_000 }, () => {
  it('`| head -1` changes neither the exit code nor the --output files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dualscreen-pipe-'));
    const whole = cli([SAMPLE, '-f', 'json', '--as-of', AS_OF, '--output', `sarif=${join(dir, 'whole.sarif')}`], dir);
    const cut = sh(`node ${BIN} screen ${SAMPLE} -f json --as-of ${AS_OF} --output sarif=${join(dir, 'cut.sarif')} | head -1`, dir);
    expect(cut.stdout).toBe('{\n');
    expect(cut.code).toBe(whole.code);
    expect(cut.code).toBe(1);
    const strip = (s: string): string => s.replace(/"(startTimeUtc|generatedAt)": "[^"]+"/g, '');
    expect(strip(readFileSync(join(dir, 'cut.sarif'), 'utf8'))).toBe(strip(readFileSync(join(dir, 'whole.sarif'), 'utf8')));
    expect(existsSync(join(dir, 'cut.sarif'))).toBe(true);
  });

  it('`> /dev/full` is exit 2 with one line on stderr', () => {
    const full = sh(`node ${BIN} screen ${SAMPLE} --as-of ${AS_OF} -q > /dev/full`, ROOT);
    expect(full.code).toBe(2);
    const lines = full.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('warning:'));
    expect(lines).toEqual(['dualscreen: cannot write standard output (ENOSPC)']);
  });
});
