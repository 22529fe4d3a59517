/**
 * Applies the licence register to screened rows. A `license` finding is covered when a licence names
 * its item (control code or the row's HS code), the row's destination and end user, is valid on the
 * as-of date and has quantity and value left; the row then draws the licence down, in input order.
 * A licence that names the item but not this shipment is itself a finding. `prohibited` rows are never
 * covered and draw nothing.
 */
import { hsDigits } from '../match/codes.js';
import type { Finding, ReportedRow, Result } from '../model/result.js';
import { GATE_RULES, isGateRule, type GateRule } from '../model/rule-ids.js';
import { convertAmount, currencyCode, parseAmount, round } from './amounts.js';
import type { LicenceRegister, LoadedLicence } from './licence-register.js';
import { featuresOf, sameName } from './names.js';

/** What each licence has left, by licence number. */
export type LicenceLedger = Map<string, { quantity?: number; value?: number }>;

export function openLedger(register: LicenceRegister): LicenceLedger {
  return new Map(register.licences.map((l) => [l.number, { quantity: l.quantity, value: l.value }]));
}

export interface LicenceContext {
  asOf: string;
  /** Control code of each item of the rule packs, by rule id (undefined for items without one). */
  itemCodes: Map<string, string | undefined>;
}

interface Problem {
  rule: GateRule;
  text: string;
}

interface Draw {
  quantity?: number;
  value?: number;
}

interface Check {
  licence: LoadedLicence;
  problems: Problem[];
  /**
   * How close the licence is to the row: 0 when it is not this shipment's (it names other parties
   * than the row's, or the row names none and goes elsewhere), and then it raises no finding.
   */
  closeness: number;
  draw: Draw;
}

/** Problems in order of weight: the first names the finding. */
const WEIGHT: GateRule[] = [GATE_RULES.licenceMismatch, GATE_RULES.licenceExpired, GATE_RULES.licenceNotYetValid, GATE_RULES.licenceOverdrawn];

export function applyLicences(result: Result, register: LicenceRegister, ledger: LicenceLedger, ctx: LicenceContext): Result {
  const live = result.findings.filter((f) => !f.waived);
  const items = live.filter((f) => f.verdict === 'license' && ctx.itemCodes.has(f.ruleId));
  if (items.length === 0) return result;
  const { row } = result;
  const named = (f: Finding): LoadedLicence[] => register.licences.filter((l) => namesItem(l, f, row, ctx));

  if (live.some((f) => f.verdict === 'prohibited')) {
    const forThisShipment = items.flatMap(named).filter((l) => check(l, row, ctx.asOf, undefined).closeness > 0);
    const numbers = [...new Set(forThisShipment.map((l) => l.number))];
    if (numbers.length === 0) return result;
    return { ...result, notes: [...result.notes, `licence ${numbers.join(', ')} not applied: the row is prohibited, which no licence covers`] };
  }

  const covered = new Map<Finding, string>();
  const added: Finding[] = [];
  const notes: string[] = [];
  const drawn = new Set<string>();
  for (const f of items) {
    const checks = named(f).map((l) => check(l, row, ctx.asOf, drawn.has(l.number) ? undefined : ledger));
    const ok = checks.find((c) => c.problems.length === 0);
    if (ok) {
      covered.set(f, ok.licence.number);
      if (!drawn.has(ok.licence.number)) {
        drawn.add(ok.licence.number);
        notes.push(drawDown(ok, ledger));
      }
      continue;
    }
    const closest = checks.reduce<Check | undefined>((best, c) => (c.closeness > (best?.closeness ?? 0) ? c : best), undefined);
    if (closest && !added.some((a) => a.evidence[0]?.value === closest.licence.number)) added.push(problemFinding(closest, f));
  }

  if (covered.size === 0 && added.length === 0) return result;
  // A measure's licence finding (a watch-list party) is covered when the row's items all are.
  const allItems = items.every((f) => covered.has(f));
  const first = covered.get(items[0]!);
  const findings = result.findings.flatMap((f): Finding[] => {
    // the gate's own findings (an expired waiver) are never covered
    const licence = covered.get(f) ?? (allItems && f.verdict === 'license' && !f.waived && !isGateRule(f.ruleId) ? first : undefined);
    const marked = licence ? { ...f, coveredBy: { licence } } : f;
    const extra = added.filter((a) => a.evidence[0]?.matched === f.ruleId);
    return [marked, ...extra];
  });
  return { ...result, findings, notes: [...result.notes, ...notes] };
}

function namesItem(l: LoadedLicence, f: Finding, row: ReportedRow, ctx: LicenceContext): boolean {
  const code = ctx.itemCodes.get(f.ruleId);
  if (code !== undefined && l.control_codes.includes(code)) return true;
  if (f.evidence.some((e) => e.kind === 'control-code' && l.control_codes.includes(e.matched))) return true;
  const hs = hsDigits(row.values.hs_code);
  return hs !== undefined && l.hs_codes.includes(hs);
}

/**
 * The row against one licence; without a ledger (already drawn for this row) amounts are not checked
 * again. A licence is this shipment's when one of the parties it names (end user, consignee) is one of
 * the row's: a licence for another consignee never raises a finding on this row. A row that names no
 * party is measured by its destination.
 */
