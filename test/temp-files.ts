/** Test files written into one fresh temporary folder per caller, each under a name of its own. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempFiles(prefix: string): ((name: string, content: string | Buffer) => string) & { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), `dualscreen-${prefix}-`));
  let n = 0;
  const write = (name: string, content: string | Buffer): string => {
    const path = join(dir, `${n++}-${name}`);
    writeFileSync(path, content);
    return path;
  };
  return Object.assign(write, { dir });
}
