/** Detects a manifest's text encoding from its first bytes, and refuses files that are not text. */
import { Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { UserError } from '../model/errors.js';
import type { Encoding } from '../model/run.js';
import { guessLegacyEncoding } from './legacy-encoding.js';


const ALIASES: Record<string, Encoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8', 'utf-8-bom': 'utf-8',
  'utf-16': 'utf-16le', 'utf-16le': 'utf-16le', utf16le: 'utf-16le', 'utf-16be': 'utf-16be', utf16be: 'utf-16be',
  shift_jis: 'shift_jis', 'shift-jis': 'shift_jis', sjis: 'shift_jis', cp932: 'shift_jis', 'windows-31j': 'shift_jis', ms932: 'shift_jis',
  gb18030: 'gb18030', gbk: 'gb18030', gb2312: 'gb18030', cp936: 'gb18030',
  'euc-jp': 'euc-jp', eucjp: 'euc-jp', euc_jp: 'euc-jp', ujis: 'euc-jp',
};

export function parseEncodingOption(value: string): Encoding {
  const e = ALIASES[value.toLowerCase()];
  if (!e) throw new UserError(`--encoding: unknown encoding "${value}" (use utf-8, utf-16le, utf-16be, shift_jis/cp932, euc-jp or gb18030)`);
  return e;
}

/** iconv-lite's name for each encoding; cp932 is the Windows superset of Shift_JIS that Japanese Excel writes. */
export const ICONV_NAME: Record<Encoding, string> = {
  'utf-8': 'utf8',
  'utf-16le': 'utf16le',
  'utf-16be': 'utf16be',
  shift_jis: 'cp932',
  'euc-jp': 'eucjp',
  gb18030: 'gb18030',
};

/** Bytes in `encoding` to text. UTF-8 through the platform's decoder: iconv-lite's took seven times as long (250 ms per 40 MB). */
export function decodeStream(encoding: Encoding): NodeJS.ReadWriteStream {
  if (encoding !== 'utf-8') return iconv.decodeStream(ICONV_NAME[encoding]);
  const decoder = new TextDecoder('utf-8');
  return new Transform({
    encoding: 'utf8',
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
}

/** The double-byte encodings a file that is not UTF-8 is guessed to be in (legacy-encoding.ts), as the notes name them. */
const LEGACY: Encoding[] = ['shift_jis', 'euc-jp', 'gb18030'];
const LEGACY_NAME: Partial<Record<Encoding, string>> = { shift_jis: 'Shift_JIS (CP932)', 'euc-jp': 'EUC-JP', gb18030: 'GB18030' };

export interface Detected {
  encoding: Encoding;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
  /** Why this encoding, when it was a guess. */
  reason?: string;
}

const MAGIC: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'this is a ZIP archive (an Excel .xlsx workbook?) on standard input: name the file instead, and dualscreen reads it as a workbook'],
  [
    [0xd0, 0xcf, 0x11, 0xe0],
    'this is an old Excel 97-2003 .xls workbook (or a password-protected one), which dualscreen does not read: open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook) without a password, or as CSV',
  ],
  [[0x25, 0x50, 0x44, 0x46], 'this is a PDF document, not a CSV manifest'],
  [[0x89, 0x50, 0x4e, 0x47], 'this is a PNG image, not a CSV manifest'],
  [[0x1f, 0x8b], 'this is a gzip archive, not a CSV manifest: decompress it first'],
];

/**
 * Text that ERPs save under an Excel name (.xls) but that is no table of lines: an HTML table (SAP's
 * and many web exports), Excel 2003 XML Spreadsheet, a web archive. Read as CSV, its markup would be
 * taken for the header.
 */
const MARKUP: [RegExp, string][] = [
  [/^<\?xml[^]*urn:schemas-microsoft-com:office:spreadsheet/, 'an Excel 2003 XML Spreadsheet'],
  [/^(?:<!doctype html|<html|<table)|urn:schemas-microsoft-com:office:excel/, 'a web page (an HTML table) saved under an Excel name'],
  [/^mime-version:/, 'a web archive (MHTML) saved under an Excel name'],
];

function markup(sample: Buffer, bomLength: number): string | undefined {
  const head = sample.subarray(bomLength, bomLength + 2048).toString('latin1').trimStart().toLowerCase();
  return MARKUP.find(([re]) => re.test(head))?.[1];
}

