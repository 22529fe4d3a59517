/**
 * `dualscreen check` and `lookup` answered by a running `dualscreen serve`, which keeps the rules
 * compiled: the answer takes Node's start and a round trip instead of loading and indexing the packs.
 */
import { lstatSync } from 'node:fs';
import { connect } from 'node:net';
import { EXIT } from '../model/verdict.js';
import { FRAME, FrameReader, SERVED_COMMANDS, socketPath, type ServeRequest } from './socket.js';

/** A socket this user made: an answer through anyone else's could be forged. */
function ownSocket(path: string): boolean {
  const st = lstatSync(path, { throwIfNoEntry: false });
  return st !== undefined && st.isSocket() && (process.getuid === undefined || st.uid === process.getuid());
}

/**
 * The exit code of the server's answer, or undefined when this process must run the command itself:
 * no server runs (or DUALSCREEN_SERVER=off), it declined, or it went away before answering.
 */
export function answerFromServer(argv: string[]): Promise<number | undefined> {
  if (!SERVED_COMMANDS.has(argv[2] ?? '') || process.env.DUALSCREEN_SERVER === 'off') return Promise.resolve(undefined);
  const path = socketPath();
  if (process.platform !== 'win32' && !ownSocket(path)) return Promise.resolve(undefined);
  return new Promise((done) => {
    let wrote = false;
    let exitCode: number | undefined;
    const socket = connect(path);
    const reader = new FrameReader((channel, payload) => {
      if (channel === FRAME.stdout || channel === FRAME.stderr) {
        wrote = true;
        (channel === FRAME.stdout ? process.stdout : process.stderr).write(payload);
      } else if (channel === FRAME.exit) exitCode = Number(payload.toString('ascii'));
    });
    const request: ServeRequest = {
      argv,
      cwd: process.cwd(),
      env: process.env,
      stdoutIsTTY: process.stdout.isTTY === true,
      stderrIsTTY: process.stderr.isTTY === true,
    };
    socket.on('connect', () => socket.write(`${JSON.stringify(request)}\n`));
    socket.on('data', (chunk) => reader.push(chunk));
    // a stale socket file (ECONNREFUSED), or a server stopped mid-way: what it did not write is run here,
    // and what it half wrote is not written twice
    socket.on('error', () => undefined);
    socket.on('close', () => {
      if (exitCode !== undefined) done(exitCode);
      else if (!wrote) done(undefined);
      else {
        process.stderr.write('dualscreen: the server stopped before it finished its answer; run the command again\n');
        done(EXIT.internal);
      }
    });
  });
}
