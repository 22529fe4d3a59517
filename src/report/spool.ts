/**
 * Text a report must hold until the end of the run (a JUnit suite's test cases follow a start tag
 * that carries their count). Kept in memory up to a megabyte, then in a temporary file, so the
 * report's memory does not grow with the number of rows.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StringDecoder } from 'node:string_decoder';

const IN_MEMORY = 1 << 20;

export class Spool {
  private parts: string[] = [];
  private size = 0;
  private file: { dir: string; fd: number } | undefined;

  constructor(private readonly inMemory = IN_MEMORY) {}

  append(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= this.inMemory) this.spill();
  }

  /** Writes out everything appended, in order, and lets go of it. */
  drain(write: (text: string) => void): void {
    if (this.file) {
      this.spill();
      const { dir, fd } = this.file;
      const buf = Buffer.alloc(1 << 20);
      const decoder = new StringDecoder('utf8');
      for (let at = 0, n; (n = readSync(fd, buf, 0, buf.length, at)) > 0; at += n) write(decoder.write(buf.subarray(0, n)));
      write(decoder.end());
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
      this.file = undefined;
    } else {
      write(this.parts.join(''));
    }
    this.parts = [];
    this.size = 0;
  }

  /** Drains, one line at a time (each line without its newline): for spools of one record a line. */
  drainLines(take: (line: string) => void): void {
    let partial = '';
    this.drain((text) => {
      const lines = (partial + text).split('\n');
      partial = lines.pop()!;
      for (const line of lines) take(line);
    });
    if (partial) take(partial);
  }

  private spill(): void {
    if (!this.file) {
      const dir = mkdtempSync(join(tmpdir(), 'dualscreen-spool-'));
      this.file = { dir, fd: openSync(join(dir, 'spool'), 'w+') };
    }
    writeSync(this.file.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }
}
