/**
 * The npm package as a user gets it: `npm pack` (its prepack builds dist/ afresh) in a copy of this working
 * tree, so that the build does not pull dist/ from under the other tests; then `npm install <tarball>` into an
 * empty project and `npx dualscreen` from a subfolder of it, with no build step and no repository around.
 * One pack and one install serve the whole file.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE = join(ROOT, 'fixtures', 'sample-manifest.csv');
const AS_OF = '2026-11-28';
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';

const work = mkdtempSync(join(tmpdir(), 'dualscreen-package-'));
const project = join(work, 'project');
const subfolder = join(project, 'orders', '2026');

interface Packed {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string; size: number }[];
}
let packed: Packed;
let installLog: string;

function run(cmd: string, args: string[], options: SpawnSyncOptions = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' }, ...options });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** `npx --no`: the installed bin or an error, never a download of some other package of that name. */
const npx = (args: string[], cwd = subfolder) => run(NPX, ['--no', 'dualscreen', ...args], { cwd });

/** Every `*.yaml` pack under rules/, as package paths. */
function packFiles(dir = join(ROOT, 'rules')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? packFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [relative(ROOT, join(dir, e.name)).split('\\').join('/')] : [],
  );
}

beforeAll(() => {
  // a copy of the working tree without dist/, node_modules/ and .git/, with the dependencies linked in
  const source = join(work, 'source');
  cpSync(ROOT, source, {
    recursive: true,
    filter: (from) => !['node_modules', 'dist', '.git', 'coverage'].includes(basename(from)) && !from.endsWith('.tgz'),
  });
  symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'), 'junction');
  const pack = run(NPM, ['pack', '--json', '--pack-destination', work], { cwd: source });
  expect(pack.code, pack.stderr).toBe(0);
  packed = (JSON.parse(pack.stdout.slice(pack.stdout.indexOf('\n[') + 1)) as Packed[])[0]!;
  const kb = (n: number) => `${Math.round(n / 1024)} kB`;
  console.log(`packed ${packed.filename}: ${packed.files.length} files, ${kb(packed.size)} (unpacked ${kb(packed.unpackedSize)})`);

  mkdirSync(subfolder, { recursive: true });
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ name: 'shipping-desk', version: '1.0.0', private: true }, null, 2)}\n`);
  const install = run(NPM, ['install', join(work, packed.filename), '--no-audit', '--no-fund', '--prefer-offline'], { cwd: project });
  expect(install.code, install.stderr).toBe(0);
  installLog = install.stdout + install.stderr;
  cpSync(SAMPLE, join(subfolder, 'batch-12.csv'));
}, 240_000);

describe('the npm package', { timeout: 60_000 }, () => {
  it('carries what runs and nothing else: dist without source maps, bin, every rule pack, the schema and references, the HS nomenclature, LICENSE', () => {
    const paths = packed.files.map((f) => f.path);
    for (const p of ['package.json', 'README.md', 'LICENSE', 'bin/dualscreen.js', 'dist/cli.js', 'dist/run/worker.js', 'rules/schema/rule-pack.schema.json', 'rules/reference/cjk-variants.json', 'rules/reference/regional-phrases.json', 'rules/reference/hs/harmonized-system.csv']) {
      expect(paths).toContain(p);
    }
    for (const p of packFiles()) {
      expect(paths).toContain(p);
      expect(paths).toContain(p.replace(/\.ya?ml$/, '.test.csv'));
    }
    const tops = new Set(paths.map((p) => p.split('/')[0]));
    expect([...tops].sort()).toEqual(['LICENSE', 'README.md', 'bin', 'dist', 'package.json', 'rules']);
    expect(paths.filter((p) => p.endsWith('.map') || p.endsWith('.ts'))).toEqual([]);
    expect(readFileSync(join(ROOT, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
  });

  it('installs without build or install scripts (npm warns about those of a tarball)', () => {
    const manifest = JSON.parse(readFileSync(join(project, 'node_modules', 'dualscreen', 'package.json'), 'utf8')) as { scripts: Record<string, string>; license: string };
    expect(Object.keys(manifest.scripts).filter((s) => ['preinstall', 'install', 'postinstall', 'prepare'].includes(s))).toEqual([]);
    expect(manifest.license).toBe('MIT');
    expect(installLog).not.toMatch(/install-scripts|prepare/);
  });

  it('screens a manifest from a subfolder of the project with the bundled rules, like the repository build', () => {
    const installed = npx(['screen', 'batch-12.csv', '--as-of', AS_OF, '--format', 'json']);
    expect(installed.code, installed.stderr).toBe(1); // a prohibited row, at the default --fail-on
    const report = JSON.parse(installed.stdout) as { summary: Record<string, number>; rulePacks: { path: string }[] };
    const repo = run(process.execPath, [join(ROOT, 'bin', 'dualscreen.js'), 'screen', SAMPLE, '--as-of', AS_OF, '--format', 'json', '--fail-on', 'none']);
    expect(report.summary).toEqual((JSON.parse(repo.stdout) as { summary: Record<string, number> }).summary);
    expect(report.summary.rows).toBe(20);
    expect(report.summary.prohibited).toBeGreaterThan(0);
    expect(report.summary.license).toBeGreaterThan(0);
    // the bundled packs of the installed package, not of some checkout
    expect(report.rulePacks.map((p) => p.path.split('\\').join('/'))).toEqual(packFiles().map((p) => expect.stringMatching(new RegExp(`/project/node_modules/dualscreen/${p}$`))));
  });

  it('validates its packs and answers lookups with the HS nomenclature', () => {
    const validate = npx(['rules', 'validate']);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toMatch(new RegExp(`^${packFiles().length} rule packs valid: [1-9]\\d* items`));

    const lookup = npx(['lookup', '2846.90.19.40', '--as-of', AS_OF]);
    expect(lookup.code, lookup.stderr).toBe(0);
    expect(lookup.stdout).toMatch(/HS 2846 +Compounds, inorganic or organic, of rare-earth metals/);
    expect(lookup.stdout).toContain('cn.dual-use.1C902.b');
  });

  it('starts a rule pack whose $schema points editors at the schema inside the installed package', () => {
    const r = npx(['rules', 'new', 'acme-2027-01', '--dir', 'rules-local'], project);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(project, 'rules-local', 'acme-2027-01.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../node_modules/dualscreen/rules/schema/rule-pack.schema.json',
    );
    expect(r.stdout).toContain('dualscreen screen -r rules-local/acme-2027-01.yaml MANIFEST.csv');
  });
});
