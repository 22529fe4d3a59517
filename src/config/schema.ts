/** `.dualscreen.yaml`: defaults for `screen`, under the names of its long options; built from the option definitions. */
import { z } from 'zod';
import { IsoDate, oneOrMany, Text } from '../gate/fields.js';
import { parseEncodingOption } from '../manifest/encoding.js';
import { configSettings, type ConfigKit } from './options.js';

const isEncoding = (v: string): boolean => {
  try {
    parseEncodingOption(v);
    return true;
  } catch {
    return false;
  }
};

const KIT: ConfigKit = { z, Text, oneOrMany, IsoDate, Score: z.number().gt(0, 'a score above 0').lte(1, 'a score of at most 1'), isEncoding };

export const SETTINGS = configSettings();

export const Config = z
  .object(Object.fromEntries(SETTINGS.flatMap((s) => (s.also ? [s.key, s.also] : [s.key]).map((key) => [key, s.value(KIT).optional()]))))
  .strict();
export type Config = z.infer<typeof Config>;

export const CONFIG_KEYS = Object.keys(Config.shape);
