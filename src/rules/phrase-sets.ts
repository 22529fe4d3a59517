/** The phrase lists of loaded packs (`phraseSets:`), their patterns, and the items' references to lists that no pack defines. */
import type { RulePack } from './schema.js';

/** Where a phrase of a list stands for each keyword of the item that names the list in `exclusionSets`: "{}-doped". */
export const KEYWORD_SLOT = '{}';

/** Every loaded pack's phrase sets, by id. */
export function phraseSetsById(packs: readonly Pick<RulePack, 'phraseSets'>[]): Map<string, readonly string[]> {
  return new Map(packs.flatMap((pack) => pack.phraseSets.map((set) => [set.id, set.phrases] as const)));
}

const isPattern = (phrase: string): boolean => phrase.includes(KEYWORD_SLOT);

/** A list's phrases as one item's exclusions: each pattern once per keyword ("{}-doped" for gallium: "gallium-doped"), the others as written. */
export function phrasesForKeywords(phrases: readonly string[], keywords: readonly string[]): string[] {
  return phrases.flatMap((phrase) => (isPattern(phrase) ? keywords.map((keyword) => phrase.split(KEYWORD_SLOT).join(keyword)) : [phrase]));
}

/** The item fields that name phrase sets. */
export type SetField = 'excludedWithSets' | 'exclusionSets' | 'partSets';

/** Where an item names a phrase set that none of the packs defines, or a list of patterns where no keyword fills them: pack, item and reference by index. */
export interface SetRefProblem {
  pack: number;
  item: number;
  field: SetField;
  ref: number;
  id: string;
  problem: 'undefined' | 'patterns';
}

export function setRefProblems(packs: readonly Pick<RulePack, 'phraseSets' | 'items'>[]): SetRefProblem[] {
  const defined = phraseSetsById(packs);
  const fields: SetField[] = ['excludedWithSets', 'exclusionSets', 'partSets'];
  return packs.flatMap((pack, p) =>
    pack.items.flatMap((item, i) =>
      fields.flatMap((field) =>
        item[field].flatMap((id, ref): SetRefProblem[] => {
          const phrases = defined.get(id);
          if (!phrases) return [{ pack: p, item: i, field, ref, id, problem: 'undefined' }];
          // a pattern stands for the item's keywords: anywhere in the description (excludedWith) or as a part it would say nothing
          if (field !== 'exclusionSets' && phrases.some(isPattern)) return [{ pack: p, item: i, field, ref, id, problem: 'patterns' }];
          return [];
        }),
      ),
    ),
  );
}
