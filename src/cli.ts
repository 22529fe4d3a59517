/** Wires commander to the commands. No screening logic lives here. */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { parseAsOf, todayInBeijing } from './calendar.js';
import { addHelp } from './cli-help.js';
import { cliOutput, processStreams, type CliOutput, type Streams } from './cli-output.js';
import { AS_OF, BUNDLED_RULES, CHECK_OPTIONS, optionValues, RULES, SCREEN_OPTIONS, SCREEN_SETTINGS, type OptionDefinition } from './config/options.js';
import type { PartyThresholds } from './match/party-index.js';
import { UserError } from './model/errors.js';
import type { CanonicalColumn } from './model/row.js';
import { EXIT } from './model/verdict.js';
import { TerminalProgress } from './run/progress.js';
import { VERSION } from './version.js';

// Commands are imported when they run, so that --version and --help load no rules, zod or csv-parse.
const rulesCommands = () => import('./commands/rules.js');

/** The commander option of a definition (config/options.ts). */
function commanderOption(d: OptionDefinition<unknown>): Option {
  const option = new Option(d.flags, d.description);
  if (d.choices) option.choices(d.choices.map(String));
  const parse = d.parse?.bind(d);
  if (parse) option.argParser((text: string, previous: unknown) => parse(text, previous));
  // a --no-x flag is true unless given; commander would print the default
  if (d.default !== undefined && !option.negate) option.default(d.default);
  if (d.hidden) option.hideHelp();
  return option;
}

function addOptions(command: Command, definitions: Record<string, OptionDefinition<unknown>>): void {
  for (const d of Object.values(definitions)) command.addOption(commanderOption(d));
}

/** The party-name thresholds of --party-block and --party-review. */
function partyThresholds(o: { partyBlock: number; partyReview: number }): PartyThresholds {
  if (o.partyReview > o.partyBlock) throw new UserError('--party-review must not exceed --party-block');
  return { block: o.partyBlock, review: o.partyReview };
}

export function buildProgram(setExit: (code: number) => void, out: CliOutput): Command {
  const { write, warn } = out;
  const program = new Command('dualscreen')
    .description("Screen shipment manifests against China's dual-use export controls, the Japan ban and the entity lists")
    .version(VERSION, '-v, --version')
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.streams.stdout.write(s), writeErr: (s) => out.streams.stderr.write(s) });

  const screenCommand = program
    .command('screen')
    .description('screen CSV manifests and .xlsx/.xlsm workbooks (use - for standard input) and print the lines that need attention')
    .argument('<files...>', 'CSV manifests, or - for standard input')
    .action(async (files: string[], flags: Record<string, unknown>, cmd: Command) => {
      const { options, config } = await (await import('./config/find.js')).withConfig(flags, (name) => cmd.getOptionValueSource(name));
      const o = optionValues(SCREEN_SETTINGS, options);
      const thresholds = partyThresholds(o);
      const typed = (name: keyof typeof SCREEN_OPTIONS): boolean => cmd.getOptionValueSource(name) === 'cli';
      if (typed('licences') && typed('licenses') && o.licences !== o.licenses) throw new UserError('--licences and --licenses name two registers: give one');
      const { runScreen } = await import('./commands/screen.js');
      const { parseEncodingOption } = await import('./manifest/encoding.js');
      const code = await runScreen(
        {
          ...o,
          asOf: asOfOrToday(o.asOf),
          shipDates: o.shipDates ?? o.asOf === undefined,
          rules: await rulesFrom(o),
          encoding: o.encoding ? parseEncodingOption(o.encoding) : undefined,
          map: o.map ?? {},
          partyThresholds: thresholds,
          licences: typed('licences') ? o.licences : (o.licenses ?? o.licences),
          color: out.useColor(o.color),
        },
        {
          files,
          hsSchemeChosen: typed('hsScheme') || (config.path !== null && 'hs-scheme' in config.changed),
          config,
          write,
          drained: out.drained,
          // progress draws on this process's own terminal only
          progress: out.streams.stderr === process.stderr && process.stderr.isTTY && !o.quiet ? new TerminalProgress(process.stderr) : undefined,
          warn,
        },
      );
      setExit(code);
    });
  addOptions(screenCommand, SCREEN_OPTIONS);

  const rules = program.command('rules').description('inspect and test the rule packs');
  rules
    .command('test')
    .description("run every pack's NAME.test.csv self-test manifest and count true/false positives and negatives")
    .argument('[paths...]', 'pack files or folders to test (default: all loaded packs)')
    .addOption(rulesOption())
    .addOption(noBundledRulesOption())
    .option('--no-color', 'no colours')
    .option('--coverage', 'also list the item families that lack an English, Chinese or Japanese controlled row or a look-alike (clear !ITEM)')
    .action(async (paths: string[], o: { rules?: string[]; bundledRules: boolean; color: boolean; coverage?: boolean }) => {
      const { testRulePacks, printTestResults } = await rulesCommands();
      const tests = await testRulePacks(await rulesFrom(o), paths);
      setExit(printTestResults(tests, { write, color: out.useColor(o.color) }, o.coverage === true));
    });
  addRuleQueries(rules, setExit, out);
  rules
    .command('validate')
    .description('check rule packs against the schema; errors as file:line:col')
    .argument('[paths...]', 'pack files or folders (default: the bundled rules/)')
    .action(async (paths: string[]) => (await rulesCommands()).validateRules(paths.length ? paths : undefined, { write, color: false }));

  rules
    .command('new')
    .description('write a rule pack skeleton NAME.yaml and its self-test NAME.test.csv, for an announcement no release encodes yet')
    .argument('<name>', 'the pack id and file name, e.g. mofcom-2027-03')
    .option('--dir <folder>', 'folder to write into (default: the current folder)', '.')
    .action(async (name: string, o: { dir: string }) => setExit((await import('./commands/rules-new.js')).runRulesNew({ name, dir: o.dir, write })));

  rules
    .command('schema')
    .description('print the JSON Schema of rule packs (committed as rules/schema/rule-pack.schema.json)')
    .action(async () => write((await import('./rules/json-schema.js')).rulePackJsonSchema()));

  addConsultantCommands(program, rules, setExit, out);
  addGatingCommands(program, setExit, out);
  addHelp(program);
  return program;
}

