/** Human-readable output: flagged rows grouped by verdict, one line per finding, then the totals. */
import { Chalk, type ChalkInstance } from 'chalk';
import { gateMarks } from '../gate/marks.js';
import { type Evidence, type Finding, type Result } from '../model/result.js';
import { VERDICTS, type Verdict } from '../model/verdict.js';
import { configLine } from './plain.js';
import { Spool } from './spool.js';
import type { InputInfo, Reporter, ReporterOptions, RowError, RunInfo, Summary } from './types.js';
import { clip, MAX_ID, visible } from './visible.js';

const MAX_DESCRIPTION = 70;

function verdictStyle(c: ChalkInstance): Record<Verdict, ChalkInstance> {
  return { prohibited: c.bold.red, license: c.bold.yellow, review: c.bold.cyan, clear: c.green };
}

export function describeEvidence(e: Evidence): string {
  const score = e.score !== undefined && e.score < 1 ? ` ${e.score.toFixed(2)}` : '';
  const shown = clip(e.value, 40);
  return e.matched ? `${visible(e.field)} "${shown}" → ${visible(e.matched)}${score}` : `${visible(e.field)} "${shown}"`;
}

/** Inputs whose encoding was a guess, and why. */
export function encodingNotes(inputs: InputInfo[]): string[] {
  return inputs.flatMap((i) => [
    ...(i.encodingReason ? [`note: ${i.path} read as ${i.encoding}: ${i.encodingReason}`] : []),
    ...(i.notes ?? []).map((n) => `note: ${i.path}: ${n}`),
  ]);
}

export function textReporter({ all, color, write }: ReporterOptions): Reporter {
  const c = new Chalk({ level: color ? 1 : 0 });
  const style = verdictStyle(c);
  // rows are rendered as they come and spooled per verdict, to be printed grouped at the end
  const groups = new Map<Verdict, { rows: number; text: Spool }>(VERDICTS.map((v) => [v, { rows: 0, text: new Spool() }]));
  const errors: RowError[] = [];
  let run: RunInfo | undefined;

  const findingLine = (f: Finding): string => {
    const evidence = f.evidence.length ? ` ${c.dim('[')}${f.evidence.map(describeEvidence).join('; ')}${c.dim(']')}` : '';
    const source = c.dim(` — ${visible(f.source)}${f.sourceUrl ? ` ${visible(f.sourceUrl)}` : ''}`);
    const marks = gateMarks(f).map((m) => `\n               ${c.green(`↳ ${visible(m)}`)}`).join('');
    return `    ${style[f.verdict](f.verdict.padEnd(10))} ${c.bold(visible(f.ruleId))}: ${visible(f.message)}${evidence}${source}${marks}`;
  };

  const rowBlock = (r: Result): string => {
    const { row } = r;
    const shown = clip(row.values.description ?? '', MAX_DESCRIPTION);
    const id = row.values.line_id ? `  ${c.bold(clip(row.values.line_id, MAX_ID))}` : '';
    const lines = [`  ${visible(row.input)}:${row.line}${id}  ${shown || c.dim('(no description)')}`];
    lines.push(...r.findings.map(findingLine));
    lines.push(...r.notes.map((n) => `    ${c.dim(`note: ${visible(n)}`)}`));
    return lines.join('\n');
  };

  return {
    needsClearRows: all,
    begin(info) {
      run = info;
    },
    result(r) {
      if (r.verdict === 'clear' && !all) return;
      const group = groups.get(r.verdict)!;
      group.rows++;
      group.text.append(`${rowBlock(r)}\n`);
    },
    error(e) {
      errors.push(e);
    },
    end(summary: Summary, inputs: InputInfo[]) {
      const out: string[] = [];
      if (run) {
        const dataAsOf = run.rulePacks.map((p) => p.dataAsOf).sort().at(-1);
        out.push(
          c.dim(`dualscreen ${run.tool.version} · as of ${run.asOf} · ${run.rulePacks.length} rule packs (data as of ${dataAsOf}) · ${inputs.map((i) => `${visible(i.path)} (${i.encoding})`).join(', ')}`),
        );
        const config = configLine(run);
        if (config) out.push(c.dim(visible(config)));
        for (const w of run.warnings) out.push(c.yellow(`warning: ${visible(w)}`));
        out.push(...encodingNotes(inputs).map((n) => c.yellow(visible(n))));
        out.push('');
      }
      write(out.length ? `${out.join('\n')}\n` : '');
      out.length = 0;
      for (const v of VERDICTS) {
        const { rows, text } = groups.get(v)!;
        if (rows === 0) continue;
        write(`${style[v](`${v.toUpperCase()} (${rows} row${rows === 1 ? '' : 's'})`)}\n`);
        text.drain(write);
        write('\n');
      }
      if (errors.length > 0) {
        out.push(c.bold.red(`REJECTED (${errors.length} line${errors.length === 1 ? '' : 's'} could not be read)`));
        for (const e of errors) out.push(`  ${visible(e.input)}:${e.line}  ${visible(e.message)}`);
        out.push('');
      }
      const counts = VERDICTS.map((v) => style[v](`${summary[v]} ${v}`)).join(' · ');
      out.push(`${c.bold('Summary:')} ${summary.rows} rows · ${counts} · ${summary.rejected} rejected`);
      write(`${out.join('\n')}\n`);
    },
  };
}
