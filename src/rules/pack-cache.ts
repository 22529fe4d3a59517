/**
 * Validated rule packs cached as JSON by the sha256 of their YAML: parsing ~400 KB of YAML takes
 * over a second, reading the same data as JSON a few milliseconds. The key also holds the tool
 * version and a hash of the compiled schema module, so a changed schema never reads an old entry.
 *
 * The cache decides verdicts, so it trusts nobody else's files: it lives in the user's own cache
 * folder (XDG_CACHE_HOME, ~/.cache, ~/Library/Caches, %LOCALAPPDATA%), created 0700; a folder or file
 * that is not the user's own, or that others may write, is not used; files are created exclusively
 * and never through a symbolic link; and each entry carries an HMAC of the pack's YAML hash and its
 * content, keyed by a secret in the folder, checked before the entry is used.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, constants, fstatSync, futimesSync, lstatSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../version.js';
import type { RulePack } from './schema.js';

const SCHEMA_STAMP = createHash('sha256').update(schemaSource()).digest('hex').slice(0, 12);
const NOFOLLOW = constants.O_NOFOLLOW ?? 0;
const NEWLINE = 10;

/** The schema module as built (dist, .js) or as run from source by the tests (.ts). */
function schemaSource(): Buffer {
  for (const name of ['./schema.js', './schema.ts']) {
    try {
      return readFileSync(fileURLToPath(new URL(name, import.meta.url)));
    } catch {
      // try the next form
    }
  }
  return Buffer.from(VERSION);
}

/** The user's own cache folder for dualscreen (DUALSCREEN_CACHE_DIR overrides it). */
export function cacheDir(): string {
  const env = process.env;
  if (env.DUALSCREEN_CACHE_DIR) return env.DUALSCREEN_CACHE_DIR;
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'dualscreen', 'Cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'dualscreen');
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), 'dualscreen');
}

/** Ours alone: owned by this user and writable by nobody else (`mode` from lstat or fstat). */
function ours(st: { uid: number; mode: number }): boolean {
  if (typeof process.getuid !== 'function') return true; // Windows: the folder is the user's profile
  return st.uid === process.getuid() && (st.mode & 0o022) === 0;
}

/** The cache folder when it is safe to use, created if need be; undefined otherwise. */
function safeDir(create: boolean): string | undefined {
  const dir = cacheDir();
  try {
    if (create) mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = lstatSync(dir);
    return st.isDirectory() && ours(st) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Entries kept: every edit of a pack writes a new one, so the oldest unused ones go once there are more
 * (an entry's modification time is when it was last read or written).
 */
const MAX_ENTRIES = 256;

/** A file's bytes, read without following a link, when it is a regular file of ours; undefined otherwise. */
function readOurs(path: string, privateToo = false, touch = false): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | NOFOLLOW);
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || !ours(st) || (privateToo && typeof process.getuid === 'function' && (st.mode & 0o077) !== 0)) return undefined;
    const bytes = readFileSync(fd);
    if (touch) futimesSync(fd, st.atime, new Date());
    return bytes;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Writes a new file exclusively (never through a link, never over another file), 0600. */
function createOurs(path: string, data: string): void {
  const fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | NOFOLLOW, 0o600);
  try {
    const bytes = Buffer.from(data);
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
  } finally {
    closeSync(fd);
  }
}

/** The secret that keys the entries' HMACs: made once per cache folder, readable by the user alone. */
function secret(dir: string, create: boolean): Buffer | undefined {
  const path = join(dir, 'key');
  const existing = readOurs(path, true);
  if (existing?.length === 64) return existing;
  if (!create || existing) return undefined;
  try {
    createOurs(path, randomBytes(32).toString('hex'));
  } catch {
    // another process made it first: read theirs
  }
  const made = readOurs(path, true);
  return made?.length === 64 ? made : undefined;
}

const entry = (dir: string, sha256: string): string => join(dir, `${sha256}-${VERSION}-${SCHEMA_STAMP}.json`);
/** The entry's MAC, over the pack's YAML hash and the JSON as stored (its UTF-8 bytes: reading hashes them without encoding the text again). */
const mac = (key: Buffer, sha256: string, json: string | Uint8Array): string => createHmac('sha256', key).update(`${sha256}\n`).update(json).digest('hex');

export function readCachedPack(sha256: string): RulePack | undefined {
  if (process.env.DUALSCREEN_NO_CACHE) return undefined;
  const dir = safeDir(false);
  const key = dir && secret(dir, false);
  const bytes = dir && key && readOurs(entry(dir, sha256), false, true);
  if (!key || !bytes) return undefined;
  const nl = bytes.indexOf(NEWLINE);
  const json = bytes.subarray(nl + 1);
  if (nl !== 64 || !timingSafeEqual(bytes.subarray(0, nl), Buffer.from(mac(key, sha256, json), 'utf8'))) return undefined;
  try {
    return JSON.parse(json.toString('utf8')) as RulePack;
  } catch {
    return undefined;
  }
}

export function writeCachedPack(sha256: string, pack: RulePack): void {
  if (process.env.DUALSCREEN_NO_CACHE) return;
  const dir = safeDir(true);
  const key = dir && secret(dir, true);
  if (!dir || !key) return;
  const target = entry(dir, sha256);
  const temp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    const json = JSON.stringify(pack);
    createOurs(temp, `${mac(key, sha256, json)}\n${json}`);
    // rename replaces whatever is at the target, a planted link included, without following it
    renameSync(temp, target);
    pruneEntries(dir);
  } catch {
    // a cache that cannot be written only costs time
    try {
      unlinkSync(temp);
    } catch {
      // nothing to remove
    }
  }
}

/** Removes the entries least recently used beyond MAX_ENTRIES (never the key, never anything but entries). */
function pruneEntries(dir: string): void {
  const entries = readdirSync(dir).filter((name) => ENTRY_NAME.test(name));
  if (entries.length <= MAX_ENTRIES) return;
  const byUse = entries.map((name) => ({ name, used: lstatSync(join(dir, name)).mtimeMs })).sort((a, b) => a.used - b.used);
  for (const { name } of byUse.slice(0, entries.length - MAX_ENTRIES)) unlinkSync(join(dir, name));
}

const ENTRY_NAME = /^[0-9a-f]{64}-.+-[0-9a-f]{12}\.json$/;
