/**
 * Reads the entries of a ZIP archive (an .xlsx workbook) from a file, by its central directory, each
 * inflated as a stream with node:zlib: any entry in any order, nothing unpacked to disk, the memory
 * of one entry's stream at a time. ZIP64 sizes and offsets are read; encryption and methods other
 * than stored and deflated are refused.
 */
import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import { UserError } from '../model/errors.js';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return buffer.subarray(0, done);
}

const u64 = (b: Buffer, at: number): number => Number(b.readBigUInt64LE(at));

export class ZipFile {
  readonly entries = new Map<string, ZipEntry>();
  /** The archive's size in bytes. */
  readonly size: number;

  constructor(
    readonly path: string,
    private readonly shown: string,
  ) {
    const fd = openSync(path, 'r');
    try {
      this.size = fstatSync(fd).size;
      this.readDirectory(fd);
    } finally {
      closeSync(fd);
    }
  }

  private broken(why: string): never {
    throw new UserError(`${this.shown}: not a readable .xlsx workbook (${why}); open it in Excel or LibreOffice and save it again`);
  }

  private readDirectory(fd: number): void {
    const tailLength = Math.min(this.size, 22 + MAX_COMMENT);
    const tail = readAt(fd, this.size - tailLength, tailLength);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) this.broken('no ZIP central directory: the file is cut short or damaged');
    let count = tail.readUInt16LE(at + 10);
    let dirSize = tail.readUInt32LE(at + 12);
    let dirOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
      const locatorAt = this.size - tailLength + at - 20;
      const locator = readAt(fd, locatorAt, 20);
      if (locator.length < 20 || locator.readUInt32LE(0) !== ZIP64_LOCATOR) this.broken('a ZIP64 directory without its locator');
      const eocd64 = readAt(fd, u64(locator, 8), 56);
      if (eocd64.readUInt32LE(0) !== ZIP64_EOCD) this.broken('a damaged ZIP64 directory');
      count = u64(eocd64, 32);
      dirSize = u64(eocd64, 40);
      dirOffset = u64(eocd64, 48);
    }
    if (dirOffset + dirSize > this.size) this.broken('the central directory lies past the end of the file');
    const dir = readAt(fd, dirOffset, dirSize);
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) this.broken('a damaged central directory');
      const flags = dir.readUInt16LE(p + 8);
      const method = dir.readUInt16LE(p + 10);
      let compressedSize = dir.readUInt32LE(p + 20);
      let size = dir.readUInt32LE(p + 24);
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      let offset = dir.readUInt32LE(p + 42);
      const name = dir.toString(flags & 0x800 ? 'utf8' : 'latin1', p + 46, p + 46 + nameLength);
      // ZIP64 extra field: the values that overflowed, in this order
      let e = p + 46 + nameLength;
      const extraEnd = e + extraLength;
      while (e + 4 <= extraEnd) {
        const id = dir.readUInt16LE(e);
        const length = dir.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          if (size === 0xffffffff) (size = u64(dir, q)), (q += 8);
          if (compressedSize === 0xffffffff) (compressedSize = u64(dir, q)), (q += 8);
          if (offset === 0xffffffff) offset = u64(dir, q);
        }
        e += 4 + length;
      }
      this.entries.set(name.replace(/\\/g, '/'), { name, method, flags, compressedSize, size, offset });
      p = extraEnd + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The entry's bytes, inflated, as a stream; `onBytes` hears how many compressed bytes were read. */
  open(name: string, onBytes?: (n: number) => void): Readable {
    const entry = this.entries.get(name);
    if (!entry) this.broken(`it has no ${name}`);
    if (entry.flags & 1) throw new UserError(`${this.shown}: the workbook is encrypted: save it without a password first`);
    if (entry.method !== 0 && entry.method !== 8) this.broken(`${name} is compressed with method ${entry.method}`);
    const fd = openSync(this.path, 'r');
    let start: number;
    try {
      const local = readAt(fd, entry.offset, 30);
      if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) this.broken(`a damaged entry ${name}`);
      start = entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
    } finally {
      closeSync(fd);
    }
    if (entry.compressedSize === 0) return Readable.from([]);
    const raw = createReadStream(this.path, { start, end: start + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
    if (onBytes) raw.on('data', (chunk) => onBytes(chunk.length));
    if (entry.method === 0) return raw;
    const inflate = createInflateRaw();
    raw.on('error', (e) => inflate.destroy(e));
    return raw.pipe(inflate);
  }

  /** A small entry's text (workbook.xml, relationships, styles), or undefined when the workbook has none. */
  async text(name: string): Promise<string | undefined> {
    if (!this.has(name)) return undefined;
    const parts: Buffer[] = [];
    for await (const chunk of this.open(name)) parts.push(chunk as Buffer);
    return Buffer.concat(parts).toString('utf8');
  }
}
