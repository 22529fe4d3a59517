/** The rule ids the engine raises itself, besides the packs' item and measure ids (a test keeps this list complete). */
export const ENGINE_RULE_IDS = [
  'dualscreen.hs-code.covers-controlled',
  'dualscreen.control-code.not-encoded',
  'dualscreen.control-code.covers-listed',
  'dualscreen.party.possible-match',
  'dualscreen.data.unidentified',
  'dualscreen.data.invalid-hs-code',
  'dualscreen.data.invalid-control-code',
  'dualscreen.data.invalid-cas-number',
  'dualscreen.data.unclassified-sensitive',
  'dualscreen.data.military-no-country',
] as const;

/** Rule ids of the findings that the gating stage adds: they describe the waivers and the register, so they are never waived or baselined. */
export const GATE_RULES = {
  waiverExpired: 'dualscreen.waiver.expired',
  licenceMismatch: 'dualscreen.licence.mismatch',
  licenceExpired: 'dualscreen.licence.expired',
  licenceNotYetValid: 'dualscreen.licence.not-yet-valid',
  licenceOverdrawn: 'dualscreen.licence.overdrawn',
} as const;
export type GateRule = (typeof GATE_RULES)[keyof typeof GATE_RULES];

export const isGateRule = (ruleId: string): boolean => (Object.values(GATE_RULES) as string[]).includes(ruleId);
