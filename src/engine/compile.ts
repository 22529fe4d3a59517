/** Compiles loaded rule packs into the indices the screening engine uses. */
import { KeywordAutomaton } from '../match/automaton.js';
import { AnyOrderKeywords } from '../match/word-order.js';
import { GappedKeywords } from '../match/gapped.js';
import { TogetherKeywords } from '../match/together.js';
import { foldText } from '../match/fold.js';
import { AddressIndex } from '../match/addresses.js';
import { DEFAULT_PARTY_THRESHOLDS, PartyIndex, type PartyThresholds } from '../match/party-index.js';
import { ShipPrefixes } from '../match/ships.js';
import { UnitDesignations } from '../match/unit-designations.js';
import type { PackInfo } from '../model/run.js';
import type { Confidence } from '../model/verdict.js';
import type { LoadedPack } from '../rules/load.js';
import { phrasesForKeywords, phraseSetsById } from '../rules/phrase-sets.js';
import type { Item, Keywords, Measure, Party, RulePack, Source } from '../rules/schema.js';
import { compileScope, type CompiledScope } from './goods-scope.js';
import { ItemExclusions } from './item-exclusions.js';

export interface SourceInfo {
  title: string;
  url?: string;
}

/** A listed party with the titles of its listing and of the statements that suspended or stopped it. */
export interface PartyRef {
  party: Party;
  /** Source title of the party's listing. */
  source: string;
  sourceUrl?: string;
  /** Titles of the statements that suspended or stopped the listing's measures, by source id. */
  suspensionSources: Map<string, { title: string; url?: string }>;
}

export interface CompiledItem {
  item: Item;
  packId: string;
  source: SourceInfo;
  /** Suspension sources by announcement id, for messages. */
  suspensionSources: Map<string, SourceInfo>;
  /** Each `belowThreshold` bound's `unlessWith` words, folded (empty for a bound without them). */
  boundsUnless: string[][];
}

export interface CodeRef {
  item: CompiledItem;
  code: string;
  confidence: Confidence;
}

export interface KeywordRef {
  item: CompiledItem;
  keyword: string;
  /** An abbreviation that counts only written in capitals (HMX, T800). */
  caseSensitive?: boolean;
}

export interface CompiledMeasure {
  measure: Measure;
  packId: string;
  source: SourceInfo;
  suspensionSources: Map<string, SourceInfo>;
  /** The goods of a catch-all (`when.goods: scope`). */
  scope?: CompiledScope;
}

export interface RuleSet {
  packs: PackInfo[];
  items: CompiledItem[];
  itemsById: Map<string, CompiledItem>;
  /** Items by their control code. */
  byControlCode: Map<string, CompiledItem[]>;
  /** Control codes that have encoded sub-items (1C117 → 1C117.b ...). */
  parentCodes: Map<string, string[]>;
  /** Reference HS codes (8 or 10 digits) as given. */
  hsExact: Map<string, CodeRef[]>;
  /** 4-, 6- and 8-digit proper prefixes of reference codes. */
  hsPrefixes: Map<string, CodeRef[]>;
  cas: Map<string, CodeRef[]>;
  keywords: KeywordAutomaton<KeywordRef>;
  /** The same keywords of several Latin words, found with their words in another order (word-order.ts). */
  keywordsAnyOrder: AnyOrderKeywords<KeywordRef>;
  /** The same keywords of the Chinese or Japanese form "X用Y", found with a specification between the halves (gapped.ts). */
  keywordsApart: GappedKeywords<KeywordRef>;
  /** Items named by terms written in different places of one description (together.ts). */
  keywordsTogether: TogetherKeywords<CompiledItem>;
  /** Exclusion phrases per item id, compiled when an item is first looked at. */
  exclusions: ItemExclusions;
  measures: CompiledMeasure[];
  parties: PartyIndex<PartyRef>;
  /** Military users named by their ships' prefixes ("USS Blue Ridge (LCC-19)"). */
  ships: ShipPrefixes<PartyRef>;
  /** Addresses that belong to parties (APO/FPO, a headquarters' street address): they name the party for review only. */
  partyAddresses: AddressIndex<PartyRef>;
  militaryTerms: KeywordAutomaton<string>;
  /** Words that make a party name a military body (army, navy, 陆军). */
  militaryOrganisations: KeywordAutomaton<string>;
  /** Civil bodies (coast guard, police, fire services) whose own units carry organisation words: a cell naming one is no military body by those words. */
  civilAgencies: KeywordAutomaton<string>;
  /** Units named by their designation ("374th Airlift Wing", 第7艦隊): military bodies too. */
  militaryUnits: UnitDesignations;
  /** Military users' names that can name them for certain (not review-only, LOW or generic), to find them written into a description. */
  militaryUserNames: KeywordAutomaton<{ ref: PartyRef; name: string; abbreviation: boolean }>;
  negations: string[];
  /** Words of a civil body of another kind (surplus, credit union, memorial, brewery): see Terms.civilBodies. */
  civilBodies: KeywordAutomaton<string>;
  termsSource?: SourceInfo;
  /** Folded words that say what ordinary goods are: they set aside an HS code that only might be an item. */
  civilGoods: string[];
  categories: Map<string, { en: string; zh?: string; confidence: Confidence }>;
  itemTypes: Map<string, { en: string; zh?: string; confidence: Confidence }>;
  structureSource?: SourceInfo;
}

