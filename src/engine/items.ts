/** Which encoded items a row's control codes, HS code, CAS numbers and description point to, and how strongly. */
import { msg } from '../i18n/message.js';
import { onWordBoundary, type Hit } from '../match/automaton.js';
import { detached } from '../match/detach.js';
import { bracketNoteForms, cjkJoinedForm, elementSymbolForm, joinedWordsForm, rareEarthFormulaForm, spanInForm, spanInText, type TextForm } from '../match/text-forms.js';
import { chinaCodesDeclared, controlCodesIn, declaredControlCodes, mentionsDualUse, parseCasColumn } from '../match/codes.js';
import { foldText, foldWidth } from '../match/fold.js';
import { gritNumberOnly, statedQuantities, statesOnlyWithin, type StatedQuantity } from '../match/quantities.js';
import { type Msg } from '../model/message.js';
import type { QuantityBound } from '../model/quantity.js';
import type { Evidence } from '../model/result.js';
import type { PartyCell, Row } from '../model/row.js';
import type { Confidence, ItemStrength } from '../rules/schema.js';
import { saysCivilGoods } from './civil-goods.js';
import { namesGoodsBeside, otherGoodsThan, saysOnlyTariffWords } from './goods-named.js';
import { standsAsPurpose } from './purpose.js';
import type { CodeRef, CompiledItem, KeywordRef, RuleSet } from './compile.js';
import { PhraseSpans } from './goods-scope.js';
import { goodsSegments, type GoodsSegment } from './goods-segments.js';
import type { Exclusions } from './item-exclusions.js';
import { namesPartOf } from './parts.js';
import { memoOf } from './memo.js';
import { statusOn, type Status } from './rule-status.js';

export interface ItemMatch {
  item: CompiledItem;
  strength: ItemStrength;
  evidence: Evidence;
  /** Other items the same code points to (shared reference HS codes). */
  sharedWith: string[];
  /** Why the match is weaker than its kind would give, or what else to know. */
  qualifier?: Msg;
  /** The declared control code is this heading, over the item's code (1C210.a over 1C210.a.1). */
  viaHeading?: string;
  /**
   * A declared HS code that only covers the item's reference codes, or a 10-digit code under its 8-digit tariff line,
   * beside a description that says the goods are something else ("stainless steel ball valve" under 848180, "thermal
   * paste" under 38249999): it counts only where the row names a party or a military user (screen.ts).
   */
  coveredOnly?: true;
  /**
   * A material's keyword beside other goods that the declared HS code puts among plain finished articles
   * (declaresPlainArticles: a carbon-fibre prism pole under 901590): the goods are made of the material, not the
   * material; it counts only where the row names a party or a military user (screen.ts).
   */
  madeOf?: true;
}

export interface UnencodedCode {
  code: string;
  /** The code is encoded, but only in force from this date. */
  from?: string;
}

export interface ItemMatches {
  matches: ItemMatch[];
  /** Well-formed declared control codes that no item encodes. */
  unencoded: UnencodedCode[];
  /** Items the row points to that are not in force on the as-of date. */
  notInForce: { item: CompiledItem; status: Status; evidence: Evidence }[];
}

const RANK: Record<ItemStrength, number> = { listed: 3, reference: 2, possible: 1 };

export const strongerThan = (a: ItemStrength, b: ItemStrength): boolean => RANK[a] > RANK[b];

const itemLabel = (ci: CompiledItem): string => ci.item.controlCode ?? ci.item.id;

/**
 * A keyword found in the description; `form`: not as written, but with its words in another order, its halves
 * apart, a note in brackets inside it, its words run together or apart, an element written as its symbol, or an item's
 * `together` terms in different places.
 */
export type KeywordHit = Hit<KeywordRef> & { form?: 'reordered' | 'apart' | 'bracketed' | 'joined' | 'symbol' | 'formula' | 'together' };

/** A description written all in capitals (ERP exports: "CLF3 GAS 5KG CYL"): a mixed-case abbreviation (ClF3, POCl3) counts in capitals there. */
const ALL_CAPITALS = /^(?=[^a-z]*[A-Z])[^a-z]*$/;

/**
 * The item keywords a folded description holds: as written, then those found only in another order, with their
 * halves apart, past a note in brackets, with its words run together or an element as its symbol (`written`: the
 * description as written, whose capitals tell a symbol), then the `together` terms of items no keyword named.
 */
