/**
 * The terminal report, triage first: the counts and the gate's outcome, then one line per flagged row
 * (prohibited, then rows with a military or listed-party nexus, then licence, then review; --order input keeps
 * file order): verdict, file:line, line id, goods, consignee or end user, destination, and the deciding rule with
 * what it matched, citing its source by number. --explain gives every finding with its evidence instead. The
 * sources follow once, as a numbered legend, and the counts and outcome close the report. --lang zh|ja writes it
 * in Chinese or Japanese. Rows are kept as one JSON line each in spools (memory does not grow with the rows) and
 * rendered at the end, so that sources are numbered in the order they are printed.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { text } from '../i18n/format.js';
import type { Lang } from '../model/message.js';
import type { Finding, Result } from '../model/result.js';
import type { Verdict } from '../model/verdict.js';
import { configLine } from './ci-text.js';
import type { RunOutcome } from './outcome.js';
import { Spool } from './spool.js';
import { GROUPS, groupOf, nexusTokens, type Group } from './triage.js';
import type { InputInfo, Reporter, ReporterOptions, RowError, RunInfo, Summary } from './types.js';
import { clip, clipColumns, columns, MAX_ID, padColumns, visible } from './visible.js';
import { acknowledgedText, countsText, describeEvidence, findingMessage, gateMarkTexts, gateText, noteMessages, verdictWord, warningText } from './words.js';

const MAX_DESCRIPTION = 40;
const MAX_PARTY = 32;
const MAX_DESTINATION = 16;
const MAX_MATCHED = 80;

function verdictStyle(c: ChalkInstance): Record<Verdict, ChalkInstance> {
  return { prohibited: c.bold.red, license: c.bold.yellow, review: c.bold.cyan, clear: c.green };
}

/** What the deciding finding matched, in a few words: `1C902.a + Mitsubishi Heavy Industries Aero Engines, Ltd.` */
export function matchedBriefly(f: Finding): string {
  const parts = f.evidence.map((e) => {
    const score = e.score !== undefined && e.score < 1 ? ` ${e.score.toFixed(2)}` : '';
    switch (e.kind) {
      case 'hs-code':
        return `HS ${e.matched}`;
      case 'cas':
        return `CAS ${e.matched}`;
      case 'keyword':
      case 'term':
        return `"${e.matched}"`;
      case 'data':
        return `${e.field} "${e.value}"`;
      default:
        return `${e.matched || e.value}${score}`;
    }
  });
  return clipColumns([...new Set(parts)].join(' + '), MAX_MATCHED);
}

/** Inputs whose encoding was a guess, and why. */
export function encodingNotes(inputs: InputInfo[]): string[] {
  return inputs.flatMap((i) => [
    ...(i.encodingReason ? [`note: ${i.path} read as ${i.encoding}: ${i.encodingReason}`] : []),
    ...(i.notes ?? []).map((n) => `note: ${i.path}: ${n}`),
  ]);
}

/** A flagged row as the spool keeps it: what the report prints, already in the language asked for. */
interface RowRecord {
  verdict: Verdict;
  where: string;
  id: string;
  goods: string;
  party: string;
  destination: string;
  nexus: string[];
  findings: { ruleId: string; verdict: Verdict; message: string; evidence: string[]; matched: string; source: string; marks: string[] }[];
  notes: string[];
}

function sourceText(f: Finding): string {
  return `${f.source}${f.sourceUrl ? ` ${f.sourceUrl}` : ''}`;
}

function record(r: Result, lang: Lang, explain: boolean): RowRecord {
  const { row } = r;
  const v = row.values;
  // a listed party found in a column of its own (a sold-to party) is the one the row is flagged for
  const further = r.findings.flatMap((f) => f.evidence).find((e) => e.kind === 'party' && e.field !== 'consignee' && e.field !== 'end_user');
  const party = further ? `${further.field}: ${further.value}` : v.end_user?.trim() || v.consignee?.trim() || '';
  // one line per row keeps its fields short; an explained row has room for them
  const room = explain ? 4 : 1;
  return {
    verdict: r.verdict,
    where: `${visible(row.input)}:${row.line}`,
    id: v.line_id ? clip(v.line_id, MAX_ID) : '',
    goods: clipColumns(v.description?.trim() ?? '', MAX_DESCRIPTION * room),
    party: party && clipColumns(party, MAX_PARTY * room),
    destination: row.norm.destinationCountry ?? clipColumns(v.destination_country?.trim() ?? '', MAX_DESTINATION),
    nexus: nexusTokens(r),
    findings: r.findings.map((f) => ({
      ruleId: visible(f.ruleId),
      verdict: f.verdict,
      message: visible(findingMessage(f, lang)),
      evidence: f.evidence.map((e) => describeEvidence(e, lang)),
      matched: matchedBriefly(f),
      source: visible(sourceText(f)),
      marks: gateMarkTexts(f, lang).map(visible),
    })),
    notes: noteMessages(r, lang).map(visible),
  };
}

