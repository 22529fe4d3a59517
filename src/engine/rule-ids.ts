/** The rule ids the engine raises itself, besides the packs' item and measure ids (a test keeps this list complete). */
export const ENGINE_RULE_IDS = [
  'dualscreen.hs-code.covers-controlled',
  'dualscreen.control-code.not-encoded',
  'dualscreen.control-code.covers-listed',
  'dualscreen.party.possible-match',
  'dualscreen.data.unidentified',
  'dualscreen.data.invalid-hs-code',
  'dualscreen.data.invalid-control-code',
  'dualscreen.data.unclassified-sensitive',
] as const;
