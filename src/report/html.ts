/**
 * One self-contained HTML page for people who read reports: the run's audit header, counts by verdict,
 * destination and rule as inline SVG, and the flagged rows with evidence and sources, filterable by verdict.
 * No network: a Content-Security-Policy allows only this page's own style and script (by hash).
 * Clear rows are counted, not kept; flagged rows are kept as rendered HTML until the end.
 */
import { createHash } from 'node:crypto';
import { countryName } from '../match/countries.js';
import { type Finding, type Result } from '../model/result.js';
import { SEVERITY, VERDICTS, type Verdict } from '../model/verdict.js';
import { barChart, topWithRest, type Bar } from './bar-chart.js';
import { esc, safeUrl } from './html-escape.js';
import { Spool } from './spool.js';
import { describeEvidence } from './text.js';
import type { InputInfo, Reporter, ReporterOptions, RowError, RunInfo, Summary } from './types.js';

type Counts = Record<Verdict, number>;
const zero = (): Counts => ({ prohibited: 0, license: 0, review: 0, clear: 0 });

const MAX_BARS = 15;

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1200px;padding:16px 24px;color:#1f2328;background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #d0d7de}h3{font-size:15px;margin:16px 0 6px}
.disclaimer{color:#57606a;margin:0 0 12px}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f6f8fa}
code,.hash{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12px}.hash{word-break:break-all}
dl.options{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}dl.options dt{font-weight:600}dl.options dd{margin:0}
.warnings li{color:#9a6700}
.counts{display:flex;gap:12px;list-style:none;padding:0;flex-wrap:wrap}.counts li{border:1px solid #d0d7de;border-radius:6px;padding:6px 12px}.counts b{font-size:20px;margin-right:4px}
.charts{display:flex;flex-wrap:wrap;gap:16px}.chart{margin:0}.chart figcaption{font-weight:600;margin-bottom:4px}.chart text{font-size:12px;fill:#1f2328}
.badge{display:inline-block;border-radius:4px;padding:0 6px;color:#fff;font-size:12px;font-weight:600}
.badge.v-prohibited{background:#b91c1c}.badge.v-license{background:#b45309}.badge.v-review{background:#0e7490}.badge.v-clear{background:#15803d}
rect.v-prohibited{fill:#b91c1c}rect.v-license{fill:#d97706}rect.v-review{fill:#0e7490}rect.v-clear{fill:#16a34a}rect.v-rows{fill:#57606a}
.finding{margin:0 0 6px}.evidence{margin:2px 0 2px 18px;padding:0;font-size:12px;color:#424a53}.source{font-size:12px;color:#57606a}
.meta{font-size:12px;color:#57606a}.note{font-size:12px;color:#57606a;margin:2px 0}.tag{font-size:11px;border:1px solid #8c959f;border-radius:4px;padding:0 4px}
details{margin:8px 0}summary{cursor:pointer;font-weight:600}
#filter{margin:8px 0;display:flex;gap:14px;align-items:center;flex-wrap:wrap}
tr[hidden]{display:none}
`;

const SCRIPT = `(() => {
  const boxes = [...document.querySelectorAll('#filter input[type=checkbox]')];
  const rows = [...document.querySelectorAll('#results tbody tr')];
  const shown = document.getElementById('shown');
  const apply = () => {
    const on = new Set(boxes.filter((b) => b.checked).map((b) => b.value));
    let n = 0;
    for (const tr of rows) {
      tr.hidden = !on.has(tr.dataset.verdict);
      if (!tr.hidden) n++;
    }
    shown.textContent = n + ' of ' + rows.length + ' rows shown';
  };
  for (const b of boxes) b.addEventListener('change', apply);
  apply();
})();`;

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const CSP = `default-src 'none'; style-src ${hash(STYLE)}; script-src ${hash(SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;

export function htmlReporter({ all, write }: ReporterOptions): Reporter {
  let run: RunInfo | undefined;
  const rows = new Spool();
  const shownCounts = zero();
  const byDestination = new Map<string, Counts>();
  const byRule = new Map<string, RuleCount>();
  const errors: RowError[] = [];
  return {
    begin(info) {
      run = info;
    },
    result(r) {
      const destination = destinationLabel(r);
      const counts = byDestination.get(destination) ?? zero();
      counts[r.verdict]++;
      byDestination.set(destination, counts);
      if (r.verdict === 'clear' && !all) return;
      const seen = new Set<string>();
      for (const f of r.findings) {
        const entry = byRule.get(f.ruleId) ?? { rows: 0, verdict: f.verdict };
        if (!seen.has(f.ruleId)) entry.rows++;
        if (!entry.verdict || SEVERITY[f.verdict] > SEVERITY[entry.verdict]) entry.verdict = f.verdict;
        seen.add(f.ruleId);
        byRule.set(f.ruleId, entry);
      }
      shownCounts[r.verdict]++;
      rows.append(`${rowHtml(r)}\n`);
    },
    error(e) {
      errors.push(e);
    },
    end(summary: Summary, inputs: InputInfo[]) {
      // the flagged rows were spooled as they came: the page is written around them
      const [head, tail] = page(run, summary, inputs, { shownCounts, byDestination, byRule, errors }).split(ROWS_HERE);
      write(head!);
      rows.drain(write);
      write(tail ?? '');
    },
  };
}

function destinationLabel(r: Result): string {
  const code = r.row.norm.destinationCountry;
  if (code) return `${code} ${countryName(code)}`;
  return r.row.values.destination_country?.trim() || '(no destination)';
}

/** Flagged rows a rule fired on, and its most severe verdict (none for the "other rules" bar). */
interface RuleCount {
  rows: number;
  verdict?: Verdict;
}

/** Where the spooled rows go in the page; no escaped input text can contain a NUL. */
const ROWS_HERE = '\u0000rows\u0000';

interface Collected {
  shownCounts: Counts;
  byDestination: Map<string, Counts>;
  byRule: Map<string, RuleCount>;
  errors: RowError[];
}

function page(run: RunInfo | undefined, summary: Summary, inputs: InputInfo[], c: Collected): string {
  const title = `dualscreen report${run ? ` · as of ${run.asOf}` : ''}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="disclaimer">dualscreen is an aid to, not a substitute for, legal review. A clear verdict means no encoded rule matched, not that an export is lawful.</p>
${auditHtml(run, inputs)}
${summaryHtml(summary, c)}
${rowsHtml(c)}
${errorsHtml(c.errors)}
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function auditHtml(run: RunInfo | undefined, inputs: InputInfo[]): string {
  if (!run) return '';
  const options = Object.entries(run.options)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd><code>${esc(typeof v === 'string' ? v : JSON.stringify(v))}</code></dd>`)
    .join('');
  const packs = run.rulePacks
    .map((p) => `<tr><td><code>${esc(p.id)}</code></td><td>${esc(p.version)}</td><td>${esc(p.dataAsOf)}</td><td class="hash">${esc(p.sha256)}</td><td>${esc(p.path)}</td></tr>`)
    .join('');
  const files = inputs
    .map((i) => `<tr><td>${esc(i.path)}</td><td class="hash">${esc(i.sha256)}</td><td>${esc(i.encoding)}</td><td>${i.rows}</td><td>${i.rejected}</td></tr>`)
    .join('');
  const warnings = run.warnings.length ? `<h3>Warnings</h3><ul class="warnings">${run.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : '';
  const newest = run.rulePacks.map((p) => p.dataAsOf).sort().at(-1) ?? '';
  return `<section id="audit"><h2>Run</h2>
<dl class="options"><dt>tool</dt><dd>${esc(run.tool.name)} ${esc(run.tool.version)}</dd><dt>generated</dt><dd>${esc(run.generatedAt)}</dd><dt>as of</dt><dd>${esc(run.asOf)}</dd><dt>rule data as of</dt><dd>${esc(newest)} (${run.rulePacks.length} packs)</dd></dl>
${warnings}
<h3>Inputs</h3><table><thead><tr><th>file</th><th>sha256</th><th>encoding</th><th>rows</th><th>rejected</th></tr></thead><tbody>${files}</tbody></table>
<details><summary>Rule packs (${run.rulePacks.length})</summary><table><thead><tr><th>pack</th><th>version</th><th>data as of</th><th>sha256</th><th>file</th></tr></thead><tbody>${packs}</tbody></table></details>
<details><summary>Options</summary><dl class="options">${options}</dl></details>
</section>`;
}

function summaryHtml(summary: Summary, c: Collected): string {
  const counts = VERDICTS.map((v) => `<li><b data-count="${v}">${summary[v]}</b><span class="badge v-${v}">${v}</span></li>`).join('');
  const verdictBars: Bar[] = VERDICTS.map((v) => ({ label: v, segments: [{ value: summary[v], className: `v-${v}`, title: `${summary[v]} ${v}` }] }));
  const stacked = (label: string, counts: Counts): Bar => ({
    label,
    segments: VERDICTS.map((v) => ({ value: counts[v], className: `v-${v}`, title: `${label}: ${counts[v]} ${v}` })),
  });
  const sumCounts = (list: Counts[]): Counts => {
    const out = zero();
    for (const x of list) for (const v of VERDICTS) out[v] += x[v];
    return out;
  };
  const rowsOf = (x: Counts): number => VERDICTS.reduce((n, v) => n + x[v], 0);
  const destinations = topWithRest([...c.byDestination], MAX_BARS, rowsOf, sumCounts, (n) => `${n} other destinations`);
  const rules = topWithRest(
    [...c.byRule],
    MAX_BARS,
    (r) => r.rows,
    (list) => ({ rows: list.reduce((n, r) => n + r.rows, 0) }),
    (n) => `${n} other rules`,
  );
  const ruleBars: Bar[] = rules.map(([id, r]) => ({ label: id, segments: [{ value: r.rows, className: r.verdict ? `v-${r.verdict}` : 'v-rows', title: `${id}: ${r.rows} rows` }] }));
  return `<section id="summary"><h2>Summary</h2>
<ul class="counts"><li><b data-count="rows">${summary.rows}</b>rows</li>${counts}<li><b data-count="rejected">${summary.rejected}</b>rejected</li></ul>
<div class="charts">
${barChart('Rows by verdict', verdictBars)}
${barChart('Rows by destination', destinations.map(([label, counts]) => stacked(label, counts)))}
${ruleBars.length ? barChart('Flagged rows by rule', ruleBars) : ''}
</div>
</section>`;
}

function rowsHtml(c: Collected): string {
  const filter = VERDICTS.filter((v) => c.shownCounts[v] > 0)
    .map((v) => `<label><input type="checkbox" value="${v}" checked> <span class="badge v-${v}">${v}</span> ${c.shownCounts[v]}</label>`)
    .join('');
  const shown = VERDICTS.reduce((n, v) => n + c.shownCounts[v], 0);
  const table = shown
    ? `<table id="results"><thead><tr><th>verdict</th><th>where</th><th>line id</th><th>shipment</th><th>findings</th></tr></thead><tbody>\n${ROWS_HERE}</tbody></table>`
    : '<p>No flagged rows.</p>';
  return `<section id="rows"><h2>Flagged rows</h2>
<div id="filter" role="group" aria-label="show verdicts">${filter}<output id="shown"></output></div>
${table}
</section>`;
}

function rowHtml(r: Result): string {
  const { values, input, line } = r.row;
  const meta = (
    [
      ['HS', values.hs_code],
      ['control code', values.control_code],
      ['CAS', values.cas_number],
      ['to', values.destination_country],
      ['consignee', values.consignee],
      ['end user', values.end_user],
      ['end use', values.end_use],
    ] as const
  )
    .filter(([, v]) => v !== undefined && v.trim() !== '')
    .map(([k, v]) => `${k} ${esc(v)}`)
    .join(' · ');
  const findings = r.findings.map(findingHtml).join('');
  const notes = r.notes.map((n) => `<p class="note">note: ${esc(n)}</p>`).join('');
  return (
    `<tr data-verdict="${esc(r.verdict)}"><td><span class="badge v-${esc(r.verdict)}">${esc(r.verdict)}</span>${r.baseline ? ` <span class="tag">${esc(r.baseline)}</span>` : ''}</td>` +
    `<td><code>${esc(input)}:${line}</code></td><td>${esc(values.line_id)}</td>` +
    `<td>${esc(values.description)}${meta ? `<div class="meta">${meta}</div>` : ''}</td><td>${findings}${notes}</td></tr>`
  );
}

function findingHtml(f: Finding): string {
  const evidence = f.evidence.map((e) => `<li>${esc(describeEvidence(e))}</li>`).join('');
  const url = safeUrl(f.sourceUrl);
  const source = url ? `<a href="${esc(url)}" rel="noreferrer">${esc(f.source)}</a>` : esc(f.source);
  const tags = [
    f.waived ? `<span class="tag">waived by ${esc(f.waived.waiverId)} until ${esc(f.waived.expires)}</span>` : '',
    f.coveredBy ? `<span class="tag">covered by licence ${esc(f.coveredBy.licence)}</span>` : '',
    f.baseline === 'known' ? '<span class="tag">known from the baseline</span>' : '',
  ].join('');
  return (
    `<div class="finding"><span class="badge v-${esc(f.verdict)}">${esc(f.verdict)}</span> <code>${esc(f.ruleId)}</code> ${esc(f.message)} ${tags}` +
    `${evidence ? `<ul class="evidence">${evidence}</ul>` : ''}<div class="source">${source}</div></div>`
  );
}

function errorsHtml(errors: RowError[]): string {
  if (errors.length === 0) return '';
  const rows = errors.map((e) => `<tr><td><code>${esc(e.input)}:${e.line}</code></td><td>${esc(e.message)}</td></tr>`).join('');
  return `<section id="errors"><h2>Rejected lines (${errors.length})</h2><table><thead><tr><th>where</th><th>message</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}
