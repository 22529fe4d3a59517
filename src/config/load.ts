/** Reads a config file: its YAML checked against the settings of options.ts (zod), its paths made relative to it. */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { displayPath, readUserFile, refOf, type FileRef } from '../files/file.js';
import { parseYaml, validateYaml } from '../files/yaml.js';
import { UserError } from '../model/errors.js';
import type { ConfigRecord } from '../report/types.js';
import { Config, CONFIG_KEYS, SETTINGS } from './schema.js';

export interface LoadedConfig {
  ref: FileRef;
  /** Option values by commander's attribute name (failOn, map ...), as its parsers would give them. */
  options: Record<string, unknown>;
  /** The same settings as the reports show them (map: ["hs_code=Tariff"]), by attribute name. */
  values: Record<string, unknown>;
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

/** The config file at `path`: named with --config, or `found` by findConfig, and then refused when someone else could have written it. */
export function loadConfig(path: string, { found = false } = {}): LoadedConfig {
  if (found) checkOwner(path);
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

/** The options with the loaded config's values wherever the user gave no flag, and what the reports say of the config. */
export function mergeConfig(
  options: Record<string, unknown>,
  source: (name: string) => string | undefined,
  loaded: LoadedConfig,
): { options: Record<string, unknown>; config: ConfigRecord } {
  const merged = { ...options };
  const changed: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    if (!(s.option in loaded.options) || source(s.option) === 'cli') continue;
    merged[s.option] = loaded.options[s.option];
    changed[s.key] = loaded.values[s.option];
  }
  return { options: merged, config: { ...loaded.ref, changed } };
}
