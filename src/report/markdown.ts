/**
 * GitHub-flavoured Markdown for pull-request comments: the totals and whether the run fails, the audit
 * header, and a table of the flagged rows in triage order (prohibited, military or listed-party nexus, licence,
 * review), in the language asked for. No manifest text can leave its table cell.
 */
import { text } from '../i18n/format.js';
import type { Lang } from '../model/message.js';
import { gatingVerdict, type Result } from '../model/result.js';
import { configLine, repoPath, webUrl } from './ci-text.js';
import { failingRows, type GateOutcome, type RunOutcome } from './outcome.js';
import { encodingNotes } from './text.js';
import { GROUPS, groupOf, nexusTokens, type Group } from './triage.js';
import type { InputInfo, Reporter, ReporterOptions, RowError, RunInfo, Summary } from './types.js';
import { MAX_ID, visible } from './visible.js';
import { acknowledgedText, countsText, verdictWord, warningText } from './words.js';

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

function rowCells(r: Result, lang: Lang): string[] {
  const { row } = r;
  const gating = gatingVerdict(r);
  const sources = new Map(r.findings.map((f) => [f.source, f.sourceUrl]));
  const nexus = nexusTokens(r).map((t) => text(lang, `nexus.${t}`));
  return [
    mdCell(`${repoPath(row.input)}:${row.line}`),
    mdCell(clipped(row.values.line_id ?? '', MAX_ID)),
    `**${verdictWord(r.verdict, lang)}**${gating !== r.verdict ? ` ${text(lang, 'md.counts-as', { verdict: verdictWord(gating, lang) })}` : ''}${nexus.length ? ` (${mdCell(nexus.join(', '))})` : ''}`,
    mdCell(clipped(row.values.description?.trim() ?? '')),
    mdCell([...new Set(r.findings.map((f) => f.ruleId))].join(', ')),
    [...sources].map(([source, url]) => link(source, url)).join('; '),
  ];
}

function auditLines(run: RunInfo, inputs: InputInfo[], failOn: string, outcome: RunOutcome, lang: Lang): string[] {
  const dataAsOf = run.ruleDataAsOf || 'unknown';
  const files = inputs.map((i) => `${mdCell(repoPath(i.path))} (${i.encoding}, ${text(lang, 'md.rows', { count: i.rows })}, sha256 ${i.sha256.slice(0, 12)})`);
  return [
    text(lang, 'md.audit', { version: mdCell(run.tool.version), asOf: run.asOf, dataAsOf, failOn, files: files.join(', ') }),
    ...[configLine(run, lang)].flatMap((line) => (line ? [`\n${mdCell(line)}`] : [])),
    ...outcome.warnings.map((w) => `\n> ${mdCell(acknowledgedText(w, lang) ?? warningText(w, lang))}`),
    ...encodingNotes(inputs).map((n) => `\n> ${mdCell(n)}`),
    '',
    `<details><summary>${text(lang, 'md.packs', { count: run.rulePacks.length })}</summary>`,
    '',
    ...table(
      ['pack', 'version', 'data as of', 'sha256'].map((h) => text(lang, `md.col.${h}`)),
      run.rulePacks.map((p) => [mdCell(p.id), mdCell(p.version), p.dataAsOf, p.sha256.slice(0, 12)]),
    ),
    '',
    '</details>',
  ];
}

/** The line that exists since the first Markdown report: fails or passes, with what the gate left out of the count. */
function gateLine(gate: GateOutcome, rejected: number, lang: Lang): string | undefined {
  const failing = failingRows(gate);
  const failOn = gate.failOn === 'none' ? 'none' : verdictWord(gate.failOn, lang);
  const exempt = gate.waived + gate.covered + gate.known > 0 ? text(lang, 'gate.exempt', { waived: gate.waived, covered: gate.covered, known: gate.known }) : '';
  const problems = [
    ...(failing > 0 ? [text(lang, 'md.failing', { count: failing, failOn })] : []),
    ...(rejected > 0 ? [text(lang, 'md.unread', { count: rejected })] : []),
  ];
  if (problems.length > 0) return `${text(lang, 'md.fails', { problems: problems.join(text(lang, 'sep.semicolon')) })}${exempt}`;
  return gate.failOn === 'none' ? undefined : `${text(lang, 'md.passes', { failOn })}${exempt}`;
}

export function markdownReporter({ all, write, failOn = 'prohibited', lang = 'en', order = 'triage' }: ReporterOptions): Reporter {
  let run: RunInfo | undefined;
  // the table shows the first MAX_TABLE_ROWS rows in triage order: that many of each group is all it can need
  const shown = new Map<Group, Result[]>(GROUPS.map((g) => [g, []]));
  let shownCount = 0;
  const errors: RowError[] = [];
  return {
    needsClearRows: all,
    begin(info) {
      run = info;
    },
    result(r) {
      if (r.verdict === 'clear' && !all) return;
      shownCount++;
      const kept = shown.get(order === 'input' ? 'prohibited' : groupOf(r))!;
      if (kept.length < MAX_TABLE_ROWS) kept.push(r);
    },
    error(e) {
      errors.push(e);
    },
    end(summary: Summary, inputs: InputInfo[], outcome: RunOutcome) {
      const gate = gateLine(outcome.gate, errors.length, lang);
      const out = [`### dualscreen: ${countsText(summary, lang)}`, '', ...(gate ? [gate, ''] : []), ...(run ? [...auditLines(run, inputs, failOn, outcome, lang), ''] : [])];
      const rows = GROUPS.flatMap((g) => shown.get(g)!).slice(0, MAX_TABLE_ROWS);
      if (rows.length > 0) {
        out.push(...table(['file:line', 'line id', 'verdict', 'description', 'rules', 'source'].map((h) => text(lang, `md.col.${h}`)), rows.map((r) => rowCells(r, lang))));
        if (shownCount > MAX_TABLE_ROWS) out.push('', text(lang, 'md.more', { count: shownCount - MAX_TABLE_ROWS }));
        out.push('');
      }
      if (errors.length > 0) {
        out.push(
          text(lang, 'md.rejected', { count: errors.length }),
          '',
          ...table(['file:line', 'problem'].map((h) => text(lang, `md.col.${h}`)), errors.map((e) => [mdCell(`${repoPath(e.input)}:${e.line}`), mdCell(e.message)])),
          '',
        );
      }
      write(`${out.join('\n')}\n`);
    },
  };
}
