/** Wires commander to the commands. No screening logic lives here. */
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { parseAsOf, todayInBeijing } from './calendar.js';
import { addHelp } from './cli-help.js';
import { UserError } from './errors.js';
import { CANONICAL_COLUMNS, type CanonicalColumn } from './model/row.js';
import { EXIT, type FailOn } from './model/verdict.js';
import { FORMATS, parseFormat, parseOutput } from './report/index.js';
import { TerminalProgress } from './run/progress.js';
import { VERSION } from './version.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

// Commands are imported when they run, so that --version and --help load no rules, zod or csv-parse.
const rulesCommands = () => import('./commands/rules.js');

function parseMap(entries: string[]): Partial<Record<CanonicalColumn, string>> {
  const map: Partial<Record<CanonicalColumn, string>> = {};
  for (const entry of entries) {
    const at = entry.indexOf('=');
    const column = entry.slice(0, at).trim() as CanonicalColumn;
    if (at < 1 || !CANONICAL_COLUMNS.includes(column)) {
      throw new UserError(`--map: "${entry}" must be canonical=Header with canonical one of ${CANONICAL_COLUMNS.join(', ')}`);
    }
    map[column] = entry.slice(at + 1);
  }
  return map;
}

function parseDelimiter(value: string): string {
  const named: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t', pipe: '|' };
  const d = named[value.toLowerCase()] ?? value;
  if (d.length !== 1) throw new UserError(`--delimiter: "${value}" must be one character, or comma, semicolon, tab or pipe`);
  return d;
}

function parseWorkers(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('a whole number from 1 to 64');
  return n;
}

function parseThreshold(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new InvalidArgumentError('a number between 0 and 1');
  return n;
}

/** Colour only for a terminal, never with NO_COLOR or --no-color. */
function useColor(flag: boolean): boolean {
  return flag && process.stdout.isTTY === true && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '');
}

/**
 * Standard output as the reports see it. A reader that went away (`| head`, EPIPE) is not an
 * error: what follows is dropped, the run goes on to complete its --output files and chooses its
 * exit code as it would have. Any other failure to write (`> /dev/full`) is a user error.
 */
const stdout = { closed: false, failed: undefined as string | undefined };
const writeFailed = (e: NodeJS.ErrnoException): void => {
  if (e.code === 'EPIPE') stdout.closed = true;
  else stdout.failed ??= e.code ?? e.message;
};
const checkStdout = (): void => {
  if (stdout.failed) throw new UserError(`cannot write standard output (${stdout.failed})`);
};
const write = (text: string): void => {
  checkStdout();
  if (stdout.closed) return;
  try {
    process.stdout.write(text);
  } catch (e) {
    writeFailed(e as NodeJS.ErrnoException);
    checkStdout();
  }
};
const drained = (): Promise<void> | undefined => {
  if (stdout.closed || !process.stdout.writableNeedDrain) return undefined;
  // an error (EPIPE) ends the wait too: it is handled by writeFailed
  return new Promise((done) => {
    for (const event of ['drain', 'close', 'error']) process.stdout.once(event, () => done());
  });
};
/** Resolves once what was written has left (or could not). */
const flushed = (): Promise<void> =>
  stdout.closed || stdout.failed ? Promise.resolve() : new Promise((done) => process.stdout.write('', () => done()));