export function findKeywords(rs: RuleSet, folded: string, written?: string): KeywordHit[] {
  const hits: KeywordHit[] = rs.keywords.search(folded);
  const found = new Set(hits.map((h) => h.value));
  for (const hit of rs.keywordsAnyOrder.search(folded)) if (!found.has(hit.value)) hits.push({ ...hit, form: 'reordered' });
  for (const hit of rs.keywordsApart.search(folded)) if (!found.has(hit.value)) hits.push({ ...hit, form: 'apart' });
  for (const hit of hits) found.add(hit.value);
  const inForm = (f: TextForm, formHits: Hit<KeywordRef>[], form: 'bracketed' | 'joined' | 'symbol' | 'formula', whole: boolean): void => {
    for (const hit of formHits) {
      if (found.has(hit.value)) continue;
      const span = spanInText(f, hit.start, hit.end);
      if (whole && !onWordBoundary(folded, span.start, span.end)) continue;
      found.add(hit.value);
      hits.push({ ...span, value: hit.value, form });
    }
  };
  for (const f of bracketNoteForms(folded)) inForm(f, rs.keywords.search(f.text), 'bracketed', false);
  const joined = joinedWordsForm(folded);
  if (joined) inForm(joined, rs.keywordsJoined.search(joined.text), 'joined', true);
  const cjkJoined = cjkJoinedForm(folded);
  if (cjkJoined) inForm(cjkJoined, rs.keywords.search(cjkJoined.text), 'joined', false);
  const elements = written === undefined ? undefined : elementSymbolForm(folded, written);
  if (elements) inForm(elements, rs.keywords.search(elements.text), 'symbol', false);
  const formulas = written === undefined ? undefined : rareEarthFormulaForm(folded, written);
  // a formula names a compound: the element's compound items, and whole entries that hold its compounds (1C913), not its metal (1C908.a)
  const namesCompound = ({ value }: Hit<KeywordRef>): boolean => value.keyword.endsWith(' compound') || value.item.item.controlCode?.length === 5;
  if (formulas) inForm(formulas, rs.keywords.search(formulas.text).filter(namesCompound), 'formula', false);
  const named = new Set(hits.map((h) => h.value.item));
  for (const { start, end, value, terms } of rs.keywordsTogether.search(folded)) {
    if (!named.has(value)) hits.push({ start, end, value: { item: value, keyword: terms.join(' + ') }, form: 'together' });
  }
  return hits;
}

/** The control codes the description writes, read once per distinct description. */
const codesInDescription = (rs: RuleSet, { norm }: Row): string[] => norm.descriptionFacts.derive(rs, 'control codes', () => controlCodesIn(norm.description));

const NO_MATCHES: ItemMatches = Object.freeze({ matches: [], unencoded: [], notInForce: [] });

/** A column beside the goods (a declaration's 备注) that declares them dual-use items with their codes: "属于两用物项1C117.d". */
interface Declaration {
  field: string;
  value: string;
  codes: string[];
}

/** The row's other columns that are screened (not those --ignore-columns leaves out), as written ("属于两用物项，管制编码：1C108.c"). */
function declarationsIn(others: readonly PartyCell[]): Declaration[] {
  const out: Declaration[] = [];
  for (const { field, value } of others) {
    const codes = mentionsDualUse(value) ? declaredControlCodes(foldText(value)) : [];
    if (codes.length > 0) out.push({ field, value, codes });
  }
  return out;
}

/** The row's valid HS code, where its chapter is none of the item's HS codes' chapters (an item without HS codes has none). */
function codeOfOtherChapter({ norm }: Row, ci: CompiledItem): string | undefined {
  if (norm.hs.kind !== 'valid' || ci.item.hsCodes.length === 0) return undefined;
  const chapter = norm.hs.digits.slice(0, 2);
  return ci.item.hsCodes.some((c) => codeText(c).startsWith(chapter)) ? undefined : norm.hs.digits;
}

/** An item's HS code as written, with or without its qualifiers. */
const codeText = (entry: CompiledItem['item']['hsCodes'][number]): string => (typeof entry === 'string' ? entry : entry.value);

/** An HS code equal to a reference code, or a 10-digit code under an 8-digit tariff line the announcements print. */
export const isReferenceCode = (rs: RuleSet, d: string): boolean => rs.hsExact.has(d) || (d.length === 10 && rs.hsExact.has(d.slice(0, 8)));

/**
 * Which items a description says its goods are not (goods-named.ts); on a line of several goods
 * (goods-segments.ts), only items that every good of it says it is not: the code may be any one good's.
 */
function otherGoodsInEveryGood(goods: readonly string[], hs: string, options: Parameters<typeof otherGoodsThan>[2]): ((ci: CompiledItem) => boolean) | null {
  const each = goods.map((good) => otherGoodsThan(good, hs, options));
  if (each.some((saysOther) => saysOther === undefined)) return null;
  return each.length === 1 ? each[0]! : (ci) => each.every((saysOther) => saysOther!(ci));
}

/** Most rows name nothing the indices know: tell that without building anything. */
function nothingToLookUp(row: Row, rs: RuleSet, keywordHits: readonly unknown[], declarations: readonly Declaration[]): boolean {
  const { norm } = row;
  if (keywordHits.length > 0 || declarations.length > 0 || norm.controlCodes.kind === 'valid' || norm.controlCodes.kind === 'invalid' || norm.cas.length > 0 || codesInDescription(rs, row).length > 0) return false;
  if (norm.hs.kind !== 'valid') return true;
  const d = norm.hs.digits;
  return !isReferenceCode(rs, d) && !rs.hsPrefixes.has(d);
}

/**
 * The items a row's goods point to. Manifests repeat their goods line after line, so the answer is
 * kept per distinct goods cells (as written: the evidence quotes them) and day.
 */
