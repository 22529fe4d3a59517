import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFast } from '../../src/manifest/fast-csv.js';
import { CSV_PARSE_OPTIONS } from '../../src/manifest/records.js';

/** csv-parse with the options every reader uses: the reference the fast path must agree with. */
function reference(text: string, delimiter: string) {
  const out: { record: string[]; lines: number; empty: number }[] = [];
  const skips: string[] = [];
  parse(text, {
    ...CSV_PARSE_OPTIONS,
    delimiter,
    on_skip: (e) => {
      skips.push(String(e?.code));
      return undefined;
    },
    on_record: ((entry: { record: string[]; info: { lines: number; empty_lines: number } }) => {
      out.push({ record: entry.record, lines: entry.info.lines, empty: entry.info.empty_lines });
      return null;
    }) as unknown as () => null,
  });
  return { out, skips };
}

const fast = (text: string, delimiter: string) => parseFast(text, delimiter)?.map((r) => ({ record: r.record, lines: r.info.lines, empty: r.info.empty_lines }));

describe('fast CSV path', () => {
  it('reads plain, quoted, multi-line and empty-line input like csv-parse', () => {
    const text = 'a,b,c\n"x, y","say ""hi""",3\n\n"multi\nline",,\n  ,spaces\nlast,row';
    expect(fast(text, ',')).toEqual(reference(text, ',').out);
  });

  it('gives up on anything csv-parse would report, so csv-parse can report it', () => {
    for (const text of ['a,b"c,d\n', 'a,"b"c,d\n', 'a,"unclosed\n', '"a""\n']) expect(parseFast(text, ',')).toBeUndefined();
  });

  it('agrees with csv-parse on random input wherever it answers (seeded)', () => {
    let answered = 0;
    const piece = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"', '""', ',', ';', '\n', '\n\n', '酸化', ' ', '\t'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom(',', ';', '\t'), (pieces, delimiter) => {
        const text = pieces.join('');
        const got = fast(text, delimiter);
        if (got === undefined) return;
        answered++;
        const ref = reference(text, delimiter);
        expect(ref.skips).toEqual([]);
        expect(got).toEqual(ref.out);
      }),
      { seed: 1128, numRuns: 3000, interruptAfterTimeLimit: 8000 },
    );
    expect(answered).toBeGreaterThan(300); // the comparison ran on many inputs, not only the trivial ones
  });
});