const warn = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('dualscreen')
    .description("Screen shipment manifests against China's dual-use export controls, the Japan ban and the entity lists")
    .version(VERSION, '-v, --version')
    .option('--debug', 'show stack traces of internal errors')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  const screenCommand = program
    .command('screen')
    .description('screen CSV manifests and .xlsx/.xlsm workbooks (use - for standard input) and print the lines that need attention')
    .argument('<files...>', 'CSV manifests, or - for standard input')
    .option('--output <format=path>', 'also write the report in this format to this file (repeatable), e.g. sarif=dualscreen.sarif', collect)
    .option('-a, --all', 'also list the clear rows', false)
    .option('--encoding <name>', 'utf-8, utf-16le, utf-16be, shift_jis (cp932) or gb18030 (default: detected)')
    .option('--delimiter <char>', 'comma, semicolon, tab, pipe or one character (default: detected)')
    .option('--map <canonical=Header>', 'use this header for a canonical column (repeatable)', collect)
    .option('--baseline <report.json>', 'an earlier JSON report: only findings not in it count for --fail-on')
    .option('--waivers <file>', 'YAML file of approved, expiring exceptions: waived findings are reported but do not count')
    .option('--licenses <file>', 'licence register (CSV or YAML): findings a licence covers do not count for --fail-on license (also --licences)')
    .option('--config <path>', 'config file (default: the first .dualscreen.yaml from the working directory up to the repository root)')
    .option('--workers <n>', 'worker threads for files over 8 MB when the report lists flagged rows only (default: one per core; 1 = none)', parseWorkers, availableParallelism())
    .option('-q, --quiet', 'no progress line on stderr')
    .action(async (files: string[], flags: Record<string, unknown>, cmd: Command) => {
      const { options: o, config } = (await import('./config/load.js')).withConfig(flags, (name) => cmd.getOptionValueSource(name));
      if ((o.partyReview as number) > (o.partyBlock as number)) throw new UserError('--party-review must not exceed --party-block');
      const inputs = inputOptionValues(o, config.path === null ? {} : config.changed, (name) => cmd.getOptionValueSource(name));
      const { runScreen } = await import('./commands/screen.js');
      const { parseEncodingOption } = await import('./manifest/encoding.js');
      const code = await runScreen({
        files,
        format: parseFormat(String(o.format)),
        outputs: ((o.output as string[] | undefined) ?? []).map(parseOutput),
        all: Boolean(o.all),
        failOn: parseFailOn(String(o.failOn)),
        asOf: o.asOf ? parseAsOf(String(o.asOf)) : todayInBeijing(),
        rules: await rulesFrom(o),
        encoding: o.encoding ? parseEncodingOption(String(o.encoding)) : undefined,
        delimiter: o.delimiter ? parseDelimiter(String(o.delimiter)) : undefined,
        map: parseMap((o.map as string[] | undefined) ?? []),
        hsScheme: o.hsScheme as 'cn' | 'intl',
        partyThresholds: { block: o.partyBlock as number, review: o.partyReview as number },
        baseline: o.baseline as string | undefined,
        waivers: o.waivers as string | undefined,
        ...inputs,
        config,
        workers: o.workers as number,
        color: useColor(o.color !== false),
        write,
        drained,
        progress: process.stderr.isTTY && !o.quiet ? new TerminalProgress(process.stderr) : undefined,
        warn,
      });
      setExit(code);
    });

  for (const option of [...judgingOptions('a row'), ...inputOptions()]) screenCommand.addOption(option);

  const rules = program.command('rules').description('inspect and test the rule packs');
  rules
    .command('test')
    .description("run every pack's NAME.test.csv self-test manifest and count true/false positives and negatives")
    .argument('[paths...]', 'pack files or folders to test (default: all loaded packs)')
    .addOption(rulesOption())
    .addOption(noBundledRulesOption())
    .option('--no-color', 'no colours')
    .action(async (paths: string[], o: { rules?: string[]; bundledRules: boolean; color: boolean }) => {
      const { testRulePacks, printTestResults } = await rulesCommands();
      const results = await testRulePacks(await rulesFrom(o), paths);
      setExit(printTestResults(results, { write, color: useColor(o.color) }));
    });
  addRuleQueries(rules, setExit);
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

  addConsultantCommands(program, rules, setExit);
  addGatingCommands(program, setExit);
  addHelp(program);
  return program;
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

