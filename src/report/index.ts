/** The table of output formats: adding one touches its own file, its name in formats.ts and one line here. */
import type { Format } from './formats.js';
import type { Reporter, ReporterOptions } from './types.js';

export type ReporterFactory = (options: ReporterOptions) => Reporter;

// each reporter's module is loaded when its format is asked for: `check` writes text and loads no HTML or SARIF writer
const FORMATS = {
  text: async () => (await import('./text.js')).textReporter,
  json: async () => (await import('./json.js')).jsonReporter,
  csv: async () => (await import('./csv.js')).csvReporter,
  sarif: async () => (await import('./sarif.js')).sarifReporter,
  junit: async () => (await import('./junit.js')).junitReporter,
  github: async () => (await import('./github.js')).githubReporter,
  markdown: async () => (await import('./markdown.js')).markdownReporter,
  html: async () => (await import('./html.js')).htmlReporter,
} satisfies Record<Format, () => Promise<ReporterFactory>>;

export const loadReporter = (format: Format): Promise<ReporterFactory> => FORMATS[format]();

export async function createReporter(format: Format, options: ReporterOptions): Promise<Reporter> {
  return (await loadReporter(format))(options);
}

/** One run fed to several reporters: the standard output format and each --output file. */
export function fanOut(reporters: Reporter[]): Reporter {
  return {
    needsClearRows: reporters.some((r) => r.needsClearRows !== false),
    // rows rendered once serve every reporter only if all render them alike
    ...(reporters.every((r) => r.rowText !== undefined && r.rowText === reporters[0]!.rowText) ? { rowText: reporters[0]!.rowText } : {}),
    rendered: (rows, rowOffset) => reporters.forEach((r) => r.rendered?.(rows, rowOffset)),
    begin: (run) => reporters.forEach((r) => r.begin(run)),
    header: (header) => reporters.forEach((r) => r.header?.(header)),
    result: (result) => reporters.forEach((r) => r.result(result)),
    error: (error) => reporters.forEach((r) => r.error(error)),
    end: (summary, inputs, outcome) => reporters.forEach((r) => r.end(summary, inputs, outcome)),
  };
}
