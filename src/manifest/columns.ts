import { characterPairs } from '../match/char-pairs.js';
import { readReference } from '../match/reference.js';
import { UserError } from '../model/errors.js';
import { CANONICAL_COLUMNS, type CanonicalColumn, type ColumnMapping, headerKey } from '../model/row.js';

/** Header names of the canonical columns, the consignee's secondary names and the foreign HS headers (rules/reference/header-aliases.json). */
const HEADERS = readReference<{
  aliases: Record<CanonicalColumn, string[]>;
  secondary: Partial<Record<CanonicalColumn, string[]>>;
  foreignHs: string[];
  foreignControl: string[];
  continued: Partial<Record<CanonicalColumn, string[]>>;
  shipDate: string[];
}>('header-aliases.json');
const ALIASES = HEADERS.aliases;

/** Names of a party that is the consignee only when no header names the consignee itself (see the JSON's about). */
const SECONDARY_ALIASES = HEADERS.secondary;

/** HS code headers under which the codes are another country's: they imply --hs-scheme intl for the file. */
const FOREIGN_HS_HEADERS = new Set(HEADERS.foreignHs.map(headerKey));

/** Whether codes under this HS code header are another country's (compare their first 6 digits). */
export function foreignHsHeader(header: string): boolean {
  return namedIn(FOREIGN_HS_HEADERS, header);
}

/** Headers of a party name's second line, by the party column they continue. */
const CONTINUED_BY_KEY = new Map(Object.entries(HEADERS.continued).flatMap(([column, names]) => (names ?? []).map((n) => [headerKey(n), column as CanonicalColumn] as const)));

/** Control-code headers under which the codes are another country's classification (a US ECCN, a German AL number). */
const FOREIGN_CONTROL_HEADERS = new Set(HEADERS.foreignControl.map(headerKey));

/** Whether codes under this control-code header are another country's classification, not China's. */
export function foreignControlHeader(header: string): boolean {
  return namedIn(FOREIGN_CONTROL_HEADERS, header);
}

/** Headers of the day the goods ship: not a canonical column (a row's fingerprint keeps it as an extra), read for its date. */
const SHIP_DATE_HEADERS = new Set(HEADERS.shipDate.map(headerKey));

/** The extra column that gives each row's ship date, if the header names one. */
export function shipDateColumn(mapping: ColumnMapping): number | undefined {
  return mapping.extras.find((e) => namedIn(SHIP_DATE_HEADERS, e.name))?.index;
}

/** Whether the header, or the header without a trailing note in brackets ("Ship Date (JST)"), is one of the keys. */
const namedIn = (keys: Set<string>, header: string): boolean => keys.has(keyOf(header)) || keys.has(keyOf(header.normalize('NFKC').replace(NOTE, '')));

/** headerKey, except that a lone "#" (all punctuation, so otherwise empty) means the line number. */
function keyOf(header: string): string {
  return headerKey(header) || (header.normalize('NFKC').trim() === '#' ? 'no' : '');
}

const BY_KEY = new Map<string, CanonicalColumn>();
const SECONDARY_BY_KEY = new Map<string, CanonicalColumn>();
for (const [map, aliases] of [
  [BY_KEY, ALIASES],
  [SECONDARY_BY_KEY, SECONDARY_ALIASES],
] as const) {
  for (const column of CANONICAL_COLUMNS) {
    for (const alias of map === BY_KEY ? [column, ...(aliases[column] ?? [])] : (aliases[column] ?? [])) {
      const key = headerKey(alias);
      const prev = BY_KEY.get(key) ?? SECONDARY_BY_KEY.get(key);
      if (prev && prev !== column) throw new Error(`columns: alias "${alias}" is both ${prev} and ${column}`);
      map.set(key, column);
    }
  }
}

/** A trailing note in brackets: "Value (USD)", "原产国(地区)", "Qty [pcs]". */
const NOTE = /\s*(?:\([^()]*\)|\[[^[\]]*\]|【[^【】]*】)\s*$/u;

function lookUpWhole(map: Map<string, CanonicalColumn>, header: string): CanonicalColumn | undefined {
  return map.get(keyOf(header)) ?? map.get(keyOf(header.normalize('NFKC').replace(NOTE, '')));
}

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
/** Where a bilingual header changes language: "商品编码 HS Code", "品名Description", "Qty 数量". */
const SCRIPT_CHANGE = new RegExp(`(?<=[${CJK}）)])\\s*(?=[A-Za-z])|(?<=[A-Za-z.)])\\s*(?=[${CJK}])`, 'gu');

