/**
 * The options of `screen` (and those `check` shares), each defined once: its flag, description and default,
 * how the text after the flag is read, and, for what `.dualscreen.yaml` may set, its key there, how a value
 * there is checked and the lines `init` writes for it. The commander options (cli.ts), the config file's schema
 * (schema.ts), the `init` template (template.ts) and the typed values a command receives are made from these.
 *
 * Options that the audit record (every report's `options`) shows say how (`audit`); AUDIT_ORDER gives the record's
 * order and names the entries worked out from options rather than read from one (the party thresholds, the gate
 * files' hashes, the config file), and auditRecord builds it for `screen` and `check` alike.
 *
 * Plain data and small parsers only: `--version` and `--help` load this file and must not load zod, so a
 * definition holds a function that builds its config schema from the zod kit schema.ts hands it when a config
 * file is read. For the same reason the definitions are not a zod object per command: their types give the
 * values instead (`OptionValues`).
 */
import { availableParallelism } from 'node:os';
import { InvalidArgumentError } from 'commander';
import type { z } from 'zod';
import type { IsoDate, oneOrMany, Text } from '../gate/fields.js';
import { UserError } from '../model/errors.js';
import { LANGS } from '../model/message.js';
import { CANONICAL_COLUMNS, type CanonicalColumn, type HsScheme } from '../model/row.js';
import type { Acknowledgement } from '../model/run.js';
import type { FailOn } from '../model/verdict.js';
import { FORMAT_NAMES, isFormat, parseFormat, parseOutput, type Format, type OutputTarget } from '../report/formats.js';
import type { Order } from '../report/triage.js';

/** What schema.ts hands a definition to build its config schema with. */
export interface ConfigKit {
  z: typeof z;
  Text: typeof Text;
  oneOrMany: typeof oneOrMany;
  IsoDate: typeof IsoDate;
  /** A party-name score, above 0 and at most 1. */
  Score: z.ZodType<number>;
  isEncoding: (name: string) => boolean;
}

/** A setting of `.dualscreen.yaml`. */
export interface ConfigSetting<T> {
  /** Its key in the file (the option's long name). */
  key: string;
  /** Another spelling of the key, read as the same setting (licences: for licenses:). */
  also?: string;
  /** How a value in the file is checked and read. */
  value: (kit: ConfigKit) => z.ZodType<T>;
  /** The value is a path (or paths), relative to the file. */
  paths?: boolean;
  /** The value as the reports show what the file set, where not the value itself. */
  shown?(value: T): unknown;
  /** The lines `init` writes for it; a blank first line starts a paragraph. */
  template?: string[];
}

/** How the audit record shows an option, under the option's name: its value, or `unset` where it has none. */
export interface AuditShown {
  unset?: string;
}

export interface OptionDefinition<T> {
  flags: string;
  description: string;
  default?: T;
  choices?: readonly T[];
  /** Reads the text typed after the flag; a repeatable option gets its value so far. */
  parse?(text: string, previous: T | undefined): T;
  hidden?: boolean;
  config?: ConfigSetting<T>;
  /** The audit record shows the value (in AUDIT_ORDER's place); without it, only a value worked out from it can be shown. */
  audit?: AuditShown;
}

function define<T>(d: OptionDefinition<T> & { default: T }): OptionDefinition<T> & { default: T };
function define<T>(d: OptionDefinition<T>): OptionDefinition<T>;
function define<T>(d: OptionDefinition<T>): OptionDefinition<T> {
  return d;
}

/** A setting only the config file has. */
interface FileOnly<T> {
  config: ConfigSetting<T>;
}

/** The options of a set of definitions that have a default. */
type Defaulted<D> = { [K in keyof D]: D[K] extends { default: unknown } ? K : never }[keyof D];

/** The value types of a set of definitions: never undefined where there is a default, optional where there is none. */
export type OptionValues<D> = { [K in Defaulted<D>]: D[K] extends { default: infer T } ? T : never } & {
  [K in Exclude<keyof D, Defaulted<D>>]?: D[K] extends OptionDefinition<infer T> | FileOnly<infer T> ? T : never;
};

/**
 * The values commander holds (with the config file's merged under them), typed by their definitions: every
 * parser, choice list and config schema of a definition gives its type, which commander cannot know.
 */
