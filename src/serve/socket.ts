/**
 * Where `dualscreen serve` listens, and the frames it answers in. The client loads this before anything
 * else of dualscreen, so it imports Node's own modules only.
 */
import { createHash } from 'node:crypto';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The commands a server answers: they read no input of their own and write one answer. */
export const SERVED_COMMANDS: ReadonlySet<string> = new Set(['check', 'lookup']);

/** What a client sends: its command line, folder, environment and terminals. */
export interface ServeRequest {
  argv: string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
}

export const FRAME = {
  stdout: 1,
  stderr: 2,
  /** The payload is the exit code, in decimal. */
  exit: 3,
  /** The server does not answer this request (another build, a command it does not serve): run it yourself. */
  declined: 4,
} as const;

/** The compiled code this process runs: a server answers only clients of the same installation. */
const DIST_DIR = fileURLToPath(new URL('../', import.meta.url));

/**
 * The socket of this installation for this user: DUALSCREEN_SOCKET, else one per dist/ folder in
 * XDG_RUNTIME_DIR or in a folder of the user's own under the temporary folder.
 */
export function socketPath(env: Record<string, string | undefined> = process.env): string {
  if (env.DUALSCREEN_SOCKET) return env.DUALSCREEN_SOCKET;
  const install = createHash('sha256').update(DIST_DIR).digest('hex').slice(0, 16);
  if (process.platform === 'win32') return `\\\\.\\pipe\\dualscreen-${userInfo().username}-${install}`;
  const dir = env.XDG_RUNTIME_DIR || join(tmpdir(), `dualscreen-${process.getuid?.() ?? userInfo().username}`);
  return join(dir, `dualscreen-${install}.sock`);
}

export function frame(channel: number, payload: string | Uint8Array): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const head = Buffer.alloc(5);
  head[0] = channel;
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body]);
}

/** Frames out of a byte stream that may split them anywhere. */
export class FrameReader {
  private pending: Buffer = Buffer.alloc(0);

  constructor(private readonly onFrame: (channel: number, payload: Buffer) => void) {}

  push(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    while (this.pending.length >= 5) {
      const length = this.pending.readUInt32BE(1);
      if (this.pending.length < 5 + length) return;
      const channel = this.pending.readUInt8(0);
      const payload = this.pending.subarray(5, 5 + length);
      this.pending = this.pending.subarray(5 + length);
      this.onFrame(channel, payload);
    }
  }
}
