/** The output formats' names, parsed from the command line and configuration without loading any reporter. */
import { UserError } from '../model/errors.js';

export const FORMAT_NAMES = ['text', 'json', 'csv', 'sarif', 'junit', 'github', 'markdown', 'html'] as const;

export type Format = (typeof FORMAT_NAMES)[number];

export const isFormat = (value: string): value is Format => (FORMAT_NAMES as readonly string[]).includes(value);

export function parseFormat(value: string, option = '--format'): Format {
  if (!isFormat(value)) throw new UserError(`${option}: unknown format "${value}" (use ${FORMAT_NAMES.join(', ')})`);
  return value;
}

/** `--output FORMAT=PATH`: a report in another format, written to a file. */
export interface OutputTarget {
  format: Format;
  path: string;
}

export function parseOutput(spec: string): OutputTarget {
  const at = spec.indexOf('=');
  const path = spec.slice(at + 1);
  if (at < 1 || !path) throw new UserError(`--output: "${spec}" must be FORMAT=PATH, e.g. sarif=dualscreen.sarif`);
  if (path === '-') throw new UserError('--output: PATH must be a file; standard output takes --format');
  return { format: parseFormat(spec.slice(0, at), '--output'), path };
}