export function matchItems(row: Row, rs: RuleSet, asOf: string): ItemMatches {
  const { values, norm } = row;
  // descriptions repeat far more than description and HS code together: their keywords are kept on their own
  const keywordHits = norm.description === '' ? [] : norm.descriptionFacts.derive(rs, 'keywords', () => findKeywords(rs, norm.description, values.description));
  const declarations = declarationsIn(row.norm.others);
  if (nothingToLookUp(row, rs, keywordHits, declarations)) return NO_MATCHES;
  const declared = declarations.map((d) => `${d.field}\u0001${d.value}`).join('\u0000');
  const key = `${asOf}\u0000${values.description ?? ''}\u0000${values.hs_code ?? ''}\u0000${norm.hs.kind === 'valid' ? norm.hs.digits : ''}\u0000${values.control_code ?? ''}\u0000${values.cas_number ?? ''}\u0000${declared}`;
  return memoOf<ItemMatches>(rs, 'items', 20_000).get(key, () => matchGoods(row, rs, asOf, keywordHits, declarations));
}

function matchGoods(row: Row, rs: RuleSet, asOf: string, keywordHits: KeywordHit[], declarations: Declaration[]): ItemMatches {
  const out: ItemMatches = { matches: [], unencoded: [], notInForce: [] };
  const best = new Map<string, ItemMatch>();
  /** Keeps the strongest match per item; a LOW fact among `confidences` caps the match at possible. */
  const consider = (
    ci: CompiledItem,
    claimed: ItemStrength,
    evidence: Evidence,
    {
      confidences = [],
      sharedWith = [],
      qualifier,
      viaHeading,
    }: { confidences?: Confidence[]; sharedWith?: string[]; qualifier?: Msg; viaHeading?: string } = {},
  ): void => {
    const low = confidences.includes('LOW');
    const strength = low ? 'possible' : claimed;
    if (low) qualifier = msg('qualifier.low');
    const status = statusOn(ci.item, asOf);
    if (status.state !== 'in-force') {
      if (!out.notInForce.some((n) => n.item === ci)) out.notInForce.push({ item: ci, status, evidence });
      return;
    }
    const prev = best.get(ci.item.id);
    if (!prev || strongerThan(strength, prev.strength)) best.set(ci.item.id, { item: ci, strength, evidence, sharedWith, qualifier, ...(viaHeading ? { viaHeading } : {}) });
  };

  const { norm } = row;
  const cellCodes = norm.hs.kind === 'valid' ? (norm.hs.listed ?? [norm.hs.digits]) : [];
  const exclusions = new DescriptionExclusions(rs, norm.description, Math.max(cellCodes.length, 1));
  // the matches are kept in a memo: their evidence must not hold on to the manifest's text
  const values = { control_code: detached(row.values.control_code ?? ''), hs_code: detached(row.values.hs_code ?? ''), description: detached(row.values.description ?? ''), cas_number: detached(row.values.cas_number ?? '') };
  /** The evidence of HS codes that only cover reference codes. */
  const covering = new Set<Evidence>();
  /** The evidence of 8-digit tariff lines beside a description that says the goods are not the line's item (saysOtherGoods). */
  const linesOfOtherGoods = new Set<Evidence>();
  /** HS matches that identify their item only where the description names it. */
  const confirmable: { ref: CodeRef; evidence: Evidence; sharedWith: string[]; qualifier: Msg }[] = [];
  /** A code the control-code column declares, or a remark in the announcements' words ("属于两用物项 1C117.d"); the items it names. */
  const declare = (code: string, evidence: Evidence): CompiledItem[] => {
    const { found, underHeading } = itemsOfCode(rs, code);
    for (const ci of found) {
      consider(ci, 'listed', { ...evidence, matched: ci.item.controlCode ?? code }, { confidences: [ci.item.confidence] });
    }
    if (found.length === 0 && underHeading.length === 0) out.unencoded.push({ code });
    // a declared heading whose sub-items are listed (1C210.a over 1C210.a.1 and .a.2): every one is a dual-use item
    for (const ci of underHeading) consider(ci, 'listed', evidence, { confidences: [ci.item.confidence], viaHeading: code });
    // a code controlled only from a later date is still a well-formed code that no rule in force explains
    const starts = found.map((ci) => statusOn(ci.item, asOf)).filter((st) => st.state === 'not-yet');
    if (found.length > 0 && starts.length === found.length) {
      out.unencoded.push({ code, from: starts.map((st) => (st.state === 'not-yet' ? st.from : '')).sort()[0] });
    }
    return found;
  };
  for (const code of chinaCodesDeclared(norm.controlCodes)) declare(code, { field: 'control_code', value: values.control_code ?? '', matched: code, kind: 'control-code' });
  for (const { field, value, codes } of declarations) {
    for (const code of codes) declare(code, { field, value: detached(value), matched: code, kind: 'control-code' });
  }
  const declaredInDescription = new Set(declaredControlCodes(norm.description));

  if (norm.hs.kind === 'valid') {
    const d = norm.hs.digits;
    const evidenceFor = (matched: string): Evidence => ({ field: 'hs_code', value: values.hs_code ?? '', matched, kind: 'hs-code' });
    /**
     * A reference code identifies the item (reference strength) when it is a 10-digit code of one item
     * family. An 8-digit tariff line, the form the October 2025 announcements print, covers ordinary
     * goods too, and a 10-digit code shared by unrelated items does not say which: both are possible,
     * and become reference where the description names the item.
     */
    // a description that says what the goods are ("hydrazine hydrate", "LFP cell", "家庭用") rules out an HS match that only might be the item
    // a twin's exclusions are written against its own keywords: in a description of the tariff's own words they say
    // nothing of the entry ("Turbo-propellers" under 841121 holds "propeller", an exclusion of the UAV engine item)
    let tariffWordsOnly: boolean | undefined;
    const twinRulesOut = (ci: CompiledItem): boolean => {
      const twins = detailedTwins(rs, ci);
      return twins.length > 0 && !(tariffWordsOnly ??= saysOnlyTariffWords(norm.description, d)) && twins.some((t) => exclusions.anywhere(t));
    };
    const ruledOut = (ci: CompiledItem): boolean => exclusions.anywhere(ci) || exclusions.civilGoods() || twinRulesOut(ci);
    const apply = (all: CodeRef[] | undefined, kind: 'exact' | 'covering'): void => {
      if (!all) return;
      const refs = all.filter((ref) => (kind === 'exact' && !weakLine(ref, all)) || !ruledOut(ref.item));
      if (refs.length === 0) return;
      const labels = [...new Set(refs.map((r) => itemLabel(r.item)))];
      // the code is shared by unrelated items whether or not the description rules one out: a water cannon below 0A901's
      // thresholds under 8424899930 does not make the line the separation nozzle's that shares it
      const unrelated = hasUnrelatedItems(all);
      for (const ref of refs) {
        const others = labels.filter((l) => l !== itemLabel(ref.item));
        const line = ref.code.length === 8;
        const confidences = [ref.confidence, ref.item.item.confidence];
        if (kind === 'covering') {
          const evidence = evidenceFor(ref.code);
          covering.add(evidence);
          consider(ref.item, 'possible', evidence, { confidences, sharedWith: others });
          continue;
        }
        const qualifier = line
          ? msg('qualifier.tariff-line', { code: ref.code })
          : unrelated
            ? msg('qualifier.unrelated', { code: ref.code })
            : undefined;
        if (qualifier) {
          const evidence = evidenceFor(ref.code);
          // a tariff line holds ordinary goods too: goods it names as others make it a note, as a heading is (screen.ts)
          if (line && saysOtherGoods(ref.item)) linesOfOtherGoods.add(evidence);
          consider(ref.item, 'possible', evidence, { confidences, sharedWith: others, qualifier: msg('qualifier.must-name', { qualifier }) });
          confirmable.push({ ref, evidence: evidenceFor(ref.code), sharedWith: others, qualifier });
        } else if (saysOtherGoods(ref.item)) {
          consider(ref.item, 'possible', evidenceFor(ref.code), { confidences, sharedWith: others, qualifier: msg('qualifier.description-says-not', { code: ref.code }) });
        } else {
          consider(ref.item, 'reference', evidenceFor(ref.code), { confidences, sharedWith: others });
        }
      }
    };
    const weakLine = (ref: CodeRef, all: CodeRef[]): boolean => ref.code.length === 8 || hasUnrelatedItems(all);
    // a reference code is reference only: where the description says the goods are not the item (other goods, an
    // exclusion, the deciding parameter on the uncontrolled side), the technical description governs and a person decides
    let namedGoods: ((ci: CompiledItem) => boolean) | null | undefined;
    const saysOtherGoods = (ci: CompiledItem): boolean => {
      if (exclusions.belowThreshold(ci) || detailedTwins(rs, ci).some((t) => exclusions.belowThreshold(t))) return true;
      // a keyword of the item's family says the goods are of its kind, whatever else the description says ("rocket motor
      // test benches" beside the exclusion "motor test bench", "锑锭" where antimony is one character)
      if (keywordHits.some((h) => sameFamily(h.value.item, ci))) return false;
      if (ruledOut(ci)) return true;
      if (namedGoods === undefined) namedGoods = otherGoodsInEveryGood(exclusions.goodTexts(), d, { itemsOwnCode: true });
      return namedGoods !== null && namedGoods(ci);
    };
    if (d.length === 10) {
      apply(rs.hsExact.get(d), 'exact');
      apply(rs.hsExact.get(d.slice(0, 8)), 'exact');
    } else if (d.length === 8) {
      apply(rs.hsExact.get(d), 'exact');
      apply(rs.hsPrefixes.get(d), 'covering');
    } else {
      apply(rs.hsPrefixes.get(d), 'covering');
    }
  }

  // A CAS number the announcement itself names identifies the substance: as strong as a reference HS code. Not where the
  // description says the goods are what the item leaves out ("toothpaste"), nor where the declared HS code puts them in a
  // chapter none of the item's codes is in and the description does not name the item: the number is then an
  // ingredient's, as ERP exports copy it from a safety data sheet ("fluoride toothpaste" under 330610), or the code is
  // wrong; a person decides
  const inColumn = norm.cas.length > 0 ? parseCasColumn(values.cas_number) : [];
  for (const cas of norm.cas) {
    const field = inColumn.includes(cas) ? 'cas_number' : 'description';
    for (const ref of rs.cas.get(cas) ?? []) {
      const evidence: Evidence = { field, value: values[field] ?? '', matched: cas, kind: 'cas' };
      const confidences = [ref.confidence, ref.item.item.confidence];
      const otherCode = codeOfOtherChapter(row, ref.item);
      if (exclusions.anywhere(ref.item)) {
        consider(ref.item, 'possible', evidence, { confidences, qualifier: msg('qualifier.cas-excluded-goods', { cas }) });
      } else if (otherCode !== undefined && !keywordHits.some((h) => sameFamily(h.value.item, ref.item))) {
        consider(ref.item, 'possible', evidence, { confidences, qualifier: msg('qualifier.cas-other-chapter', { cas, code: otherCode }) });
      } else {
        consider(ref.item, 'reference', evidence, { confidences });
      }
    }
  }

  const named = new Set<string>();
  /** The evidence of material keywords beside finished articles the HS code declares. */
  const materialOfGoods = new Set<Evidence>();
  if (norm.description !== '') {
    let inCapitals: string | undefined;
    let allCapitals = false;
    for (const hit of keywordHits) {
      const ci = hit.value.item;
      if (hit.value.caseSensitive) {
        if (inCapitals === undefined) {
          inCapitals = foldWidth(values.description ?? '');
          allCapitals = ALL_CAPITALS.test(inCapitals);
        }
        const written = inCapitals.slice(hit.start, hit.end);
        // lower-casing kept every position unless the lengths differ; then the hit stands (review, not clear)
        const asWritten = written === hit.value.keyword || (allCapitals && written === hit.value.keyword.toUpperCase());
        if (inCapitals.length === norm.description.length && !asWritten) continue;
      }
      // terms apart span unrelated words: an exclusion anywhere in the description says what the goods are not
      if (hit.form === 'together' ? exclusions.anywhere(ci) : exclusions.cover(ci, hit.start, hit.end) || exclusions.namesPart(ci, hit.start, hit.end)) continue;
      // on a line of several goods, the code of the keyword's own good where the line gives one per good, else every code
      const good = exclusions.goodIndex(hit.start, hit.end);
      const codesOfHit = good === undefined ? cellCodes : [cellCodes[good]!];
      if (codesOfHit.length > 0 && codesOfHit.every((d) => ci.item.excludedHs.some((h) => d.startsWith(h)))) continue;
      named.add(ci.item.id);
      const hs = norm.hs.kind === 'valid' ? norm.hs.digits : undefined;
      const form = hit.form ? msg(`qualifier.words-${hit.form}`, { keyword: hit.value.keyword }) : undefined;
      const otherCode = hs !== undefined && !hsRelated(ci, hs) ? msg('qualifier.hs-not-reference', { hs }) : undefined;
      const evidence: Evidence = { field: 'description', value: values.description ?? '', matched: hit.value.keyword, kind: 'keyword' };
      if (otherCode && isMaterial(ci) && declaresPlainArticles(rs, hs!) && namesGoodsBeside(norm.description, hit.start, hit.end, ci)) materialOfGoods.add(evidence);
      consider(ci, 'possible', evidence, { qualifier: otherCode ? joinQualifier(form, otherCode) : form });
    }
    // a code written in the description is a classification someone made, not a declaration: possible, and only
    // where the packs know the code (another regime's number, an ECCN, says nothing about China's list); written
    // in the announcements' words ("属于两用物项，管制编码1C108.c"), it is the declaration they require
    const declared = chinaCodesDeclared(norm.controlCodes);
    for (const code of codesInDescription(rs, row)) {
      // the declared code, its heading or a sub-item of it: the classification the control-code column already gives
      if (declared.some((d) => d === code || d.startsWith(`${code}.`) || code.startsWith(`${d}.`))) continue;
      const evidence: Evidence = { field: 'description', value: values.description ?? '', matched: code, kind: 'control-code' };
      if (declaredInDescription.has(code)) {
        for (const ci of declare(code, evidence)) named.add(ci.item.id);
        continue;
      }
      const { found, underHeading } = itemsOfCode(rs, code);
      for (const ci of found) {
        named.add(ci.item.id);
        consider(ci, 'possible', { ...evidence, matched: ci.item.controlCode ?? code });
      }
      for (const ci of underHeading) consider(ci, 'possible', evidence, { viaHeading: code });
    }
  }

  // named: the item itself, or an item of its heading (holmium names 1C909, whose 1C909.a has the line)
  const namedCodes = [...named].map((id) => rs.itemsById.get(id)?.item.controlCode).filter((c): c is string => c !== undefined);
  const isNamed = (ci: CompiledItem): boolean => {
    const code = ci.item.controlCode;
    return named.has(ci.item.id) || (code !== undefined && namedCodes.some((n) => n === code || code.startsWith(`${n}.`) || n.startsWith(`${code}.`)));
  };
  for (const c of confirmable) {
    if (!isNamed(c.ref.item)) continue;
    consider(c.ref.item, 'reference', c.evidence, {
      confidences: [c.ref.confidence, c.ref.item.item.confidence],
      sharedWith: c.sharedWith,
      qualifier: msg('qualifier.named', { qualifier: c.qualifier }),
    });
  }

  // a code that only covers reference codes, beside a description of other goods, counts only with a party or a military nexus (screen.ts)
  const otherGoods = covering.size > 0 && norm.hs.kind === 'valid' ? otherGoodsInEveryGood(exclusions.goodTexts(), norm.hs.digits, { twinsOf: (ci) => detailedTwins(rs, ci) }) : null;
  if (otherGoods) for (const m of best.values()) if (covering.has(m.evidence) && !isNamed(m.item) && otherGoods(m.item)) m.coveredOnly = true;
  for (const m of best.values()) if (linesOfOtherGoods.has(m.evidence) && !isNamed(m.item)) m.coveredOnly = true;
  for (const m of best.values()) if (materialOfGoods.has(m.evidence)) m.madeOf = true;

  // an HS code and the item's name, with the deciding particle size written as a grading number: a person reads its size
  for (const m of best.values()) {
    const grit = m.strength === 'reference' && m.evidence.kind === 'hs-code' ? exclusions.gritNumberOnly(m.item) : undefined;
    if (grit === undefined) continue;
    m.strength = 'possible';
    m.qualifier = joinQualifier(m.qualifier, msg('qualifier.grit-number', { grit }));
  }

  out.matches = best.size > 1 ? withoutRedundant(disambiguate([...best.values()], isNamed)) : [...best.values()];
  return out;
}

