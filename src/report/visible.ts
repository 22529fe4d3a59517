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
