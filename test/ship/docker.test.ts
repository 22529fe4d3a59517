/**
 * The container image: built from the Dockerfile where a docker engine answers (`docker info`), then run as
 * the README says, without network, on the sample manifest in a mounted folder. Skipped, with the reason,
 * where no engine runs (a docker client alone is not enough).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const AS_OF = '2026-11-28';

function docker(args: string[], timeout = 60_000) {
  const r = spawnSync('docker', args, { cwd: ROOT, encoding: 'utf8', timeout });
  return { code: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

const info = docker(['info', '--format', '{{.ServerVersion}}'], 20_000);
const engine = info.code === 0 && info.stdout.trim() !== '';
const why = info.error
  ? `no docker client (${(info.error as NodeJS.ErrnoException).code})`
  : `no docker engine answers \`docker info\` (${(info.stderr.trim().split('\n').pop() ?? '').slice(0, 120)})`;
if (!engine) console.log(`Dockerfile not built: ${why}`);

const tag = `dualscreen-test:${process.pid}`;

describe('the container image (Dockerfile)', () => {
  afterAll(() => {
    if (engine) docker(['rmi', '--force', tag]);
  });

  it.skipIf(!engine)(`builds, runs as a non-root user and screens a mounted manifest without network${engine ? '' : ` (skipped: ${why})`}`, { timeout: 900_000 }, () => {
    const build = docker(['build', '--tag', tag, '.'], 840_000);
    expect(build.code, build.stderr.slice(-3000)).toBe(0);

    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(docker(['run', '--rm', '--network', 'none', tag, '--version']).stdout.trim()).toBe(version.version);
    expect(docker(['run', '--rm', '--entrypoint', 'id', tag, '-u']).stdout.trim()).not.toBe('0');

    const data = mkdtempSync(join(tmpdir(), 'dualscreen-docker-'));
    copyFileSync(join(ROOT, 'fixtures', 'sample-manifest.csv'), join(data, 'm.csv'));
    chmodSync(data, 0o755);
    chmodSync(join(data, 'm.csv'), 0o644);
    const run = docker(['run', '--rm', '--network', 'none', '-v', `${data}:/data`, '-w', '/data', tag, 'screen', 'm.csv', '--as-of', AS_OF, '--format', 'json', '--fail-on', 'none']);
    expect(run.code, run.stderr).toBe(0);
    const summary = (JSON.parse(run.stdout) as { summary: Record<string, number> }).summary;
    const repo = spawnSync(process.execPath, [join(ROOT, 'bin', 'dualscreen.js'), 'screen', join(data, 'm.csv'), '--as-of', AS_OF, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8' });
    expect(summary).toEqual((JSON.parse(repo.stdout) as { summary: Record<string, number> }).summary);
    expect(summary.prohibited).toBeGreaterThan(0);

    const failing = docker(['run', '--rm', '--network', 'none', '-v', `${data}:/data`, '-w', '/data', tag, 'screen', 'm.csv', '--as-of', AS_OF]);
    expect(failing.code).toBe(1);
  });
});
