/**
 * One self-contained HTML page for the people who act on a report: counts and the gate's outcome, the
 * warnings that matter, charts by verdict, destination and rule, rows, quantity and value by verdict per
 * customer and per controlled item, then the flagged rows in triage order with quantity and value, filterable
 * (review can be hidden), paged and printable, in the language asked for; the audit record closes it. No
 * network: a Content-Security-Policy allows only this page's own style and script (by hash). Clear rows are
 * counted, not kept; flagged rows are spooled as JSON lines per triage group and written at the end.
 */
import { countryName } from '../i18n/countries.js';
import { text } from '../i18n/format.js';
import type { Lang } from '../model/message.js';
import { type Finding, type Result } from '../model/result.js';
import { SEVERITY, VERDICTS, type Verdict } from '../model/verdict.js';
import { barChart, topWithRest, type Bar } from './bar-chart.js';
import { esc, safeUrl } from './html-escape.js';
import { CSP, jsonInScript, SCRIPT, STYLE } from './html-page.js';
import { customerOf, itemsOf, Tallies, talliesHtml } from './html-tables.js';
import { Interned } from './intern.js';
import type { RunOutcome } from './outcome.js';
import { Spool } from './spool.js';
import { GROUPS, groupOf, nexusTokens, type Group } from './triage.js';
import type { InputInfo, Reporter, ReporterOptions, RowError, RunInfo, Summary } from './types.js';
import { acknowledgedText, describeEvidence, findingMessage, gateMarkTexts, gateText, noteMessages, verdictWord, warningText } from './words.js';

type Counts = Record<Verdict, number>;
const zero = (): Counts => ({ prohibited: 0, license: 0, review: 0, clear: 0 });

const MAX_BARS = 15;
const PAGE_SIZES = [100, 500, 2000];

/**
 * A flagged row as the page's script draws it: an array, as a report may hold 60,000 of them, with the text
 * rows share (file names, parties, codes, findings, notes) as indexes into the page's tables, so that a large
 * report stays small enough to open at once: [verdict (index in VERDICTS), nexus words, file, line, line id,
 * description, quantity, value, the other particulars (codes, destination, parties), findings, notes, baseline].
 */
type RowData = [number, number[], number, number, string, string, string, string, number, number[], number[], string?];

/** A finding in the page's table: [verdict, rule id, message, evidence, source, gate marks], text as string indexes. */
type FindingData = [number, number, number, number[], number, number[]];

/** Flagged rows a rule fired on, and its most severe verdict (none for the "other rules" bar). */
interface RuleCount {
  rows: number;
  verdict?: Verdict;
}

interface Collected {
  shownCounts: Counts;
  byDestination: Map<string, Counts>;
  byRule: Map<string, RuleCount>;
  customers: Tallies;
  items: Tallies;
  errors: RowError[];
  sources: Interned<[string, string | null]>;
  strings: Interned<string>;
  findings: Interned<FindingData>;
}

