/**
 * The rule-pack schema. The zod schema is the type (z.infer) and the source of
 * rules/schema/rule-pack.schema.json, which every YAML pack names for editors.
 */
import { z } from 'zod';
import { QUANTITY_LABELS, QUANTITY_UNITS, type QuantityLabel } from '../model/quantity.js';
import { CONFIDENCES, PARTY_LISTS, VERDICTS } from '../model/verdict.js';

const isoDateRe = /^\d{4}-\d{2}-\d{2}$/;

export const IsoDate = z
  .string()
  .regex(isoDateRe, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'not a calendar date');

/** A PRC export control code: digit, item type A-E, three digits, optional dotted sub-items (1C902.a, 2B352.f.1). */
export const controlCodeRe = /^[0-9][A-E][0-9]{3}(\.[a-z0-9]+)*$/;
/** YAML reads unquoted codes such as 2E902 or 1E004 as numbers: say so instead of "expected string". */
const quotedString = (what: string) =>
  z.string({ error: (issue) => (issue.input === undefined ? `${what} is required` : `${what} must be a quoted string (YAML reads unquoted codes such as 2E902 or 2846901940 as numbers)`) });

export const ControlCode = quotedString('a control code')
  .regex(controlCodeRe, 'expected a control code such as 1C902 or 2B352.f.1 (sub-items in lower case)');

export const HsCodeText = quotedString('an HS code').regex(/^(\d{4}|\d{6}|\d{8}|\d{10})$/, 'expected an HS code of 4, 6, 8 or 10 digits, digits only');
export const CasNumber = z.string().regex(/^\d{2,7}-\d{2}-\d$/, 'expected a CAS number such as 14802-03-0');

export const Confidence = z.enum(CONFIDENCES);
export type Confidence = z.infer<typeof Confidence>;

export const Verdict = z.enum(VERDICTS);
export type Verdict = z.infer<typeof Verdict>;

export const ItemStrength = z.enum(['listed', 'reference', 'possible']);
export type ItemStrength = z.infer<typeof ItemStrength>;

const Text = z.string().trim().min(1);
const SetId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'phrase set ids are lower case, digits and dashes');

export const Source = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9._-]+$/, 'source ids use letters, digits, dot, dash and underscore'),
    title: Text,
    issuer: Text.optional(),
    date: IsoDate,
    url: z.url().optional(),
    confidence: Confidence.optional(),
    note: Text.optional(),
  })
  .strict();
export type Source = z.infer<typeof Source>;

/** Dates in force; `to` is the last day in force (inclusive). */
export const Effective = z
  .object({ from: IsoDate, to: IsoDate.optional(), toSource: Text.optional() })
  .strict();

/** A window in which a rule does not apply; both days inclusive. */
export const Suspension = z.object({ from: IsoDate, to: IsoDate, source: Text, note: Text.optional() }).strict();

/** A string, or the same with its own confidence and note. LOW entries only ever raise `review`. */
const Qualified = <T extends z.ZodType<string>>(value: T) =>
  z.union([
    value,
    z.object({ value, confidence: Confidence.optional(), note: Text.optional(), source: Text.optional() }).strict(),
  ]);

const threshold = z.number().positive().optional();
const oneSide = (q: { below?: number; atMost?: number; above?: number; atLeast?: number }): boolean =>
  [q.below, q.atMost, q.above, q.atLeast].filter((v) => v !== undefined).length === 1;

/**
 * A `together` group that is a stated parameter on the controlled side of a threshold (src/match/quantities.ts reads kHz,
 * L/s, kV, µm ...): at least or above it, or below or at most it for a size the entry needs small.
 */
export const QuantityCondition = z
  .object({ quantity: z.enum(QUANTITY_UNITS), atLeast: threshold, above: threshold, below: threshold, atMost: threshold })
  .strict()
  .refine(oneSide, 'a quantity group gives one of atLeast, above, below or atMost');

