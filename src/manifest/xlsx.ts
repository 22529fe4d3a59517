/**
 * Reads a sheet of an .xlsx/.xlsm workbook row by row, streaming: the sheet's XML is inflated
 * (zip.ts) and parsed (saxes) as it is read, so memory holds the shared strings and one block of
 * rows, whatever the number of rows. Cells are given as the user sees them: shared and inline strings,
 * numbers without exponent or float noise (an HS code stored as a number is its digits again),
 * numbers formatted with leading zeros (0000000000) padded, dates as YYYY-MM-DD, booleans as
 * TRUE/FALSE, formulas by their cached value. Each row carries its row number: its line in reports.
 */
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { UserError } from '../model/errors.js';
import { columnIndex, mergedDownRanges, setCell, type CellRow, type MergedCellFiller, type MergedDown } from './merged-cells.js';
import { ZipFile } from './zip.js';

export interface SheetRow extends CellRow {
  /** The sheet's row number (1-based): the row's line in every report. */
  line: number;
}

export interface SheetInfo {
  name: string;
  /** Every sheet of the workbook, in order. */
  names: string[];
}

interface Format {
  date: boolean;
  time: boolean;
  /** Digits a whole number is padded to (format 0000000000). */
  pad: number;
}

const GENERAL: Format = { date: false, time: false, pad: 0 };
const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/** Parses XML text or a stream of it; `on` gets the open and close tags and the text between them. */
function parser(handlers: { open?: (tag: SaxesTagPlain) => void; close?: (name: string) => void; text?: (text: string) => void }): SaxesParser {
  const p = new SaxesParser();
  if (handlers.open) p.on('opentag', handlers.open);
  if (handlers.close) p.on('closetag', (tag) => handlers.close!(local(tag.name)));
  if (handlers.text) {
    p.on('text', handlers.text);
    p.on('cdata', handlers.text);
  }
  return p;
}

function parseAll(xml: string, open: (name: string, attributes: Record<string, string>) => void): void {
  parser({ open: (tag) => open(local(tag.name), tag.attributes as Record<string, string>) })
    .write(xml)
    .close();
}

/** Excel's escapes of control characters in strings: _x000D_. */
const unescapeXstring = (s: string): string => (s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s);

/** The built-in number formats that are dates or times (ECMA-376 18.8.30, with the CJK ones). */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 57, 58]);
const BUILTIN_TIMES = new Set([18, 19, 20, 21, 22, 32, 33, 45, 46, 47, 55, 56]);

