/**
 * Screens manifests and yields, in input order, every result, every rejected line and each input's
 * summary once it is read. The one place that decides how rows get screened (in this thread today).
 */
import { screen } from '../engine/screen.js';
import type { Result } from '../engine/types.js';
import { openManifest, type ReadOptions } from '../manifest/read.js';
import type { RuleSet } from '../rules/compile.js';
import type { InputInfo, RowError } from '../report/types.js';

export type ScreenEvent =
  | { kind: 'result'; result: Result }
  | { kind: 'error'; error: RowError }
  | { kind: 'input'; input: InputInfo };

export async function* screenManifests(files: string[], read: ReadOptions, ruleSet: RuleSet, asOf: string): AsyncGenerator<ScreenEvent> {
  for (const file of files) {
    const manifest = await openManifest(file, read);
    for await (const event of manifest.events) {
      if (event.kind === 'error') yield { kind: 'error', error: { input: event.input, line: event.line, message: event.message } };
      else yield { kind: 'result', result: screen(event.row, ruleSet, { asOf }) };
    }
    const s = manifest.summary;
    yield { kind: 'input', input: { path: s.path, sha256: s.sha256, encoding: s.encoding, rows: s.rows, rejected: s.rejected } };
  }
}
