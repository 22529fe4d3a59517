/** zod field types shared by the waivers file, the licence register and the config file. */
import { z } from 'zod';
import { hsDigits, normaliseControlCode } from '../match/codes.js';
import { countryCode } from '../match/countries.js';

export { IsoDate } from '../rules/schema.js';

export const Text = z.string({ error: (i) => (i.input === undefined ? 'required' : 'expected text') }).trim().min(1, 'must not be empty');

/** Identifiers that YAML may read as numbers when unquoted (line ids, licence numbers). */
export const Label = z.union([Text, z.number().transform(String)]);

export const HsCodeField = z
  .string({ error: (i) => (i.input === undefined ? 'an HS code is required' : 'an HS code must be a quoted string (YAML reads 0302... as a number and drops the 0)') })
  .transform((v) => hsDigits(v) ?? v)
  .pipe(z.string().regex(/^\d{4,14}$/, 'expected an HS code of 4 to 14 digits'));

export const ControlCodeField = z
  .string({ error: (i) => (i.input === undefined ? 'a control code is required' : 'a control code must be a quoted string (YAML reads 2E902 as a number)') })
  .transform((v, ctx) => {
    const code = normaliseControlCode(v);
    if (!code) ctx.addIssue({ code: 'custom', message: `"${v}" is not a control code such as 1C902.a` });
    return code ?? v;
  });

export const CountryField = Text.transform((v, ctx) => {
  const code = countryCode(v);
  if (!code) ctx.addIssue({ code: 'custom', message: `"${v}" is not a country dualscreen knows (use an ISO code such as JP)` });
  return code ?? v;
});

/** One value or a list of them: always a list after parsing. */
export const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) => (v === undefined || Array.isArray(v) ? v : [v]),
    z.array(item, { error: (i) => (i.input === undefined ? 'required' : 'expected a value or a list') }).min(1, 'expected at least one value'),
  );