export function textReporter({ all, color, write, lang = 'en', explain = false, order = 'triage', quiet = false }: ReporterOptions): Reporter {
  const c = new Chalk({ level: color ? 1 : 0 });
  const style = verdictStyle(c);
  // rows are kept by triage group (one spool in input order) and printed at the end
  const spools = new Map<Group | 'input', { rows: number; spool: Spool }>();
  const spoolOf = (key: Group | 'input') => {
    let s = spools.get(key);
    if (!s) spools.set(key, (s = { rows: 0, spool: new Spool() }));
    return s;
  };
  const errors: RowError[] = [];
  let run: RunInfo | undefined;
  const sources = new Map<string, number>();
  const cite = (source: string): string => {
    let n = sources.get(source);
    if (n === undefined) sources.set(source, (n = sources.size + 1));
    return c.dim(`[${n}]`);
  };
  const verdictWidth = Math.max(...(['prohibited', 'license', 'review', 'clear'] as const).map((v) => columns(verdictWord(v, lang))));
  const word = (v: Verdict): string => style[v](padColumns(verdictWord(v, lang), verdictWidth));
  const nexusTag = (tokens: string[]): string => (tokens.length ? ` ${c.magenta(`(${tokens.map((t) => text(lang, `nexus.${t}`)).join(', ')})`)}` : '');

  const shipment = (r: RowRecord): string => {
    const goods = r.goods || c.dim(text(lang, 'report.no-description'));
    const rest = [r.party, r.destination].filter(Boolean).map((s) => ` · ${s}`).join('');
    return `${r.where}  ${r.id ? `${c.bold(r.id)}  ` : ''}${goods}${rest}`;
  };

  const compactLine = (r: RowRecord): string => {
    const [f] = r.findings;
    const more = r.findings.length > 1 ? ` ${c.dim(text(lang, 'report.more-findings', { count: r.findings.length - 1 }))}` : '';
    const reason = f ? `  → ${c.bold(f.ruleId)}${f.matched ? `: ${f.matched}` : ''} ${cite(f.source)}${more}` : '';
    return `${word(r.verdict)}  ${shipment(r)}${reason}${nexusTag(r.nexus)}`;
  };

  const explainedBlock = (r: RowRecord): string => {
    const lines = [`${word(r.verdict)}  ${shipment(r)}${nexusTag(r.nexus)}`];
    for (const f of r.findings) {
      const evidence = f.evidence.length ? ` ${c.dim('[')}${f.evidence.join('; ')}${c.dim(']')}` : '';
      lines.push(`    ${word(f.verdict)} ${c.bold(f.ruleId)}: ${f.message}${evidence} ${cite(f.source)}`);
      for (const m of f.marks) lines.push(`      ${c.green(`↳ ${m}`)}`);
    }
    for (const n of r.notes) lines.push(`    ${c.dim(text(lang, 'report.note', { text: n }))}`);
    return lines.join('\n');
  };

  const closing = (summary: Summary, outcome: RunOutcome): string[] => {
    const gate = gateText(outcome.gate, summary.rejected, lang);
    return [c.bold(countsText(summary, lang)), outcome.gate.failed || summary.rejected > 0 ? c.bold.red(gate) : c.green(gate)];
  };

  return {
    needsClearRows: all,
    begin(info) {
      run = info;
    },
    result(r) {
      if (r.verdict === 'clear' && !all) return;
      const s = spoolOf(order === 'input' ? 'input' : groupOf(r));
      s.rows++;
      s.spool.append(`${JSON.stringify(record(r, lang, explain))}\n`);
    },
    error(e) {
      errors.push(e);
    },
    end(summary: Summary, inputs: InputInfo[], outcome: RunOutcome) {
      const out: string[] = [];
      if (run) {
        const dataAsOf = run.ruleDataAsOf;
        const files = inputs.map((i) => `${visible(i.path)} (${i.encoding})`).join(', ');
        out.push(c.dim(text(lang, 'report.header', { version: run.tool.version, asOf: run.asOf, shipDates: run.options.shipDates === true, packs: run.rulePacks.length, dataAsOf, inputs: files })));
        const config = configLine(run, lang);
        if (config) out.push(c.dim(visible(config)));
      }
      for (const w of outcome.warnings) {
        const ack = acknowledgedText(w, lang);
        if (ack) out.push(c.dim(visible(ack)));
      }
      out.push(...closing(summary, outcome));
      if (!quiet) for (const w of outcome.warnings) if (!w.acknowledged) out.push(c.yellow(visible(warningText(w, lang))));
      out.push(...encodingNotes(inputs).map((n) => c.yellow(visible(n))));
      if (!explain && spools.size > 0) out.push(c.dim(text(lang, 'report.explain-hint')));
      write(`${out.join('\n')}\n`);

      const keys = order === 'input' ? (['input'] as const) : GROUPS;
      for (const key of keys) {
        const s = spools.get(key);
        if (!s) continue;
        const heading = text(lang, 'group.heading', { group: text(lang, `group.${key}`), count: s.rows });
        write(`\n${key === 'input' || key === 'nexus' ? c.bold.magenta(heading) : style[key](heading)}\n`);
        s.spool.drainLines((line) => {
          const r = JSON.parse(line) as RowRecord;
          write(`${explain ? explainedBlock(r) : compactLine(r)}\n`);
        });
      }
      const tail: string[] = [];
      if (errors.length > 0) {
        tail.push('', c.bold.red(text(lang, 'report.rejected', { count: errors.length })));
        for (const e of errors) tail.push(`${visible(e.input)}:${e.line}  ${visible(e.message)}`);
      }
      if (sources.size > 0) {
        tail.push('', c.bold(text(lang, 'report.sources')));
        for (const [source, n] of sources) tail.push(`${c.dim(`[${n}]`)} ${source}`);
      }
      tail.push('', ...closing(summary, outcome));
      write(`${tail.join('\n')}\n`);
    },
  };
}
