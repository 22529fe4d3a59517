/**
 * Chinese and Japanese keywords of the form "X用Y" (for-X Y: 無人機用エンジン, 无人机用发动机) found with a
 * specification written between their two halves, as invoices do: "無人機用2気筒2ストロークエンジン",
 * "无人机用双缸二冲程发动机". The stretch between must be short and hold no space or punctuation, so that
 * it stays one noun phrase; 使用 ("use", as in 使用済燃料) is not the "for" 用.
 */
import type { Hit } from './automaton.js';

/** Characters a specification may put between the halves (more is another phrase). */
const MAX_BETWEEN = 12;
/** Between the halves: letters, digits and CJK only; a space or a mark ends the phrase. */
const ONE_PHRASE = /^[\p{L}\p{N}\p{M}ー・.]+$/u;
const HAS_IDEOGRAPH = /[\u3040-\u30ff\u3400-\u9fff]/u;

interface Tail<T> {
  tail: string;
  value: T;
}

export class GappedKeywords<T> {
  private readonly byHead = new Map<string, Tail<T>[]>();

  get size(): number {
    return this.byHead.size;
  }

  /** Adds a keyword, already folded; one without a "for" 用 between two halves of two or more characters is left out. */
  add(keyword: string, value: T): void {
    const at = keyword.lastIndexOf('用');
    if (at < 1 || keyword[at - 1] === '使' || keyword.length - at - 1 < 2) return;
    const head = keyword.slice(0, at + 1);
    const tails = this.byHead.get(head);
    const entry = { tail: keyword.slice(at + 1), value };
    if (tails) tails.push(entry);
    else this.byHead.set(head, [entry]);
  }

  /** Every keyword whose halves stand in the folded text with a short specification between them. */
  search(text: string): Hit<T>[] {
    if (this.byHead.size === 0 || !HAS_IDEOGRAPH.test(text)) return [];
    const hits: Hit<T>[] = [];
    for (const [head, tails] of this.byHead) {
      for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
        const from = at + head.length;
        for (const { tail, value } of tails) {
          const found = text.indexOf(tail, from + 1);
          if (found < 0 || found - from > MAX_BETWEEN || !ONE_PHRASE.test(text.slice(from, found))) continue;
          hits.push({ start: at, end: found + tail.length, value });
        }
      }
    }
    return hits;
  }
}
