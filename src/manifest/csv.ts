/**
 * The CSV record reader every path shares (the streaming reader's block cuts, its records, the
 * workers' chunks). RFC 4180, tolerant of damage: a malformed record costs its own line and
 * reading goes on at the next line, so one bad quote never takes the rows after it along.
 *
 * - A quote opens a quoted field only at the start of a field, or after an = that starts it (="0123",
 *   the text formula spreadsheets write to keep leading zeros: its value is 0123). Anywhere else it is
 *   a character of the field, as spreadsheets read it, when it follows a digit (an inch mark: 3/4" pipe,
 *   27") or text follows it in the field (Monitor arm "pro" 27 inch); a quote after other text that ends
 *   the field (`in drums",`) is most likely the end of a quoted field that a line break cut, and makes the
 *   record malformed. Neither changes how the rest of the input is read.
 * - A quoted field must end at a delimiter, a newline or the end of the input.
 * - A record that spans several lines (a quoted field with newlines) but is malformed, is never
 *   closed, runs for more than MAX_QUOTED_LINES lines or, once the header is known, does not have
 *   the header's number of fields, was most likely opened by a stray quote: its first line is
 *   rejected and the lines after it are read on their own.
 *
 * Every decision about a record depends only on the text from its start up to the point where the
 * decision is made, and text cut off before that point leads to the same decision (a first line
 * rejected), so a reader that sees the input in pieces cuts it where a reader of the whole would.
 * Each character is looked at a bounded number of times: reading is linear in the input.
 *
 * Input: text with LF line endings (newlines.ts).
 */

const QUOTE = 34;
const NEWLINE = 10;
const EQUALS = 61;

/** A quoted field open for more lines than this was opened by a stray quote. */
export const MAX_QUOTED_LINES = 10_000;

export interface CsvRecord {
  /** The fields; empty for a malformed record. */
  fields: string[];
  /** What is wrong with a malformed record. */
  error?: string;
  /** Physical lines the record takes. */
  lines: number;
  /** Index just past the record (past its newline). */
  end: number;
}

/** The record is not complete in the text yet; `openLines`: it waits inside a quoted field that holds this many newlines. */
export interface Incomplete {
  incomplete: true;
  openLines?: number;
}

export const MESSAGES = {
  quoteInUnquoted:
    'a quote that ends an unquoted field (the end of a quoted field that a line break cut?): quote the whole field and double its quotes ("Arm ""pro""")',
  textAfterQuote: 'text after the closing quote of a quoted field (a quote inside a quoted field is written twice: "")',
  unclosed: 'a quoted field is never closed (unclosed quote)',
  strayQuote:
    'a quote opened on this line does not close where a field ends (a stray or unclosed quote): this line is rejected and the lines after it are read on their own',
} as const;

/** Trailing empty cells beyond the header (spreadsheet exports) do not make a row ragged. */
export function fieldCount(fields: string[], width: number): number {
  let n = fields.length;
  while (n > width && fields[n - 1] === '') n--;
  return n;
}

export class CsvReader {
  private readonly delim: number;
  private readonly quotes: NextIndex;
  private readonly newlines: NextIndex;
  private readonly delimiters: NextIndex;

  /**
   * @param width the header's number of fields, once known: a multi-line record must have it
   */
  constructor(
    private readonly text: string,
    private readonly delimiter: string,
    public width?: number,
  ) {
    this.delim = delimiter.charCodeAt(0);
    this.quotes = new NextIndex(text, '"');
    this.newlines = new NextIndex(text, '\n');
    this.delimiters = new NextIndex(text, delimiter);
  }

  private nextQuote(from: number): number {
    return this.quotes.from(from);
  }

  /**
   * The record that starts at `start` (the start of a line). With `final`, the text is all there is;
   * otherwise undefined-like `Incomplete` when more text could change the record.
   */
  read(start: number, final: boolean): CsvRecord | Incomplete {
    const s = this.text;
    const n = s.length;
    let eol = this.newlines.from(start);
    const quote = this.nextQuote(start);
    if (quote === -1 || (eol !== -1 && quote > eol)) {
      if (eol === -1) {
        if (!final) return { incomplete: true };
        eol = n;
      }
      return { fields: s.slice(start, eol).split(this.delimiter), lines: 1, end: Math.min(eol + 1, n) };
    }
    return this.readQuoted(start, final);
  }

