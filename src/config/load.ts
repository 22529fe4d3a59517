/**
 * Finds and reads the config file, and merges it under the command line: a flag the user typed
 * wins, a config value beats a default. Paths in the file are relative to the file. The file is
 * looked for in the working directory and its parents up to the repository root (the folder with
 * `.git`); outside a repository only in the working directory, so that a file planted in a shared
 * parent folder (/tmp) is never read. A found file that another user owns, or that others may
 * write, is refused: it would steer verdicts. Every report names the file and what it changed, or
 * says that none was found.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { displayPath, readUserFile, refOf, type FileRef } from '../files/file.js';
import { parseYaml, validateYaml } from '../files/yaml.js';
import { UserError } from '../model/errors.js';
import type { ConfigRecord } from '../report/types.js';
import { Config, CONFIG_KEYS, SETTINGS } from './schema.js';

export const CONFIG_FILE = '.dualscreen.yaml';

export interface LoadedConfig {
  ref: FileRef;
  /** Option values by commander's attribute name (failOn, map ...), as its parsers would give them. */
  options: Record<string, unknown>;
  /** The same settings as the reports show them (map: ["hs_code=Tariff"]), by attribute name. */
  values: Record<string, unknown>;
}

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

/** A found config that someone else could have written is not read. */
function checkOwner(path: string): void {
  if (typeof process.getuid !== 'function') return;
  const st = statSync(path);
  const uid = process.getuid();
  if ((st.mode & 0o002) !== 0 || (st.uid !== uid && st.uid !== 0 && uid !== 0)) {
    throw new UserError(`${displayPath(path)}: config file ${st.mode & 0o002 ? 'writable by anyone' : 'owned by another user'}: not read (name it with --config to use it anyway)`);
  }
}

/** `--config PATH`, else the `.dualscreen.yaml` findConfig finds. */
export function loadConfig(explicit?: string, from?: string): LoadedConfig | undefined {
  const found = explicit === undefined ? findConfig(from).path : undefined;
  const path = explicit ?? found;
  if (path === undefined) return undefined;
  if (found) checkOwner(found);
  const file = readUserFile(path, 'config file');
  const yaml = parseYaml(file.bytes.toString('utf8'), file.path);
  const config = validateYaml(Config, { ...yaml, data: yaml.data ?? {} }, CONFIG_KEYS.join(', '));
  const at = (p: unknown): string => displayPath(resolve(dirname(file.file), String(p)));
  const loaded: LoadedConfig = { ref: refOf(file), options: {}, values: {} };
  for (const s of SETTINGS) {
    const other = s.also === undefined ? undefined : config[s.also];
    if (other !== undefined && config[s.key] !== undefined) throw new UserError(`${file.path}: ${s.also} and ${s.key} are the same setting: give one`);
    const value = config[s.key] ?? other;
    if (value === undefined) continue;
    const v = s.paths ? (Array.isArray(value) ? value.map(at) : at(value)) : value;
    loaded.options[s.option] = v;
    loaded.values[s.option] = s.shown ? s.shown(v) : v;
  }
  return loaded;
}

/** The options with the config's values wherever the user gave no flag, and what the reports say of the config. */
export function withConfig(
  options: Record<string, unknown>,
  source: (name: string) => string | undefined,
): { options: Record<string, unknown>; config: ConfigRecord } {
  const loaded = loadConfig(typeof options.config === 'string' ? options.config : undefined);
  if (!loaded) return { options, config: { path: null, searched: findConfig().searched } };
  const merged = { ...options };
  const changed: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    if (!(s.option in loaded.options) || source(s.option) === 'cli') continue;
    merged[s.option] = loaded.options[s.option];
    changed[s.key] = loaded.values[s.option];
  }
  return { options: merged, config: { ...loaded.ref, changed } };
}
