/**
 * Answers the engine works out once per distinct value of a manifest (goods cells, party names, end
 * uses repeat line after line), kept per compiled rule set without being part of it.
 */
import { BoundedMemo } from '../match/bounded-memo.js';
import type { RuleSet } from './compile.js';

type MemoFamily = Map<string, BoundedMemo<unknown>>;

const memos = new WeakMap<RuleSet, Map<string, MemoFamily>>();
// a run screens with one rule set: its memos are found without a WeakMap lookup per cell
let lastRuleSet: RuleSet | undefined;
let lastMemos: Map<string, MemoFamily> | undefined;

/**
 * The memo named `name` of a rule set, made on first use; `part` keeps one per column (a name in the consignee
 * column and the same words in a remark are read differently). Names are constants: a name built per call
 * would cost a hash per call.
 */
export function memoOf<V>(rs: RuleSet, name: string, limit: number, part = ''): BoundedMemo<V> {
  if (rs !== lastRuleSet) {
    lastRuleSet = rs;
    lastMemos = memos.get(rs);
    if (!lastMemos) memos.set(rs, (lastMemos = new Map()));
  }
  let family = lastMemos!.get(name);
  if (!family) lastMemos!.set(name, (family = new Map()));
  let memo = family.get(part);
  if (!memo) family.set(part, (memo = new BoundedMemo<unknown>(limit)));
  return memo as BoundedMemo<V>;
}
