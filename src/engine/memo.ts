/**
 * Answers the engine works out once per distinct value of a manifest (goods cells, party names, end
 * uses repeat line after line), kept per compiled rule set without being part of it.
 */
import { detached } from '../match/detach.js';
import type { RuleSet } from './compile.js';

/** A map that forgets everything when full: a manifest's repeats are near each other. */
export class BoundedMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string, compute: () => V): V {
    let value = this.entries.get(key);
    if (value === undefined) {
      value = compute();
      if (this.entries.size >= this.limit) this.entries.clear();
      this.entries.set(detached(key), value);
    }
    return value;
  }
}

const memos = new WeakMap<RuleSet, Map<string, BoundedMemo<unknown>>>();

/** The memo named `name` of a rule set, made on first use. */
export function memoOf<V>(rs: RuleSet, name: string, limit: number): BoundedMemo<V> {
  let byName = memos.get(rs);
  if (!byName) memos.set(rs, (byName = new Map()));
  let memo = byName.get(name);
  if (!memo) byName.set(name, (memo = new BoundedMemo<unknown>(limit)));
  return memo as BoundedMemo<V>;
}
