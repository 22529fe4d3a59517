import { describe, expect, it } from 'vitest';
import { bracketNoteForms, cjkJoinedForm, elementSymbolForm, joinedWords, joinedWordsForm, rareEarthFormulaForm, spanInForm, spanInText } from '../../src/match/text-forms.js';

const texts = (text: string): string[] => bracketNoteForms(text).map((f) => f.text);

describe('bracketNoteForms', () => {
  it('reads past a short note: without it, and with its words but not its brackets', () => {
    expect(texts('isostatic (cold) press, chamber 400 mm')).toEqual(['isostatic press, chamber 400 mm', 'isostatic cold press, chamber 400 mm']);
    expect(texts('hot(isostatic)press')).toEqual(['hotpress', 'hot isostatic press']);
    expect(texts('碳纤维(t800级)预浸料')).toEqual(['碳纤维预浸料', '碳纤维t800级预浸料']);
  });

  it('a note that says what the goods are not is left out of both forms', () => {
    expect(texts('hot (not isostatic) press')).toEqual(['hot press', 'hot press']);
    expect(texts('电火花成形机(非线切割)')).toEqual(['电火花成形机', '电火花成形机']);
  });

  it('no form for a text without a note, nor for a long bracketed clause', () => {
    expect(texts('cold isostatic press')).toEqual([]);
    expect(texts('medicaments (other than goods of heading 3002, 3005 or 3006) in doses')).toEqual([]);
  });

  it('a span of the text stands in a form unless an end of it was left out', () => {
    const text = 'carbon fibre (3k twill) phone case';
    const [without] = bracketNoteForms(text);
    const span = spanInForm(without!, 0, text.length);
    expect(without!.text.slice(span!.start, span!.end)).toBe('carbon fibre phone case');
    expect(spanInForm(without!, text.indexOf('3k'), text.indexOf('3k') + 2)).toBeUndefined();
  });

  it('a hit in a form is quoted from the text as written', () => {
    const text = 'isostatic (cold) press, chamber 400 mm';
    for (const f of bracketNoteForms(text)) {
      const at = f.text.indexOf('press');
      const span = spanInText(f, f.text.indexOf('isostatic'), at + 'press'.length);
      expect(text.slice(span.start, span.end)).toBe('isostatic (cold) press');
    }
  });
});

describe('joinedWordsForm', () => {
  it('runs Latin words together, not digits or other scripts, and a keyword is joined the same way', () => {
    expect(joinedWordsForm('n,n diisopropyl aminoethanol 99%')?.text).toBe('n,ndiisopropylaminoethanol 99%');
    expect(joinedWordsForm('maraging steel 350 bar')?.text).toBe('maragingsteel 350 bar');
    expect(joinedWordsForm('pinacolylalcohol 97%')?.text).toBe('pinacolylalcohol 97%');
    expect(joinedWordsForm('碳纤维 预浸料')).toBeUndefined();
    expect(joinedWords('di isopropyl amine')).toBe('diisopropylamine');
  });

  it('a hit in the joined form is quoted from the text as written', () => {
    const text = 'tri ethanol amine, drum 200 kg';
    const f = joinedWordsForm(text)!;
    const at = f.text.indexOf('triethanolamine');
    const span = spanInText(f, at, at + 'triethanolamine'.length);
    expect(text.slice(span.start, span.end)).toBe('tri ethanol amine');
  });
});

describe('cjkJoinedForm', () => {
  it('takes out the spaces between Chinese or Japanese characters only, and quotes a hit as written', () => {
    expect(cjkJoinedForm('クロスフロー ろ過カセット 1枚当たり 0.3m²')?.text).toBe('クロスフローろ過カセット 1枚当たり 0.3m²');
    expect(cjkJoinedForm('五轴 加工中心 a/c轴')?.text).toBe('五轴加工中心 a/c轴');
    expect(cjkJoinedForm('碳纤维预浸料 t800')).toBeUndefined();
    expect(cjkJoinedForm('carbon fibre prepreg')).toBeUndefined();
    const text = 'ネオジム 磁石 n52';
    const f = cjkJoinedForm(text)!;
    const at = f.text.indexOf('ネオジム磁石');
    const span = spanInText(f, at, at + 'ネオジム磁石'.length);
    expect(text.slice(span.start, span.end)).toBe('ネオジム 磁石');
  });
});

describe('elementSymbolForm', () => {
  const named = (written: string): string | undefined => elementSymbolForm(written.toLowerCase(), written)?.text;

  it('names a symbol written before a purity or a form of metal, where the text states a purity', () => {
    expect(named('Ge ingot 5N')).toBe('germanium ingot 5n');
    expect(named('Bi 99.99 granules')).toBe('bismuth 99.99 granules');
    expect(named('Sputtering target, In 99.995%, 3 inch')).toBe('sputtering target, indium 99.995%, 3 inch');
    // rare-earth metals trade at 99.5 %, beryllium at 98.5 %: a percentage of 90 or more is a purity too
    expect(named('Dy metal pieces 99.5 %')).toBe('dysprosium metal pieces 99.5 %');
    expect(named('Be metal billet, 98.5 % Be')).toBe('beryllium metal billet, 98.5 % be');
  });

  it('not a word that only looks like one, a power after a number, nor a symbol without a purity in the text', () => {
    expect(named('In stock: 99.9% pure copper wire')).toBeUndefined();
    expect(named('Inverter 1200 W 99% efficiency')).toBeUndefined();
    expect(named('Ge ingot, optical grade')).toBeUndefined();
    expect(named('GE WINDOW 5N')).toBeUndefined();
    expect(named('Nd metal 85% yield')).toBeUndefined();
  });

  it('a hit on the name is quoted as the symbol', () => {
    const written = 'Te 5N shot';
    const f = elementSymbolForm(written.toLowerCase(), written)!;
    const span = spanInText(f, 0, 'tellurium'.length);
    expect(written.slice(span.start, span.end)).toBe('Te');
  });
});

describe('rareEarthFormulaForm', () => {
  const named = (written: string): string | undefined => rareEarthFormulaForm(written.toLowerCase(), written)?.text;

  it('writes a compound formula whose host names a rare earth as the element\'s compound; a dopant is a trace', () => {
    expect(named('Phosphor NaYF4:Yb,Er, 1 kg')).toBe('phosphor yttrium compound, 1 kg');
    expect(named('Gd2O2S:Tb screen')).toBe('gadolinium compound screen');
    expect(named('LYSO Lu1.8Y0.2SiO5:Ce crystal')).toBe('lyso lutetium compound yttrium compound crystal');
    expect(named('Glow pigment SrAl2O4:Eu,Dy')).toBeUndefined();
  });

  it('no part number, alloy or abbreviation: a formula has two elements, a count or a dopant, and a non-metal beside its metals', () => {
    expect(named('Diode BY255 1300 V')).toBeUndefined();
    expect(named('IC SN74HC595N shift register')).toBeUndefined();
    expect(named('SmCo5 magnet ring')).toBeUndefined();
    expect(named('YAG laser rod')).toBeUndefined();
    expect(named('Ys cable gland')).toBeUndefined();
    expect(named('Switchgear KYN28-12')).toBeUndefined();
    expect(named('Nd:YVO4 green laser pointer')).toBeUndefined();
  });
});
