/** `dualscreen screen`: read manifests, screen every row, report, and choose the exit code. */
import { auditRecord, SCREEN_OPTIONS, type OptionValues, type SCREEN_SETTINGS } from '../config/options.js';
import { compileRuleSet, type RuleSet } from '../engine/compile.js';
import { ruleDataWarnings, WarningCollector } from '../engine/warnings.js';
import { gateFileRefs, type GateInputs } from '../gate/inputs.js';
import { columnWarnings } from '../manifest/coverage.js';
import type { PartyThresholds } from '../match/party-index.js';
import type { Result } from '../model/result.js';
import type { CanonicalColumn } from '../model/row.js';
import type { Encoding } from '../model/run.js';
import { createReporter, fanOut } from '../report/index.js';
import { TextBatch } from '../report/batch.js';
import { GateCollector } from '../report/outcome.js';
import { openOutputs, type OutputFile } from '../report/outputs.js';
import { encodingNotes } from '../report/text.js';
import type { ConfigRecord, InputInfo, ReporterOptions, Summary } from '../report/types.js';
import { warningText } from '../report/words.js';
import { loadRulePacksQuickly } from '../rules/cached.js';
import type { ProgressSink } from '../run/progress.js';
import { runInfo } from '../run/run-info.js';
import { cappedWorkers, DEFAULT_CHUNK_BYTES, DEFAULT_MIN_PARALLEL_BYTES, screenManifests } from '../run/screen-stream.js';

/**
 * What `screen` is asked: its options and config settings (config/options.ts), typed by their definitions, as
 * cli.ts resolves them: --as-of or today, the rule paths to load (rulesFrom: undefined for the bundled packs
 * alone), the encoding read, colour for a terminal only, --licences and --licenses as one, the map ({} for none).
 */
export interface ScreenValues
  extends Omit<Settings, 'asOf' | 'shipDates' | 'encoding' | 'map' | 'bundledRules' | 'partyBlock' | 'partyReview' | 'licences' | 'licenses' | 'config'> {
  asOf: string;
  /** Rows are judged on their ship dates: --ship-dates, or no --as-of. */
  shipDates: boolean;
  encoding?: Encoding;
  map: Partial<Record<CanonicalColumn, string>>;
  /** --party-block and --party-review, checked. */
  partyThresholds: PartyThresholds;
  /** The licence register, by --licences or --licenses. */
  licences?: string;
}

type Settings = OptionValues<typeof SCREEN_SETTINGS>;

/** Waivers, licences and the baseline applied to a screened row (gate/gate.ts). */
type Gate = (result: Result) => Result;

/** Where `screen` runs: what it reads and where it writes, and what the command line tells beside the options. */
export interface ScreenRun {
  files: string[];
  /** The user chose the HS scheme (flag or config): a header (HTS, 統計品目番号) does not change it. */
  hsSchemeChosen?: boolean;
  /** The config file the options came from and what it changed, or where none was found: for the audit record. */
  config?: ConfigRecord;
  write: (text: string | Uint8Array) => void;
  /** Resolves when the output can take more (a slow pipe); undefined when it can now. */
  drained?: () => Promise<void> | undefined;
  /** A progress line for long runs (a terminal's stderr), or nothing. */
  progress?: ProgressSink;
  warn: (text: string) => void;
}

export async function runScreen(o: ScreenValues, run: ScreenRun): Promise<number> {
  const packs = await loadRulePacksQuickly(o.rules);
  const ruleSet = compileRuleSet(packs, { partyThresholds: o.partyThresholds });
  const { gateInputs, gate } = await openGate(o, ruleSet);
  const unused = gateInputs.licences?.otherColumns ?? [];
  if (unused.length) run.warn(`note: ${gateInputs.licences!.ref.path}: columns kept with each licence but not used: ${unused.map((c) => `"${c}"`).join(', ')}`);
  const files = openOutputs(o.output ?? [], [...run.files, ...[o.baseline, o.waivers, o.licences, run.config?.path ?? undefined].filter((p): p is string => p !== undefined)]);
  // one write per 64 KB of report, not one per row: a write is a system call when standard output is a file
  const terminal = new TextBatch(run.write);
  try {
    return await screenAndReport(o, run, terminal, ruleSet, gate, gateInputs, files);
  } catch (e) {
    for (const f of files) f.abort();
    throw e;
  } finally {
    terminal.flush();
  }
}

/** The gate files read, and the gate made from them; their readers load zod and the YAML parser, so only when a file is named. */
async function openGate(o: ScreenValues, ruleSet: RuleSet): Promise<{ gateInputs: GateInputs; gate?: Gate }> {
  if (o.baseline === undefined && o.waivers === undefined && o.licences === undefined) return { gateInputs: {} };
  const { createGate, loadGateInputs } = await import('../gate/gate.js');
  const gateInputs = loadGateInputs(o);
  return { gateInputs, gate: createGate(gateInputs, ruleSet, o.asOf) };
}

