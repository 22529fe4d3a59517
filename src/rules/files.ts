/** Where rule packs are: the bundled folder, and the pack files under the paths a user gives. */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../model/errors.js';

/** The packs shipped with dualscreen: `rules/` beside `dist/`. */
export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

/**
 * Every `*.yaml` / `*.yml` under the given files and folders, sorted, each once: a folder named twice
 * (the bundled packs, and -r with the same folder or a link to it) is read once.
 */
export function findRuleFiles(paths: string[]): string[] {
  const files = new Set<string>();
  const real = new Set<string>();
  const visit = (p: string): void => {
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new UserError(`rules: ${p}: no such file or folder`);
    }
    if (st.isDirectory()) {
      for (const entry of readdirSync(p).sort()) {
        if (entry.startsWith('.') || entry === 'node_modules') continue;
        const child = join(p, entry);
        if (statSync(child).isDirectory() || /\.ya?ml$/i.test(entry)) visit(child);
      }
    } else {
      const r = realpathSync(p);
      if (real.has(r)) return;
      real.add(r);
      files.add(p);
    }
  };
  for (const p of paths) visit(resolve(p));
  return [...files].sort();
}
