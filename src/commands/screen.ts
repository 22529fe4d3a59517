/** `dualscreen screen`: read manifests, screen every row, report, and choose the exit code. */
import { compileRuleSet, type RuleSet } from '../engine/compile.js';
import { ruleDataWarnings, WarningCollector } from '../engine/warnings.js';
import { createGate, gateFileRefs, loadGateInputs, type GateInputs } from '../gate/gate.js';
import { columnWarnings } from '../manifest/coverage.js';
import type { PartyThresholds } from '../match/party-index.js';
import type { Lang } from '../model/message.js';
import type { Result } from '../model/result.js';
import type { CanonicalColumn, HsScheme } from '../model/row.js';
import { type Acknowledgement, type Encoding } from '../model/run.js';
import type { FailOn } from '../model/verdict.js';
import { createReporter, fanOut, type Format, type OutputTarget } from '../report/index.js';
import { TextBatch } from '../report/batch.js';
import { GateCollector } from '../report/outcome.js';
import { openOutputs, type OutputFile } from '../report/outputs.js';
import { encodingNotes } from '../report/text.js';
import type { Order } from '../report/triage.js';
import type { ConfigRecord, InputInfo, ReporterOptions, Summary } from '../report/types.js';
import { warningText } from '../report/words.js';
import { loadRulePacksQuickly } from '../rules/cached.js';
import type { ProgressSink } from '../run/progress.js';
import { runInfo } from '../run/run-info.js';
import { cappedWorkers, DEFAULT_CHUNK_BYTES, DEFAULT_MIN_PARALLEL_BYTES, screenManifests } from '../run/screen-stream.js';


export interface ScreenCommandOptions {
  files: string[];
  format: Format;
  /** --output FORMAT=PATH: more reports of the same run, each in its own file. */
  outputs?: OutputTarget[];
  all: boolean;
  failOn: FailOn;
  asOf: string;
  rules?: string[];
  encoding?: Encoding;
  delimiter?: string;
  map: Partial<Record<CanonicalColumn, string>>;
  /** --line-id: the columns whose cells, joined, are each row's line id. */
  lineId?: string[];
  hsScheme: HsScheme;
  /** The user chose the HS scheme: a header (HTS, 統計品目番号) does not change it. */
  hsSchemeChosen?: boolean;
  /** --sheet: a workbook's sheet by name or 1-based position. */
  sheet?: string;
  partyThresholds?: PartyThresholds;
  /** Gating: an earlier JSON report, a waivers file, a licence register. */
  baseline?: string;
  waivers?: string;
  licences?: string;
  /** The config file the options came from and what it changed, or where none was found: for the audit record. */
  config?: ConfigRecord;
  /** How the reports read: --lang, --explain, --order, --max-annotations, --quiet. */
  lang?: Lang;
  explain?: boolean;
  order?: Order;
  maxAnnotations?: number;
  quiet?: boolean;
  /** Rule-data warnings acknowledged in the config file, each until a date. */
  acknowledge?: Acknowledgement[];
  /** Worker threads for large files (1: screen in this thread). */
  workers: number;
  color: boolean;
  write: (text: string) => void;
  /** Resolves when the output can take more (a slow pipe); undefined when it can now. */
  drained?: () => Promise<void> | undefined;
  /** A progress line for long runs (a terminal's stderr), or nothing. */
  progress?: ProgressSink;
  warn: (text: string) => void;
}

export async function runScreen(o: ScreenCommandOptions): Promise<number> {
  const packs = await loadRulePacksQuickly(o.rules);
  const ruleSet = compileRuleSet(packs, { partyThresholds: o.partyThresholds });
  const gateInputs = loadGateInputs(o);
  const unused = gateInputs.licences?.otherColumns ?? [];
  if (unused.length) o.warn(`note: ${gateInputs.licences!.ref.path}: columns kept with each licence but not used: ${unused.map((c) => `"${c}"`).join(', ')}`);
  const gate = createGate(gateInputs, ruleSet, o.asOf);
  const files = openOutputs(o.outputs ?? [], [...o.files, ...[o.baseline, o.waivers, o.licences, o.config?.path ?? undefined].filter((p): p is string => p !== undefined)]);
  // one write per 64 KB of report, not one per row: a write is a system call when standard output is a file
  const terminal = new TextBatch(o.write);
  try {
    return await screenAndReport(o, terminal, ruleSet, gate, gateInputs, files);
  } catch (e) {
    for (const f of files) f.abort();
    throw e;
  } finally {
    terminal.flush();
  }
}

