/**
 * Rule packs straight from the JSON cache (src/rules/pack-cache.ts), without loading the YAML parser or
 * zod, which cost about 100 ms of start-up: for commands that should answer at once (lookup, check).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { displayPath, sha256 } from '../files/file.js';
import { DEFAULT_RULES_DIR, findRuleFiles } from './files.js';
import type { LoadedPack } from './load.js';
import { readCachedPack } from './pack-cache.js';
import { setRefProblems } from './phrase-sets.js';

export type CachedPack = Pick<LoadedPack, 'path' | 'file' | 'sha256' | 'pack'>;

/** Every pack from the cache, or undefined when one is not cached or anything would need the full loader's error. */
export function loadCachedRulePacks(paths: string[] = [DEFAULT_RULES_DIR]): CachedPack[] | undefined {
  const files = findRuleFiles(paths);
  if (files.length === 0) return undefined;
  const ids = new Set<string>();
  const packs: CachedPack[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return undefined;
    }
    const hash = sha256(bytes);
    const pack = readCachedPack(hash);
    if (!pack) return undefined;
    // ids must be unique across packs: a clash is reported, with its file:line, by the full loader
    for (const id of [`pack ${pack.id}`, ...[...pack.items, ...pack.measures, ...pack.parties].map((e) => `entry ${e.id}`), ...pack.phraseSets.map((set) => `phrase set ${set.id}`)]) {
      if (ids.has(id)) return undefined;
      ids.add(id);
    }
    packs.push({ path: displayPath(file), file: resolve(file), sha256: hash, pack });
  }
  // a phrase set no pack defines, or patterns named as excludedWith, are reported, with their file:line, by the full loader
  return setRefProblems(packs.map(({ pack }) => pack)).length === 0 ? packs : undefined;
}

/** From the cache when every pack is there, else through the full loader (YAML, zod, file:line errors). */
export async function loadRulePacksQuickly(paths?: string[]): Promise<CachedPack[]> {
  return loadCachedRulePacks(paths) ?? (await import('./load.js')).loadRulePacks(paths);
}
