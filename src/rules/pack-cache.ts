/**
 * Validated rule packs cached as JSON by the sha256 of their YAML: parsing ~400 KB of YAML takes
 * over a second, reading the same data as JSON a few milliseconds. The key also holds the tool
 * version and a hash of the compiled schema module, so a changed schema never reads an old entry.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VERSION } from '../version.js';
import type { RulePack } from './schema.js';

const CACHE_DIR = process.env.DUALSCREEN_CACHE_DIR ?? join(tmpdir(), `dualscreen-cache-${safeUser()}`);
const SCHEMA_STAMP = createHash('sha256').update(schemaSource()).digest('hex').slice(0, 12);

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

function safeUser(): string {
  try {
    return String(userInfo().uid);
  } catch {
    return 'user';
  }
}

const entry = (sha256: string): string => join(CACHE_DIR, `${sha256}-${VERSION}-${SCHEMA_STAMP}.json`);

export function readCachedPack(sha256: string): RulePack | undefined {
  if (process.env.DUALSCREEN_NO_CACHE) return undefined;
  try {
    return JSON.parse(readFileSync(entry(sha256), 'utf8')) as RulePack;
  } catch {
    return undefined;
  }
}

export function writeCachedPack(sha256: string, pack: RulePack): void {
  if (process.env.DUALSCREEN_NO_CACHE) return;
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    const target = entry(sha256);
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(pack));
    renameSync(temp, target);
  } catch {
    // a cache that cannot be written only costs time
  }
}