async function screenAndReport(
  o: ScreenCommandOptions,
  terminal: TextBatch,
  ruleSet: RuleSet,
  gate: (result: Result) => Result,
  gateInputs: GateInputs,
  files: OutputFile[],
): Promise<number> {
  const run = runInfo(ruleSet, o.asOf, {
    failOn: o.failOn,
    all: o.all,
    hsScheme: o.hsScheme,
    encoding: o.encoding ?? 'auto',
    delimiter: o.delimiter ?? 'auto',
    map: o.map,
    partyThresholds: ruleSet.parties.thresholds,
    rules: o.rules ?? 'default',
    ...gateFileRefs(gateInputs),
    config: o.config ?? null,
  }, o.files);
  const warnings = new WarningCollector(ruleDataWarnings(ruleSet, o.asOf), o.acknowledge, o.asOf);
  const gating = new GateCollector(o.failOn);

  const options: Omit<ReporterOptions, 'write' | 'color'> = {
    all: o.all,
    failOn: o.failOn,
    lang: o.lang,
    explain: o.explain,
    order: o.order,
    maxAnnotations: o.maxAnnotations,
    quiet: o.quiet,
  };
  const reporter = fanOut([
    createReporter(o.format, { ...options, color: o.color, write: terminal.write }),
    ...files.map((f) => createReporter(f.target.format, { ...options, color: false, write: f.write })),
  ]);
  reporter.begin(run);

  const summary: Summary = { rows: 0, rejected: 0, prohibited: 0, license: 0, review: 0, clear: 0 };
  const inputs: InputInfo[] = [];
  const read = { encoding: o.encoding, delimiter: o.delimiter, map: o.map, hsScheme: o.hsScheme, lineId: o.lineId, hsSchemeChosen: o.hsSchemeChosen, sheet: o.sheet };
  const parallel = {
    // a report of every row (csv, junit, html, --all) is bound by this thread's writing, not by
    // screening: measured, one thread is as fast and uses half the memory
    // never more workers than cores: more only add memory and contention
    workers: reporter.needsClearRows === false ? cappedWorkers(o.workers) : 1,
    setup: {
      rules: o.rules,
      partyThresholds: o.partyThresholds,
      read: { map: o.map, hsScheme: o.hsScheme, lineId: o.lineId, hsSchemeChosen: o.hsSchemeChosen },
      asOf: o.asOf,
    },
    // the environment can shrink both, so tests split small files into many chunks
    minBytes: Number(process.env.DUALSCREEN_PARALLEL_MIN_BYTES) || DEFAULT_MIN_PARALLEL_BYTES,
    chunkBytes: Number(process.env.DUALSCREEN_CHUNK_BYTES) || DEFAULT_CHUNK_BYTES,
  };
  for await (const event of screenManifests(o.files, read, ruleSet, o.asOf, parallel, o.progress)) {
    if (event.kind === 'result' || event.kind === 'error') o.progress?.row();
    if (event.kind === 'clear') {
      summary.clear += event.count;
      for (let i = 0; i < event.count; i++) o.progress?.row();
    } else if (event.kind === 'header') {
      for (const w of columnWarnings(event.header.path, event.header.headers, event.header.mapping)) o.warn(w);
      reporter.header?.(event.header);
    } else if (event.kind === 'error') {
      reporter.error(event.error);
    } else if (event.kind === 'input') {
      inputs.push(event.input);
      if (o.format !== 'text') for (const note of encodingNotes([event.input])) o.warn(note);
      summary.rows += event.input.rows;
      summary.rejected += event.input.rejected;
    } else {
      const result = gate(event.result);
      summary[result.verdict]++;
      gating.add(result);
      warnings.add(result);
      reporter.result(result);
      const waiting = o.drained?.();
      if (waiting) await waiting;
    }
  }
  o.progress?.done();
  const outcome = { gate: gating.gate(), warnings: warnings.warnings() };
  // the text report shows them itself; --quiet and acknowledgements silence them on the terminal
  if (o.format !== 'text' && !o.quiet) for (const w of outcome.warnings) if (!w.acknowledged) o.warn(warningText(w, o.lang ?? 'en'));
  reporter.end(summary, inputs, outcome);
  for (const f of files) f.close();
  if (summary.rejected > 0) {
    o.warn(`error: ${summary.rejected} line(s) could not be read; see the report`);
    return 2;
  }
  return outcome.gate.failed ? 1 : 0;
}
