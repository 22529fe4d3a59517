/** `dualscreen/report@1`: one JSON document, rows streamed as they are screened. */
import type { Result } from '../model/result.js';
import { rowFingerprint } from '../model/row.js';
import type { RunOutcome } from './outcome.js';
import type { RenderedRows } from './row-text.js';
import { nexusOf } from './triage.js';
import type { InputInfo, Reporter, ReporterOptions, RowError, RunInfo, Summary } from './types.js';

export function resultJson(r: Result): Record<string, unknown> {
  const { row } = r;
  return {
    input: row.input,
    row: row.row,
    line: row.line,
    lineId: row.values.line_id ?? null,
    fingerprint: rowFingerprint(row),
    verdict: r.verdict,
    nexus: nexusOf(r),
    ...(r.baseline ? { baseline: r.baseline } : {}),
    values: row.values,
    ...(Object.keys(row.extras).length > 0 ? { extras: row.extras } : {}),
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      verdict: f.verdict,
      message: f.message,
      source: f.source,
      ...(f.sourceUrl ? { sourceUrl: f.sourceUrl } : {}),
      evidence: f.evidence,
      ...(f.waived ? { waived: f.waived } : {}),
      ...(f.coveredBy ? { coveredBy: f.coveredBy } : {}),
      ...(f.baseline ? { baseline: f.baseline } : {}),
    })),
    notes: r.notes,
  };
}

/** A flagged row's line before and after its row number (row-text.ts): the number is the second key. */
export function jsonRowParts(r: Result): [string, string] {
  const json = JSON.stringify(resultJson(r));
  const before = `{"input":${JSON.stringify(r.row.input)},"row":`;
  const number = String(r.row.row);
  if (!json.startsWith(before + number)) throw new Error('resultJson must begin with the input and the row number');
  return [before, json.slice(before.length + number.length)];
}

const ROW_INDENT = '    ';

/** The rule-data warnings that mattered for the run: a code, the English message, and any acknowledgement. */
export function warningsJson(outcome: RunOutcome): Record<string, unknown>[] {
  return outcome.warnings.map((w) => ({ code: w.code, message: w.message, ...(w.rows !== undefined ? { rows: w.rows } : {}), ...(w.acknowledged ? { acknowledged: w.acknowledged } : {}) }));
}

export function jsonReporter({ all, write }: ReporterOptions): Reporter {
  const errors: RowError[] = [];
  let first = true;
  /** What comes before a row: the first row opens the array's lines, the others follow a comma. */
  const rowStart = (): string => {
    const start = first ? `\n${ROW_INDENT}` : `,\n${ROW_INDENT}`;
    first = false;
    return start;
  };
  return {
    needsClearRows: all,
    begin(run: RunInfo) {
      const head = {
        schema: 'dualscreen/report@1',
        tool: run.tool,
        generatedAt: run.generatedAt,
        asOf: run.asOf,
        options: run.options,
        rulePacks: run.rulePacks.map(({ id, version, dataAsOf, sha256, path }) => ({ id, version, dataAsOf, sha256, path })),
      };
      write(`${JSON.stringify(head, null, 2).slice(0, -2)},\n  "rows": [`);
    },
    rowText: 'json',
    result(r: Result) {
      if (r.verdict === 'clear' && !all) return;
      write(`${rowStart()}${JSON.stringify(resultJson(r))}`);
    },
    rendered({ parts, rows }: RenderedRows, rowOffset: number) {
      for (let i = 0; i < rows.length; i++) {
        write(rowStart());
        write(parts[2 * i]!);
        write(String(rows[i]! + rowOffset));
        write(parts[2 * i + 1]!);
      }
    },
    error(e: RowError) {
      errors.push(e);
    },
    end(summary: Summary, inputs: InputInfo[], outcome: RunOutcome) {
      const tail = { inputs, summary, gate: outcome.gate, warnings: warningsJson(outcome), errors };
      write(`${first ? '' : '\n  '}],\n${JSON.stringify(tail, null, 2).slice(2)}\n`);
    },
  };
}
