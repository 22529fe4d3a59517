/**
 * Manifest text as text: characters that a terminal, a CI log or a renderer would act on rather than
 * show (C0 and C1 controls with ESC, CR and LF, DEL, bidi controls, zero-width and line or paragraph
 * separators) are written as escapes (`\x1b`, `\n`, `\u202e`), so a cell can neither move the cursor,
 * rewrite the summary, start a line of its own nor reverse the text around it.
 */
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function visible(text: string): string {
  return text.replace(HIDDEN, (c) => {
    const code = c.charCodeAt(0);
    return NAMED[c] ?? (code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

/** Visible, and at most `max` characters (an ellipsis says it was cut). */
export function clip(text: string, max: number): string {
  const shown = visible(text);
  return shown.length > max ? `${shown.slice(0, max - 1)}…` : shown;
}

/** Line ids longer than this are cut in text, Markdown and annotation titles. */
export const MAX_ID = 40;

/** East Asian wide and full-width characters take two columns of a terminal. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

export function columns(text: string): number {
  let n = 0;
  for (const ch of text) n += WIDE.test(ch) ? 2 : 1;
  return n;
}

/** Visible, and at most `max` terminal columns (an ellipsis says it was cut). */
export function clipColumns(text: string, max: number): string {
  const shown = visible(text);
  if (columns(shown) <= max) return shown;
  let out = '';
  let n = 0;
  for (const ch of shown) {
    const w = WIDE.test(ch) ? 2 : 1;
    if (n + w > max - 1) break;
    out += ch;
    n += w;
  }
  return `${out}…`;
}

/** Padded with spaces to `width` terminal columns. */
export const padColumns = (text: string, width: number): string => text + ' '.repeat(Math.max(0, width - columns(text)));
