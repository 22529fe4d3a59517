/**
 * The files of --output FORMAT=PATH. All are opened before screening starts, so that an unwritable
 * path stops the run at once. Each is written to a temporary file beside it, synchronously through
 * a buffer, and renamed onto its path only when the run completes (missing folders on the path are made): a run that fails leaves no
 * report, not even an empty one, and an output can never be one of the run's own inputs.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '../model/errors.js';
import { TextBatch } from './batch.js';
import type { OutputTarget } from './formats.js';

export interface OutputFile {
  target: OutputTarget;
  write: (text: string) => void;
  /** Writes the rest and puts the report in place. */
  close: () => void;
  /** Drops the report: the run failed. */
  abort: () => void;
}

function openFile(target: OutputTarget): OutputFile {
  const temp = join(dirname(resolve(target.path)), `.${basename(target.path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    // out/x.sarif writes into out/, made when missing
    mkdirSync(dirname(temp), { recursive: true });
    fd = openSync(temp, 'wx', 0o666);
  } catch (e) {
    throw new UserError(`--output: cannot write ${target.path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const batch = new TextBatch((bytes) => {
    for (let at = 0; at < bytes.length; ) at += writeSync(fd!, bytes, at);
  });
  const release = (): void => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  return {
    target,
    write: batch.write,
    close() {
      batch.flush();
      release();
      renameSync(temp, target.path);
    },
    abort() {
      release();
      try {
        unlinkSync(temp);
      } catch {
        // already gone
      }
    },
  };
}

/** Device and inode of an existing file, else its resolved path: what two names of one file share. */
function identity(path: string): string {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    try {
      return join(realpathSync(dirname(resolve(path))), basename(path));
    } catch {
      return resolve(path);
    }
  }
}

/**
 * Opens every output. `inputs`: the files the run reads (manifests, baseline, waivers, licences,
 * config), none of which an output may be.
 */
export function openOutputs(targets: OutputTarget[], inputs: string[] = []): OutputFile[] {
  const read = new Set(inputs.filter((p) => p !== '-').map(identity));
  const seen = new Set<string>();
  for (const { path } of targets) {
    const id = identity(path);
    if (read.has(id)) throw new UserError(`--output: ${path} is an input of this run: writing the report there would destroy it`);
    if (seen.has(id)) throw new UserError(`--output: ${path} is given twice`);
    seen.add(id);
  }
  const files: OutputFile[] = [];
  try {
    for (const target of targets) files.push(openFile(target));
  } catch (e) {
    for (const f of files) f.abort();
    throw e;
  }
  return files;
}