/** The uncontrolled side of an entry's deciding parameter (an item's `belowThreshold`). */
export const QuantityBound = z
  .object({
    quantity: z.enum(QUANTITY_UNITS),
    below: threshold,
    atMost: threshold,
    /** For a parameter the entry needs small (a powder's particle size): the goods lie above it. */
    above: threshold,
    atLeast: threshold,
    /** Only stated values from this one up are the parameter (a purity among impurity contents). */
    valuesFrom: threshold,
    /** Words that make a stated value no measure of what the goods can reach ("solution annealed" beside a UTS). */
    unlessWith: z.array(Text).min(1).optional(),
    /**
     * Only values written as this dimension count: sizes as a `diameter` ("Φ120", "OD 80 mm", "直径10mm"), `inside-diameter`
     * ("ID 100 mm", "内径100mm"), `positioning-accuracy` ("positioning accuracy 0.010 mm", "定位精度0.012mm"), `particle` or
     * `dredging-depth` ("挖深10米"); powers as a `cutter-power` ("绞刀功率200kW") or an `installed-power` ("总装机功率480kW").
     */
    of: z.enum(Object.keys(QUANTITY_LABELS) as [QuantityLabel, ...QuantityLabel[]]).optional(),
    /** Only values written as a range count ("0-400 Hz", "0.1〜590Hz": a drive's output), not a lone one (its mains frequency). */
    rangesOnly: z.literal(true).optional(),
  })
  .strict()
  .refine(oneSide, 'a threshold bound gives one of below, atMost, above or atLeast')
  .refine((b) => b.of === undefined || QUANTITY_LABELS[b.of] === b.quantity, 'a bound "of" a dimension is stated in its unit: µm for a size, W for a power');

export const Keywords = z
  .object({
    en: z.array(Text).optional(),
    zh: z.array(Text).optional(),
    ja: z.array(Text).optional(),
    /** Korean (Hangul), matched as substrings like Chinese and Japanese. */
    ko: z.array(Text).optional(),
    /** German, French, Spanish and Italian, as European paperwork writes the goods: matched as whole words, like English. */
    de: z.array(Text).optional(),
    fr: z.array(Text).optional(),
    es: z.array(Text).optional(),
    it: z.array(Text).optional(),
    /**
     * Abbreviations and trade codes written in capitals (HMX, RDX, T800, CZT, IMU): matched
     * case-sensitively as whole words, so "HMX" counts but "hmx" in a part number or "tea" does not.
     */
    abbr: z.array(z.string().regex(/^[A-Z0-9][A-Za-z0-9+\-./]*[A-Za-z0-9]$/, 'an abbreviation of letters and digits, e.g. HMX or T800')).optional(),
  })
  .strict();
export type Keywords = z.infer<typeof Keywords>;

