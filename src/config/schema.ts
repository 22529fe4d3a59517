/** `.dualscreen.yaml`: defaults for `screen`, under the names of its long options. */
import { z } from 'zod';
import { oneOrMany, Text } from '../gate/fields.js';
import { parseEncodingOption } from '../manifest/encoding.js';
import { CANONICAL_COLUMNS } from '../model/row.js';
import { FORMATS } from '../report/index.js';

const Score = z.number().gt(0, 'a score above 0').lte(1, 'a score of at most 1');

const isEncoding = (v: string): boolean => {
  try {
    parseEncodingOption(v);
    return true;
  } catch {
    return false;
  }
};

/** licence as well as license, everywhere a user types the word. */
const FailOn = z.preprocess((v) => (v === 'licence' ? 'license' : v), z.enum(['prohibited', 'license', 'review', 'none']));

export const Config = z
  .object({
    rules: oneOrMany(Text).optional(),
    'bundled-rules': z.boolean().optional(),
    map: z.partialRecord(z.enum(CANONICAL_COLUMNS), Text).optional(),
    'line-id': z.preprocess((v) => (typeof v === 'string' ? v.split(/[,，、]/).map((c) => c.trim()) : v), oneOrMany(Text)).optional(),
    sheet: z.union([Text, z.number().int().positive().transform(String)]).optional(),
    'fail-on': FailOn.optional(),
    'hs-scheme': z.enum(['cn', 'intl']).optional(),
    encoding: Text.refine(isEncoding, 'unknown encoding (use utf-8, utf-16le, utf-16be, shift_jis/cp932 or gb18030)').optional(),
    delimiter: Text.optional(),
    waivers: Text.optional(),
    licenses: Text.optional(),
    licences: Text.optional(),
    baseline: Text.optional(),
    'party-block': Score.optional(),
    'party-review': Score.optional(),
    format: Text.refine((v) => v in FORMATS, `unknown format (use ${Object.keys(FORMATS).join(', ')})`).optional(),
    all: z.boolean().optional(),
  })
  .strict();
export type Config = z.infer<typeof Config>;

export const CONFIG_KEYS = Object.keys(Config.shape) as (keyof Config)[];

/** Keys whose values are paths, resolved against the config file's folder. */
export const PATH_KEYS = ['rules', 'waivers', 'licenses', 'licences', 'baseline'] as const;

/** Keys spelt two ways, and the one the options and the reports use. */
export const KEY_SPELLINGS: Partial<Record<keyof Config, keyof Config>> = { licences: 'licenses' };
