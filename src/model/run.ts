/** What a run is made of, as every report records it: the rule packs, the input encodings, the rule-data warnings. */
import type { Msg } from './message.js';

export interface PackInfo {
  id: string;
  version: string;
  dataAsOf: string;
  title: string;
  path: string;
  sha256: string;
}

/** The newest data date of a set of packs: how current the rule data is, as a whole. */
export function newestDataDate(packs: readonly { dataAsOf: string }[]): string | undefined {
  return packs.map((p) => p.dataAsOf).sort().at(-1);
}

/** The text encodings a manifest is read in. */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'shift_jis' | 'euc-jp' | 'gb18030';

/** An acknowledgement from the config file: the warning is not shown (but recorded) up to and including `until`. */
export interface Acknowledgement {
  code: string;
  until: string;
  reason: string;
}

/** A warning of this run, with the acknowledgement that silences it, if any. */
export interface RunWarning {
  code: string;
  text: Msg;
  message: string;
  /** Flagged rows whose findings rest on the rules it concerns (for warnings about particular rules). */
  rows?: number;
  acknowledged?: Acknowledgement;
}