export const Item = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(\.[A-Za-z0-9_-]+)+$/, 'rule ids are dotted, e.g. cn.dual-use.1C902.a'),
    controlCode: ControlCode.optional(),
    title: z.object({ en: Text, zh: Text.optional(), ja: Text.optional() }).strict(),
    description: Text.optional(),
    source: Text,
    confidence: Confidence.default('HIGH'),
    hsCodes: z.array(Qualified(HsCodeText)).default([]),
    /**
     * How far the item's HS codes reach: `heading` (the default), a row under a 4-, 6- or 8-digit code that begins one of
     * them is a possible match; `declared`, only a row that declares the code itself: for an entry whose text the source
     * lost, which no words can tell from the other goods under the heading.
     */
    hsReach: z.enum(['heading', 'declared']).default('heading'),
    keywords: Keywords.default({}),
    /**
     * Terms that name the item only together, as paperwork writes a common noun and its deciding qualifier apart
     * ("IC, ADC, 16-BIT, RAD-HARD"): each entry is groups of terms, and a description holding a term of every
     * group, anywhere, is a possible match (together.ts), which an exclusion anywhere in the description cancels.
     * E.g. [[ADC, 模数转换器], [rad-hard, 抗辐射]]. A group may instead be a stated parameter at or past the entry's
     * threshold: [[lithium-ion, 锂离子], {quantity: Wh/kg, atLeast: 300}] (quantities.ts reads "320 Wh/kg").
     */
    together: z
      .array(
        z
          .array(z.union([z.array(Text).min(1), QuantityCondition]))
          .min(2, 'a "together" entry needs at least two groups of terms')
          .refine((groups) => groups.some((g) => Array.isArray(g)), 'a "together" entry needs a group of terms beside its quantities'),
      )
      .default([]),
    /** Phrases that, where a keyword hit lies inside one of them, cancel it ("dysprosium-free"). */
    exclusions: z.array(Text).default([]),
    /**
     * Phrases that, anywhere in the description, say the goods are not this item, as the entry's own text sets them apart
     * ("medical MRI" for 3A201.b's note; "TIG welding" for tungsten): they cancel every keyword, `together` and
     * HS-subheading match of the item, wherever the keyword stands. Only words no description of the item itself holds.
     */
    excludedWith: z.array(Text).default([]),
    /**
     * Named phrase lists (`phraseSets` of any loaded pack) whose phrases count as this item's `excludedWith` too: one list
     * of packaged electronic devices or finished articles for every material item that such goods are not.
     */
    excludedWithSets: z.array(SetId).default([]),
    /**
     * Named phrase lists whose phrases count as this item's `exclusions` (a keyword hit inside one does not count). A phrase
     * holding `{}` is a pattern: it stands for each of the item's keywords in that place ("{}-doped", "掺{}", "{}ドープ"), so
     * one list says, for every material that names it, where the material's name stands as a dopant, a coating or a
     * catalyst of other goods, or as part of a compound's name.
     */
    exclusionSets: z.array(SetId).default([]),
    /**
     * The `excludedWith` phrases count only where they say what the goods are ("Ebola virus PCR kit"), not where they stand
     * as the goods' purpose ("live culture, for test kit production", "用于试剂盒生产"): for an item that is shipped for such
     * a use. Without it a phrase counts wherever it stands ("fibre for cut-resistant gloves" is not the armour fibre).
     */
    excludedWithAsGoodsOnly: z.boolean().default(false),
    /**
     * Named phrase lists (`phraseSets`) of the parts and accessories of a whole piece of equipment (a drone's batteries and
     * propellers, a dredger's spare parts and cutter teeth): a keyword of the item that only says what such a part is for,
     * the part written after it in the same phrase ("spray drone smart battery", "绞吸式挖泥船备件") or before it with the
     * keyword as its purpose ("battery for spray drone"), does not count (parts.ts). A part listed with the goods ("with 2
     * batteries", 含电池) or heading a parameter ("battery capacity") leaves the keyword standing.
     */
    partSets: z.array(SetId).default([]),
    /**
     * The entry's deciding parameter on its uncontrolled side, for an entry that one parameter (or several that must all
     * be met) decides: where the description states the parameter and every value it states of it is within the bound,
     * a keyword, `together` or HS-subheading match does not count, as an exclusion's would not (`{quantity: Bq, below:
     * 3.7e9}`: an ionizer of 18.5 MBq). For an entry that any one of several parameters brings in, only with
     * `anyParameterControls`.
     */
    belowThreshold: z.array(QuantityBound).default([]),
    /**
     * The entry takes goods with any one of its parameters ("with any of: cutter power >= 500 kW; dredging depth >= 15 m"):
     * `belowThreshold` then says the goods are not the entry only where every bound is stated on its uncontrolled side.
     */
    anyParameterControls: z.literal(true).optional(),
    /** HS headings (2-10 digits) under which a keyword hit does not count: graphite pencils are 9609. */
    excludedHs: z.array(z.string().regex(/^\d{2,10}$/, 'expected the digits of an HS heading, e.g. "9609"')).default([]),
    cas: z.array(Qualified(CasNumber)).default([]),
    tags: z.array(z.string().regex(/^[a-z0-9-]+$/)).default([]),
    effective: Effective,
    suspended: z.array(Suspension).default([]),
    /** The technical parameter that decides whether goods are this item, shown on keyword matches. */
    decidedBy: Text.optional(),
    /** The regime list entry whose wording the English title follows, and how China's entry differs. */
    counterpart: z.object({ ref: Text, differs: Text.optional() }).strict().optional(),
    note: Text.optional(),
  })
  .strict();
