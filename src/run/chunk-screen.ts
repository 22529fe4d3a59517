/** Screens one chunk of a manifest: in a worker, or in the main thread when a worker could not. */
import type { RuleSet } from '../engine/compile.js';
import { screenOnItsDates } from '../engine/dated-screen.js';
import { RecordConverter, type ManifestEvent } from '../manifest/records.js';
import { chunkText } from './chunks.js';
import type { Result } from '../model/result.js';
import { rowFingerprint } from '../model/row.js';
import type { ChunkDone, ChunkItem, ChunkJob, WorkerSetup } from './jobs.js';
import { RenderedChunk } from './rendered-chunk.js';

/**
 * A result as it travels to the main thread: the row with its fingerprint and without the values normalised for
 * matching, which no report reads (the destination aside), and, for reports in English, the findings and notes without
 * their catalogue form. Both would make every reply about twice as costly to copy.
 */
function forReport(result: Result, catalogueText: boolean): Result {
  const { row } = result;
  // hashed here, in parallel, instead of by the reports in the main thread
  rowFingerprint(row);
  const reported = { ...result, row: { ...row, norm: { destinationCountry: row.norm.destinationCountry } } };
  if (catalogueText) return reported;
  delete reported.noteText;
  return { ...reported, findings: result.findings.map(({ text: _text, ...finding }) => finding) };
}

export function screenChunk(job: ChunkJob, ruleSet: RuleSet, setup: Pick<WorkerSetup, 'read' | 'asOf' | 'shipDates' | 'catalogueText' | 'rowText'>): ChunkDone {
  const converter = new RecordConverter(job.path, setup.read, job.header, job.lineOffset, job.encoding);
  const items: ChunkItem[] = [];
  const rendering = setup.rowText && new RenderedChunk(ruleSet, setup.asOf, setup.rowText);
  let unsentClearRows = 0;
  const take = (event: ManifestEvent): void => {
    if (event.kind === 'error') {
      rendering?.flushInto(items);
      items.push({ kind: 'error', line: event.line, message: event.message });
      return;
    }
    const result = screenOnItsDates(event.row, ruleSet, setup);
    // workers run only for reports that never show clear rows (see commands/screen.ts)
    if (result.verdict === 'clear') unsentClearRows++;
    else if (rendering) rendering.add(result);
    else items.push({ kind: 'result', result: forReport(result, setup.catalogueText) });
  };
  converter.readBlock(chunkText(job.bytes), job.delimiter, take);
  rendering?.flushInto(items);
  // rows that only sum at the chunk's end: the main thread knows whether anything follows them
  const held = converter.held.map((h) => ({ result: forReport(screenOnItsDates(h.event.row, ruleSet, setup), setup.catalogueText), text: h.text, worded: h.worded }));
  const { records, rejected, unscreened, blank, rejoined, skipped, openedWithHeader } = converter;
  const changed = skipped.headers.length > 0 ? { header: converter.header! } : {};
  const tally = rendering ? { tally: rendering.tally() } : {};
  return { index: job.index, items, records, rejected, unscreened, unsentClearRows, held, blank, rejoined, skipped, openedWithHeader, ...changed, ...tally };
}
