/** Issue 12, point 9: the rule-pack cache trusts nobody else's files. */
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheDir, readCachedPack, writeCachedPack } from '../../src/rules/pack-cache.js';
import type { RulePack } from '../../src/rules/schema.js';

const PACK = { id: 'test-pack', version: '1', items: [], measures: [], parties: [] } as unknown as RulePack;
const SHA = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const saved = { ...process.env };
let base: string;

beforeEach(() => {
  base = mkdtempSync(join(tmpdir(), 'dualscreen-cache-test-'));
  delete process.env.DUALSCREEN_CACHE_DIR;
  delete process.env.DUALSCREEN_NO_CACHE;
  process.env.XDG_CACHE_HOME = base;
});
afterEach(() => {
  process.env = { ...saved };
});

const entries = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('rule-pack cache', () => {
  it("lives in the user's own cache folder, created 0700, and reads back what it wrote", () => {
    expect(cacheDir()).toBe(join(base, 'dualscreen'));
    writeCachedPack(SHA, PACK);
    expect(statSync(cacheDir()).mode & 0o777).toBe(0o700);
    const [file] = entries(cacheDir());
    expect(statSync(join(cacheDir(), file!)).mode & 0o777).toBe(0o600);
    expect(readCachedPack(SHA)).toEqual(PACK);
  });

  it('keeps the 256 entries used last: edited packs do not pile up, a pack read again stays', () => {
    const sha = (i: number): string => i.toString(16).padStart(64, '0');
    writeCachedPack(SHA, PACK);
    const old = new Date(Date.now() - 86_400_000);
    utimesSync(join(cacheDir(), entries(cacheDir())[0]!), old, old);
    expect(readCachedPack(SHA)).toEqual(PACK); // read: now the most recently used
    for (let i = 0; i < 300; i++) {
      writeCachedPack(sha(i), PACK);
      const written = entries(cacheDir()).find((f) => f.startsWith(sha(i)))!;
      const at = new Date(Date.now() - 3_600_000 + i * 1000);
      utimesSync(join(cacheDir(), written), at, at);
    }
    expect(entries(cacheDir())).toHaveLength(256);
    expect(readCachedPack(SHA)).toEqual(PACK);
    expect(readCachedPack(sha(0))).toBeUndefined();
    expect(readCachedPack(sha(299))).toEqual(PACK);
    expect(existsSync(join(cacheDir(), 'key'))).toBe(true);
  });

  it('does not use an entry that was changed, or one copied from another pack', () => {
    writeCachedPack(SHA, PACK);
    const [file] = entries(cacheDir());
    const path = join(cacheDir(), file!);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text.replace('test-pack', 'evil-pack'));
    expect(readCachedPack(SHA)).toBeUndefined();
    writeFileSync(path, text);
    writeFileSync(path.replace(SHA, OTHER), text); // a valid entry of pack SHA, planted as pack OTHER
    expect(readCachedPack(OTHER)).toBeUndefined();
    expect(readCachedPack(SHA)).toEqual(PACK);
  });

  it('does not use a folder that others may write', () => {
    writeCachedPack(SHA, PACK);
    chmodSync(cacheDir(), 0o777);
    expect(readCachedPack(SHA)).toBeUndefined();
    chmodSync(cacheDir(), 0o700);
    expect(readCachedPack(SHA)).toEqual(PACK);
  });

  it.runIf(process.getuid?.() === 0)('does not use a folder or an entry owned by another user', () => {
    writeCachedPack(SHA, PACK);
    const [file] = entries(cacheDir());
    chownSync(join(cacheDir(), file!), 65534, 65534);
    expect(readCachedPack(SHA)).toBeUndefined();
    chownSync(join(cacheDir(), file!), 0, 0);
    chownSync(cacheDir(), 65534, 65534);
    expect(readCachedPack(SHA)).toBeUndefined();
  });

  it('never writes through a planted symbolic link', () => {
    const dir = join(base, 'dualscreen');
    mkdirSync(dir, { mode: 0o700 });
    writeCachedPack(OTHER, PACK); // makes the key
    const victim = join(base, 'victim.txt');
    writeFileSync(victim, 'precious');
    const name = entries(dir)[0]!.replace(OTHER, SHA);
    symlinkSync(victim, join(dir, name));
    expect(readCachedPack(SHA)).toBeUndefined(); // a link is not read either
    writeCachedPack(SHA, PACK);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readCachedPack(SHA)).toEqual(PACK);
    expect(existsSync(victim)).toBe(true);
  });
});
