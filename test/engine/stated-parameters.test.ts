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