export type Item = z.infer<typeof Item>;

/**
 * control: China's export control list (出口管制管控名单); watch: its watch list (关注名单);
 * military-user: a military user by definition (Japan's Ministry of Defense, US armed forces);
 * unreliable: the Unreliable Entity List (不可靠实体清单); defence-contractor: a prime contractor of a
 * defence ministry, screened under the "enhance military capabilities" limb of 2026 No. 1 (review only).
 */
export const PartyList = z.enum(PARTY_LISTS);
export type PartyList = z.infer<typeof PartyList>;

/** A name as it appears on documents. `reviewOnly` names (a parent legal entity of a listed division, an unverified form) never block. */
export const PartyName = z.union([
  Text,
  z
    .object({
      name: Text,
      confidence: Confidence.optional(),
      reviewOnly: z.boolean().optional(),
      /** The name exactly as the listing announcement printed it: an exact match always blocks. */
      published: z.boolean().optional(),
      /** An abbreviation (MHI-MME, JGSDF): it matches only when written as such, never fuzzily. */
      abbreviation: z.boolean().optional(),
      /**
       * A name other countries' bodies bear too ("Ministry of Defense", "National Defense Academy"): it names this
       * party only on a row that gives the party's country, and then does not bring the country itself.
       */
      generic: z.boolean().optional(),
      note: Text.optional(),
      source: Text.optional(),
    })
    .strict(),
]);

/**
 * A navy's ship prefix ("USS", "JS"): a ship written with it and its hull number ("USS Blue Ridge (LCC-19)",
 * "JS Kaga (DDH-184)") is that navy's, a military user wherever the ship lies.
 */
export const ShipPrefix = z
  .object({
    prefix: z.string().regex(/^[A-Z]{2,5}$/, 'a ship prefix in capitals, e.g. USS'),
    /**
     * `review`: the prefix before a ship's name raises review without a hull number too (USS is rarely anything
     * else); omitted: only with a hull number (JS also begins company names).
     */
    withoutHullNumber: z.literal('review').optional(),
  })
  .strict();
export type ShipPrefix = z.infer<typeof ShipPrefix>;

/**
 * An address that belongs to the party (a military post office's form, a headquarters' street address): a party cell or an
 * end use that gives it names the party by its address only, which raises review and never more (the address alone
 * does not say who the consignee is). `text`: the address as written, compared after folding (width, case, spaces and
 * punctuation, 番/号/丁目 between numbers, ヶ/ケ inside a place name), and never inside a longer number (5-1 is not
 * 15-1 or 5-10). `pattern`: a regular expression (case-insensitive) tried on the cell folded for width and case with
 * its spaces collapsed, for an address family such as the APO/FPO forms.
 */
