import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvReader, isIncomplete, MESSAGES } from '../../src/manifest/csv.js';

/** All records of a text, read as the streaming reader does at the end of its input. */
function readAll(text: string, delimiter: string, width?: number) {
  const reader = new CsvReader(text, delimiter, width);
  const out: { fields: string[]; error?: string; lines: number }[] = [];
  for (let pos = 0; pos < text.length; ) {
    const r = reader.read(pos, true);
    if (isIncomplete(r)) throw new Error('incomplete at the end');
    out.push({ fields: r.fields, ...(r.error ? { error: r.error } : {}), lines: r.lines });
    pos = r.end;
  }
  return out;
}

/** csv-parse, strict: the reference wherever it accepts the input. */
function reference(text: string, delimiter: string): string[][] | undefined {
  try {
    return parse(text, { delimiter, relax_column_count: true, record_delimiter: '\n' }) as string[][];
  } catch {
    return undefined;
  }
}

describe('CSV records', () => {
  it('reads plain, quoted, multi-line and empty-line input', () => {
    const text = 'a,b,c\n"x, y","say ""hi""",3\n\n"multi\nline",,\n  ,spaces\nlast,row';
    expect(readAll(text, ',')).toEqual([
      { fields: ['a', 'b', 'c'], lines: 1 },
      { fields: ['x, y', 'say "hi"', '3'], lines: 1 },
      { fields: [''], lines: 1 },
      { fields: ['multi\nline', '', ''], lines: 2 },
      { fields: ['  ', 'spaces'], lines: 1 },
      { fields: ['last', 'row'], lines: 1 },
    ]);
  });

  it('a malformed record is its line, and the next line is read on its own', () => {
    expect(readAll('a,b"c,d\nok,1\n', ',').map((r) => r.error ?? r.fields.join('|'))).toEqual(['a|b"c|d', 'ok|1']);
    expect(readAll('a,bc",d\nok,1\n', ',').map((r) => r.error ?? r.fields.join('|'))).toEqual([MESSAGES.quoteInUnquoted, 'ok|1']);
    expect(readAll('a,27",d\nok,1\n', ',').map((r) => r.error ?? r.fields.join('|'))).toEqual(['a|27"|d', 'ok|1']);
    expect(readAll('a,"b"c,d\nok,1\n', ',').map((r) => r.error ?? r.fields.join('|'))).toEqual([MESSAGES.textAfterQuote, 'ok|1']);
    expect(readAll('a,"unclosed\nok,1\n', ',').map((r) => r.error ?? r.fields.join('|'))).toEqual([MESSAGES.strayQuote, 'ok|1']);
    expect(readAll('a,"unclosed', ',').map((r) => r.error)).toEqual([MESSAGES.unclosed]);
  });

  it('reads a spreadsheet text formula ="0123" as its text; an = elsewhere changes nothing', () => {
    expect(readAll('Gallium,="8112929000",="0,5"\n', ',').map((r) => r.fields)).toEqual([['Gallium', '8112929000', '0,5']]);
    expect(readAll('=SUM(A1),"=x"\n', ',').map((r) => r.fields)).toEqual([['=SUM(A1)', '=x']]);
    expect(readAll('a,b="c"\nok,1\n', ',').map((r) => r.error ?? r.fields.join('|'))).toEqual([MESSAGES.quoteInUnquoted, 'ok|1']);
  });

  it('a multi-line record that does not fit the header costs its first line only', () => {
    expect(readAll('a,"b\nc",d\n', ',', 3).map((r) => r.error ?? r.fields.join('|'))).toEqual(['a|b\nc|d']);
    expect(readAll('a,"b\nc",d,e\n', ',', 3).map((r) => r.error ?? r.fields.join('|'))).toEqual([MESSAGES.strayQuote, MESSAGES.quoteInUnquoted]);
  });

  it('agrees with csv-parse wherever csv-parse accepts the input (seeded)', () => {
    let compared = 0;
    const piece = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"', '""', ',', ';', '\n', '\n\n', '酸化', ' ', '\t'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom(',', ';', '\t'), (pieces, delimiter) => {
        const text = pieces.join('');
        const ref = reference(text, delimiter);
        if (ref === undefined) return;
        compared++;
        const got = readAll(text, delimiter);
        expect(got.map((r) => r.error)).toEqual(got.map(() => undefined));
        expect(got.map((r) => r.fields)).toEqual(ref);
      }),
      { seed: 1128, numRuns: 3000, interruptAfterTimeLimit: 8000 },
    );
    expect(compared).toBeGreaterThan(300);
  });

  it('cut anywhere and read again from the last whole record, a text reads the same (seeded)', () => {
    const piece = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('"', '""', ',', '\n', '"\n', 'x"', ' ', '="'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.nat(), (pieces, at) => {
        const text = pieces.join('');
        const whole = readAll(text, ',', 3);
        // the records complete in a prefix, read without `final`, are the whole text's first records
        const cut = text.slice(0, at % (text.length + 1));
        const reader = new CsvReader(cut, ',', 3);
        const prefix: unknown[] = [];
        for (let pos = 0; pos < cut.length; ) {
          const r = reader.read(pos, false);
          if (isIncomplete(r)) break;
          prefix.push({ fields: r.fields, ...(r.error ? { error: r.error } : {}), lines: r.lines });
          pos = r.end;
        }
        expect(whole.slice(0, prefix.length)).toEqual(prefix);
      }),
      { seed: 77, numRuns: 3000, interruptAfterTimeLimit: 8000 },
    );
  });
});
