/** The international HS nomenclature (chapters, headings, 6-digit subheadings) from rules/reference/hs, read on demand. */
import { readFileSync } from 'node:fs';

const FILE = new URL('../../rules/reference/hs/harmonized-system.csv', import.meta.url);

export interface HsHeading {
  code: string;
  description: string;
}

let text: string | undefined;

/**
 * The chapter, heading and subheading texts above an HS code; none when the nomenclature file is not there.
 * A look-up needs three lines of ~7,000: find them with one search each rather than parse the whole CSV.
 */
export function hsHeadings(digits: string): HsHeading[] {
  try {
    text ??= readFileSync(FILE, 'utf8');
  } catch {
    return [];
  }
  const out: HsHeading[] = [];
  for (const len of [2, 4, 6]) {
    if (digits.length < len) break;
    const code = digits.slice(0, len);
    // section,hscode,description,parent,level; the description is quoted when it holds a comma
    const m = new RegExp(`^[^,\\n]*,${code},("(?:[^"]|"")*"|[^,\\n]*),`, 'm').exec(text);
    if (m) out.push({ code, description: m[1]!.startsWith('"') ? m[1]!.slice(1, -1).replace(/""/g, '"') : m[1]! });
  }
  return out;
}