export const PartyAddress = z
  .object({
    text: Text.optional(),
    pattern: Text.optional(),
    /** What the address is, for the finding ("Ministry of Defense headquarters, Ichigaya"). */
    label: Text,
    /**
     * The party's own compound, which no one else occupies (the ministry's headquarters, a camp, a base): goods delivered
     * there are delivered to it, so the address names the party for certain. A postal form that also serves people
     * (APO/FPO) is not premises: it only raises review.
     */
    premises: z.literal(true).optional(),
    source: Text,
    confidence: Confidence.optional(),
    note: Text.optional(),
  })
  .strict()
  .superRefine((a, ctx) => {
    if ((a.text === undefined) === (a.pattern === undefined)) ctx.addIssue({ code: 'custom', message: 'an address has either `text` or `pattern`', path: ['text'] });
    if (a.pattern !== undefined) {
      try {
        new RegExp(a.pattern, 'iu');
      } catch (e) {
        ctx.addIssue({ code: 'custom', message: `not a valid regular expression: ${(e as Error).message}`, path: ['pattern'] });
      }
    }
  });
export type PartyAddress = z.infer<typeof PartyAddress>;

export const Party = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(\.[A-Za-z0-9_-]+)+$/),
    list: PartyList,
    country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code'),
    names: z
      // ko: Korean paperwork's names of the forces (주한미군, 육상자위대); matched, never shown in reports
      .object({ en: z.array(PartyName).default([]), zh: z.array(PartyName).default([]), ja: z.array(PartyName).default([]), ko: z.array(PartyName).optional() })
      .strict(),
    /** Addresses that belong to the party: a cell that gives one names the party by its address (review, unless premises). */
    addresses: z.array(PartyAddress).default([]),
    /** Listing date: the entry counts from this day. Omitted for military users by definition. */
    listed: IsoDate.optional(),
    delisted: IsoDate.optional(),
    /** Windows in which the listing's measures are suspended (both days inclusive). */
    suspended: z.array(Suspension).default([]),
    /** The listing's measures stopped (停止执行) from this day; the entity stays named, so rows get a note. */
    stopped: z.object({ from: IsoDate, source: Text, note: Text.optional() }).strict().optional(),
    /** The listing also bars anyone abroad from transferring PRC-origin dual-use items to the entity (2026 wording). */
    transferBan: z.boolean().default(false),
    /**
     * A military user's ships, named by their prefix (see ShipPrefix); `kinds`: the words the navy's own Japanese names its
     * kinds of ship by (護衛艦, 輸送艦, 砕氷艦 …), which before a ship's name in hiragana name the navy (src/match/ships.ts).
     */
    ships: z
      .object({
        prefixes: z.array(ShipPrefix).min(1),
        source: Text,
        note: Text.optional(),
        kinds: z.object({ words: z.array(Text).min(1), source: Text, note: Text.optional() }).strict().optional(),
      })
      .strict()
      .optional(),
    /** Unreliable Entity List: the listing bans the entity's China-related import and export (measure 1). */
    tradeBan: z.boolean().default(false),
    source: Text,
    confidence: Confidence.default('HIGH'),
    note: Text.optional(),
  })
  .strict();
export type Party = z.infer<typeof Party>;

/** Goods that a catch-all reaches whatever their specification (any drone, 2024 No. 31): HS headings and words. */
export const GoodsScope = z
  .object({
    hs: z.array(z.string().regex(/^\d{2,10}$/, 'expected the digits of an HS heading, e.g. "8806"')).default([]),
    keywords: Keywords.default({}),
    exclusions: z.array(Text).default([]),
    excludedHs: z.array(z.string().regex(/^\d{2,10}$/, 'expected the digits of an HS heading, e.g. "9503"')).default([]),
  })
  .strict();
export type GoodsScope = z.infer<typeof GoodsScope>;

