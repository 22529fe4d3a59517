/**
 * What screening a manifest's columns leave off: a file without a description, party or destination
 * column is still screened, but the user is told on stderr what is off and which of the file's
 * unmapped headers might be the missing column, so that renaming a column never quietly switches
 * keyword or party screening off.
 */
import { type CanonicalColumn, type ColumnMapping } from '../model/row.js';
import { closestColumn } from './columns.js';

interface Kind {
  columns: CanonicalColumn[];
  what: string;
  off: string;
}

const KINDS: Kind[] = [
  {
    columns: ['description'],
    what: 'no goods description column',
    off: 'keyword screening is off (goods named in words, negations, catch-all wording); only HS codes, control codes and CAS numbers are screened',
  },
  {
    columns: ['consignee', 'end_user'],
    what: 'no party column (consignee or end user)',
    off: 'party screening is off: listed entities (control list, watch list, Unreliable Entity List) and military users are not looked for',
  },
  {
    columns: ['destination_country', 'consignee_country', 'end_user_country'],
    what: 'no destination column (destination, consignee or end user country)',
    off: 'measures that depend on where the goods go (the Japan ban, the US measure) see no country but what party names reveal',
  },
];

/** How many unmapped headers a warning names (a file may have thousands of columns). */
const HINTS_NAMED = 20;

/** The headers that map to no column, each with the canonical column closest to it (the first HINTS_NAMED). */
export function unmappedHints(mapping: ColumnMapping): string[] {
  const unmapped = mapping.extras.filter((e) => e.name.trim() !== '' && !mapping.moreParties?.some((u) => u.index === e.index));
  const hints = unmapped.slice(0, HINTS_NAMED).map((e) => {
    const close = closestColumn(e.name);
    return `"${e.name}" (${close ? `closest: ${close.column}` : 'no close column'})`;
  });
  return unmapped.length > HINTS_NAMED ? [...hints, `and ${unmapped.length - HINTS_NAMED} more`] : hints;
}

/** The warnings for one input's header: one per kind of column missing. */
export function columnWarnings(path: string, mapping: ColumnMapping): string[] {
  const hints = unmappedHints(mapping);
  const out: string[] = [];
  for (const kind of KINDS) {
    if (kind.columns.some((c) => mapping.columns[c] !== undefined)) continue;
    const headersText = hints.length ? ` Unmapped headers: ${hints.join(', ')}.` : ' Every header is mapped to another column.';
    out.push(`warning: ${path}: ${kind.what}: ${kind.off}.${headersText} Name yours with --map ${kind.columns[0]}=HEADER.`);
  }
  return out;
}