const asOfOrToday = (value: unknown): string => (value ? parseAsOf(String(value)) : todayInBeijing());
const asOfOption = (): Option => new Option('--as-of <date>', 'the day whose rules apply, YYYY-MM-DD (default: today in Beijing)');
/** How a line is judged and reported: the options `screen` and `check` share. */
function judgingOptions(subject: string): Option[] {
  return [
    new Option('-f, --format <format>', `output format: ${Object.keys(FORMATS).join(', ')}`).default('text'),
    new Option('--fail-on <verdict>', `exit 1 when ${subject} is at or above this verdict: prohibited, license (or licence), review or none`)
      .argParser(parseFailOn)
      .default('prohibited'),
    asOfOption(),
    rulesOption(),
    noBundledRulesOption(),
    new Option('--hs-scheme <scheme>', 'cn: Chinese 8/10-digit codes; intl: compare the first 6 digits only').choices(['cn', 'intl']).default('cn'),
    new Option('--party-block <score>', 'party-name score at or above which a party is the listed entry').argParser(parseThreshold).default(0.92),
    new Option('--party-review <score>', 'party-name score at or above which a possible match is reviewed').argParser(parseThreshold).default(0.8),
    new Option('--no-color', 'no colours (also NO_COLOR=1)'),
  ];
}

const textOrJson = (): Option => new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text');

