/**
 * Each item's exclusion phrases, gathered from its phrase sets, folded and indexed for another word order only when
 * the item is first looked at: the look-alikes of every HS subheading run to thousands of phrases, whose gathering,
 * folding and indexing a one-line `check` or a `lookup` would otherwise pay at start-up for the few items it ever meets.
 */
import { foldText } from '../match/fold.js';
import { AnyOrderKeywords } from '../match/word-order.js';

export interface Exclusions {
  /** Folded phrases in which a hit does not count. */
  phrases: string[];
  /** Folded phrases that, anywhere in the description, say the goods are not the item (an item's `excludedWith`). */
  excludedWith: string[];
  /** The `excludedWith` phrases do not count where they stand as the goods' purpose (`excludedWithAsGoodsOnly`). */
  asGoodsOnly: boolean;
  /** Folded phrases naming parts and accessories of the item (`partSets`): a keyword naming what one is for does not count. */
  parts: string[];
  /** The same phrases of several Latin words, found with their words in another order, valued by phrase. */
  anyOrder: AnyOrderKeywords<string>;
}

/** An item's exclusions as the packs write them (phrase sets expanded), not yet folded. */
export interface WrittenExclusions {
  phrases: readonly string[];
  excludedWith: readonly string[];
  asGoodsOnly: boolean;
  parts: readonly string[];
}

export class ItemExclusions {
  /** Compiled exclusions by item id; null for an item without any. */
  private readonly compiled = new Map<string, Exclusions | null>();

  constructor(private readonly written: (itemId: string) => WrittenExclusions | undefined) {}

  of(itemId: string): Exclusions | undefined {
    let exclusions = this.compiled.get(itemId);
    if (exclusions !== undefined) return exclusions ?? undefined;
    const written = this.written(itemId);
    if (!written || (written.phrases.length === 0 && written.excludedWith.length === 0 && written.parts.length === 0)) {
      this.compiled.set(itemId, null);
      return undefined;
    }
    exclusions = {
      phrases: written.phrases.map(foldText),
      excludedWith: written.excludedWith.map(foldText),
      asGoodsOnly: written.asGoodsOnly,
      parts: written.parts.map(foldText),
      anyOrder: new AnyOrderKeywords<string>(),
    };
    for (const phrase of exclusions.phrases) exclusions.anyOrder.add(phrase, phrase);
    this.compiled.set(itemId, exclusions);
    return exclusions;
  }
}
