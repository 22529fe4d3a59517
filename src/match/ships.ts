/**
 * Warships written as navies write them: a ship prefix, the ship's name and its hull number ("USS George
 * Washington (CVN-73)", "JS Kaga (DDH-184)", "USNS Mercy (T-AH-19)"). A prefix and a hull number together name
 * the navy for certain. A prefix and a name alone only where the pack says the prefix is rarely anything else
 * (USS), and never before a legal form: "USS Co., Ltd." is a Japanese car-auction company, "JS Foods" a grocer; nor
 * as a museum's name ("USS Midway Museum").
 */
import { nameFeatures } from './party-names.js';

export interface ShipHit<R> {
  ref: R;
  /** The prefix, the ship's name and its hull number as written. */
  text: string;
  /** A hull number stood after the name. */
  certain: boolean;
}

/**
 * After the prefix: the ship's name, whole words that begin with a capital ("The Sullivans", "GEORGE WASHINGTON"); a
 * word may not run into a hull number ("CVN-73" is none).
 */
const SHIP_WORD = String.raw`[A-Z][\p{L}.'’]*(?:-\p{L}+)*(?![\p{L}\p{N}-])`;
const SHIP_NAME = String.raw`${SHIP_WORD}(?:[ \t]+(?:${SHIP_WORD}|of|the|de))*`;
/** A hull number: in brackets ("(CVN-73)", "(LCC 19)") or hyphenated ("DDG-62", "T-AH-19"). */
const HULL_NUMBER = String.raw`\((?:T-)?[A-Z]{1,5}[- ]?\d{1,4}\)|(?<![\p{L}\p{N}-])(?:T-)?[A-Z]{1,5}-\d{1,4}(?![\p{L}\p{N}])`;

/** A decommissioned ship kept as a museum, named so without a hull number ("USS Midway Museum"; a memorial is a civil body's word). */
const MUSEUM_SHIP = /[ \t]Museum$/i;

/**
 * A kind of ship as the JMSDF names it (護衛艦, 輸送艦, 砕氷艦 …), then the ship's name in hiragana, bare or in quotes
 * (護衛艦「いずも」, 砕氷艦しらせ): the JMSDF writes its ships' names in hiragana, and Japanese writes other navies' ships in
 * katakana. Bare, the name must stand as a word of its own and not begin like a particle or a word of prose (護衛艦の部品,
 * 潜水艦などの模型).
 */
const QUOTED_HIRAGANA = String.raw`[「『“"]\s*[ぁ-ゖー]{2,8}\s*[」』”"]`;
const BARE_HIRAGANA = String.raw`(?![のをにがはへとやでもなほまよ])[ぁ-ゖー]{2,8}`;
const HIRAGANA_NAME = String.raw`(?:${QUOTED_HIRAGANA}|${BARE_HIRAGANA}(?=$|[\s、。,.()（）・/\p{Script=Han}\p{Script=Katakana}A-Za-z0-9]))`;

/**
 * A hull number of a JMSDF kind of ship ("DDH-184", "DDH184", "AGB 5003": destroyers, frigates, submarines, transport,
 * supply, icebreaker, test, training, minesweeping and support ships) beside a name in hiragana, before or after it
 * (DDH-184 かが, DDH184「かが」, いずも（DDH-183）): the JMSDF's way of writing its own ships, as a kind before the name is.
 */
const HULL_CODE = String.raw`(?<![\p{L}\p{N}])(?:(?:DDH|DDG|DE|FFM|LST|AOE|AGB|ASE|AOS|AGS|ARC|ATS|TV|MSO|MSC|MST|AMS|ASR)[- ]?|(?:DD|SS)-)\d{2,4}(?![\p{L}\p{N}])`;
/** The ship's name beside a hull number: in quotes, or bare and standing alone (not the first word of さくら鋼材). */
const HULL_NAME = String.raw`(?:${QUOTED_HIRAGANA}|${BARE_HIRAGANA}(?=$|[\s、。,.()（）/]))`;

export class ShipPrefixes<R> {
  private readonly byPrefix = new Map<string, { ref: R; alone: boolean }>();
  private readonly byKind = new Map<string, R>();
  private pattern: RegExp | undefined;
  private kindPattern: RegExp | undefined;
  private hullPattern: RegExp | undefined;

  /** `alone`: the prefix before a ship's name counts without a hull number too (as a possible match). */
  add(prefix: string, ref: R, alone: boolean): void {
    this.byPrefix.set(prefix, { ref, alone });
    this.pattern = undefined;
  }

  /** A kind of ship before a name in hiragana names the navy for certain (see HIRAGANA_NAME). */
  addKind(kind: string, ref: R): void {
    this.byKind.set(kind, ref);
    this.kindPattern = undefined;
  }

  /**
   * The ships the text names, each once, by prefix or by kind. `otherBody`: whether a prefix, name and the words after it
   * without a hull number name another body ("USS Missouri Memorial Association"), which is then no ship.
   */
  find(text: string, otherBody: (written: string) => boolean = () => false): ShipHit<R>[] {
    const hits = this.byPrefix.size === 0 ? [] : this.byPrefixes(text, otherBody);
    for (const hit of this.byKinds(text)) if (!hits.some((h) => h.ref === hit.ref && h.certain)) hits.push(hit);
    return hits;
  }

  private byKinds(text: string): ShipHit<R>[] {
    if (this.byKind.size === 0) return [];
    // longest kind first: 潜水艦救難艦 before 潜水艦
    this.kindPattern ??= new RegExp(`(${[...this.byKind.keys()].sort((a, b) => b.length - a.length).join('|')})\\s*${HIRAGANA_NAME}`, 'gu');
    const hits: ShipHit<R>[] = [];
    for (const m of text.matchAll(this.kindPattern)) {
      const ref = this.byKind.get(m[1]!)!;
      if (!hits.some((h) => h.ref === ref)) hits.push({ ref, text: m[0].trim(), certain: true });
    }
    // a hull number beside a hiragana name names the navy whose kinds of ship the pack lists, where only one navy's are
    if (hits.length === 0) {
      const navies = new Set(this.byKind.values());
      this.hullPattern ??= new RegExp(`${HULL_CODE}\\s*${HULL_NAME}|${HULL_NAME}\\s*[(（]?\\s*${HULL_CODE}[)）]?`, 'u');
      const m = navies.size === 1 ? this.hullPattern.exec(text) : null;
      if (m) hits.push({ ref: [...navies][0]!, text: m[0].trim(), certain: true });
    }
    return hits;
  }

  private byPrefixes(text: string, otherBody: (written: string) => boolean): ShipHit<R>[] {
    this.pattern ??= new RegExp(
      String.raw`(?<![\p{L}\p{N}])(${[...this.byPrefix.keys()].join('|')})[ \t]+(${SHIP_NAME})(?:[ \t]*,?[ \t]*(${HULL_NUMBER}))?`,
      'gu',
    );
    const hits: ShipHit<R>[] = [];
    for (const m of text.matchAll(this.pattern)) {
      const { ref, alone } = this.byPrefix.get(m[1]!)!;
      const certain = m[3] !== undefined;
      if (!certain && (!alone || nameFeatures(text.slice(m.index)).legalKinds.size > 0 || otherBody(m[0]) || MUSEUM_SHIP.test(m[2]!))) continue;
      if (!hits.some((h) => h.ref === ref && h.certain === certain)) hits.push({ ref, text: m[0].trim(), certain });
    }
    return hits;
  }
}
