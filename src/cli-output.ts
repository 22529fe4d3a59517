/**
 * Standard output and error as the commands see them: the process's own, or those of a client that
 * `dualscreen serve` answers (src/serve), whose terminal, colours and exit code are the client's.
 */
import { UserError } from './model/errors.js';

export type OutputStream = NodeJS.WritableStream & { isTTY?: boolean; writableNeedDrain?: boolean };

export interface Streams {
  stdout: OutputStream;
  stderr: OutputStream;
  env: Record<string, string | undefined>;
}

export interface CliOutput {
  readonly streams: Streams;
  write(text: string | Uint8Array): void;
  warn(text: string): void;
  /** Undefined when output may go on at once, else resolves once the reader has taken what waits. */
  drained(): Promise<void> | undefined;
  /** Resolves once what was written has left (or could not). */
  flushed(): Promise<void>;
  /** Throws the user error of a standard output that could not be written. */
  checkStdout(): void;
  /** Colour only for a terminal, never with NO_COLOR or --no-color. */
  useColor(flag: boolean): boolean;
}

export const processStreams = (): Streams => ({ stdout: process.stdout, stderr: process.stderr, env: process.env });

/**
 * A reader that went away (`| head`, EPIPE) is not an error: what follows is dropped, the run goes on
 * to complete its --output files and chooses its exit code as it would have. Any other failure to
 * write (`> /dev/full`) is a user error.
 */
export function cliOutput(streams: Streams): CliOutput {
  const { stdout, stderr, env } = streams;
  const state = { closed: false, failed: undefined as string | undefined };
  const checkStdout = (): void => {
    if (state.failed) throw new UserError(`cannot write standard output (${state.failed})`);
  };
  const writeFailed = (e: NodeJS.ErrnoException): void => {
    if (e.code === 'EPIPE') state.closed = true;
    else state.failed ??= e.code ?? e.message;
  };
  stdout.on('error', writeFailed);
  return {
    streams,
    checkStdout,
    write(text) {
      checkStdout();
      if (state.closed) return;
      try {
        stdout.write(text);
      } catch (e) {
        writeFailed(e as NodeJS.ErrnoException);
        checkStdout();
      }
    },
    warn(text) {
      stderr.write(`${text}\n`);
    },
    drained() {
      if (state.closed || !stdout.writableNeedDrain) return undefined;
      // an error (EPIPE) ends the wait too: it is handled by writeFailed
      return new Promise((done) => {
        // whichever comes first ends the wait, and takes the others' listeners with it (left, they piled up: one per wait)
        const events = ['drain', 'close', 'error'] as const;
        const end = (): void => {
          for (const event of events) stdout.off(event, end);
          done();
        };
        for (const event of events) stdout.on(event, end);
      });
    },
    flushed: () => (state.closed || state.failed ? Promise.resolve() : new Promise((done) => stdout.write('', () => done()))),
    useColor: (flag) => flag && stdout.isTTY === true && !('NO_COLOR' in env && env.NO_COLOR !== ''),
  };
}
