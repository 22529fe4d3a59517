/**
 * `dualscreen serve`: a resident process that keeps the rule packs compiled and answers `check` and
 * `lookup` for the clients of the same installation, one request at a time, in the client's folder, with
 * its terminal and its exit code, until Ctrl-C or an idle spell. It stops, and its clients run commands
 * themselves, once dist/ is rebuilt.
 */
import { chmodSync, existsSync, lstatSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { dirname } from 'node:path';
import { Writable } from 'node:stream';
import type { OutputStream, Streams } from '../cli-output.js';
import { UserError } from '../model/errors.js';
import { EXIT } from '../model/verdict.js';
import { keepRulesResident } from '../engine/resident.js';
import { FRAME, frame, SERVED_COMMANDS, socketPath, type ServeRequest } from './socket.js';

export interface ServeOptions {
  socket?: string;
  /** Stop after this many minutes without a request; 0 never. */
  idleMinutes: number;
  /** One line on stderr per request answered. */
  verbose: boolean;
  warn: (text: string) => void;
  /** The command line run as the CLI runs it (cli.ts main), writing to the streams given; the exit code. */
  run: (argv: string[], streams: Streams) => Promise<number>;
}

const BUILD = new URL('../cli.js', import.meta.url);
const builtAt = (): number => statSync(BUILD).mtimeMs;

/** A stream that sends what is written to it as frames of one channel. */
function framed(socket: Socket, channel: number, isTTY: boolean): OutputStream {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      if (socket.writable) socket.write(frame(channel, chunk));
      callback();
    },
  });
  return Object.assign(stream, { isTTY });
}

const discard = (): OutputStream => new Writable({ write: (_chunk, _encoding, callback) => callback() });

const commandLine = (argv: string[]): string => ['dualscreen', ...argv.slice(2)].map((a) => (/^[\w./:=,+-]+$/.test(a) ? a : JSON.stringify(a))).join(' ');

/** Into the client's folder, where its relative paths (-r rules) start; false when it cannot be entered. */
function movedTo(cwd: string): boolean {
  try {
    process.chdir(cwd);
    return true;
  } catch {
    return false;
  }
}

/** Whether a server already answers on the socket. */
function answering(path: string): Promise<boolean> {
  return new Promise((done) => {
    const probe = connect(path);
    probe.on('connect', () => {
      probe.destroy();
      done(true);
    });
    probe.on('error', () => done(false));
  });
}

/** The socket's folder, made the user's own; a folder others may write to would let them answer for us. */
function ownFolder(path: string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = lstatSync(dir);
  const mine = process.getuid === undefined || st.uid === process.getuid();
  if (!st.isDirectory() || !mine || (st.mode & 0o022) !== 0) {
    throw new UserError(`serve: ${dir} must be a folder of your own that others cannot write to (give another with --socket)`);
  }
}

export async function runServe(o: ServeOptions): Promise<number> {
  const path = o.socket ?? socketPath();
  const unixSocket = process.platform !== 'win32';
  if (unixSocket) ownFolder(path);
  if (await answering(path)) throw new UserError(`serve: a server already answers on ${path}`);
  if (unixSocket && existsSync(path)) rmSync(path);

  keepRulesResident();
  const quiet: Streams = { stdout: discard(), stderr: discard(), env: {} };
  // the first request then finds the bundled packs compiled and the indices a line needs built
  await o.run(['node', 'dualscreen', 'check', '--description', 'gallium', '--end-user', 'Ministry of Defense', '--to', 'JP'], quiet);
  await o.run(['node', 'dualscreen', 'lookup', 'gallium'], quiet);
  const built = builtAt();

  let queue = Promise.resolve();
  let idle: NodeJS.Timeout | undefined;
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    let line = '';
    const take = (chunk: Buffer): void => {
      line += chunk.toString('utf8');
      const end = line.indexOf('\n');
      if (end < 0) return;
      socket.off('data', take);
      let request: ServeRequest;
      try {
        request = JSON.parse(line.slice(0, end)) as ServeRequest;
      } catch {
        socket.destroy();
        return;
      }
      queue = queue.then(() => answer(socket, request));
    };
    socket.on('data', take);
  });

  const stop = (why: string): void => {
    o.warn(`dualscreen serve: ${why}: stopping`);
    server.close();
    if (idle) clearTimeout(idle);
  };
  const awake = (): void => {
    if (idle) clearTimeout(idle);
    if (o.idleMinutes > 0) idle = setTimeout(() => stop(`no request for ${o.idleMinutes} minutes`), o.idleMinutes * 60_000).unref();
  };

  async function answer(socket: Socket, request: ServeRequest): Promise<void> {
    awake();
    const rebuilt = builtAt() !== built;
    if (rebuilt) stop('dist/ was rebuilt since it started (start it again to serve the new build)');
    if (rebuilt || !SERVED_COMMANDS.has(request.argv[2] ?? '') || !movedTo(request.cwd)) {
      socket.end(frame(FRAME.declined, ''));
      return;
    }
    const started = performance.now();
    let code: number;
    const streams: Streams = { stdout: framed(socket, FRAME.stdout, request.stdoutIsTTY), stderr: framed(socket, FRAME.stderr, request.stderrIsTTY), env: request.env };
    try {
      code = await o.run(request.argv, streams);
    } catch (e) {
      streams.stderr.write(`dualscreen: internal error: ${(e as Error).stack ?? String(e)}\n`);
      code = EXIT.internal;
    }
    // logged before the answer ends, so that the line is there once the client has its exit code
    if (o.verbose) o.warn(`${commandLine(request.argv)}: exit ${code}, ${Math.round(performance.now() - started)} ms`);
    socket.end(frame(FRAME.exit, String(code)));
  }

  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(path, () => listening());
  });
  if (unixSocket) chmodSync(path, 0o600);
  awake();
  const closed = new Promise<void>((done) => server.once('close', done));
  const interrupt = (): void => stop('interrupted');
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  o.warn(`dualscreen serve: answering check and lookup on ${path}${o.idleMinutes > 0 ? `, until ${o.idleMinutes} minutes pass without a request` : ''}; Ctrl-C stops`);
  await closed;
  process.off('SIGINT', interrupt);
  process.off('SIGTERM', interrupt);
  return EXIT.ok;
}
