/** The international HS nomenclature (chapters, headings, 6-digit subheadings) from rules/reference/hs, read on demand. */
import { readFileSync } from 'node:fs';

const FILE = new URL('../../rules/reference/hs/harmonized-system.csv', import.meta.url);

export interface HsHeading {
  code: string;
  description: string;
}

let wordings: Map<string, string> | undefined;

/** Each chapter's, heading's and subheading's text by its code; empty when the nomenclature file is not there. */
function nomenclature(): Map<string, string> {
  if (wordings) return wordings;
  wordings = new Map();
  let text: string;
  try {
    text = readFileSync(FILE, 'utf8');
  } catch {
    return wordings;
  }
  // section,hscode,description,parent,level; the description is quoted when it holds a comma
  for (const m of text.matchAll(/^[^,\n]*,(\d+),("(?:[^"]|"")*"|[^,\n]*),/gm)) {
    wordings.set(m[1]!, m[2]!.startsWith('"') ? m[2]!.slice(1, -1).replace(/""/g, '"') : m[2]!);
  }
  return wordings;
}

/** The chapter, heading and subheading texts above an HS code, broadest first. */
export function hsHeadings(digits: string): HsHeading[] {
  const out: HsHeading[] = [];
  for (const len of [2, 4, 6]) {
    if (digits.length < len) break;
    const code = digits.slice(0, len);
    const description = nomenclature().get(code);
    if (description !== undefined) out.push({ code, description });
  }
  return out;
}

/** Every text of the nomenclature: the words goods are named in, in English. */
export function hsTexts(): Iterable<string> {
  return nomenclature().values();
}
