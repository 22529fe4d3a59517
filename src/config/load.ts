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
import { UserError } from '../errors.js';
import { displayPath, readUserFile, refOf, type FileRef } from '../files/file.js';
import { parseYaml, validateYaml } from '../files/yaml.js';
import type { ConfigRecord } from '../report/types.js';
import { Config, CONFIG_KEYS, KEY_SPELLINGS, PATH_KEYS } from './schema.js';

export const CONFIG_FILE = '.dualscreen.yaml';

export interface LoadedConfig {
  ref: FileRef;
  /** Option values as commander would hold them, by attribute name (failOn, map: ["hs_code=Tariff"] ...). */
  values: Record<string, unknown>;
  /** The same values under the file's own key names (fail-on), for the reports. */
  settings: Record<string, unknown>;
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
  if (config.licences !== undefined && config.licenses !== undefined) {
    throw new UserError(`${file.path}: licences and licenses are the same setting: give one`);
  }
  return { ref: refOf(file), ...optionValues(config, dirname(file.file)) };
}

const attributeName = (key: string): string => key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function optionValues(config: Config, dir: string): Pick<LoadedConfig, 'values' | 'settings'> {
  const at = (p: string): string => displayPath(resolve(dir, p));
  const values: Record<string, unknown> = {};
  const settings: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    const value = config[key];
    if (value === undefined) continue;
    let v: unknown = value;
    if (key === 'map') v = Object.entries(value).map(([column, header]) => `${column}=${String(header)}`);
    else if (key === 'rules') v = (value as string[]).map(at);
    else if ((PATH_KEYS as readonly string[]).includes(key)) v = at(value as string);
    const name = KEY_SPELLINGS[key] ?? key;
    values[attributeName(name)] = v;
    settings[name] = v;
  }
  return { values, settings };
}

/** The options with the config's values wherever the user gave no flag, and what the reports say of the config. */
export function withConfig(
  options: Record<string, unknown>,
  source: (name: string) => string | undefined,
): { options: Record<string, unknown>; config: ConfigRecord } {
  const explicit = options.config as string | undefined;
  const loaded = loadConfig(explicit);
  if (!loaded) return { options, config: { path: null, searched: findConfig().searched } };
  const merged = { ...options };
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(loaded.settings)) {
    const name = attributeName(key);
    if (source(name) === 'cli') continue;
    merged[name] = loaded.values[name];
    changed[key] = value;
  }
  return { options: merged, config: { ...loaded.ref, changed } };
}