/** Items of one family share a family tag or a control-code heading (1C902.a and 1C902.b); others are unrelated. */
function hasUnrelatedItems(refs: CodeRef[]): boolean {
  const items = [...new Set(refs.map((r) => r.item))];
  const related = (a: CompiledItem, b: CompiledItem): boolean =>
    (a.item.controlCode !== undefined && a.item.controlCode.slice(0, 5) === b.item.controlCode?.slice(0, 5)) ||
    families(a).some((t) => families(b).includes(t));
  return items.some((a, i) => items.slice(i + 1).some((b) => !related(a, b)));
}

/**
 * A reference code shared by several items (2931900032: organo-antimony, bismuth and indium alkyls)
 * is narrowed to the items the description names, so one item's measures do not fall on another.
 */
function disambiguate(matches: ItemMatch[], isNamed: (ci: CompiledItem) => boolean): ItemMatch[] {
  const byCode = new Map<string, ItemMatch[]>();
  for (const m of matches) {
    if (m.evidence.kind !== 'hs-code' || m.sharedWith.length === 0) continue;
    const group = byCode.get(m.evidence.value) ?? [];
    group.push(m);
    byCode.set(m.evidence.value, group);
  }
  const dropped = new Set<ItemMatch>();
  for (const group of byCode.values()) {
    const namedInGroup = group.filter((m) => isNamed(m.item));
    if (namedInGroup.length === 0) continue;
    for (const m of group) if (!isNamed(m.item)) dropped.add(m);
    for (const m of namedInGroup) m.qualifier = joinQualifier(m.qualifier, msg('qualifier.named-among-sharing'));
  }
  return matches.filter((m) => !dropped.has(m));
}

