/**
 * The gating stage between screening and reporting: waivers, then licences (a waived finding needs no
 * licence), then the baseline, which marks the engine's findings known or new; the findings that the
 * waivers and the licences add are always new, so they always count.
 */
import type { RuleSet } from '../engine/compile.js';
import { failWith } from '../files/yaml.js';
import type { Result } from '../model/result.js';
import { rowFingerprint } from '../model/row.js';
import { applyBaseline, loadBaseline } from './baseline.js';
import { loadLicences } from './licence-register.js';
import { applyLicences, openLedger } from './licences.js';
import type { GateFiles, GateInputs } from './inputs.js';
import { applyWaivers, loadWaivers } from './waivers.js';

/** Reads and validates the files; a mistake in any of them stops the run. */
export function loadGateInputs(files: GateFiles): GateInputs {
  const waivers = files.waivers === undefined ? undefined : loadWaivers(files.waivers);
  if (waivers && waivers.problems.length > 0) failWith(waivers.problems);
  return {
    baseline: files.baseline === undefined ? undefined : loadBaseline(files.baseline),
    waivers,
    licences: files.licences === undefined ? undefined : loadLicences(files.licences),
  };
}

/** A function from each screened result, in input order, to the gated result. It keeps the baseline's and licences' balances. */
export function createGate(inputs: GateInputs, ruleSet: RuleSet, asOf: string): (result: Result) => Result {
  const { baseline, waivers, licences } = inputs;
  if (!baseline && !waivers && !licences) return (result) => result;
  const left = new Map(baseline?.counts);
  const ledger = licences && openLedger(licences);
  const itemCodes = new Map(ruleSet.items.map((ci) => [ci.item.id, ci.item.controlCode]));
  return (screened) => {
    if (screened.findings.length === 0) return screened;
    let result = screened;
    const fingerprint = baseline || waivers ? rowFingerprint(result.row) : '';
    if (waivers) result = applyWaivers(result, { fingerprint, values: result.row.values }, waivers, asOf);
    if (licences && ledger) result = applyLicences(result, licences, ledger, { asOf, itemCodes });
    if (baseline) result = applyBaseline(result, fingerprint, left);
    return result;
  };
}