async function screenAndReport(
  o: ScreenValues,
  run: ScreenRun,
  terminal: TextBatch,
  ruleSet: RuleSet,
  gate: Gate | undefined,
  gateInputs: GateInputs,
  files: OutputFile[],
): Promise<number> {
  const audit = auditRecord(SCREEN_OPTIONS, o, { partyThresholds: ruleSet.partyThresholds, ...gateFileRefs(gateInputs), config: run.config ?? null });
  const info = runInfo(ruleSet, o.asOf, audit, run.files);
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
  const reporter = fanOut(
    await Promise.all([
      createReporter(o.format, { ...options, color: o.color, write: terminal.write }),
      ...files.map((f) => createReporter(f.target.format, { ...options, color: false, write: f.write })),
    ]),
  );
  reporter.begin(info);

  const summary: Summary = { rows: 0, rejected: 0, prohibited: 0, license: 0, review: 0, clear: 0 };
  const inputs: InputInfo[] = [];
  const headerOptions = { map: o.map, hsScheme: o.hsScheme, lineId: o.lineId, ignoreColumns: o.ignoreColumns, hsSchemeChosen: run.hsSchemeChosen };
  const read = { ...headerOptions, encoding: o.encoding, delimiter: o.delimiter, sheet: o.sheet };
  const parallel = {
    // a report of every row (csv, junit, html, --all) is bound by this thread's writing, not by
    // screening: measured, one thread is as fast and uses half the memory
    // never more workers than cores: more only add memory and contention
    workers: reporter.needsClearRows === false ? cappedWorkers(o.workers) : 1,
    setup: {
      rules: o.rules,
      partyThresholds: o.partyThresholds,
      read: headerOptions,
      asOf: o.asOf,
      shipDates: o.shipDates,
      catalogueText: o.lang !== 'en',
      // a gate file changes results after screening: then they come back as results
      ...(reporter.rowText && !gate ? { rowText: { format: reporter.rowText, failOn: o.failOn } } : {}),
    },
    // the environment can shrink both, so tests split small files into many chunks
    minBytes: Number(process.env.DUALSCREEN_PARALLEL_MIN_BYTES) || DEFAULT_MIN_PARALLEL_BYTES,
    chunkBytes: Number(process.env.DUALSCREEN_CHUNK_BYTES) || DEFAULT_CHUNK_BYTES,
  };
  for await (const event of screenManifests(run.files, read, ruleSet, { asOf: o.asOf, shipDates: o.shipDates }, { parallel, progress: run.progress, countClear: reporter.needsClearRows === false })) {
    if (event.kind === 'result' || event.kind === 'error') run.progress?.row();
    if (event.kind === 'clear') {
      summary.clear += event.count;
      for (let i = 0; i < event.count; i++) run.progress?.row();
    } else if (event.kind === 'header') {
      for (const w of columnWarnings(event.header.path, event.header.mapping)) run.warn(w);
      reporter.header?.(event.header);
    } else if (event.kind === 'error') {
      reporter.error(event.error);
    } else if (event.kind === 'rows') {
      reporter.rendered!(event.rows, event.rowOffset);
      for (let i = 0; i < event.rows.rows.length; i++) run.progress?.row();
      const waiting = run.drained?.();
      if (waiting) await waiting;
    } else if (event.kind === 'tally') {
      for (const v of ['prohibited', 'license', 'review'] as const) summary[v] += event.tally.verdicts[v];
      gating.merge(event.tally.gate);
      warnings.addRowCounts(event.tally.warningRows);
    } else if (event.kind === 'input') {
      inputs.push(event.input);
      if (o.format !== 'text') for (const note of encodingNotes([event.input])) run.warn(note);
      summary.rows += event.input.rows;
      summary.rejected += event.input.rejected;
    } else {
      const result = gate ? gate(event.result) : event.result;
      summary[result.verdict]++;
      gating.add(result);
      warnings.add(result);
      reporter.result(result);
      const waiting = run.drained?.();
      if (waiting) await waiting;
    }
  }
  run.progress?.done();
  const outcome = { gate: gating.gate(), warnings: warnings.warnings() };
  // the text report shows them itself; --quiet and acknowledgements silence them on the terminal
  if (o.format !== 'text' && !o.quiet) for (const w of outcome.warnings) if (!w.acknowledged) run.warn(warningText(w, o.lang ?? 'en'));
  reporter.end(summary, inputs, outcome);
  for (const f of files) f.close();
  if (summary.rejected > 0) {
    run.warn(`error: ${summary.rejected} line(s) could not be read; see the report`);
    return 2;
  }
  return outcome.gate.failed ? 1 : 0;
}