const joinQualifier = (a: Msg | undefined, b: Msg): Msg => (a ? msg('qualifier.both', { first: a, second: b }) : b);

/** One of the goods a line lists, with what its own words say of it. */
type ListedGood = GoodsSegment & { exclusions: DescriptionExclusions };

/**
 * Where a description says what its goods are not: an item's exclusion phrases, as written or with
 * their words side by side in another order ("fishing rod, carbon fiber"), and the packs' civil-goods words.
 */
class DescriptionExclusions {
  private readonly spans: PhraseSpans;
  /** The description past its bracket notes (text-forms.ts), for exclusions written without the note. */
  private noteForms: { form: TextForm; spans: PhraseSpans }[] | undefined;
  /** Each item's exclusions found in another word order, by item id: kept with the description, as keyword hits are. */
  private reordered: Map<string, Hit<string>[]> | undefined;
  private civil: boolean | undefined;
  private quantities: StatedQuantity[] | undefined;
  /** The goods of a line that lists several, each with its own exclusions; empty where it names one. */
  private goods: ListedGood[] | undefined;

  constructor(
    private readonly rs: RuleSet,
    private readonly text: string,
    /** How many HS codes the row's cell gives: a line that lists as many goods names one good per code. */
    private readonly codes = 1,
  ) {
    this.spans = new PhraseSpans(text);
  }

