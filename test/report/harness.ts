/** Runs reporters as `screen` does: in process on real manifests, or on hand-made results; and the schema checks. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import formats from 'ajv-formats';
import { validateXML } from 'xmllint-wasm';
import { runScreen, type ScreenRun, type ScreenValues } from '../../src/commands/screen.js';
import { SCREEN_OPTIONS } from '../../src/config/options.js';
import { mapHeaders } from '../../src/manifest/columns.js';
import { makeRow } from '../../src/manifest/row.js';
import { type Finding, type Result } from '../../src/model/result.js';
import { type RowValues } from '../../src/model/row.js';
import type { RunWarning } from '../../src/model/run.js';
import { mostSevere, type Verdict } from '../../src/model/verdict.js';
import { FORMAT_NAMES, type Format } from '../../src/report/formats.js';
import { loadReporter, type ReporterFactory } from '../../src/report/index.js';
import { GateCollector } from '../../src/report/outcome.js';
import type { InputInfo, ReporterOptions, RowError, RunInfo, Summary } from '../../src/report/types.js';
import { tempFiles } from '../temp-files.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SAMPLE = 'fixtures/sample-manifest.csv';
export const AS_OF = '2026-11-28';

export const tempFile = tempFiles('report');

/** `dualscreen screen` in this process (run from the repository root, as a CI job runs it); stdout and the exit code. */
export async function screenTo(
  format: Format,
  files: string[],
  options: Partial<ScreenValues> & Pick<Partial<ScreenRun>, 'warn'> = {},
): Promise<{ out: string; code: number }> {
  let out = '';
  const { warn = () => {}, ...values } = options;
  const o = SCREEN_OPTIONS;
  const code = await runScreen(
    {
      format,
      all: false,
      failOn: 'prohibited',
      asOf: AS_OF,
      shipDates: false,
      map: {},
      hsScheme: 'cn',
      partyThresholds: { block: o.partyBlock.default, review: o.partyReview.default },
      lang: o.lang.default,
      order: o.order.default,
      maxAnnotations: o.maxAnnotations.default,
      workers: 1,
      color: false,
      ...values,
    },
    { files, write: (t) => (out += t), warn },
  );
  return { out, code };
}

export const RUN: RunInfo = {
  tool: { name: 'dualscreen', version: '0.1.0' },
  generatedAt: '2026-11-28T09:00:00.000Z',
  asOf: AS_OF,
  options: { failOn: 'prohibited' },
  rulePacks: [{ id: 'cn-rare-earths-2025-18', version: '2026.11.28', dataAsOf: AS_OF, title: 'Rare earths', path: 'rules/items/rare-earths-2025-18.yaml', sha256: 'a'.repeat(64) }],
  ruleDataAsOf: AS_OF,
};

export function finding(f: Partial<Finding> & { verdict: Verdict }): Finding {
  return {
    ruleId: `rule.${f.verdict}`,
    message: `${f.verdict} message`,
    source: 'MOFCOM/GACC Announcement 2025 No. 18',
    sourceUrl: 'http://exportcontrol.mofcom.gov.cn/article/zcfg/gnzcfg/zcfggzqd/202504/1149.html',
    evidence: [{ field: 'hs_code', value: '2846901940', matched: '2846901940', kind: 'hs-code' }],
    ...f,
  };
}

export function result(values: RowValues, findings: Finding[], at: { input?: string; line?: number; extras?: Record<string, string> } = {}): Result {
  const line = at.line ?? 2;
  const verdict = mostSevere(findings.map((f) => f.verdict));
  return { row: makeRow(at.input ?? 'm.csv', line - 1, line, values, at.extras ?? {}, 'cn'), verdict, findings, notes: [] };
}

export interface Feed {
  /** Header rows by input, announced before that input's first result. */
  headers?: Record<string, string[]>;
  results: Result[];
  errors?: RowError[];
  /** The rule-data warnings that matter for the run (default none). */
  warnings?: RunWarning[];
  /** The inputs the run names (default: those of the results). */
  inputs?: string[];
}

/** Every format's reporter, loaded once, so that `render` answers at once. */
const REPORTERS = new Map<Format, ReporterFactory>(await Promise.all(FORMAT_NAMES.map(async (f) => [f, await loadReporter(f)] as const)));

/** Feeds hand-made results to one reporter in the order `screen` does, and returns what it wrote. */
export function render(format: Format, feed: Feed, options: Partial<ReporterOptions> = {}): string {
  let out = '';
  const reporter = REPORTERS.get(format)!({ all: false, color: false, write: (t) => (out += t), ...options });
  const gate = new GateCollector(options.failOn ?? 'prohibited');
  reporter.begin({ ...RUN, inputs: feed.inputs ?? [...new Set(feed.results.map((r) => r.row.input))] });
  const summary: Summary = { rows: 0, rejected: 0, prohibited: 0, license: 0, review: 0, clear: 0 };
  const announced = new Set<string>();
  const announce = (input: string): void => {
    const headers = feed.headers?.[input];
    if (headers && !announced.has(input)) reporter.header?.({ path: input, headers, mapping: mapHeaders(headers) });
    announced.add(input);
  };
  for (const r of feed.results) {
    announce(r.row.input);
    summary.rows++;
    summary[r.verdict]++;
    gate.add(r);
    reporter.result(r);
  }
  for (const e of feed.errors ?? []) {
    announce(e.input);
    summary.rows++;
    summary.rejected++;
    reporter.error(e);
  }
  const inputs: InputInfo[] = [...announced].map((path) => ({ path, sha256: 'b'.repeat(64), encoding: 'utf-8', rows: summary.rows, rejected: summary.rejected }));
  reporter.end(summary, inputs, { gate: gate.gate(), warnings: feed.warnings ?? [] });
  return out;
}

const ajv = new Ajv({ allErrors: true, strict: false });
formats.default(ajv);
const sarifSchema = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'fixtures/schemas/sarif-schema-2.1.0.json'), 'utf8')) as object);

/** Schema errors of a SARIF log against the OASIS SARIF 2.1.0 schema; [] when it is valid. */
export function sarifErrors(log: unknown): string[] {
  return sarifSchema(log) ? [] : (sarifSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

const JUNIT_XSD = readFileSync(join(ROOT, 'fixtures/schemas/junit-10.xsd'), 'utf8');

/** Well-formedness and schema errors of a JUnit report against Jenkins' junit-10.xsd; [] when it is valid. */
export async function junitErrors(xml: string): Promise<string[]> {
  const r = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'junit-10.xsd', contents: JUNIT_XSD }] });
  return r.valid ? [] : r.errors.map((e) => e.rawMessage);
}

/** The characters of an XML text or attribute value, with its references resolved. */
export function xmlDecode(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&');
}
