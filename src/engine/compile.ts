/** Compiles loaded rule packs into the indices the screening engine uses. */
import { KeywordAutomaton } from '../match/automaton.js';
import { AnyOrderKeywords } from '../match/word-order.js';
import { GappedKeywords } from '../match/gapped.js';
import { joinedWords } from '../match/text-forms.js';
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
import { keywordWords, partyNames } from '../rules/all-names.js';
import type { Item, Keywords, Measure, Party, RulePack, Source } from '../rules/schema.js';
import { compileScope, type CompiledScope } from './goods-scope.js';
import { ItemExclusions, type WrittenExclusions } from './item-exclusions.js';

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

/**
 * The compiled rule set. The matching indices (keywords, parties, terms) are built when first read, once
 * per rule set: a `lookup` or `check` reads only some of them, and building all took most of its time (issue 11).
 */
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
  /** The same keywords of Latin letters with their words run together, sought in a text's joined form (text-forms.ts). */
  keywordsJoined: KeywordAutomaton<KeywordRef>;
  /** Items named by terms written in different places of one description (together.ts). */
  keywordsTogether: TogetherKeywords<CompiledItem>;
  /** Exclusion phrases per item id, compiled when an item is first looked at. */
  exclusions: ItemExclusions;
  measures: CompiledMeasure[];
  parties: PartyIndex<PartyRef>;
  /** The party index's thresholds, without building it. */
  partyThresholds: PartyThresholds;
  /** Every party that has a name, once, in pack order: the parties the index holds, without building it. */
  partyRefs: PartyRef[];
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
  return new LazyRuleSet(loaded, options);
}

/** Builds every part a rule set builds when first read: to find a fault in the packs that only building shows. */
export function buildEveryPart(rs: RuleSet): void {
  for (const part of LAZY_PARTS) void rs[part];
}

const LAZY_PARTS = [
  'keywords',
  'keywordsAnyOrder',
  'keywordsApart',
  'keywordsJoined',
  'keywordsTogether',
  'exclusions',
  'parties',
  'ships',
  'partyAddresses',
  'militaryTerms',
  'militaryOrganisations',
  'civilAgencies',
  'militaryUnits',
  'militaryUserNames',
  'civilBodies',
] as const satisfies readonly (keyof RuleSet)[];

interface KeywordForms {
  keywords: KeywordAutomaton<KeywordRef>;
  anyOrder: AnyOrderKeywords<KeywordRef>;
  apart: GappedKeywords<KeywordRef>;
  joined: KeywordAutomaton<KeywordRef>;
}

class LazyRuleSet implements RuleSet {
  readonly packs: PackInfo[] = [];
  readonly items: CompiledItem[] = [];
  readonly itemsById = new Map<string, CompiledItem>();
  readonly byControlCode = new Map<string, CompiledItem[]>();
  readonly parentCodes = new Map<string, string[]>();
  readonly hsExact = new Map<string, CodeRef[]>();
  readonly hsPrefixes = new Map<string, CodeRef[]>();
  readonly cas = new Map<string, CodeRef[]>();
  readonly measures: CompiledMeasure[] = [];
  readonly partyRefs: PartyRef[] = [];
  readonly partyThresholds: PartyThresholds;
  readonly negations: string[] = [];
  termsSource?: SourceInfo;
  readonly civilGoods: string[] = [];
  readonly categories = new Map<string, { en: string; zh?: string; confidence: Confidence }>();
  readonly itemTypes = new Map<string, { en: string; zh?: string; confidence: Confidence }>();
  structureSource?: SourceInfo;

