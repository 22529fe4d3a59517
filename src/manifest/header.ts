/**
 * Finding the header row of a manifest: invoices and ERP exports put a title block above it (the
 * company, "Commercial Invoice", the invoice number and date). The header is the first row, among
 * the first HEADER_SEARCH_ROWS, that maps a goods column and at least one other canonical column;
 * when none does, the first row is the header, as it always was (and is refused when it names no
 * goods column). The stream cutter (blocks.ts) and the record converter (records.ts) decide alike.
 */
import { UserError } from '../model/errors.js';
import { type CanonicalColumn, type ColumnMapping, headerKey, type HsScheme } from '../model/row.js';
import { aliasesOf, closestColumn, foreignControlHeader, foreignHsHeader, IDENTIFYING, mapHeaders, namesColumn, namesGoodsColumn, shipDateColumn } from './columns.js';
import { fieldCount } from './csv.js';

export const HEADER_SEARCH_ROWS = 30;


/** How the header is read: the user's column overrides and line id columns, and whether the HS scheme was chosen. */
export interface HeaderOptions {
  map?: Partial<Record<CanonicalColumn, string>>;
  lineId?: string[];
  /** Columns whose text is not read for parties (--ignore-columns): a maker, a previous owner. */
  ignoreColumns?: string[];
  hsScheme: HsScheme;
  /** The user chose the HS scheme (flag or config): a header never changes it. */
  hsSchemeChosen?: boolean;
}

export interface Header {
  headers: string[];
  mapping: ColumnMapping;
  /** The HS scheme for this file: the header's HS column may imply intl. */
  hsScheme: HsScheme;
  /** The header of the control-code column when it holds another country's classification (ECCN, Ausfuhrlistennummer). */
  controlScheme?: string;
  /** What the reader decided about the file that the user should know (title lines skipped, HS scheme). */
  notes: string[];
  /** The other columns read for parties: not screened otherwise, and not left out by --ignore-columns. */
  otherText: { key: string; index: number }[];
  /** The column of each row's ship date (an extra column), if the header names one. */
  shipDate?: number;
  /**
   * The number of fields a record over several lines must have (csv.ts): the first header's, also under a
   * header read mid-file, so that the text is cut into records alike wherever it is cut into blocks.
   */
  recordWidth?: number;
}

/** A row that maps a goods column and at least one other canonical column: a header. */
export function isHeaderRow(fields: string[], o: Pick<HeaderOptions, 'map' | 'lineId'> = {}): boolean {
  // most rows (data, title lines) name no goods column: told apart without mapping the whole row
  if (o.map === undefined && !namesGoodsColumn(fields)) return false;
  let mapping: ColumnMapping;
  try {
    mapping = mapHeaders(
      fields.map((h) => h.trim()),
      o.map,
      o.lineId,
    );
  } catch {
    return false; // an override names a header this row does not have
  }
  const mapped = Object.keys(mapping.columns) as CanonicalColumn[];
  return mapped.some((c) => IDENTIFYING.includes(c)) && mapped.length >= 2;
}

/** The header row again, as it is (trailing empty cells aside): two exports of one layout joined into one file. */
export function sameHeader(fields: string[], headers: string[]): boolean {
  return fieldCount(fields, headers.length) === headers.length && headers.every((h, i) => (fields[i] ?? '').trim() === h);
}

/**
 * A header row inside the data, of another layout: two exports joined into one file. It must say more than a
 * header at the top need say (a data row could hold a word such as "Goods" or "Country"): a goods column and
 * two more, and most of its cells column names.
 */
export function isLaterHeaderRow(fields: string[], o: Pick<HeaderOptions, 'map' | 'lineId'> = {}): boolean {
  if (!namesGoodsColumn(fields)) return false;
  const filled = fields.map((f) => f.trim()).filter((f) => f !== '');
  const naming = filled.filter(namesColumn).length;
  return naming >= 3 && naming * 2 > filled.length && isHeaderRow(fields, o);
}

/**
 * A header row with a second one under it, in another language ("Description, HS Code" under "品名,
 * 商品编码"): each column is named by the row whose cell names a column, the upper one first.
 */
export function mergeHeaderRows(first: string[], second: string[]): string[] {
  return first.map((cell, i) => {
    const a = cell.trim();
    const b = (second[i] ?? '').trim();
    return a !== '' && namesColumn(a) ? a : b !== '' && namesColumn(b) ? b : a || b;
  });
}

/** A title line as the note quotes it: its non-empty cells. */
export const lineText = (fields: string[]): string =>
  fields
    .map((f) => f.trim())
    .filter((f) => f !== '')
    .join(' ');

