/**
 * GitHub Actions workflow commands: one annotation per flagged row at its file and line
 * (`::error` prohibited, `::warning` license, `::notice` review or when every finding is waived or covered),
 * and one per rejected line. Each command is one line, whatever the manifest holds.
 */
import { gatingVerdict } from '../model/result.js';
import { type Verdict } from '../model/verdict.js';
import { countsLine, findingText, repoPath, rowLabel, STDIN } from './plain.js';
import type { Reporter, ReporterOptions, Summary } from './types.js';
import { visible } from './visible.js';

const COMMAND: Record<Verdict, 'error' | 'warning' | 'notice'> = { prohibited: 'error', license: 'warning', review: 'notice', clear: 'notice' };

/** GitHub's escaping of a command's message. */
export function escapeData(s: string): string {
  return s.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

/** GitHub's escaping of a property value, where `:` and `,` are separators. */
export function escapeProperty(s: string): string {
  return escapeData(s).replaceAll(':', '%3A').replaceAll(',', '%2C');
}

/** One workflow command on one line: each line of the message with its controls made visible, then escaped as GitHub reads it. */
function command(name: string, input: string, line: number, title: string, lines: string[]): string {
  const place = input === STDIN ? '' : `file=${escapeProperty(visible(repoPath(input)))},line=${line},`;
  return `::${name} ${place}title=${escapeProperty(visible(title))}::${escapeData(lines.map(visible).join('\n'))}\n`;
}

export function githubReporter({ write }: ReporterOptions): Reporter {
  return {
    needsClearRows: false,
    begin() {},
    result(r) {
      if (r.verdict === 'clear') return;
      const { row } = r;
      const description = row.values.description?.trim();
      const lines = [...(description ? [description] : []), ...r.findings.map(findingText)];
      write(command(COMMAND[gatingVerdict(r)], row.input, row.line, `dualscreen: ${r.verdict} ${rowLabel(row)}`, lines));
    },
    error(e) {
      write(command('error', e.input, e.line, 'dualscreen: line could not be read', [e.message]));
    },
    end(summary: Summary) {
      write(`dualscreen: ${countsLine(summary)}\n`);
    },
  };
}
