/**
 * The compiled rule set a command judges with. Under `dualscreen serve` it is kept between requests, with
 * the indices a request built; each request reads the pack files' sizes and times again, so that a pack
 * edited, added or removed is loaded anew, as a command run on its own would.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { compileRuleSet, type CompileOptions, type RuleSet } from './compile.js';
import { loadRulePacksQuickly, type CachedPack } from '../rules/cached.js';
import { DEFAULT_RULES_DIR, findRuleFiles } from '../rules/files.js';

interface KeptRules {
  /** Each pack file with its size and modification time, as they were read. */
  stamp: string;
  packs: CachedPack[];
  /** By the compile options (the party thresholds). */
  compiled: Map<string, RuleSet>;
}

let kept: Map<string, KeptRules> | undefined;
/** Rule paths kept at once (each set of -r paths its own); the one used longest ago goes first. */
const KEPT_LIMIT = 4;

/** From now on, keep compiled rule sets for the next request (`dualscreen serve`). */
export function keepRulesResident(): void {
  kept ??= new Map();
}

function stampOf(files: string[]): string {
  return files
    .map((file) => {
      const st = statSync(file);
      return `${file}\u0000${st.size}\u0000${st.mtimeMs}\u0000${st.ino}`;
    })
    .join('\n');
}

/** The rule set of the packs under `paths` (the bundled ones when undefined), compiled with `options`. */
export async function ruleSetFor(paths: string[] | undefined, options: CompileOptions = {}): Promise<RuleSet> {
  if (!kept) return compileRuleSet(await loadRulePacksQuickly(paths), options);
  const absolute = (paths ?? [DEFAULT_RULES_DIR]).map((p) => resolve(p));
  const key = absolute.join('\n');
  const stamp = stampOf(findRuleFiles(absolute));
  let rules = kept.get(key);
  kept.delete(key);
  if (rules?.stamp !== stamp) rules = { stamp, packs: await loadRulePacksQuickly(absolute), compiled: new Map() };
  kept.set(key, rules);
  if (kept.size > KEPT_LIMIT) kept.delete(kept.keys().next().value!);
  const compiledKey = JSON.stringify(options.partyThresholds ?? null);
  let rs = rules.compiled.get(compiledKey);
  if (!rs) rules.compiled.set(compiledKey, (rs = compileRuleSet(rules.packs, options)));
  return rs;
}
