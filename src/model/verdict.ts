/** The verdicts a row can get and how they rank: the vocabulary every layer shares. */

/** Verdicts, most severe first. */
export const VERDICTS = ['prohibited', 'license', 'review', 'clear'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const SEVERITY: Record<Verdict, number> = { prohibited: 3, license: 2, review: 1, clear: 0 };

/** The verdict at or above which a run fails, or none. */
export type FailOn = Verdict | 'none';

/** Whether a verdict counts for --fail-on: at or above it. */
export function atOrAbove(verdict: Verdict, failOn: FailOn): boolean {
  return failOn !== 'none' && SEVERITY[verdict] >= SEVERITY[failOn];
}

export function mostSevere(verdicts: Iterable<Verdict>): Verdict {
  let worst: Verdict = 'clear';
  for (const v of verdicts) if (SEVERITY[v] > SEVERITY[worst]) worst = v;
  return worst;
}

/** How sure the sources are of a fact: LOW facts may only raise review. */
export const CONFIDENCES = ['HIGH', 'MED', 'LOW'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Exit codes of every command (the root help lists them). */
export const EXIT = { ok: 0, failed: 1, usage: 2, internal: 70 } as const;

/** The lists a listed party can be on. */
export const PARTY_LISTS = ['control', 'watch', 'military-user', 'unreliable', 'defence-contractor'] as const;
export type PartyList = (typeof PARTY_LISTS)[number];
