/**
 * The files of --output FORMAT=PATH. All are opened before screening starts, so that an unwritable
 * path stops the run at once; each is written synchronously through a buffer, so that nothing is
 * lost however fast rows arrive, and closed when the reports end.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../errors.js';
import type { OutputTarget } from './index.js';

const FLUSH_BYTES = 64 * 1024;

export interface OutputFile {
  target: OutputTarget;
  write: (text: string) => void;
  close: () => void;
}

function openFile(target: OutputTarget): OutputFile {
  let fd: number;
  try {
    fd = openSync(target.path, 'w');
  } catch (e) {
    throw new UserError(`--output: cannot write ${target.path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let pending: string[] = [];
  let size = 0;
  const flush = (): void => {
    const bytes = Buffer.from(pending.join(''));
    for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    pending = [];
    size = 0;
  };
  return {
    target,
    write(text) {
      pending.push(text);
      size += text.length;
      if (size >= FLUSH_BYTES) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}

export function openOutputs(targets: OutputTarget[]): OutputFile[] {
  const seen = new Set<string>();
  for (const { path } of targets) {
    if (seen.has(resolve(path))) throw new UserError(`--output: ${path} is given twice`);
    seen.add(resolve(path));
  }
  const files: OutputFile[] = [];
  try {
    for (const target of targets) files.push(openFile(target));
  } catch (e) {
    for (const f of files) f.close();
    throw e;
  }
  return files;
}
