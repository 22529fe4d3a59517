/**
 * The manager's tables of the HTML report: rows, quantity and value by verdict, per customer (consignee, else
 * end user) and per controlled item, with their bar charts. One entry per key; past MAX_KEYS keys the rest is
 * summed under one, so memory stays bounded whatever the manifest.
 */
import { text } from '../i18n/format.js';
import type { Lang } from '../model/message.js';
import { type Result } from '../model/result.js';
import { VERDICTS, type Verdict } from '../model/verdict.js';
import { barChart, type Bar } from './bar-chart.js';
import { esc } from './html-escape.js';
import type { RunInfo } from './types.js';
import { verdictWord } from './words.js';

const MAX_KEYS = 20_000;
const TABLE_ROWS = 25;
const CHART_BARS = 15;
const OTHER = '\u0000other';

interface Cell {
  rows: number;
  /** Quantity by unit, value by currency: only cells that read as numbers. */
  quantity: Map<string, number>;
  value: Map<string, number>;
}

type Tally = Record<Verdict, Cell>;

const cell = (): Cell => ({ rows: 0, quantity: new Map(), value: new Map() });
const tally = (): Tally => ({ prohibited: cell(), license: cell(), review: cell(), clear: cell() });

/** A manifest number: `1,200.50`, `-3`, `1 200`; anything else is not summed. */
export function amount(s: string | undefined): number | undefined {
  const t = s?.trim().replace(/[,\s\u00a0]/g, '');
  if (!t || !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) return undefined;
  return Number(t);
}

/** 1234567.5 → "1,234,567.5", the same on every machine. */
export function grouped(n: number): string {
  const [whole, fraction] = (Math.round(n * 100) / 100).toString().split('.');
  const digits = whole!.replace('-', '');
  return `${n < 0 ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

const add = (m: Map<string, number>, key: string, n: number | undefined): void => {
  if (n !== undefined) m.set(key, (m.get(key) ?? 0) + n);
};

/** "1,200 kg; 30 pcs", "USD 102,000": quantities by unit, values by currency. */
export const quantityText = (m: Map<string, number>): string => [...m].map(([unit, n]) => `${grouped(n)}${unit ? ` ${unit}` : ''}`).join('; ');
export const valueText = (m: Map<string, number>): string => [...m].map(([currency, n]) => `${currency ? `${currency} ` : ''}${grouped(n)}`).join('; ');

export class Tallies {
  private readonly byKey = new Map<string, Tally>();

  /** Counts the row under each of its keys. */
  add(keys: string[], r: Result): void {
    const { values } = r.row;
    const quantity = amount(values.quantity);
    const value = amount(values.value);
    for (let key of keys) {
      if (!this.byKey.has(key) && this.byKey.size >= MAX_KEYS) key = OTHER;
      let t = this.byKey.get(key);
      if (!t) this.byKey.set(key, (t = tally()));
      const c = t[r.verdict];
      c.rows++;
      add(c.quantity, values.unit?.trim() ?? '', quantity);
      add(c.value, values.currency?.trim().toUpperCase() ?? '', value);
    }
  }

  get size(): number {
    return this.byKey.size;
  }

  /** Most severe first: prohibited rows, then licence, then review, then all rows. */
  sorted(): [string, Tally][] {
    const weight = (t: Tally): number[] => [t.prohibited.rows, t.license.rows, t.review.rows, VERDICTS.reduce((n, v) => n + t[v].rows, 0)];
    return [...this.byKey].sort(([ka, a], [kb, b]) => {
      const wa = weight(a);
      const wb = weight(b);
      for (let i = 0; i < wa.length; i++) if (wa[i] !== wb[i]) return wb[i]! - wa[i]!;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  }
}

/** The customer a row is for: the consignee, else the end user. */
export function customerOf(r: Result, lang: Lang): string {
  return r.row.values.consignee?.trim() || r.row.values.end_user?.trim() || text(lang, 'html.no-customer');
}

/** The controlled items a flagged row matched, by id; none: one key saying so. */
export function itemsOf(r: Result, lang: Lang): string[] {
  const ids = r.refs?.items ?? [];
  return ids.length > 0 ? ids : [text(lang, 'html.no-item')];
}

function label(key: string, lang: Lang, run: RunInfo | undefined, kind: 'customer' | 'item'): string {
  if (key === OTHER) return text(lang, kind === 'customer' ? 'html.other-customers' : 'html.other-items');
  if (kind === 'customer') return key;
  const item = run?.item?.(key);
  if (!item) return key;
  const title = item.title[lang] ?? item.title.en;
  return item.code ? `${item.code} ${title}` : title;
}

function cellHtml(c: Cell, lang: Lang): string {
  if (c.rows === 0) return '<td class="num"></td>';
  const parts = [text(lang, 'html.rows', { count: c.rows }), quantityText(c.quantity), valueText(c.value)].filter(Boolean);
  return `<td class="num">${parts.map(esc).join('<br>')}</td>`;
}

/** A table (the first TABLE_ROWS keys, most severe first) and its chart of rows by verdict. */
export function talliesHtml(tallies: Tallies, kind: 'customer' | 'item', lang: Lang, run: RunInfo | undefined): string {
  if (tallies.size === 0) return '';
  const sorted = tallies.sorted();
  const shown = sorted.slice(0, TABLE_ROWS);
  const name = (key: string): string => label(key, lang, run, kind);
  const head = `<tr><th>${esc(text(lang, `html.col.${kind}`))}</th>${VERDICTS.map((v) => `<th class="v-${v}">${esc(verdictWord(v, lang))}</th>`).join('')}</tr>`;
  const body = shown.map(([key, t]) => `<tr><td>${esc(name(key))}</td>${VERDICTS.map((v) => cellHtml(t[v], lang)).join('')}</tr>`).join('\n');
  const more = sorted.length > TABLE_ROWS ? `<p class="meta">${esc(text(lang, 'html.more-keys', { count: sorted.length - TABLE_ROWS }))}</p>` : '';
  const bars: Bar[] = sorted.slice(0, CHART_BARS).map(([key, t]) => ({
    label: name(key),
    segments: VERDICTS.filter((v) => v !== 'clear' || kind === 'customer').map((v) => ({ value: t[v].rows, className: `v-${v}`, title: `${name(key)}: ${t[v].rows} ${verdictWord(v, lang)}` })),
  }));
  const title = text(lang, `html.by-${kind}`);
  return `<section id="by-${kind}"><h2>${esc(title)}</h2>
<div class="charts">${barChart(title, bars)}</div>
<table class="tally"><thead>${head}</thead><tbody>
${body}
</tbody></table>${more}</section>`;
}
