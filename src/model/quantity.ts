/** The units a rule pack can state a threshold in, and a threshold: read from descriptions by src/match/quantities.ts. */
export const QUANTITY_UNITS = ['Wh/kg', 'fps', 'Hz', 'm3/s', 'V', 'A', 'W', 'Bq', 'L', 'N', '%', 'MPa', 'g/cm3', 'µm', 'cN/dtex', 'Gy', 'deg/h', 'F', 'm2', 'ns', 'bit/s'] as const;
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];

/**
 * The dimension a size is written as, by the words right before it: "直径10mm", "OD 80 mm", "Φ120", "缸体内径100mm"; a
 * particle or grit size: "粒度#140（106µm）", "grit size 3 µm", "D50 45 µm", "粒径 0-2μm".
 */
export const SIZE_LABELS = ['diameter', 'inside-diameter', 'particle', 'positioning-accuracy'] as const;
export type SizeLabel = (typeof SIZE_LABELS)[number];

/** One side of a threshold: exactly one of the four is given. */
export interface ThresholdSide {
  below?: number;
  atMost?: number;
  above?: number;
  atLeast?: number;
}

/** A stated parameter on the controlled side of a threshold: at or above it, mostly; below it for a size the entry needs small. */
export interface QuantityCondition extends ThresholdSide {
  quantity: QuantityUnit;
}

/**
 * The uncontrolled side of an entry's deciding parameter: below or at most its threshold, or, for a parameter the entry
 * needs small (a powder's particle size), above or at least it.
 */
export interface QuantityBound extends ThresholdSide {
  quantity: QuantityUnit;
  /** Only stated values from this one up are the parameter: a purity among impurity contents (`Sb2O3 99.5 %, Pb 0.05 %`). */
  valuesFrom?: number;
  /** Words that make a stated value no measure of what the goods can reach ("solution annealed" for a UTS the alloy is "capable of"). */
  unlessWith?: string[];
  /** Only sizes written as this dimension count ("外径80mm", "ID 100 mm"): a length or a thickness says nothing of a diameter. */
  of?: SizeLabel;
  /** Only values written as a range count ("0-400 Hz"): a lone value may be another quantity of the goods (a drive's mains 50 Hz). */
  rangesOnly?: true;
}
