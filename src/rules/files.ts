/** Where rule packs are: the bundled folder, and the pack files under the paths a user gives. */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';

/** The packs shipped with dualscreen: `rules/` beside `dist/`. */
export const DEFAULT_RULES_DIR = fileURLToPath(new URL('../../rules', import.meta.url));

/** Every `*.yaml` / `*.yml` under the given files and folders, sorted, each once. */
export function findRuleFiles(paths: string[]): string[] {
  const files = new Set<string>();
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
      files.add(p);
    }
  };
  for (const p of paths) visit(resolve(p));
  return [...files].sort();
}
