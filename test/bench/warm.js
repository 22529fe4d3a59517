/**
 * `npm run bench:warm`: the start-up of a warm `check` and `lookup` (rule packs cached), run on their own
 * and answered by a `dualscreen serve` started for the measurement, beside `node -e 0`. Medians of --runs
 * runs (9), in milliseconds.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const bin = fileURLToPath(new URL('../../bin/dualscreen.js', import.meta.url));
const i = process.argv.indexOf('--runs');
const runs = i === -1 ? 9 : Number(process.argv[i + 1]);
const dir = mkdtempSync(join(tmpdir(), 'dualscreen-warm-'));
const socket = join(dir, 'serve.sock');

const CHECK = ['check', '--hs', '2846901940', '--description', 'Samarium oxide 99.9%', '--to', 'JP', '--end-user', 'Mitsubishi Electric'];
const LOOKUP = ['lookup', 'gallium nitride'];

function medianMs(args, env) {
  const times = [];
  spawnSync(process.execPath, args, { env }); // warms the pack cache and the file system
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const p = spawnSync(process.execPath, args, { env, stdio: 'ignore' });
    times.push(performance.now() - start);
    if (p.status !== 0 && p.status !== 1) throw new Error(`${args.join(' ')} exited ${p.status}`);
  }
  return times.sort((a, b) => a - b)[runs >> 1];
}

const own = { ...process.env, DUALSCREEN_SERVER: 'off' };
const served = { ...process.env, DUALSCREEN_SOCKET: socket };
const rows = [
  ['node -e 0', medianMs(['-e', '0'], own)],
  ['check, on its own', medianMs([bin, ...CHECK], own)],
  ['lookup, on its own', medianMs([bin, ...LOOKUP], own)],
];
const server = spawn(process.execPath, [bin, 'serve', '--socket', socket, '--idle', '5'], { stdio: ['ignore', 'ignore', 'pipe'] });
await new Promise((ready, failed) => {
  server.stderr.on('data', (chunk) => String(chunk).includes('answering') && ready());
  server.once('exit', (code) => failed(new Error(`serve exited ${code}`)));
});
rows.push(['check, answered by serve', medianMs([bin, ...CHECK], served)], ['lookup, answered by serve', medianMs([bin, ...LOOKUP], served)]);
server.kill('SIGTERM');
rmSync(dir, { recursive: true, force: true });

console.log(`median of ${runs} runs (target for check and lookup: under 200 ms)`);
for (const [label, ms] of rows) console.log(`${label.padEnd(28)} ${Math.round(ms).toString().padStart(5)} ms`);