export const MeasureCondition = z
  .object({
    /**
     * identified: a matched item at one of `itemStrength` (and `itemTags`); unidentified: no such item
     * (fail closed: the measure covers every dual-use item, so the classification must be confirmed);
     * any: whatever the goods; scope: goods within `scope`, whatever their specification.
     */
    goods: z.enum(['identified', 'unidentified', 'any', 'scope']).default('identified'),
    /** The row's strongest in-force item must be one of these. */
    itemStrength: z.array(ItemStrength).min(1).default(['listed', 'reference']),
    /** At least one matched item carries one of these tags. */
    itemTags: z.array(z.string()).optional(),
    scope: GoodsScope.optional(),
    /** Destination, consignee or end-user country, or the country of a matched listed party or military user. */
    nexus: z.string().regex(/^[A-Z]{2}$/).optional(),
    /** A military user among the parties, or a military term in the end use. */
    military: z.literal(true).optional(),
    /** A party on this list (in force at the as-of date). */
    partyList: z.enum(['control', 'watch', 'unreliable', 'defence-contractor']).optional(),
    /** true: only parties whose listing bans China-related trade (Unreliable Entity List measure 1); false: only the others. */
    partyTradeBan: z.boolean().optional(),
    /** re-export: only rows exported from a third country (a clause that binds foreign exporters). */
    route: z.literal('re-export').optional(),
  })
  .strict();
export type MeasureCondition = z.infer<typeof MeasureCondition>;

export const Measure = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(\.[A-Za-z0-9_-]+)+$/),
    title: Text,
    verdict: z.enum(['prohibited', 'license', 'review']),
    message: Text,
    /** The message in Simplified Chinese and Japanese, for reports in those languages (`--lang`). */
    messageI18n: z.object({ zh: Text.optional(), ja: Text.optional() }).strict().optional(),
    source: Text,
    confidence: Confidence.default('HIGH'),
    effective: Effective,
    suspended: z.array(Suspension).default([]),
    when: MeasureCondition,
    /**
     * export: exports from China (or rows with no export country); transfer: also rows exported from
     * another country of PRC-origin goods (the transfer clauses of 2026 No. 1, 2024 No. 46, the 2026
     * control-list listings); with partyList, only parties whose listing has `transferBan` reach them.
     */
    reach: z.enum(['export', 'transfer']).default('export'),
    note: Text.optional(),
  })
  .strict();
export type Measure = z.infer<typeof Measure>;

/** Words of a unit designation, per script: Latin, Chinese, Japanese and Korean. */
const UnitWords = z
  .object({ en: z.array(Text).optional(), zh: z.array(Text).optional(), ja: z.array(Text).optional(), ko: z.array(Text).optional() })
  .strict();

/**
 * Military units named by their designation, a number and a unit noun ("374th Airlift Wing", "Seventh Fleet", "III MEF",
 * "Carrier Air Wing 5", 第7艦隊, 第二步兵师, 제2보병사단): a military body whatever its number. The number's forms (1st,
 * 2d, Seventh, XVIII, 第７, 第七, 제2) are the engine's; the packs give the nouns.
 */