/** Each header with the column it maps to, or the closest canonical column when it maps to none. */
function describeHeaders(headers: string[], mapping: ColumnMapping): string {
  const columnAt = new Map(Object.entries(mapping.columns).map(([column, at]) => [at, column]));
  return headers
    .map((h, i) => {
      const mapped = columnAt.get(i);
      const close = mapped === undefined && h !== '' ? closestColumn(h) : undefined;
      return `${JSON.stringify(h)}${mapped ? ` (${mapped})` : close ? ` (closest: ${close.column})` : ''}`;
    })
    .join(', ');
}

/**
 * Columns that only identify or count a row (SAP's Line beside its Item, two amount columns): where two headers name one,
 * the first is read and the other kept as an extra column. A second column that screening reads (an HS code, a country)
 * refuses the file instead: dualscreen cannot tell which one the goods go by.
 */
const REFERENCE_ONLY: readonly CanonicalColumn[] = ['line_id', 'quantity', 'unit', 'value', 'currency'];

/** The header record read into a mapping, or the file refused with what was found. */
export function readHeader(path: string, record: string[], o: HeaderOptions, skipped: { line: number; text: string }[] = [], secondLine?: number): Header {
  const headers = record.map((h) => h.trim());
  const mapping = mapHeaders(headers, o.map, o.lineId);
  const [clash] = mapping.repeated.filter((r) => !REFERENCE_ONLY.includes(r.column));
  if (clash) {
    const h = (i: number): string => `"${headers[i]}" (column ${i + 1})`;
    throw new UserError(
      `${path}: ${h(clash.first)} and ${h(clash.second)} both give ${clash.column}, which holds one value per row: dualscreen refuses the file rather than screen one and drop the other. ` +
        `Rename one header, or choose one with --map ${clash.column}=HEADER (the other is then kept as an extra column, not screened).`,
    );
  }
  if (!IDENTIFYING.some((c) => mapping.columns[c] !== undefined)) {
    const expected = IDENTIFYING.map((c) => `${c} (e.g. ${[...new Set(aliasesOf(c))].slice(0, 4).join(', ')})`).join('; ');
    throw new UserError(
      `${path}: none of the columns identifies the goods, in the first row nor in any of the first ${HEADER_SEARCH_ROWS} rows. Found: ${describeHeaders(headers, mapping)}. ` +
        `Expected at least one of: ${expected}. Use --map description=HEADER to name yours.`,
    );
  }
  const notes: string[] = [];
  if (skipped.length > 0) {
    const lines = skipped.length === 1 ? `line ${skipped[0]!.line}` : `lines ${skipped[0]!.line}-${skipped.at(-1)!.line}`;
    const shown = skipped.filter((s) => s.text !== '').map((s) => JSON.stringify(s.text.length > 80 ? `${s.text.slice(0, 77)}...` : s.text));
    notes.push(`${lines} above the header row skipped (a title block)${shown.length ? `: ${shown.join(', ')}` : ''}`);
  }
  for (const r of mapping.repeated.filter((c) => REFERENCE_ONLY.includes(c.column))) {
    notes.push(`"${headers[r.second]}" (column ${r.second + 1}) also names ${r.column}: "${headers[r.first]}" (column ${r.first + 1}) is read as it, the other kept as an extra column`);
  }
  if (secondLine !== undefined) notes.push(`line ${secondLine}: a second header row (the column names in another language), read with the header`);
  let hsScheme = o.hsScheme;
  const hs = mapping.columns.hs_code;
  if (hs !== undefined && hsScheme === 'cn' && !o.hsSchemeChosen && foreignHsHeader(headers[hs]!)) {
    hsScheme = 'intl';
    notes.push(
      `HS codes under "${headers[hs]}" are another country's tariff numbers: only their first 6 digits are compared (--hs-scheme intl for this file; give --hs-scheme cn to judge them as Chinese codes)`,
    );
  }
  const cc = mapping.columns.control_code;
  const controlScheme = cc !== undefined && foreignControlHeader(headers[cc]!) ? headers[cc] : undefined;
  if (controlScheme !== undefined) {
    notes.push(`control codes under "${controlScheme}" are another country's classification, not China's: a cell there declares no item of China's list unless it says China ("CN 1C902.a")`);
  }
  const shipDate = shipDateColumn(mapping);
  return {
    headers,
    mapping,
    hsScheme,
    ...(controlScheme === undefined ? {} : { controlScheme }),
    notes,
    otherText: otherTextColumns(mapping, o.ignoreColumns),
    ...(shipDate === undefined ? {} : { shipDate }),
  };
}

/** The extra columns whose text is read for parties: not a further party or text column screened already, not ignored. */
function otherTextColumns(mapping: ColumnMapping, ignore: string[] = []): { key: string; index: number }[] {
  const ignored = new Set(ignore.map(headerKey));
  const screened = new Set([...(mapping.moreParties ?? []).map((p) => p.index), ...Object.values(mapping.more).flat()]);
  return mapping.extras.filter((e) => !screened.has(e.index) && !ignored.has(headerKey(e.name))).map(({ key, index }) => ({ key, index }));
}
