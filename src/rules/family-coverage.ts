/**
 * Which item families the packs' self-test manifests cover as issue 11 asks: for every family recognised
 * from words (an item with keywords or `together` terms), a controlled row in English, one in Chinese,
 * one in Japanese, and a benign look-alike that must not fire the item (`clear !ITEM`). A family is a
 * control-code heading (1C210 for 1C210.a and 1C210.b), or the item itself where it has no code. The
 * language of a row is its description's script: kana make it Japanese, Chinese characters without kana
 * Chinese, anything else English (so a Japanese wording written in kanji alone counts as Chinese).
 */
import type { Item } from './schema.js';

export const COVERAGE_KINDS = ['en', 'zh', 'ja', 'look-alike'] as const;
export type CoverageKind = (typeof COVERAGE_KINDS)[number];

const KANA = /[\u3040-\u30ff\uff66-\uff9f]/;
const HAN = /\p{Script=Han}/u;
const HEADING = /^\d[A-E]\d{3}/;

export function itemFamily(item: Pick<Item, 'id' | 'controlCode'>): string {
  return HEADING.exec(item.controlCode ?? '')?.[0] ?? item.id;
}

const recognisedFromWords = (item: Item): boolean =>
  Object.values(item.keywords ?? {}).some((words) => (words?.length ?? 0) > 0) || (item.together?.length ?? 0) > 0;

export interface FamilyGaps {
  family: string;
  missing: CoverageKind[];
}

export class FamilyCoverage {
  /** Family → the kinds of self-test row seen for it. */
  private readonly seen = new Map<string, Set<CoverageKind>>();
  /** Item id → its family, for the items recognised from words. */
  private readonly families = new Map<string, string>();

  constructor(items: Iterable<Item>) {
    for (const item of items) {
      if (!recognisedFromWords(item)) continue;
      const family = itemFamily(item);
      this.families.set(item.id, family);
      if (!this.seen.has(family)) this.seen.set(family, new Set());
    }
  }

  /** A self-test row: the rules it expects to fire, and those written `!RULE` that must not. */
  add(description: string, expectedAboveClear: boolean, ruleIds: string[]): void {
    const language: CoverageKind = KANA.test(description) ? 'ja' : HAN.test(description) ? 'zh' : 'en';
    for (const id of ruleIds) {
      const forbidden = id.startsWith('!');
      const family = this.families.get(forbidden ? id.slice(1) : id);
      if (family === undefined) continue;
      if (forbidden) this.seen.get(family)!.add('look-alike');
      else if (expectedAboveClear) this.seen.get(family)!.add(language);
    }
  }

  get size(): number {
    return this.seen.size;
  }

  /** How many families have each kind, and those that lack one, in pack order. */
  summary(): { have: Record<CoverageKind, number>; complete: number; gaps: FamilyGaps[] } {
    const have = Object.fromEntries(COVERAGE_KINDS.map((k) => [k, 0])) as Record<CoverageKind, number>;
    const gaps: FamilyGaps[] = [];
    for (const [family, kinds] of this.seen) {
      for (const k of kinds) have[k]++;
      const missing = COVERAGE_KINDS.filter((k) => !kinds.has(k));
      if (missing.length > 0) gaps.push({ family, missing });
    }
    return { have, complete: this.seen.size - gaps.length, gaps };
  }
}