export function htmlReporter({ all, write, lang = 'en', order = 'triage' }: ReporterOptions): Reporter {
  let run: RunInfo | undefined;
  const spools = new Map<Group | 'input', Spool>();
  const c: Collected = {
    shownCounts: zero(),
    byDestination: new Map(),
    byRule: new Map(),
    customers: new Tallies(),
    items: new Tallies(),
    errors: [],
    sources: new Interned(),
    strings: new Interned(),
    findings: new Interned(),
  };
  const str = (value: string): number => c.strings.of(value);
  const sourceOf = (f: Finding): number => c.sources.of([f.source, safeUrl(f.sourceUrl) ?? null]);
  const findingOf = (f: Finding): number =>
    c.findings.of([
      VERDICTS.indexOf(f.verdict),
      str(f.ruleId),
      str(findingMessage(f, lang)),
      f.evidence.map((e) => str(describeEvidence(e, lang))),
      sourceOf(f),
      gateMarkTexts(f, lang).map(str),
    ]);

  const rowData = (r: Result): RowData => {
    const { values } = r.row;
    const joined = (...cells: (string | undefined)[]): string => cells.filter((v) => v !== undefined && v.trim() !== '').map((v) => v!.trim()).join(' ');
    const particulars = (
      [
        ['hs', values.hs_code],
        ['control-code', values.control_code],
        ['cas', values.cas_number],
        ['to', values.destination_country],
        ['consignee', values.consignee],
        ['end-user', values.end_user],
        ['end-use', values.end_use],
      ] as const
    )
      .filter(([, v]) => v !== undefined && v.trim() !== '')
      .map(([k, v]) => `${text(lang, `html.meta.${k}`)} ${v!.trim()}`)
      .join(' · ');
    const row: RowData = [
      VERDICTS.indexOf(r.verdict),
      nexusTokens(r).map((t) => str(text(lang, `nexus.${t}`))),
      str(r.row.input),
      r.row.line,
      values.line_id ?? '',
      values.description ?? '',
      joined(values.quantity, values.unit),
      joined(values.value, values.currency),
      str(particulars),
      r.findings.map(findingOf),
      noteMessages(r, lang).map((n) => str(text(lang, 'report.note', { text: n }))),
    ];
    if (r.baseline) row.push(r.baseline);
    return row;
  };

  return {
    begin(info) {
      run = info;
    },
    result(r) {
      const destination = destinationLabel(r, lang);
      const counts = c.byDestination.get(destination) ?? zero();
      counts[r.verdict]++;
      c.byDestination.set(destination, counts);
      c.customers.add([customerOf(r, lang)], r);
      if (r.verdict !== 'clear') c.items.add(itemsOf(r, lang), r);
      if (r.verdict === 'clear' && !all) return;
      const seen = new Set<string>();
      for (const f of r.findings) {
        const entry = c.byRule.get(f.ruleId) ?? { rows: 0, verdict: f.verdict };
        if (!seen.has(f.ruleId)) entry.rows++;
        if (!entry.verdict || SEVERITY[f.verdict] > SEVERITY[entry.verdict]) entry.verdict = f.verdict;
        seen.add(f.ruleId);
        c.byRule.set(f.ruleId, entry);
      }
      c.shownCounts[r.verdict]++;
      const key = order === 'input' ? 'input' : groupOf(r);
      let spool = spools.get(key);
      if (!spool) spools.set(key, (spool = new Spool()));
      spool.append(`${jsonInScript(rowData(r))}\n`);
    },
    error(e) {
      c.errors.push(e);
    },
    end(summary: Summary, inputs: InputInfo[], outcome: RunOutcome) {
      // the flagged rows were spooled as they came: the page is written around them
      const [head, tail] = page(run, summary, inputs, outcome, c, lang).split(ROWS_HERE);
      write(`${head!}[`);
      let first = true;
      for (const key of order === 'input' ? (['input'] as const) : GROUPS) {
        spools.get(key)?.drainLines((line) => {
          write(first ? `\n${line}` : `,\n${line}`);
          first = false;
        });
      }
      write(`]${tail ?? ''}`);
    },
  };
}

function destinationLabel(r: Result, lang: Lang): string {
  const code = r.row.norm.destinationCountry;
  if (code) return `${code} ${countryName(code)}`;
  return r.row.values.destination_country?.trim() || text(lang, 'html.no-destination');
}

/** Where the spooled rows go in the page; no escaped input text can contain a NUL. */
const ROWS_HERE = '\u0000rows\u0000';

