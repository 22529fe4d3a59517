/**
 * The gating stage between screening and reporting: waivers, then licences (a waived finding needs no
 * licence), then the baseline, which marks the engine's findings known or new; the findings that the
 * waivers and the licences add are always new, so they always count.
 */
import type { RuleSet } from '../engine/compile.js';
import type { FileRef } from '../files/file.js';
import { failWith } from '../files/yaml.js';
import { rowFingerprint } from '../manifest/row.js';
import type { Result } from '../model/result.js';
import { applyBaseline, loadBaseline, type Baseline } from './baseline.js';
import { loadLicences, type LicenceRegister } from './licence-register.js';
import { applyLicences, openLedger } from './licences.js';
import { applyWaivers, loadWaivers, type WaiverSet } from './waivers.js';

export interface GateFiles {
  baseline?: string;
  waivers?: string;
  licenses?: string;
}

export interface GateInputs {
  baseline?: Baseline;
  waivers?: WaiverSet;
  licences?: LicenceRegister;
}

/** Reads and validates the files; a mistake in any of them stops the run. */
export function loadGateInputs(files: GateFiles): GateInputs {
  const waivers = files.waivers === undefined ? undefined : loadWaivers(files.waivers);
  if (waivers && waivers.problems.length > 0) failWith(waivers.problems);
  return {
    baseline: files.baseline === undefined ? undefined : loadBaseline(files.baseline),
    waivers,
    licences: files.licenses === undefined ? undefined : loadLicences(files.licenses),
  };
}

/** The files for the audit record: path and sha256, null when not used. */
export function gateFileRefs(inputs: GateInputs): Record<'baseline' | 'waivers' | 'licenses', FileRef | null> {
  return { baseline: inputs.baseline?.ref ?? null, waivers: inputs.waivers?.ref ?? null, licenses: inputs.licences?.ref ?? null };
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
