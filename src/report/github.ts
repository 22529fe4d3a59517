/**
 * GitHub Actions workflow commands. GitHub shows about ten annotations of each level per step, so they are
 * ranked and capped: `::error` for prohibited rows, then rejected lines; `::warning` for the rule-data warnings
 * that matter, then licence rows; `::notice` for review rows (or rows whose every finding is waived or covered).
 * Rows with a military or listed-party nexus come first within their level (--order input: file order). At most
 * --max-annotations per level (default 10); one summary notice says how many were left out, and the totals with
 * the gate's outcome close the log. Each command is one line, whatever the manifest holds. Memory: at most the
 * kept annotations.
 */
import { gatingVerdict } from '../model/result.js';
import { type Verdict } from '../model/verdict.js';
import { findingText, repoPath, rowLabel, STDIN } from './ci-text.js';
import type { RunOutcome } from './outcome.js';
import { hasNexus } from './triage.js';
import type { Reporter, ReporterOptions, Summary } from './types.js';
import { visible } from './visible.js';
import { countsText, gateText } from './words.js';

type Level = 'error' | 'warning' | 'notice';
const COMMAND: Record<Verdict, Level> = { prohibited: 'error', license: 'warning', review: 'notice', clear: 'notice' };
const LEVELS: Level[] = ['error', 'warning', 'notice'];

/** GitHub shows ten annotations of each level per step (its documented limit): the default cap. */
export const DEFAULT_MAX_ANNOTATIONS = 10;

/** GitHub's escaping of a command's message. */
export function escapeData(s: string): string {
  return s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** GitHub's escaping of a property value, where `:` and `,` are separators. */
export function escapeProperty(s: string): string {
  return escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** One workflow command on one line: each line of the message with its controls made visible, then escaped as GitHub reads it. */
function command(name: Level, at: { input: string; line: number } | undefined, title: string, lines: string[]): string {
  const place = at && at.input !== STDIN ? `file=${escapeProperty(visible(repoPath(at.input)))},line=${at.line},` : '';
  return `::${name} ${place}title=${escapeProperty(visible(title))}::${escapeData(lines.map(visible).join('\n'))}\n`;
}

/** The first `max` annotations of one level, those that come first in rank kept; the rest only counted. */
class Ranked {
  private readonly first: string[] = [];
  private readonly then: string[] = [];
  left = 0;

  constructor(private readonly max: number) {}

  add(annotation: string, first: boolean): void {
    const list = first ? this.first : this.then;
    if (list.length < this.max) list.push(annotation);
    else this.left++;
  }

  /** The kept annotations in rank order, at most `room`; the others are counted as left out. */
  take(room: number): string[] {
    const all = [...this.first, ...this.then];
    this.left += Math.max(0, all.length - room);
    return all.slice(0, Math.max(0, room));
  }
}

export function githubReporter({ write, order = 'triage', maxAnnotations = DEFAULT_MAX_ANNOTATIONS }: ReporterOptions): Reporter {
  const max = Math.max(1, maxAnnotations);
  const ranked: Record<Level, Ranked> = { error: new Ranked(max), warning: new Ranked(max), notice: new Ranked(max) };
  const rejected = new Ranked(max);
  const leftRows: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  return {
    needsClearRows: false,
    begin() {},
    result(r) {
      if (r.verdict === 'clear') return;
      const { row } = r;
      const description = row.values.description?.trim();
      const lines = [...(description ? [description] : []), ...r.findings.map(findingText)];
      const level = COMMAND[gatingVerdict(r)];
      ranked[level].add(command(level, row, `dualscreen: ${r.verdict} ${rowLabel(row)}`, lines), order === 'triage' && hasNexus(r));
    },
    error(e) {
      rejected.add(command('error', e, 'dualscreen: line could not be read', [e.message]), false);
    },
    end(summary: Summary, _inputs, outcome: RunOutcome) {
      const warnings = outcome.warnings.filter((w) => !w.acknowledged).map((w) => command('warning', undefined, `dualscreen: ${w.code}`, [w.message]));
      const errors = ranked.error.take(max);
      const unread = rejected.take(max - errors.length);
      const kept: Record<Level, string[]> = {
        error: [...errors, ...unread],
        warning: [...warnings.slice(0, max), ...ranked.warning.take(max - Math.min(max, warnings.length))],
        notice: ranked.notice.take(max),
      };
      for (const level of LEVELS) leftRows[level] = ranked[level].left;
      let left = leftRows.error + rejected.left + leftRows.warning + leftRows.notice;
      // the summary notice takes the last notice's place
      if (left > 0 && kept.notice.length === max) {
        kept.notice.pop();
        leftRows.notice++;
        left++;
      }
      for (const level of LEVELS) for (const a of kept[level]) write(a);
      if (left > 0) {
        const parts = [
          `${leftRows.error} prohibited`,
          ...(rejected.left > 0 ? [`${rejected.left} unreadable lines`] : []),
          `${leftRows.warning} license`,
          `${leftRows.notice} review`,
        ];
        write(
          command('notice', undefined, `dualscreen: ${left} more annotation${left === 1 ? '' : 's'} left out`, [
            `${left} flagged rows or lines are not annotated (${parts.join(', ')}): GitHub shows about ${max} annotations of each level per step (--max-annotations). ` +
              'Prohibited rows and rows with a military or listed-party nexus were annotated first; the job summary, the SARIF or the JSON report lists every row.',
          ]),
        );
      }
      write(`dualscreen: ${countsText(summary, 'en')} · ${gateText(outcome.gate, summary.rejected, 'en')}\n`);
    },
  };
}
