/**
 * What a user sees of a stated parameter: a description that states an entry's deciding parameter on its uncontrolled
 * side is cleared by the item's `belowThreshold`; one that states it at or past the threshold, or in words that make
 * the value no measure of the goods, is not.
 */
import { describe, expect, it } from 'vitest';
import { screenRow } from './screen-row.js';

const verdictOf = (description: string): string => screenRow({ description, destination_country: 'DE' }).verdict;

describe('a parameter stated below the threshold clears the row, one at or past it does not', () => {
  it('purity: antimony trioxide needs 99.99 % (3C003.c)', () => {
    expect(verdictOf('Antimony trioxide Sb2O3 99.5%, flame retardant, Pb 0.05%')).toBe('clear');
    expect(verdictOf('Antimony trioxide Sb2O3 99.995%, optical glass')).toBe('review');
    expect(verdictOf('三酸化アンチモン　純度４Ｎ')).toBe('review');
  });

  it('a purity decides nothing where the entry has no threshold: gallium metal stays review', () => {
    expect(verdictOf('Gallium metal 99.99%')).toBe('review');
  });

  it('density and strength: synthetic graphite needs > 1.73 g/cm3 and > 30 MPa (1C108.b)', () => {
    expect(verdictOf('Isostatic graphite block, bulk density 1.70 g/cm3, flexural strength 25 MPa')).toBe('clear');
    expect(verdictOf('Isostatic graphite block, bulk density 1.85 g/cm3, flexural strength 51 MPa')).toBe('review');
  });

  it('tensile strength an alloy is capable of: maraging steel needs 1 950 MPa (1C216), annealed says nothing', () => {
    expect(verdictOf('Maraging steel 250 bar Ø100 mm, aged, Rm 1790 MPa')).toBe('clear');
    expect(verdictOf('Maraging steel 300 bar Ø100 mm, aged, Rm 2010 MPa')).toBe('review');
    expect(verdictOf('Maraging steel 300 bar Ø150 mm, solution annealed, Rm 1030 MPa')).toBe('review');
  });

  it('particle size: molybdenum powder needs 50 µm or less (1C117.b), the whole stated range above it clears', () => {
    expect(verdictOf('Molybdenum powder for thermal spray, Mo 99.9%, 75-150 µm')).toBe('clear');
    expect(verdictOf('Molybdenum powder, Mo 99.9%, 45-90 µm')).toBe('review');
    expect(verdictOf('Molybdenum powder Mo 99.95%, Fisher size 2.5 µm')).toBe('review');
  });
});

describe('a note in brackets inside an entry\'s words does not hide them', () => {
  it('"Isostatic (cold) press" and "Hot (isostatic) press" are 2B204 presses, as "cold isostatic press" is', () => {
    expect(verdictOf('Isostatic (cold) press, chamber 400 mm')).toBe('review');
    expect(verdictOf('Hot (isostatic) press, 2000 bar')).toBe('review');
    expect(verdictOf('Hot (not isostatic) press for plywood')).toBe('clear');
  });

  it('nor does it hide an exclusion: a carbon-fibre phone case with its weave in brackets is no 1C210 fibre', () => {
    expect(verdictOf('Carbon fibre (3K twill) phone case')).toBe('clear');
    expect(verdictOf('Carbon fibre (3K twill) prepreg, 200 g/m2')).toBe('review');
  });

  it('the finding says the keyword stood with a note inside it', () => {
    const result = screenRow({ description: 'Isostatic (cold) press, chamber 400 mm', destination_country: 'DE' });
    const finding = result.findings.find((f) => f.ruleId === 'cn.catalogue-2026.2B204.a');
    expect(finding?.message).toContain('with a note in brackets inside it');
    expect(finding?.evidence[0]?.matched).toBe('isostatic press');
  });
});

describe('a chemical name written with its parts run together or apart is the same keyword', () => {
  it('1C450 precursors as "Thio diglycol", "Tri ethanol amine", "Pinacolylalcohol", "METHYL PHOSPHONIC DICHLORIDE"', () => {
    const written = {
      'Thio diglycol 98%, 200 kg drum': '1C450.b.13',
      'Tri ethanol amine 85%': '1C450.c.17',
      'Pinacolylalcohol 97%': '1C450.b.14',
      'METHYL PHOSPHONIC DICHLORIDE, 25 KG': '1C450.b.4',
    };
    for (const [description, code] of Object.entries(written)) {
      const result = screenRow({ description, destination_country: 'DE' });
      expect(result.verdict, description).toBe('review');
      const finding = result.findings.find((f) => f.ruleId === `cn.catalogue-2026.${code}`);
      expect(finding?.message, description).toContain('with its words run together or apart');
    }
  });

  it('the joined name must start and end on words of the text: a longer word that ends in its first part is not it', () => {
    expect(verdictOf('Isopropyl alcohol 99.9%, 20 L')).toBe('clear');
    expect(verdictOf('Polydi isopropyl amine resin')).toBe('clear');
  });
});

describe('a controlled metal written as its element symbol with a purity', () => {
  it('"Ge ingot 5N", "Bi 99.99 granules" and "Te 5N shot" are the metals, as their names are', () => {
    for (const description of ['Ge ingot 5N', 'Bi 99.99 granules', 'Te 5N shot']) {
      const result = screenRow({ description, destination_country: 'DE' });
      expect(result.verdict, description).toBe('review');
      expect(result.findings.some((f) => f.message.includes('written as its element symbol')), description).toBe(true);
    }
  });
});

describe('a 10-digit reference code beside a description that says the goods are not the item: the description governs', () => {
  const verdictWith = (description: string, hs_code: string): string => screenRow({ description, hs_code, destination_country: 'DE' }).verdict;

  it('other goods, or the parameter on the uncontrolled side, under the code: review, not licence', () => {
    const r = screenRow({ description: 'Cotton T-shirts, assorted sizes', hs_code: '2846901940', destination_country: 'DE' });
    expect(r.verdict).toBe('review');
    expect(r.findings.map((f) => f.message).join(' ')).toContain('the description says the goods are not the item');
    // 3C003.c is antimony oxide of 99.99 % or more
    expect(verdictWith('三氧化二锑 99.8% 阻燃级', '2825800010')).toBe('review');
    expect(verdictWith('Ceramic floor tiles 600x600 mm, glazed', '2805301200')).toBe('review');
  });

  it('the item named in a language the nomenclature is not in keeps the licence: only English goods words say "other goods"', () => {
    expect(verdictWith('Tellur, ingoty 99,99 %', '2804500001')).toBe('license');
    expect(verdictWith('Wismut-Barren 99,99 %', '8106101091')).toBe('license');
    expect(verdictWith('高纯锗锭 5N', '8112921010')).toBe('license');
    // the country of origin is no goods word, though the tariff's "china" is porcelain
    expect(verdictWith('Galliumarsenid-Wafer 6 Zoll, Herkunft: VR China, Lager Frankfurt', '2853909026')).toBe('license');
    expect(verdictWith('Germaniumbarren, Ursprungsland China', '8112921010')).toBe('license');
  });

  it('a description that says nothing of the goods, or names the item, leaves the code its licence', () => {
    expect(verdictWith('Spare parts', '2846901940')).toBe('license');
    expect(verdictWith('Samarium oxide Sm2O3 99.9%', '2846901940')).toBe('license');
    expect(verdictWith('Antimony trioxide 99.995%', '2825800010')).toBe('license');
  });
});
