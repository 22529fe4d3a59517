/**
 * `dualscreen serve`: check and lookup answered by a resident process exactly as they are answered on
 * their own (output, errors, exit code), with rule packs edited between requests read again, and the
 * socket kept to its user.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { tempFiles } from '../temp-files.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'dualscreen.js');
const files = tempFiles('serve');
let n = 0;
const servers: ChildProcess[] = [];

afterEach(() => {
  for (const s of servers.splice(0)) s.kill('SIGKILL');
});

interface Served {
  socket: string;
  process: ChildProcess;
  /** What the server printed on stderr so far. */
  log: () => string;
}

/** A server on a socket of its own, once it says it answers. */
async function startServer(extra: string[] = []): Promise<Served> {
  const dir = join(files.dir, `server-${n++}`);
  mkdirSync(dir, { mode: 0o700 });
  const socket = join(dir, 's.sock');
  const child = spawn(process.execPath, [BIN, 'serve', '--socket', socket, '--verbose', ...extra], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  servers.push(child);
  let log = '';
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  await new Promise<void>((ready, failed) => {
    const wait = setInterval(() => {
      if (log.includes('answering check and lookup')) {
        clearInterval(wait);
        ready();
      }
    }, 20);
    child.once('exit', (code) => {
      clearInterval(wait);
      failed(new Error(`serve exited ${code}: ${log}`));
    });
  });
  return { socket, process: child, log: () => log };
}

/** The server's log once it holds `text` (or after two seconds): spawnSync holds back its stderr events until the test waits. */
async function logOnce(s: Served, text: string): Promise<string> {
  for (let i = 0; i < 100 && !s.log().includes(text); i++) await new Promise((done) => setTimeout(done, 20));
  return s.log();
}

function run(args: string[], env: Record<string, string>, cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env } });
  return { status: r.status, stdout: r.stdout.replace(/"generatedAt": "[^"]+"/, ''), stderr: r.stderr };
}

const alone = (args: string[], cwd?: string) => run(args, { DUALSCREEN_SERVER: 'off' }, cwd);
const through = (s: Served, args: string[], cwd?: string) => run(args, { DUALSCREEN_SOCKET: s.socket }, cwd);

describe('dualscreen serve', { timeout: 120_000 }, () => {
  it('answers check and lookup exactly as they answer on their own, exit codes and errors included', async () => {
    const s = await startServer();
    const asked = [
      ['check', '--control-code', '1C902.b', '--description', 'Gallium metal 6N ingots', '--end-user', 'Japan Ground Self-Defense Force', '--to', 'JP'],
      ['check', '--description', 'Germanium dioxide', '--to', 'DE', '--fail-on', 'review', '--format', 'json'],
      ['check', '--hs', '2846901940', '--to', 'JP', '--lang', 'ja'],
      ['check', '--bogus'],
      ['lookup', 'IHI Aerospace'],
      ['lookup', '1C902.b', '--format', 'json'],
    ];
    for (const args of asked) expect(through(s, args), args.join(' ')).toEqual(alone(args));
    const statuses = asked.map((args) => alone(args).status);
    expect(statuses).toEqual([1, 1, 0, 2, 0, 0]);
    // each was answered by the server, not by the client on its own
    const answered = (await logOnce(s, 'lookup 1C902.b --format json: exit 0')).split('\n').filter((line) => /^dualscreen (check|lookup) .*: exit \d+, \d+ ms$/.test(line));
    expect(answered).toHaveLength(asked.length);
    expect(answered[4]).toMatch(/^dualscreen lookup "IHI Aerospace": exit 0/);
  });

  it('reads a pack given with -r from the client folder again once it is edited', async () => {
    const s = await startServer();
    const folder = join(files.dir, `client-${n++}`);
    mkdirSync(join(folder, 'packs'), { recursive: true });
    alone(['rules', 'new', 'mofcom-2099-01', '--dir', 'packs'], folder);
    const pack = join(folder, 'packs', 'mofcom-2099-01.yaml');
    const skeleton = readFileSync(pack, 'utf8');
    const listing = (name: string): string =>
      skeleton.replace(
        /# parties:[\s\S]*?# {5}source: TODO-ANNOUNCEMENT\n/,
        `parties:\n  - id: cn.control-list.mofcom-2099-01-example\n    list: control\n    country: DE\n    names:\n      en: ["${name}"]\n    listed: 2026-01-01\n    source: TODO-ANNOUNCEMENT\n`,
      );
    writeFileSync(pack, listing('Zyxwvu Optronics GmbH'));
    const ask = ['check', '--consignee', 'Zyxwvu Optronics GmbH', '--description', 'germanium lenses', '--to', 'DE', '-r', 'packs', '--as-of', '2026-06-01'];
    expect(through(s, ask, folder).stdout).toContain('export control list');
    writeFileSync(pack, listing('Qwertz Optronics GmbH'));
    const after = through(s, ask, folder);
    expect(after.stdout).not.toContain('export control list');
    expect(after).toEqual(alone(ask, folder));
    // a pack broken between requests stops the answer with its file:line, as on its own
    writeFileSync(pack, readFileSync(pack, 'utf8').replace('    country: DE', '    country: [DE'));
    const broken = through(s, ask, folder);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/packs\/mofcom-2099-01\.yaml:\d+:\d+/);
  });

  it('leaves commands it does not serve, and a socket whose server died, to the client', async () => {
    const s = await startServer();
    const screen = through(s, ['screen', 'fixtures/sample-manifest.csv']);
    expect(screen).toEqual(alone(['screen', 'fixtures/sample-manifest.csv']));
    expect(await logOnce(s, 'dualscreen screen')).not.toContain('dualscreen screen');
    s.process.kill('SIGKILL');
    await new Promise((done) => s.process.once('exit', done));
    expect(existsSync(s.socket)).toBe(true);
    const ask = ['lookup', 'gallium nitride'];
    expect(through(s, ask)).toEqual(alone(ask));
  });

  it('keeps the socket to its user, refuses a second server, and removes the socket when stopped', async () => {
    const s = await startServer();
    expect(statSync(s.socket).mode & 0o777).toBe(0o600);
    const second = spawnSync(process.execPath, [BIN, 'serve', '--socket', s.socket], { encoding: 'utf8' });
    expect(second.status).toBe(2);
    expect(second.stderr).toContain('a server already answers');
    s.process.kill('SIGTERM');
    await new Promise((done) => s.process.once('exit', done));
    expect(existsSync(s.socket)).toBe(false);

    const shared = join(files.dir, `shared-${n++}`);
    mkdirSync(shared);
    chmodSync(shared, 0o777);
    const refused = spawnSync(process.execPath, [BIN, 'serve', '--socket', join(shared, 's.sock')], { encoding: 'utf8' });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('others cannot write to');
  });

  it('takes --idle 0 to mean never, and no idle time that is not a whole number of minutes', async () => {
    const s = await startServer(['--idle', '0']);
    expect(s.log()).not.toContain('minutes pass without a request');
    expect(through(s, ['lookup', '1C902.b']).status).toBe(0);
    const idle = spawnSync(process.execPath, [BIN, 'serve', '--idle', 'soon'], { encoding: 'utf8' });
    expect(idle.status).toBe(2);
    expect(idle.stderr).toContain('a whole number of minutes');
  });
});
