/** The examples under every command's --help, and the exit codes under the root's. */
import type { Command } from 'commander';

const EXAMPLES: Record<string, string[]> = {
  screen: [
    'dualscreen screen orders.csv',
    'dualscreen screen invoice.xlsx --sheet Lines',
    'dualscreen screen export.csv --line-id 单据编号,行号 --fail-on license',
    'dualscreen screen orders.csv -r rules-local --output sarif=out/dualscreen.sarif',
    'dualscreen screen orders.csv --licences licences.csv --waivers waivers.yaml --baseline last.json',
  ],
  check: [
    'dualscreen check --hs 2846901500 --to JP --end-user "Tokyo Optics K.K."',
    'dualscreen check --control-code 1C902.b --to US',
    'dualscreen check --consignee "IHI Aerospace Co., Ltd."',
  ],
  lookup: ['dualscreen lookup 2846.90.19.40', 'dualscreen lookup 1C902.b', 'dualscreen lookup 7440-55-3', 'dualscreen lookup "IHI Aerospace"'],
  rules: ['dualscreen rules list --text gallium', 'dualscreen rules show 1C902.b', 'dualscreen rules test', 'dualscreen rules diff old/rules rules --manifest orders.csv'],
  'rules test': ['dualscreen rules test', 'dualscreen rules test rules-local/mofcom-2027-03.yaml'],
  'rules list': ['dualscreen rules list --kind items --category 1', 'dualscreen rules list --text gallium --format json', 'dualscreen rules list --pack cn-control-list'],
  'rules show': ['dualscreen rules show 1C902.b', 'dualscreen rules show cn.dual-use.1C902.b --format json', 'dualscreen rules show dualscreen.data.unclassified-sensitive'],
  'rules validate': ['dualscreen rules validate', 'dualscreen rules validate rules-local'],
  'rules new': ['dualscreen rules new mofcom-2027-03 --dir rules-local'],
  'rules schema': ['dualscreen rules schema > rule-pack.schema.json'],
  'rules diff': ['dualscreen rules diff old/rules rules', 'dualscreen rules diff old/rules rules --manifest orders.csv --fail-on-change'],
  waivers: ['dualscreen waivers lint waivers.yaml --report last.json'],
  'waivers lint': ['dualscreen waivers lint waivers.yaml', 'dualscreen waivers lint waivers.yaml --report last.json --warn-days 60'],
  init: ['dualscreen init', 'dualscreen init --manifest orders.xlsx'],
};

const EXIT_CODES = `
Exit codes:
  0   nothing at or above --fail-on
  1   a row at or above --fail-on (rules diff --fail-on-change: a row changes verdict; rules test: a pack fails)
  2   bad input, bad rules or bad usage, or a line that could not be read (the other rows are still screened)
  70  an internal error (run with --debug for details)`;

export function addHelp(program: Command): void {
  const visit = (cmd: Command, path: string): void => {
    const lines = EXAMPLES[path];
    if (lines) cmd.addHelpText('after', `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}`);
    for (const sub of cmd.commands) visit(sub, path ? `${path} ${sub.name()}` : sub.name());
  };
  visit(program, '');
  program.addHelpText('after', `\nExamples:\n  $ dualscreen screen orders.xlsx\n  $ dualscreen check --hs 2846901500 --to JP\n  $ dualscreen lookup 1C902.b\n${EXIT_CODES}`);
}