/** A header that may hold two names: a line break, a slash or bar, or Latin letters beside CJK ones. */
const BILINGUAL = new RegExp(`[\\r\\n/|／｜]|[A-Za-z].*[${CJK}]|[${CJK}].*[A-Za-z]`, 'u');

/**
 * The parts of a bilingual header, as Chinese and Japanese invoices write them: one name a line
 * ("品名\nDescription"), around a slash ("数量/Qty"), or side by side in two scripts ("商品编码 HS Code").
 */
function headerParts(header: string): string[] {
  if (!BILINGUAL.test(header)) return [header];
  return header
    .normalize('NFKC')
    .split(/[\r\n/|]+/)
    .flatMap((p) => p.split(SCRIPT_CHANGE))
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

/** The column a header names: as a whole, or as a bilingual header whose parts that name a column all name the same one. */
function lookUp(map: Map<string, CanonicalColumn>, header: string): CanonicalColumn | undefined {
  const whole = lookUpWhole(map, header);
  if (whole !== undefined) return whole;
  const parts = headerParts(header);
  if (parts.length < 2) return undefined;
  const named = new Set(parts.map((p) => lookUpWhole(map, p)).filter((c) => c !== undefined));
  const [only] = named;
  return named.size === 1 ? only : undefined;
}

const aliasColumn = (header: string): CanonicalColumn | undefined => lookUp(BY_KEY, header);

/** The columns that identify the goods: a manifest needs one of them. */
export const IDENTIFYING: readonly CanonicalColumn[] = ['description', 'hs_code', 'control_code'];

/** Whether any of these cells names a column that identifies the goods (a quick test before a row is mapped as a header). */
export const namesGoodsColumn = (cells: string[]): boolean => cells.some((c) => IDENTIFYING.includes(aliasColumn(c) as CanonicalColumn));

/** Whether a header names a canonical column (a buyer's name included). */
export const namesColumn = (header: string): boolean => aliasColumn(header) !== undefined || lookUp(SECONDARY_BY_KEY, header) !== undefined;

/**
 * Columns that hold text or a list: a second column of the same kind (English and Chinese descriptions) is screened with the
 * first. A row may go to two destinations too: a Chinese declaration gives the country of arrival (运抵国) beside the final
 * destination (最终目的国), and either can be the one a measure names.
 */
export const MULTI_VALUE: readonly CanonicalColumn[] = ['description', 'end_use', 'control_code', 'cas_number', 'destination_country'];

/**
 * Party columns: a second header of one (Consignee beside 收货单位, End User beside Final Recipient) names a further party
 * of the row, screened as the notify party or the sold-to party is, so that neither is dropped and the file is not refused.
 */
const PARTY_COLUMNS: readonly CanonicalColumn[] = ['consignee', 'end_user'];

const findHeader = (headers: string[], wanted: string): number => headers.findIndex((h) => keyOf(h) === keyOf(wanted));

const missingHeader = (what: string, wanted: string, headers: string[]): UserError =>
  new UserError(`${what}="${wanted}": the manifest has no such header (headers: ${headers.map((h) => `"${h}"`).join(', ')})`);

/**
 * Maps a manifest's header row to canonical columns. Overrides (canonical column → header text)
 * win over aliases; otherwise the first header with an alias of a column takes it, and a secondary
 * alias (a buyer for the consignee) only where no header has a primary one. A second header of a
 * text or list column is screened with the first, a second header of a party column as a further party;
 * a second header of any other column (a country, a code) is a conflict the caller refuses. `lineId` names the columns whose
 * cells, joined, are the line id. Every header that maps to nothing is kept as an extra, in order.
 */
export function mapHeaders(headers: string[], overrides?: Partial<Record<CanonicalColumn, string>>, lineId?: string[]): ColumnMapping {
  const columns: Partial<Record<CanonicalColumn, number>> = {};
  const claimed = new Set<number>();
  for (const [column, wanted] of Object.entries(overrides ?? {})) {
    if (wanted === undefined) continue;
    if (!isCanonical(column)) {
      throw new UserError(`Unknown column "${column}" in column overrides; expected one of: ${CANONICAL_COLUMNS.join(', ')}`);
    }
    const index = findHeader(headers, wanted);
    if (index < 0) throw missingHeader(`Column override ${column}`, wanted, headers);
    columns[column] = index;
    claimed.add(index);
  }
  const lineIdColumns = lineId?.map((wanted) => {
    const index = findHeader(headers, wanted);
    if (index < 0) throw missingHeader('--line-id', wanted, headers);
    claimed.add(index);
    return index;
  });
  if (lineIdColumns?.length) columns.line_id = lineIdColumns[0];

  const more: ColumnMapping['more'] = {};
  const extras: ColumnMapping['extras'] = [];
  const repeated: ColumnMapping['repeated'] = [];
  const moreParties: NonNullable<ColumnMapping['moreParties']> = [];
  const continued: NonNullable<ColumnMapping['continued']> = {};
  const keys = new Set<string>();
  const extra = (name: string, index: number): void => {
    let key = name === '' ? `column ${index + 1}` : name;
    if (keys.has(key)) key = `${name} (column ${index + 1})`;
    keys.add(key);
    extras.push({ name, key, index });
  };
  // each header looked up once: a file may have 100,000 columns
  const named = headers.map((h, i) => (claimed.has(i) ? undefined : aliasColumn(h)));
  const primary = new Set(named);
  // beside a column of China's codes, one of another country's (ECCN, Ausfuhrlistennummer) is only an extra column
  const chinaControl = headers.some((h, i) => named[i] === 'control_code' && !foreignControlHeader(h));
  headers.forEach((name, index) => {
    if (claimed.has(index)) return;
    let column = named[index];
    if (column === 'control_code' && chinaControl && foreignControlHeader(name)) column = undefined;
    const continues = column === undefined ? CONTINUED_BY_KEY.get(keyOf(name)) : undefined;
    if (continues !== undefined) {
      (continued[continues] ??= []).push(index);
      extra(name, index);
      return;
    }
    const secondary = column === undefined ? lookUp(SECONDARY_BY_KEY, name) : undefined;
    if (secondary !== undefined) {
      if (primary.has(secondary) || columns[secondary] !== undefined) {
        moreParties.push({ column: secondary, index });
        extra(name, index);
        return;
      }
      column = secondary;
    }
    const first = column === undefined ? undefined : columns[column];
    if (column === undefined) extra(name, index);
    else if (first === undefined) columns[column] = index;
    else {
      // when an override chose the column, the user decided which header it is
      if (!claimed.has(first)) {
        if (MULTI_VALUE.includes(column)) (more[column] ??= []).push(index);
        else if (PARTY_COLUMNS.includes(column)) moreParties.push({ column, index });
        else repeated.push({ column, first, second: index });
      }
      extra(name, index);
    }
  });
  return {
    columns,
    more,
    extras,
    repeated,
    ...(lineIdColumns && lineIdColumns.length > 1 ? { lineId: lineIdColumns } : {}),
    ...(moreParties.length ? { moreParties } : {}),
    ...(Object.keys(continued).length ? { continued } : {}),
  };
}

function isCanonical(name: string): name is CanonicalColumn {
  return (CANONICAL_COLUMNS as readonly string[]).includes(name);
}

/** The header names recognised for a column, canonical name first (for error messages and docs). */
export function aliasesOf(column: CanonicalColumn): string[] {
  return [column, ...ALIASES[column], ...(SECONDARY_ALIASES[column] ?? [])];
}

/** Letter pairs of a header key, for closeness; a key of one letter is that letter. */
function pairs(key: string): string[] {
  const found = characterPairs(key);
  return found.length > 0 ? found : [...key];
}

function dice(a: string, b: string): number {
  const pa = pairs(a);
  const pb = pairs(b);
  if (pa.length === 0 || pb.length === 0) return 0;
  const left = new Map<string, number>();
  for (const p of pb) left.set(p, (left.get(p) ?? 0) + 1);
  let common = 0;
  for (const p of pa) {
    const n = left.get(p) ?? 0;
    if (n > 0) {
      common++;
      left.set(p, n - 1);
    }
  }
  return (2 * common) / (pa.length + pb.length);
}

/**
 * The canonical column whose names come closest to a header that maps to none ("Ship-to Name 2" →
 * consignee, "Warenbeschr." → description), with its score; undefined when nothing is close.
 */
export function closestColumn(header: string): { column: CanonicalColumn; alias: string } | undefined {
  const key = keyOf(header);
  if (key === '') return undefined;
  let best: { column: CanonicalColumn; alias: string; score: number } | undefined;
  for (const column of CANONICAL_COLUMNS) {
    for (const alias of aliasesOf(column)) {
      const ak = headerKey(alias);
      if (ak.length < 2) continue;
      // a name that contains a whole alias of three or more letters ("Ship-to Party Name") is close
      const score = ak.length >= 3 && (key.includes(ak) || ak.includes(key)) ? 0.9 + ak.length / 1000 : dice(key, ak);
      if (!best || score > best.score) best = { column, alias, score };
    }
  }
  return best && best.score >= 0.6 ? { column: best.column, alias: best.alias } : undefined;
}
