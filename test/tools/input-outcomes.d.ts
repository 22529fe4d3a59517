/** Types of input-outcomes.js: the input torture set screened through the CLI and compared line by line. */
export interface Check {
  line: number;
  description?: string[];
  hs?: string;
  destination?: string;
  consignee?: string;
  end_user?: string;
  parties?: string[];
  verdict?: string;
  why?: string;
}
export interface Expected {
  file: string;
  title: string;
  encoding: string;
  delimiter: string;
  lines: { data: number[]; unreadable: number[]; ragged: number[]; header: number[]; other: number[] };
  checks: Check[];
}
export interface Outcome {
  file: string;
  lost: number[];
  rejected: number[];
  unreported: number[];
  phantom: number[];
  spurious: number[];
  misread: { line: number; miss: string[] }[];
  verdicts: { line: number; got: string; want: string }[];
  encoding: string | null;
  failed: string | null;
}
export const INPUTS: string;
export function loadExpected(): { asOf: string; files: Expected[] };
export function valueMisses(values: Record<string, string>, check: Check, evidenceFields?: [string, string][]): string[];
export function screenAll(): { expected: Expected; outcome: Outcome }[];