/**
 * `-v` is --version for dualscreen itself and --explain after `screen` or `check`: commander would take it as
 * the program's option anywhere, so it is renamed before parsing.
 */
export function explainShortFlag(argv: string[]): string[] {
  const at = argv.findIndex((a, i) => i >= 2 && (a === 'screen' || a === 'check'));
  if (at < 0) return argv;
  const end = argv.indexOf('--', at);
  return argv.map((a, i) => (a === '-v' && i > at && (end < 0 || i < end) ? '--explain' : a));
}

/** `check` flags and the manifest columns they fill. */
const CHECK_FLAGS: [flags: string, column: CanonicalColumn, help: string][] = [
  ['--hs <code>', 'hs_code', 'HS code (any punctuation)'],
  ['--control-code <code>', 'control_code', 'export control code, e.g. 1C902.b'],
  ['--description <text>', 'description', 'goods description'],
  ['--cas <number>', 'cas_number', 'CAS number'],
  ['--to <country>', 'destination_country', 'destination country (ISO code or name)'],
  ['--consignee <name>', 'consignee', 'consignee'],
  ['--consignee-country <country>', 'consignee_country', "consignee's country"],
  ['--end-user <name>', 'end_user', 'end user'],
  ['--end-user-country <country>', 'end_user_country', "end user's country"],
  ['--end-use <text>', 'end_use', 'end use'],
  ['--origin <country>', 'origin_country', 'country of origin'],
  ['--export-from <country>', 'export_country', 'country of export'],
  ['--line-id <id>', 'line_id', 'a reference shown with the result'],
];

const asOfOrToday = (value: string | undefined): string => (value ? parseAsOf(value) : todayInBeijing());
const asOfOption = (): Option => commanderOption(AS_OF);

const textOrJson = (): Option => new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text');

