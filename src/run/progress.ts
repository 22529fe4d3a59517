/** A progress line on stderr for long runs: rows, rows/s, share of bytes read and time left. */

export interface ProgressSink {
  /** One more row screened or rejected. */
  row(): void;
  /** How far into the current input the reader is. */
  bytes(file: string, done: number, total: number | undefined): void;
  done(): void;
}

const EVERY_MS = 250;

export class TerminalProgress implements ProgressSink {
  private rows = 0;
  private readonly started = performance.now();
  private lastDraw = 0;
  private file = '';
  private done_ = 0;
  private total: number | undefined;
  private drawn = false;

  constructor(private readonly stream: NodeJS.WriteStream) {}

  row(): void {
    this.rows++;
    if ((this.rows & 1023) === 0) this.maybeDraw();
  }

  bytes(file: string, done: number, total: number | undefined): void {
    this.file = file;
    this.done_ = done;
    this.total = total;
  }

  done(): void {
    if (this.drawn) this.stream.write('\r\u001b[K');
  }

  private maybeDraw(): void {
    const now = performance.now();
    if (now - this.lastDraw < EVERY_MS || now - this.started < 1000) return;
    this.lastDraw = now;
    const seconds = (now - this.started) / 1000;
    const rate = this.rows / seconds;
    let tail = '';
    if (this.total) {
      const share = Math.min(1, this.done_ / this.total);
      const left = share > 0 ? seconds * (1 / share - 1) : 0;
      tail = ` · ${(share * 100).toFixed(0)}% of ${this.file} · ETA ${formatSeconds(left)}`;
    }
    this.stream.write(`\r\u001b[K${this.rows.toLocaleString('en')} rows · ${Math.round(rate).toLocaleString('en')} rows/s${tail}`);
    this.drawn = true;
  }
}

function formatSeconds(s: number): string {
  if (s < 60) return `${Math.ceil(s)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - m * 60)} s`;
}
