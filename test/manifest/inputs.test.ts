/**
 * The input torture set (fixtures/inputs/, README there): manifests as customers export them, screened through the
 * built CLI. Every data line is screened at its own line number or, where it cannot be read, reported in `errors`
 * at its line; no header, total or note is screened as a row; the description, HS code, destination and parties
 * land in their columns; and a few rows of controlled goods or military users get the verdict the law gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { INPUTS, loadExpected, screenAll, type Expected, type Outcome } from '../tools/input-outcomes.js';
import { build, FILES } from '../tools/write-input-fixtures.js';

describe('input torture set', { timeout: 120_000 }, () => {
  let outcomes: Map<string, Outcome>;
  beforeAll(() => {
    outcomes = new Map(screenAll().map(({ outcome }) => [outcome.file, outcome]));
  }, 120_000);

  it('holds the bytes and the expectations its generator writes (edit test/tools/write-input-fixtures.js, not the files)', () => {
    const expected = loadExpected().files;
    for (const spec of FILES) {
      const built = build(spec);
      expect(readFileSync(join(INPUTS, spec.file)).equals(built.bytes), spec.file).toBe(true);
      expect(expected.find((e: Expected) => e.file === spec.file)).toEqual(built.expected);
    }
  });

  for (const e of loadExpected().files) {
    it(`${e.file}: ${e.lines.data.length} data rows screened at their lines, ${e.lines.unreadable.length} reported unreadable, values in their columns`, () => {
      const o = outcomes.get(e.file);
      expect(o?.failed ?? null).toBeNull();
      expect(o?.encoding ?? null).toBeNull();
      expect({ lost: o?.lost, rejected: o?.rejected, unreported: o?.unreported, phantom: o?.phantom, spurious: o?.spurious }).toEqual({
        lost: [],
        rejected: [],
        unreported: [],
        phantom: [],
        spurious: [],
      });
      expect(o?.misread).toEqual([]);
      expect(o?.verdicts).toEqual([]);
    });
  }
});
