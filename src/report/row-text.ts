/**
 * Flagged rows rendered where they are screened (a worker), for a report whose text for a row depends on the row
 * alone: the main thread then only writes text, instead of taking back each result (a structured clone of several KB)
 * and rendering it. One thing of a row only the main thread knows: its row number, which counts the data records of
 * the chunks before it. So a row travels as the text before its number and the text after it.
 */
import type { Result } from '../model/result.js';
import { jsonRowParts } from './json.js';

export type RowTextFormat = 'json';

/** A chunk's flagged rows: `parts[2i]` and `parts[2i + 1]` come before and after the number of row `rows[i]`. */
export interface RenderedRows {
  parts: string[];
  /** Row numbers within the chunk. */
  rows: number[];
}

const RENDERERS: Record<RowTextFormat, (r: Result) => [string, string]> = { json: jsonRowParts };

/** Renders flagged rows in input order. */
export class RowRenderer {
  private readonly render: (r: Result) => [string, string];
  private rendered: RenderedRows = { parts: [], rows: [] };

  constructor(format: RowTextFormat) {
    this.render = RENDERERS[format];
  }

  add(result: Result): void {
    const [before, after] = this.render(result);
    this.rendered.parts.push(before, after);
    this.rendered.rows.push(result.row.row);
  }

  /** The rows rendered since the last call, if any. */
  take(): RenderedRows | undefined {
    if (this.rendered.rows.length === 0) return undefined;
    const taken = this.rendered;
    this.rendered = { parts: [], rows: [] };
    return taken;
  }
}
