/**
 * The order people act in: prohibited rows, then rows with a military or listed-party nexus (a `review` row for
 * a defence ministry before a keyword hit), then licence, then review; input order inside each group.
 */
import type { Result, RowNexus } from '../model/result.js';

export const GROUPS = ['prohibited', 'nexus', 'license', 'review', 'clear'] as const;
export type Group = (typeof GROUPS)[number];

export type Order = 'triage' | 'input';

const NONE: RowNexus = { military: false, listedParty: null };

export const nexusOf = (r: Result): RowNexus => r.nexus ?? NONE;

export const hasNexus = (r: Result): boolean => {
  const n = nexusOf(r);
  return n.military || n.listedParty !== null;
};

export function groupOf(r: Result): Group {
  if (r.verdict === 'prohibited' || r.verdict === 'clear') return r.verdict;
  return hasNexus(r) ? 'nexus' : r.verdict;
}

/** The nexus in the words of the CSV column and SARIF: `military`, `control`, `military; control`, or ''. */
export function nexusTokens(r: Result): string[] {
  const n = nexusOf(r);
  return [...(n.military ? ['military'] : []), ...(n.listedParty ? [n.listedParty] : [])];
}