  /** One of the item's exclusions stands anywhere in the description, not negated, or the description says otherwise that the goods are not the item. */
  anywhere(ci: CompiledItem): boolean {
    const exclusions = this.rs.exclusions.of(ci.item.id);
    return (
      (exclusions !== undefined && (exclusions.phrases.some((p) => this.spans.unnegated(p).length > 0) || this.reorderedFor(ci, exclusions).length > 0)) ||
      this.saysNot(ci, exclusions)
    );
  }

  /**
   * One of the item's exclusions spans the stretch from start to end (a keyword hit inside it does not count), or the
   * description says otherwise that the goods are not the item; on a line of several goods, only the good the stretch is in.
   */
  cover(ci: CompiledItem, start: number, end: number): boolean {
    const good = this.goodAt(start, end);
    if (good) return good.exclusions.cover(ci, start - good.start, end - good.start);
    const exclusions = this.rs.exclusions.of(ci.item.id);
    return (
      (exclusions !== undefined &&
        (this.spans.covers(exclusions.phrases, start, end) ||
          this.reorderedFor(ci, exclusions).some((e) => e.start <= start && e.end >= end) ||
          this.coveredPastNotes(exclusions.phrases, start, end))) ||
      this.saysNot(ci, exclusions)
    );
  }

  /** The one of several goods the line lists that holds start to end; undefined where the line names one. */
  private goodAt(start: number, end: number): { start: number; exclusions: DescriptionExclusions } | undefined {
    return this.listedGoods().find((g) => g.start <= start && end <= g.end);
  }

