/** The table of output formats: adding one touches its own file and one line here. */
import { UserError } from '../errors.js';
import { jsonReporter } from './json.js';
import { textReporter } from './text.js';
import type { Reporter, ReporterOptions } from './types.js';

export const FORMATS = {
  text: textReporter,
  json: jsonReporter,
} satisfies Record<string, (options: ReporterOptions) => Reporter>;

export type Format = keyof typeof FORMATS;

export function parseFormat(value: string): Format {
  if (!(value in FORMATS)) throw new UserError(`--format: unknown format "${value}" (use ${Object.keys(FORMATS).join(', ')})`);
  return value as Format;
}

export function createReporter(format: Format, options: ReporterOptions): Reporter {
  return FORMATS[format](options);
}