  readonly #packs: RulePack[];
  /** Every party with its ref, named or not (ships and addresses name parties too). */
  readonly #allParties: PartyRef[] = [];
  #keywordForms?: KeywordForms;
  #keywordsTogether?: TogetherKeywords<CompiledItem>;
  #exclusions?: ItemExclusions;
  #parties?: PartyIndex<PartyRef>;
  #ships?: ShipPrefixes<PartyRef>;
  #partyAddresses?: AddressIndex<PartyRef>;
  #militaryTerms?: KeywordAutomaton<string>;
  #militaryOrganisations?: KeywordAutomaton<string>;
  #civilAgencies?: KeywordAutomaton<string>;
  #militaryUnits?: UnitDesignations;
  #militaryUserNames?: KeywordAutomaton<{ ref: PartyRef; name: string; abbreviation: boolean }>;
  #civilBodies?: KeywordAutomaton<string>;

  constructor(loaded: Pick<LoadedPack, 'pack' | 'path' | 'sha256'>[], options: CompileOptions) {
    this.#packs = loaded.map((l) => l.pack);
    this.partyThresholds = options.partyThresholds ?? DEFAULT_PARTY_THRESHOLDS;
    for (const { pack, path, sha256 } of loaded) {
      this.packs.push({ id: pack.id, version: pack.version, dataAsOf: pack.dataAsOf, title: pack.title, path, sha256 });
      for (const item of pack.items) this.addItem(pack, item);
      for (const measure of pack.measures) {
        const suspensionSources = new Map(measure.suspended.map((x) => [x.source, sourceInfo(pack, x.source)]));
        const scope = measure.when.scope ? compileScope(measure.when.scope) : undefined;
        this.measures.push({ measure, packId: pack.id, source: sourceInfo(pack, measure.source), suspensionSources, ...(scope ? { scope } : {}) });
      }
      for (const party of pack.parties) {
        const src = sourceInfo(pack, party.source);
        const statements = [...party.suspended.map((x) => x.source), ...(party.stopped ? [party.stopped.source] : [])];
        const ref: PartyRef = { party, source: src.title, sourceUrl: src.url, suspensionSources: new Map(statements.map((id) => [id, sourceInfo(pack, id)])) };
        this.#allParties.push(ref);
        if (partyNames(party).length > 0) this.partyRefs.push(ref);
      }
      if (pack.terms) {
        this.negations.push(...keywordWords(pack.terms.negations).map(foldText));
        this.termsSource = sourceInfo(pack, pack.terms.source);
      }
      if (pack.civilGoods) this.civilGoods.push(...keywordWords(pack.civilGoods.words).map(foldText));
      if (pack.structure) {
        for (const c of pack.structure.categories) this.categories.set(c.digit, c);
        for (const t of pack.structure.itemTypes) this.itemTypes.set(t.letter, t);
        this.structureSource = sourceInfo(pack, pack.structure.source);
      }
    }
  }

  private addItem(pack: RulePack, item: Item): void {
    const suspensionSources = new Map(item.suspended.map((s) => [s.source, sourceInfo(pack, s.source)]));
    const boundsUnless = item.belowThreshold.map((bound) => (bound.unlessWith ?? []).map(foldText));
    const ci: CompiledItem = { item, packId: pack.id, source: sourceInfo(pack, item.source), suspensionSources, boundsUnless };
    this.items.push(ci);
    this.itemsById.set(item.id, ci);
    if (item.controlCode) {
      push(this.byControlCode, item.controlCode, ci);
      const parts = item.controlCode.split('.');
      for (let n = parts.length - 1; n >= 1; n--) push(this.parentCodes, parts.slice(0, n).join('.'), item.controlCode);
    }
    for (const entry of item.hsCodes) {
      const ref = { item: ci, ...qualified(entry, item.confidence) };
      push(this.hsExact, ref.code, ref);
      if (item.hsReach === 'heading') for (const len of [4, 6, 8]) if (len < ref.code.length) push(this.hsPrefixes, ref.code.slice(0, len), ref);
    }
    for (const entry of item.cas) {
      const ref = { item: ci, ...qualified(entry, item.confidence) };
      push(this.cas, ref.code, ref);
    }
  }