  /** Which of the line's goods holds start to end, where the line lists as many goods as its HS cell gives codes. */
  goodIndex(start: number, end: number): number | undefined {
    const goods = this.listedGoods();
    if (goods.length !== this.codes) return undefined;
    const at = goods.findIndex((g) => g.start <= start && end <= g.end);
    return at === -1 ? undefined : at;
  }

  /** The text of each good the line lists; the whole description where it names one. */
  goodTexts(): string[] {
    const goods = this.listedGoods();
    return goods.length === 0 ? [this.text] : goods.map((g) => g.exclusions.text);
  }

  private listedGoods(): ListedGood[] {
    if (!this.goods) {
      const segments = goodsSegments(this.text, this.codes);
      this.goods = segments.length < 2 ? [] : segments.map((g) => ({ ...g, exclusions: new DescriptionExclusions(this.rs, this.text.slice(g.start, g.end)) }));
    }
    return this.goods;
  }

  /** "Carbon fibre (T700) bicycle frame": an exclusion stands once a note in brackets is read past. */
  private coveredPastNotes(phrases: readonly string[], start: number, end: number): boolean {
    this.noteForms ??= bracketNoteForms(this.text).map((form) => ({ form, spans: new PhraseSpans(form.text) }));
    return this.noteForms.some(({ form, spans }) => {
      const span = spanInForm(form, start, end);
      return span !== undefined && spans.covers(phrases, span.start, span.end);
    });
  }

  /** The keyword at start-end only says what a part or accessory of the item is for ("spray drone smart battery"). */
  namesPart(ci: CompiledItem, start: number, end: number): boolean {
    const parts = this.rs.exclusions.of(ci.item.id)?.parts;
    return parts !== undefined && parts.length > 0 && namesPartOf(this.text, this.spans, parts, start, end);
  }

  /** Wherever its keyword stands: a phrase of the item's `excludedWith`, or the deciding parameter stated below the threshold. */
  private saysNot(ci: CompiledItem, exclusions: Exclusions | undefined): boolean {
    return (
      (exclusions !== undefined &&
        exclusions.excludedWith.some((p) => this.spans.unnegated(p).some((at) => !exclusions.asGoodsOnly || !standsAsPurpose(this.text, at, at + p.length)))) ||
      this.belowThreshold(ci)
    );
  }

  /**
   * The description states the item's deciding parameter, and only on its uncontrolled side ("Po-210 ionizer 18.5 MBq"),
   * without words that make the value no measure of the goods ("solution annealed" beside the UTS of an alloy).
   */
  belowThreshold(ci: CompiledItem): boolean {
    const bounds = ci.item.belowThreshold;
    if (bounds.length === 0) return false;
    const quantities = (this.quantities ??= statedQuantities(this.text));
    const within = (bound: QuantityBound, i: number): boolean => statesOnlyWithin(quantities, bound) && !ci.boundsUnless[i]!.some((words) => this.spans.has(words));
    return ci.item.anyParameterControls ? bounds.every(within) : bounds.some(within);
  }

  /** The item is decided by a particle size in µm, and the description gives its grit only as a grading number ("#3000"). */
  gritNumberOnly(ci: CompiledItem): string | undefined {
    if (!ci.item.belowThreshold.some((b) => b.quantity === 'µm' && b.of === 'particle')) return undefined;
    this.quantities ??= statedQuantities(this.text);
    return gritNumberOnly(this.text, this.quantities);
  }

  /** The description holds a word that says what ordinary goods are (household, toy, 歯科用). */
  civilGoods(): boolean {
    this.civil ??= saysCivilGoods(this.spans, this.rs.civilGoods);
    return this.civil;
  }

  private reorderedFor(ci: CompiledItem, exclusions: Exclusions): Hit<string>[] {
    if (this.text === '') return [];
    // goods keys rarely repeat when HS codes differ; descriptions do
    this.reordered ??= memoOf<Map<string, Hit<string>[]>>(this.rs, 'reordered exclusions', 20_000).get(this.text, () => new Map());
    let hits = this.reordered.get(ci.item.id);
    if (!hits) this.reordered.set(ci.item.id, (hits = exclusions.anyOrder.search(this.text)));
    return hits;
  }
}

/**
 * Drops matches that add nothing a reviewer needs: a keyword hit on a sibling of an item the row
 * already has by code (gallium nitride by HS code, "gallium" also hits gallium metal), and a bare
 * catalogue code where an item with the same code is encoded in detail.
 */