export const UnitDesignations = z
  .object({
    /** Nouns a number or ordinal stands before; Chinese and Japanese after 第N, Korean after 제N. */
    after: UnitWords.default({}),
    /** Latin abbreviations a number stands before, also bare or glued to it (2ID, 31 FW, 31st MEU, III MEF). */
    afterAbbreviations: z.array(Text).default([]),
    /** Nouns written before their number ("Carrier Air Wing 5", "Destroyer Squadron 15"), and their abbreviations (CVW-5, MAG-12). */
    before: UnitWords.default({}),
    /** Words that, written in the same name as a unit, make it that country's unit ("U.S. Seventh Fleet", 美军第82空降师, 주한미군 제2보병사단). */
    countries: z
      .array(
        z
          .object({
            country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166-1 alpha-2 country code'),
            words: UnitWords,
            /** Single characters that name the country written straight before the unit's number (米第8軍, 美第7舰队, 미8군). */
            prefixes: z.array(z.string().length(1)).default([]),
            /**
             * Nouns of `before` or `afterAbbreviations` that only this country's forces use: a unit designated by one is this
             * country's wherever it sits (VFA-27, MWSS-171: the US Navy's and Marine Corps' letter designations).
             */
            designations: z.array(Text).default([]),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();
export type UnitDesignations = z.infer<typeof UnitDesignations>;

export const Terms = z
  .object({
    /** Military end-use terms; a hit gives the row a military nexus. */
    military: Keywords.default({}),
    /**
     * Words that make a consignee or end user a military body of some country (army, navy, 陆军, 自衛隊):
     * the row has a military nexus, though not a country (that comes from the country columns).
     */
    organisations: Keywords.default({}),
    /** Phrases in which a military term does not count ("non-military", "民用"). */
    negations: Keywords.default({}),
    /**
     * Names of civil bodies whose own units and sites carry words of `organisations` (the Japan Coast Guard's 羽田航空基地,
     * a volunteer fire corps' 東部方面隊): a consignee or end user that names one is not made a military body by such a
     * word. A military user's name in the same cell (陸上自衛隊) still counts.
     */
    civilAgencies: Keywords.default({}),
    /**
     * Words of a civil body or trade of another kind (surplus, credit union, veterans' association, memorial, brewery,
     * 剩余物资, 家族会): written after a military word or a ship's name in a party's name, or beside a listed name held in
     * a longer one, they make the name another body's ("Army Navy Surplus Store", "USS Missouri Memorial Association",
     * "Epirus Olive Oil Cooperative"). Never words that armed forces or listed firms name their own units with.
     */
    civilBodies: Keywords.default({}),
    /** Units named by their designation: a party or an end use naming one names a military body. */
    units: UnitDesignations.optional(),
    source: Text,
  })
  .strict();

/**
 * Words that say what ordinary goods are (household, toy, 歯科用): where a description holds one, an HS code that
 * only might be a dual-use item (a subheading or tariff line that covers reference codes) does not count. A keyword,
 * CAS number, control code or reference code of the item still does.
 */
export const CivilGoods = z.object({ words: Keywords.omit({ abbr: true }), source: Text }).strict();

/**
 * A named list of phrases that items share (`excludedWithSets`, `exclusionSets`), with why its phrases are not those items.
 * A phrase holding `{}` is a pattern for the keywords of the items that name the list in `exclusionSets`.
 */
export const PhraseSet = z.object({ id: SetId, source: Text, note: Text.optional(), phrases: z.array(Text).min(1) }).strict();

export const Structure = z
  .object({
    categories: z
      .array(z.object({ digit: z.string().regex(/^[0-9]$/), en: Text, zh: Text.optional(), confidence: Confidence.default('HIGH') }).strict())
      .default([]),
    itemTypes: z
      .array(z.object({ letter: z.string().regex(/^[A-E]$/), en: Text, zh: Text.optional(), confidence: Confidence.default('HIGH') }).strict())
      .default([]),
    source: Text,
  })
  .strict();

export const RulePack = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'pack ids are lower case, digits, dot and dash'),
    version: Text,
    dataAsOf: IsoDate,
    title: Text,
    description: Text.optional(),
    /** What this pack knowingly leaves out, and why. */
    gaps: z.array(Text).default([]),
    sources: z.array(Source).min(1),
    items: z.array(Item).default([]),
    measures: z.array(Measure).default([]),
    parties: z.array(Party).default([]),
    /**
     * Abbreviations that documents write for words of listed names ("MHI Aero Engines" for Mitsubishi
     * Heavy Industries Aero Engines): party matching expands them on both sides.
     */
    nameAbbreviations: z
      .array(z.object({ abbreviation: z.string().regex(/^[A-Za-z0-9]+$/), expansion: Text, source: Text, note: Text.optional() }).strict())
      .default([]),
    terms: Terms.optional(),
    civilGoods: CivilGoods.optional(),
    structure: Structure.optional(),
    /** Named phrase lists that items of any pack name in `excludedWithSets` or `exclusionSets`. */
    phraseSets: z.array(PhraseSet).default([]),
  })
  .strict();
export type RulePack = z.infer<typeof RulePack>;
