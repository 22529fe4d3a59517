/** The units a rule pack can state a threshold in, and a threshold: read from descriptions by src/match/quantities.ts. */
export const QUANTITY_UNITS = ['Wh/kg', 'fps', 'Hz', 'm3/s', 'V', 'A', 'W', 'Bq', 'L', 'N'] as const;
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];

/** A stated parameter at or above (`atLeast`), or strictly above (`above`), a threshold: one of the two is given. */
export interface QuantityCondition {
  quantity: QuantityUnit;
  atLeast?: number;
  above?: number;
}

/** The uncontrolled side of an entry's deciding parameter: below (`below`) or at most (`atMost`) its threshold. */
export interface QuantityBound {
  quantity: QuantityUnit;
  below?: number;
  atMost?: number;
}
