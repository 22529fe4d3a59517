/** The reference data in rules/reference/ has the shape the code reads, and says where it comes from. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CANONICAL_COLUMNS } from '../../src/model/row.js';

const DIR = new URL('../../rules/reference/', import.meta.url);
const read = (file: string): unknown => JSON.parse(readFileSync(new URL(file, DIR), 'utf8'));
const described = { about: z.string().min(20), source: z.string().min(5) };
const word = z.string().min(1);

const SCHEMAS: Record<string, z.ZodType> = {
  'countries.json': z.strictObject({
    ...described,
    sovereign: word,
    countries: z
      .array(
        z.strictObject({
          code: z.string().regex(/^[A-Z]{2}$/),
          alpha3: z.string().regex(/^[A-Z]{3}$/),
          name: word,
          aliases: z.array(word),
          note: word.optional(),
          sovereign: z.string().regex(/^[A-Z]{2}$/).optional(),
          demonyms: z.array(word).min(1).optional(),
        }),
      )
      .min(240),
  }),
  'units.json': z.strictObject({ ...described, units: z.array(z.strictObject({ kind: word, factor: z.number().positive(), names: z.array(word).min(1) })).min(1) }),
  'nothing-declared.json': z.strictObject({ ...described, values: z.array(word).min(1) }),
  'generic-goods-words.json': z.strictObject({ ...described, latin: z.array(z.string().regex(/^[a-z]+$/)).min(1), cjk: z.array(word).min(1), titleWords: z.array(word).min(1) }),
  'header-aliases.json': z.strictObject({
    ...described,
    aliases: z.strictObject(Object.fromEntries(CANONICAL_COLUMNS.map((c) => [c, z.array(word).min(1)]))),
    secondary: z.partialRecord(z.enum(CANONICAL_COLUMNS), z.array(word).min(1)),
    foreignHs: z.array(word).min(1),
    foreignControl: z.array(word).min(1),
    continued: z.partialRecord(z.enum(CANONICAL_COLUMNS), z.array(word).min(1)),
    shipDate: z.array(word).min(1),
  }),
  'cjk-variants.json': z.strictObject({ source: word, classes: z.array(z.string().min(2)) }),
  'katakana-letter-names.json': z.strictObject({
    ...described,
    url: z.url(),
    // every letter A-Z and digit 0-9, each with its names in katakana
    letters: z.record(z.string().regex(/^[A-Z]$/), z.array(z.string().regex(/^[\p{Script=Katakana}ー]+$/u)).min(1)).refine((o) => Object.keys(o).length === 26),
    digits: z.record(z.string().regex(/^[0-9]$/), z.array(z.string().regex(/^[\p{Script=Katakana}ー]+$/u)).min(1)).refine((o) => Object.keys(o).length === 10),
  }),
  'party-phrases.json': z.strictObject({
    ...described,
    labels: z.array(word).min(1),
    before: z.array(word).min(1),
    after: z.array(word).min(1),
    between: z.array(word).min(1),
    around: z.array(z.tuple([word, word])),
  }),
  'regional-phrases.json': z.strictObject({
    source: word,
    supplement: z.array(z.strictObject({ regional: word, mainland: word, source: word })),
    excluded: z.array(z.strictObject({ regional: word, reason: word })),
    pairs: z.array(z.tuple([word, word])),
  }),
};

describe('rules/reference', () => {
  it('has a schema for every JSON file, so none is read unchecked', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(Object.keys(SCHEMAS).sort());
  });

  for (const [file, schema] of Object.entries(SCHEMAS)) {
    it(`${file} matches its schema`, () => {
      const parsed = schema.safeParse(read(file));
      expect(parsed.success ? [] : parsed.error.issues.slice(0, 5)).toEqual([]);
    });
  }

  it('gives each party phrase one kind', () => {
    const phrases = read('party-phrases.json') as Record<'labels' | 'before' | 'after' | 'between', string[]>;
    const all = (['labels', 'before', 'after', 'between'] as const).flatMap((k) => phrases[k].map((p) => p.toLowerCase()));
    expect(all.filter((p, i) => all.indexOf(p) !== i)).toEqual([]);
  });

  it('names each country and each unit once', () => {
    const { countries } = read('countries.json') as { countries: { code: string }[] };
    expect(new Set(countries.map((c) => c.code)).size).toBe(countries.length);
    const { units } = read('units.json') as { units: { names: string[] }[] };
    const names = units.flatMap((u) => u.names);
    expect(new Set(names).size).toBe(names.length);
  });
});