/** lookup, check and rules diff: the questions a consultant asks between manifests. */
function addConsultantCommands(program: Command, rules: Command, setExit: (code: number) => void): void {
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
  for (const option of judgingOptions('the line')) check.addOption(option);
  check
    .action(async (o: Record<string, unknown>) => {
      if ((o.partyReview as number) > (o.partyBlock as number)) throw new UserError('--party-review must not exceed --party-block');
      const values: Partial<Record<CanonicalColumn, string>> = {};
      for (const [key, column] of columns) if (typeof o[key] === 'string') values[column] = o[key];
      const { runCheck } = await import('./commands/check.js');
      setExit(
        await runCheck({
          values,
          format: parseFormat(String(o.format)),
          failOn: parseFailOn(String(o.failOn)),
          asOf: asOfOrToday(o.asOf),
          rules: await rulesFrom(o),
          hsScheme: o.hsScheme as 'cn' | 'intl',
          partyThresholds: { block: o.partyBlock as number, review: o.partyReview as number },
          color: useColor(o.color !== false),
          write,
          warn,
        }),
      );
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

function parseDays(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError('a whole number of days');
  return n;
}

/** waivers lint and init: keeping the gating inputs in order. */
function addGatingCommands(program: Command, setExit: (code: number) => void): void {
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
    .option('--warn-days <n>', 'warn about waivers that expire within this many days', parseDays, 30)
    .option('--config <path>', 'config file whose rules to use (default: .dualscreen.yaml, if there is one)')
    .action(async (file: string, flags: Record<string, unknown>, cmd: Command) => {
      const { options: o } = (await import('./config/load.js')).withConfig(flags, (name) => cmd.getOptionValueSource(name));
      const { lintWaivers } = await import('./commands/waivers.js');
      const rules = await rulesFrom(o);
      setExit(lintWaivers({ file, rules, report: o.report as string | undefined, asOf: asOfOrToday(o.asOf), warnDays: o.warnDays as number, write }));
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
const rulesOption = (): Option => new Option('-r, --rules <path>', 'rule pack file or folder, screened beside the bundled packs (repeatable)').argParser(collect);
const noBundledRulesOption = (): Option => new Option('--no-bundled-rules', 'leave the bundled rule packs out: screen with the -r packs only');

/** The rule paths to load: undefined for the bundled packs alone. */
async function rulesFrom(o: Record<string, unknown>): Promise<string[] | undefined> {
  const own = (o.rules as string[] | undefined) ?? [];
  if (o.bundledRules === false) {
    if (own.length === 0) throw new UserError('--no-bundled-rules needs rule packs of your own: -r PATH');
    return own;
  }
  // imported here, so that --version and --help load nothing of the rules
  return own.length === 0 ? undefined : [(await import('./rules/files.js')).DEFAULT_RULES_DIR, ...own];
}

const FAIL_ON: Record<string, FailOn> = { prohibited: 'prohibited', license: 'license', licence: 'license', review: 'review', none: 'none' };

/** `--fail-on` (and the config's fail-on): licence as well as license. */
function parseFailOn(value: string): FailOn {
  const v = FAIL_ON[value.trim().toLowerCase()];
  if (!v) throw new InvalidArgumentError('prohibited, license (or licence), review or none');
  return v;
}

/** Workbook sheet, composite line ids and the other spelling of --licenses. */
function inputOptions(): Option[] {
  return [
    new Option('--sheet <name|n>', 'the sheet of an .xlsx/.xlsm workbook to screen, by name or 1-based position (default: the first)'),
    new Option('--line-id <columns>', 'columns whose cells, joined with /, are each row\'s line id, e.g. 单据编号,行号 (for line numbers that restart per order)'),
    new Option('--licences <file>', 'the licence register (the same as --licenses)').hideHelp(),
  ];
}

/** The screen options of inputOptions, with the config's values where no flag was given. */
function inputOptionValues(
  o: Record<string, unknown>,
  configChanged: Record<string, unknown>,
  source: (name: string) => string | undefined,
): { licenses?: string; lineId?: string[]; sheet?: string; hsSchemeChosen: boolean } {
  const typed = (name: string): boolean => source(name) === 'cli';
  if (typed('licences') && typed('licenses') && o.licences !== o.licenses) throw new UserError('--licences and --licenses name two registers: give one');
  const lineId = o.lineId === undefined ? undefined : (Array.isArray(o.lineId) ? (o.lineId as unknown[]).map(String) : String(o.lineId).split(/[,，、]/)).map((c) => c.trim()).filter((c) => c !== '');
  if (lineId !== undefined && lineId.length === 0) throw new UserError('--line-id: name one or more columns, e.g. --line-id 单据编号,行号');
  return {
    licenses: (typed('licences') ? o.licences : (o.licenses ?? o.licences)) as string | undefined,
    ...(lineId ? { lineId } : {}),
    ...(o.sheet !== undefined ? { sheet: String(o.sheet) } : {}),
    hsSchemeChosen: typed('hsScheme') || 'hs-scheme' in configChanged,
  };
}

/** `rules list` and `rules show`. */
function addRuleQueries(rules: Command, setExit: (code: number) => void): void {
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
    .action(async (o: Record<string, unknown>) => {
      const { listRules } = await query();
      const filters = { pack: o.pack as string | undefined, kind: o.kind as 'items' | undefined, category: o.category as string | undefined, text: o.text as string | undefined };
      setExit(listRules({ rules: await rulesFrom(o), asOf: asOfOrToday(o.asOf), format: o.format as 'text' | 'json', write }, filters));
    });
  rules
    .command('show')
    .description("print a pack, item, measure or party, the items of a control code, or one of dualscreen's own rules, with its sources")
    .argument('<query>', 'an id (cn.dual-use.1C902.b), a control code (1C902.b) or a rule id (dualscreen.data.unclassified-sensitive)')
    .addOption(asOfOption())
    .addOption(textOrJson())
    .addOption(rulesOption())
    .addOption(noBundledRulesOption())
    .action(async (q: string, o: Record<string, unknown>) => {
      const { showRule } = await query();
      setExit(showRule({ rules: await rulesFrom(o), asOf: asOfOrToday(o.asOf), format: o.format as 'text' | 'json', write }, q));
    });
}

/** Runs the CLI and returns the exit code; user mistakes are one line on stderr. */
export async function main(argv: string[]): Promise<number> {
  let exitCode: number = EXIT.ok;
  process.stdout.on('error', writeFailed);
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv);
    await flushed();
    checkStdout();
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (e instanceof UserError) {
      process.stderr.write(`dualscreen: ${e.message}\n`);
      return EXIT.usage;
    }
    if (argv.includes('--debug')) throw e;
    process.stderr.write(`dualscreen: internal error: ${(e as Error).message} (run with --debug for details)\n`);
    return EXIT.internal;
  }
}
