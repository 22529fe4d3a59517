import { readFileSync } from 'node:fs';
import * as Locale from 'opencc-js/preset';
import { describe, expect, it } from 'vitest';
import { foldCjkVariants, VARIANTS_FILE, variantClasses, type VariantTable } from '../../src/match/cjk-variants.js';

describe('CJK variant folding', () => {
  it('folds simplified, traditional and Japanese forms of listed names to one form', () => {
    expect(foldCjkVariants('三菱电机防卫')).toBe(foldCjkVariants('三菱電機防衛'));
    expect(foldCjkVariants('防卫装备厅')).toBe(foldCjkVariants('防衛装備庁'));
    expect(foldCjkVariants('陆上自卫队')).toBe(foldCjkVariants('陸上自衛隊'));
    expect(foldCjkVariants('汉翔航空工业')).toBe(foldCjkVariants('漢翔航空工業'));
    expect(foldCjkVariants('冲电气工业')).toBe(foldCjkVariants('沖電気工業'));
    expect(foldCjkVariants('丰和工业')).toBe(foldCjkVariants('豊和工業'));
  });

  it('leaves text without ideographs, and characters of different words, alone', () => {
    expect(foldCjkVariants('Mitsubishi Electric ｶﾀｶﾅ')).toBe('Mitsubishi Electric ｶﾀｶﾅ');
    expect(foldCjkVariants('三菱')).not.toBe(foldCjkVariants('三井'));
  });

  it('the committed table is what the installed opencc-js gives (npm run variants regenerates it)', () => {
    const committed = JSON.parse(readFileSync(VARIANTS_FILE, 'utf8')) as VariantTable;
    expect(committed.classes).toEqual(variantClasses(Locale));
  });
});