export function detectEncoding(sample: Buffer, forced: Encoding | undefined, name: string): Detected {
  const bom = bomOf(sample);
  if (forced) return { encoding: forced, bomLength: bom && bom.encoding === forced ? bom.bomLength : 0 };
  const what = bom?.encoding === 'utf-16le' || bom?.encoding === 'utf-16be' ? undefined : markup(sample, bom?.bomLength ?? 0);
  if (what) {
    throw new UserError(`${name}: this is ${what}, not a CSV file or an .xlsx workbook: open it in Excel or LibreOffice and save it as .xlsx (Excel Workbook) or as CSV`);
  }
  if (bom) return bom;
  for (const [magic, what] of MAGIC) {
    if (magic.every((b, i) => sample[i] === b)) throw new UserError(`${name}: ${what}`);
  }
  const utf16 = utf16WithoutBom(sample);
  if (utf16) {
    return { encoding: utf16, bomLength: 0, reason: `guessed: no byte-order mark, but a zero byte beside each ASCII character as ${utf16.toUpperCase()} writes it (use --encoding to choose)` };
  }
  if (looksBinary(sample)) throw new UserError(`${name}: binary content (not a text CSV file)`);
  const { valid, invalid } = utf8Counts(sample);
  if (invalid === 0) return { encoding: 'utf-8', bomLength: 0 };
  // A UTF-8 file with a few rows in another encoding (a Latin-1 name) stays UTF-8: those rows are
  // rejected with their line, instead of every Chinese and Japanese name read as mojibake.
  if (valid >= invalid || !pairedHighBytes(sample)) {
    return {
      encoding: 'utf-8',
      bomLength: 0,
      reason: `guessed: the first ${sample.length} bytes hold ${valid} valid UTF-8 characters and ${invalid} invalid byte sequences, which look like stray bytes of another encoding rather than a Shift_JIS or GB18030 file: read as UTF-8, the lines with invalid bytes are rejected (use --encoding to choose)`,
    };
  }
  const legacy = guessLegacyEncoding(sample);
  const others = LEGACY.filter((e) => e !== legacy).map((e) => LEGACY_NAME[e]);
  return {
    encoding: legacy,
    bomLength: 0,
    reason: `guessed: not UTF-8 (${invalid} invalid sequences in the first ${sample.length} bytes, in double-byte runs) and more likely ${LEGACY_NAME[legacy]} than ${others.join(' or ')} (use --encoding to choose)`,
  };
}

function bomOf(b: Buffer): Detected | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return undefined;
}

/**
 * UTF-16 written without a byte-order mark: a manifest's delimiters, digits and line ends are ASCII, each a zero byte beside
 * its code (at odd offsets in UTF-16LE, even ones in UTF-16BE), and the text decodes to no control characters but tabs and
 * line ends.
 */
function utf16WithoutBom(b: Buffer): Encoding | undefined {
  const n = Math.min(b.length, 8192) & ~1;
  if (n < 8) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZeros++;
    if (b[i + 1] === 0) oddZeros++;
  }
  const units = n / 2;
  const encoding: Encoding | undefined =
    oddZeros >= units * 0.2 && evenZeros <= units * 0.02 ? 'utf-16le' : evenZeros >= units * 0.2 && oddZeros <= units * 0.02 ? 'utf-16be' : undefined;
  if (!encoding) return undefined;
  const text = iconv.decode(b.subarray(0, n), ICONV_NAME[encoding]);
  return /[\n\r]/.test(text) && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(text) ? encoding : undefined;
}

/** Many NUL or control bytes in the first block: not a text file. A stray NUL in a row is the reader's business. */
function looksBinary(b: Buffer): boolean {
  const n = Math.min(b.length, 8192);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const c = b[i]!;
    if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b)) control++;
  }
  return control / n > 0.1;
}

/** Non-ASCII characters that decode as UTF-8, and invalid sequences (U+FFFD). */
function utf8Counts(b: Buffer): { valid: number; invalid: number } {
  // stream: true leaves a multi-byte character cut at the end of the sample undecoded
  const text = new TextDecoder('utf-8').decode(b, { stream: true });
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd) invalid++;
    else if (c >= 0x80) valid++;
  }
  return { valid, invalid };
}

/**
 * Shift_JIS and GB18030 words are runs of double-byte characters, every lead byte high: half or more
 * of their bytes are high. A Latin-1 or Windows-1252 accent ("Müller", "Größe") is one or two high
 * bytes in a word of ASCII letters.
 */
function pairedHighBytes(b: Buffer): boolean {
  let high = 0;
  let length = 0;
  let wordHigh = 0;
  let wordLength = 0;
  for (let i = 0; i <= b.length; i++) {
    const c = i < b.length ? b[i]! : 0x20;
    if (c <= 0x20 || c === 0x2c || c === 0x3b || c === 0x22 || c === 0x7c) {
      if (wordHigh > 0) {
        high += wordHigh;
        length += wordLength;
      }
      wordHigh = 0;
      wordLength = 0;
    } else {
      wordLength++;
      if (c >= 0x80) wordHigh++;
    }
  }
  return high * 100 >= length * 45;
}

/** Text of a whole file in any encoding a manifest may have (UTF-8/16 with or without BOM, Shift_JIS, EUC-JP, GB18030): a licence register, a manifest `init` looks at. */
export function decodeText(bytes: Buffer, shown: string): { text: string; encoding: Encoding } {
  const { encoding, bomLength } = detectEncoding(bytes, undefined, shown);
  return { text: iconv.decode(bytes.subarray(bomLength), ICONV_NAME[encoding]), encoding };
}
