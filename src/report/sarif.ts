/**
 * SARIF 2.1.0 for code-scanning dashboards (GitHub's upload-sarif and others): one result per finding,
 * located at the manifest's file and line, one reporting rule per rule id that fired.
 */
import type { Finding, ReportedRow, Result } from '../model/result.js';
import { rowFingerprint } from '../model/row.js';
import { SEVERITY, type Verdict } from '../model/verdict.js';
import { repoPath, rowLabel, STDIN, webUrl } from './ci-text.js';
import type { RunOutcome } from './outcome.js';
import { Spool } from './spool.js';
import { nexusOf } from './triage.js';
import type { InputInfo, Reporter, ReporterOptions, RowError, RunInfo, Summary } from './types.js';
import { evidenceText } from './words.js';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

type Level = 'error' | 'warning' | 'note' | 'none';
const LEVEL: Record<Verdict, Level> = { prohibited: 'error', license: 'warning', review: 'note', clear: 'none' };

type Json = Record<string, unknown>;

/**
 * GitHub code scanning orders and labels alerts by a rule's `security-severity` (critical ≥ 9.0, high ≥ 7.0,
 * medium ≥ 4.0, low below): a prohibited finding is critical, a licence medium, a review low.
 */
export const SECURITY_SEVERITY: Record<Verdict, string> = { prohibited: '9.0', license: '6.0', review: '3.0', clear: '0.0' };

/** A relative URI reference: each path segment percent-encoded (spaces, CJK names, `#`, `?`). */
export function artifactLocation(input: string): Json {
  if (input === STDIN) return { description: { text: 'standard input' } };
  return { uri: repoPath(input).split('/').map(encodeURIComponent).join('/') };
}

function location(input: string, line: number): Json {
  return { physicalLocation: { artifactLocation: artifactLocation(input), region: { startLine: line } } };
}

/** The general part of a message: without the trailing "(items: …; consignee "…" → …)" that is about one row. */
function generalMessage(message: string): string {
  return message.replace(/\s*\((?:[^()]|\([^()]*\))*\)$/, '') || message;
}

function ruleDescriptor(f: Finding): Json {
  const helpUri = webUrl(f.sourceUrl);
  return {
    id: f.ruleId,
    shortDescription: { text: generalMessage(f.message) },
    help: { text: `Legal source: ${f.source}${helpUri ? ` (${helpUri})` : ''}` },
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[f.verdict] },
    properties: { verdict: f.verdict, 'security-severity': SECURITY_SEVERITY[f.verdict], source: f.source, tags: ['export-control', f.verdict] },
  };
}

/** A rule that fired at several verdicts (a measure capped at review on one row) is as severe as its worst finding. */
function raise(rule: Json, f: Finding): void {
  const properties = rule.properties as { verdict: Verdict; 'security-severity': string; tags: string[] };
  if (SEVERITY[f.verdict] <= SEVERITY[properties.verdict]) return;
  properties.verdict = f.verdict;
  properties['security-severity'] = SECURITY_SEVERITY[f.verdict];
  properties.tags = ['export-control', f.verdict];
  rule.defaultConfiguration = { level: LEVEL[f.verdict] };
}

function resultMessage(row: ReportedRow, f: Finding): string {
  const description = row.values.description?.trim();
  return `${rowLabel(row)}${description ? ` (${description})` : ''}: ${f.message}${evidenceText(f)}`;
}

function sarifResult(r: Result, f: Finding, ruleIndex: number): Json {
  const justification = f.waived ? f.waived.reason : f.coveredBy ? `covered by licence ${f.coveredBy.licence}` : undefined;
  return {
    ruleId: f.ruleId,
    ruleIndex,
    level: LEVEL[f.verdict],
    message: { text: resultMessage(r.row, f) },
    locations: [location(r.row.input, r.row.line)],
    partialFingerprints: { 'dualscreenRow/v1': rowFingerprint(r.row) },
    ...(justification !== undefined ? { suppressions: [{ kind: 'external', justification }] } : {}),
    ...(f.baseline ? { baselineState: f.baseline === 'known' ? 'unchanged' : 'new' } : {}),
    properties: {
      rowVerdict: r.verdict,
      nexus: nexusOf(r),
      lineId: r.row.values.line_id ?? null,
      source: f.source,
      evidence: f.evidence,
      ...(f.waived ? { waived: f.waived } : {}),
      ...(f.coveredBy ? { coveredBy: f.coveredBy } : {}),
    },
  };
}

/** Where the spooled results go in the log. */
const RESULTS_HERE = '\u0000results\u0000';

export function sarifReporter({ write }: ReporterOptions): Reporter {
  let run: RunInfo | undefined;
  const rules: Json[] = [];
  const ruleIndex = new Map<string, number>();
  const results = new Spool();
  let resultCount = 0;
  const errors: RowError[] = [];

  const indexOf = (f: Finding): number => {
    let index = ruleIndex.get(f.ruleId);
    if (index === undefined) {
      index = rules.push(ruleDescriptor(f)) - 1;
      ruleIndex.set(f.ruleId, index);
    } else raise(rules[index]!, f);
    return index;
  };

  return {
    needsClearRows: false,
    begin(info) {
      run = info;
    },
    result(r) {
      for (const f of r.findings) results.append(`${resultCount++ === 0 ? '' : ',\n'}${JSON.stringify(sarifResult(r, f, indexOf(f)))}`);
    },
    error(e) {
      errors.push(e);
    },
    end(summary: Summary, inputs: InputInfo[], outcome: RunOutcome) {
      const invocation = {
        executionSuccessful: errors.length === 0,
        ...(run ? { startTimeUtc: run.generatedAt } : {}),
        toolExecutionNotifications: errors.map((e) => ({ level: 'error', message: { text: `line could not be read: ${e.message}` }, locations: [location(e.input, e.line)] })),
        toolConfigurationNotifications: outcome.warnings.map((w) => ({
          level: w.acknowledged ? 'note' : 'warning',
          descriptor: { id: w.code },
          message: { text: w.acknowledged ? `${w.message} (acknowledged until ${w.acknowledged.until}: ${w.acknowledged.reason})` : w.message },
        })),
      };
      const log = {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [
          {
            tool: { driver: { name: run?.tool.name ?? 'dualscreen', ...(run ? { version: run.tool.version, semanticVersion: run.tool.version } : {}), rules } },
            invocations: [invocation],
            artifacts: inputs.map((i) => ({
              location: artifactLocation(i.path),
              encoding: i.encoding,
              ...(i.sha256 ? { hashes: { 'sha-256': i.sha256 } } : {}),
              properties: { rows: i.rows, rejected: i.rejected },
            })),
            results: RESULTS_HERE,
            properties: {
              asOf: run?.asOf,
              options: run?.options,
              rulePacks: run?.rulePacks.map(({ id, version, dataAsOf, sha256, path }) => ({ id, version, dataAsOf, sha256, path })),
              summary,
              gate: outcome.gate,
            },
          },
        ],
      };
      // the results were spooled as they came: the log is written around them
      const [head, tail] = `${JSON.stringify(log, null, 2)}\n`.split(JSON.stringify(RESULTS_HERE));
      write(`${head}[\n`);
      results.drain(write);
      write(`\n]${tail}`);
    },
  };
}
