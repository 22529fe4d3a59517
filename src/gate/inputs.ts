/**
 * The gate's files as a run names them and as they were read, and their record in the report. Types only: the
 * readers (gate.ts) load zod and the YAML parser, so a run without gate files never loads them.
 */
import type { FileRef } from '../files/file.js';
import type { Baseline } from './baseline.js';
import type { LicenceRegister } from './licence-register.js';
import type { WaiverSet } from './waivers.js';

export interface GateFiles {
  baseline?: string;
  waivers?: string;
  licences?: string;
}

export interface GateInputs {
  baseline?: Baseline;
  waivers?: WaiverSet;
  licences?: LicenceRegister;
}

/** The files for the audit record: path and sha256, null when not used. */
export function gateFileRefs(inputs: GateInputs): Record<'baseline' | 'waivers' | 'licenses', FileRef | null> {
  return { baseline: inputs.baseline?.ref ?? null, waivers: inputs.waivers?.ref ?? null, licenses: inputs.licences?.ref ?? null };
}
