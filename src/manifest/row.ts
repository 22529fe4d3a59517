import { mentionsDualUse, parseCasColumn, parseCasNumbers, parseControlCodes, parseHsCode } from '../match/codes.js';
import { countryCode } from '../match/countries.js';
import { BoundedMemo } from '../match/bounded-memo.js';
import { foldText } from '../match/fold.js';
import { detached } from '../match/detach.js';
import { type IntroducedName, introducedNames } from '../match/party-phrases.js';
import type { HsScheme, NormalisedRow, PartyCell, Row, RowValues, TextFacts } from '../model/row.js';
import { readShipDate } from './ship-date.js';

const present = (v: string | undefined): string | undefined => {
  const t = v?.trim();
  return t ? t : undefined;
};

const country = (v: string | undefined): string | undefined => {
  const t = present(v);
  return t === undefined ? undefined : countryCode(t);
};

/**
 * The origin of goods a cell gives, where it may give several ("中国/香港" for a kit, "China / Vietnam"): China where it is one
 * of them (the transfer clauses reach the PRC-origin part), the first where every one is another country, else none (not known). Read before
 * the whole cell, which would take "中国/香港" as 中国香港, Hong Kong. Not at commas: "Hong Kong, China" is Hong Kong.
 */
const originOf = (v: string | undefined): string | undefined => {
  const parts = v?.split(/\s*[/／、;；&＆+＋]\s*/).filter((p) => p.trim() !== '') ?? [];
  if (parts.length < 2) return country(v);
  const each = parts.map(country);
  if (each.includes('CN')) return 'CN';
  return each.every((c) => c !== undefined) ? each[0] : undefined;
};

/** The countries of a cell that may hold several, joined by semicolons ("日本; 中国香港" from two destination columns). */
const countries = (v: string | undefined): string[] => {
  const whole = country(v);
  if (whole !== undefined || v === undefined) return whole === undefined ? [] : [whole];
  return [...new Set(v.split(/[;；]/).map(country).filter((c) => c !== undefined))];
};

/**
 * What a row needs of a free-text cell (a description, an end use), read once per distinct text: descriptions repeat
 * down a manifest, and every row with the same text gets the same folded string, whose hash the keyword and term memos
 * then find already worked out.
 */
class TextReading implements TextFacts {
  readonly folded: string;
  private names?: readonly IntroducedName[];
  private numbers?: string[];
  /** The engine's answers for one rule set at a time (a run screens with one). */
  private derivedFor?: object;
  private derived?: Map<string, unknown>;

  constructor(private readonly text: string) {
    this.folded = foldText(text);
  }

  /** CAS numbers written into the text ("P507 (CAS 14802-03-0)"). */
  get cas(): string[] {
    return (this.numbers ??= parseCasNumbers(this.text));
  }

  /** Names that phrases of the text introduce ("END USER: …", "…向け"). */
  get introduced(): readonly IntroducedName[] {
    return (this.names ??= introducedNames(this.text));
  }

  derive<V>(owner: object, name: string, compute: () => V): V {
    if (this.derivedFor !== owner) {
      this.derivedFor = owner;
      this.derived = new Map();
    }
    let value = this.derived!.get(name) as V | undefined;
    if (value === undefined) this.derived!.set(name, (value = compute()));
    return value;
  }
}

const READINGS = new BoundedMemo<TextReading>(20_000);
const EMPTY_READING = new TextReading('');
const reading = (text: string | undefined): TextReading => (text === undefined || text === '' ? EMPTY_READING : READINGS.get(text, () => new TextReading(detached(text))));

/** `controlScheme`: the control-code column's header when it holds another country's classification (header.ts). */
export function normaliseRow(
  values: RowValues,
  hsScheme: HsScheme,
  moreParties: PartyCell[] = [],
  otherCells: PartyCell[] = [],
  shipDateCell?: string,
  controlScheme?: string,
): NormalisedRow {
  const shipDate = readShipDate(shipDateCell);
  const [destinationCountry, ...moreDestinationCountries] = countries(values.destination_country);
  const parties = partyCells(values, moreParties);
  const description = reading(values.description);
  const columnCas = parseCasColumn(values.cas_number);
  return {
    description: description.folded,
    descriptionFacts: description,
    hs: parseHsCode(values.hs_code, hsScheme),
    controlCodes: parseControlCodes(values.control_code, controlScheme),
    cas: values.cas_number === undefined ? description.cas : [...columnCas, ...description.cas],
    // digits that give no valid CAS number; words alone ("mixture", "proprietary") declare none
    ...(columnCas.length === 0 && values.cas_number !== undefined && /\d/.test(values.cas_number) ? { casUnreadable: values.cas_number } : {}),
    originCountry: originOf(values.origin_country),
    exportCountry: country(values.export_country),
    destinationCountry,
    ...(moreDestinationCountries.length > 0 ? { moreDestinationCountries } : {}),
    consigneeCountry: country(values.consignee_country),
    endUserCountry: country(values.end_user_country),
    endUse: reading(values.end_use).folded,
    parties: [...parties, ...introducedParties(parties, otherCells, description.introduced)],
    others: otherTexts(otherCells),
    ...(shipDate ? { shipDate } : {}),
  };
}

/**
 * The other columns' cells that may name a party or declare the goods dual-use: trimmed text, not one word with a digit
 * (an order number, a date) unless it speaks of dual-use items ("属于两用物项1C117.d").
 */
function otherTexts(cells: PartyCell[]): PartyCell[] {
  const out: PartyCell[] = [];
  for (const { field, value } of cells) {
    const text = value.trim();
    if (text !== '' && (/\s/.test(text) || !/\d/.test(text) || mentionsDualUse(text))) out.push({ field, value: text });
  }
  return out;
}

/** Every party name on the row with its field: the consignee, the end user, then the further party columns. */
function partyCells(values: RowValues, moreParties: PartyCell[]): PartyCell[] {
  const cells: PartyCell[] = [];
  for (const field of ['consignee', 'end_user'] as const) {
    const value = values[field]?.trim();
    if (value) cells.push({ field, value });
  }
  cells.push(...moreParties);
  return cells;
}

/** The names that phrases introduce in the party cells, the other columns and the description, under the column they were read from. */
function introducedParties(parties: PartyCell[], otherCells: PartyCell[], inDescription: readonly IntroducedName[]): PartyCell[] {
  const out: PartyCell[] = [];
  const add = (field: string, names: readonly IntroducedName[]): void => {
    for (const { name, phrase } of names) out.push({ field, value: name, introducedBy: phrase });
  };
  for (const { field, value } of parties) add(field, introducedNames(value));
  for (const { field, value } of otherCells) add(field, introducedNames(value));
  add('description', inDescription);
  return out;
}

export function makeRow(
  input: string,
  row: number,
  line: number,
  values: RowValues,
  extras: Record<string, string>,
  hsScheme: HsScheme,
  moreParties?: PartyCell[],
  otherCells?: PartyCell[],
  shipDateCell?: string,
  controlScheme?: string,
): Row {
  return { input, row, line, values, extras, norm: normaliseRow(values, hsScheme, moreParties, otherCells, shipDateCell, controlScheme) };
}
