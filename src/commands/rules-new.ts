/**
 * `dualscreen rules new NAME`: a rule pack skeleton for an announcement that no release encodes yet, and its
 * self-test manifest. Both pass `rules validate` and `rules test` as written; the item, party and measure are
 * commented examples that validate once uncommented, and every value to replace says TODO.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { addDays, todayInBeijing } from '../calendar.js';
import { UserError } from '../model/errors.js';
import { DEFAULT_RULES_DIR } from '../rules/files.js';

export interface RulesNewOptions {
  name: string;
  /** Folder to write into (created when missing). */
  dir: string;
  /** YYYY-MM-DD (default: today in Beijing). */
  today?: string;
  write: (text: string) => void;
}

const PACK_ID = /^[a-z0-9][a-z0-9.-]*$/;

/** The bundled JSON Schema as a `$schema` reference from `dir`: a relative path where there is one. */
export function schemaReference(dir: string): string {
  const schema = join(DEFAULT_RULES_DIR, 'schema', 'rule-pack.schema.json');
  const rel = relative(resolve(dir), schema);
  return isAbsolute(rel) ? pathToFileURL(schema).href : rel.split('\\').join('/');
}

export function rulePackSkeleton(name: string, today: string, schemaRef: string): string {
  const slug = name.replace(/\./g, '-');
  return `# yaml-language-server: $schema=${schemaRef}
#
# ${name}: a dualscreen rule pack, started by \`dualscreen rules new\` on ${today}.
#   1. Describe the announcement under sources and replace every TODO.
#   2. Uncomment what the announcement makes (remove one "# " from each line of an example; the lines that
#      stay commented are optional fields), copy an entry once per item or party, delete the rest.
#   3. Add rows to ${name}.test.csv: lines that must be flagged, look-alikes that must not, the day before
#      and the day of each date.
#   4. dualscreen rules validate ${name}.yaml       (the schema; mistakes as file:line:col)
#      dualscreen rules test ${name}.yaml           (the bundled packs and this one; this file's rows judged)
# Write only what the announcement says: never guess a control code, HS code, CAS number, date or name;
# put what you could not establish under gaps. Conventions: rules/CONVENTIONS.md in the dualscreen package.
id: ${name}
version: "${today.replace(/-/g, '.')}"   # the date of the last data change
dataAsOf: ${today}           # TODO: the day you last checked these facts against the announcement
title: "TODO: what the announcement controls, e.g. export control on … related items (MOFCOM 20.. No. ..)"
gaps: []                     # what this pack knowingly leaves out, and why (one sentence each)
sources:
  - id: TODO-ANNOUNCEMENT    # e.g. MOFCOM-2027-03; every entry names it under source
    title: "TODO: the announcement's title as published"
    issuer: "TODO: MOFCOM, GACC, ..."
    date: ${today}             # TODO: the publication date
    # url: https://...         # TODO: the announcement on the issuer's site
    # confidence: MED          # below HIGH when the facts are not from the official text

# items:                                  # what is controlled: one entry per item of the announcement
#   - id: cn.item.${slug}-example          # cn.dual-use.<control code> when the announcement gives one
#     # controlCode: "..."                 # quoted, exactly as printed (YAML reads 2E902 as a number)
#     title: { en: "TODO: the item's title in English" }    # zh: and ja: as printed, too
#     source: TODO-ANNOUNCEMENT
#     keywords: { en: [todo example goods] }                 # specific words invoices use; zh:, ja:, abbr:
#     # hsCodes: ["..."]                   # the reference HS codes it lists (10 digits), quoted
#     # cas: ["..."]                       # CAS numbers it names
#     # exclusions: ["..."]                # phrases in which a keyword hit does not count
#     # excludedWith: ["..."]              # phrases that anywhere in the description say it is not the item
#     # decidedBy: "..."                   # the technical parameter that decides, shown on keyword hits
#     # belowThreshold: [{quantity: V, below: 20000}]   # a stated parameter only below it: not this item
#     tags: [todo-example]                 # a family that measures can refer to
#     effective: { from: ${today} }        # TODO: the first day in force (often not the publication day)

# parties:                                # entities the announcement lists
#   - id: cn.control-list.${slug}-example  # cn.watch-list.<slug> for the watch list
#     list: control                        # control, watch, unreliable, military-user or defence-contractor
#     country: XX                          # TODO: the entity's country (ISO 3166-1 alpha-2)
#     names:
#       en: ["TODO Example Trading Co., Ltd."]               # each name exactly as the announcement prints it
#       # zh: ["..."]
#       # ja: ["..."]
#     listed: ${today}                     # TODO: the day the listing takes effect
#     source: TODO-ANNOUNCEMENT

# measures:                               # what it does to whom; usually none: the bundled measures (control
#                                         # and watch lists, Japanese and US military users) reach every pack
#   - id: cn.measure.${slug}-example
#     title: "TODO: what the measure does"
#     verdict: review                      # prohibited, license or review (LOW confidence: review only)
#     message: "TODO: what a user reads on a flagged row, in the announcement's words"
#     source: TODO-ANNOUNCEMENT
#     effective: { from: ${today} }
#     when: { itemStrength: [listed, reference], itemTags: [todo-example], nexus: XX }
`;
}

/** Two rows that hold as written and after the examples are uncommented: the day before, and a look-alike. */
export function testSkeleton(today: string): string {
  return `line_id,description,hs_code,control_code,destination_country,consignee,end_user,end_use,origin_country,export_country,expect,as_of
E01,TODO example goods,,,DE,TODO Example Buyer GmbH,TODO Example Buyer GmbH,TODO the day before the item takes effect,CN,CN,clear,${addDays(today, -1)}
E02,Example goods rack (TODO: a look-alike that shares words with the item but is not it),,,DE,TODO Example Buyer GmbH,TODO Example Buyer GmbH,,CN,CN,clear,
`;
}

export function runRulesNew(o: RulesNewOptions): number {
  const name = o.name.replace(/\.ya?ml$/i, '');
  if (!PACK_ID.test(name)) {
    throw new UserError(`rules new: "${o.name}" must be lower case letters, digits, dots and dashes (it is the pack id and the file name), e.g. mofcom-2027-03`);
  }
  const today = o.today ?? todayInBeijing();
  const pack = join(o.dir, `${name}.yaml`);
  const test = join(o.dir, `${name}.test.csv`);
  for (const path of [pack, test]) if (existsSync(path)) throw new UserError(`rules new: ${path} already exists; nothing written`);
  mkdirSync(o.dir, { recursive: true });
  writeFileSync(pack, rulePackSkeleton(name, today, schemaReference(o.dir)), { flag: 'wx' });
  writeFileSync(test, testSkeleton(today), { flag: 'wx' });
  o.write(
    [
      `wrote ${pack} and ${test}`,
      'next:',
      `  edit ${pack}: the source first, then uncomment and fill in the items, parties or measures`,
      `  add rows to ${test}: lines that must be flagged, and look-alikes that must not`,
      `  dualscreen rules validate ${pack}`,
      `  dualscreen rules test ${pack}`,
      `  dualscreen screen -r ${quote(pack)} MANIFEST.csv    (-r adds your pack to the bundled ones; --no-bundled-rules screens with yours alone)`,
      '',
    ].join('\n'),
  );
  return 0;
}

const quote = (path: string): string => (/^[\w./@-]+$/.test(path) ? path : `"${path}"`);

