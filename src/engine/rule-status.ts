/** Whether a dated rule applies on a day. Dates are ISO strings, so they compare as text. */

export interface Dated {
  effective: { from: string; to?: string };
  suspended: { from: string; to: string; source: string }[];
}

export type Status =
  | { state: 'in-force' }
  | { state: 'not-yet'; from: string }
  | { state: 'ended'; to: string }
  | { state: 'suspended'; from: string; to: string; source: string };

export function statusOn(rule: Dated, asOf: string): Status {
  if (asOf < rule.effective.from) return { state: 'not-yet', from: rule.effective.from };
  if (rule.effective.to !== undefined && asOf > rule.effective.to) return { state: 'ended', to: rule.effective.to };
  for (const s of rule.suspended) if (asOf >= s.from && asOf <= s.to) return { state: 'suspended', ...s };
  return { state: 'in-force' };
}

export function inForce(rule: Dated, asOf: string): boolean {
  return statusOn(rule, asOf).state === 'in-force';
}

export type PartyStatus =
  | { state: 'in-force' }
  | { state: 'not-yet'; from: string }
  | { state: 'delisted'; on: string }
  | { state: 'stopped'; from: string; source: string }
  | { state: 'suspended'; from: string; to: string; source: string };

/** Whether a listing's measures apply on a day: listed, not delisted, not stopped, not inside a suspension. */
export function partyStatusOn(
  party: { listed?: string; delisted?: string; stopped?: { from: string; source: string }; suspended: { from: string; to: string; source: string }[] },
  asOf: string,
): PartyStatus {
  if (party.listed !== undefined && asOf < party.listed) return { state: 'not-yet', from: party.listed };
  if (party.delisted !== undefined && asOf >= party.delisted) return { state: 'delisted', on: party.delisted };
  if (party.stopped && asOf >= party.stopped.from) return { state: 'stopped', ...party.stopped };
  for (const s of party.suspended) if (asOf >= s.from && asOf <= s.to) return { state: 'suspended', ...s };
  return { state: 'in-force' };
}
