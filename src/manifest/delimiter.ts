/** Which character separates a manifest's fields. */
import { CsvReader } from './csv.js';
import { isHeaderRow, type HeaderOptions } from './header.js';
import { findHeaderRecord } from './records.js';

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

/** Whether one of the first records, read with `delimiter`, is a header row (the header search finds one, not its fallback). */
function hasHeaderRow(text: string, delimiter: string, o: Pick<HeaderOptions, 'map' | 'lineId'>): boolean {
  // the sample may end inside a record: only whole lines are read
  const whole = text.slice(0, text.lastIndexOf('\n') + 1) || text;
  const found = findHeaderRecord(new CsvReader(whole, delimiter), whole.length, true, o);
  return found !== undefined && 'header' in found && !found.header.error && isHeaderRow(found.header.fields, o);
}
