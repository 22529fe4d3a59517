/**
 * A fast path for the common case of well-formed CSV, used by the screening workers on whole
 * chunks. Lines without quotes are split natively; quoted fields go through a small state
 * machine. It gives up (returns undefined) at the first thing that is not plain RFC 4180 — a
 * quote inside an unquoted field, text after a closing quote, an unclosed quote — and the caller
 * then parses the chunk with csv-parse, whose records and error messages are the reference. The
 * tests check that both give the same records wherever the fast path answers.
 *
 * Input: text with LF line endings (see newlines.ts). Output: csv-parse's `{ record, info }`
 * shape with the `info` fields the record converter reads, so it cannot tell the two apart.
 */
import type { RecordInfo } from './records.js';

export interface FastRecord {
  record: string[];
  info: RecordInfo;
}

const QUOTE = 34;
const NEWLINE = 10;

export function parseFast(text: string, delimiter: string): FastRecord[] | undefined {
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n') return undefined;
  const delim = delimiter.charCodeAt(0);
  const out: FastRecord[] = [];
  let lines = 0;
  let emptyLines = 0;
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let eol = text.indexOf('\n', pos);
    if (eol === -1) eol = n;
    if (eol === pos) {
      // an empty line: csv-parse skips it and counts it
      lines++;
      emptyLines++;
      pos = eol + 1;
      continue;
    }
    const quote = text.indexOf('"', pos);
    if (quote === -1 || quote > eol) {
      out.push({ record: text.slice(pos, eol).split(delimiter), info: { lines: ++lines, empty_lines: emptyLines } });
      pos = eol + 1;
      continue;
    }
    const parsed = quotedRecord(text, pos, delim);
    if (!parsed) return undefined;
    lines += parsed.lines;
    out.push({ record: parsed.fields, info: { lines, empty_lines: emptyLines } });
    pos = parsed.next;
  }
  return out;
}

/** One record that has a quote somewhere: fields, the lines it spans, and where the next starts. */
function quotedRecord(text: string, start: number, delim: number): { fields: string[]; lines: number; next: number } | undefined {
  const fields: string[] = [];
  const n = text.length;
  let pos = start;
  let lines = 1;
  for (;;) {
    if (pos < n && text.charCodeAt(pos) === QUOTE) {
      // a quoted field: "" is a literal quote; it must end at a delimiter, a newline or the end
      let value = '';
      let from = pos + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) return undefined; // unclosed
        value += text.slice(from, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += '"';
          from = q + 2;
          continue;
        }
        pos = q + 1;
        break;
      }
      for (let i = value.indexOf('\n'); i !== -1; i = value.indexOf('\n', i + 1)) lines++;
      fields.push(value);
    } else {
      // an unquoted field: up to the next delimiter or newline, and no quote inside
      let end = pos;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === delim || c === NEWLINE) break;
        if (c === QUOTE) return undefined;
        end++;
      }
      fields.push(text.slice(pos, end));
      pos = end;
    }
    if (pos >= n) return { fields, lines, next: n };
    const c = text.charCodeAt(pos);
    if (c === delim) {
      pos++;
      continue;
    }
    if (c === NEWLINE) return { fields, lines, next: pos + 1 };
    return undefined; // text after a closing quote
  }
}
