/**
 * JUnit XML for CI test reports (GitLab `artifacts: reports: junit`, Jenkins): a test suite per input,
 * a test case per screened row, a failure where the row fails --fail-on, an error per rejected line.
 */
import { fails, gatingVerdict, type Result } from '../model/result.js';
import { configProperties, findingText, rowLabel } from './plain.js';
import { Spool } from './spool.js';
import type { InputInfo, Reporter, ReporterOptions, RowError, RunInfo, Summary } from './types.js';

/** Characters XML 1.0 does not allow at all, not even as references (C0 controls, lone surrogates, U+FFFE/F). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(s: string): string {
  return s.replace(NOT_XML, '').replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** Also escapes quotes, and the whitespace that attribute normalisation would otherwise turn into spaces. */
export function xmlAttr(s: string): string {
  return xmlText(s).replaceAll('"', '&quot;').replaceAll('\t', '&#9;').replaceAll('\n', '&#10;').replaceAll('\r', '&#13;');
}

function attrs(values: Record<string, string | number>): string {
  return Object.entries(values)
    .map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`)
    .join('');
}

interface Suite {
  /** Test cases, each ending in a newline: spooled, since a suite's start tag carries their count. */
  cases: Spool;
  tests: number;
  failures: number;
  errors: number;
}

function findingsText(r: Result): string {
  const description = r.row.values.description?.trim();
  return [...(description ? [description] : []), ...r.findings.map(findingText), ...r.notes.map((n) => `note: ${n}`)].join('\n');
}

export function junitReporter({ write, failOn = 'prohibited' }: ReporterOptions): Reporter {
  let run: RunInfo | undefined;
  const suites = new Map<string, Suite>();
  const suite = (input: string): Suite => {
    let s = suites.get(input);
    if (!s) suites.set(input, (s = { cases: new Spool(), tests: 0, failures: 0, errors: 0 }));
    return s;
  };

  const testcase = (r: Result, failing: boolean): string => {
    const open = `    <testcase${attrs({ name: rowLabel(r.row), classname: r.row.input })}`;
    if (failing) {
      const rules = [...new Set(r.findings.map((f) => f.ruleId))].join(', ');
      const verdict = gatingVerdict(r);
      return `${open}>\n      <failure${attrs({ type: verdict, message: `${verdict}: ${rules}` })}>${xmlText(findingsText(r))}</failure>\n    </testcase>`;
    }
    if (r.findings.length > 0) return `${open}>\n      <system-out>${xmlText(findingsText(r))}</system-out>\n    </testcase>`;
    return `${open}/>`;
  };

  const properties = (input: InputInfo | undefined): string => {
    const props: [string, string][] = [];
    if (run) {
      props.push(['dualscreen.version', run.tool.version], ['asOf', run.asOf], ['failOn', failOn]);
      for (const p of run.rulePacks) props.push(['rulePack', `${p.id} ${p.version} dataAsOf=${p.dataAsOf} sha256=${p.sha256}`]);
      props.push(...configProperties(run));
    }
    if (input) props.push(['input.sha256', input.sha256], ['input.encoding', input.encoding]);
    return `    <properties>\n${props.map(([name, value]) => `      <property${attrs({ name, value })}/>`).join('\n')}\n    </properties>\n`;
  };

  return {
    begin(info) {
      run = info;
    },
    result(r) {
      const s = suite(r.row.input);
      const failing = fails(r, failOn);
      if (failing) s.failures++;
      s.tests++;
      s.cases.append(`${testcase(r, failing)}\n`);
    },
    error(e: RowError) {
      const s = suite(e.input);
      s.errors++;
      s.tests++;
      s.cases.append(`    <testcase${attrs({ name: `line ${e.line}`, classname: e.input })}>\n      <error${attrs({ type: 'rejected', message: e.message })}>${xmlText(`${e.input}:${e.line}: ${e.message}`)}</error>\n    </testcase>\n`);
    },
    end(_summary: Summary, inputs: InputInfo[]) {
      const all = [...suites.values()];
      const total = (count: (s: Suite) => number): number => all.reduce((n, s) => n + count(s), 0);
      write('<?xml version="1.0" encoding="UTF-8"?>\n');
      write(`<testsuites${attrs({ name: 'dualscreen', tests: total((s) => s.tests), failures: total((s) => s.failures), errors: total((s) => s.errors) })}>\n`);
      for (const [input, s] of suites) {
        const head = attrs({ name: input, tests: s.tests, failures: s.failures, errors: s.errors, skipped: 0, ...(run ? { timestamp: run.generatedAt } : {}) });
        write(`  <testsuite${head}>\n${properties(inputs.find((i) => i.path === input))}`);
        s.cases.drain(write);
        write('  </testsuite>\n');
      }
      write('</testsuites>\n');
    },
  };
}
