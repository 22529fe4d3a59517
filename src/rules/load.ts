/** Reads rule-pack YAML files, validates them with the zod schema and reports mistakes as file:line:col. */
import { resolve } from 'node:path';
import { readUserFile } from '../files/file.js';
import { parseYaml, validateYaml } from '../files/yaml.js';
import { nameFeatures } from '../match/party-names.js';
import { UserError } from '../model/errors.js';
import { DEFAULT_RULES_DIR, findRuleFiles } from './files.js';
import { readCachedPack, writeCachedPack } from './pack-cache.js';
import { setRefProblems } from './phrase-sets.js';
import { partyNames } from './all-names.js';
import { RulePack } from './schema.js';

export { DEFAULT_RULES_DIR, findRuleFiles };

export interface LoadedPack {
  /** Path as shown to the user. */
  path: string;
  /** Absolute path. */
  file: string;
  sha256: string;
  pack: RulePack;
  /** `file:line:col` of the value at a path inside the pack (the pack's start when not found). */
  locate(path: ReadonlyArray<PropertyKey | { key: string }>): string;
}

export function loadRulePacks(paths: string[] = [DEFAULT_RULES_DIR]): LoadedPack[] {
  const files = findRuleFiles(paths);
  if (files.length === 0) throw new UserError(`rules: no *.yaml rule packs found in ${paths.join(', ')}`);
  const packs = files.map((f) => loadRulePackFile(f));
  checkAcrossPacks(packs);
  return packs;
}

export function loadRulePackFile(file: string): LoadedPack {
  const { path: shown, bytes, sha256 } = readUserFile(file, 'rule pack');
  const text = bytes.toString('utf8');
  const cached = readCachedPack(sha256);
  if (cached) {
    // positions are only needed for an error message: parse the YAML again only then
    let locate: LoadedPack['locate'] | undefined;
    const lazyLocate: LoadedPack['locate'] = (path) => (locate ??= parseRulePack(text, shown, sha256).locate)(path);
    return { path: shown, file: resolve(file), sha256, pack: cached, locate: lazyLocate };
  }
  const loaded = parseRulePack(text, shown, sha256);
  writeCachedPack(sha256, loaded.pack);
  return { ...loaded, file: resolve(file) };
}

export function parseRulePack(text: string, shown: string, sha256: string): Omit<LoadedPack, 'file'> {
  const yaml = parseYaml(text, shown);
  const pack = validateYaml(RulePack, yaml, 'see rules/schema/rule-pack.schema.json');
  const loaded = { path: shown, sha256, pack, locate: yaml.locate };
  checkPack(loaded);
  return loaded;
}