function check(l: LoadedLicence, row: ReportedRow, asOf: string, ledger: LicenceLedger | undefined): Check {
  const problems: Problem[] = [];
  const mismatch = (text: string): void => {
    problems.push({ rule: GATE_RULES.licenceMismatch, text });
  };
  const rowEndUser = row.values.end_user?.trim() ?? '';
  const rowConsignee = row.values.consignee?.trim() ?? '';
  const named = (names: LoadedLicence['names'], party: string): boolean => party !== '' && names.some((n) => sameName(n, featuresOf(party)));
  // the licence's end user is the row's end user, or its consignee when the row names no end user
  const endUser = rowEndUser || rowConsignee;
  const endUserOk = named(l.names, endUser);
  const consigneeOk = l.consigneeNames.length === 0 || named(l.consigneeNames, rowConsignee);
  const ours = named(l.names, rowEndUser) || named(l.names, rowConsignee) || (l.consigneeNames.length > 0 && named(l.consigneeNames, rowConsignee));
  const destination = row.norm.destinationCountry;
  const sameDestination = destination === l.destination;
  const closeness = endUser === '' ? (sameDestination ? 1 : 0) : ours ? 2 + (sameDestination ? 1 : 0) : 0;
  if (!sameDestination) mismatch(destination ? `destination ${destination} is not the licence's ${l.destination}` : `the row names no destination (licence: ${l.destination})`);
  // a licence for other parties never covers the row (and, being no licence of this shipment's, raises nothing)
  if (endUser === '') mismatch('the row names no end user or consignee');
  else if (!endUserOk) mismatch(`end user "${endUser}" is not the licence's ${l.end_user.map((n) => `"${n}"`).join(' or ')}`);
  if (ours && !consigneeOk) mismatch(rowConsignee ? `consignee "${rowConsignee}" is not the licence's ${l.consignee!.map((n) => `"${n}"`).join(' or ')}` : `the row names no consignee (licence: ${l.consignee!.join(', ')})`);
  if (asOf > l.valid_to) problems.push({ rule: GATE_RULES.licenceExpired, text: `expired on ${l.valid_to}` });
  if (asOf < l.valid_from) problems.push({ rule: GATE_RULES.licenceNotYetValid, text: `valid only from ${l.valid_from}` });

  const draw: Draw = {};
  const left = ledger?.get(l.number);
  if (ledger && l.quantity !== undefined && l.unit !== undefined) {
    const amount = parseAmount(row.values.quantity);
    const rowUnit = row.values.unit?.trim() ?? '';
    const needed = amount === undefined ? undefined : convertAmount(amount, rowUnit, l.unit);
    if (amount === undefined) mismatch(`the row has no readable quantity to draw from the licence's ${l.quantity} ${l.unit}`);
    else if (needed === undefined) mismatch(rowUnit ? `the row's unit "${rowUnit}" cannot be drawn from the licence's ${l.unit}` : `the row's quantity has no unit (licence: ${l.unit})`);
    else if (needed > (left?.quantity ?? 0)) problems.push({ rule: GATE_RULES.licenceOverdrawn, text: `needs ${needed} ${l.unit}, ${left?.quantity ?? 0} ${l.unit} left of ${l.quantity}` });
    else draw.quantity = needed;
  }
  if (ledger && l.value !== undefined && l.currency !== undefined) {
    const amount = parseAmount(row.values.value);
    const currency = currencyCode(row.values.currency) ?? '';
    if (amount === undefined) mismatch(`the row has no readable value to draw from the licence's ${l.value} ${l.currency}`);
    else if (currency !== l.currency) mismatch(currency ? `the row's currency ${currency} is not the licence's ${l.currency}` : `the row's value has no currency (licence: ${l.currency})`);
    else if (amount > (left?.value ?? 0)) problems.push({ rule: GATE_RULES.licenceOverdrawn, text: `needs ${amount} ${l.currency}, ${left?.value ?? 0} ${l.currency} left of ${l.value}` });
    else draw.value = amount;
  }
  return { licence: l, problems, closeness, draw };
}

function drawDown({ licence: l, draw }: Check, ledger: LicenceLedger): string {
  const left = ledger.get(l.number)!;
  const parts: string[] = [];
  if (draw.quantity !== undefined && left.quantity !== undefined) {
    left.quantity = round(left.quantity - draw.quantity);
    parts.push(`${draw.quantity} ${l.unit} (${left.quantity} left)`);
  }
  if (draw.value !== undefined && left.value !== undefined) {
    left.value = round(left.value - draw.value);
    parts.push(`${draw.value} ${l.currency} (${left.value} left)`);
  }
  return `licence ${l.number} covers the row${parts.length ? `: drawn ${parts.join(', ')}` : ''}`;
}

function problemFinding(c: Check, covered: Finding): Finding {
  const rule = WEIGHT.find((r) => c.problems.some((p) => p.rule === r))!;
  return {
    ruleId: rule,
    verdict: 'license',
    message: `licence ${c.licence.number} names this item but does not cover this row: ${c.problems.map((p) => p.text).join('; ')}`,
    source: `licence register ${c.licence.at}`,
    evidence: [{ field: 'licence', value: c.licence.number, matched: covered.ruleId, kind: 'data' }],
  };
}