function page(run: RunInfo | undefined, summary: Summary, inputs: InputInfo[], outcome: RunOutcome, c: Collected, lang: Lang): string {
  const title = `${text(lang, 'html.title')}${run ? ` · ${text(lang, 'html.as-of', { asOf: run.asOf })}` : ''}`;
  const words = {
    verdicts: VERDICTS.map((v) => [v, verdictWord(v, lang)]),
    quantity: text(lang, 'html.meta.quantity'),
    value: text(lang, 'html.meta.value'),
    // templates the page's script fills in: their placeholders kept as they are
    shown: text(lang, 'html.shown', { shown: '{shown}', total: '{total}' }),
    page: text(lang, 'html.page', { page: '{page}', pages: '{pages}' }),
  };
  return `<!doctype html>
<html lang="${lang === 'zh' ? 'zh-Hans' : lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${esc(title)}</h1>
<p class="disclaimer">${esc(text(lang, 'html.disclaimer'))}</p>
${summaryHtml(summary, outcome, c, lang)}
${talliesHtml(c.customers, 'customer', lang, run)}
${talliesHtml(c.items, 'item', lang, run)}
${rowsHtml(c, lang)}
${errorsHtml(c.errors, lang)}
${auditHtml(run, inputs, outcome, lang)}
<script type="application/json" id="page-data">${jsonInScript({ sources: c.sources.values, strings: c.strings.values, findings: c.findings.values, words })}</script>
<script type="application/json" id="rows-data">${ROWS_HERE}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function summaryHtml(summary: Summary, outcome: RunOutcome, c: Collected, lang: Lang): string {
  const counts = VERDICTS.map((v) => `<li><b data-count="${v}">${summary[v]}</b><span class="badge v-${v}">${esc(verdictWord(v, lang))}</span></li>`).join('');
  const verdictBars: Bar[] = VERDICTS.map((v) => ({ label: verdictWord(v, lang), segments: [{ value: summary[v], className: `v-${v}`, title: `${summary[v]} ${verdictWord(v, lang)}` }] }));
  const stacked = (label: string, counts: Counts): Bar => ({
    label,
    segments: VERDICTS.map((v) => ({ value: counts[v], className: `v-${v}`, title: `${label}: ${counts[v]} ${verdictWord(v, lang)}` })),
  });
  const sumCounts = (list: Counts[]): Counts => {
    const out = zero();
    for (const x of list) for (const v of VERDICTS) out[v] += x[v];
    return out;
  };
  const rowsOf = (x: Counts): number => VERDICTS.reduce((n, v) => n + x[v], 0);
  const destinations = topWithRest([...c.byDestination], MAX_BARS, rowsOf, sumCounts, (n) => text(lang, 'html.other-destinations', { count: n }));
  const rules = topWithRest(
    [...c.byRule],
    MAX_BARS,
    (r) => r.rows,
    (list) => ({ rows: list.reduce((n, r) => n + r.rows, 0) }),
    (n) => text(lang, 'html.other-rules', { count: n }),
  );
  const ruleBars: Bar[] = rules.map(([id, r]) => ({ label: id, segments: [{ value: r.rows, className: r.verdict ? `v-${r.verdict}` : 'v-rows', title: `${id}: ${r.rows}` }] }));
  const gate = gateText(outcome.gate, summary.rejected, lang);
  const warnings = outcome.warnings.filter((w) => !w.acknowledged);
  return `<section id="summary"><h2>${esc(text(lang, 'html.summary'))}</h2>
<ul class="counts"><li><b data-count="rows">${summary.rows}</b>${esc(text(lang, 'html.rows-word'))}</li>${counts}<li><b data-count="rejected">${summary.rejected}</b>${esc(verdictWord('rejected', lang))}</li></ul>
<p class="gate ${outcome.gate.failed || summary.rejected > 0 ? 'fails' : 'passes'}" id="gate">${esc(gate)}</p>
${warnings.length ? `<ul class="warnings">${warnings.map((w) => `<li>${esc(warningText(w, lang))}</li>`).join('')}</ul>` : ''}
<div class="charts">
${barChart(text(lang, 'html.chart.verdict'), verdictBars)}
${barChart(text(lang, 'html.chart.destination'), destinations.map(([label, counts]) => stacked(label, counts)))}
${ruleBars.length ? barChart(text(lang, 'html.chart.rule'), ruleBars) : ''}
</div>
</section>`;
}

function rowsHtml(c: Collected, lang: Lang): string {
  const boxes = VERDICTS.filter((v) => c.shownCounts[v] > 0)
    .map((v) => `<label><input type="checkbox" data-verdict="${v}" value="${v}" checked> <span class="badge v-${v}">${esc(verdictWord(v, lang))}</span> ${c.shownCounts[v]}</label>`)
    .join('');
  const shown = VERDICTS.reduce((n, v) => n + c.shownCounts[v], 0);
  const sizes = [...PAGE_SIZES.map((n) => `<option value="${n}">${n}</option>`), `<option value="all">${esc(text(lang, 'html.all'))}</option>`].join('');
  const table = shown
    ? `<table id="results"><thead><tr>${['verdict', 'where', 'line-id', 'shipment', 'findings'].map((h) => `<th>${esc(text(lang, `html.col.${h}`))}</th>`).join('')}</tr></thead><tbody></tbody></table>`
    : `<p>${esc(text(lang, 'report.no-rows'))}</p>`;
  return `<section id="rows"><h2>${esc(text(lang, 'html.flagged'))}</h2>
<div id="filter" role="group" aria-label="${esc(text(lang, 'html.filter'))}">${boxes}<label><input type="checkbox" id="nexus-only"> ${esc(text(lang, 'html.nexus-only'))}</label><label><input type="search" id="search" placeholder="${esc(text(lang, 'html.search'))}"></label><output id="shown"></output></div>
${table}
<div id="pager"><button type="button" id="prev">${esc(text(lang, 'html.previous'))}</button><span id="page"></span><button type="button" id="next">${esc(text(lang, 'html.next'))}</button><label>${esc(text(lang, 'html.per-page'))} <select id="page-size">${sizes}</select></label></div>
</section>`;
}

function errorsHtml(errors: RowError[], lang: Lang): string {
  if (errors.length === 0) return '';
  const rows = errors.map((e) => `<tr><td><code>${esc(e.input)}:${e.line}</code></td><td>${esc(e.message)}</td></tr>`).join('');
  return `<section id="errors"><h2>${esc(text(lang, 'html.rejected', { count: errors.length }))}</h2><table><thead><tr><th>${esc(text(lang, 'html.col.where'))}</th><th>${esc(text(lang, 'html.col.message'))}</th></tr></thead><tbody>${rows}</tbody></table></section>`;
}

function auditHtml(run: RunInfo | undefined, inputs: InputInfo[], outcome: RunOutcome, lang: Lang): string {
  if (!run) return '';
  const t = (key: string): string => esc(text(lang, `html.audit.${key}`));
  const options = Object.entries(run.options)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd><code>${esc(typeof v === 'string' ? v : JSON.stringify(v))}</code></dd>`)
    .join('');
  const packs = run.rulePacks
    .map((p) => `<tr><td><code>${esc(p.id)}</code></td><td>${esc(p.version)}</td><td>${esc(p.dataAsOf)}</td><td class="hash">${esc(p.sha256)}</td><td>${esc(p.path)}</td></tr>`)
    .join('');
  const files = inputs
    .map((i) => `<tr><td>${esc(i.path)}</td><td class="hash">${esc(i.sha256)}</td><td>${esc(i.encoding)}</td><td>${i.rows}</td><td>${i.rejected}</td></tr>`)
    .join('');
  const acknowledged = outcome.warnings.flatMap((w) => {
    const a = acknowledgedText(w, lang);
    return a ? [`<li>${esc(a)}</li>`] : [];
  });
  const newest = run.ruleDataAsOf;
  return `<section id="audit"><h2>${t('run')}</h2>
<dl class="options"><dt>${t('tool')}</dt><dd>${esc(run.tool.name)} ${esc(run.tool.version)}</dd><dt>${t('generated')}</dt><dd>${esc(run.generatedAt)}</dd><dt>${t('as-of')}</dt><dd>${esc(run.asOf)}</dd><dt>${t('data-as-of')}</dt><dd>${esc(newest)} (${run.rulePacks.length})</dd></dl>
${acknowledged.length ? `<h3>${t('acknowledged')}</h3><ul class="warnings">${acknowledged.join('')}</ul>` : ''}
<h3>${t('inputs')}</h3><table><thead><tr><th>${t('file')}</th><th>sha256</th><th>${t('encoding')}</th><th>${t('rows')}</th><th>${t('rejected')}</th></tr></thead><tbody>${files}</tbody></table>
<details><summary>${t('packs')} (${run.rulePacks.length})</summary><table><thead><tr><th>${t('pack')}</th><th>${t('version')}</th><th>${t('data-as-of')}</th><th>sha256</th><th>${t('file')}</th></tr></thead><tbody>${packs}</tbody></table></details>
<details><summary>${t('options')}</summary><dl class="options">${options}</dl></details>
</section>`;
}

