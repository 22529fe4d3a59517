/** The commented `.dualscreen.yaml` that `dualscreen init` writes. */
import { IDENTIFYING } from '../manifest/columns.js';
import { CANONICAL_COLUMNS, type CanonicalColumn } from '../model/row.js';
import { configSettings } from './options.js';

export interface DetectedColumns {
  /** The sample manifest as named by the user, its encoding and delimiter. */
  sample: string;
  encoding: string;
  delimiter: string;
  columns: Partial<Record<CanonicalColumn, string>>;
  unmapped: string[];
}

/** A YAML double-quoted string: JSON's escapes, and the line separators YAML 1.1 readers would break on. */
const quote = (s: string): string => JSON.stringify(s).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

function mapSection(d: DetectedColumns | undefined): string[] {
  if (!d) {
    return [
      '# Manifest columns: canonical column: the header in your files. Without this, headers are',
      '# recognised by their usual names in English, Chinese and Japanese (dualscreen init --manifest',
      '# SAMPLE.csv fills this in from one of your files).',
      '# map:',
      '#   hs_code: "Tariff No."',
    ];
  }
  const delimiter = d.delimiter === '\t' ? 'tab' : quote(d.delimiter);
  const mapped = CANONICAL_COLUMNS.filter((c) => d.columns[c] !== undefined);
  const missing = CANONICAL_COLUMNS.filter((c) => d.columns[c] === undefined);
  const lines = [
    // every text from the sample is quoted: a file or header name cannot end the comment and add a setting
    `# Manifest columns, detected from ${quote(d.sample)} (${d.encoding}, delimiter ${delimiter}):`,
    '# canonical column: the header in your files. Delete a line to let dualscreen recognise the',
    '# column by its usual names again; a header named here must be in every manifest.',
    mapped.length ? 'map:' : '# map:',
    ...mapped.map((c) => `  ${c}: ${quote(d.columns[c]!)}`),
  ];
  if (!IDENTIFYING.some((c) => d.columns[c] !== undefined)) {
    lines.push(`# None of the headers identifies the goods: map one of ${IDENTIFYING.join(', ')}, or screening stops.`);
  }
  if (d.unmapped.length) {
    lines.push('# Headers not mapped (reported as extra columns); map one with e.g.  end_use: "Header":');
    lines.push(`#   ${d.unmapped.map(quote).join(', ')}`);
  }
  if (missing.length) lines.push(`# Canonical columns not found: ${missing.join(', ')}`);
  return lines;
}

export function configTemplate(detected?: DetectedColumns): string {
  return [
    '# dualscreen configuration: defaults for `dualscreen screen` run in this folder (or with --config).',
    '# A flag on the command line overrides the value here. Paths are relative to this file.',
    ...configSettings().flatMap((s) => (s.key === 'map' ? ['', ...mapSection(detected)] : (s.template ?? []))),
    '',
  ].join('\n');
}