export interface CompileOptions {
  partyThresholds?: PartyThresholds;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

const keywordList = (k: Keywords | undefined): string[] => [...(k?.en ?? []), ...(k?.zh ?? []), ...(k?.ja ?? [])];

function sourceInfo(pack: RulePack, id: string): SourceInfo {
  const s: Source | undefined = pack.sources.find((x) => x.id === id);
  if (!s) return { title: id };
  return { title: `${s.title} (${s.date})`, url: s.url };
}

const qualified = (v: string | { value: string; confidence?: Confidence }, itemConfidence: Confidence) =>
  typeof v === 'string' ? { code: v, confidence: itemConfidence } : { code: v.value, confidence: v.confidence ?? itemConfidence };

/** The packs' name abbreviations, lower case, each expanded to its words: MHI → mitsubishi heavy industries. */
function nameAbbreviations(packs: RulePack[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const pack of packs) {
    for (const a of pack.nameAbbreviations) out.set(a.abbreviation.toLowerCase(), a.expansion.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean));
  }
  return out;
}

export function compileRuleSet(loaded: Pick<LoadedPack, 'pack' | 'path' | 'sha256'>[], options: CompileOptions = {}): RuleSet {
  const civilBodies = new KeywordAutomaton<string>();
  const rs: RuleSet = {
    packs: [],
    items: [],
    itemsById: new Map(),
    byControlCode: new Map(),
    parentCodes: new Map(),
    hsExact: new Map(),
    hsPrefixes: new Map(),
    cas: new Map(),
    keywords: new KeywordAutomaton(),
    keywordsAnyOrder: new AnyOrderKeywords(true),
    keywordsApart: new GappedKeywords(),
    keywordsTogether: new TogetherKeywords(),
    exclusions: new ItemExclusions(),
    measures: [],
    parties: new PartyIndex<PartyRef>(options.partyThresholds ?? DEFAULT_PARTY_THRESHOLDS, nameAbbreviations(loaded.map((l) => l.pack)), civilBodies),
    ships: new ShipPrefixes(),
    partyAddresses: new AddressIndex(),
    militaryTerms: new KeywordAutomaton(),
    militaryOrganisations: new KeywordAutomaton(),
    civilAgencies: new KeywordAutomaton(),
    militaryUnits: new UnitDesignations(),
    militaryUserNames: new KeywordAutomaton(),
    negations: [],
    civilBodies,
    civilGoods: [],
    categories: new Map(),
    itemTypes: new Map(),
  };

  const phraseSets = phraseSetsById(loaded.map(({ pack }) => pack));
  for (const { pack, path, sha256 } of loaded) {
    rs.packs.push({ id: pack.id, version: pack.version, dataAsOf: pack.dataAsOf, title: pack.title, path, sha256 });
    for (const item of pack.items) addItem(rs, pack, item, phraseSets);
    for (const measure of pack.measures) {
      const suspensionSources = new Map(measure.suspended.map((x) => [x.source, sourceInfo(pack, x.source)]));
      const scope = measure.when.scope ? compileScope(measure.when.scope) : undefined;
      rs.measures.push({ measure, packId: pack.id, source: sourceInfo(pack, measure.source), suspensionSources, ...(scope ? { scope } : {}) });
    }
    for (const party of pack.parties) {
      const src = sourceInfo(pack, party.source);
      const statements = [...party.suspended.map((x) => x.source), ...(party.stopped ? [party.stopped.source] : [])];
      const ref: PartyRef = { party, source: src.title, sourceUrl: src.url, suspensionSources: new Map(statements.map((id) => [id, sourceInfo(pack, id)])) };
      for (const name of [...party.names.en, ...party.names.zh, ...party.names.ja]) {
        const n = typeof name === 'string' ? { name } : name;
        rs.parties.add(ref, n.name, {
          reviewOnly: n.reviewOnly ?? false,
          confidence: n.confidence ?? party.confidence,
          published: n.published ?? false,
          abbreviation: n.abbreviation ?? false,
          generic: n.generic ?? false,
        });
        const certain = !n.reviewOnly && !n.generic && (n.confidence ?? party.confidence) !== 'LOW';
        if (party.list === 'military-user' && certain) rs.militaryUserNames.add(foldText(n.name), { ref, name: n.name, abbreviation: n.abbreviation ?? false });
      }
      for (const ship of party.ships?.prefixes ?? []) rs.ships.add(ship.prefix, ref, ship.withoutHullNumber === 'review');
      for (const address of party.addresses) rs.partyAddresses.add(ref, address);
    }
    if (pack.terms) {
      for (const term of keywordList(pack.terms.military)) rs.militaryTerms.add(foldText(term), term);
      for (const word of keywordList(pack.terms.organisations)) rs.militaryOrganisations.add(foldText(word), word);
      for (const name of keywordList(pack.terms.civilAgencies)) rs.civilAgencies.add(foldText(name), name);
      rs.negations.push(...keywordList(pack.terms.negations).map(foldText));
      for (const word of keywordList(pack.terms.civilBodies)) rs.civilBodies.add(foldText(word), word);
      if (pack.terms.units) rs.militaryUnits.add(pack.terms.units);
      rs.termsSource = sourceInfo(pack, pack.terms.source);
    }
    if (pack.civilGoods) rs.civilGoods.push(...keywordList(pack.civilGoods.words).map(foldText));
    if (pack.structure) {
      for (const c of pack.structure.categories) rs.categories.set(c.digit, c);
      for (const t of pack.structure.itemTypes) rs.itemTypes.set(t.letter, t);
      rs.structureSource = sourceInfo(pack, pack.structure.source);
    }
  }
  rs.keywords.build();
  rs.keywordsTogether.build();
  rs.militaryTerms.build();
  rs.militaryOrganisations.build();
  rs.civilAgencies.build();
  rs.militaryUnits.build();
  rs.militaryUserNames.build();
  rs.civilBodies.build();
  return rs;
}

