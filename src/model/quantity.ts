/** The units a rule pack can state a threshold in, and a threshold: read from descriptions by src/match/quantities.ts. */
export const QUANTITY_UNITS = ['Wh/kg', 'fps', 'Hz', 'm3/s', 'V', 'A', 'W', 'Bq', 'L', 'N', '%', 'MPa', 'g/cm3', 'µm', 'cN/dtex', 'Gy', 'deg/h', 'F', 'm2', 'ns', 'bit/s'] as const;
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];

/**
 * What a stated value measures, by the words right before it, with the unit it is stated in: a size written as a
 * diameter ("直径10mm", "OD 80 mm", "Φ120") or an inside diameter ("缸体内径100mm"); a particle or grit size ("粒度#140（106µm）",
 * "grit size 3 µm", "D50 45 µm", "粒径 0-2μm"); a machine tool's positioning accuracy; a dredger's dredging depth ("dredging
 * depth 8 m", "挖深10米", "浚渫深度 9m"), its cutter power ("cutter 110 kW", "绞刀功率200kW", "カッター出力 90kW") and its
 * total installed power ("total installed power 450 kW", "总装机功率480kW", "総出力450kW").
 */
export const QUANTITY_LABELS = {
  diameter: 'µm',
  'inside-diameter': 'µm',
  particle: 'µm',
  'positioning-accuracy': 'µm',
  'dredging-depth': 'µm',
  'cutter-power': 'W',
  'installed-power': 'W',
} as const satisfies Record<string, QuantityUnit>;
export type QuantityLabel = keyof typeof QUANTITY_LABELS;

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
  /** Only values written as this dimension count ("外径80mm", "ID 100 mm"): a length or a thickness says nothing of a diameter. */
  of?: QuantityLabel;
  /** Only values written as a range count ("0-400 Hz"): a lone value may be another quantity of the goods (a drive's mains 50 Hz). */
  rangesOnly?: true;
}