/** lookup, check and rules diff: the questions a consultant asks between manifests. */
function addConsultantCommands(program: Command, rules: Command, setExit: (code: number) => void, { write, warn, useColor }: CliOutput): void {
  program
    .command('lookup')
    .description('what the rule packs say about an HS code, control code, CAS number, text or party name, and its status on a date')
    .argument('<query>', 'e.g. 2846.90.19.40, 1C902.b, 7440-55-3, "gallium nitride", 氧化钐, "IHI Aerospace"')
    .addOption(asOfOption())
    .addOption(rulesOption())
    .addOption(noBundledRulesOption())
    .addOption(textOrJson())
    .action(async (query: string, o: { asOf?: string; rules?: string[]; bundledRules: boolean; format: 'text' | 'json' }) => {
      const { runLookup } = await import('./commands/lookup.js');
      setExit(await runLookup({ query, asOf: asOfOrToday(o.asOf), rules: await rulesFrom(o), format: o.format, write }));
    });

  const check = program.command('check').description('judge one shipment line given as flags, exactly as screen judges a manifest row');
  const columns = new Map<string, CanonicalColumn>();
  for (const [flags, column, help] of CHECK_FLAGS) {
    const option = new Option(flags, help);
    columns.set(option.attributeName(), column);
    check.addOption(option);
  }
  addOptions(check, CHECK_OPTIONS);
  check
    .action(async (flags: Record<string, unknown>) => {
      const o = optionValues(CHECK_OPTIONS, flags);
      const values: Partial<Record<CanonicalColumn, string>> = {};
      for (const [key, column] of columns) {
        const value = flags[key];
        if (typeof value === 'string') values[column] = value;
      }
      const thresholds = partyThresholds(o);
      const { runCheck } = await import('./commands/check.js');
      setExit(
        await runCheck({
          values,
          format: o.format,
          failOn: o.failOn,
          asOf: asOfOrToday(o.asOf),
          rules: await rulesFrom(o),
          hsScheme: o.hsScheme,
          partyThresholds: thresholds,
          color: useColor(o.color),
          lang: o.lang,
          write,
          warn,
        }),
      );
    });

  program
    .command('serve')
    .description('keep the rules compiled in a resident process that answers check and lookup at once, until Ctrl-C')
    .option('--socket <path>', 'the socket to listen on (default: one per installation and user; DUALSCREEN_SOCKET sets it for clients too)')
    .option('--idle <minutes>', 'stop after this many minutes without a request (0: never)', wholeNumberOf('minutes'), 60)
    .option('--verbose', 'print one line per request answered on stderr', false)
    .action(async (o: { socket?: string; idle: number; verbose: boolean }) => {
      const { runServe } = await import('./serve/server.js');
      setExit(await runServe({ socket: o.socket, idleMinutes: o.idle, verbose: o.verbose, warn, run: main }));
    });

  rules
    .command('diff')
    .description('what changed between two rule pack versions (files or folders); with --manifest, which rows change verdict')
    .argument('<old>', 'the earlier rule packs: a file or folder')
    .argument('<new>', 'the later rule packs: a file or folder')
    .option('--manifest <file>', 'screen this manifest under both and list the rows whose verdict changes')
    .option('--fail-on-change', 'exit 1 when any row of --manifest changes verdict', false)
    .addOption(asOfOption())
    .addOption(textOrJson())
    .action(async (before: string, after: string, o: { manifest?: string; asOf?: string; format: 'text' | 'json'; failOnChange: boolean }) => {
      if (o.failOnChange && !o.manifest) throw new UserError('rules diff: --fail-on-change needs --manifest FILE');
      const { runDiff } = await import('./commands/diff.js');
      setExit(await runDiff({ old: before, new: after, manifest: o.manifest, asOf: asOfOrToday(o.asOf), format: o.format, failOnChange: o.failOnChange, write }));
    });
}

const wholeNumberOf =
  (unit: string) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`a whole number of ${unit}`);
    return n;
  };

/** waivers lint and init: keeping the gating inputs in order. */
function addGatingCommands(program: Command, setExit: (code: number) => void, { write }: CliOutput): void {
  program
    .command('waivers')
    .description('check waivers files')
    .command('lint')
    .description('check a waivers file: malformed entries, unknown rules, past or near expiry, waivers that matched nothing in a report')
    .argument('<file>', 'waivers YAML file')
    .addOption(rulesOption())
    .addOption(noBundledRulesOption())
    .option('--report <report.json>', "the last run's JSON report: a waiver that matches none of its findings is an error")
    .option('--as-of <date>', 'the day expiry dates are judged on, YYYY-MM-DD (default: today in Beijing)')
    .option('--warn-days <n>', 'warn about waivers that expire within this many days', wholeNumberOf('days'), 30)
    .option('--config <path>', 'config file whose rules to use (default: .dualscreen.yaml, if there is one)')
    .action(async (file: string, flags: { report?: string; asOf?: string; warnDays: number }, cmd: Command) => {
      const { options } = await (await import('./config/find.js')).withConfig(flags, (name) => cmd.getOptionValueSource(name));
      const { lintWaivers } = await import('./commands/waivers.js');
      const rules = await rulesFrom(optionValues({ rules: RULES, bundledRules: BUNDLED_RULES }, options));
      setExit(lintWaivers({ file, rules, report: flags.report, asOf: asOfOrToday(flags.asOf), warnDays: flags.warnDays, write }));
    });
  program
    .command('init')
    .description('write a commented .dualscreen.yaml in the working directory, with the column map of a sample manifest')
    .option('--manifest <sample>', 'a manifest (CSV or .xlsx) whose header gives the column map')
    .option('--force', 'overwrite an existing .dualscreen.yaml', false)
    .action(async (o: { manifest?: string; force: boolean }) => {
      const { runInit } = await import('./commands/init.js');
      setExit(await runInit({ manifest: o.manifest, force: o.force, write }));
    });
}


