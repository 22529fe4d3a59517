/**
 * `npm run bench [-- --rows N]`: generates a manifest and times `dualscreen screen --format json`
 * on one thread and on every core (`--workers N`: N screening threads, the main thread one of them) against a bare csv-parse pass over the same file (the single-core
 * floor) and against a pandas script a consultant would write (peer_pandas.py, when Debian's
 * python3-pandas is installed), each in its own process: seconds, rows/s, peak RSS.
 *
 * `npm run bench -- --scale-rules 10`: instead, times the same screen with the bundled rules and with
 * a synthetic rule set 10 times their size (scale-rules.js) and prints the growth (issue 4 part 5);
 * 100,000 rows unless --rows is given, median of 3 runs (--repeat N).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import { generateManifest } from './generate.js';
import { runPandasPeer } from './peer.js';
import { scaleRulesBench } from './scale-rules.js';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : process.argv[i + 1];
};
const rows = Number(arg('--rows', process.argv.includes('--scale-rules') ? '100000' : '200000'));
const dir = mkdtempSync(join(tmpdir(), 'dualscreen-bench-'));
const file = join(dir, 'manifest.csv');

function measure(label, script, args, env = {}) {
  const r = spawnSync(process.execPath, [here(script), ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, ...env } });
  const line = r.stderr.trim().split('\n').at(-1) ?? '';
  let stats;
  try {
    stats = JSON.parse(line);
  } catch {
    throw new Error(`${label} failed: ${r.stderr}`);
  }
  return { label, ...stats };
}

const t0 = performance.now();
await generateManifest(file, rows);
const mb = statSync(file).size / 1e6;
console.log(`generated ${rows.toLocaleString('en')} rows (${mb.toFixed(1)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${file}`);

const scale = arg('--scale-rules', undefined);
if (scale !== undefined) {
  const factor = Number(scale);
  if (!Number.isInteger(factor) || factor < 2) throw new Error('--scale-rules needs a whole number of at least 2');
  const r = scaleRulesBench({ file, rows, dir, factor, repeat: Number(arg('--repeat', '3')), screenOnce: (label, args, env) => measure(label, 'screen-once.js', args, env) });
  if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  process.exit(r.met ? 0 : 1);
}

// warm the rule-pack cache so the screen run measures screening, not the first YAML parse
measure('warm', 'screen-once.js', ['rules', 'validate']);
const screenArgs = ['screen', file, '--format', 'json', '--fail-on', 'none', '--as-of', '2026-11-28'];
const cores = availableParallelism();
const results = [
  measure('csv-parse alone (1 core, the floor)', 'parse-only.js', [file]),
  measure('dualscreen screen, 1 thread', 'screen-once.js', [...screenArgs, '--workers', '1']),
  measure(`dualscreen screen, ${cores} threads`, 'screen-once.js', [...screenArgs, '--workers', String(cores)]),
];
const peer = runPandasPeer(file, dir);
if ('seconds' in peer) results.push({ label: 'pandas peer script (peer_pandas.py)', seconds: peer.seconds, maxRssMB: Number.NaN });
const floor = results[0];
console.log('');
console.log('run                                      rows/s    seconds  peak RSS   time vs floor');
for (const r of results) {
  const rate = Math.round(rows / r.seconds).toLocaleString('en');
  const rss = Number.isNaN(r.maxRssMB) ? 'n/a' : `${Math.round(r.maxRssMB)} MB`;
  console.log(`${r.label.padEnd(40)} ${rate.padStart(8)}  ${r.seconds.toFixed(2).padStart(8)}  ${rss.padStart(8)}   ${(r.seconds / floor.seconds).toFixed(2)}x`);
}
if ('skipped' in peer) console.log(`pandas peer: skipped, ${peer.skipped}`);
if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
