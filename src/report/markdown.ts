/**
 * GitHub-flavoured Markdown for pull-request comments: the totals and whether the run fails, the audit
 * header, and a table of the flagged rows, most severe first. No manifest text can leave its table cell.
 */
import { fails, gatingVerdict, type Result } from '../model/result.js';
import { VERDICTS, type Verdict } from '../model/verdict.js';
import { configLine, countsLine, plural, repoPath, webUrl } from './plain.js';
import { encodingNotes } from './text.js';
import type { InputInfo, Reporter, ReporterOptions, RowError, RunInfo, Summary } from './types.js';
import { MAX_ID, visible } from './visible.js';

/** A comment holds 65,536 characters at most; the full list belongs in an attached report. */
export const MAX_TABLE_ROWS = 100;
const MAX_TEXT = 80;

/**
 * Text made inert in a table cell: one line with its controls visible, every character that could end
 * the cell or start markup as a reference, and no @mention, bare link or issue reference (a zero-width
 * space after `@`, before `://` and after `www`, after `#` before a digit).
 */
export function mdCell(s: string): string {
  const ZWSP = '\u200b'; // visible() has escaped any the text held: these are ours
  return visible(s)
    .replace(/@(?=[\p{L}\p{N}_])/gu, `@${ZWSP}`)
    .replace(/([\p{L}\p{N}+.-]):\/\//gu, `$1${ZWSP}://`)
    .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`)
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/[&<>|`\\[\]*_~]/g, (c) => `&#${c.charCodeAt(0)};`)
    .replaceAll(ZWSP, '&#8203;');
}

const clipped = (s: string, max = MAX_TEXT): string => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

function link(text: string, url: string | undefined): string {
  const href = webUrl(url)?.replace(/[()|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return href ? `[${mdCell(clipped(text, 60))}](${href})` : mdCell(clipped(text, 60));
}

function table(head: string[], rows: string[][]): string[] {
  return [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- |').join('')}`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function rowCells(r: Result): string[] {
  const { row } = r;
  const gating = gatingVerdict(r);
  const sources = new Map(r.findings.map((f) => [f.source, f.sourceUrl]));
  return [
    mdCell(`${repoPath(row.input)}:${row.line}`),
    mdCell(clipped(row.values.line_id ?? '', MAX_ID)),
    `**${r.verdict}**${gating !== r.verdict ? ` (counts as ${gating})` : ''}`,
    mdCell(clipped(row.values.description?.trim() ?? '')),
    mdCell([...new Set(r.findings.map((f) => f.ruleId))].join(', ')),
    [...sources].map(([source, url]) => link(source, url)).join('; '),
  ];
}

function auditLines(run: RunInfo, inputs: InputInfo[], failOn: string): string[] {
  const dataAsOf = run.rulePacks.map((p) => p.dataAsOf).sort().at(-1) ?? 'unknown';
  const files = inputs.map((i) => `${mdCell(repoPath(i.path))} (${i.encoding}, ${plural(i.rows, 'row')}, sha256 ${i.sha256.slice(0, 12)})`);
  return [
    `dualscreen ${mdCell(run.tool.version)} · rules as of **${run.asOf}** · rule data as of ${dataAsOf} · fail-on ${failOn} · ${files.join(', ')}`,
    ...[configLine(run)].flatMap((line) => (line ? [`\n${mdCell(line)}`] : [])),
    ...run.warnings.map((w) => `\n> warning: ${mdCell(w)}`),
    ...encodingNotes(inputs).map((n) => `\n> ${mdCell(n)}`),
    '',
    `<details><summary>${run.rulePacks.length} rule packs</summary>`,
    '',
    ...table(
      ['pack', 'version', 'data as of', 'sha256'],
      run.rulePacks.map((p) => [mdCell(p.id), mdCell(p.version), p.dataAsOf, p.sha256.slice(0, 12)]),
    ),
    '',
    '</details>',
  ];
}

function gateLine(failOn: string, failing: number, rejected: number): string | undefined {
  const problems = [...(failing > 0 ? [`${plural(failing, 'row')} at or above ${failOn}`] : []), ...(rejected > 0 ? [`${plural(rejected, 'line')} could not be read`] : [])];
  if (problems.length > 0) return `**Fails:** ${problems.join('; ')}`;
  return failOn === 'none' ? undefined : `**Passes:** no row at or above ${failOn}`;
}

export function markdownReporter({ all, write, failOn = 'prohibited' }: ReporterOptions): Reporter {
  let run: RunInfo | undefined;
  // the table shows the first MAX_TABLE_ROWS rows, most severe first: that many of each verdict is all it can need
  const shown = new Map<Verdict, Result[]>(VERDICTS.map((v) => [v, []]));
  let shownCount = 0;
  const errors: RowError[] = [];
  let failing = 0;
  return {
    needsClearRows: all,
    begin(info) {
      run = info;
    },
    result(r) {
      if (fails(r, failOn)) failing++;
      if (r.verdict === 'clear' && !all) return;
      shownCount++;
      const kept = shown.get(r.verdict)!;
      if (kept.length < MAX_TABLE_ROWS) kept.push(r);
    },
    error(e) {
      errors.push(e);
    },
    end(summary: Summary, inputs: InputInfo[]) {
      const gate = gateLine(failOn, failing, errors.length);
      const out = [`### dualscreen: ${countsLine(summary)}`, '', ...(gate ? [gate, ''] : []), ...(run ? [...auditLines(run, inputs, failOn), ''] : [])];
      const rows = VERDICTS.flatMap((v) => shown.get(v)!).slice(0, MAX_TABLE_ROWS);
      if (rows.length > 0) {
        out.push(...table(['file:line', 'line id', 'verdict', 'description', 'rules', 'source'], rows.map(rowCells)));
        if (shownCount > MAX_TABLE_ROWS) out.push('', `… and ${plural(shownCount - MAX_TABLE_ROWS, 'more row')}: see the full report.`);
        out.push('');
      }
      if (errors.length > 0) {
        out.push(`**${plural(errors.length, 'line')} could not be read:**`, '', ...table(['file:line', 'problem'], errors.map((e) => [mdCell(`${repoPath(e.input)}:${e.line}`), mdCell(e.message)])), '');
      }
      write(`${out.join('\n')}\n`);
    },
  };
}
