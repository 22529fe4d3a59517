/** The phrase lists of loaded packs (`phraseSets:`), and the items' references to lists that no pack defines. */
import type { RulePack } from './schema.js';

/** Every loaded pack's phrase sets, by id. */
export function phraseSetsById(packs: readonly Pick<RulePack, 'phraseSets'>[]): Map<string, readonly string[]> {
  return new Map(packs.flatMap((pack) => pack.phraseSets.map((set) => [set.id, set.phrases] as const)));
}

/** Where an item names a phrase set that none of the packs defines: pack, item, field and reference by index. */
export interface UndefinedSetRef {
  pack: number;
  item: number;
  field: 'excludedWithSets' | 'partSets';
  ref: number;
  id: string;
}

export function undefinedSetRefs(packs: readonly Pick<RulePack, 'phraseSets' | 'items'>[]): UndefinedSetRef[] {
  const defined = phraseSetsById(packs);
  return packs.flatMap((pack, p) =>
    pack.items.flatMap((item, i) =>
      (['excludedWithSets', 'partSets'] as const).flatMap((field) =>
        item[field].flatMap((id, r) => (defined.has(id) ? [] : [{ pack: p, item: i, field, ref: r, id }])),
      ),
    ),
  );
}