/** Checks the schema cannot express: references to the pack's sources, date order, LOW facts never blocking. */
function checkPack({ pack, locate }: Pick<LoadedPack, 'pack' | 'locate'>): void {
  const sourceIds = new Set(pack.sources.map((s) => s.id));
  const fail = (path: PropertyKey[], message: string): never => {
    throw new UserError(`${locate(path)}: ${message}`);
  };
  const needSource = (path: PropertyKey[], id: string): void => {
    if (!sourceIds.has(id)) fail(path, `source "${id}" is not one of this pack's sources (${[...sourceIds].join(', ')})`);
  };
  const checkDates = (path: PropertyKey[], from: string, to: string | undefined): void => {
    if (to !== undefined && to < from) fail(path, `end date ${to} is before start date ${from}`);
  };
  const seen = new Map<string, string>();
  const unique = (path: PropertyKey[], id: string): void => {
    const earlier = seen.get(id);
    if (earlier) fail(path, `duplicate id "${id}" (first at ${earlier})`);
    seen.set(id, locate(path));
  };

  pack.items.forEach((item, i) => {
    const p = ['items', i];
    unique([...p, 'id'], item.id);
    needSource([...p, 'source'], item.source);
    checkDates([...p, 'effective'], item.effective.from, item.effective.to);
    item.suspended.forEach((s, j) => {
      needSource([...p, 'suspended', j, 'source'], s.source);
      checkDates([...p, 'suspended', j], s.from, s.to);
    });
    const hasMatcher =
      item.controlCode !== undefined ||
      item.hsCodes.length > 0 ||
      item.cas.length > 0 ||
      item.together.length > 0 ||
      Object.values(item.keywords).some((k) => k && k.length > 0);
    if (!hasMatcher) fail(p, `item ${item.id} has no control code, HS code, CAS number or keyword, so nothing can match it`);
  });
  pack.measures.forEach((m, i) => {
    const p = ['measures', i];
    unique([...p, 'id'], m.id);
    needSource([...p, 'source'], m.source);
    checkDates([...p, 'effective'], m.effective.from, m.effective.to);
    m.suspended.forEach((s, j) => needSource([...p, 'suspended', j, 'source'], s.source));
    if ((m.when.goods === 'scope') !== (m.when.scope !== undefined)) {
      fail([...p, 'when'], `measure ${m.id}: "goods: scope" and a "scope:" go together`);
    }
    if (m.confidence === 'LOW' && m.verdict !== 'review') {
      fail([...p, 'verdict'], `measure ${m.id} has LOW confidence: it may only raise "review", not "${m.verdict}"`);
    }
  });
  pack.parties.forEach((party, i) => {
    const p = ['parties', i];
    unique([...p, 'id'], party.id);
    needSource([...p, 'source'], party.source);
    const datedList = party.list === 'control' || party.list === 'watch' || party.list === 'unreliable';
    if (datedList && party.listed === undefined) fail(p, `party ${party.id} on the ${party.list} list needs its listing date (listed:)`);
    party.suspended.forEach((s, j) => {
      needSource([...p, 'suspended', j, 'source'], s.source);
      checkDates([...p, 'suspended', j], s.from, s.to);
    });
    if (party.stopped) needSource([...p, 'stopped', 'source'], party.stopped.source);
    if (party.ships) {
      needSource([...p, 'ships', 'source'], party.ships.source);
      if (party.ships.kinds) needSource([...p, 'ships', 'kinds', 'source'], party.ships.kinds.source);
      if (party.list !== 'military-user') fail([...p, 'ships'], `party ${party.id} is on the ${party.list} list: only a military user's ships name it`);
    }
    party.addresses.forEach((a, j) => needSource([...p, 'addresses', j, 'source'], a.source));
    if (party.listed && party.delisted) checkDates(p, party.listed, party.delisted);
    if (partyNames(party).length === 0) fail([...p, 'names'], `party ${party.id} has no names`);
    for (const lang of ['en', 'zh', 'ja', 'ko'] as const) {
      (party.names[lang] ?? []).forEach((n, j) => {
        const name = typeof n === 'string' ? n : n.name;
        if (nameFeatures(name).key === '') {
          fail([...p, 'names', lang, j], `party name "${name}" has no distinctive words (a comma inside a YAML [flow, list] splits a name: quote it)`);
        }
      });
    }
  });
  pack.phraseSets.forEach((set, i) => {
    unique(['phraseSets', i, 'id'], `phrase set ${set.id}`);
    needSource(['phraseSets', i, 'source'], set.source);
  });
  pack.nameAbbreviations.forEach((a, i) => needSource(['nameAbbreviations', i, 'source'], a.source));
  if (pack.terms) needSource(['terms', 'source'], pack.terms.source);
  if (pack.structure) needSource(['structure', 'source'], pack.structure.source);
}

/** Ids must be unique across all loaded packs: waivers, baselines and reports refer to them. Phrase sets named must exist. */
function checkAcrossPacks(packs: LoadedPack[]): void {
  const sets = new Map<string, string>();
  for (const lp of packs) {
    lp.pack.phraseSets.forEach((set, i) => {
      const earlier = sets.get(set.id);
      if (earlier) throw new UserError(`${lp.locate(['phraseSets', i, 'id'])}: phrase set "${set.id}" is also defined at ${earlier}`);
      sets.set(set.id, lp.locate(['phraseSets', i, 'id']));
    });
  }
  const [problem] = setRefProblems(packs.map((lp) => lp.pack));
  if (problem) {
    const { pack, item, field, ref, id } = problem;
    const where = packs[pack]!.locate(['items', item, field, ref]);
    throw new UserError(
      problem.problem === 'undefined'
        ? `${where}: phrase set "${id}" is not defined in any loaded pack (phraseSets:)`
        : `${where}: phrase set "${id}" holds patterns ({}) that stand for keywords: name it in exclusionSets, not ${problem.field}`,
    );
  }
  const packIds = new Map<string, string>();
  const ids = new Map<string, { lp: LoadedPack; path: PropertyKey[] }>();
  for (const lp of packs) {
    const earlierPack = packIds.get(lp.pack.id);
    if (earlierPack) throw new UserError(`${lp.locate(['id'])}: pack id "${lp.pack.id}" is also used by ${earlierPack}`);
    packIds.set(lp.pack.id, lp.path);
    const sections = ['items', 'measures', 'parties'] as const;
    for (const section of sections) {
      lp.pack[section].forEach((entry, i) => {
        const path = [section, i, 'id'];
        const earlier = ids.get(entry.id);
        if (earlier && earlier.lp !== lp) {
          throw new UserError(`${lp.locate(path)}: id "${entry.id}" is also defined at ${earlier.lp.locate(earlier.path)}`);
        }
        ids.set(entry.id, { lp, path });
      });
    }
  }
}
