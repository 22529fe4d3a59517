/** Which character separates a manifest's fields. */
import { CsvReader, isIncomplete } from './csv.js';
import { HEADER_SEARCH_ROWS, isHeaderRow, type HeaderOptions } from './header.js';

const DELIMITERS = [',', ';', '\t', '|'];

/** The most frequent candidate delimiter outside quotes on the first line. */
export function detectDelimiter(text: string): string {
  return delimitersOfFirstLine(text)[0]!;
}

/** The candidates, most frequent on the first line (outside quotes) first; the comma first among equals. */
function delimitersOfFirstLine(text: string): string[] {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...DELIMITERS].sort((a, b) => counts.get(b)! - counts.get(a)!);
}

/**
 * The delimiter of a manifest whose first lines (LF endings) are `text`: the first line's, unless that line is a
 * title ("Shipment report March" above a semicolon table) and the header row is only found with another one.
 */
export function detectManifestDelimiter(text: string, o: Pick<HeaderOptions, 'map' | 'lineId'>): string {
  const candidates = delimitersOfFirstLine(text);
  return candidates.find((d) => hasHeaderRow(text, d, o)) ?? candidates[0]!;
}

/** Whether one of the first records, read with `delimiter`, is a header row. */
function hasHeaderRow(text: string, delimiter: string, o: Pick<HeaderOptions, 'map' | 'lineId'>): boolean {
  // the sample may end inside a record: only whole lines are read
  const whole = text.slice(0, text.lastIndexOf('\n') + 1) || text;
  const reader = new CsvReader(whole, delimiter);
  for (let pos = 0, n = 0; pos < whole.length && n < HEADER_SEARCH_ROWS; n++) {
    const record = reader.read(pos, true);
    if (isIncomplete(record)) return false;
    if (!record.error && isHeaderRow(record.fields, o)) return true;
    pos = record.end;
  }
  return false;
}
