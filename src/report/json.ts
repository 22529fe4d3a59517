/** `dualscreen/report@1`: one JSON document, rows streamed as they are screened. */
import { rowFingerprint } from '../manifest/row.js';
import type { Result } from '../model/result.js';
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

export function jsonReporter({ all, write }: ReporterOptions): Reporter {
  const errors: RowError[] = [];
  let first = true;
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
        warnings: run.warnings,
      };
      write(`${JSON.stringify(head, null, 2).slice(0, -2)},\n  "rows": [`);
    },
    result(r: Result) {
      if (r.verdict === 'clear' && !all) return;
      write(`${first ? '\n' : ',\n'}    ${JSON.stringify(resultJson(r))}`);
      first = false;
    },
    error(e: RowError) {
      errors.push(e);
    },
    end(summary: Summary, inputs: InputInfo[]) {
      const tail = { inputs, summary, errors };
      write(`${first ? '' : '\n  '}],\n${JSON.stringify(tail, null, 2).slice(2)}\n`);
    },
  };
}