function customFormat(code: string): Format {
  const bare = code
    .split(';')[0]!
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/_./g, '')
    .replace(/\[(?!h|m|s)[^\]]*\]/gi, '');
  // m is a month beside y or d, or alone; a minute beside h or s
  const date = /[yd]/i.test(bare) || (/m/i.test(bare) && !/[hs]/i.test(bare) && !/[0#?]/.test(bare));
  const time = /[hs]/i.test(bare);
  const pad = /^0{2,}$/.test(bare.trim()) ? bare.trim().length : 0;
  return { date, time, pad };
}

async function readStyles(zip: ZipFile, path: string): Promise<Format[]> {
  const xml = await zip.text(path);
  if (!xml) return [];
  const custom = new Map<number, Format>();
  const xfs: Format[] = [];
  let inCellXfs = false;
  parser({
    open: (tag) => {
      const name = local(tag.name);
      const a = tag.attributes as Record<string, string>;
      if (name === 'numFmt') custom.set(Number(a.numFmtId), customFormat(a.formatCode ?? ''));
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        xfs.push(custom.get(id) ?? { date: BUILTIN_DATES.has(id), time: BUILTIN_TIMES.has(id), pad: 0 });
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  })
    .write(xml)
    .close();
  return xfs;
}

/** The shared strings, read as a stream; phonetic runs (rPh, Japanese furigana) are not the cell's text. */
async function readSharedStrings(zip: ZipFile, path: string | undefined): Promise<string[]> {
  if (!path || !zip.has(path)) return [];
  const strings: string[] = [];
  let current: string[] = [];
  let inT = false;
  let phonetic = 0;
  const p = parser({
    open: (tag) => {
      const name = local(tag.name);
      if (name === 'si') current = [];
      else if (name === 't') inT = phonetic === 0;
      else if (name === 'rPh') phonetic++;
    },
    close: (name) => {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') strings.push(unescapeXstring(current.join('')));
    },
    text: (t) => {
      if (inT) current.push(t);
    },
  });
  const decoder = new StringDecoder('utf8');
  for await (const chunk of zip.open(path)) p.write(decoder.write(chunk as Buffer));
  p.write(decoder.end()).close();
  return strings;
}

/** A relationships part: id → the target's path inside the archive. */
async function readRelationships(zip: ZipFile, part: string): Promise<Map<string, string>> {
  const dir = part.includes('/') ? part.slice(0, part.lastIndexOf('/') + 1) : '';
  const relsPath = `${dir}_rels/${part.slice(dir.length)}.rels`;
  const xml = await zip.text(relsPath);
  const out = new Map<string, string>();
  if (!xml) return out;
  parseAll(xml, (name, a) => {
    if (name !== 'Relationship' || !a.Id || !a.Target) return;
    out.set(a.Id, resolvePart(dir, a.Target));
  });
  return out;
}

function resolvePart(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** An Excel date serial as the user sees it: YYYY-MM-DD, with the time when the format shows one. */
function dateText(serial: number, format: Format, date1904: boolean): string {
  const days = Math.floor(serial);
  const seconds = Math.round((serial - days) * 86400);
  // 1900 system: serial 60 is the 29 February 1900 that Lotus counted; days after it are one off
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : days < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const d = new Date(epoch + days * 86400000 + seconds * 1000);
  const ymd = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
  const hms = `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}${d.getUTCSeconds() ? `:${pad2(d.getUTCSeconds())}` : ''}`;
  if (!format.date) return hms;
  return format.time && seconds > 0 ? `${ymd} ${hms}` : ymd;
}

/** A number as Excel's General format shows it: whole numbers in full, others to 15 significant digits. */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toFixed(0);
  const shown = Number(n.toPrecision(15));
  return Math.abs(shown) >= 1e-6 || shown === 0 ? String(shown).replace(/e\+?/, 'E') : String(shown);
}

export class Workbook {
  private constructor(
    private readonly zip: ZipFile,
    private readonly shown: string,
    private readonly sheets: { name: string; part: string; hidden: boolean }[],
    private readonly sharedStringsPart: string | undefined,
    private readonly stylesPart: string | undefined,
    private readonly date1904: boolean,
  ) {}

  static async open(path: string, shown: string): Promise<Workbook> {
    const zip = new ZipFile(path, shown);
    const root = await readRelationships(zip, '');
    const main = [...root.values()].find((t) => /(^|\/)workbook\.xml$/i.test(t)) ?? (zip.has('xl/workbook.xml') ? 'xl/workbook.xml' : undefined);
    if (!main || !zip.has(main)) {
      if (zip.has('xl/workbook.bin')) throw new UserError(`${shown}: an Excel binary workbook (.xlsb): save it as .xlsx (Excel Workbook) or as CSV first`);
      throw new UserError(`${shown}: a ZIP archive, but not an Excel workbook (no xl/workbook.xml)`);
    }
    const rels = await readRelationships(zip, main);
    const sheets: { name: string; part: string; hidden: boolean }[] = [];
    let date1904 = false;
    parseAll((await zip.text(main))!, (name, a) => {
      if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
      if (name !== 'sheet') return;
      const rid = a['r:id'] ?? Object.entries(a).find(([k]) => local(k) === 'id')?.[1];
      const part = rid ? rels.get(rid) : undefined;
      if (part) sheets.push({ name: a.name ?? part, part, hidden: a.state === 'hidden' || a.state === 'veryHidden' });
    });
    const byType = (suffix: string): string | undefined => [...rels.values()].find((t) => t.toLowerCase().endsWith(suffix));
    return new Workbook(zip, shown, sheets, byType('sharedstrings.xml'), byType('styles.xml'), date1904);
  }

  /** The sheet to read: by name (any case) or 1-based position; by default the first visible worksheet. */
  pick(sheet: string | undefined): { name: string; part: string } {
    const names = this.sheets.map((s) => s.name);
    const worksheets = this.sheets.filter((s) => /worksheets\//i.test(s.part));
    if (sheet === undefined) {
      const first = worksheets.find((s) => !s.hidden) ?? worksheets[0];
      if (!first) throw new UserError(`${this.shown}: the workbook has no worksheet`);
      return first;
    }
    const found = /^\d+$/.test(sheet) ? this.sheets[Number(sheet) - 1] : this.sheets.find((s) => s.name.toLowerCase() === sheet.trim().toLowerCase());
    if (!found) throw new UserError(`--sheet ${sheet}: ${this.shown} has no such sheet (sheets: ${names.map((n, i) => `${i + 1} "${n}"`).join(', ')})`);
    if (!/worksheets\//i.test(found.part)) throw new UserError(`--sheet ${sheet}: "${found.name}" is not a worksheet (a chart?)`);
    return found;
  }

  get sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  get archiveBytes(): number {
    return this.zip.size;
  }

  /** The ranges of the sheet merged down several rows, read in a pass of their own (the XML lists them after the rows). */
  async mergedDown(part: string): Promise<MergedDown[]> {
    const zip = this.zip;
    const decoder = new StringDecoder('utf8');
    async function* text(): AsyncGenerator<string> {
      for await (const chunk of zip.open(part)) yield decoder.write(chunk as Buffer);
      yield decoder.end();
    }
    return mergedDownRanges(text());
  }

  /**
   * The sheet's rows in order, each when its closing tag is read; `onBytes` hears the compressed bytes read;
   * `merged` fills the cells under a range merged down rows.
   */
  async *rows(part: string, onBytes?: (n: number) => void, merged?: MergedCellFiller): AsyncGenerator<SheetRow> {
    const [strings, formats] = await Promise.all([readSharedStrings(this.zip, this.sharedStringsPart), this.stylesPart ? readStyles(this.zip, this.stylesPart) : Promise.resolve([])]);
    const out: SheetRow[] = [];
    let row: SheetRow | undefined;
    let lastLine = 0;
    let col = -1;
    let type = 'n';
    let style = 0;
    let value: string[] = [];
    let inValue = false;
    let inInline = false;
    let phonetic = 0;
    let inSheetData = false;
    const cell = (): void => {
      if (!row || col < 0) return;
      const v = value.join('');
      let text = '';
      let numeric = false;
      if (type === 's') text = strings[Number(v)] ?? '';
      else if (type === 'inlineStr' || type === 'str') text = unescapeXstring(v);
      else if (type === 'b') text = v === '1' || v === 'true' ? 'TRUE' : v === '' ? '' : 'FALSE';
      else if (type === 'e') text = v;
      else if (type === 'd') text = v.replace(/T00:00:00(?:\.0+)?Z?$/, '');
      else if (v.trim() !== '') {
        const n = Number(v);
        const f = formats[style] ?? GENERAL;
        if (!Number.isFinite(n)) text = v;
        else if (f.date || f.time) text = dateText(n, f, this.date1904);
        else if (f.pad && Number.isInteger(n) && n >= 0) text = n.toFixed(0).padStart(f.pad, '0');
        else {
          text = numberText(n);
          numeric = true;
        }
      }
      setCell(row, col, text, numeric);
    };
    const p = parser({
      open: (tag) => {
        const name = local(tag.name);
        const a = tag.attributes as Record<string, string>;
        if (name === 'sheetData') inSheetData = true;
        else if (!inSheetData) return;
        else if (name === 'row') {
          lastLine = a.r ? Number(a.r) : lastLine + 1;
          row = { line: lastLine, cells: [], numeric: [] };
          col = -1;
        } else if (name === 'c') {
          col = a.r ? columnIndex(a.r) : col + 1;
          type = a.t ?? 'n';
          style = a.s ? Number(a.s) : 0;
          value = [];
        } else if (name === 'v') inValue = true;
        else if (name === 'is') inInline = true;
        else if (name === 't' && inInline && phonetic === 0) inValue = true;
        else if (name === 'rPh') phonetic++;
      },
      close: (name) => {
        if (name === 'v' || name === 't') inValue = false;
        else if (name === 'is') inInline = false;
        else if (name === 'rPh') phonetic--;
        else if (name === 'c') cell();
        else if (name === 'row' && row) {
          merged?.fill(row);
          out.push(row);
          row = undefined;
        } else if (name === 'sheetData') inSheetData = false;
      },
      text: (t) => {
        if (inValue) value.push(t);
      },
    });
    const decoder = new StringDecoder('utf8');
    for await (const chunk of this.zip.open(part, onBytes)) {
      try {
        p.write(decoder.write(chunk as Buffer));
      } catch (e) {
        throw new UserError(`${this.shown}: the sheet's XML cannot be read (${(e as Error).message}); open the workbook in Excel or LibreOffice and save it again`);
      }
      if (out.length > 0) yield* out.splice(0);
    }
    p.write(decoder.end()).close();
    yield* out.splice(0);
  }
}
