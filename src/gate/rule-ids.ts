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