export function optionValues<D>(_definitions: D, values: Record<string, unknown>): OptionValues<D> {
  return values as OptionValues<D>;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

const FAIL_ON: Record<string, FailOn> = { prohibited: 'prohibited', license: 'license', licence: 'license', review: 'review', none: 'none' };

/** `--fail-on` (and the config's fail-on): licence as well as license. */
function parseFailOn(value: string): FailOn {
  const v = FAIL_ON[value.trim().toLowerCase()];
  if (!v) throw new InvalidArgumentError('prohibited, license (or licence), review or none');
  return v;
}

function parseMapEntry(entry: string, previous: Partial<Record<CanonicalColumn, string>> = {}): Partial<Record<CanonicalColumn, string>> {
  const at = entry.indexOf('=');
  const column = CANONICAL_COLUMNS.find((c) => c === entry.slice(0, at).trim());
  if (at < 1 || column === undefined) throw new UserError(`--map: "${entry}" must be canonical=Header with canonical one of ${CANONICAL_COLUMNS.join(', ')}`);
  return { ...previous, [column]: entry.slice(at + 1) };
}

function parseDelimiter(value: string): string {
  const named: Record<string, string> = { comma: ',', semicolon: ';', tab: '\t', '\\t': '\t', pipe: '|' };
  const d = named[value.toLowerCase()] ?? value;
  if (d.length !== 1) throw new UserError(`--delimiter: "${value}" must be one character, or comma, semicolon, tab or pipe`);
  return d;
}

/** A whole number from 1 to `max`. */
const wholeNumber =
  (max: number) =>
  (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new InvalidArgumentError(`a whole number from 1 to ${max}`);
    return n;
  };

function parseThreshold(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new InvalidArgumentError('a number between 0 and 1');
  return n;
}

/** `单据编号,行号`: the columns joined into each row's line id. */
const splitColumns = (value: string): string[] => value.split(/[,，、]/).map((c) => c.trim());

/** A flag's list of columns, at least one. */
const columnList =
  (flag: string, example: string) =>
  (value: string): string[] => {
    const columns = splitColumns(value).filter((c) => c !== '');
    if (columns.length === 0) throw new UserError(`${flag}: name one or more columns, e.g. ${flag} ${example}`);
    return columns;
  };

/** A list of columns in the config file: a YAML list, or one text with commas as on the command line. */
const columnsInFile = ({ z: zod, oneOrMany: many, Text: t }: ConfigKit): z.ZodType<string[]> =>
  zod.preprocess((v) => (typeof v === 'string' ? splitColumns(v) : v), many(t));

const HS_SCHEMES = ['cn', 'intl'] as const satisfies readonly HsScheme[];
const ORDERS = ['triage', 'input'] as const satisfies readonly Order[];
const path = ({ Text: t }: ConfigKit) => t;

/** The day whose rules apply: also lookup's, rules list/show/diff's. */
export const AS_OF = define<string>({ flags: '--as-of <date>', description: 'the day whose rules apply, YYYY-MM-DD (default: today in Beijing)' });

/** -r adds packs to the bundled ones; --no-bundled-rules leaves the bundled ones out. */
export const RULES = define<string[]>({
  flags: '-r, --rules <path>',
  description: 'rule pack file or folder, screened beside the bundled packs (repeatable)',
  parse: collect,
  // the rule paths as rulesFrom (cli.ts) resolves them; 'default': the bundled packs alone
  audit: { unset: 'default' },
  config: {
    key: 'rules',
    value: ({ oneOrMany: many, Text: t }) => many(t),
    paths: true,
    template: ['', '# Your own rule packs, files or folders, screened beside the packs bundled with dualscreen;', '# bundled-rules: false screens with yours alone.', '# rules: [rules-local/]'],
  },
});

export const BUNDLED_RULES = define<boolean>({
  flags: '--no-bundled-rules',
  description: 'leave the bundled rule packs out: screen with the -r packs only',
  default: true,
  config: { key: 'bundled-rules', value: (k) => k.z.boolean(), template: ['# bundled-rules: true'] },
});

/** How a line is judged and reported: the options `screen` and `check` share. */
export function judgingOptions(subject: string) {
  return {
    format: define<Format>({
      flags: '-f, --format <format>',
      description: `output format: ${FORMAT_NAMES.join(', ')}`,
      default: 'text',
      parse: (v) => parseFormat(v),
      config: {
        key: 'format',
        value: ({ Text: t }) => t.refine(isFormat, `unknown format (use ${FORMAT_NAMES.join(', ')})`).transform((v) => parseFormat(v)),
        template: ['', `# Output format on standard output: ${FORMAT_NAMES.join(', ')}.`, '# format: text'],
      },
    }),
    failOn: define<FailOn>({
      flags: '--fail-on <verdict>',
      description: `exit 1 when ${subject} is at or above this verdict: prohibited, license (or licence), review or none`,
      default: 'prohibited',
      parse: parseFailOn,
      audit: {},
      config: {
        key: 'fail-on',
        // licence as well as license, everywhere a user types the word
        value: ({ z: zod }) => zod.preprocess((v) => (v === 'licence' ? 'license' : v), zod.enum(['prohibited', 'license', 'review', 'none'])),
        template: ['', '# Exit 1 when a row is at or above this verdict: prohibited, license (or licence), review or none.', 'fail-on: prohibited'],
      },
    }),
    asOf: AS_OF,
    rules: RULES,
    bundledRules: BUNDLED_RULES,
    hsScheme: define<HsScheme>({
      flags: '--hs-scheme <scheme>',
      description: 'cn: Chinese 8/10-digit codes; intl: compare the first 6 digits only',
      default: 'cn',
      choices: HS_SCHEMES,
      audit: {},
      config: {
        key: 'hs-scheme',
        value: ({ z: zod }) => zod.enum(HS_SCHEMES),
        template: ['', '# HS codes: cn (Chinese 8/10-digit codes) or intl (compare only the first 6 digits).', 'hs-scheme: cn'],
      },
    }),
    partyBlock: define<number>({
      flags: '--party-block <score>',
      description: 'party-name score at or above which a party is the listed entry',
      default: 0.92,
      parse: parseThreshold,
      config: { key: 'party-block', value: (k) => k.Score, template: ['', '# Party-name scores (0 to 1) for a blocking match to a listed party, and for review.', '# party-block: 0.92'] },
    }),
    partyReview: define<number>({
      flags: '--party-review <score>',
      description: 'party-name score at or above which a possible match is reviewed',
      default: 0.8,
      parse: parseThreshold,
      config: { key: 'party-review', value: (k) => k.Score, template: ['# party-review: 0.8'] },
    }),
    color: define<boolean>({ flags: '--no-color', description: 'no colours (also NO_COLOR=1)', default: true }),
    lang: define<(typeof LANGS)[number]>({
      flags: '--lang <lang>',
      description: 'language of text, markdown, html and the csv reasons: en, zh (简体中文) or ja (日本語); json, sarif and rule ids stay English',
      default: 'en',
      choices: LANGS,
      config: { key: 'lang', value: ({ z: zod }) => zod.enum(LANGS) },
    }),
  };
}

/** `check`'s options beside the shipment line's columns. */
export const CHECK_OPTIONS = judgingOptions('the line');

const { lang, ...judging } = judgingOptions('a row');

/**
 * Workers only from 4 cores. The main thread still cuts and reports the file and takes back each flagged row, and each
 * thread warms its own memos: measured on 2 cores (1,000,000 rows, 2026-12-05), two threads took 15.9-16.7 s and
 * 292-308 MB where this thread alone took 17.6-19.5 s and 178-217 MB.
 */
function defaultWorkers(cores = availableParallelism()): number {
  return cores >= 4 ? cores : 1;
}

/** `screen`'s options, in the order of its --help. */
export const SCREEN_OPTIONS = {
  output: define<OutputTarget[]>({
    flags: '--output <format=path>',
    description: 'also write the report in this format to this file (repeatable), e.g. sarif=dualscreen.sarif',
    parse: (v, previous = []) => [...previous, parseOutput(v)],
  }),
  all: define<boolean>({ flags: '-a, --all', description: 'also list the clear rows', default: false, audit: {}, config: { key: 'all', value: (k) => k.z.boolean() } }),
  shipDates: define<boolean>({
    flags: '--ship-dates',
    description: "judge each row on its ship date (a Ship Date, 出荷日 or 申报日期 column), as it is without --as-of; --as-of then dates the rows without one",
    audit: {},
    config: { key: 'ship-dates', value: (k) => k.z.boolean(), template: ['', '# Judge each row on the rules of its ship date column even when --as-of is given (without --as-of, rows are).', '# ship-dates: true'] },
  }),
  encoding: define<string>({
    flags: '--encoding <name>',
    description: 'utf-8, utf-16le, utf-16be, shift_jis (cp932), euc-jp or gb18030 (default: detected)',
    audit: { unset: 'auto' },
    config: { key: 'encoding', value: ({ Text: t, isEncoding }) => t.refine(isEncoding, 'unknown encoding (use utf-8, utf-16le, utf-16be, shift_jis/cp932, euc-jp or gb18030)') },
  }),
  delimiter: define<string>({
    flags: '--delimiter <char>',
    description: 'comma, semicolon, tab, pipe or one character (default: detected)',
    parse: parseDelimiter,
    audit: { unset: 'auto' },
    config: { key: 'delimiter', value: ({ Text: t }) => t.transform(parseDelimiter) },
  }),
  map: define<Partial<Record<CanonicalColumn, string>>>({
    flags: '--map <canonical=Header>',
    description: 'use this header for a canonical column (repeatable)',
    parse: parseMapEntry,
    // cli.ts gives {} when no column is mapped
    audit: {},
    config: {
      key: 'map',
      value: ({ z: zod, Text: t }) => zod.partialRecord(zod.enum(CANONICAL_COLUMNS), t),
      shown: (map) => Object.entries(map).map(([column, header]) => `${column}=${header}`),
      // its lines come from the sample manifest (template.ts)
    },
  }),
  baseline: define<string>({
    flags: '--baseline <report.json>',
    description: 'an earlier JSON report: only findings not in it count for --fail-on',
    config: { key: 'baseline', value: path, paths: true, template: ['# baseline: baseline.json'] },
  }),
  waivers: define<string>({
    flags: '--waivers <file>',
    description: 'YAML file of approved, expiring exceptions: waived findings are reported but do not count',
    config: {
      key: 'waivers',
      value: path,
      paths: true,
      template: ['', '# Gating: approved exceptions, the licence register (CSV or YAML; licenses: is the same key), an earlier JSON report whose', '# findings no longer fail the run.', '# waivers: waivers.yaml'],
    },
  }),
  licenses: define<string>({
    flags: '--licenses <file>',
    description: 'licence register (CSV or YAML): findings a licence covers do not count for --fail-on license (also --licences)',
    config: { key: 'licenses', also: 'licences', value: path, paths: true, template: ['# licences: licences.csv'] },
  }),
  config: define<string>({ flags: '--config <path>', description: 'config file (default: the first .dualscreen.yaml from the working directory up to the repository root)' }),
  workers: define<number>({
    flags: '--workers <n>',
    description: 'screening threads, this one included, for files over 8 MB when the report lists flagged rows only (default: one per core from 4 cores, else 1 = no worker)',
    parse: wholeNumber(64),
    default: defaultWorkers(),
  }),
  quiet: define<boolean>({ flags: '-q, --quiet', description: 'no progress line on stderr, and no rule-data warnings on the terminal (they stay in the report files)' }),
  ...judging,
  sheet: define<string>({
    flags: '--sheet <name|n>',
    description: 'the sheet of an .xlsx/.xlsm workbook to screen, by name or 1-based position (default: the first)',
    config: {
      key: 'sheet',
      value: ({ z: zod, Text: t }) => zod.union([t, zod.number().int().positive().transform(String)]),
      template: ['', '# The sheet of .xlsx workbooks, by name or position (default: the first visible worksheet).', '# sheet: Lines'],
    },
  }),
  lineId: define<string[]>({
    flags: '--line-id <columns>',
    description: "columns whose cells, joined with /, are each row's line id, e.g. 单据编号,行号 (for line numbers that restart per order)",
    parse: columnList('--line-id', '单据编号,行号'),
    config: {
      key: 'line-id',
      value: columnsInFile,
      template: ['', "# Line ids that restart per order: the columns joined into each row's line id (SO-0001/10).", '# line-id: [单据编号, 行号]'],
    },
  }),
  ignoreColumns: define<string[]>({
    flags: '--ignore-columns <columns>',
    description: "columns whose text is not read for listed parties (kept in the report), e.g. Manufacturer,Brand: a maker or a former owner is no party to the shipment",
    parse: columnList('--ignore-columns', 'Manufacturer,Brand'),
    config: {
      key: 'ignore-columns',
      value: columnsInFile,
      template: ['', '# Columns whose text is not read for listed parties (a remark is; a maker or former owner is no party to the shipment).', '# ignore-columns: [Manufacturer, Brand]'],
    },
  }),
  licences: define<string>({ flags: '--licences <file>', description: 'the licence register (the same as --licenses)', hidden: true }),
  explain: define<boolean>({
    flags: '-v, --explain',
    description: 'every finding of each row with its evidence and source, not one line per row (text)',
    config: { key: 'explain', value: (k) => k.z.boolean() },
  }),
  order: define<Order>({
    flags: '--order <order>',
    description: 'triage: prohibited, then military or listed-party nexus, then license, then review; input: file order',
    default: 'triage',
    choices: ORDERS,
    config: { key: 'order', value: ({ z: zod }) => zod.enum(ORDERS) },
  }),
  lang,
  maxAnnotations: define<number>({
    flags: '--max-annotations <n>',
    description: 'github format: annotations per level, the summary annotation included (GitHub shows about 10 per level)',
    parse: wholeNumber(1000),
    default: 10,
    config: { key: 'max-annotations', value: ({ z: zod }) => zod.number().int().min(1).max(1000) },
  }),
};

/** What `screen` reads from the flags and the config file. */
export const SCREEN_SETTINGS = {
  ...SCREEN_OPTIONS,
  /** Rule-data warnings acknowledged until a date (inclusive): not shown on the terminal, recorded in every report. */
  acknowledge: {
    config: { key: 'acknowledge', value: ({ z: zod, Text: t, IsoDate: date }) => zod.array(zod.object({ code: t, until: date, reason: t }).strict()) },
  } satisfies FileOnly<Acknowledgement[]>,
};

/** The order of the settings in `.dualscreen.yaml` and `init`'s template (a setting not named here comes last). */
const FILE_ORDER = [
  'rules',
  'bundledRules',
  'map',
  'lineId',
  'ignoreColumns',
  'sheet',
  'failOn',
  'hsScheme',
  'encoding',
  'delimiter',
  'waivers',
  'licenses',
  'baseline',
  'partyBlock',
  'partyReview',
  'format',
  'all',
  'explain',
  'order',
  'lang',
  'maxAnnotations',
  'acknowledge',
] as const satisfies readonly (keyof typeof SCREEN_SETTINGS)[];

/** A setting of the config file with the option it sets (by commander's attribute name). */
export type FileSetting = ConfigSetting<unknown> & { option: string };

export function configSettings(): FileSetting[] {
  const rank = (option: string): number => {
    const at = FILE_ORDER.findIndex((o) => o === option);
    return at < 0 ? FILE_ORDER.length : at;
  };
  return Object.entries(SCREEN_SETTINGS)
    .flatMap(([option, d]): FileSetting[] => ('config' in d && d.config ? [{ ...d.config, option }] : []))
    .sort((a, b) => rank(a.option) - rank(b.option));
}

/**
 * The keys of the audit record (every report's `options`), in its order. Each is an option whose definition has
 * `audit`, or a value worked out from the options that the command hands auditRecord: partyThresholds (from
 * --party-block and --party-review), baseline, waivers and licenses (each file's path and sha256, null when not
 * given), config (the config file and what it changed, or where none was found) and values (check's line).
 */
const AUDIT_ORDER = ['failOn', 'all', 'shipDates', 'hsScheme', 'encoding', 'delimiter', 'map', 'partyThresholds', 'rules', 'baseline', 'waivers', 'licenses', 'config', 'values'] as const;

export type AuditKey = (typeof AUDIT_ORDER)[number];

const hasKey = <O extends object>(o: O, key: PropertyKey): key is keyof O => key in o;

/**
 * The audit record of a run, in AUDIT_ORDER: each worked-out value as `resolved` gives it, and each option of
 * `definitions` the record shows, with its value or what it shows unset. A key neither names is left out
 * (`check` has no --encoding).
 */
export function auditRecord<D extends Record<string, { audit?: AuditShown }>>(
  definitions: D,
  values: Partial<Record<keyof D, unknown>>,
  resolved: Partial<Record<AuditKey, unknown>>,
): Record<string, unknown> {
  const shown = (key: AuditKey): unknown => {
    if (resolved[key] !== undefined) return resolved[key];
    if (!hasKey(definitions, key)) return undefined;
    const audit = definitions[key]?.audit;
    return audit ? (values[key] ?? audit.unset ?? null) : undefined;
  };
  const record: Record<string, unknown> = {};
  for (const key of AUDIT_ORDER) {
    const value = shown(key);
    if (value !== undefined) record[key] = value;
  }
  return record;
}
