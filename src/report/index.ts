/** The table of output formats: adding one touches its own file and one line here. */
import { UserError } from '../model/errors.js';
import { csvReporter } from './csv.js';
import { githubReporter } from './github.js';
import { htmlReporter } from './html.js';
import { jsonReporter } from './json.js';
import { junitReporter } from './junit.js';
import { markdownReporter } from './markdown.js';
import { sarifReporter } from './sarif.js';
import { textReporter } from './text.js';
import type { Reporter, ReporterOptions } from './types.js';

export const FORMATS = {
  text: textReporter,
  json: jsonReporter,
  csv: csvReporter,
  sarif: sarifReporter,
  junit: junitReporter,
  github: githubReporter,
  markdown: markdownReporter,
  html: htmlReporter,
} satisfies Record<string, (options: ReporterOptions) => Reporter>;

export type Format = keyof typeof FORMATS;

export function parseFormat(value: string, option = '--format'): Format {
  if (!(value in FORMATS)) throw new UserError(`${option}: unknown format "${value}" (use ${Object.keys(FORMATS).join(', ')})`);
  return value as Format;
}

export function createReporter(format: Format, options: ReporterOptions): Reporter {
  return FORMATS[format](options);
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

/** One run fed to several reporters: the standard output format and each --output file. */
export function fanOut(reporters: Reporter[]): Reporter {
  return {
    needsClearRows: reporters.some((r) => r.needsClearRows !== false),
    begin: (run) => reporters.forEach((r) => r.begin(run)),
    header: (header) => reporters.forEach((r) => r.header?.(header)),
    result: (result) => reporters.forEach((r) => r.result(result)),
    error: (error) => reporters.forEach((r) => r.error(error)),
    end: (summary, inputs, outcome) => reporters.forEach((r) => r.end(summary, inputs, outcome)),
  };
}
