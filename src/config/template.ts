/** The commented `.dualscreen.yaml` that `dualscreen init` writes. */
import { CANONICAL_COLUMNS, type CanonicalColumn } from '../model/row.js';
import { FORMATS } from '../report/index.js';

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
const IDENTIFYING: CanonicalColumn[] = ['description', 'hs_code', 'control_code'];

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
    '',
    '# Your own rule packs, files or folders, screened beside the packs bundled with dualscreen;',
    '# bundled-rules: false screens with yours alone.',
    '# rules: [rules-local/]',
    '# bundled-rules: true',
    '',
    ...mapSection(detected),
    '',
    '# Line ids that restart per order: the columns joined into each row\'s line id (SO-0001/10).',
    '# line-id: [单据编号, 行号]',
    '',
    '# The sheet of .xlsx workbooks, by name or position (default: the first visible worksheet).',
    '# sheet: Lines',
    '',
    '# Exit 1 when a row is at or above this verdict: prohibited, license (or licence), review or none.',
    'fail-on: prohibited',
    '',
    '# HS codes: cn (Chinese 8/10-digit codes) or intl (compare only the first 6 digits).',
    'hs-scheme: cn',
    '',
    '# Gating: approved exceptions, the licence register (CSV or YAML; licenses: is the same key), an earlier JSON report whose',
    '# findings no longer fail the run.',
    '# waivers: waivers.yaml',
    '# licences: licences.csv',
    '# baseline: baseline.json',
    '',
    '# Party-name scores (0 to 1) for a blocking match to a listed party, and for review.',
    '# party-block: 0.92',
    '# party-review: 0.8',
    '',
    `# Output format on standard output: ${Object.keys(FORMATS).join(', ')}.`,
    '# format: text',
    '',
  ].join('\n');
}
