/** Files the user names (waivers, licence registers, baselines, the config file): read once, hashed for the audit record. */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { UserError } from '../model/errors.js';

/** A file as the audit record names it. */
export interface FileRef {
  path: string;
  sha256: string;
}

/** Just the audit record's part of a file. */
export const refOf = ({ path, sha256 }: FileRef): FileRef => ({ path, sha256 });

export interface UserFile extends FileRef {
  /** Absolute path. */
  file: string;
  bytes: Buffer;
}

/** A path as shown to the user: relative to the working directory when it lies below it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') || rel === '' ? file : rel;
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Reads a whole file; `what` names it in the error ("waivers file"). */
export function readUserFile(path: string, what: string): UserFile {
  const file = resolve(path);
  const shown = displayPath(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`${shown}: cannot read ${what} (${code === 'ENOENT' ? 'no such file' : (code ?? 'error')})`);
  }
  return { path: shown, file, sha256: sha256(bytes), bytes };
}
