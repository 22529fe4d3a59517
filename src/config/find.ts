/**
 * Finds and reads the config file, and merges it under the command line: a flag the user typed
 * wins, a config value beats a default. Paths in the file are relative to the file. The file is
 * looked for in the working directory and its parents up to the repository root (the folder with
 * `.git`); outside a repository only in the working directory, so that a file planted in a shared
 * parent folder (/tmp) is never read. A found file that another user owns, or that others may
 * write, is refused: it would steer verdicts. Every report names the file and what it changed, or
 * says that none was found.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { displayPath } from '../files/file.js';
import type { ConfigRecord } from '../report/types.js';

export const CONFIG_FILE = '.dualscreen.yaml';

/** Where the config file would be: the first `.dualscreen.yaml` from `from` up to the repository root. */
export function findConfig(from = process.cwd()): { path?: string; searched: string } {
  const start = resolve(from);
  let root: string | undefined;
  for (let d = start; root === undefined; d = dirname(d)) {
    if (existsSync(join(d, '.git'))) root = d;
    else if (dirname(d) === d) break;
  }
  // outside a repository, only the working directory counts
  for (let d = start; ; d = dirname(d)) {
    const candidate = join(d, CONFIG_FILE);
    if (existsSync(candidate)) return { path: candidate, searched: '' };
    if (d === (root ?? start) || dirname(d) === d) break;
  }
  const where = root ? `${displayPath(start)} or its parents up to the repository root ${displayPath(root) || '.'}` : `${displayPath(start)} (not in a repository, so parent folders are not searched)`;
  return { searched: `no ${CONFIG_FILE} in ${where || '.'}` };
}

/**
 * The options with the config's values wherever the user gave no flag, and what the reports say of the config.
 * The reader (load.ts: zod and the YAML parser) is loaded only when there is a file to read.
 */
export async function withConfig(
  options: Record<string, unknown>,
  source: (name: string) => string | undefined,
): Promise<{ options: Record<string, unknown>; config: ConfigRecord }> {
  const explicit = typeof options.config === 'string' ? options.config : undefined;
  const found = explicit === undefined ? findConfig() : undefined;
  const path = explicit ?? found?.path;
  if (path === undefined) return { options, config: { path: null, searched: found!.searched } };
  const { loadConfig, mergeConfig } = await import('./load.js');
  return mergeConfig(options, source, loadConfig(path, { found: explicit === undefined }));
}
