/** Types of write-input-fixtures.js: the input torture set, its bytes and the outcome of each line. */
import type { Expected } from './input-outcomes.js';
export interface FileSpec {
  file: string;
  encoding: string;
}
export const AS_OF: string;
export const FILES: FileSpec[];
export function build(spec: FileSpec): { bytes: Buffer; expected: Expected };