function withoutRedundant(matches: ItemMatch[]): ItemMatch[] {
  const strong = matches.filter((m) => m.strength !== 'possible');
  const detailed = matches.filter((m) => !isBare(m.item) && m.item.item.controlCode);
  // a detailed item explains a catalogue entry of its code only where it matched as strongly
  const explainedBy = (bare: ItemMatch): boolean => {
    const code = bare.item.item.controlCode;
    return (
      code !== undefined &&
      detailed.some((d) => !strongerThan(bare.strength, d.strength) && (code === d.item.item.controlCode || code.startsWith(`${d.item.item.controlCode}.`)))
    );
  };
  return matches.filter((m) => {
    if (isBare(m.item) && explainedBy(m)) return false;
    if (m.strength === 'possible' && m.evidence.kind !== 'control-code') return !strong.some((s) => sameFamily(s.item, m.item));
    return true;
  });
}

/** A code-only entry of the licence catalogue (tag `catalogue`): the fallback where no pack has detail. */
const isBare = (ci: CompiledItem): boolean => ci.item.tags.includes('catalogue');

/**
 * The announcement items that describe a catalogue entry's goods in detail: those of its code or the heading above it
 * (cn.dual-use.1C117.d for 1C117.d.1, cn.dual-use.2C901 for 2C901.b), and the item-pack items of its family that share
 * one of its reference codes without a control code of their own (cn.item.uav-radio-link for 9A012.e, both under
 * 8517629910). Their words, exclusions and bounds say what the entry's goods are and are not, too.
 */
function detailedTwins(rs: RuleSet, ci: CompiledItem): CompiledItem[] {
  if (!isBare(ci)) return [];
  let twins = twinsOfEntry.get(ci);
  if (!twins) twinsOfEntry.set(ci, (twins = findTwins(rs, ci)));
  return twins;
}

/** Each entry's twins, found once: they depend only on the rule set the entry was compiled into. */
const twinsOfEntry = new WeakMap<CompiledItem, CompiledItem[]>();

function findTwins(rs: RuleSet, ci: CompiledItem): CompiledItem[] {
  const code = ci.item.controlCode;
  const out = new Set<CompiledItem>();
  if (code) {
    for (let at = code.length; at > 0; at = code.lastIndexOf('.', at - 1)) {
      for (const t of rs.byControlCode.get(code.slice(0, at)) ?? []) if (!isBare(t)) out.add(t);
    }
  }
  for (const entry of ci.item.hsCodes) {
    for (const { item: t } of rs.hsExact.get(codeText(entry)) ?? []) if (!isBare(t) && t.item.controlCode === undefined && families(t).some((f) => families(ci).includes(f))) out.add(t);
  }
  return [...out];
}

function sameFamily(a: CompiledItem, b: CompiledItem): boolean {
  const ca = a.item.controlCode;
  const cb = b.item.controlCode;
  if (ca && cb) return ca.slice(0, 5) === cb.slice(0, 5);
  return families(a).some((t) => families(b).includes(t));
}

/** An item's family tags: `catalogue` says where an entry comes from, not what it is. */
const families = (ci: CompiledItem): string[] => ci.item.tags.filter((t) => t !== 'catalogue');

/** The items a control code names (its own or its parent's), or, where none, those of the sub-items it heads. */
function itemsOfCode(rs: RuleSet, code: string): { found: CompiledItem[]; underHeading: CompiledItem[] } {
  const found = lookupControlCode(rs, code);
  const underHeading = found.length > 0 ? [] : (rs.parentCodes.get(code) ?? []).flatMap((sub) => rs.byControlCode.get(sub) ?? []);
  return { found, underHeading };
}

/**
 * Items encoded at the code itself or at its nearest encoded parent (1C902.a.1 → 1C902.a → 1C902).
 * A level holding only bare catalogue codes does not stop the walk: the parent may carry the
 * detail (tags, HS codes) that measures need. A detailed sub-item does stop it, even when it is
 * suspended: its own dates govern, not the parent's.
 */
function lookupControlCode(rs: RuleSet, code: string): CompiledItem[] {
  const parts = code.split('.');
  const found: CompiledItem[] = [];
  for (let n = parts.length; n >= 1; n--) {
    const level = rs.byControlCode.get(parts.slice(0, n).join('.'));
    if (!level) continue;
    found.push(...level);
    if (level.some((ci) => !isBare(ci))) break;
  }
  return found;
}

/** An entry of category 1's materials (1C: fibres, alloys, powders, chemicals), the announcements' metals and compounds among them. */
const isMaterial = (ci: CompiledItem): boolean => ci.item.controlCode?.startsWith('1C') === true;

/**
 * A code of chapters 84 to 97 (machines, instruments, vehicles and other finished articles, not materials) whose heading
 * holds no controlled item's reference code, outside chapters 88 and 93: aircraft, spacecraft and UAV parts and arms are
 * where an article's material is the point (a carbon-fibre rocket motor case under 880730 may itself be a listed article
 * that its words did not name); under 901590 a carbon-fibre prism pole is none.
 */
const declaresPlainArticles = (rs: RuleSet, digits: string): boolean => {
  const chapter = Number(digits.slice(0, 2));
  return digits.length >= 4 && chapter >= 84 && chapter !== 88 && chapter !== 93 && !rs.hsPrefixes.has(digits.slice(0, 4)) && !rs.hsExact.has(digits.slice(0, 8));
};

function hsRelated(ci: CompiledItem, digits: string): boolean {
  if (ci.item.hsCodes.length === 0) return true;
  return ci.item.hsCodes.some((h) => {
    const code = codeText(h);
    return code.startsWith(digits) || digits.startsWith(code);
  });
}
