/** Horizontal bar charts as inline SVG, written by hand: no library, no script, labels escaped. */
import { esc } from './html-escape.js';

export interface Segment {
  value: number;
  /** A CSS class naming the colour (`v-license`). */
  className: string;
  title: string;
}

export interface Bar {
  label: string;
  segments: Segment[];
}

const WIDTH = 600;
const LABEL_WIDTH = 270;
const COUNT_WIDTH = 60;
const ROW = 22;
const BAR = 14;
const MAX_LABEL = 40;

export function barChart(title: string, bars: Bar[]): string {
  const max = Math.max(1, ...bars.map(total));
  const scale = (WIDTH - LABEL_WIDTH - COUNT_WIDTH) / max;
  const height = Math.max(1, bars.length) * ROW + 8;
  const rows = bars.map((bar, i) => {
    const y = 4 + i * ROW;
    const label = bar.label.length > MAX_LABEL ? `${bar.label.slice(0, MAX_LABEL - 1)}…` : bar.label;
    let x = LABEL_WIDTH;
    const rects = bar.segments
      .filter((s) => s.value > 0)
      .map((s) => {
        const w = Math.max(1, s.value * scale);
        const rect = `<rect class="${esc(s.className)}" x="${x.toFixed(1)}" y="${y + (ROW - BAR) / 2}" width="${w.toFixed(1)}" height="${BAR}"><title>${esc(s.title)}</title></rect>`;
        x += w;
        return rect;
      });
    return (
      `<g><title>${esc(bar.label)}: ${total(bar)}</title>` +
      `<text x="${LABEL_WIDTH - 6}" y="${y + ROW / 2}" text-anchor="end" dominant-baseline="middle">${esc(label)}</text>` +
      `${rects.join('')}<text x="${(x + 6).toFixed(1)}" y="${y + ROW / 2}" dominant-baseline="middle" class="count">${total(bar)}</text></g>`
    );
  });
  return (
    `<figure class="chart"><figcaption>${esc(title)}</figcaption>` +
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${esc(title)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">` +
    `${rows.join('')}</svg></figure>`
  );
}

function total(bar: Bar): number {
  return bar.segments.reduce((n, s) => n + s.value, 0);
}

/** The largest `limit - 1` entries, and the rest summed under one label. */
export function topWithRest<T>(entries: [string, T][], limit: number, size: (t: T) => number, merge: (ts: T[]) => T, restLabel: (n: number) => string): [string, T][] {
  const sorted = [...entries].sort((a, b) => size(b[1]) - size(a[1]) || a[0].localeCompare(b[0]));
  if (sorted.length <= limit) return sorted;
  const rest = sorted.slice(limit - 1);
  return [...sorted.slice(0, limit - 1), [restLabel(rest.length), merge(rest.map(([, t]) => t))]];
}