function addItem(rs: RuleSet, pack: RulePack, item: Item, phraseSets: ReadonlyMap<string, readonly string[]>): void {
  const suspensionSources = new Map(item.suspended.map((s) => [s.source, sourceInfo(pack, s.source)]));
  const boundsUnless = item.belowThreshold.map((bound) => (bound.unlessWith ?? []).map(foldText));
  const ci: CompiledItem = { item, packId: pack.id, source: sourceInfo(pack, item.source), suspensionSources, boundsUnless };
  rs.items.push(ci);
  rs.itemsById.set(item.id, ci);
  if (item.controlCode) {
    push(rs.byControlCode, item.controlCode, ci);
    const parts = item.controlCode.split('.');
    for (let n = parts.length - 1; n >= 1; n--) push(rs.parentCodes, parts.slice(0, n).join('.'), item.controlCode);
  }
  for (const entry of item.hsCodes) {
    const ref = { item: ci, ...qualified(entry, item.confidence) };
    push(rs.hsExact, ref.code, ref);
    for (const len of [4, 6, 8]) if (len < ref.code.length) push(rs.hsPrefixes, ref.code.slice(0, len), ref);
  }
  for (const entry of item.cas) {
    const ref = { item: ci, ...qualified(entry, item.confidence) };
    push(rs.cas, ref.code, ref);
  }
  for (const keyword of keywordList(item.keywords)) {
    const ref: KeywordRef = { item: ci, keyword };
    const folded = foldText(keyword);
    rs.keywords.add(folded, ref);
    rs.keywordsAnyOrder.add(folded, ref);
    rs.keywordsApart.add(folded, ref);
  }
  for (const abbr of item.keywords.abbr ?? []) rs.keywords.add(foldText(abbr), { item: ci, keyword: abbr, caseSensitive: true });
  for (const groups of item.together) {
    rs.keywordsTogether.add(
      groups.map((terms) => (Array.isArray(terms) ? terms.map((t) => ({ folded: foldText(t), shown: t })) : terms)),
      ci,
    );
  }
  // the loaders refuse a set no pack defines, and patterns named as excludedWith
  const excludedWith = [...item.excludedWith, ...item.excludedWithSets.flatMap((id) => phraseSets.get(id) ?? [])];
  const parts = item.partSets.flatMap((id) => phraseSets.get(id) ?? []);
  const keywords = [...keywordList(item.keywords), ...(item.keywords.abbr ?? [])];
  const exclusions = [...item.exclusions, ...item.exclusionSets.flatMap((id) => phrasesForKeywords(phraseSets.get(id) ?? [], keywords))];
  rs.exclusions.add(item.id, exclusions, excludedWith, item.excludedWithAsGoodsOnly, parts);
}
