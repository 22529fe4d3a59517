/**
 * Company names cut in two by an unquoted comma: `Mitsubishi Heavy Industries, Ltd.` written into a
 * CSV by hand, without quotes, reads as two fields, `Mitsubishi Heavy Industries` and ` Ltd.`, and the
 * row has one field more than the header. A field that is nothing but a legal-form suffix cannot be a
 * value of its own, so such a row is read with the name whole again, and the user is told which lines.
 */
import { fieldCount } from './csv.js';

/**
 * Legal forms written after a comma. Not the bare two-letter ones that are also country codes or
 * plain words (AG, AS, AB, CO, OY): a destination column may hold them.
 */
const LEGAL_FORM =
  /^(?:ltd\.?|limited|inc\.?|incorporated|llc\.?|l\.l\.c\.|llp|l\.l\.p\.|l\.p\.|plc\.?|p\.l\.c\.|corp\.?|corporation|co\.|co\.,? ?ltd\.?|gmbh|s\.a\.(?: de c\.v\.)?|s\.a\.s\.|s\.r\.l\.|s\.p\.a\.|n\.v\.|b\.v\.|k\.k\.|pte\.? ltd\.?|pty\.? ltd\.?|sdn\.? bhd\.?)$/i;

/** The field before a legal form must be the name's start: text with a letter, not a number or an empty cell. */
const HAS_LETTER = /\p{L}/u;

/**
 * The record with each name that an unquoted comma cut in two joined again, when that leaves exactly
 * the header's fields (trailing empty cells aside, as for any row); undefined when it does not (the row
 * is read as it is, or rejected).
 */
export function joinSplitNames(fields: string[], width: number, delimiter: string): string[] | undefined {
  if (fields.length <= width) return undefined;
  const joined = joinLegalForms(fields, delimiter);
  return joined.length < fields.length && fieldCount(joined, width) === width ? joined : undefined;
}

/** The record with every field that is only a legal form joined to the name before it, however many fields that leaves. */
export function joinLegalForms(fields: string[], delimiter: string): string[] {
  const joined: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const cut = i > 0 && LEGAL_FORM.test(fields[i]!.trim()) && HAS_LETTER.test(fields[i - 1]!);
    if (cut) joined[joined.length - 1] += `${delimiter}${fields[i]}`;
    else joined.push(fields[i]!);
  }
  return joined;
}
