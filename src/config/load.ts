/**
 * Finds and reads the config file, and merges it under the command line: a flag the user typed
 * wins, a config value beats a default. Paths in the file are relative to the file.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { displayPath, readUserFile, refOf, type FileRef } from '../input/file.js';
import { parseYaml, validateYaml } from '../input/yaml.js';
import { Config, CONFIG_KEYS, PATH_KEYS } from './schema.js';

export const CONFIG_FILE = '.dualscreen.yaml';

export interface LoadedConfig {
  ref: FileRef;
  /** Option values as commander would hold them, by attribute name (failOn, map: ["hs_code=Tariff"] ...). */
  values: Record<string, unknown>;
}

/** `--config PATH`, else `.dualscreen.yaml` in the working directory if there is one. */
export function loadConfig(explicit?: string): LoadedConfig | undefined {
  const path = explicit ?? (existsSync(CONFIG_FILE) ? CONFIG_FILE : undefined);
  if (path === undefined) return undefined;
  const file = readUserFile(path, 'config file');
  const yaml = parseYaml(file.bytes.toString('utf8'), file.path);
  const config = validateYaml(Config, { ...yaml, data: yaml.data ?? {} }, CONFIG_KEYS.join(', '));
  return { ref: refOf(file), values: optionValues(config, dirname(file.file)) };
}

const attributeName = (key: string): string => key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

function optionValues(config: Config, dir: string): Record<string, unknown> {
  const at = (p: string): string => displayPath(resolve(dir, p));
  const values: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    const value = config[key];
    if (value === undefined) continue;
    if (key === 'map') values.map = Object.entries(value).map(([column, header]) => `${column}=${String(header)}`);
    else if (key === 'rules') values.rules = (value as string[]).map(at);
    else if ((PATH_KEYS as readonly string[]).includes(key)) values[attributeName(key)] = at(value as string);
    else values[attributeName(key)] = value;
  }
  return values;
}

/** The options with the config's values wherever the user gave no flag. */
export function withConfig(
  options: Record<string, unknown>,
  source: (name: string) => string | undefined,
): { options: Record<string, unknown>; config?: FileRef } {
  const loaded = loadConfig(options.config as string | undefined);
  if (!loaded) return { options };
  const merged = { ...options };
  for (const [name, value] of Object.entries(loaded.values)) if (source(name) !== 'cli') merged[name] = value;
  return { options: merged, config: loaded.ref };
}