  /** A record with a quote somewhere: field by field. */
  private readQuoted(start: number, final: boolean): CsvRecord | Incomplete {
    const s = this.text;
    const n = s.length;
    const fields: string[] = [];
    let pos = start;
    let newlines = 0;
    for (;;) {
      // ="0123": spreadsheets' text formula, written to keep leading zeros (HS codes); its value is the quoted text
      if (s.charCodeAt(pos) === EQUALS && s.charCodeAt(pos + 1) === QUOTE) pos++;
      if (pos < n && s.charCodeAt(pos) === QUOTE) {
        let value = '';
        let from = pos + 1;
        for (;;) {
          const q = this.nextQuote(from);
          const stop = q === -1 ? n : q;
          for (let i = this.newlines.from(from); i !== -1 && i < stop; i = this.newlines.from(i + 1)) newlines++;
          if (newlines > MAX_QUOTED_LINES) return this.stray(start);
          if (q === -1) {
            if (!final) return { incomplete: true, openLines: newlines };
            return newlines > 0 ? this.stray(start) : { fields: [], error: MESSAGES.unclosed, lines: 1, end: n };
          }
          if (q + 1 === n && !final) return { incomplete: true, openLines: newlines };
          value += s.slice(from, q);
          if (s.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            from = q + 2;
            continue;
          }
          pos = q + 1;
          break;
        }
        fields.push(value);
        if (pos >= n) return final ? this.done(fields, newlines, n, start) : { incomplete: true };
        const c = s.charCodeAt(pos);
        if (c === this.delim) {
          pos++;
          continue;
        }
        if (c === NEWLINE) return this.done(fields, newlines, pos + 1, start);
        return this.malformed(start, pos, newlines, MESSAGES.textAfterQuote, final);
      }
      // an unquoted field: up to the next delimiter or newline, with no quote in it
      const d = this.delimiters.from(pos);
      let nl = this.newlines.from(pos);
      if (nl === -1) nl = n;
      const end = d !== -1 && d < nl ? d : nl;
      const q = this.nextQuote(pos);
      if (q !== -1 && q < end) {
        const ending = this.endingQuote(q, end);
        if (ending !== -1) return this.malformed(start, ending, newlines, MESSAGES.quoteInUnquoted, final);
      }
      fields.push(s.slice(pos, end));
      if (end === d) {
        pos = end + 1;
        continue;
      }
      if (end === n && !final) return { incomplete: true };
      return this.done(fields, newlines, Math.min(end + 1, n), start);
    }
  }

  /**
   * The quote of an unquoted field (its first quote at `q`, the field ending at `end`) that is not one of
   * its characters: last in the field, after text other than a digit; -1 when every quote is a character.
   */
  private endingQuote(q: number, end: number): number {
    const s = this.text;
    for (let at = q; at !== -1 && at < end; at = s.indexOf('"', at + 1)) {
      const before = s.charCodeAt(at - 1);
      if (at + 1 === end && !(before >= 48 && before <= 57)) return at;
    }
    return -1;
  }

  private done(fields: string[], newlines: number, end: number, start: number): CsvRecord {
    if (newlines > 0 && this.width !== undefined && fieldCount(fields, this.width) !== this.width) return this.stray(start);
    return { fields, lines: newlines + 1, end };
  }

  /** A malformed record: on one line, the whole line; over several, its first line only. */
  private malformed(start: number, at: number, newlines: number, error: string, final: boolean): CsvRecord | Incomplete {
    if (newlines > 0) return this.stray(start);
    const nl = this.text.indexOf('\n', at);
    if (nl === -1 && !final) return { incomplete: true };
    return { fields: [], error, lines: 1, end: nl === -1 ? this.text.length : nl + 1 };
  }

  private stray(start: number): CsvRecord {
    const nl = this.text.indexOf('\n', start);
    return { fields: [], error: MESSAGES.strayQuote, lines: 1, end: nl === -1 ? this.text.length : nl + 1 };
  }
}

/** The next occurrence of a character, remembered, so that asking again from a nearby place costs nothing. */
class NextIndex {
  private asked = 0;
  private found = -2;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  from(at: number): number {
    if (this.found === -2 || at < this.asked || (this.found !== -1 && at > this.found)) {
      this.found = this.text.indexOf(this.char, at);
      this.asked = at;
    }
    return this.found;
  }
}

export function isIncomplete(r: CsvRecord | Incomplete): r is Incomplete {
  return 'incomplete' in r;
}

export function countNewlines(text: string, from = 0, to = text.length): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