  get keywords(): KeywordAutomaton<KeywordRef> {
    return (this.#keywordForms ??= keywordForms(this.items)).keywords;
  }

  get keywordsAnyOrder(): AnyOrderKeywords<KeywordRef> {
    return (this.#keywordForms ??= keywordForms(this.items)).anyOrder;
  }

  get keywordsApart(): GappedKeywords<KeywordRef> {
    return (this.#keywordForms ??= keywordForms(this.items)).apart;
  }

  get keywordsJoined(): KeywordAutomaton<KeywordRef> {
    return (this.#keywordForms ??= keywordForms(this.items)).joined;
  }

  get keywordsTogether(): TogetherKeywords<CompiledItem> {
    return (this.#keywordsTogether ??= keywordsTogether(this.items));
  }

  get exclusions(): ItemExclusions {
    return (this.#exclusions ??= new ItemExclusions(writtenExclusions(this.itemsById, phraseSetsById(this.#packs))));
  }

  get parties(): PartyIndex<PartyRef> {
    return (this.#parties ??= partyIndex(this.partyRefs, this.partyThresholds, nameAbbreviations(this.#packs), this.civilBodies));
  }

  get ships(): ShipPrefixes<PartyRef> {
    if (this.#ships) return this.#ships;
    const ships = new ShipPrefixes<PartyRef>();
    for (const ref of this.#allParties) {
      for (const ship of ref.party.ships?.prefixes ?? []) ships.add(ship.prefix, ref, ship.withoutHullNumber === 'review');
      for (const kind of ref.party.ships?.kinds?.words ?? []) ships.addKind(kind, ref);
    }
    return (this.#ships = ships);
  }

  get partyAddresses(): AddressIndex<PartyRef> {
    if (this.#partyAddresses) return this.#partyAddresses;
    const addresses = new AddressIndex<PartyRef>();
    for (const ref of this.#allParties) for (const address of ref.party.addresses) addresses.add(ref, address);
    return (this.#partyAddresses = addresses);
  }

  get militaryUserNames(): KeywordAutomaton<{ ref: PartyRef; name: string; abbreviation: boolean }> {
    return (this.#militaryUserNames ??= militaryUserNames(this.partyRefs));
  }

  get militaryTerms(): KeywordAutomaton<string> {
    return (this.#militaryTerms ??= termAutomaton(this.#packs, (t) => t.military));
  }

  get militaryOrganisations(): KeywordAutomaton<string> {
    return (this.#militaryOrganisations ??= termAutomaton(this.#packs, (t) => t.organisations));
  }

  get civilAgencies(): KeywordAutomaton<string> {
    return (this.#civilAgencies ??= termAutomaton(this.#packs, (t) => t.civilAgencies));
  }

  get civilBodies(): KeywordAutomaton<string> {
    return (this.#civilBodies ??= termAutomaton(this.#packs, (t) => t.civilBodies));
  }

  get militaryUnits(): UnitDesignations {
    if (this.#militaryUnits) return this.#militaryUnits;
    const units = new UnitDesignations();
    for (const pack of this.#packs) if (pack.terms?.units) units.add(pack.terms.units);
    units.build();
    return (this.#militaryUnits = units);
  }
}

type PartyName = Party['names']['en'][number];


const nameOf = (name: PartyName): Exclude<PartyName, string> => (typeof name === 'string' ? { name } : name);

/** A keyword in Latin letters (with digits and a chemical name's commas): paperwork runs its words together or writes them apart. */
const LATIN_NAME = /^(?=.*[a-z])[a-z\u00c0-\u024f0-9,'. ]+$/;
const MIN_JOINED_LENGTH = 10;

function keywordForms(items: readonly CompiledItem[]): KeywordForms {
  const forms: KeywordForms = {
    keywords: new KeywordAutomaton(),
    anyOrder: new AnyOrderKeywords(true),
    apart: new GappedKeywords(),
    joined: new KeywordAutomaton(),
  };
  for (const ci of items) {
    for (const keyword of keywordWords(ci.item.keywords)) {
      const ref: KeywordRef = { item: ci, keyword };
      const folded = foldText(keyword);
      forms.keywords.add(folded, ref);
      forms.anyOrder.add(folded, ref);
      forms.apart.add(folded, ref);
      if (LATIN_NAME.test(folded)) {
        const joined = joinedWords(folded);
        // a short one run together may be two unrelated words of a text ("gyro scope")
        if (joined.length >= MIN_JOINED_LENGTH) forms.joined.add(joined, ref, true);
      }
    }
    for (const abbr of ci.item.keywords.abbr ?? []) forms.keywords.add(foldText(abbr), { item: ci, keyword: abbr, caseSensitive: true });
  }
  forms.keywords.build();
  forms.joined.build();
  return forms;
}

function keywordsTogether(items: readonly CompiledItem[]): TogetherKeywords<CompiledItem> {
  const together = new TogetherKeywords<CompiledItem>();
  for (const ci of items) {
    for (const groups of ci.item.together) {
      together.add(
        groups.map((terms) => (Array.isArray(terms) ? terms.map((t) => ({ folded: foldText(t), shown: t })) : terms)),
        ci,
      );
    }
  }
  together.build();
  return together;
}

/** An item's exclusions with its phrase sets expanded, by item id. */
function writtenExclusions(itemsById: ReadonlyMap<string, CompiledItem>, phraseSets: ReadonlyMap<string, readonly string[]>): (itemId: string) => WrittenExclusions | undefined {
  return (itemId) => {
    const item = itemsById.get(itemId)?.item;
    if (!item) return undefined;
    // the loaders refuse a set no pack defines, and patterns named as excludedWith
    const excludedWith = [...item.excludedWith, ...item.excludedWithSets.flatMap((id) => phraseSets.get(id) ?? [])];
    const parts = item.partSets.flatMap((id) => phraseSets.get(id) ?? []);
    const keywords = [...keywordWords(item.keywords), ...(item.keywords.abbr ?? [])];
    const phrases = [...item.exclusions, ...item.exclusionSets.flatMap((id) => phrasesForKeywords(phraseSets.get(id) ?? [], keywords))];
    return { phrases, excludedWith, asGoodsOnly: item.excludedWithAsGoodsOnly, parts };
  };
}

function partyIndex(refs: readonly PartyRef[], thresholds: PartyThresholds, abbreviations: Map<string, string[]>, civilBodies: KeywordAutomaton<string>): PartyIndex<PartyRef> {
  const index = new PartyIndex<PartyRef>(thresholds, abbreviations, civilBodies);
  for (const ref of refs) {
    const { party } = ref;
    for (const n of partyNames(party).map(nameOf)) {
      index.add(ref, n.name, {
        reviewOnly: n.reviewOnly ?? false,
        confidence: n.confidence ?? party.confidence,
        published: n.published ?? false,
        abbreviation: n.abbreviation ?? false,
        generic: n.generic ?? false,
      });
    }
  }
  return index;
}

/** Military users' names that name them for certain (not review-only, generic or LOW). */
function militaryUserNames(refs: readonly PartyRef[]): KeywordAutomaton<{ ref: PartyRef; name: string; abbreviation: boolean }> {
  const names = new KeywordAutomaton<{ ref: PartyRef; name: string; abbreviation: boolean }>();
  for (const ref of refs) {
    if (ref.party.list !== 'military-user') continue;
    for (const n of partyNames(ref.party).map(nameOf)) {
      const certain = !n.reviewOnly && !n.generic && (n.confidence ?? ref.party.confidence) !== 'LOW';
      if (certain) names.add(foldText(n.name), { ref, name: n.name, abbreviation: n.abbreviation ?? false });
    }
  }
  names.build();
  return names;
}

/** One list of the packs' terms, every language, folded, as an automaton that yields each word as written. */
function termAutomaton(packs: readonly RulePack[], list: (terms: NonNullable<RulePack['terms']>) => Keywords | undefined): KeywordAutomaton<string> {
  const automaton = new KeywordAutomaton<string>();
  for (const pack of packs) if (pack.terms) for (const word of keywordWords(list(pack.terms))) automaton.add(foldText(word), word);
  automaton.build();
  return automaton;
}
