/** A whole manifest read as `screen` reads it: its summary, rows and rejected lines, in order. */
import { openManifest, type ManifestEvent, type ReadOptions } from '../../src/manifest/read.js';

export async function readAll(path: string, options: Partial<ReadOptions> = {}) {
  const m = await openManifest(path, { hsScheme: 'cn', ...options });
  const events: ManifestEvent[] = [];
  for await (const e of m.events) events.push(e);
  const rows = events.flatMap((e) => (e.kind === 'row' ? [e.row] : []));
  const errors = events.flatMap((e) => (e.kind === 'error' ? [e] : []));
  return { summary: m.summary, rows, errors, events };
}
