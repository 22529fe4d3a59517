/** Wires commander to the commands. No screening logic lives here. */
import { once } from 'node:events';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { listRules, printTestResults, showRule, testRulePacks, validateRules } from './commands/rules.js';
import { runScreen, type FailOn } from './commands/screen.js';
import { parseAsOf, todayInBeijing } from './dates.js';
import { UserError } from './errors.js';
import { CANONICAL_COLUMNS, type CanonicalColumn } from './manifest/columns.js';
import { parseEncodingOption } from './manifest/encoding.js';
import { FORMATS, parseFormat } from './report/index.js';
import { rulePackJsonSchema } from './rules/json-schema.js';
import { VERSION } from './version.js';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

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

function parseThreshold(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new InvalidArgumentError('a number between 0 and 1');
  return n;
}

/** Colour only for a terminal, never with NO_COLOR or --no-color. */
function useColor(flag: boolean): boolean {
  return flag && process.stdout.isTTY === true && !('NO_COLOR' in process.env && process.env.NO_COLOR !== '');
}

const write = (text: string): void => {
  process.stdout.write(text);
};
const drained = (): Promise<void> | undefined =>
  process.stdout.writableNeedDrain ? once(process.stdout, 'drain').then(() => undefined) : undefined;
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

  program
    .command('screen')
    .description('screen CSV manifests (use - for standard input) and print the lines that need attention')
    .argument('<files...>', 'CSV manifests, or - for standard input')
    .addOption(new Option('-f, --format <format>', `output format: ${Object.keys(FORMATS).join(', ')}`).default('text'))
    .option('-a, --all', 'also list the clear rows', false)
    .addOption(new Option('--fail-on <verdict>', 'exit 1 when a row is at or above this verdict').choices(['prohibited', 'license', 'review', 'none']).default('prohibited'))
    .option('--as-of <date>', 'the day whose rules apply, YYYY-MM-DD (default: today in Beijing)')
    .option('-r, --rules <path>', 'rule pack file or folder (repeatable; default: the bundled rules/)', collect)
    .option('--encoding <name>', 'utf-8, utf-16le, utf-16be, shift_jis (cp932) or gb18030 (default: detected)')
    .option('--delimiter <char>', 'comma, semicolon, tab, pipe or one character (default: detected)')
    .option('--map <canonical=Header>', 'use this header for a canonical column (repeatable)', collect)
    .addOption(new Option('--hs-scheme <scheme>', 'cn: Chinese 8/10-digit codes; intl: compare the first 6 digits only').choices(['cn', 'intl']).default('cn'))
    .option('--party-block <score>', 'party-name score at or above which a party is the listed entry', parseThreshold, 0.92)
    .option('--party-review <score>', 'party-name score at or above which a possible match is reviewed', parseThreshold, 0.8)
    .option('--no-color', 'no colours (also NO_COLOR=1)')
    .action(async (files: string[], o: Record<string, unknown>) => {
      if ((o.partyReview as number) > (o.partyBlock as number)) throw new UserError('--party-review must not exceed --party-block');
      const code = await runScreen({
        files,
        format: parseFormat(String(o.format)),
        all: Boolean(o.all),
        failOn: o.failOn as FailOn,
        asOf: o.asOf ? parseAsOf(String(o.asOf)) : todayInBeijing(),
        rules: o.rules as string[] | undefined,
        encoding: o.encoding ? parseEncodingOption(String(o.encoding)) : undefined,
        delimiter: o.delimiter ? parseDelimiter(String(o.delimiter)) : undefined,
        map: parseMap((o.map as string[] | undefined) ?? []),
        hsScheme: o.hsScheme as 'cn' | 'intl',
        partyThresholds: { block: o.partyBlock as number, review: o.partyReview as number },
        color: useColor(o.color !== false),
        write,
        drained,
        warn,
      });
      setExit(code);
    });

  const rules = program.command('rules').description('inspect and test the rule packs');
  rules
    .command('test')
    .description("run every pack's NAME.test.csv self-test manifest and count true/false positives and negatives")
    .argument('[paths...]', 'pack files or folders to test (default: all loaded packs)')
    .option('-r, --rules <path>', 'rule packs to screen with (repeatable; default: the bundled rules/)', collect)
    .option('--no-color', 'no colours')
    .action(async (paths: string[], o: { rules?: string[]; color: boolean }) => {
      const results = await testRulePacks(o.rules, paths);
      setExit(printTestResults(results, { write, color: useColor(o.color) }));
    });
  rules
    .command('list')
    .description('list the packs, items, measures and parties with their status on a date')
    .option('-r, --rules <path>', 'rule pack file or folder (repeatable)', collect)
    .option('--as-of <date>', 'date for the status column (default: today in Beijing)')
    .action((o: { rules?: string[]; asOf?: string }) => {
      listRules(o.rules, o.asOf ? parseAsOf(o.asOf) : todayInBeijing(), { write, color: false });
    });
  rules
    .command('show')
    .description('print one pack, item, measure or party with its source and dates')
    .argument('<id>', 'an id from dualscreen rules list')
    .option('-r, --rules <path>', 'rule pack file or folder (repeatable)', collect)
    .action((id: string, o: { rules?: string[] }) => showRule(o.rules, id, { write, color: false }));
  rules
    .command('validate')
    .description('check rule packs against the schema; errors as file:line:col')
    .argument('[paths...]', 'pack files or folders (default: the bundled rules/)')
    .action((paths: string[]) => validateRules(paths.length ? paths : undefined, { write, color: false }));

  rules
    .command('schema')
    .description('print the JSON Schema of rule packs (committed as rules/schema/rule-pack.schema.json)')
    .action(() => write(rulePackJsonSchema()));

  return program;
}

/** Runs the CLI and returns the exit code; user mistakes are one line on stderr. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  // `dualscreen screen big.csv | head`: the reader went away, which is not an error
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(exitCode);
    throw e;
  });
  const program = buildProgram((code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv);
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof UserError) {
      process.stderr.write(`dualscreen: ${e.message}\n`);
      return 2;
    }
    if (argv.includes('--debug')) throw e;
    process.stderr.write(`dualscreen: internal error: ${(e as Error).message} (run with --debug for details)\n`);
    return 70;
  }
}