// ---------------------------------------------------------------------------------------------
// Manifests as they arrive and the conventions users expect (issue 14): rule paths, --fail-on,
// workbook and line-id options, the licence spellings, rules list/show, help examples.

/** -r adds packs to the bundled ones; --no-bundled-rules leaves the bundled ones out. */
const rulesOption = (): Option => commanderOption(RULES);
const noBundledRulesOption = (): Option => commanderOption(BUNDLED_RULES);

/** The rule paths to load: undefined for the bundled packs alone. */
async function rulesFrom(o: { rules?: string[]; bundledRules?: boolean }): Promise<string[] | undefined> {
  const own = o.rules ?? [];
  if (o.bundledRules === false) {
    if (own.length === 0) throw new UserError('--no-bundled-rules needs rule packs of your own: -r PATH');
    return own;
  }
  // imported here, so that --version and --help load nothing of the rules
  return own.length === 0 ? undefined : [(await import('./rules/files.js')).DEFAULT_RULES_DIR, ...own];
}

interface RuleQueryOptions {
  asOf?: string;
  format: 'text' | 'json';
  rules?: string[];
  bundledRules: boolean;
}

/** `rules list` and `rules show`. */
function addRuleQueries(rules: Command, setExit: (code: number) => void, { write }: CliOutput): void {
  const query = () => import('./commands/rules-query.js');
  rules
    .command('list')
    .description('list the packs, items, measures and parties with their status on a date, filtered by pack, kind, category and text')
    .option('--pack <id>', 'only this pack (its id, or the start of it: cn-catalogue)')
    .addOption(new Option('--kind <kind>', 'only items, measures or parties').choices(['items', 'measures', 'parties']))
    .option('--category <c>', "a category of the control list (0-9, the code's first digit), a family tag (rare-earth) or a party list (control, watch, unreliable)")
    .option('--text <words>', 'only entries whose id, code, titles, names or keywords hold all these words')
    .addOption(asOfOption())
    .addOption(textOrJson())
    .addOption(rulesOption())
    .addOption(noBundledRulesOption())
    .action(async (o: RuleQueryOptions & { pack?: string; kind?: 'items' | 'measures' | 'parties'; category?: string; text?: string }) => {
      const { listRules } = await query();
      const filters = { pack: o.pack, kind: o.kind, category: o.category, text: o.text };
      setExit(listRules({ rules: await rulesFrom(o), asOf: asOfOrToday(o.asOf), format: o.format, write }, filters));
    });
  rules
    .command('show')
    .description("print a pack, item, measure or party, the items of a control code, or one of dualscreen's own rules, with its sources")
    .argument('<query>', 'an id (cn.dual-use.1C902.b), a control code (1C902.b) or a rule id (dualscreen.data.unclassified-sensitive)')
    .addOption(asOfOption())
    .addOption(textOrJson())
    .addOption(rulesOption())
    .addOption(noBundledRulesOption())
    .action(async (q: string, o: RuleQueryOptions) => {
      const { showRule } = await query();
      setExit(showRule({ rules: await rulesFrom(o), asOf: asOfOrToday(o.asOf), format: o.format, write }, q));
    });
}

/** Runs the CLI and returns the exit code; user mistakes are one line on stderr. */
export async function main(argv: string[], streams: Streams = processStreams()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const out = cliOutput(streams);
  const program = buildProgram((code) => {
    exitCode = code;
  }, out);
  try {
    await program.parseAsync(explainShortFlag(argv));
    await out.flushed();
    out.checkStdout();
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof UserError) {
      streams.stderr.write(`dualscreen: ${e.message}\n`);
      return EXIT.usage;
    }
    if (argv.includes('--debug')) throw e;
    streams.stderr.write(`dualscreen: internal error: ${(e as Error).message} (run with --debug for details)\n`);
    return EXIT.internal;
  }
}
