/**
 * Items named by a common noun and a qualifier that paperwork writes in different places: an item
 * master writes "IC, ADC, 16-BIT, 1 US, RAD-HARD 100 KRAD", a customs declaration
 * "模数转换器芯片|16位|抗辐射100krad". A pack lists such an item's terms in groups
 * (`together: [[ADC, 模数转换器], [rad-hard, 抗辐射]]`); a description holding a term of every group,
 * anywhere and in any order, each at a place of its own, names the item. Terms match as keywords do:
 * Latin ones on word boundaries (automaton.ts), and those of several words also in another order
 * ("PUMP, MAGNETIC DRIVE", word-order.ts); Chinese and Japanese ones as substrings. A group may instead be a
 * parameter stated at or past a threshold ("Li-ion cell, 320 Wh/kg": quantities.ts).
 */
import type { QuantityCondition } from '../model/quantity.js';
import { type Hit, KeywordAutomaton, LATIN_WORD_CHARS } from './automaton.js';
import { meets, quantityText, statedQuantities } from './quantities.js';
import { AnyOrderKeywords } from './word-order.js';

/** From the first term found to the end of the last, and the terms as the pack writes them, in text order. */
export interface TogetherHit<T> extends Hit<T> {
  terms: string[];
}

interface Term {
  combination: number;
  group: number;
  shown: string;
}

/** A group of folded terms (and each as written), or a quantity condition. */
export type TogetherGroup = { folded: string; shown: string }[] | QuantityCondition;

export class TogetherKeywords<T> {
  private readonly terms = new KeywordAutomaton<Term>();
  private readonly termsReordered = new AnyOrderKeywords<Term>(true);
  private readonly quantities: { combination: number; group: number; condition: QuantityCondition }[] = [];
  private readonly combinations: { value: T; groups: number }[] = [];

  get size(): number {
    return this.combinations.length;
  }

  /** Groups that name `value` when a term of each stands in the text, and each quantity is stated. */
  add(groups: TogetherGroup[], value: T): void {
    const combination = this.combinations.length;
    this.combinations.push({ value, groups: groups.length });
    groups.forEach((entry, group) => {
      if (Array.isArray(entry)) {
        for (const { folded, shown } of entry) {
          const term = { combination, group, shown };
          this.terms.add(folded, term);
          this.termsReordered.add(folded, term);
        }
      } else {
        this.quantities.push({ combination, group, condition: entry });
      }
    });
  }

  build(): this {
    this.terms.build();
    return this;
  }

  search(text: string): TogetherHit<T>[] {
    if (this.combinations.length === 0) return [];
    const byCombination = new Map<number, Hit<Term>[]>();
    const termHits = [...this.terms.search(text), ...this.termsReordered.search(text)];
    for (const hit of [...termHits, ...this.quantityHits(text, new Set(termHits.map((h) => h.value.combination)))]) {
      const list = byCombination.get(hit.value.combination);
      if (list) list.push(hit);
      else byCombination.set(hit.value.combination, [hit]);
    }
    const found: TogetherHit<T>[] = [];
    for (const [combination, hits] of byCombination) {
      const { value, groups } = this.combinations[combination]!;
      const chosen = oneEach(text, hits, groups, []);
      if (!chosen) continue;
      chosen.sort((a, b) => a.start - b.start);
      found.push({
        start: chosen[0]!.start,
        end: Math.max(...chosen.map((h) => h.end)),
        value,
        terms: chosen.map((h) => h.value.shown),
      });
    }
    return found;
  }

  /**
   * The quantities the text states that meet a group's condition, of the combinations one of whose terms stands in the
   * text (every combination has terms): a text that names none is not read for quantities.
   */
  private quantityHits(text: string, named: Set<number>): Hit<Term>[] {
    const wanted = this.quantities.filter((q) => named.has(q.combination));
    if (wanted.length === 0) return [];
    const stated = statedQuantities(text);
    return wanted.flatMap(({ combination, group, condition }) =>
      stated.filter((q) => meets(q, condition)).map((q) => ({ start: q.start, end: q.end, value: { combination, group, shown: quantityText(q) } })),
    );
  }
}

/**
 * A hit of every group from `chosen.length` on, each at a place of its own ("hydrogen" cannot be both halves). Chinese
 * and Japanese terms may share characters where neither holds the other, as compounds run words together: 无人机载
 * is 无人机 and 机载.
 */
function oneEach(text: string, hits: Hit<Term>[], groups: number, chosen: Hit<Term>[]): Hit<Term>[] | undefined {
  const group = chosen.length;
  if (group === groups) return chosen;
  for (const hit of hits) {
    if (hit.value.group !== group || chosen.some((c) => clash(text, c, hit))) continue;
    const all = oneEach(text, hits, groups, [...chosen, hit]);
    if (all) return all;
  }
  return undefined;
}

function clash(text: string, a: Hit<unknown>, b: Hit<unknown>): boolean {
  const from = Math.max(a.start, b.start);
  const to = Math.min(a.end, b.end);
  if (from >= to) return false;
  const nested = (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
  return nested || LATIN_OR_DIGIT.test(text.slice(from, to));
}

const LATIN_OR_DIGIT = new RegExp(`[${LATIN_WORD_CHARS}]`);
